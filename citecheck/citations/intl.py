"""OSCOLA, AGLC, MHRA and German footnote forms the general rules misread.

These forms are regular enough for a pattern to be surer than any model:

- cases: "R v Brown [2001] UKHL 12, [23]", "[1990] 1 QB 10 (CA) 15",
  "Mabo v Queensland (No 2) (1992) 175 CLR 1, 42", "BVerfGE 65, 1 (43)",
  "BGH NJW 2005, 1234 (1236)";
- journal articles: "'Title' (1994) 28 Sociology 379, 381", "[2003] PL 45",
  MHRA "'Title', Sociology, 28 (1994), 379-95 (p. 381)", German
  "Müller, NJW 2005, 1234 (1236)", "ZRP 30 (1997), 12 (14)";
- books: "Title (2nd edn, Butterworths 1992) 120", AGLC "(OUP, 2nd ed,
  1990)", German "Grundrechte, 3. Aufl. 2010, S. 45 f.";
- German commentaries and handbooks ("Schmidt, in: Maunz/Dürig, GG, Art. 20
  Rn. 12"), statutes ("§ 823 Abs. 1 BGB", "Human Rights Act 1998, s 3(1)")
  and reports ("(Law Com No 12, 2000)", "(Cm 1234, 2000)");
- short forms: "Walby (n 3) 385", "Walby, above n 3, 385", "Müller (Fn. 3),
  S. 5", "Müller, a.a.O., S. 47", "Ebd., S. 12".

``read_intl`` answers None for anything else, and the general rules run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from citecheck.citations.dates import find_dates
from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.names import looks_corporate, parse_authors
from citecheck.model import CitationType, PartialDate, Person, ShortForm

__all__ = ["mhra_pages", "read_intl", "tidy_title"]

_Q_OPEN = "‘“'\"„"
_Q_CLOSE = "’”'\"“"


_GERMAN_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_GERMAN_MONTH_RE = re.compile(rf"\b(?:(\d{{1,2}})\.\s*)?({'|'.join(_GERMAN_MONTHS)})\s+(\d{{4}})\b")


def _year(text: str | None) -> PartialDate | None:
    if not text:
        return None
    month_name = _GERMAN_MONTH_RE.search(text)
    if month_name:
        day, name, year = month_name.groups()
        month = _GERMAN_MONTHS.index(name) + 1
        return PartialDate(int(year), month, int(day) if day else None)
    german = re.search(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b", text)
    if german:
        day, month, year = (int(g) for g in german.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return PartialDate(year, month, day)
    found = find_dates(text)
    if found:
        rank = {"year": 0, "month": 1, "day": 2}
        return max(found, key=lambda m: rank[m.date.precision]).date
    m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    return PartialDate(int(m.group(1))) if m else None


# A judge after the pinpoint is no part of it: "(Gleeson CJ)", "(Lord Hoffmann)".
_JUDGE_RE = re.compile(
    r"\s*\([^()]*\b(?:LJJ?|JJ?|CJ|P|MR|JA|JJA|SCJ|(?:Lord|Lady|Baroness)\s+[A-Z]\w+)\)$"
)


def _pin(text: str | None) -> str | None:
    """A pinpoint as the conventions keep it: page markers dropped, the rest as printed."""
    if not text:
        return None
    value = text.strip(" ,.;")
    value = re.sub(r"^(?:at|p|pp|S)\.?\s+(?=\S)", "", value)
    value = _JUDGE_RE.sub("", value)
    if value.endswith((" f", " ff")):
        value += "."
    return value or None


_INITIALS_RE = re.compile(
    r"^(?P<given>(?:[A-Z]{1,3}\.?\s*|[A-Z][a-z]+\s+)*?)(?P<family>(?:(?:de|van|von|la|le|der|du|di)\s+)*"
    r"[A-ZÄÖÜ][\w’'-]+)$"
)


def _initials_person(text: str) -> Person | None:
    """ "A Travis", "TH Marshall", "J.R. Smith": initials with or without full stops."""
    m = _INITIALS_RE.match(text.strip())
    if not m or m.group("family").lower() in ("the", "a", "an"):
        return None
    return Person(family=m.group("family"), given=m.group("given").strip() or None)


def _people(text: str) -> tuple[Person, ...] | None:
    text = re.sub(r"\s*\((?:eds?|Hrsg)\.?\)\s*$", "", text.strip(" ,")).strip()
    text = re.sub(r",?\s+(?:QC|KC|SC)\b", "", text)
    if not text:
        return None
    if "/" in text and all(re.fullmatch(r"[A-ZÄÖÜ][\w’'-]+", p.strip()) for p in text.split("/")):
        return tuple(Person(family=p.strip()) for p in text.split("/"))
    found = parse_authors(text)
    if found and found[0]:
        return found[0]
    if looks_corporate(text):
        return (Person(family=text, corporate=True),)
    people = [_initials_person(chunk) for chunk in re.split(r",\s*|\s+(?:and|&|und)\s+", text)]
    if people and all(people):
        return tuple(p for p in people if p is not None)
    return None


# ------------------------------------------------------------ short forms

_CROSS_RE = re.compile(
    r"^(?P<who>[^()]{1,160}?)\s*\((?:n|Fn\.?)\s*(?P<note>\d{1,4})(?:[^)]{0,20})\)\s*,?\s*(?P<pin>.{0,40}?)\.?$"
)
_ABOVE_RE = re.compile(
    r"^(?P<who>.{1,160}?),\s*(?:above|supra)\s+n\.?\s*(?P<note>\d{1,4})(?:\s*,\s*(?P<pin>.{0,40}?))?\.?$"
)
_AAO_RE = re.compile(
    r"^(?P<who>.{1,120}?),\s*a\.\s?a\.\s?O\.?(?:\s*\(Fn\.\s*(?P<note>\d{1,4})\))?(?:\s*,?\s*(?P<pin>.{0,40}?))?\.?$"
)
_EBD_RE = re.compile(r"^(?:ebd|ebenda)\.?(?:\s*,?\s*(?P<pin>.{0,40}?))?\.?$", re.IGNORECASE)


_GERMAN_SHORT_TITLE_RE = re.compile(
    r"^(?P<who>[A-ZÄÖÜ][\w’'-]+(?:/[A-ZÄÖÜ][\w’'-]+)*),\s*(?P<title>[A-ZÄÖÜ][^,()]{1,60}?),\s*"
    r"(?P<pin>(?:S\.|Rn\.|§)\s*\d[^,;]{0,20}?)\.?$"
)


def _short(text: str) -> Parsed | None:
    m = _GERMAN_SHORT_TITLE_RE.match(text)
    if m and len(m.group("title").split()) <= 6 and not re.search(r"\d{4}", m.group("title")):
        # "Habermas, Strukturwandel, S. 5": author, short title, page.
        # Like the rules' "Kissinger, World Order, 12.", ``resolve`` ties it to the work.
        return Parsed(
            authors=tuple(Person(family=f) for f in m.group("who").split("/")),
            title=tidy(m.group("title")),
            pinpoint=_pin(m.group("pin")),
        )
    m = _EBD_RE.match(text)
    if m:
        return Parsed(short_form=ShortForm.IBID, pinpoint=_pin(m.group("pin")))
    for pattern in (_CROSS_RE, _ABOVE_RE, _AAO_RE):
        m = pattern.match(text)
        if m:
            who = tidy(m.group("who")) or ""
            if len(who.split()) > 14:
                return None
            return Parsed(
                short_form=ShortForm.SUPRA,
                supra_note=m.groupdict().get("note"),
                short_who=who,
                pinpoint=_pin(m.group("pin")),
            )
    return None


# ------------------------------------------------------------------ cases

_PARTY_RE = r"(?:.+?\sv\.?\s.+?|(?:Re|In re|Ex parte)\s.+?|.+?\((?:No|Nr\.?)\s*\d+\))"
_REPORTER = (
    r"[A-Z][A-Za-z]{0,9}"
    r"(?:\s(?:Civ|Crim|Admin|Comm|Fam|QB|Ch|IPEC|TCC|ER|App\sR|LR|Rep|EHRR|R|Pat|Lloyd's))?"
)
_CASE_RE = re.compile(
    rf"^(?P<name>{_PARTY_RE}),?\s*(?:\[(?P<y1>\d{{4}})\]|\((?P<y2>\d{{4}})\))\s+"
    rf"(?:(?P<vol>\d{{1,4}})\s+)?(?P<rep>{_REPORTER})\s+(?P<page>\d{{1,5}})(?P<rest>.*)$"
)
_PARALLEL_RE = re.compile(rf",?\s*[\[(]\d{{4}}[\])]\s+(?:\d+\s+)?{_REPORTER}\s+\d+")
_COURT_RE = re.compile(r"^\s*\((?:HL|CA|PC|QB|Ch|Fam|Admin|SC|HCA|CCA|ECtHR|Comm)\)")
_GERMAN_REPORT_RE = re.compile(
    r"^(?P<rep>BVerfGE|BVerfGK|BGHZ|BGHSt|BVerwGE|BAGE|BSGE|BFHE|RGZ|RGSt)\s+(?P<vol>\d{1,3}),\s*"
    r"(?P<page>\d{1,4})(?:\s*\((?P<pin>[^)]{1,30})\)|\s*,\s*(?P<pin2>\d[\w .f]{0,12}))?"
    r"(?:\s*[–-]\s*(?P<name>[^,.;]{2,60}))?\.?$"
)
_COURT_WORDS = (
    r"(?:BVerfG|BGH|BVerwG|BAG|BSG|BFH|EuGH|RG|(?:OLG|LG|VG|OVG|VGH|AG|LAG|LSG)\s+[A-ZÄÖÜ][\w.-]*)"
)
_GERMAN_DECISION_RE = re.compile(
    rf"^(?P<court>{_COURT_WORDS})\s*,?\s*(?:(?:Urt|Beschl|Urteil|Beschluss)\.?\s*v(?:om|\.)?\s*"
    r"(?P<d>\d{1,2}\.\s?\d{1,2}\.\s?\d{4})\s*(?:[–-]\s*(?P<az>[^,]{2,30}))?,\s*)?"
    r"(?P<journal>[A-ZÄÖÜ][A-Za-zÄÖÜäöü-]{1,9})\s+(?P<year>\d{4}),\s*(?P<page>\d{1,5})"
    r"(?:\s*\((?P<pin>[^)]{1,20})\)|\s*,\s*(?P<pin2>\d[\w .f]{0,12}))?"
    r"(?:\s*[–-]\s*(?P<name>[^,.;]{2,60}))?\.?$"
)


def _case(text: str) -> Parsed | None:
    m = _GERMAN_REPORT_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.CASE,
            title=tidy(m.group("name")),
            container=m.group("rep"),
            volume=m.group("vol"),
            pages=m.group("page"),
            pinpoint=_pin(m.group("pin") or m.group("pin2")),
        )
    m = _GERMAN_DECISION_RE.match(text)
    if m:
        decided = _year(m.group("d")) if m.group("d") else None
        return Parsed(
            type=CitationType.CASE,
            title=tidy(m.group("name")),
            container=m.group("journal"),
            pages=m.group("page"),
            pinpoint=_pin(m.group("pin") or m.group("pin2")),
            date=decided or PartialDate(int(m.group("year"))),
            number=tidy(m.group("az")),
        )
    m = _CASE_RE.match(text)
    if not m:
        return None
    rest = _COURT_RE.sub("", m.group("rest"))
    rest = _PARALLEL_RE.sub("", rest)
    rest = _COURT_RE.sub("", rest)
    rest = re.sub(r"^\s*,?\s*(?:at\s+)?", "", rest).strip(" .;")
    return Parsed(
        type=CitationType.CASE,
        title=tidy(m.group("name")),
        container=m.group("rep"),
        volume=m.group("vol"),
        pages=m.group("page"),
        pinpoint=_pin(rest) if rest and len(_JUDGE_RE.sub("", rest)) <= 30 else None,
        date=PartialDate(int(m.group("y1") or m.group("y2"))),
    )


# --------------------------------------------------------------- articles

_QUOTED = rf"[{_Q_OPEN}](?P<title>.+?)[{_Q_CLOSE}]"
_OSCOLA_ARTICLE_RE = re.compile(
    rf"^(?P<who>[^{_Q_OPEN}]*?),?\s*{_QUOTED},?\s*(?:\[(?P<y1>\d{{4}})\]|\((?P<y2>\d{{4}})\))\s+"
    r"(?:(?P<vol>\d{1,4})(?:\s*\((?P<iss>\d{1,3})\))?\s+)?(?P<journal>[^\d,()\[\]]{2,80}?)\s+"
    r"(?P<page>\d{1,5})(?:\s*(?:,\s*|\s)(?P<pin>[^,]{1,30}?))?\.?$"
)
_MHRA_ARTICLE_RE = re.compile(
    rf"^(?P<who>[^{_Q_OPEN}]*?),?\s*{_QUOTED},?\s*(?P<journal>[^\d()]{{2,80}}?),\s*"
    r"(?P<vol>[\dIVXLC]{1,5})(?:\.(?P<iss>\d{1,3}))?\s*\((?P<date>[^()]{0,30}\d{4})\),\s*"
    r"(?:pp?\.\s*)?(?P<pages>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)(?:\s*\((?P<pin>[^)]{1,30})\))?\.?$"
)
_GERMAN_ARTICLE_RE = re.compile(
    r"^(?P<who>[^,]{2,80}?),\s*(?:(?P<title>[^,]{2,200}?(?:,[^,]{2,200}?)?),\s*)?"
    r"(?P<journal>[A-ZÄÖÜ][A-Za-zÄÖÜäöü-]{1,9})\s+"
    r"(?:(?P<vol>\d{1,3})\s*\((?P<y2>\d{4})\)|(?P<y1>\d{4})),\s*(?P<page>\d{1,5})(?P<ff>\s*ff?\.)?"
    r"(?:\s*\((?P<pin>[^)]{1,20})\)|\s*,\s*(?P<pin2>\d[\w .f]{0,12}))?\.?$"
)


_VOLUME_YEAR_ARTICLE_RE = re.compile(
    r"^(?P<who>[^,]{2,80}?),\s*(?P<title>.{2,250}?),\s*(?:in:\s*)?"
    r"(?P<journal>[A-ZÄÖÜ][^,()\d]{1,80}?)\s+(?P<vol>\d{1,3})\s*\((?P<y>\d{4})\),\s*"
    r"(?:S\.\s*)?(?P<page>\d{1,5})(?P<ff>\s*ff?\.)?"
    r"(?:\s*\((?P<pin>[^)]{1,20})\)|\s*,\s*(?:S\.\s*)?(?P<pin2>\d[\w .f]{0,12}))?\.?$"
)


def _article(text: str) -> Parsed | None:
    m = _OSCOLA_ARTICLE_RE.match(text)
    if m and not re.search(r"\bin\s*$", m.group("journal")):
        who = m.group("who").strip(" ,")
        authors = _people(who) if who else ()
        if authors is None:
            return None
        return Parsed(
            type=CitationType.ARTICLE,
            authors=authors,
            title=tidy(m.group("title")),
            container=tidy(m.group("journal")),
            volume=m.group("vol"),
            issue=m.group("iss"),
            pages=m.group("page"),
            pinpoint=_pin(m.group("pin")),
            date=PartialDate(int(m.group("y1") or m.group("y2"))),
        )
    m = _MHRA_ARTICLE_RE.match(text)
    if m:
        who = m.group("who").strip(" ,")
        authors = _people(who) if who else ()
        if authors is None:
            return None
        return Parsed(
            type=CitationType.ARTICLE,
            authors=authors,
            title=tidy(m.group("title")),
            container=tidy(m.group("journal")),
            volume=m.group("vol"),
            issue=m.group("iss"),
            pages=m.group("pages"),
            pinpoint=_pin(m.group("pin")),
            date=_year(m.group("date")),
        )
    m = _VOLUME_YEAR_ARTICLE_RE.match(text)
    if m and not any(q in text for q in _Q_OPEN):
        # German "Journal 1 (1995), 303 (305)", whatever the journal's name.
        authors = _people(m.group("who"))
        if authors:
            return Parsed(
                type=CitationType.ARTICLE,
                authors=authors,
                title=tidy(m.group("title")),
                container=tidy(m.group("journal")),
                volume=m.group("vol"),
                pages=m.group("page") + (m.group("ff") or ""),
                pinpoint=_pin(m.group("pin") or m.group("pin2")),
                date=PartialDate(int(m.group("y"))),
            )
    m = _GERMAN_ARTICLE_RE.match(text)
    if m:
        authors = _people(m.group("who"))
        if not authors:
            return None
        pages = m.group("page") + (" ff." if m.group("ff") and "ff" in m.group("ff") else "")
        if m.group("ff") and "ff" not in m.group("ff"):
            pages += " f."
        return Parsed(
            type=CitationType.ARTICLE,
            authors=authors,
            title=tidy(m.group("title")),
            container=m.group("journal"),
            volume=m.group("vol"),
            pages=pages,
            pinpoint=_pin(m.group("pin") or m.group("pin2")),
            date=PartialDate(int(m.group("y1") or m.group("y2"))),
        )
    return None


# --------------------------------------------------------------- chapters

_MHRA_CHAPTER_RE = re.compile(
    rf"^(?P<who>[^{_Q_OPEN}]*?),?\s*{_QUOTED},?\s*in\s+(?P<book>[^()]{{2,200}}?),\s*"
    r"ed(?:\.|ited)?\s+by\s+(?P<eds>[^()]{2,160}?)\s*\((?P<imprint>[^()]*?\d{4})\)"
    r"(?:,\s*(?:pp?\.\s*)?(?P<pages>\d+(?:\s*[-–]\s*\d+)?))?"
    r"(?:\s*\((?:pp?\.\s*)?(?P<pin>[^)]{1,20})\)|,\s*(?:pp?\.\s*)?(?P<pin2>\d[^,]{0,15}))?\.?$"
)
_OSCOLA_CHAPTER_RE = re.compile(
    rf"^(?P<who>[^{_Q_OPEN}]*?),?\s*{_QUOTED},?\s*in\s+(?P<eds>[^()]{{2,160}}?)\s*\((?:eds?|Hrsg)\.?\),?\s*"
    r"(?P<book>[^()]{2,200}?),?\s*\((?P<imprint>[^()]*?\d{4})\)"
    r"(?:\s*,?\s*(?:pp?\.\s*)?(?P<pages>\d+(?:\s*[-–]\s*\d+)?))?"
    r"(?:\s*(?:,\s*|\s)(?:pp?\.\s*)?(?P<pin>[\d\[][^,]{0,15}))?\.?$"
)


def _chapter(text: str) -> Parsed | None:
    """MHRA "'Title', in Book, ed. by X (Place: Publisher, 2007), pp. 1-20 (p. 5)" and
    OSCOLA/AGLC "'Title' in X (ed), Book (Publisher 2007) 133, 140"."""
    for pattern in (_MHRA_CHAPTER_RE, _OSCOLA_CHAPTER_RE):
        m = pattern.match(text)
        if not m:
            continue
        who = m.group("who").strip(" ,")
        authors = _people(who) if who else ()
        if authors is None:
            return None
        publisher, date, place = _inside(m.group("imprint"))
        pin = m.groupdict().get("pin") or m.groupdict().get("pin2")
        return Parsed(
            type=CitationType.CHAPTER,
            authors=authors,
            title=tidy(m.group("title")),
            container=tidy(m.group("book")),
            publisher=tidy(publisher),
            place=place,
            date=date,
            pages=m.group("pages"),
            pinpoint=_pin(pin),
        )
    return None


# ------------------------------------------------------------------ books

_EDITION_RE = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|rev|revised|new)\s+(?:edn|ed)\b\.?|\b\d+\.\s*(?:Aufl(?:age)?|Auflage)\.?"
)
_BOOK_RE = re.compile(
    r"^(?P<head>[^()]{2,300}?)\s*\((?P<inside>[^()]{0,120}\b\d{4})\)"
    r"(?:\s*,?\s*(?:vol\s+(?P<vol>[\dIVX]+)\s*,?\s*)?(?P<pin>(?:\d|[ivxlc]+\b|\[|ch\b|para\b|pt\b)[^()]{0,28}?))?\.?$"
)


def _inside(inside: str) -> tuple[str | None, PartialDate | None, str | None]:
    """Publisher, date, place of "(2nd edn, Butterworths 1992)" or "(OUP, 2nd ed, 1990)"."""
    date = _year(inside)
    rest = _EDITION_RE.sub("", inside)
    rest = re.sub(r"\b\d{4}\b.*$", "", rest).strip(" ,;")
    place = None
    if ":" in rest:
        place, _, rest = rest.partition(":")
    parts = [
        p.strip() for p in rest.split(",") if p.strip() and not re.fullmatch(r"\d+", p.strip())
    ]
    publisher = parts[-1] if parts else None
    return publisher, date, tidy(place)


def _book(text: str) -> Parsed | None:
    chapter = re.search(r"[,.’”]\s+in\s+[A-Z]", text)
    if any(q in text for q in '‘“"') or chapter or "http" in text:
        return None
    m = _BOOK_RE.match(text)
    if not m:
        return None
    head = m.group("head").strip(" ,")
    inside = m.group("inside")
    # OSCOLA/AGLC only: "(2nd edn, Butterworths 1992)". Chicago's "(Place:
    # Publisher, Year)", Bluebook's "Title 34 (2004)" and a bare "(2012)"
    # are the general rules' business.
    if ":" in inside or re.search(r"\d", head) or not re.search(r"[A-Za-z]{2}", inside):
        return None
    if re.search(r"\b(?:No|Cm|Cmnd|HC|HL|Paper|accessed)\b", inside):
        return None
    if re.match(r"[A-Z][\w. ]+,\s*(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.)\s*,", inside):
        return None  # "(Washington, DC, 2013)": a US place, Chicago without a publisher
    who, sep, title = head.partition(", ")
    authors = _people(who) if sep else None
    if not authors:
        editors = re.match(r"^(?P<who>.+?)\s*\((?:eds?|Hrsg)\.?\),\s*(?P<title>.+)$", head)
        if editors:
            title, authors = editors.group("title"), ()
        elif sep and len(who.split()) <= 4 and re.fullmatch(r"[A-Z][\w’' .-]+", who):
            return None  # a name the name reader doubts: leave it to the rules
        else:
            title, authors = head, ()
    publisher, date, place = _inside(inside)
    if publisher and re.fullmatch(r"[\d\s]+|n\.?d\.?", publisher):
        publisher = None
    return Parsed(
        type=CitationType.BOOK,
        authors=authors,
        title=tidy(title),
        volume=m.group("vol"),
        publisher=tidy(publisher),
        place=place,
        date=date,
        pinpoint=_pin(m.group("pin")),
    )


_GERMAN_BOOK_RE = re.compile(
    r"^(?P<who>[A-ZÄÖÜ][^,]{1,80}?),\s*(?P<title>[^,]{2,200}?(?:,\s*[^,\d]{2,80}?)?),\s*"
    r"(?:(?:Bd\.\s*(?P<vol>[\dIVX]+)),\s*)?(?P<ed>\d+\.\s*Aufl(?:age)?\.?,?\s*)?"
    r"(?:(?P<place>[A-ZÄÖÜ][\wäöü./ ]{2,30}?)\s+)?"
    r"(?P<year>\d{4})(?:\s*,\s*(?P<pin>(?:S\.|Rn\.|§|Kap\.|\d)[^;]{0,30}?))?\.?$"
)


def _german_book(text: str) -> Parsed | None:
    m = _GERMAN_BOOK_RE.match(text)
    if not m or any(q in text for q in '‘“"'):
        return None
    if not (
        m.group("ed") or "/" in m.group("who") or re.match(r"(?:S\.|Rn\.|§)", m.group("pin") or "")
    ):
        return None
    authors = _people(m.group("who"))
    if not authors:
        return None
    return Parsed(
        type=CitationType.BOOK,
        authors=authors,
        title=tidy(m.group("title")),
        volume=m.group("vol"),
        place=tidy(m.group("place")),
        date=PartialDate(int(m.group("year"))),
        pinpoint=_pin(m.group("pin")),
    )


# ------------------------------------------- German commentaries and handbooks

_IN_RE = re.compile(
    r"^(?P<who>[^,:]{2,80}?),\s*(?:(?P<title>[^:]{2,200}?),\s*)?in:\s*(?P<rest>.+?)\.?$"
)
_LOCATOR_RE = re.compile(r"^(?:Art\.|§|Rn\.|S\.|Bd\.|\d+\.\s*Aufl|\(Stand|\d{4}\b)")


def _in_book(text: str) -> Parsed | None:
    m = _IN_RE.match(text)
    if not m:
        return None
    authors = _people(m.group("who"))
    if not authors:
        return None
    rest = m.group("rest")
    edited = re.match(r"^(?P<eds>[^,()]{2,80}?)\s*\((?:Hrsg|Hg|eds?)\.?\),?\s*", rest)
    if edited:
        rest = rest[edited.end() :]
    stand = re.search(r"\s*\(Stand:?\s*(?P<d>[^)]*)\)", rest)
    if stand:
        rest = rest[: stand.start()] + rest[stand.end() :]
    parts = [p.strip() for p in re.split(r",\s*(?![^()]*\))", rest) if p.strip()]
    container: list[str] = []
    volume = pages = pinpoint = None
    date: PartialDate | None = None
    for n, part in enumerate(parts):
        # The container is every element before the first locator or year.
        located = _LOCATOR_RE.match(part) or (n and re.match(r"\d", part))
        if not located and date is None and pages is None and pinpoint is None and volume is None:
            container.append(part)
            continue
        if part.startswith("Bd."):
            volume = part[3:].strip()
        elif date is None and re.fullmatch(
            r"(?:\d+\.\s*Aufl(?:age)?\.?\s*)?(?:1[5-9]|20)\d\d", part
        ):
            date = _year(part)
        elif pages is None and pinpoint is None and re.fullmatch(r"\d+(?:\s*ff?\.)?", part):
            pages = part  # "1990, 80 ff." or "1990, 80, 85": the first page, then the pin
        elif part.startswith("S."):
            pm = re.match(r"S\.\s*(?P<p>\d+(?:\s*ff?\.)?)(?:\s*\((?P<pin>[^)]+)\))?", part)
            if pm:
                pages, pinpoint = pm.group("p"), _pin(pm.group("pin"))
        elif edited and part.startswith("§"):
            sm = re.match(r"(?P<p>§\s*\d+\w*)\s*(?P<pin>Rn\.\s*.+)?$", part)
            if sm:
                pages, pinpoint = sm.group("p"), sm.group("pin")
        else:
            pinpoint = _pin(part)
    if not container:
        return None
    if stand:
        date = _year(stand.group("d")) or date
    return Parsed(
        type=CitationType.CHAPTER,
        authors=authors,
        title=tidy(m.group("title")),
        container=", ".join(container),
        volume=volume,
        pages=pages,
        pinpoint=pinpoint,
        date=date,
    )


# ------------------------------------------------------ statutes, reports

_GERMAN_STATUTE_RE = re.compile(
    r"^(?P<pin>(?:§§?|Art(?:t)?\.)\s*\d+\w*(?:\s+(?:Abs\.|S\.|Satz|Nr\.|lit\.|UAbs\.|Var\.|Alt\.)\s*\d+\w*)*"
    r"(?:\s*(?:[-–,]|und|u\.|i\.\s?V\.\s?m\.)\s*(?:(?:§§?|Art(?:t)?\.)\s*)?\d+\w*"
    r"(?:\s+(?:Abs\.|S\.|Satz|Nr\.|lit\.|UAbs\.|Var\.|Alt\.)\s*\d+\w*)*)*)\s+"
    r"(?P<act>[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,12}(?:\s[IVX]+)?)\.?$"
)
_ACT_RE = re.compile(
    r"^(?P<title>(?:[A-Z][\w,()'’ -]*?\s)?(?:Act|Ordinance|Regulations|Order|Rules|Code)\s+\d{4}"
    r"(?:\s*\((?:Cth|NSW|Vic|Qld|WA|SA|Tas|ACT|NT|UK|NZ|NI|Scot)\))?)"
    r"(?:\s*,?\s*(?P<pin>(?:ss?|arts?|pt|sch|regs?|rr?|cl|para)\.?\s+[\w().–-]+(?:\s*(?:[,–-]|and)\s*[\w().]+)*))?\.?$"
)
_REPORT_RE = re.compile(
    r"^(?P<head>[^()]{2,300}?)\s*\((?:(?P<series>[A-Z][\w ]{1,40}?)\s+No\.?\s+(?P<num>[\w/-]+)"
    r"|(?P<cm>(?:Cm|Cmnd|Cd|HC|HL|SI)\s+[\w/-]+))(?:,\s*(?P<date>[^()]{0,30}))?\)"
    r"(?:\s*,?\s*(?P<pin>[^()]{1,30}?))?\.?$"
)


def _statute_or_report(text: str) -> Parsed | None:
    m = _GERMAN_STATUTE_RE.match(text)
    if m:
        return Parsed(type=CitationType.STATUTE, title=m.group("act"), pinpoint=m.group("pin"))
    m = _ACT_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.STATUTE, title=tidy(m.group("title")), pinpoint=_pin(m.group("pin"))
        )
    m = _REPORT_RE.match(text)
    if m and not any(q in m.group("head") for q in "‘“"):
        head = m.group("head").strip(" ,")
        who, sep, title = head.partition(", ")
        authors = _people(who) if sep else None
        if not authors:
            title, authors = head, ()
        return Parsed(
            type=CitationType.REPORT,
            authors=authors,
            title=tidy(title),
            series=tidy(m.group("series")),
            number=m.group("num") or m.group("cm"),
            date=_year(m.group("date")),
            pinpoint=_pin(m.group("pin")),
        )
    return None


# ---------------------------------------------------------------- web pages

_WEB_RE = re.compile(
    rf"^(?P<who>[^{_Q_OPEN}]*?),?\s*{_QUOTED},?\s*(?:(?P<site2>[^(<]{{2,80}}?)\s*)?"
    r"\((?:(?P<site>[^,()]{2,80}?),\s*)?(?P<date>[^()]{0,30}?\d{4})\)\s*"
    r"<?(?P<url>(?:https?://|www\.)[^\s<>]+?)>?,?\s*"
    r"(?:\(?\[?(?:accessed|last\s+visited|abgerufen\s+am)\s+(?P<accessed>[^)\]]+?)\]?\)?)?\.?$",
    re.IGNORECASE,
)
_DOC_WORDS = re.compile(
    r"^(?:Web Page|Blog Post|Media Release|Press Release|Report|Statement)$", re.I
)


def _web(text: str) -> Parsed | None:
    """OSCOLA "'Title' (Site, 1 May 2020) <url> ..."; AGLC "'Title', Site (Web Page, ...)"."""
    m = _WEB_RE.match(text)
    if not m:
        return None
    who = m.group("who").strip(" ,")
    authors = _people(who) if who else ()
    if authors is None:
        return None
    site = m.group("site")
    if site and _DOC_WORDS.match(site.strip()):
        site = None
    container = tidy(m.group("site2")) or tidy(site)
    return Parsed(
        type=CitationType.WEBPAGE,
        authors=authors,
        title=tidy(m.group("title")),
        container=container,
        date=_year(m.group("date")),
        urls=(m.group("url").rstrip(".,;"),),
        accessed=_year(m.group("accessed")),
    )


_PAPER_RE = re.compile(
    rf"^(?P<who>[^{_Q_OPEN}]*?),?\s*{_QUOTED},?\s*(?P<paper>(?:The\s+)?[A-Z][^()<>]{{2,60}}?),?\s*"
    r"\((?:(?P<place>[A-Z][\w .]+?),\s*)?(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})\)"
    r"(?:\s*,?\s*(?:p\.\s*)?(?P<page>[A-Z]?\d+))?\.?$"
)
_GERMAN_PAPER_RE = re.compile(
    r"^(?:(?P<who>[^,]{2,60}?),\s*(?:(?P<title>[^,]{2,200}?),\s*)?)?"
    r"(?P<paper>[A-ZÄÖÜ][\wÄÖÜäöüß .-]{1,50}?)"
    r"\s+v(?:om|\.)\s*(?P<d>\d{1,2}\.\s?\d{1,2}\.\s?\d{4})(?:,\s*S\.\s*(?P<page>\d+))?\.?$"
)


def _newspaper(text: str) -> Parsed | None:
    """OSCOLA "'Title' The Guardian (London, 3 May 2010) 12"; German "FAZ v. 1.5.2000, S. 3"."""
    m = _PAPER_RE.match(text)
    if m:
        who = m.group("who").strip(" ,")
        authors = _people(who) if who else ()
        if authors is None:
            return None
        return Parsed(
            type=CitationType.NEWSPAPER,
            authors=authors,
            title=tidy(m.group("title")),
            container=tidy(m.group("paper")),
            date=_year(m.group("date")),
            pages=m.group("page"),
        )
    m = _GERMAN_PAPER_RE.match(text)
    if m:
        authors = _people(m.group("who")) if m.group("who") else ()
        return Parsed(
            type=CitationType.NEWSPAPER,
            authors=authors or (),
            title=tidy(m.group("title")),
            container=tidy(m.group("paper")),
            date=_year(m.group("d")),
            pages=m.group("page"),
        )
    return None


_MHRA_PAGES_RE = re.compile(
    r",\s*pp?\.\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?)\s*\(pp?\.\s*(?P<pin>[^)]{1,20})\)\.?$"
)


_EDITION_BY_RE = re.compile(
    r",?\s+(?:ed\.|edited|trans\.|translated|hrsg\.|Hrsg\.|übers\.)\s*(?:by|v\.|von)\s+.*$"
)
_CITED_VOLUME_RE = re.compile(
    r"\)\s*,\s*(?P<vol>[IVXL]{1,6}),\s*(?P<pin>(?:pp?\.\s*)?\d[^,()]{0,15})\.?$"
)
_YEAR_RANGE_RE = re.compile(r"(?:1[5-9]|20)\d\d\s*[–-]\s*(?:(?:1[5-9]|20)\d\d|\d\d)")


def tidy_title(text: str, parsed: Parsed | None) -> Parsed | None:
    """Slips any reader makes: an edition's editor read into a book's title
    ("Title, ed. by X"), a title's closing years read as its pages ("Culture
    and Society 1780–1950"), a count of volumes read as the volume."""
    if parsed is None or parsed.short_form is not None:
        return parsed
    if (
        re.search(r"\b\d+\s+vols\b", text)
        and parsed.publisher
        and parsed.type in (CitationType.ARTICLE, CitationType.OTHER)
    ):
        # "3 vols (Place: Publisher, 1990)": a book in volumes, not a journal.
        first = parsed.title or parsed.container
        parsed = replace(parsed, type=CitationType.BOOK, title=first, container=None)
    if not parsed.title:
        return parsed
    title = parsed.title
    if parsed.type is CitationType.BOOK:
        title = tidy(_EDITION_BY_RE.sub("", title)) or title
        title = tidy(re.sub(r",?\s*\d+\s+vols\.?$", "", title)) or title
    pages, volume, pinpoint = parsed.pages, parsed.volume, parsed.pinpoint
    if parsed.type is CitationType.BOOK:
        # MHRA "3 vols (London: X, 1994), II, 45": how many volumes is not the
        # volume; the cited volume and page come after the imprint.
        vols = re.search(r"\b(\d+)\s+vols\b", text)
        if vols and volume == vols.group(1):
            volume = None
        cited = _CITED_VOLUME_RE.search(text)
        if cited:
            volume, pinpoint, pages = cited.group("vol"), _pin(cited.group("pin")), None
    if (
        pages
        and _YEAR_RANGE_RE.fullmatch(pages)
        and re.search(re.escape(title) + r",?\s*" + re.escape(pages), text)
    ):
        title, pages = f"{title} {pages}", None
    if (title, pages, volume, pinpoint) == (
        parsed.title,
        parsed.pages,
        parsed.volume,
        parsed.pinpoint,
    ):
        return parsed
    return replace(parsed, title=title, pages=pages, volume=volume, pinpoint=pinpoint)


