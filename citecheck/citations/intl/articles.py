"""Journal articles (OSCOLA/AGLC, MHRA, German) and chapters in edited books."""

from __future__ import annotations

import re

from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.intl._common import (
    _Q_OPEN,
    _QUOTED,
    _people,
    _pin,
    _year,
)
from citecheck.citations.intl.books import _inside
from citecheck.model import CitationType, PartialDate

# --------------------------------------------------------------- articles

_OSCOLA_ARTICLE_RE = re.compile(
    rf"^(?P<who>[^{_Q_OPEN}]*?),?\s*{_QUOTED},?\s*(?:\[(?P<y1>\d{{4}})\]|\((?P<y2>\d{{4}})\))\s+"
    r"(?:(?P<vol>\d{1,4})(?:\s*\((?P<iss>\d{1,3})\)|:(?P<iss2>\d{1,3}))?\s+)?"
    r"(?P<journal>[^\d,()\[\]]{2,80}?)\s+"
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


# Cheap necessary conditions, each a stretch every match of its pattern
# contains: the patterns cost far more on the many texts they do not fit.
_OSCOLA_HINT_RE = re.compile(r"[\[(]\d{4}[\])]\s")
_MHRA_HINT_RE = re.compile(r"\d\),\s*(?:pp?\.\s*)?\d")
_VOLUME_YEAR_HINT_RE = re.compile(r"\d\s*\(\d{4}\),")
_GERMAN_HINT_RE = re.compile(r"\d{4}\)?,\s*\d")


def _article(text: str) -> Parsed | None:
    m = _OSCOLA_ARTICLE_RE.match(text) if _OSCOLA_HINT_RE.search(text) else None
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
            issue=m.group("iss") or m.group("iss2"),  # McGill "35:1"
            pages=m.group("page"),
            pinpoint=_pin(m.group("pin")),
            date=PartialDate(int(m.group("y1") or m.group("y2"))),
        )
    m = _MHRA_ARTICLE_RE.match(text) if _MHRA_HINT_RE.search(text) else None
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
    m = _VOLUME_YEAR_ARTICLE_RE.match(text) if _VOLUME_YEAR_HINT_RE.search(text) else None
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
    m = _GERMAN_ARTICLE_RE.match(text) if _GERMAN_HINT_RE.search(text) else None
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
