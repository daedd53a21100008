"""Multipliers that are a figure's own ratio to a fixed base, not a change between figures.

"17.4 s (2.43 x) to 14.1 s (1.97 x)" gives two figures, each with its ratio to a
floor or baseline in brackets: neither "2.43 x" nor "1.97 x" says how 17.4 became
14.1. A multiplier in brackets right after a figure is that figure's ratio when the
figure's pair goes on after the bracket ("(2.43 x) to 14.1 s"), when another figure
of the sentence carries a bracketed ratio too, or when the bracket holds the figure
as well ("(23.48 s, 1.17 x)"); "from £2m to £6m (3x)" still restates its change.
A multiplier naming its base ("1.14 x the floor", "2.4 times the national average")
compares with that, not with figures around it. And in a range of multipliers
("1.30-1.40 x", "1.9 to 2.4 times") the first end is a multiplier too, not a level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.checks.numbers import Kind, Quantity

__all__ = ["multiplier_ends", "own_ratio"]

# Between a figure and the bracket that opens on its ratio: a unit of up to six letters.
_FIGURE_THEN_BRACKET = re.compile(r"^\s*(?:[A-Za-z%µ/]{1,6}\.?\s*)?\(\s*(?:about\s+|~\s*)?$")
# A bracket holding a figure, then its ratio: "(23.48 s, 1.17 x".
_BRACKET_THEN_FIGURE = re.compile(r"\(\s*$")
_FIGURE_UNIT_COMMA = re.compile(r"^\s*(?:[A-Za-z%µ/]{1,6}\.?)?\s*[,;]\s*$")
# The pair goes on after the bracket: ") to 14.1 s", ") against 10.21 s".
_PAIR_GOES_ON = re.compile(r"^[^()]{0,30}?\)\s*,?\s*(?:to|against|versus|vs\.?|then)\b")
# The multiplier names its own base: "x the floor", "times the national average".
_NAMED_BASE = re.compile(
    r"^\s+(?:of\s+)?(?:the|its|their|our|this|that)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:floor|baseline|average|median|mean|target|limit|minimum|maximum|norm|ceiling|"
    r"benchmark|cap|threshold|ideal|optimum)\b",
    re.IGNORECASE,
)
# The first end of a range whose last end is a multiplier: "1.30-1.40 x", "1.9 to 2.4 times".
_RANGE_GAP = re.compile(r"^\s*(?:[-–]|to)\s*$")


def _bracketed_after(text: str, multiplier: Quantity, figures: Sequence[Quantity]) -> str | None:
    """How ``multiplier`` sits in brackets by a figure: "after" ("17.4 s (2.43 x"),
    "inside" ("(23.48 s, 1.17 x"), or None."""
    before = [q for q in figures if q.end <= multiplier.start and q.kind is not Kind.MULTIPLIER]
    if not before:
        return None
    figure = max(before, key=lambda q: q.end)
    gap = text[figure.end : multiplier.start]
    if _FIGURE_THEN_BRACKET.match(gap):
        return "after"
    if _FIGURE_UNIT_COMMA.match(gap) and _BRACKET_THEN_FIGURE.search(text[: figure.start]):
        return "inside"
    return None


def own_ratio(text: str, multiplier: Quantity, figures: Sequence[Quantity]) -> bool:
    """Whether ``multiplier`` is a figure's own ratio to a base, not a change of a pair."""
    # the comparing word may be the multiplier's own last word ("2.4 times the")
    last = multiplier.text.rsplit(None, 1)[-1]
    tail = text[multiplier.end : multiplier.end + 60]
    if _NAMED_BASE.match(tail) or _NAMED_BASE.match(f" {last}{tail}"):
        return True
    if multiplier.start in multiplier_ends(text, figures) or _opens_bracketed_range(
        text, multiplier, figures
    ):
        return True
    how = _bracketed_after(text, multiplier, figures)
    if how is None:
        return False
    if how == "inside" or _PAIR_GOES_ON.match(text[multiplier.end : multiplier.end + 40]):
        return True
    others = [
        q
        for q in figures
        if q.kind is Kind.MULTIPLIER and q is not multiplier and _bracketed_after(text, q, figures)
    ]
    return bool(others)


def _opens_bracketed_range(text: str, multiplier: Quantity, figures: Sequence[Quantity]) -> bool:
    """ "(1.46-1.70 x": a range of ratios in brackets, an aside on what came before."""
    for q in figures:
        if q.kind is not Kind.MULTIPLIER and _RANGE_GAP.match(text[q.end : multiplier.start]):
            return _BRACKET_THEN_FIGURE.search(text[: q.start]) is not None
    return False


def multiplier_ends(text: str, figures: Sequence[Quantity]) -> set[int]:
    """The starts of figures that are the first end of a range of multipliers."""
    ends: set[int] = set()
    for multiplier in (q for q in figures if q.kind is Kind.MULTIPLIER):
        for q in figures:
            if q.kind is Kind.MULTIPLIER or q.end > multiplier.start:
                continue
            if _RANGE_GAP.match(text[q.end : multiplier.start]):
                ends.add(q.start)
    return ends
