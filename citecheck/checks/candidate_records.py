"""The records of the learned layer's candidates, and the interval arithmetic they share.

A ``Scope`` is text whose figures may be related; a ``Candidate`` a group of its figures
failing one relation's arithmetic. ``candidates`` proposes them; ``candidate_sums`` and the
other generators build them from these records.
"""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.passages import Sentence

__all__ = [
    "GROWTH",
    "JOIN",
    "PERCENT",
    "PER_HEAD",
    "POINTS",
    "RATE",
    "RELATIONS",
    "SHARES",
    "SUM",
    "Candidate",
    "Fits",
    "Scope",
    "alike",
    "apart",
    "overlap",
]

RATE = "rate-restatement-mismatch"
GROWTH = "growth-multiplier-mismatch"
PERCENT = "percent-change-mismatch"
SUM = "sum-mismatch"
SHARES = "shares-exceed-total"
POINTS = "percent-points-confusion"
PER_HEAD = "implausible-per-head"
RELATIONS = (RATE, GROWTH, PERCENT, SUM, SHARES, POINTS, PER_HEAD)

# The mark between two sentences of one scope, in its joined text.
JOIN = " ¶ "


@dataclass(frozen=True, slots=True)
class Scope:
    """Text whose figures may be related: one sentence, or two joined by ``JOIN``.

    ``link`` says how: "one", "next" (the sentence after), "note" (a sentence
    of the note the first cites) or "cue" (a body sentence without figures and
    a sentence of the note it cites: the body's words, the note's figures).
    ``split`` is the offset where the second sentence starts (the text's length for one sentence).
    ``broad`` marks a scope only the broad proposal reads (round 16: a sentence main's reading
    took for a citation); its candidates are all broad.
    """

    text: str
    quantities: tuple[Quantity, ...]
    link: str
    split: int
    sentence: Sentence
    second: Sentence | None = None
    broad: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A group of figures of one scope that fails the arithmetic of one relation.

    ``roles`` names each figure's part in it ("total", "part", "from", "to",
    "change", "rate", "share", "head", "each"); ``off`` is how far the
    arithmetic misses, as the ratio of the nearer ends (1.0 and up). ``broad`` marks a kind of
    candidate the broad proposal adds (round 16): it is scored by a model of its own, so that
    adding it cannot move the scores of the others.
    """

    relation: str
    scope: Scope
    figures: tuple[Quantity, ...]
    roles: tuple[str, ...]
    off: float
    detail: str
    broad: bool = False


Fits = list[tuple[str, Quantity]]  # (what it explains: "change", "sum", "head"), figure


def alike(one: Quantity, two: Quantity) -> bool:
    """Figures of one kind and currency that a relation could compare."""
    if one.kind is not two.kind or one.kind in {Kind.YEAR, Kind.MULTIPLIER}:
        return False
    return one.currency == two.currency


def overlap(one: tuple[float, float], two: tuple[float, float]) -> bool:
    return one[0] <= two[1] and two[0] <= one[1]


def apart(one: tuple[float, float], two: tuple[float, float]) -> float:
    """How far apart two disjoint intervals are, as the ratio of their nearer ends."""
    if one[1] < two[0]:
        low, high = one[1], two[0]
    else:
        low, high = two[1], one[0]
    if low <= 0:
        return 100.0
    return min(high / low, 100.0)