def mhra_pages(text: str, parsed: Parsed | None) -> Parsed | None:
    """MHRA's "pp. 109-32 (p. 113)": the range is the pages, the parenthesis the pinpoint."""
    if parsed is None or parsed.short_form is not None:
        return parsed
    m = _MHRA_PAGES_RE.search(text)
    if not m:
        return parsed
    return replace(parsed, pages=m.group("pages"), pinpoint=_pin(m.group("pin")))


# ----------------------------------- Hansard, EU law, Strasbourg, treaties

_HANSARD_RE = re.compile(
    r"^(?P<house>HC|HL)\s+Deb\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}),?\s*vol\s+(?P<vol>\d+),?\s*"
    r"(?P<pin>cols?\s+[\w–-]+(?:\s*[-–]\s*\w+)?)?.*?\.?$"
)
_EU_ACT_RE = re.compile(
    r"^(?P<title>(?:(?:Council|Commission|European Parliament and Council)\s+)?"
    r"(?:Directive|Regulation|Decision)\s*(?:\((?:EU|EC|EEC|Euratom)\)\s*)?(?:No\s*)?"
    r"(?P<num>\d{1,4}/\d{1,4}(?:/(?:EU|EC|EEC))?)\b[^\[]*?),?\s*\[(?P<year>\d{4})\]\s*OJ\s+"
    r"(?P<pages>[LC]\s?\d+/\d+)(?:\s*,?\s*(?P<pin>.+?))?\.?$"
)
_EU_CASE_RE = re.compile(
    r"^(?:Joined\s+)?Cases?\s+(?P<num>(?:[CTF]-)?\d+/\d+(?:\s*P)?)\s+(?P<name>.+?),?\s*"
    r"(?:\[(?P<y1>\d{4})\]|\((?P<y2>\d{4})\))\s+(?:(?P<vol>\d+)\s+)?"
    r"(?P<rep>ECR|CMLR|EHRR|All ER \(EC\))"
    r"\s*(?P<page>(?:I-|II-)?\d+)(?:\s*,?\s*(?P<pin>.+?))?\.?$"
)
_ECTHR_RE = re.compile(
    r"^(?P<name>.+?\sv\s.+?),?\s*App(?:lication)?\s+nos?\.?\s+(?P<num>\d+/\d+)[^()]*"
    r"\((?:ECtHR|ECHR|EComHR|Commission)[^()]*?(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\)"
    r"(?:\s*,?\s*(?P<pin>.+?))?\.?$"
)
_TREATY_RE = re.compile(
    r"^(?P<title>(?:[A-Z][\w’'-]*\s+(?:(?:of|on|for|the|and|to|against|in)\s+)*){0,8}?"
    r"(?:Convention|Treaty|Charter|Covenant|Protocol|Agreement|Declaration)\b[^,()]{0,160}?)"
    r"(?:\s*\([^()]{2,120}\))*\s*,?\s*(?:\d+\s+UNTS\s+\d+\s*,?\s*)?"
    r"(?P<pin>(?:arts?|Arts?\.|Art(?:ikel)?\.?|para)\s+[\w()., –-]+?)\.?$"
)
_CONSTITUTION_RE = re.compile(
    r"^(?P<title>(?:Australian|Commonwealth|Irish|Indian|[A-Z][a-z]+)\s+Constitution"
    r"|Constitution of\s+[A-Z][\w ]+?|Grundgesetz|Bunreacht na hÉireann)\s*,?\s*"
    r"(?P<pin>(?:ss?|arts?|Art\.)\s+[\w().–-]+)\.?$"
)


