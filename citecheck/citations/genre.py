"""What the type alone does not say: a thesis's genre and university, a
dataset, and a chapter's book editors.

Read from the piece's text after the fields, so they only add to a parse:
"(PhD diss., University of Texas at Austin, 2015)" gives the genre "PhD diss."
and the university; "..., dataset, 2019" the genre "dataset"; "in *Book*,
ed. Maria Lopez and José García-Márquez (" the editors.
"""

from __future__ import annotations

import re

from citecheck.citations.names import parse_authors
from citecheck.model import Person

__all__ = ["read_dataset", "read_editors", "read_thesis"]

_THESIS_RE = re.compile(
    r"\(\s*(?P<genre>(?:Ph\.?\s?D\.?|doctoral|master[’']s|M\.?A\.?|M\.?Sc?\.?|M\.?Phil\.?)\s+"
    r"(?:diss(?:ertation|\.)?|thesis))\s*,\s*(?P<school>[^,()]+?)\s*"
    r"(?:,\s*(?:[A-Z][^,()]*,\s*)?(?:1[5-9]|20)\d\d)?\s*\)",
    re.IGNORECASE,
)
_DATASET_RE = re.compile(
    r"(?:^|[,.(”\"]\s*)(?:data\s?set|data\s+file)\s*(?=[,.)]|$)", re.IGNORECASE
)
_EDITORS_RE = re.compile(r"\bin\s+.{2,300}?,\s+eds?\.\s+(?P<who>[^()]{3,200}?)\s*(?=\(|,\s*\d|$)")


def read_thesis(text: str) -> tuple[str, str] | None:
    """The genre as written and the university, or None for no thesis."""
    m = _THESIS_RE.search(text)
    if m is None:
        return None
    return " ".join(m["genre"].split()), m["school"].strip()


def read_dataset(text: str) -> bool:
    """The note calls the work a dataset ("..., dataset, 2019")."""
    return _DATASET_RE.search(text) is not None


def read_editors(text: str) -> tuple[Person, ...]:
    """The editors of the book a chapter is in, or () when none are named."""
    m = _EDITORS_RE.search(text)
    if m is None:
        return ()
    found = parse_authors(m["who"])
    return found[0] if found else ()
