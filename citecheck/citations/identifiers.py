"""Patents and preprints by their identifiers: "US Patent 9,876,543", "EP 1 234 567 B1",
"arXiv:2101.01234 [cs.CL]".

The identifier is the work's `number`, kept as printed (a patent's country
and kind codes with it, "U.S. Patent" and "arXiv:" without), never its
pages, volume, container or title. A patent is `other`; an arXiv preprint
an `article` in the container "arXiv". An identifier is a sign of a
citation on its own: a piece that gives one is never prose.

``take_identifier`` reads it out of a draft before the other fields (so
"9,876,543" gives no pages); ``read_identifier`` puts it back on any
reading of the piece, the CRF's or a pattern's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from citecheck.citations.draft import Draft, Parsed, tidy
from citecheck.model import CitationType

__all__ = ["HINTS", "find_identifier", "read_identifier", "take_identifier"]

# Strings every identifier contains: the patterns run only where one is.
_CODES = ("EP", "US", "WO", "DE", "GB", "FR", "JP", "CN", "CA", "AU")
HINTS = ("atent", "arXiv", *_CODES)
_HINT_RE = re.compile("|".join(HINTS))
_NUMBER = r"\d[\d ,.]{3,14}\d(?:\s?[ABCUT]\d?)?(?!\w|[ ,.]\d)"
_CODE = rf"(?:{'|'.join(_CODES)})"
_PATENT_RE = re.compile(
    # "U.S. Patent 9,876,543", "United States patent US 1,234,567", "European patent EP ...".
    rf"\b(?:U\.\s?S\.|US|United\s+States|European|German|British|French|Japanese|Canadian)?"
    rf"\s*[Pp]atent(?:\s+(?:[Nn]o\.?|[Nn]umber|[Aa]pplication))?\s+(?P<num>(?:{_CODE}\s?)?{_NUMBER})"
    # A bare designation with its country and kind codes: "EP 1 234 567 B1", "US 10,266,850 B2".
    rf"|\b(?P<bare>{_CODE}\s?\d{{1,2}}[ ,.]?\d{{3}}[ ,.]?\d{{3}}\s?[ABCU]\d?)\b"
)
_ARXIV_RE = re.compile(
    r"\barXiv\s?:\s?(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"
    r"(?:\s*\[[\w.-]+\])?"
)


def find_identifier(text: str) -> tuple[str, str, int, int] | None:
    """("patent" or "arxiv", the number, start, end) of the identifier ``text`` gives."""
    if _HINT_RE.search(text) is None:
        return None
    if "arXiv" in text:
        m = _ARXIV_RE.search(text)
        if m:
            return "arxiv", m["id"], m.start(), m.end()
    m = _PATENT_RE.search(text)
    if m:
        number = " ".join((m["num"] or m["bare"]).split())
        return "patent", number, m.start(), m.end()
    return None


def take_identifier(d: Draft) -> bool:
    """Read a patent or arXiv identifier out of ``d`` (True when there was one)."""
    found = find_identifier(d.text)
    if found is None:
        return False
    kind, number, a, b = found
    d.number = number
    d.strong = True
    if kind == "arxiv":
        d.type, d.container = CitationType.ARTICLE, "arXiv"
    else:
        d.type = CitationType.OTHER
    d.blank(a, b)
    return True


def _without(value: str | None, a: int, b: int, text: str) -> str | None:
    """``value`` unless it was read from inside the identifier's stretch of ``text``."""
    if value is None:
        return None
    at = text.find(value)
    while at != -1:
        if at < b and at + len(value) > a:
            return None
        at = text.find(value, at + 1)
    return value


def read_identifier(text: str, parsed: Parsed | None) -> Parsed | None:
    """``parsed`` with the identifier ``text`` gives as its number, and nothing read from it."""
    if parsed is None or parsed.short_form is not None:
        return parsed
    if parsed.type in (CitationType.CASE, CitationType.STATUTE):
        return parsed
    found = find_identifier(text)
    if found is None:
        return parsed
    kind, number, a, b = found
    stretch = text[a:b]
    title = parsed.title
    if title and stretch in title:
        title = tidy(title.replace(stretch, " ").strip(" ,.;:—–-")) or None
    out = replace(
        parsed,
        number=number,
        title=title,
        volume=_without(parsed.volume, a, b, text),
        issue=_without(parsed.issue, a, b, text),
        pages=_without(parsed.pages, a, b, text),
        pinpoint=_without(parsed.pinpoint, a, b, text),
        series=None if parsed.series and parsed.series in stretch else parsed.series,
    )
    container = out.container
    if container and (container in stretch or stretch in container or number in container):
        container = None
    if kind == "arxiv":
        return replace(out, type=CitationType.ARTICLE, container=container or "arXiv")
    return replace(out, type=CitationType.OTHER, container=container, publisher=None)