def _public_law(text: str) -> Parsed | None:
    m = _HANSARD_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.OTHER,
            container=f"{m.group('house')} Deb",
            date=_year(m.group("date")),
            volume=m.group("vol"),
            pinpoint=m.group("pin"),
        )
    m = _EU_ACT_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.STATUTE,
            title=tidy(m.group("title")),
            number=m.group("num"),
            date=PartialDate(int(m.group("year"))),
            container="OJ",
            pages=m.group("pages"),
            pinpoint=_pin(m.group("pin")),
        )
    m = _EU_CASE_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.CASE,
            title=tidy(m.group("name")),
            number=m.group("num"),
            date=PartialDate(int(m.group("y1") or m.group("y2"))),
            volume=m.group("vol"),
            container=m.group("rep"),
            pages=m.group("page"),
            pinpoint=_pin(m.group("pin")),
        )
    m = _ECTHR_RE.match(text)
    if m:
        return Parsed(
            type=CitationType.CASE,
            title=tidy(m.group("name")),
            number=m.group("num"),
            date=_year(m.group("date")),
            pinpoint=_pin(m.group("pin")),
        )
    for pattern in (_CONSTITUTION_RE, _TREATY_RE):
        m = pattern.match(text)
        if m:
            return Parsed(
                type=CitationType.STATUTE,
                title=tidy(m.group("title")),
                pinpoint=_pin(m.group("pin")),
            )
    return None


