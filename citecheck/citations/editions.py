"""The edition a note names: "2nd ed.", Bluebook "(2d ed. 2009)", OSCOLA
"(2nd edn, ...)", AGLC "2nd ed", German "3. Aufl.", "rev. ed."

The field parser drops editions from titles and publication details; this
reads them back from the piece as written, for the works that have editions
(books, chapters, reports).
"""

from __future__ import annotations

import re

from citecheck.model import CitationType

__all__ = ["EDITION_TYPES", "read_edition"]

EDITION_TYPES = frozenset({CitationType.BOOK, CitationType.CHAPTER, CitationType.REPORT})

_EDITION_RE = re.compile(
    r"\b(?:(?P<n>\d{1,3})(?:st|nd|rd|th|d)\s+(?:edn|ed|edition)\b"
    r"|(?P<rev>rev(?:ised)?)\.?\s+(?:edn|ed|edition)\b"
    r"|(?P<de>\d{1,3})\.\s*(?:Aufl(?:age)?\b|Auflage))",
    re.IGNORECASE,
)
# A quoted title ("“The 2nd Edition Problem,”") is not the work's edition.
_QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")


def read_edition(text: str) -> str | None:
    """ "2" for "2nd ed." / "2d ed." / "2. Aufl.", "revised" for "rev. ed.", else None."""
    if "ed" not in text and "Aufl" not in text:
        return None
    m = _EDITION_RE.search(_QUOTED_RE.sub(lambda q: " " * len(q.group()), text))
    if m is None:
        return None
    if m.group("rev"):
        return "revised"
    return str(int(m.group("n") or m.group("de")))
