"""Liberal candidates for the learned layer: every group of figures that could stand in a relation.

The pattern rules pair figures only where a cue they know ties them. This
module proposes, for each of the seven numeric relations, every group of
figures of one scope that *could* stand in it, and lets the arithmetic say
whether the group fits. A failing group is a candidate slip; whether the
text really asserts the relation is the trained scorer's question
(``learned``), never this module's.

A scope is one sentence, a sentence and the next one of its passage, or a
body sentence and a sentence of the note it cites (also when the body
sentence has no figure of its own: its words are the cue). Figures are the ones
``numbers.find_quantities`` read; two-sentence scopes propose only groups
that take figures from both sentences (the one-sentence scope has the rest).

Every arithmetic test is the interval one of the rules: a group fails only
when no reading of its printed figures fits, in either order of its pair.
One exception, marked ``detail="printed"`` for the scorer: a multiplier whose
pair fits only through the figures' rounding ("doubled from £40m to £120m":
£40m may be £35m-£50m, but 120 / 40 is 3), and parts whose printed sum
exceeds the printed total by more than a whole step, are candidates too.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import replace

from citecheck.checks.candidate_broad import loosely_dated, printed_change_off
from citecheck.checks.candidate_figures import well_formed
from citecheck.checks.candidate_records import (
    GROWTH,
    JOIN,
    PER_HEAD,
    PERCENT,
    POINTS,
    RATE,
    RELATIONS,
    SHARES,
    SUM,
    Candidate,
    Fits,
    Scope,
    alike,
    apart,
    overlap,
)
from citecheck.checks.candidate_scopes import MAX_FIGURES, scopes
from citecheck.checks.candidate_sums import FAIR_SUM, PART_OF, sum_candidates
from citecheck.checks.currencies import USD_PER_UNIT
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.passages import Passage
from citecheck.checks.per_head import per_head_of
from citecheck.checks.percent_readings import CHANGE_AFTER, is_change, is_points, reading
from citecheck.checks.periods import convert, length_days, working_convert
from citecheck.checks.ratios import multiplier_ends, own_ratio
from citecheck.checks.units import same_measure

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
    "Scope",
    "candidates",
    "scopes",
]

# Round 16's marks: a change that fits only through its figures' rounding, and the fit that
# explains a change at its printed figures.
PRINTED_CHANGE = "printed-change"
FAIR_CHANGE = "fair-change"

# Kept for the tests that ask for it by its old name.
_well_formed = well_formed


def candidates(
    passages: tuple[Passage, ...], relations: frozenset[str] = frozenset(RELATIONS)
) -> list[Candidate]:
    """Every group of figures of the passages' scopes failing one of ``relations``' arithmetic.

    A figure that fits a relation somewhere is explained, in every scope it stands in:
    a multiplier or a percent change with a pair that fits it, the figures of a
    sum that adds up, a per-head figure that follows from a total and a head
    count. A group built on an explained figure is no candidate: "Of these,
    3,100 ..., 2,050 ... and the remaining 2,090" adds up to the 7,240 of the
    sentence before, so its parts are not a slip of their own sentence.
    """
    found: list[Candidate] = []
    explained: set[tuple[str, int, int]] = set()
    # Round 16: what the broad proposal's own scopes explain explains only its candidates, and
    # which totals explain each part (a list explained only by one another is proposed, marked).
    explained_broad: set[tuple[str, int, int]] = set()
    part_of: dict[Origin, set[Origin]] = {}
    for scope in scopes(passages):
        fits: Fits = []
        found.extend(_of_scope(scope, relations, fits))
        for what, q in fits:
            if what.startswith(PART_OF):
                total = _at(scope, int(what[len(PART_OF) :]))
                part_of.setdefault(_origin(scope, q), set()).add(total)
            else:
                (explained_broad if scope.broad else explained).add((what, *_origin(scope, q)))
    kept: list[Candidate] = []
    everything = explained | explained_broad if explained_broad else explained
    for candidate in found:
        if candidate.broad:
            if not _broad_explained(candidate, everything):
                kept.append(candidate)
        elif not _is_explained(candidate, explained):
            kept.append(candidate)
        elif (
            candidate.relation == SUM
            and part_of
            and not _parts_explained_outside(candidate, part_of)
        ):
            # "11 counts in all: 3 counts ..., 2 counts ... and 4 counts": 4 fits 3 + 2, but no
            # total outside the list explains it; the list is proposed again, broad and marked.
            kept.append(replace(candidate, detail=candidate.detail + "+subsum", broad=True))
    return kept


Origin = tuple[int, int]


def _at(scope: Scope, start: int) -> Origin:
    """The sentence (by identity) and offset in it of an offset of the scope."""
    if scope.second is not None and start >= scope.split:
        return id(scope.second), start - scope.split
    return id(scope.sentence), start


def _origin(scope: Scope, quantity: Quantity) -> Origin:
    """The sentence (by identity) and offset in it of a figure of the scope."""
    return _at(scope, quantity.start)


def _parts_explained_outside(candidate: Candidate, part_of: dict[Origin, set[Origin]]) -> bool:
    """Whether a fitting sum explains the candidate's total, or each of its parts with a total
    that is none of its parts."""
    scope = candidate.scope
    total, *parts = (_origin(scope, q) for q in candidate.figures)
    if total in part_of or any(total in totals for totals in part_of.values()):
        return True
    return all(part_of.get(q, set()) - set(parts) for q in parts)


def _broad_explained(candidate: Candidate, explained: set[tuple[str, int, int]]) -> bool:
    """A broad candidate is explained by what explains main's, or, for the readings main
    accepts that it proposes, by a fit at the printed (or the parts' own) precision."""
    scope, figures = candidate.scope, candidate.figures
    if candidate.detail == PRINTED_CHANGE:
        where = _origin(scope, figures[0])
        return (FAIR_CHANGE, *where) in explained or ("level", *where) in explained
    if candidate.detail.endswith("+fine"):
        total, *parts = figures
        return (FAIR_SUM, *_origin(scope, total)) in explained or all(
            (FAIR_SUM, *_origin(scope, q)) in explained for q in parts
        )
    return _is_explained(candidate, explained)


def _is_explained(candidate: Candidate, explained: set[tuple[str, int, int]]) -> bool:
    scope, figures = candidate.scope, candidate.figures
    if candidate.relation in {GROWTH, PERCENT, POINTS}:
        where = _origin(scope, figures[0])
        return ("change", *where) in explained or ("level", *where) in explained
    if candidate.relation == SUM:
        total, *parts = figures
        return ("sum", *_origin(scope, total)) in explained or all(
            ("sum", *_origin(scope, q)) in explained for q in parts
        )
    if candidate.relation == PER_HEAD and len(figures) == 3:
        return ("head", *_origin(scope, figures[2])) in explained
    if candidate.relation == PER_HEAD:
        return ("head-total", *_origin(scope, figures[0])) in explained
    return False


def _of_scope(scope: Scope, relations: frozenset[str], fits: Fits) -> Iterator[Candidate]:
    figures = [
        q for q in scope.quantities if q.kind is not Kind.YEAR and well_formed(scope.text, q)
    ]
    if len(figures) < 2 or len(figures) > MAX_FIGURES:
        return
    makers = (
        (frozenset({RATE}), _rates),
        (frozenset({GROWTH}), _growth),
        (frozenset({PERCENT, POINTS}), _changes),
        (frozenset({SUM}), sum_candidates),
        (frozenset({SHARES}), _shares),
        (frozenset({PER_HEAD}), _per_head),
    )
    for wanted, make in makers:
        if not wanted & relations:
            continue
        for candidate in make(scope, figures, fits):
            if candidate.relation not in relations:
                continue
            if scope.link in {"one", "cue"} or _spans_both(scope, candidate.figures):
                yield replace(candidate, broad=True) if scope.broad else candidate


def _spans_both(scope: Scope, figures: tuple[Quantity, ...]) -> bool:
    return any(q.start < scope.split for q in figures) and any(
        q.start >= scope.split for q in figures
    )


# --------------------------------------------------------------------------
# Arithmetic of each relation
# --------------------------------------------------------------------------


def _span(quantity: Quantity) -> tuple[float, float]:
    if quantity.kind is Kind.PERCENT:
        return reading(quantity)
    return quantity.low, quantity.high


def _rates(scope: Scope, figures: list[Quantity], fits: Fits) -> Iterator[Candidate]:
    # Round 16: figures the reader gave no period may be read with one the words near them
    # name ("2,600 donations in an average week"); pairs with such a figure are broad.
    loose = loosely_dated(scope.text, figures)
    read = [loose.get(id(q), q) for q in figures] if loose else figures
    copies = {id(q) for q in loose.values()}
    timed = [(q, q.period or q.total_of) for q in read if q.period or q.total_of]
    for (q1, p1), (q2, p2) in itertools.combinations(timed, 2):
        if p1 is None or p2 is None or p1 == p2 or not alike(q1, q2):
            continue
        marked = bool(loose) and (id(q1) in copies or id(q2) in copies)
        if marked and not same_measure(scope.text, q1, q2):
            continue
        if q1.period is None and q2.period is None:
            continue  # two dated totals are a series, not a rate restated
        try:
            target = p1 if length_days(p1) < length_days(p2) else p2
            first = convert(q1.low, q1.high, p1, target)
            second = convert(q2.low, q2.high, p2, target)
        except (KeyError, ValueError):
            continue
        if overlap(first, second):
            continue
        working = working_convert(q1.low, q1.high, p1, p2) if q1.kind is Kind.MONEY else None
        if working is not None and overlap(working, (q2.low, q2.high)):
            continue
        off = apart(first, second)
        if marked:
            yield Candidate(RATE, scope, (q1, q2), ("rate", "rate"), off, "loose", broad=True)
        else:
            yield Candidate(RATE, scope, (q1, q2), ("rate", "rate"), off, "")


def _ratio(start: Quantity, end: Quantity) -> tuple[float, float] | None:
    low, high = _span(start)
    if low <= 0:
        return None
    end_low, end_high = _span(end)
    return end_low / high, end_high / low


def _pairs(figures: list[Quantity], exclude: Quantity) -> Iterator[tuple[Quantity, Quantity]]:
    # A zero has no ratio to anything: it is no start or end of a change.
    others = [q for q in figures if q is not exclude and _span(q)[0] > 0]
    for one, two in itertools.combinations(others, 2):
        if alike(one, two):
            yield one, two


def _growth(scope: Scope, figures: list[Quantity], fits: Fits) -> Iterator[Candidate]:
    ends = multiplier_ends(scope.text, figures)
    for multiplier in (q for q in figures if q.kind is Kind.MULTIPLIER and q.readings):
        if own_ratio(scope.text, multiplier, figures):
            continue  # "17.4 s (2.43 x)": the figure's own ratio to a floor
        for one, two in _pairs(figures, multiplier):
            if one.start in ends or two.start in ends:
                continue  # "1.30-1.40 x": a range's first end is a multiplier, no level
            ratios = [r for r in (_ratio(one, two), _ratio(two, one)) if r is not None]
            if not ratios:
                continue
            roles = ("change", "from", "to")
            if any(overlap(r, band) for r in ratios for band in multiplier.readings):
                printed = _printedoff(one, two, multiplier.readings)
                if printed is not None:
                    figures3 = (multiplier, one, two)
                    yield Candidate(GROWTH, scope, figures3, roles, printed, "printed")
                    continue
                fits.append(("change", multiplier))  # a pair that fits explains the multiplier
                continue
            off = min(apart(r, band) for r in ratios for band in multiplier.readings)
            yield Candidate(GROWTH, scope, (multiplier, one, two), roles, off, "")


def _printedoff(
    one: Quantity, two: Quantity, bands: tuple[tuple[float, float], ...]
) -> float | None:
    """How far the printed figures' ratio misses every band, or None when one takes it.

    The rules' intervals let "£40m" be £35m-£50m, so "doubled from £40m to £120m" fits at
    £50m to £115m; a writer who meant that would not print 40 and 120.
    """
    if one.value <= 0 or two.value <= 0:
        return None
    ratio = max(one.value, two.value) / min(one.value, two.value)
    ratios = [(ratio, ratio), (1 / ratio, 1 / ratio)]
    if any(overlap(r, band) for r in ratios for band in bands):
        return None
    return min(apart(r, band) for r in ratios for band in bands)


def _changes(scope: Scope, figures: list[Quantity], fits: Fits) -> Iterator[Candidate]:
    levels = [q for q in figures if not (q.kind is Kind.PERCENT and is_points(q))]
    for change in (q for q in levels if q.kind is Kind.PERCENT):
        stated = reading(change)
        # A change of c percent is a ratio of 1 +- c/100; above 100 % also c/100 ("up 265 %").
        bands = [(1 + stated[0] / 100, 1 + stated[1] / 100)]
        if stated[1] < 100:
            bands.append((1 - stated[1] / 100, 1 - stated[0] / 100))
        else:
            bands.append((stated[0] / 100, stated[1] / 100))
        for one, two in _pairs(levels, change):
            roles = ("change", "from", "to")
            if one.kind is Kind.PERCENT and _points_not_percent(change, one, two):
                # "47 percent on salaries, 50 percent on equipment, ... 3 percent on fuel": a
                # share that happens to be two others' difference is no change; a points slip
                # states its change ("a rise of 6 percent", "fell 5%", "5% lower").
                if stated_as_change(scope.text, change) or not _parallel(
                    scope.text, (change, one, two)
                ):
                    yield Candidate(POINTS, scope, (change, one, two), roles, 1.0, "")
                continue
            ratios = [r for r in (_ratio(one, two), _ratio(two, one)) if r is not None]
            if not ratios:
                continue
            if any(overlap(r, bands[0]) for r in ratios) or (
                stated[1] < 100 and any(overlap(r, bands[1]) for r in ratios)
            ):
                # A pair that fits explains the change, and its figures are levels, no changes.
                fits.extend((("change", change), ("level", one), ("level", two)))
                printed = printed_change_off(change, one, two)
                if printed is None:
                    fits.append((FAIR_CHANGE, change))
                else:
                    # "jumped 40 per cent, from £500,000 to £600,000": it fits only through the
                    # round figures' rounding (£450,000-£700,000); printed it is 20 %. Broad.
                    figures3 = (change, one, two)
                    yield Candidate(PERCENT, scope, figures3, roles, printed, PRINTED_CHANGE, True)
                continue
            if any(overlap(r, bands[1]) for r in ratios):
                # "rose 150 percent" from £32bn to £48bn: only as "times" (1.5) does it fit,
                # a reading the rules allow and writers slip into; the scorer weighs it.
                yield Candidate(PERCENT, scope, (change, one, two), roles, 1.0, "times")
                continue
            off = min(apart(r, band) for r in ratios for band in bands)
            yield Candidate(PERCENT, scope, (change, one, two), roles, off, "")


def stated_as_change(text: str, change: Quantity) -> bool:
    """Whether the percentage is stated as a change, by a word before or after it."""
    return is_change(text, change) or bool(CHANGE_AFTER.match(text[change.end : change.end + 20]))


# The word after a listed share: "47 percent on salaries", "3 per cent in fuel".
_LISTED_AFTER = re.compile(r"^\s*(?:%|per\s*cent|percent|pc)?\s+(on|in|for|to|at|of|from)\b", re.I)


def _parallel(text: str, figures: tuple[Quantity, ...]) -> bool:
    """Whether the percentages are items of one list, each with the same preposition after it
    ("47 percent on salaries, 50 percent on equipment, 3 percent on fuel")."""
    words = set()
    for q in figures:
        after = _LISTED_AFTER.match(text[q.end : q.end + 20])
        if after is None:
            return False
        words.add(after.group(1).lower())
    return len(words) == 1


def _points_not_percent(change: Quantity, one: Quantity, two: Quantity) -> bool:
    """At the printed figures, the change is the levels' difference and no relative change.

    "from 94 per cent to 89 per cent, a drop of 5 per cent": 5 points, a fall of 5.3 %. Rounding
    could stretch 5.3 % to 5 %, but a writer who computed the relative change prints 5.3.
    """
    stated = reading(change)
    difference = abs(two.value - one.value)
    if not stated[0] <= difference <= stated[1] or change.value >= min(one.value, two.value):
        return False  # a change as large as a level is more likely a level itself
    relative = (difference / one.value * 100, difference / two.value * 100)
    return not any(stated[0] <= r <= stated[1] for r in relative)


def _overlaps_between(one: Quantity, two: Quantity) -> bool:
    return overlap(_span(one), _span(two))


def _shares(scope: Scope, figures: list[Quantity], fits: Fits) -> Iterator[Candidate]:
    shares = [
        q
        for q in figures
        if q.kind is Kind.PERCENT and not is_points(q) and not is_change(scope.text, q)
    ]
    if len(shares) < 2:
        return
    low = sum(reading(q)[0] for q in shares)
    if low <= 100.5:
        return
    yield Candidate(SHARES, scope, tuple(shares), tuple("share" for _ in shares), low / 100, "")


# Per head in US dollars, beyond which a total over a head count is no budget, pay bill or
# revenue at all (a step of a thousand brings it back between them).
# The scorer reads how far out it is (``detail``: "low1" is under $100 a head, ...).
_PER_HEAD_LOW = 5.0
_PER_HEAD_HIGH = 5_000_000.0


def _per_head(scope: Scope, figures: list[Quantity], fits: Fits) -> Iterator[Candidate]:
    money = [q for q in figures if q.kind is Kind.MONEY]
    heads = [q for q in figures if q.kind is Kind.COUNT and q.low >= 2]
    yield from _per_head_stated(scope, money, heads, fits)
    stated = {id(q) for q in money if any(q.high < t.low for t in money)}
    for total in money:
        rate = USD_PER_UNIT.get(total.currency or "")
        if rate is None or id(total) in stated or total.period in _SHORT_PERIODS:
            continue
        if per_head_of(scope.text, total) is not None:
            continue
        for head in (q for q in heads if q.low >= 50 and q.high < total.low):
            each = (total.low * rate / head.high, total.high * rate / head.low)
            if 0 < each[1] < _PER_HEAD_LOW and each[1] * 1000 >= _PER_HEAD_LOW:
                detail = f"low{max(int(math.log10(each[1])), 0)}"
                off = _PER_HEAD_LOW / each[1]
            elif each[0] > _PER_HEAD_HIGH and each[0] / 1000 <= _PER_HEAD_HIGH:
                detail = f"high{int(math.log10(each[0]))}"
                off = each[0] / _PER_HEAD_HIGH
            else:
                continue
            yield Candidate(PER_HEAD, scope, (total, head), ("total", "head"), off, detail)


_SHORT_PERIODS = frozenset({"day", "hour", "minute", "second", "week"})


def _per_head_stated(
    scope: Scope, money: list[Quantity], heads: list[Quantity], fits: Fits
) -> Iterator[Candidate]:
    for total, each in itertools.permutations(money, 2):
        if total.currency != each.currency or total.high <= each.high:
            continue
        if total.period in _SHORT_PERIODS or per_head_of(scope.text, total) is not None:
            continue  # "£1.3 million per bed" is no total
        for head in (q for q in heads if q.low >= 10):
            share = (total.low / head.high, total.high / head.low)
            if overlap(share, (each.low, each.high)):
                fits.extend((("head", each), ("head-total", total)))
                continue
            off = apart(share, (each.low, each.high))
            yield Candidate(
                PER_HEAD, scope, (total, head, each), ("total", "head", "each"), off, ""
            )