_PUBLIC_HINT_RE = re.compile(
    r"\bDeb\b|\bOJ\b|^(?:Joined\s+)?Cases?\s|\bApp(?:lication)?\s+no|Convention|Treaty|Charter|Covenant"
    r"|Protocol|Agreement|Declaration|Constitution|Grundgesetz"
)


# Cheap tests that a reader's pattern can match at all: most notes are in
# none of these conventions, and the patterns are not cheap.
_QUOTE_CHARS = frozenset(_Q_OPEN)
_SHORT_HINTS = (
    "(n ",
    "(Fn",
    "above n",
    "supra n",
    "a.a.O",
    "a. a. O",
    "bd.",
    "benda",
    ", S. ",
    ", Rn. ",
    ", § ",
)
_CASE_HINT_RE = re.compile(
    r"\sv\.?\s|^(?:Re|In re|Ex parte)\s|\((?:No|Nr)"
    r"|^(?:BVerfG|BGH|BVerwG|BAG|BSG|BFH|EuGH|RG|OLG|LG|VG|OVG|VGH|AG|LAG|LSG)"
)
_STATUTE_HINT_RE = re.compile(
    r"§|\bArtt?\.|\b(?:Act|Ordinance|Regulations|Order|Rules|Code)\s+\d{4}|\("
)
_GERMAN_JOURNAL_HINT_RE = re.compile(
    r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü-]{1,9}\s+(?:\d{4}|\d{1,3}\s*\(\d{4}\)),\s*\d"
)


