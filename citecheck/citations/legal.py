"""Legal citations: cases, statutes and law-review cites, found by eyecite.

eyecite knows the reporters (U.S., F.3d, U.S.C., Stan. L. Rev. ...), so
citecheck keeps no reporter tables of its own. A cheap pre-check keeps
eyecite off the many notes that cannot contain a legal citation, which is
what keeps a 10,000-note manuscript fast.

Journals eyecite does not know ("55 Foreign Affairs 306, 309 (1977)") are
read by the generic Bluebook pattern in ``fields``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from citecheck.citations.dates import parse_date
from citecheck.model import CitationType, PartialDate

__all__ = ["LegalHit", "find_legal", "read_parallel"]

# eyecite logs a warning for every pair of overlapping matches it has already
# settled ("Unknown overlap case ..."); on odd notes that floods stderr with
# text no editor can act on. citecheck reports its own problems instead.
logging.getLogger("eyecite.helpers").setLevel(logging.ERROR)

# Worth asking eyecite only when the text has "v.", a section sign, a code
# abbreviation or "<volume> <Abbrev.> <page>" with an abbreviation dot. Plain
# substring tests first: they are much cheaper than any regex.
_LEGAL_WORDS = (" v. ", "§", "U.S.C", "C.F.R", "Stat.", "Pub. L", "Pub.L", " Code ")
_REPORTER_RE = re.compile(
    r"(?=\d)\b\d{1,4}\s+(?:[A-Z][A-Za-z]{0,8}\.\s?){1,5}(?:\d[a-z]{1,2}\s)?\s*(?:at\s+)?\d{1,5}\b"
)


_MONTH_ABBREV_RE = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.")
# Not the volume of a parallel reporter ("585 U.S. 296, 138 S. Ct. 2206").
_JOURNAL_PIN_RE = re.compile(
    r",\s*(\d{1,5}(?:\s*[-–]\s*\d{1,5})?(?:\s*nn?\.\s*\d+)?)(?![\d–-])(?!\s+[A-Z])"
)


def _pin_cite(text: str, cite: Any) -> tuple[str | None, int]:
    """eyecite's pin cite, or the one it missed ("394–95", "12 n.40"), and where it ends."""
    pin = _pin(getattr(cite.metadata, "pin_cite", None))
    if pin is not None:
        return pin, 0
    after = _JOURNAL_PIN_RE.match(text, cite.span()[1])
    return (after.group(1), after.end()) if after else (None, 0)


# In every match of _REPORTER_RE: the volume, a space, the reporter's capital.
_VOLUME_WORD_RE = re.compile(r"\d\s+[A-Z]")


def _maybe_legal(text: str) -> bool:
    if any(word in text for word in _LEGAL_WORDS):
        return True
    return bool(_VOLUME_WORD_RE.search(text)) and bool(_REPORTER_RE.search(text))


@dataclass(frozen=True, slots=True)
class LegalHit:
    """What eyecite found in one piece, mapped to citecheck's fields."""

    type: CitationType
    start: int
    end: int
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    pages: str | None = None
    pinpoint: str | None = None
    date: PartialDate | None = None
    number: str | None = None
    short: bool = False
    antecedent_guess: str | None = None


