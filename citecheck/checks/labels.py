"""Figures that name or multiply rather than count: labels, status codes and products.

* A bare integer after a naming noun is a label: "seed 13", "batch 18", "round 8",
  "table 3", "phase 2", "level 4", and so is one after a letter code ("tbl. C-2"). It
  counts nothing, so it is no part, total or end.
* A three-digit code in a sentence about HTTP answers is a status: "401, 403, 407, 451",
  "5xx (except 501) and 429".
* Two figures joined by a multiplying word are factors of a product, not parts of a sum:
  "420 works rendered through 18 styles", "12 sessions in each of 30 schools".
* Two figures joined by an arrow are a figure and what it became: "0.77 s -> 0.39 s",
  "28 -> 5", "93 ms → 5 ms".
"""

from __future__ import annotations

import itertools
import re

from citecheck.checks.numbers import Kind, Quantity

__all__ = ["is_label", "multiplied", "rewritten"]

_NAMING_NOUN = re.compile(
    r"\b(?:seed|batch|round|step|phase|stage|chapter|section|figure|fig\.|table|line|issue|"
    r"item|version|port|case|tier|grade|zone|ward|route|platform|gate|lot|room|block|article|"
    r"clause|paragraph|schedule|annex|appendix|part|category|class|group|model|type|series|"
    r"season|episode|volume|vol\.|level|exhibit|question|q)\s+$",
    re.IGNORECASE,
)
_STATUS_WORDS = re.compile(
    r"\b(?:HTTP|status(?:es)?|status\s+codes?|[1-5]xx|GET|HEAD|redirects?)\b"
)


def is_label(text: str, quantity: Quantity) -> bool:
    """Whether ``quantity`` names something ("seed 13") or is an HTTP status ("429")."""
    if quantity.kind is not Kind.COUNT or quantity.scale_word or not quantity.text.isdigit():
        return False
    if _NAMING_NOUN.search(text, max(0, quantity.start - 12), quantity.start):
        return True
    if re.search(r"\b[A-Z]{1,2}-$", text[max(0, quantity.start - 3) : quantity.start]):
        return True  # "tbl. C-2", "form P-60": a letter code
    return (
        len(quantity.text) == 3
        and 100 <= quantity.value <= 599
        and _STATUS_WORDS.search(text) is not None
    )


# "rendered through 18 styles", "in each of 30 schools", "across 12 sites", "times 4"
_MULTIPLYING = re.compile(
    r"^\s+(?:[\w'’-]+\s+){0,3}?(?:(?:rendered|run|repeated|played|shown|given|sent|tested|"
    r"measured|scored)\s+)?(?:through|in\s+each\s+of|for\s+each\s+of|on\s+each\s+of|"
    r"times|×|x)\s+$",
    re.IGNORECASE,
)


def multiplied(text: str, parts: list[Quantity]) -> bool:
    """Whether two neighbouring figures of ``parts`` are factors of one product."""
    ordered = sorted(parts, key=lambda q: q.start)
    return any(
        _MULTIPLYING.match(text[one.end : two.start]) is not None
        for one, two in itertools.pairwise(ordered)
    )


# "0.77 s -> 0.39 s", "28 -> 5", "(0.969 -> 0.925)": a unit or bracket may stand by the arrow
_ARROW = re.compile(r"^\s*[^\s\d]{0,6}\s*(?:->|→|⇒|=>|⟶)\s*[^\s\d]{0,3}\s*$")


def rewritten(text: str, figures: list[Quantity]) -> bool:
    """Whether two of ``figures`` are a figure and what it became ("0.77 s -> 0.39 s")."""
    ordered = sorted(figures, key=lambda q: q.start)
    return any(
        _ARROW.match(text[one.end : two.start]) is not None
        for one, two in itertools.pairwise(ordered)
    )