def _quoted(text: str) -> bool:
    return not _QUOTE_CHARS.isdisjoint(text)


_Reader = Callable[[str], Parsed | None]
_READERS: tuple[tuple[Callable[[str], bool], _Reader], ...] = (
    (lambda t: any(h in t for h in _SHORT_HINTS), _short),
    (lambda t: bool(_PUBLIC_HINT_RE.search(t)), _public_law),
    (lambda t: bool(_CASE_HINT_RE.search(t)), _case),
    (lambda t: bool(_STATUTE_HINT_RE.search(t)), _statute_or_report),
    (lambda t: _quoted(t) or bool(_GERMAN_JOURNAL_HINT_RE.search(t)), _article),
    (lambda t: _quoted(t) and " in " in t, _chapter),
    (lambda t: _quoted(t) and ("http" in t or "www." in t), _web),
    (lambda t: _quoted(t) or " v. " in t or " vom " in t, _newspaper),
    (lambda t: "in:" in t, _in_book),
    (lambda t: "(" in t and ")" in t, _book),
    (lambda t: "Aufl" in t or "/" in t or "S. " in t or "Rn." in t or "§" in t, _german_book),
)


def read_intl(text: str) -> Parsed | None:
    """A Commonwealth or German form, read by its pattern; None for anything else."""
    value = " ".join(text.split()).strip()
    if not value or len(value) > 600:
        return None
    for worth_trying, reader in _READERS:
        if worth_trying(value):
            found = reader(value)
            if found is not None:
                return found
    return None
