"""One piece of a note -> the fields of the work it cites (or None for prose).

The parser works from the outside in. It first takes what is certain
wherever it sits: URLs, DOIs, access dates, a legal citation (eyecite), a
Bluebook "vol Container page, pin (year)" group. Then it finds the title:
quoted ("“Title,”") or italic when the markup said so, and the authors in
front of it. Without markup it reads the comma-separated elements: authors
first, then text elements (title, then container), then the "meta" elements
(dates, vol./no., pages, "(Place: Publisher, Year)", "Paper No. 153").

Everything found is blanked out of a working copy of the text (replaced by
spaces of the same length) so offsets, and the italic spans that point into
the text, stay valid while later steps run.

A piece with no sign of being a citation (no URL, title, authors-and-date,
volume...) is prose and gives None. Short forms (Id., Ibid., supra, op.
cit.) are recognised here and resolved later by ``resolve``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.citations.dates import DateMatch, find_dates, month_number, parse_date
from citecheck.citations.legal import find_legal
from citecheck.citations.names import looks_corporate, parse_authors
from citecheck.citations.split import Piece
from citecheck.model import CitationType, PartialDate, Person, ShortForm

__all__ = ["Parsed", "parse_piece"]

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Parsed:
    """The fields of one piece, before indexes and work ids are assigned."""

    type: CitationType = CitationType.OTHER
    authors: tuple[Person, ...] = ()
    et_al: bool = False
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pinpoint: str | None = None
    date: PartialDate | None = None
    publisher: str | None = None
    place: str | None = None
    series: str | None = None
    number: str | None = None
    urls: tuple[str, ...] = ()
    doi: str | None = None
    accessed: PartialDate | None = None
    short_form: ShortForm | None = None
    # For supra / short cites: which note and whose work ("Smith", a title).
    supra_note: str | None = None
    short_who: str | None = None
    problem: str | None = None


@dataclass(slots=True)
class _Draft:
    """The mutable working state of one parse; never leaves this module."""

    text: str
    italics: tuple[Span, ...]
    type: CitationType | None = None
    authors: tuple[Person, ...] = ()
    et_al: bool = False
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pinpoint: str | None = None
    date: PartialDate | None = None
    publisher: str | None = None
    place: str | None = None
    series: str | None = None
    number: str | None = None
    urls: list[str] = field(default_factory=list)
    doi: str | None = None
    accessed: PartialDate | None = None
    chapter: bool = False
    strong: bool = False
    title_marked: bool = False
    title_quoted: bool = False
    # A genre word ("Report", "(Working Paper No. 12)") said what kind of work it is.
    report_hint: bool = False
    # The authors were read APA-style ("Smith, J. (2010).").
    apa: bool = False
    problem: str | None = None

    def blank(self, a: int, b: int) -> None:
        if b > a:
            self.text = self.text[:a] + " " * (b - a) + self.text[b:]


_ABBREVIATED_RE = re.compile(r"\b[A-Z][a-z]{0,4}\.\s")
_ABBREV_END_RE = re.compile(r"(?:\b[A-Z]|\b(?:Inc|Co|Ltd|Corp|Jr|St|Stat|al))\.$")


def _tidy(text: str | None) -> str | None:
    """Collapse spaces, drop wrapping quotes and trailing separators."""
    if text is None:
        return None
    value = " ".join(text.split()).strip(" ,;:")
    value = value.strip("“”\"'‘’ ").rstrip(" ,;:")
    # One trailing period goes unless it ends an abbreviation ("Inc.", "U.S.").
    if value.endswith(".") and not (_ABBREV_END_RE.search(value) or _ABBREVIATED_RE.search(value)):
        value = value[:-1].rstrip()
    return value or None


def _pin(text: str) -> str | None:
    value = re.sub(r"^(?:at\s+)?(?:pp?\.|pages?|para(?:graph)?s?\.?|§+)\s*", "", text.strip(" .,"))
    value = value.strip(" .,")
    return value or None


# --------------------------------------------------------------------------
# Short forms
# --------------------------------------------------------------------------

_LOCATOR = (
    r"(?:(?:at\s+)?(?:(?:pp?\.|pages?|paras?\.|¶+|§+)\s*)?"
    r"(?P<pin>[\dIVXLCDMivxlcdm][\w–—\-.,]{0,30}?))"
)
_IBID_RE = re.compile(
    rf"^(?P<word>ibid(?:em)?|id)\.?(?:,?\s*{_LOCATOR})?\s*(?:\(.*\))?\s*[.,]?\s*(?=$|[A-Z(])",
    re.IGNORECASE,
)
_AUTHOR_PAGE_RE = re.compile(
    r"^(?P<who>[A-Z][\w’'-]+(?:\s+(?:and|&)\s+[A-Z][\w’'-]+)?),\s*(?:pp?\.\s*)?"
    r"(?P<pin>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*\.?$"
)
# "See supra note 3, at 4." / "infra note 12": a note named with no author.
_BARE_SUPRA_RE = re.compile(
    r"^(?P<word>supra|infra)\s*,?\s*(?:notes?|nn?\.?)\s*(?P<note>\d{1,4})"
    r"(?:,?\s*(?:at\s+)?(?:pp?\.\s*)?(?P<pin>\d[\w–—-]{0,20}))?",
    re.IGNORECASE,
)
_SUPRA_RE = re.compile(
    r"^(?P<who>.{1,240}?),?\s+(?:supra|op\.\s?cit\.?|loc\.\s?cit\.?)"
    r"(?:,?\s*(?:notes?|nn?\.?)\s*(?P<note>\d{1,4}))?"
    r"(?:,?\s*(?:at\s+)?(?:(?:pp?\.|pages?|paras?\.|¶+|§+)\s*)?(?P<pin>[\dIVXLCDMivxlcdm][\w–—\-]{0,20}))?",
    re.IGNORECASE,
)


def _short_form(text: str) -> Parsed | None:
    stripped = text.strip()
    m = _IBID_RE.match(stripped)
    if m:
        form = ShortForm.ID if m.group("word").lower() == "id" else ShortForm.IBID
        # "Id" is only a short form with its period (it is also a word).
        if form is ShortForm.ID and not re.match(r"(?i)id\.", stripped):
            return None
        pin = m.group("pin")
        return Parsed(short_form=form, pinpoint=_pin(pin) if pin else None)
    m = _BARE_SUPRA_RE.match(stripped)
    if m:
        pin = m.group("pin")
        infra = m.group("word").lower() == "infra"
        return Parsed(
            short_form=ShortForm.SUPRA,
            supra_note=None if infra else m.group("note"),
            pinpoint=_pin(pin) if pin else None,
            problem=f"infra note {m.group('note')} points forward; not resolved" if infra else None,
        )
    m = _SUPRA_RE.match(stripped)
    if m:
        who = _tidy(m.group("who"))
        pin = m.group("pin")
        return Parsed(
            short_form=ShortForm.SUPRA,
            supra_note=m.group("note"),
            short_who=who,
            pinpoint=_pin(pin) if pin else None,
        )
    m = _AUTHOR_PAGE_RE.match(stripped)
    if m and m.group("who").split()[0].casefold() not in _NOT_NAMES:
        # "Kissinger, 45.": an author and a page, the shortest short form.
        return Parsed(
            short_form=ShortForm.SHORT_TITLE, short_who=m.group("who"), pinpoint=m.group("pin")
        )
    return None


# --------------------------------------------------------------------------
# URLs, DOIs, access dates
# --------------------------------------------------------------------------

_URL_RE = re.compile(r"<(?:https?://|www\.)[^\s<>]+>|(?:https?://|www\.)[^\s<>\"“”]+")
_DOI_RE = re.compile(r"\b(?:doi:\s*|DOI:?\s*)(10\.\d{4,9}/[^\s\"“”<>]+)", re.IGNORECASE)
_DOI_IN_URL_RE = re.compile(r"doi\.org/(10\.\d{4,9}/\S+)", re.IGNORECASE)
_URL_LEAD_RE = re.compile(
    r"(?:[,.;:]?\s*\b(?:(?:available|accessible|retrieved|downloaded|archived|published|posted"
    r"|reprinted)(?:\s+(?:online|at|from|on|via|in))*|online(?:\s+at)?|at|see|url|from|via)\s*:?\s*)+$",
    re.IGNORECASE,
)
_ACCESSED_RE = re.compile(
    r"\b(?:(?:last\s+)?(?:accessed|visited|viewed|checked|consulted)"
    r"|retrieved|date\s+accessed|(?P<updated>(?:last\s+)?(?:modified|updated|revised)))"
    r"(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)


def _strip_url(url: str) -> str:
    url = url.strip("<>")
    # Trailing punctuation belongs to the sentence, except a closing bracket
    # the URL itself opened (Wikipedia's "..._(novel)").
    while url and url[-1] in ".,;:!?'\"”’>]}":
        url = url[:-1]
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    return url


def _take_urls(d: _Draft) -> None:
    for m in list(_URL_RE.finditer(d.text)):
        url = _strip_url(m.group())
        if len(url) < 8:
            continue
        doi = _DOI_IN_URL_RE.search(url)
        if doi and d.doi is None:
            d.doi = doi.group(1).rstrip(".,;")
        d.urls.append(url)
        d.blank(m.start(), m.end())
        # Only the words just before the URL can introduce it; a bounded
        # window also keeps the search linear on long notes.
        window = max(0, m.start() - 60)
        lead = _URL_LEAD_RE.search(d.text, window, m.start())
        if lead and lead.end() == m.start() and lead.group().strip(" ,.;:"):
            d.blank(lead.start(), lead.end())
        link = _LINK_TEXT_RE.search(d.text, window, m.start())
        if link and d.text[link.end() : m.start()].strip() == "":
            # Readers write links as "text (url)"; "available at example.org
            # (url)" or "here (url)" names no field of the work.
            d.blank(link.start(), link.end())
            close = d.text.find(")", m.end())
            if close >= 0 and not d.text[m.end() : close].strip():
                d.blank(close, close + 1)
    m2 = _DOI_RE.search(d.text)
    if m2:
        d.doi = d.doi or m2.group(1).rstrip(".,;)")
        d.blank(m2.start(), m2.end())
    if d.urls or d.doi:
        d.strong = True
    # Bracketed asides ("[The Labyrinth]", "[hereinafter QHSR]", an emptied
    # "[<perma link>]") are no field of their own.
    for m3 in _BRACKETED_RE.finditer(d.text):
        d.blank(m3.start(), m3.end())


_LINK_TEXT_RE = re.compile(
    r"(?:(?<=[\s,.;:])|^)(?:(?:(?:available|accessible|online|archived|retrieved|text|data|full\s+text)"
    r"(?:\s+(?:online|at|from|on|via))*|at|see|via)\s+(?:the\s+)?[^,;()]{0,60}?"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|mil|[a-z]{2})|here|link|online)\s*\($",
    re.IGNORECASE,
)
_BRACKETED_RE = re.compile(r"\[[^\[\]]{0,200}\]")


# MLA: "..., 15 Apr. 2009. Web. 2 June 2015.": the date after "Web." is the visit.
_MLA_WEB_RE = re.compile(r"\bWeb\.\s+")


def _take_accessed(d: _Draft) -> None:
    if d.accessed is None and "Web. " in d.text:
        for m in _MLA_WEB_RE.finditer(d.text):
            dates = find_dates(d.text[m.end() : m.end() + 30])
            if dates and dates[0].start == 0:
                d.accessed = dates[0].date
                d.blank(m.start(), m.end() + dates[0].end)
                break
    for m in list(_ACCESSED_RE.finditer(d.text)):
        tail = d.text[m.end() : m.end() + 40]
        dates = find_dates(tail)
        if not dates or dates[0].start > 1:
            continue
        end = m.end() + dates[0].end
        if m.group("updated"):
            # "last modified May 3, 2015" dates the page, not the visit.
            d.date = d.date or dates[0].date
        elif d.accessed is None:
            d.accessed = dates[0].date
        else:
            continue
        if end < len(d.text) and d.text[end] in ")]":
            end += 1
        start = m.start()
        # Take the "(" or "," that opened the access note with it.
        before = d.text[max(0, start - 3) : start].rstrip()
        if before.endswith(("(", "[", ",", ";")):
            start = max(0, start - 3) + len(before) - 1
        d.blank(start, end)


# --------------------------------------------------------------------------
# Bluebook "55 Foreign Affairs 306, 309 (1977)"
# --------------------------------------------------------------------------

_BLUEBOOK_RE = re.compile(
    r"(?:^|(?<=[,.”\"]\s)|(?<=[,.”\"]))\s*(?P<vol>\d{1,4})\s+"
    r"(?P<cont>[A-Z][A-Za-z.&'’:\- ]{1,80}?)\s+(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)"
    r"(?:,\s*(?P<pin>\d{1,5}(?:\s*[-–]\s*\d{1,5})?(?:\s*n\.\s*\d+)?))?"
    r"(?:\s*\((?P<yr>[^()]{0,40}?\b(?:1[5-9]|20)\d\d)\))?"
)


def _take_bluebook(d: _Draft) -> None:
    m = _BLUEBOOK_RE.search(d.text)
    if not m:
        return
    container = m.group("cont").strip()
    if month_number(container.split()[0]) or container.lower().startswith(("no.", "vol")):
        return
    pin = m.group("pin")
    year_text = m.group("yr")
    date = parse_date(year_text) if year_text else None
    if pin and date is None and re.fullmatch(r"(?:1[5-9]|20)\d\d(?:\s*[-–]\s*\d{2,4})?", pin):
        # "1413, 1995-1996": a year (range) where a pinpoint would be.
        date = parse_date(pin)
        pin = None
    if date is None and pin is None:
        # "48 Stanford Law Review 1413" alone is still a cite; a year may follow.
        follow = re.match(r"\s*,?\s*((?:1[5-9]|20)\d\d(?:\s*[-–]\s*\d{2,4})?)\b", d.text[m.end() :])
        if not follow:
            return
        date = parse_date(follow.group(1))
        d.blank(m.end(), m.end() + follow.end())
    d.volume = m.group("vol")
    d.container = container
    d.pages = m.group("page").replace(" ", "")
    d.pinpoint = pin
    d.date = date
    d.type = CitationType.ARTICLE
    d.strong = True
    d.blank(m.start(), m.end())


# --------------------------------------------------------------------------
# Bluebook reports: "Author, Institution, Number, Title pin (Date)" and
# congressional reports "H.R. Rep. No. 104-469, at 12 (1996)"
# --------------------------------------------------------------------------

# A cheap look for a report number standing as its own element, so the full
# pattern below runs only on the few pieces that may hold one.
_BB_CODE_HINT_RE = re.compile(r",\s*(?:[A-Z]{1,6}-?\d{2,}|(?:[A-Z][\w.’']*\s+){0,3}No\.\s)")
_BB_REPORT_RE = re.compile(
    r"^(?P<pre>[^()]{2,300}?),\s*(?P<num>[A-Z]{1,6}-?\d{2,}(?:-\d+)*[A-Z]?"
    r"|(?:[A-Z][\w.’']*\s+){0,3}No\.\s*[\w-]+)\s*,\s*"
    r"(?P<title>[^()]{3,300}?)(?:,?\s+(?:at\s+)?(?P<pin>\d{1,4}(?:\s*[-–]\s*\d{1,4})?))?"
    r"\s*\((?P<date>[^()]{0,40}?\b(?:1[5-9]|20)\d\d)\)[\s.,;]*$"
)
_CONGRESS_DOC_RE = re.compile(
    r"(?:^|,\s*)(?P<s>(?:H\.\s?R\.|H\.|S\.)\s?(?:Rep|Doc|Prt|Exec\.\s?Rep)\.)\s+No\.\s*"
    r"(?P<n>\d{1,3}\s*[-–]\s*\d{1,4})(?:,\s*pt\.\s*\d+)?(?:,\s*at\s+(?P<pin>[\w–-]+))?"
    r"(?:\s*\((?P<date>[^()]{0,40}?\b(?:1[5-9]|20)\d\d)\))?[\s.,;]*$"
)


# Bluebook hearings: "Title: Hearing Before the S. Comm. on X, 113th Cong. 12
# (2013) (statement of ...)". The hearing record is the work (a government
# document, so a report); the statement parenthetical only names a speaker.
_HEARING_RE = re.compile(
    r"^(?P<title>[^()]{0,300}?\bHearings?\s+(?:Before|on)\s+(?:the\s+)?[^,()]{3,160}?),"
    r"\s*(?P<cong>\d{2,3}(?:th|st|nd|rd|d)\s+Cong\.)(?:\s+(?P<pin>\d[\d–-]*))?"
    r"\s*\((?P<date>[^()]{0,40}?\b(?:1[5-9]|20)\d\d)\)"
)


def _take_bluebook_report(d: _Draft) -> bool:
    """Read a Bluebook institutional or congressional report; True if found."""
    text = d.text.strip()
    hearing = _HEARING_RE.match(text) if "Hearing" in text else None
    if hearing:
        # The committee is named inside the title, not as a publisher element.
        d.title = hearing.group("title")
        d.pinpoint = hearing.group("pin")
        d.date = parse_date(hearing.group("date"))
        d.type = CitationType.REPORT
        return True
    # Plain substring tests first: most pieces name no congressional document.
    congress = "No." in text and ("Rep." in text or "Doc." in text or "Prt." in text)
    m = _CONGRESS_DOC_RE.search(text) if congress else None
    if m:
        d.series = " ".join(m.group("s").split())
        d.number = re.sub(r"\s*[-–]\s*", "-", m.group("n"))
        d.pinpoint = m.group("pin")
        d.date = parse_date(m.group("date")) if m.group("date") else d.date
        title = text[: m.start()].strip(" ,")
        d.title = title or None
        d.type = CitationType.REPORT
        return True
    # The form ends with its date in parentheses: a cheap test before any regex.
    if not text.rstrip(" .,;").endswith(")") or not _BB_CODE_HINT_RE.search(text):
        return False
    m = _BB_REPORT_RE.match(text)
    if not m:
        return False
    pre = [part.strip() for part in m.group("pre").split(",") if part.strip()]
    people = parse_authors(pre[0]) if len(pre) > 1 else None
    if people and not people[0][0].corporate:
        # "Marc R. Rosenblum, Cong. Research Serv., R42138, ...": the author,
        # then the institution that issued the report.
        d.authors, d.et_al = people
        d.publisher = ", ".join(pre[1:])
    else:
        d.authors = (Person(family=", ".join(pre), corporate=True),)
    d.number = re.sub(r"^(?:.*\s)?No\.\s*", "", m.group("num"))
    if "No." in m.group("num") and m.group("num").split("No.")[0].strip():
        d.series = m.group("num").split("No.")[0].strip()
    d.title = m.group("title")
    d.pinpoint = m.group("pin")
    d.date = parse_date(m.group("date"))
    d.type = CitationType.REPORT
    return True


# --------------------------------------------------------------------------
# Titles marked by quotation marks or italics
# --------------------------------------------------------------------------

_QUOTED_RE = re.compile(r"[“\"](?P<t>[^“”\"]{2,400}?)[”\"]")
_TITLE_POS_RE = re.compile(r"(?:^|[,.:;]|\bin|\bIn)\s*$")


def _title_position(text: str, at: int) -> bool:
    return bool(_TITLE_POS_RE.search(text[max(0, at - 6) : at])) or not text[:at].strip()


def _marked_titles(d: _Draft) -> list[tuple[int, int, str, str]]:
    """(start, end, text, kind) of quoted and italic stretches, in order."""
    found: list[tuple[int, int, str, str]] = []
    for m in _QUOTED_RE.finditer(d.text):
        found.append((m.start(), m.end(), m.group("t"), "quote"))
    for a, b in d.italics:
        if 0 <= a < b <= len(d.text) and d.text[a:b].strip():
            if any(qa <= a < qb for qa, qb, _t, _k in found):
                continue
            found.append((a, b, d.text[a:b], "italic"))
    found.sort()
    return found


# --------------------------------------------------------------------------
# Authors at the front
# --------------------------------------------------------------------------

_ABBREV = frozenset(
    [
        "u.s",
        "us",
        "st",
        "dr",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "vol",
        "no",
        "nos",
        "ed",
        "eds",
        "trans",
        "rev",
        "sept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "inc",
        "co",
        "ltd",
        "corp",
        "dept",
        "univ",
        "assn",
        "intl",
        "natl",
        "govt",
        "pp",
        "p",
        "ch",
        "art",
        "sec",
        "fig",
        "et",
        "al",
        "e.g",
        "i.e",
        "cf",
        "vs",
        "v",
        "op",
        "cit",
    ]
)


_FULL_STOP_RE = re.compile(r"\.(?=\s|$)")
_LAST_WORD_RE = re.compile(r"([\w.]+)$")


def _sentence_end(text: str, start: int = 0) -> int:
    """Index of the first ". " that ends a sentence, not an initial or abbreviation."""
    for m in _FULL_STOP_RE.finditer(text, start):
        i = m.start()
        word = _LAST_WORD_RE.search(text[max(0, i - 40) : i])
        token = word.group(1) if word else ""
        bare = token.replace(".", "").lower()
        if len(bare) <= 1 or bare in _ABBREV or "." in token or token.lower() in _ABBREV:
            continue
        return i
    return -1


def _top_commas(text: str) -> list[int]:
    out: list[int] = []
    depth = 0
    quote = False
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in "“":
            quote = True
        elif ch in "”":
            quote = False
        elif ch == '"':
            quote = not quote
        elif ch == "," and depth == 0 and not quote:
            out.append(i)
    return out


_EDITOR_RE = re.compile(
    r"(?<![\s,]),?\s*\(?\b(?:eds?\.|editors?|ed\.\s+by|edited\s+by|comp\.)\)?\s*$", re.I
)
_APA_INITIALS_RE = re.compile(r",\s*(?:[A-Z]\.\s?-?){1,3}(?:,|\s*&|\s*$|\s+and\b)")
_APA_RE = re.compile(
    r"^(?P<who>.{2,200}?)\s*\((?P<date>(?:1[5-9]|20)\d\d[a-z]?|n\.\s?d\.)(?:,(?P<md>[^()]{0,30}))?\)\."
)


def _take_authors(d: _Draft, limit: int) -> int:
    """Read authors from the front (up to ``limit``); return where they end."""
    text = d.text[:limit]
    lead = len(text) - len(text.lstrip())
    m = _APA_RE.match(text.lstrip())
    # APA names are inverted with initials ("Smith, J.") or an organisation's.
    if m and (_APA_INITIALS_RE.search(m.group("who")) or looks_corporate(m.group("who"))):
        # "Wilson, C. E., & Lee, E. (Eds.). (2013).": the editors' mark goes first.
        who = re.sub(r"\)\.$", ")", m.group("who"))
        found = parse_authors(_EDITOR_RE.sub("", who), inverted=True)
        if found:
            d.authors, d.et_al = found
            # APA "(2014, October 9)": the year, then the month and day.
            month_day = m.group("md")
            dated = parse_date(f"{month_day} {m.group('date')}") if month_day else None
            d.date = dated or parse_date(m.group("date")) or d.date
            d.apa = True
            d.strong = True
            return lead + m.end()
    commas = _top_commas(text)
    period = _sentence_end(text, lead)
    first_comma = commas[0] if commas else -1
    if period > 0 and (first_comma < 0 or period < first_comma):
        found = parse_authors(_EDITOR_RE.sub("", text[:period]))
        if found:
            d.authors, d.et_al = found
            return period + 1
    if first_comma > 0 and period > first_comma:
        # "Boghardt, Thomas. Title": inverted, ended by a period.
        given = text[first_comma + 1 : period]
        if len(given.split()) <= 4 and not _titleish(given):
            found = parse_authors(text[:period], inverted=True)
            if found:
                d.authors, d.et_al = found
                return period + 1
    if first_comma > 0:
        # "A, B, and C, Title": extend over the commas while a conjunction closes the list.
        end = first_comma
        for nxt, comma in enumerate(commas[1:4], start=1):
            chunk = text[commas[nxt - 1] + 1 : comma].strip()
            if re.match(r"(?:and|&)\s", chunk):
                end = comma
                break
        for stop in dict.fromkeys((end, first_comma)):
            block = text[:stop]
            found = parse_authors(_EDITOR_RE.sub("", block))
            if found and (found[0][0].corporate or not _titleish(block)):
                d.authors, d.et_al = found
                if found[0][0].corporate and len(found[0]) == 1:
                    stop = _extend_corporate(d, text, stop, commas)
                return stop + 1
    return lead


def _extend_corporate(d: _Draft, text: str, stop: int, commas: list[int]) -> int:
    """ "Department of Homeland Security, Office of Immigration Statistics": one author."""
    names = [d.authors[0].family]
    for comma in commas:
        if comma <= stop:
            continue
        part = text[stop + 1 : comma].strip()
        if not _LETTER_RE.search(text, comma):
            # Nothing but a URL or date follows: this part is the title
            # ("U.S. Customs & Border Prot., Border Patrol Overview, <url>").
            break
        found = parse_authors(part)
        if not found or not found[0][0].corporate or len(found[0]) != 1:
            break
        names.append(part)
        stop = comma
    d.authors = (Person(family=", ".join(names), corporate=True),)
    return stop


_LETTER_RE = re.compile(r"[^\W\d_]")
_SMALL_WORDS = frozenset(("of", "and", "the", "in", "on", "for", "to", "a", "an", "at", "by"))

# Sentence openers that would otherwise read as a one-word author.
_NOT_NAMES = frozenset(
    [
        "moreover",
        "however",
        "thus",
        "also",
        "indeed",
        "furthermore",
        "similarly",
        "likewise",
        "still",
        "yet",
        "nevertheless",
        "therefore",
        "hence",
        "accordingly",
        "finally",
        "first",
        "second",
        "third",
        "again",
        "instead",
        "meanwhile",
        "notably",
    ]
)

# Capitalised words that open titles far more often than they are names.
_TITLE_WORDS = frozenset(
    [
        "trade",
        "order",
        "world",
        "report",
        "review",
        "policy",
        "security",
        "history",
        "law",
        "laws",
        "global",
        "economic",
        "economics",
        "foreign",
        "national",
        "international",
        "annual",
        "strategy",
        "border",
        "borders",
        "state",
        "states",
        "united",
        "america",
        "american",
        "north",
        "south",
        "east",
        "west",
        "new",
        "old",
        "war",
        "peace",
        "age",
        "case",
        "cases",
        "study",
        "studies",
        "introduction",
        "guide",
        "handbook",
        "principles",
        "theory",
        "politics",
        "power",
        "rights",
        "human",
        "development",
        "crisis",
        "future",
        "data",
        "statistics",
        "facts",
        "fact",
        "figures",
        "news",
        "notes",
        "note",
        "letter",
        "letters",
        "speech",
        "press",
        "release",
        "statement",
        "statements",
        "overview",
        "summary",
        "analysis",
        "toward",
        "towards",
        "beyond",
        "after",
        "before",
        "mexico",
        "canada",
        "china",
        "europe",
        "homeland",
        "public",
        "private",
    ]
)


def _titleish(text: str) -> bool:
    words = [w.strip(".,") for w in text.split()]
    return any(w.casefold() in _TITLE_WORDS for w in words)


# --------------------------------------------------------------------------
# The elements after the title
# --------------------------------------------------------------------------

_VOL_RE = re.compile(r"^(?:vol\.?|volume|v\.)\s*(?P<v>[\w.-]+)$", re.I)
_NO_RE = re.compile(r"^(?:no\.?|nos\.?|number|issue|iss\.|#)\s*(?P<n>[\w./-]+)$", re.I)
_APA_VOL_RE = re.compile(r",\s*(?P<v>\d{1,4})\s?\((?P<i>[\w/–-]{1,10})\)(?=\s*(?:[,.:]|$))")
_VOL_ISSUE_RE = re.compile(r"^(?P<v>\d{1,4})\s*\((?P<i>[\w/–-]{1,10})\)$")
_PAGES_RE = re.compile(
    r"^(?:pp?\.|pages?|at|chap\.|ch\.|chapter|§+|paras?\.|¶+|tables?|tab\.|figures?|figs?\."
    r"|charts?|annex|appendix|app\.)\s*"
    r"(?P<p>[\w–—-]+(?:\s*[-–—]\s*\w+)?(?:\s?ff?\.?)?(?:\s*nn?\.\s*\d+)?)$",
    re.I,
)
# Locators that keep their label ("Table 39", "para. 4"): a bare number would read as a page.
_LABELLED_LOCATORS = ("para", "tab", "fig", "chart", "annex", "app")
# "45", "45–47", "xii", "45ff.", "45 n. 3": a page or range, alone in its element.
_BARE_PAGES_RE = re.compile(
    r"^:?\s*(?P<p>(?:\d{1,5}|[ivxlc]{1,7})(?:\s*[-–—]\s*(?:\d{1,5}|[ivxlc]{1,7}))?"
    r"(?:\s?ff?\.?)?(?:\s*nn?\.\s*\d+)?)$"
)
_SERIES_NO_RE = re.compile(
    r"^(?P<s>(?:(?:[A-Z][\w&.’'-]*|of|the|for|and|&)\s+){0,8}?(?:[\w-]+\s+)?(?:Papers?|Reports?|Briefs?|Series|Notes?"
    r"|Stud(?:y|ies)|Memo(?:randum)?|Bulletin|Documents?|Publications?|Monographs?|Briefing"
    r"|Perspectives?|Analysis|Insights?|Commentary)(?:\s+for\s+Congress)?)\s*,?\s*"
    r"(?:(?i:No\.?|Number|Nos\.?|#)\s*(?P<n>[\w./-]+)|(?P<code>[A-Z]{1,5}[-/]?\d[\w./-]*)"
    r"|(?P<bare>\d{1,6}(?:[-.]\d+)*))$"
)
# A bare number names a paper only after a paper series' own words
# ("NBER Working Paper 12141"); "Hastings Center Report 45" is a journal volume.
_PAPER_SERIES_RE = re.compile(
    r"\b(?:Working|Discussion|Occasional|Research|Policy|Staff|Technical|Background|Briefing"
    r"|Issue|White|Economics?)\s+(?:Papers?|Briefs?|Reports?|Notes?)$"
)
_YEAR_RE = re.compile(r"(?:1[5-9]|20)\d\d")
_DIGIT_RE = re.compile(r"\d")
# A series named before its number ("Global Economics Paper"); not "Studies"
# or "Review", which end journal names and take an issue number.
_SERIES_ENDINGS: tuple[str, ...] = (
    *("Paper", "Papers", "Report", "Reports", "Brief", "Briefs", "Series", "Notes"),
    "Memorandum",
)
_SERIES_END_RE = re.compile(r"\b(?:Papers?|Reports?|Briefs?|Series|Notes|Memorandum)$")


def _series_number(value: str) -> tuple[str, str] | None:
    """ "Global Economics Paper No. 153" -> (series, number), else None."""
    # Every number and code has a digit: a cheap test before the pattern.
    if not _DIGIT_RE.search(value):
        return None
    m = _SERIES_NO_RE.match(value)
    if not m:
        return None
    series = _tidy(m.group("s")) or ""
    bare = m.group("bare")
    if bare is not None:
        if _YEAR_RE.fullmatch(bare) or not (
            _PAPER_SERIES_RE.search(series) or len(bare.replace("-", "")) >= 4
        ):
            return None
        return series, bare
    return series, m.group("n") or m.group("code")


# Report codes standing alone: "GAO-13-25", "RL32345", "CRS-R41349".
_REPORT_CODE_RE = re.compile(r"^[A-Z]{2,6}-?\d{2,}(?:-\d+)*[A-Z]?$")
_SECTION_PAGE_RE = re.compile(r"^(?:sec\.\s*)?[A-Z]\d{1,3}$")
_PUBLISHER_RE = re.compile(
    r"\b(?:Press|Books|Publish\w*|Verlag|Éditions|Editions|Editorial|Knopf|Penguin|Routledge"
    r"|Wiley|Sage|Springer|Norton|Vintage|Random\s+House|Schuster|Macmillan|Palgrave|Harper\w*"
    r"|Doubleday|Houghton\s+Mifflin|Elsevier|Brill|Polity|Verso|Bloomsbury|Praeger)\b"
)
_SERIES_PHRASE_RE = re.compile(
    r"(?P<s>(?:Independent\s+)?Task\s+Force\s+Report|Working\s+Paper|Policy\s+Brief|Discussion\s+Paper"
    r"|Occasional\s+Paper|Special\s+Report|Technical\s+Report|White\s+Paper|Issue\s+Brief"
    r"|Research\s+Paper|Policy\s+Paper|Staff\s+Report|Background\s+Paper|Briefing\s+Paper"
    r"|Research\s+Report|Annual\s+Report|Council\s+Special\s+Report|Policy\s+Analysis)$"
)
# A periodical, a blanked date (four spaces or more) and ": pages".
_MLA_PERIODICAL_RE = re.compile(
    r"^(?P<c>[A-Z][^:]{1,80}?)\s{4,}:\s*(?P<p>[A-Z]?\d[\w–-]*)(?:\.\s+(?:Print|Web))?\.?$"
)
_PLACE_PUB_RE = re.compile(
    r"^(?:(?P<pre>.{2,400}?)\.\s+)?(?P<place>[A-Z][A-Za-z.’' -]{1,30}?"
    r"(?:,\s*(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.))?):\s+(?P<pub>[A-Z][^:]{1,100})$"
)
# ", DC:" in "Washington, DC: Publisher": the comma is inside the place.
_REGION_COLON_RE = re.compile(r",\s*(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.)\s*:")
_CONTAINER_VOL_RE = re.compile(r"^(?P<c>.*[A-Za-z.)’'])\s+(?P<v>\d{1,4})(?:\.(?P<i>\d{1,4}))?$")
_PUB_PAREN_RE = re.compile(
    r"^(?P<place>[^:()]{2,80}?)\s*:\s*(?P<pub>[^()]{0,160}?)(?:,\s*(?P<rest>.*))?$"
)
_EDITION_RE = re.compile(r"^(?:\d+(?:st|nd|rd|th)|rev\.?|revised|new)\s+ed(?:\.|ition)?$", re.I)
# "Washington, DC", "Ithaca, NY", "Oxford, UK", "México, D.F.": city, region.
_GENRE_RE = re.compile(
    r"(?i)^(?:(?:press|news|media)\s+release|fact\s+sheet|blog(?:\s+post)?|op-ed|editorial"
    r"|letter\s+to\s+the\s+editor|transcript|video|podcast|infographic|tweet|dataset|data\s+set"
    r"|unpublished\s+(?:manuscript|paper)|mimeo(?:graph)?|photocopy|typescript)$"
)
# "..., Report, January 2013": the word says what the work is, and names nothing.
_REPORT_GENRE_RE = re.compile(
    r"(?i)^(?:(?:research|technical|staff|special|final|interim|annual|country)\s+)?report$"
)
# "..., presentation at the Wilson Center": the event or host, not a periodical.
_EVENT_RE = re.compile(
    r"(?i)^(?:an?\s+)?(?:presentation|speech|remarks|lecture|talk|keynote(?:\s+address)?|address"
    r"|(?:conference\s+)?paper|testimony|statement|briefing|webinar|panel\s+discussion)"
    r"(?:\s+(?:given|delivered|presented|prepared|made|read))?\s+(?:at|to|before)\s+"
    r"(?P<where>[A-Za-z].{1,160})$"
)
_SPOKEN_GENRE_RE = re.compile(
    r"(?i)^(?:speech|lecture|presentation|talk|remarks|keynote(?:\s+address)?|address|testimony"
    r"|conference\s+paper)$"
)
_MEETING_RE = re.compile(
    r"\b(?:Meeting|Conference|Convention|Congress|Symposium|Workshop|Forum|Summit|Colloquium)\b"
)
# MLA's medium of publication ("... 2010. Print.") says nothing we keep.
_MEDIUM_WORDS = frozenset(("print", "web", "online", "digital", "pdf", "kindle", "cd-rom"))
_PLACE_RE = re.compile(
    r"^[A-Z][\w.’'-]+(?:\s[A-Z][\w.’'-]+){0,2},\s*(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.?)$"
)
_MONTH_ONLY_RE = re.compile(r"^(?P<m>[A-Z][a-z]+\.?)$")
_NEWSPAPER_RE = re.compile(
    r"\b(?:Times|Post|Herald|Tribune|Guardian|Gazette|Chronicle|Telegraph|Independent|Observer"
    r"|Courier|Dispatch|Inquirer|Examiner|Sun|Star|Globe|Daily|Reuters|Associated\s+Press|AP"
    r"|Bloomberg|Wall\s+Street\s+Journal|Journal-Constitution|News|Newsweek|Le\s+Monde|El\s+País"
    r"|El\s+Universal|Reforma|La\s+Jornada|Milenio|Excélsior|Al\s+Jazeera|BBC|CNN|NPR|Politico"
    r"|Agence\s+France-Presse|AFP|Press|Record|Register|Bee|Journal\s+Sentinel|Financial\s+Times)\b"
)
_REPORT_TITLE_RE = re.compile(
    r"\b(?:Report|Review|Strategy|Assessment|White\s+Paper|Working\s+Paper|Policy\s+Brief|Brief"
    r"|Testimony|Hearing|Fact\s+Sheet|Factsheet|Plan|Guidelines|Survey|Census|Statistics|Yearbook"
    r"|Outlook|Indicators|Estimates|Memorandum)\b"
)
_SPOKEN_TITLE_RE = re.compile(
    r"(?:Prepared\s+)?(?:Testimony|Statement|Remarks|Speech|Address|Lecture|Keynote)\b"
    r".{0,200}?\b(?:before|to|at)\s+(?:the\s+)?[A-Z]"
)
_PRESENTATION_RE = re.compile(
    r"\b(?:an?\s+|the\s+)?(?P<kind>presentation|speech|lecture|talk|keynote(?:\s+address)?|address"
    r"|remarks|briefing|testimony|paper\s+presented|conference\s+paper|webinar|panel)"
    r"(?:\s+(?:prepared|given|delivered|presented|made|entitled|titled))?\s+by\s+"
    r"(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})"
    r"(?:,?\s+(?:at|to|before|for)\s+(?:the\s+)?(?P<where>[A-Z][^,;()]{1,120}?))?"
    r"(?:,?\s+(?:in|on)\s+(?P<when>[^,;()]{0,30}?(?:1[5-9]|20)\d\d))?\s*[.,;]?\s*$"
)
# "Testimony of Alan D. Bersin, Commissioner, CBP, before the Senate Committee on ..."
_TESTIMONY_RE = re.compile(
    r"^\s*(?:Prepared\s+)?(?:Testimony|Statement|Remarks|Speech|Address|Lecture)\s+(?:of|by)\s+"
    r"(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})(?:,[^,;]{1,80}?){0,3},?\s+"
    r"(?:before|to|at)\s+(?:the\s+)?(?P<where>[A-Z][^,;]{2,160})"
)
_SERIES_START_RE = re.compile(
    r"^(?:[A-Z][\w.-]*\s+){0,3}(?:Working|Occasional|Discussion|Policy|Research|Briefing|Special"
    r"|Technical)\s+(?:Papers?|Briefs?|Reports?)\s+Series\b"
)
_GENRE_LEAD_RE = re.compile(r"\s*(?:(?:Press|News|Media)\s+Release|Fact\s+Sheet),\s+(?=[A-Z])")
_PERSONAL_RE = re.compile(
    r"(?i)^\s*(?:(?:telephone|phone|e-?mail|personal|skype|zoom)\s+)?(?:interview|communication"
    r"|conversation|correspondence|e-?mail|letter|message)\b"
)
_PAGE_OF_RE = re.compile(
    r"^(?:at\s+)?(?:page|pages|p\.|pp\.|chapter|ch\.|section|sec\.|§|para(?:graph)?\.?)\s*"
    r"(?P<pin>[\w–-]+)\s+(?:of|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_AT_PAGE_RE = re.compile(
    r"^(?:The\s+)?(?P<t>(?:(?:1[5-9]|20)\d\d\s+)?[A-Z][\w’'-]*(?:\s+(?:of|on|for|and|the|in|to"
    r"|[A-Z][\w’'-]*)){1,14})\s+\(at\s+(?:pp?\.\s*|page\s+)?(?P<pin>[\w–-]+)\)"
)


def _elements(text: str) -> list[tuple[int, int, str]]:
    """Top-level elements of ``text``: comma-separated text and (...) groups."""
    out: list[tuple[int, int, str]] = []
    depth = 0
    quote = False
    start = 0
    paren_start = 0
    for i, ch in enumerate(text):
        if ch == "(" and not quote:
            if depth == 0:
                if text[start:i].strip():
                    out.append((start, i, "text"))
                paren_start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((paren_start, i + 1, "paren"))
                start = i + 1
        elif depth:
            continue
        elif ch == "“":
            quote = True
        elif ch == "”":
            quote = False
        elif ch == '"':
            quote = not quote
        elif ch in ",;" and not quote and not (ch == "," and _REGION_COLON_RE.match(text, i)):
            # Blank stretches longer than a space are kept: they mark where
            # something (a date, a URL) was taken out.
            if text[start:i].strip() or i - start > 3:
                out.append((start, i, "text"))
            start = i + 1
    if depth:
        # An unclosed "(" (a truncated note): treat the rest as text.
        start = min(start, paren_start)
    if text[start:].strip():
        out.append((start, len(text), "text"))
    return out


def _pick_date(d: _Draft, after: int) -> DateMatch | None:
    """The publication date: the last, most precise date after ``after``."""
    best: DateMatch | None = None
    rank = {"year": 0, "month": 1, "day": 2}
    for match in find_dates(d.text):
        if match.start < after:
            continue
        if best is None or rank[match.date.precision] >= rank[best.date.precision]:
            best = match
    return best


@dataclass(slots=True)
class _Tail:
    texts: list[str] = field(default_factory=list)
    text_before_meta: list[str] = field(default_factory=list)
    container_hint: bool = False
    book_hint: bool = False
    seen_meta: bool = False
    month_only: int | None = None
    numbers: list[str] = field(default_factory=list)
    # After "presentation at HOST": the short elements that follow are its place.
    event_place: list[str] = field(default_factory=list)
    after_event: bool = False


def _read_paren(d: _Draft, inner: str, tail: _Tail) -> None:
    inner = inner.strip()
    if not inner:
        return
    if _EDITOR_RE.fullmatch(inner) or re.fullmatch(r"(?i)eds?\.?", inner):
        return  # "(ed.)": the names before it edited the work
    m = re.fullmatch(r"(?i)at\s+(?:pp?\.\s*|page\s+)?(?P<p>[\w–-]+)", inner)
    if m:
        d.pinpoint = m.group("p")
        return
    # APA "(NBER Working Paper No. 12141)", "(GAO-13-25)", "(Report No. 7)".
    # The date may already be blanked out of "(Series No. 153, 2007)".
    series_number = _series_number(inner.rstrip(" ,;"))
    series_part, _comma, when = inner.rpartition(",")
    if series_number is None and series_part and _YEAR_RE.search(when):
        # "(Goldman Sachs Global Economics Paper No. 153, 2007)".
        series_number = _series_number(series_part.strip())
        if series_number:
            d.date = parse_date(when) or d.date
    if series_number:
        d.series, d.number = series_number
        d.report_hint = True
        return
    if _REPORT_CODE_RE.match(inner) or re.fullmatch(r"(?i)report\s+no\.\s*[\w.-]+", inner):
        d.number = re.sub(r"(?i)^report\s+no\.\s*", "", inner)
        d.report_hint = True
        return
    m = _PUB_PAREN_RE.match(inner)
    if m and not re.match(r"(?i)(?:at|see|quoting|citing)\b", inner):
        d.place = _tidy(m.group("place"))
        rest = m.group("rest") or ""
        pub = m.group("pub")
        if not rest and re.search(r"\d{4}", pub):
            # "(New York: Knopf 2010)": the year is glued to the publisher.
            parts = re.split(r",?\s+(?=(?:1[5-9]|20)\d\d)", pub, maxsplit=1)
            pub, rest = parts[0], parts[1] if len(parts) > 1 else ""
        d.publisher = _tidy(pub)
        date = parse_date(rest)
        if date:
            d.date = date
        d.strong = True
        tail.book_hint = True
        return
    if _PLACE_RE.match(inner.rstrip(" ,")) and not find_dates(inner):
        # "(Washington, DC, 2013)" after its year was taken: a place.
        d.place = d.place or _tidy(inner)
        tail.book_hint = True
        return
    m2 = _MONTH_ONLY_RE.match(inner)
    if m2 and month_number(m2.group("m")):
        tail.month_only = month_number(m2.group("m"))
        return
    dates = find_dates(inner)
    if dates:
        before = inner[: dates[-1].start].strip(" ,")
        edition = re.fullmatch(r"(?i)(?:ed\.?|rev\.?|\d+\w*\s+ed\.?)", before)
        publisher_like = looks_corporate(before) or (
            before[:1].isupper() and len(before.split()) <= 8
        )
        if before and not edition and publisher_like:
            d.publisher = d.publisher or _tidy(before)
            tail.book_hint = True
        if d.date is None or dates[-1].date.precision != "year" or d.date.precision == "year":
            d.date = dates[-1].date
        if dates[-1].date.precision != "year":
            tail.container_hint = True
        tail.seen_meta = True


def _read_tail(d: _Draft, start: int) -> _Tail:
    """Read the elements after the title (or after the authors, when unmarked)."""
    tail = _Tail()
    m = _APA_VOL_RE.search(d.text, start)
    if m and d.volume is None:
        # APA "Journal, 3(2), 1-10": volume and issue glued together.
        d.volume, d.issue = m.group("v"), m.group("i")
        tail.container_hint = True
        d.blank(m.start("v"), m.end())
    body = d.text[start:]
    for a, b, kind in _elements(body):
        chunk = body[a:b]
        if kind == "paren":
            _read_paren(d, chunk[1:-1], tail)
            tail.seen_meta = True
            continue
        value = chunk.strip(" .:")
        if tail.after_event and value:
            # "..., speech at CSIS, Washington, DC, ...": the place of the event.
            if len(tail.event_place) < 2 and re.fullmatch(r"[A-Z][\w.’' -]{0,40}", value):
                tail.event_place.append(value)
                d.place = ", ".join(tail.event_place)
            continue
        if not value:
            if len(chunk) > 3 and (tail.texts or d.title):
                # A blanked stretch (a date or URL taken earlier) ends the text part.
                tail.seen_meta = True
            continue
        if _VOL_RE.match(value):
            d.volume = _VOL_RE.match(value).group("v")  # type: ignore[union-attr]
            tail.container_hint = tail.seen_meta = True
            continue
        m = _NO_RE.match(value)
        if m:
            named = len(tail.texts) >= 2 or (d.title is not None and tail.texts)
            if named and d.volume is None and _SERIES_END_RE.search(tail.texts[-1]):
                # "..., Global Economics Paper, No. 66": the series and its number.
                d.series, d.number = _tidy(tail.texts.pop()), m.group("n")
                tail.text_before_meta = list(tail.texts)
                d.strong = True
            else:
                tail.numbers.append(m.group("n"))
            tail.seen_meta = True
            continue
        m = _VOL_ISSUE_RE.match(value)
        if m and tail.texts:
            d.volume, d.issue = m.group("v"), m.group("i")
            tail.container_hint = tail.seen_meta = True
            continue
        m = _PAGES_RE.match(value)
        if m:
            pages = m.group("p")
            label = value[: m.start("p")].strip().lower()
            if label[:1] in ("c", "§", "¶") or label.startswith(_LABELLED_LOCATORS):
                # Chapters, sections, paragraphs: the locator keeps its label.
                d.pinpoint = " ".join(value.split())
            elif (label in ("at", "p.", "page") and not re.search(r"[-–—]", pages)) or (
                tail.book_hint and d.pinpoint is None
            ):
                # A single cited page, or any locator after a book's details.
                d.pinpoint = pages
            elif d.pages is None:
                d.pages = pages
            else:
                d.pinpoint = pages
            tail.seen_meta = True
            continue
        if _YEAR_RE.fullmatch(value) and not tail.seen_meta and d.title is None and tail.texts:
            # "Mexican Immigrants in the United States, 2008 (Washington ...,
            # April 15, 2009)": the dated publication's year ends its title.
            tail.texts[-1] = f"{tail.texts[-1]}, {value}"
            tail.text_before_meta = list(tail.texts)
            continue
        m = _BARE_PAGES_RE.match(value)
        if m and d.container and d.volume is None and not tail.seen_meta and "-" not in value:
            # "Journal 42 (1948)" with the journal in italics: the volume.
            d.volume = m.group("p")
            tail.container_hint = tail.seen_meta = True
            continue
        if m and (tail.texts or d.title):
            pages = re.sub(r"\s*([-–—])\s*", r"\1", m.group("p"))
            after_colon = value.startswith(":") or body[max(0, a - 2) : a].strip() == ":"
            chapter_range = d.chapter and re.search(r"[-–—]", pages) and d.pages is None
            if tail.book_hint and not after_colon and d.pinpoint is None and not chapter_range:
                # "(New York: Knopf, 2004), 56–58": the pages the note cites;
                # after a chapter, a range is the chapter's own pages.
                d.pinpoint = pages
            elif re.search(r"[-–—]", pages) and d.pages is None:
                d.pages = pages
            elif d.pages is not None or d.pinpoint is None:
                d.pinpoint = pages
            tail.seen_meta = True
            continue
        if tail.seen_meta and _SECTION_PAGE_RE.match(value) and d.pinpoint is None:
            # Newspaper section pages: "March 3, 2011, A1".
            d.pinpoint = value
            continue
        if re.fullmatch(r"(?i)(?:eds?|editors?|comp|trans)\.?", value):
            # "Tom Ruiz, ed., Title": the authors edited the book; nothing to keep.
            continue
        if _REPORT_CODE_RE.match(value) and (tail.texts or d.title):
            d.number = value
            tail.seen_meta = True
            continue
        m = _MLA_PERIODICAL_RE.match(value) if "    :" in value else None
        if m and d.title and d.container is None:
            # MLA "New York Times 22 Mar. 2009: A1" (its date already taken).
            d.container = m.group("c")
            section = m.group("p")
            if re.search(r"[-–]", section):
                d.pages = section
            else:
                d.pinpoint = section
            tail.seen_meta = True
            continue
        m = _PLACE_PUB_RE.match(value)
        if m and (m.group("pre") or d.title) and not d.publisher:
            # "Title. London: Routledge, 1992" (bibliography books, no parentheses).
            if m.group("pre"):
                tail.texts.append(m.group("pre"))
                tail.text_before_meta = list(tail.texts)
            d.place, d.publisher = _tidy(m.group("place")), _tidy(m.group("pub"))
            tail.book_hint = tail.seen_meta = True
            d.strong = True
            continue
        series_number = _series_number(value)
        if series_number:
            d.series, d.number = series_number
            tail.seen_meta = d.strong = True
            continue
        if _EDITION_RE.match(value) or value.casefold() in _MEDIUM_WORDS:
            continue
        if _REPORT_GENRE_RE.match(value) and (tail.texts or d.title):
            d.report_hint = True
            continue
        m = _EVENT_RE.match(value)
        spoken = _SPOKEN_GENRE_RE.match(value)
        if (m or spoken) and (tail.texts or d.title or d.authors):
            # "..., speech, Mexico City, April 2011": said, not printed; the
            # host (if named) and then the place follow.
            where = _tidy(re.sub(r"^(?i:the)\s+", "", m.group("where"))) if m else None
            if where and _MEETING_RE.search(where):
                d.container = where
            elif where:
                d.publisher = d.publisher or where
            d.type = CitationType.PRESENTATION
            d.strong = True
            tail.after_event = tail.seen_meta = True
            if not d.title_marked:
                # "Alan Bersin, Commissioner, CBP, testimony before ...": the
                # elements before it give the speaker's post, not a title.
                tail.texts.clear()
                tail.text_before_meta = []
            continue
        if _GENRE_RE.match(value) or value.casefold() in ("and", "or", "&"):
            # "press release", "fact sheet": what kind of page, not where.
            continue
        if _SERIES_START_RE.match(value) and (tail.texts or d.title):
            d.series = value
            tail.seen_meta = True
            continue
        m = _SERIES_PHRASE_RE.search(value)
        if m and (tail.texts or d.title):
            d.series = _tidy(m.group("s"))
            org = value[: m.start()].strip(" ,")
            if org:
                d.publisher = d.publisher or _tidy(org)
            tail.seen_meta = True
            continue
        if (
            (tail.texts or d.title)
            and not tail.seen_meta
            and value.endswith(_SERIES_ENDINGS)
            and _SERIES_END_RE.search(value)
            and looks_corporate(value)
            and len(value.split()) <= 8
        ):
            # "Crossing Borders, Wilson Center Mexico Institute Report (...)":
            # an institution's report series, named without a number.
            d.series = value
            tail.seen_meta = d.strong = True
            continue
        m = _CONTAINER_VOL_RE.match(value)
        if m and (tail.texts or d.title) and not tail.seen_meta and not month_number(m.group("c")):
            tail.texts.append(m.group("c"))
            tail.text_before_meta = list(tail.texts)
            d.volume = m.group("v")
            # MLA "Journal 37.2": volume 37, issue 2.
            d.issue = d.issue or m.group("i")
            tail.container_hint = tail.seen_meta = True
            continue
        if re.match(r"(?i)(?:ed\.|eds\.|edited|trans\.|translated)\s+(?:by\s+)?", value):
            continue
        if not tail.seen_meta:
            tail.texts.append(value)
            tail.text_before_meta = list(tail.texts)
        elif (
            (d.report_hint or d.series or d.number)
            and d.publisher is None
            and looks_corporate(value)
            and not find_dates(value)
        ):
            # "Staff Report no. 45, Federal Reserve Bank of New York" or APA
            # "(NBER Working Paper No. 12141). National Bureau of ...": the issuer.
            d.publisher = value
        elif d.container is None and not tail.texts[1:] and value[:1].isupper():
            # "Title, 2010, Reuters": a source named after the date.
            tail.texts.append(value)
    return tail


def _split_sentence(text: str) -> tuple[str, str] | None:
    """ "Title. Container" -> (title, container) at the last sentence end."""
    last = -1
    pos = 0
    while True:
        i = _sentence_end(text, pos)
        if i < 0:
            break
        last = i
        pos = i + 1
    if last <= 0 or last >= len(text) - 2:
        return None
    return text[:last], text[last + 1 :]


# --------------------------------------------------------------------------
# The parse
# --------------------------------------------------------------------------


def _is_pdf(url: str) -> bool:
    return url.lower().split("?")[0].endswith(".pdf")


def _finish_type(d: _Draft) -> CitationType:
    if d.type is not None:
        return d.type
    container = d.container or ""
    title = d.title or ""
    if d.chapter:
        return CitationType.CHAPTER
    if d.series or d.number or (d.report_hint and not (d.volume or d.issue)):
        return CitationType.REPORT
    if container and _NEWSPAPER_RE.search(container) and not d.volume:
        return CitationType.NEWSPAPER
    if _SPOKEN_TITLE_RE.match(title) and not container:
        # "“Testimony before the House Homeland Security Committee,” March 10, 2010".
        return CitationType.PRESENTATION
    corporate = bool(d.authors) and all(p.corporate for p in d.authors)
    if (
        corporate
        and container
        and not (d.volume or d.issue or d.pages)
        and not _NEWSPAPER_RE.search(d.authors[0].family)
        and d.authors[0].family.casefold() != container.casefold()
    ):
        # An organisation writing in its own outlet ("CFR Backgrounder",
        # "Migration Information Source"): its page online, its paper in print.
        return CitationType.WEBPAGE if d.urls else CitationType.REPORT
    if container and (d.volume or d.issue or d.pages):
        return CitationType.ARTICLE
    if container and d.date is not None and d.date.precision == "day" and not d.publisher:
        # A dated piece in a periodical not named like a paper: in print a
        # newspaper, online (with only a URL to go on) a web page.
        return CitationType.WEBPAGE if d.urls else CitationType.NEWSPAPER
    if container and not d.urls:
        return CitationType.ARTICLE
    if (
        container
        and d.date is not None
        and d.date.precision == "month"
        and not d.publisher
        and not looks_corporate(container)
    ):
        # "Mother Jones, July/August 2009, <url>": a magazine issue, online
        # (an institution's site, "Wilson Center, March 2012", is not one).
        return CitationType.ARTICLE
    if d.title_quoted and not container and not (d.publisher or d.urls or d.date):
        # A quoted title is part of something (an article, a chapter); the
        # note just does not say of what.
        return CitationType.ARTICLE
    if title and not container and _REPORT_TITLE_RE.search(title) and (d.urls or d.authors):
        if d.authors and not d.authors[0].corporate and not d.urls:
            return CitationType.BOOK if d.date else CitationType.OTHER
        return CitationType.REPORT
    if d.title_quoted and d.publisher and not container:
        # "“Working Together” (Washington, DC: Wilson Center, 2011)": a
        # stand-alone paper from an institution.
        return CitationType.REPORT
    if corporate and not container and _NEWSPAPER_RE.search(d.authors[0].family):
        # "Reuters, November 5, 2010": a wire story.
        return CitationType.NEWSPAPER
    if corporate and title and not container and not (d.urls and not _is_pdf(d.urls[0])):
        # An organisation's own document, in print or as a PDF: a report.
        return CitationType.REPORT
    if d.publisher and not container and not d.place and not _PUBLISHER_RE.search(d.publisher):
        # "Title, Wilson Center, 2008": an institution's paper, not a press's book.
        return CitationType.REPORT if looks_corporate(d.publisher) else CitationType.BOOK
    if d.publisher and not container and not _PUBLISHER_RE.search(d.publisher):
        # "(Washington, DC: Wilson Center, November 2011)" or its PDF: a
        # month-dated or online paper from an institution, not a press's book.
        online = bool(d.urls) and _is_pdf(d.urls[0])
        if looks_corporate(d.publisher) and (online or (d.date and d.date.precision != "year")):
            return CitationType.REPORT
    if d.publisher and not container:
        return CitationType.BOOK
    if d.urls and not container and _is_pdf(d.urls[0]):
        # A document of its own at a URL: a report more often than a page.
        return CitationType.REPORT
    if d.urls:
        return CitationType.WEBPAGE
    if title and d.date is not None and not container:
        return CitationType.BOOK
    if container:
        return CitationType.ARTICLE
    return CitationType.OTHER


def _issuer_pdf(d: _Draft) -> None:
    """ "Eric Olson, “Title,” Wilson Center, March 2012, <...pdf>": the
    institution issued the paper; it is its publisher, not a periodical."""
    container = d.container or ""
    if (
        d.type is None
        and container
        and d.publisher is None
        and d.urls
        and _is_pdf(d.urls[0])
        and not (d.volume or d.issue or d.pages)
        and looks_corporate(container)
        and not _NEWSPAPER_RE.search(container)
    ):
        d.publisher, d.container = container, None
        d.type = CitationType.REPORT


# "Title. 2nd ed." / APA "Title (2nd ed.)": the edition is no part of the title.
_TITLE_EDITION_RE = re.compile(
    r"[.,]?\s*\(?(?:\d+(?:st|nd|rd|th)|rev\.?|revised)\s+ed(?:\.|ition)?\)?\.?$", re.I
)


def _parsed(d: _Draft) -> Parsed:
    _issuer_pdf(d)
    title = _tidy(d.title)
    if title and " ed" in title:
        title = _tidy(_TITLE_EDITION_RE.sub("", title)) or title
    return Parsed(
        type=_finish_type(d),
        authors=d.authors,
        et_al=d.et_al,
        title=title,
        container=_tidy(d.container),
        volume=d.volume,
        issue=d.issue,
        pages=d.pages,
        pinpoint=d.pinpoint,
        date=d.date,
        publisher=_tidy(d.publisher),
        place=_tidy(d.place),
        series=_tidy(d.series),
        number=d.number,
        urls=tuple(dict.fromkeys(d.urls)),
        doi=d.doi,
        accessed=d.accessed,
        problem=d.problem,
    )


def _presentation(d: _Draft) -> bool:
    m = _TESTIMONY_RE.match(d.text)
    if m:
        people = parse_authors(m.group("who"))
        if people:
            d.authors, d.et_al = people
            d.publisher = _tidy(m.group("where"))
            d.date = parse_date(d.text[m.end() :]) or d.date
            d.type = CitationType.PRESENTATION
            d.strong = True
            return True
    m = _PRESENTATION_RE.search(d.text)
    if not m:
        return False
    people = parse_authors(m.group("who"))
    if not people:
        return False
    d.authors, d.et_al = people
    d.publisher = m.group("where")
    when = m.group("when")
    d.date = parse_date(when) if when else d.date
    d.type = CitationType.PRESENTATION
    d.strong = True
    return True


def parse_piece(piece: Piece) -> Parsed | None:
    """The fields of the work ``piece`` cites; None when it reads as prose.

    Meant never to raise on any text (a hypothesis test holds it to that);
    the stage still guards each call, so one bug costs one citation.
    """
    text = piece.text
    if not text.strip():
        return None
    short = _short_form(text)
    if short is not None:
        return short
    d = _Draft(text=text, italics=piece.italics)
    _take_urls(d)
    _take_accessed(d)
    if _presentation(d):
        return _parsed(d)
    legal = find_legal(d.text)
    if legal is not None:
        if legal.short:
            return Parsed(
                type=CitationType.CASE,
                short_form=ShortForm.SHORT_TITLE,
                container=legal.container,
                volume=legal.volume,
                pinpoint=legal.pinpoint,
                short_who=legal.antecedent_guess,
                urls=tuple(d.urls),
            )
        if legal.type in (CitationType.CASE, CitationType.STATUTE):
            d.type = legal.type
            d.title = legal.title
            d.container, d.volume, d.pages = legal.container, legal.volume, legal.pages
            d.pinpoint, d.date, d.number = legal.pinpoint, legal.date, legal.number
            return _parsed(d)
        d.type = CitationType.ARTICLE
        d.container, d.volume, d.pages = legal.container, legal.volume, legal.pages
        d.pinpoint, d.date = legal.pinpoint, legal.date
        d.strong = True
        d.blank(legal.start, legal.end)
    elif _take_bluebook_report(d):
        d.strong = True
        return _parsed(d)
    else:
        _take_bluebook(d)
    genre = _GENRE_LEAD_RE.match(d.text)
    if genre:
        # Bluebook "Press Release, U.S. Dep’t of Homeland Sec., Title (date)":
        # the kind of document, then its issuer.
        d.blank(genre.start(), genre.end())
    m = _PAGE_OF_RE.match(d.text)
    if m:
        d.pinpoint = m.group("pin")
        d.blank(m.start(), m.end())
    else:
        m = _AT_PAGE_RE.match(d.text)
        if m:
            d.title = m.group("t")
            d.pinpoint = m.group("pin")
            d.type = CitationType.REPORT if _REPORT_TITLE_RE.search(d.title) else None
            d.strong = True
            _title_year(d)
            return _parsed(d)
    _fields(d, piece)
    if not d.strong and not _enough(d, piece):
        return None
    if d.title is None and d.container is None and not (d.urls or d.authors or d.doi):
        return None
    return _parsed(d)


def _enough(d: _Draft, piece: Piece) -> bool:
    """Is this piece a citation, though nothing certain (URL, volume) was found?"""
    if d.title_marked and (d.authors or d.container or d.date or piece.signal or piece.leadin):
        return True
    if d.authors and d.title and (d.date or d.container or d.volume or d.pages or d.publisher):
        return len((d.title or "").split()) <= 40
    if (piece.signal or piece.leadin) and d.authors and (d.title or d.date):
        # "See also Reuters, November 5, 2010.": thin, but introduced as a source.
        return True
    return _short_title_shape(d)


def _short_title_shape(d: _Draft) -> bool:
    """ "Kissinger, World Order, 12." or "“Lines and Flows,” 215.": a short form."""
    if not d.title or len(d.authors) > 3 or any(p.given for p in d.authors):
        return False
    title = _tidy(d.title) or ""
    words = title.split()
    if not 1 <= len(words) <= 10 or not (title[:1].isupper() or d.title_marked):
        return False
    if not d.authors:
        # A title alone must look like one and come with a page.
        capitals = all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
        return d.pinpoint is not None and len(words) <= 6 and (d.title_marked or capitals)
    return d.authors[0].family.casefold() not in _NOT_NAMES


# A short run of capitalised words ("The Economist", "Stratfor Global"): a name.
_MASTHEAD_RE = re.compile(
    r"(?:The\s+)?[A-Z][\w’'&.-]+(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w’'&.-]+){0,4}"
)
_CHAPTER_MARKED_RE = re.compile(r"(?:^|[,.])\s*\b[Ii]n\s+(?=[A-Z“\"])")
_CHAPTER_PLAIN_RE = re.compile(r"[,.]\s*\b[Ii]n\s+(?=[A-Z“\"])")


def _fields(d: _Draft, piece: Piece) -> None:
    marked = [t for t in _marked_titles(d) if _title_position(d.text, t[0])]
    found = None
    if marked:
        block = d.text[: marked[0][0]].strip(" ,.:")
        if block:
            found = parse_authors(_EDITOR_RE.sub("", block), inverted=True)
            if found is None and "," in block and all(map(looks_corporate, block.split(","))):
                # "Mexico Institute, Wilson Center, “Title”": one body within another.
                found = ((Person(family=_tidy(block) or block, corporate=True),), False)
            if found is None and _MASTHEAD_RE.fullmatch(block):
                # "The Economist, “Title,” The Economist, ...": a periodical
                # or body writing as itself.
                found = ((Person(family=block, corporate=True),), False)
            # A quotation inside prose is not a title: what comes before a
            # title is its authors, or a lead-in ending "in" / ":".
            if found is None and not re.search(r"(?i)(?:\bin|:)\s*$", d.text[: marked[0][0]]):
                marked = []
    if marked:
        a, b, title, kind = marked[0]
        d.title = title
        d.title_marked = True
        d.title_quoted = kind == "quote"
        if found:
            d.authors, d.et_al = found
        d.blank(a, b)
        # A second marked stretch after the title is the container.
        for a2, b2, text2, _k2 in marked[1:]:
            if d.container is None and a2 > a:
                if re.match(r"\s*(?:in\s+)", d.text[b:a2], re.I):
                    d.chapter = True
                d.container = text2
                d.blank(a2, b2)
                break
        tail_start = b
    else:
        tail_start = _take_authors(d, len(d.text))
    date_from = tail_start
    if not marked:
        # Unmarked, the title is the first element: a year inside it
        # ("2014 Quadrennial ... Review") is not the publication date, but
        # a first element that is a date ("Reuters, November 5, 2010") is.
        first = len(d.text[tail_start:]) - len(d.text[tail_start:].lstrip(" ,.:"))
        rest = d.text[tail_start:]
        opening = [
            m
            for m in find_dates(rest[: first + 40])
            if m.start == first and re.match(r"\s*(?:[,(;.]|$)", rest[m.end :])
        ]
        boundary = re.search(r"[,(]", d.text[tail_start:])
        date_from = tail_start + boundary.start() if boundary else len(d.text)
        if opening:
            date_from = tail_start + first
    if d.date is None or d.date.precision == "year":
        picked = _pick_date(d, date_from)
        if picked is not None and (d.date is None or picked.date.precision != "year"):
            d.date = picked.date
            d.blank(picked.start, picked.end)
    # "in Book": right after a marked title, or after a comma or full stop
    # (a plain title may itself begin "In Search of ...").
    chapter = (_CHAPTER_MARKED_RE if marked else _CHAPTER_PLAIN_RE).search(d.text[tail_start:])
    if chapter and (d.title or not marked):
        pre = d.text[tail_start : tail_start + chapter.start()]
        if d.title is None and pre.strip():
            d.title = pre
        d.blank(tail_start, tail_start + chapter.end())
        d.chapter = True
        # "in Editor (ed.), Book": drop the editors, keep the book.
        rest = d.text[tail_start + chapter.end() :]
        ed = re.match(
            r"\s*(?P<who>[^,()]{2,120}?)\s*(?:\(eds?\.?\)|,\s*eds?\.(?=\s*[,(]))\s*,?", rest
        )
        if ed and parse_authors(ed.group("who")):
            d.blank(tail_start + chapter.end(), tail_start + chapter.end() + ed.end())
        elif re.match(r"\s*(?:ed(?:ited)?\.?\s+by)", rest):
            pass
    if d.apa and not marked:
        _apa_sentences(d, tail_start)
    tail = _read_tail(d, tail_start)
    _assign(d, tail)
    if d.title and _PERSONAL_RE.match(d.title):
        # "interview by author, San Diego, May 5, 2012": unpublished, and the
        # element after it is where it happened.
        d.type = CitationType.OTHER
        d.place = d.place or d.container
        d.container = None


def _last_sentence_end(text: str) -> int:
    """Index of the last full stop that ends a sentence ("ed.)." counts), or -1."""
    last = -1
    for m in _STOP_SPACE_RE.finditer(text):
        i = m.start()
        if text.count("(", 0, i) != text.count(")", 0, i):
            continue  # inside parentheses
        if text[i - 1 : i] == ")" or _sentence_end(text[: i + 1], max(0, i - 1)) == i:
            last = i
    return last


_STOP_SPACE_RE = re.compile(r"\.(?= )")


def _apa_sentences(d: _Draft, start: int) -> None:
    """APA after "(2010).": "Title. Publisher." or "Title. Newspaper, A1."

    The title is sentence case, so commas inside it are common ("Mexico,
    the United States, and the road ahead"); the last sentence names the
    publisher or the periodical. Journals (volume and pages) are left to the
    general reader.
    """
    body = d.text[start:].rstrip(" .")
    cut = _last_sentence_end(body)
    if cut <= 0:
        return
    title, second = body[:cut], body[cut + 1 :].strip()
    if not second or ":" in second or "(" in _TITLE_EDITION_RE.sub("", title):
        return
    first, _comma, rest = second.partition(",")
    if not any(ch.isdigit() for ch in second) and (
        _PUBLISHER_RE.search(second) or looks_corporate(second)
    ):
        if d.urls and not _PUBLISHER_RE.search(second):
            # "Title. Migration Policy Institute. <url>": the site it is on.
            d.title, d.container = title, second
        else:
            d.title, d.publisher = title, second
        d.blank(start, start + len(body))
        d.strong = True
    elif (
        _NEWSPAPER_RE.search(first)
        and d.date is not None
        and d.date.precision == "day"
        and len(rest.split()) <= 2
    ):
        d.title, d.container = title, first.strip()
        section = rest.strip()
        if section and (_SECTION_PAGE_RE.match(section) or _BARE_PAGES_RE.match(section)):
            d.pinpoint = section
        d.blank(start, start + len(body))
        d.strong = True


def _title_year(d: _Draft) -> None:
    """ "The 2014 Quadrennial Review": the title's year dates an undated report."""
    if not d.title:
        return
    m = re.match(r"^\s*(?:The\s+|the\s+)?((?:1[5-9]|20)\d\d)\s+[A-Z]", d.title)
    if m:
        if d.date is None:
            d.date = PartialDate(int(m.group(1)))
        d.title = re.sub(r"^\s*(?:The|the)\s+", "", d.title)


def _assign(d: _Draft, tail: _Tail) -> None:
    texts = [t for t in tail.text_before_meta or tail.texts if t.strip()]
    if tail.month_only and d.date is not None and d.date.month is None:
        d.date = PartialDate(d.date.year, tail.month_only)
    numbers = tail.numbers
    container_hint = tail.container_hint or bool(d.volume or d.issue or d.pages)
    if d.date is not None and d.date.precision != "year":
        container_hint = True
    if d.urls and len(texts) >= 2 and d.title is None:
        # "Title, Site or Publisher, <url>": the last element names the site.
        container_hint = True
    if (
        len(texts) >= 2
        and d.publisher is None
        and not (d.volume or d.issue or d.pages)
        and (d.date is None or d.date.precision == "year")
        and (
            _PUBLISHER_RE.search(texts[-1])
            or (looks_corporate(texts[-1]) and d.authors and d.date is not None)
        )
    ):
        # "Title, Brookings Institution Press, 2012" or "Title, Wilson Center,
        # 2008": who published it, not a periodical it appeared in.
        d.publisher = texts.pop()
        tail.book_hint = True
    elif len(texts) == 1 and d.title is None and d.publisher is None and not container_hint:
        split = _split_sentence(texts[0])
        if split and _PUBLISHER_RE.search(split[1]) and len(split[1].split()) <= 5:
            # MLA "Border Lines. Penguin, 2010".
            texts = [split[0]]
            d.publisher = split[1]
            tail.book_hint = True
    if d.title is None and d.container is not None:
        # The container came from a Bluebook or eyecite match: the rest is title.
        d.title = ", ".join(texts) or None
    elif d.title is None:
        if not texts:
            pass
        elif len(texts) == 1 or tail.book_hint or not container_hint:
            title = ", ".join(texts) if (tail.book_hint or not container_hint) else texts[0]
            if container_hint and d.container is None and not tail.book_hint:
                split = _split_sentence(title)
                if split:
                    title, d.container = split
            d.title = title
        else:
            *front, last = texts
            split = _split_sentence(last)
            if split:
                front.append(split[0])
                last = split[1]
            d.title = ", ".join(front)
            if d.container is None:
                d.container = last
    elif texts and d.container is None:
        first = texts[0]
        d.container = first
    # A corporate name where a container would be, with nothing that makes it
    # a periodical, is the author ("..., U.S. Drug Enforcement Administration, <url>").
    if (
        d.container
        and not d.authors
        and not (d.volume or d.issue or d.pages)
        and looks_corporate(d.container)
        and d.container.strip()[:1].isupper()
        and not _NEWSPAPER_RE.search(d.container)
    ):
        d.authors = (Person(family=_tidy(d.container) or d.container, corporate=True),)
        d.container = None
    _title_year(d)
    m = re.match(r"^(?P<t>.*\D)\s+(?P<p>\d{1,4}(?:[-–]\d{1,4})?)$", d.title or "")
    if (
        m
        and not d.container
        and d.pinpoint is None
        and d.date is not None
        and not d.publisher
        and not _YEAR_RE.fullmatch(m.group("p"))
    ):
        # Bluebook books: "World Order 12 (2014)", the page before the year.
        d.title, d.pinpoint = m.group("t"), m.group("p")
    for n in numbers:
        if d.series and d.number is None:
            d.number = n
        elif d.container and d.issue is None:
            d.issue = n
        elif d.number is None:
            d.number = n
