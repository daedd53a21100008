"""Books (OSCOLA/AGLC, German) and German commentaries and handbooks."""

from __future__ import annotations

import re

from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.intl._common import (
    _people,
    _pin,
    _year,
)
from citecheck.model import CitationType, PartialDate

# ------------------------------------------------------------------ books

_EDITION_RE = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th|d)|rev|revised|new)\s+(?:edn|ed)\b\.?|\b\d+\.\s*(?:Aufl(?:age)?|Auflage)\.?"
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
    # The cheap tests first.
    if any(q in text for q in '‘“"') or "http" in text or re.search(r"[,.’”]\s+in\s+[A-Z]", text):
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
    if any(q in text for q in '‘“"'):
        return None
    m = _GERMAN_BOOK_RE.match(text)
    if not m:
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
