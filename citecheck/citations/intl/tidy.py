"""After a reader: titles tidied, MHRA page ranges with their "(p. 5)" pinpoint."""

from __future__ import annotations

import re
from dataclasses import replace

from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.intl._common import (
    _pin,
)
from citecheck.model import CitationType

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
        "vols" in text
        and re.search(r"\b\d+\s+vols\b", text)
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
        vols = re.search(r"\b(\d+)\s+vols\b", text) if "vols" in text else None
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