def _pin(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = re.sub(r"^(?:at\s+)?(?:pp?\.\s*)?", "", value.strip(" ,"))
    return text or None


def _year(meta: Any) -> PartialDate | None:
    year = getattr(meta, "year", None)
    if not year:
        return None
    month = getattr(meta, "month", None)
    day = getattr(meta, "day", None)
    text = " ".join(str(p) for p in (month, day, year) if p)
    return parse_date(text) or parse_date(str(year))


# "Pub. L. No. 104-208, § 412, 110 Stat. 3009-546 (1996)": eyecite reads the
# law's number as a title and the Statutes at Large volume as its section.
_PUBLIC_LAW_RE = re.compile(
    r"\bPub\.\s?L\.\s*(?:No\.\s*)?(?P<number>\d{1,3}\s*[-–]\s*\d{1,4})"
    r"(?:,\s*§+\s*(?P<section>[\w.()-]+))?"
    r"(?:,\s*(?P<volume>\d{1,4})\s+Stat\.\s+(?P<page>\d[\d-]*)"
    r"(?:,\s*(?P<pin>\d[\d-]*))?)?"
    r"(?:\s*\((?P<year>[^()]{0,20}?\b(?:1[5-9]|20)\d\d)\))?"
)


def _public_law(text: str) -> LegalHit | None:
    m = _PUBLIC_LAW_RE.search(text)
    if not m:
        return None
    # The act's name written before the law number is its title.
    name = text[: m.start()].strip(" ,;")
    title = name if name and name[:1].isupper() and len(name) <= 200 else m.group().strip()
    year = m.group("year")
    # A year in the act's name ("... Act of 1996") is part of its title, not a
    # date: as for any title (see docs/citations.md, Dates).
    return LegalHit(
        CitationType.STATUTE,
        0 if title == name else m.start(),
        m.end(),
        title=title,
        container="Stat." if m.group("volume") else "Pub. L.",
        volume=m.group("volume"),
        pages=m.group("page") or m.group("section"),
        pinpoint=m.group("pin"),
        date=parse_date(year) if year else None,
        number=re.sub(r"\s*[-–]\s*", "-", m.group("number")),
    )


# "Treaty of Guadalupe Hidalgo, art. V (1848)": an international instrument
# (its name says Treaty, Convention, Protocol ...) cited by article. The whole
# piece must be this form, so a title that merely mentions a treaty is not one.
_TREATY_RE = re.compile(
    r"(?P<title>(?=[^;()]{0,200}?\b(?:Treaty|Convention|Agreement|Protocol|Covenant|Charter)\b)"
    r"[A-Z][^;()]{1,200}?),\s+(?P<pin>arts?\.\s+[\dIVXLC]+[\w()]*(?:\s*[-–,]\s*[\dIVXLC]+[\w()]*)*)"
    r"(?:\s*\((?P<date>[^()]{0,30}?\b(?:1[5-9]|20)\d\d)\))?\.?"
)


def _treaty(text: str) -> LegalHit | None:
    m = _TREATY_RE.fullmatch(text.strip())
    if not m:
        return None
    date = m.group("date")
    return LegalHit(
        CitationType.STATUTE,
        0,
        len(text),
        title=m.group("title").strip(),
        pinpoint=m.group("pin"),
        date=parse_date(date) if date else None,
    )


def find_legal(text: str) -> LegalHit | None:
    """The first case, statute, treaty or law-journal citation in ``text``, if any."""
    if "art" in text:
        treaty = _treaty(text)
        if treaty is not None:
            return treaty
    if not _maybe_legal(text):
        return None
    if "Pub" in text:
        public = _public_law(text)
        if public is not None:
            return public
    from eyecite import get_citations  # imported late: it takes a third of a second

    try:
        found = get_citations(text)
    except Exception:  # eyecite is third-party: its bugs must not stop a run
        return None
    for found_cite in found:
        cite: Any = found_cite
        kind = type(cite).__name__
        groups: dict[str, str] = dict(getattr(cite, "groups", {}) or {})
        meta = cite.metadata
        start, end = cite.full_span()
        if kind == "FullCaseCitation" and _MONTH_ABBREV_RE.fullmatch(groups.get("reporter", "")):
            # MLA "New York Times 22 Mar. 2009": a day, a month and a year.
            continue
        if kind == "FullCaseCitation":
            plaintiff = getattr(meta, "plaintiff", None)
            defendant = getattr(meta, "defendant", None)
            title = None
            if plaintiff and defendant:
                title = f"{plaintiff} v. {defendant}"
            elif defendant:
                title = defendant
            pin, _pin_end = _pin_cite(text, cite)
            return LegalHit(
                CitationType.CASE,
                start,
                end,
                title=title,
                container=groups.get("reporter"),
                volume=groups.get("volume"),
                pages=groups.get("page"),
                pinpoint=pin,
                date=_year(meta),
            )
        if kind == "ShortCaseCitation":
            return LegalHit(
                CitationType.CASE,
                start,
                end,
                container=groups.get("reporter"),
                volume=groups.get("volume"),
                pinpoint=_pin(getattr(meta, "pin_cite", None)) or groups.get("page"),
                short=True,
                antecedent_guess=getattr(meta, "antecedent_guess", None),
            )
        if kind == "FullLawCitation":
            # A code's "page" is its section; a subsection eyecite reads as
            # the pin cite ("§ 1357(g)") stays with it.
            section = groups.get("section")
            sub = getattr(meta, "pin_cite", None)
            if section and isinstance(sub, str) and sub.startswith("("):
                section += sub.strip()
                sub = None
            title = cite.matched_text().strip()
            if section and not title.endswith(section):
                title = title + section[len(groups.get("section") or "") :]
            return LegalHit(
                CitationType.STATUTE,
                cite.span()[0],
                end,
                title=title,
                container=groups.get("reporter"),
                volume=groups.get("title") or groups.get("chapter"),
                pages=section,
                pinpoint=_pin(sub),
                date=_year(meta),
            )
        if kind == "FullJournalCitation":
            pin, pin_end = _pin_cite(text, cite)
            return LegalHit(
                CitationType.ARTICLE,
                cite.span()[0],
                max(end, pin_end),
                container=groups.get("reporter"),
                volume=groups.get("volume"),
                pages=groups.get("page"),
                pinpoint=pin,
                date=_year(meta),
            )
    return None


_PARALLEL_RE = re.compile(
    r",\s*(?P<cite>\d{1,4}\s+(?:[A-Z][A-Za-z]{0,8}\.?\s?){1,4}(?:\d[a-z]{1,2}\s)?\s*\d{1,5})"
    r"(?:,\s*\d[\d–-]*)?\s*\("
)


def read_parallel(
    text: str, volume: str | None, reporter: str | None, page: str | None
) -> str | None:
    """ "138 S. Ct. 2206" after "585 U.S. 296(, 309)": the case's parallel citation."""
    if not (volume and reporter and page) or text.count(reporter) != 1:
        return None
    first = re.search(
        rf"\b{re.escape(volume)}\s+{re.escape(reporter)}\s+{re.escape(page)}(?:,\s*\d[\d–-]*(?![\d–-])(?!\s+[A-Z]))?",
        text,
    )
    if first is None:
        return None
    m = _PARALLEL_RE.match(text, first.end())
    return " ".join(m.group("cite").split()) if m else None
