"""Whether parts fit their total: the arithmetic and the message of ``sum-mismatch``.

One sentence follows one rounding convention (all its figures rounded, or all
truncated); parts listed together share one precision, and a remainder was
computed from the total, so the total is as precise as its parts. A list that
may name only some parts (``partial``) may fall short of its total but not
exceed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from citecheck.checks.catalogue import SUM
from citecheck.checks.labels import is_label, multiplied, rewritten
from citecheck.checks.numbers import Quantity, amount
from citecheck.checks.passages import Sentence, one_line
from citecheck.checks.rules import raise_finding
from citecheck.checks.units import measured_alike
from citecheck.model import Finding

__all__ = ["SUM", "as_precise_as", "compare", "compare_parts"]


def _show(quantity: Quantity) -> str:
    return quantity.shown


def _conventions(quantity: Quantity) -> tuple[tuple[float, float], tuple[float, float]]:
    """The figure's interval if rounded, and if truncated (a hedge keeps its own reading)."""
    if quantity.qualifier is not None or quantity.step <= 0:
        return (quantity.low, quantity.high), (quantity.low, quantity.high)
    value, step = quantity.value, quantity.step
    return (value - step / 2, value + step / 2), (value, value + step)


def _sum_fits(total: Quantity, parts: list[Quantity], *, partial: bool) -> bool:
    """Whether some reading makes the parts add up to the total (fall short, if ``partial``).

    One sentence follows one convention: its figures are all rounded or all
    truncated, and a part that sits on a rounding boundary cannot round one way
    while the total rounds the other ("£38m + £19m + £7m" is never "£62m").
    """
    for convention in (0, 1):
        t_low, t_high = _conventions(total)[convention]
        p_low = sum(_conventions(p)[convention][0] for p in parts)
        p_high = sum(_conventions(p)[convention][1] for p in parts)
        slack = 1e-9 * max(abs(t_high), abs(p_high), 1.0)
        if p_low < t_high - slack and (partial or p_high > t_low + slack):
            return True
    return False


# A figure compared with another is no part: "£2,000 more than the old limit".
_COMPARED = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:more|fewer|less|higher|lower|greater|smaller|larger|up|down|above|below|"
    r"over|under)\s+(?:than|on|from|in|the)\b",
    re.IGNORECASE,
)
_REMAINDER_PART = re.compile(r"\bthe\s+(?:remaining|rest|remainder|balance)\b", re.IGNORECASE)


def _one_precision(
    sentence: Sentence, total: Quantity, parts: list[Quantity]
) -> tuple[Quantity, list[Quantity]]:
    """Parts listed together share one precision; a remainder makes the total as precise.

    In "£41m, £27m and £10m" the £10m is to the million like its neighbours,
    not 5-15 million, and in "£6m, £5.5m and £3.5m" the £6m is £5.95-6.05m.
    In "Of our 1,200 colleagues, 640 ..., 390 ... and the remaining 250" the
    remainder was computed from the total, so the total is exact to the
    parts' precision. Decimals and hedged figures keep their own.
    """

    def whole(q: Quantity) -> bool:
        return q.qualifier is None and not q.spread and q.step > 0 and "." not in q.text

    def plain(q: Quantity) -> bool:
        return q.qualifier is None and not q.spread and q.step > 0

    # The finest step among the listed parts, decimals included: in "£6m, £5.5m and
    # £3.5m" the £6m is to a tenth like its neighbours.
    steps = [p.step for p in parts if plain(p) and p.scale_word == parts[0].scale_word]
    if not steps or not any(whole(p) for p in parts):
        return total, parts
    finest = min(steps)
    parts = [replace(p, step=min(p.step, finest)) if whole(p) else p for p in parts]
    if whole(total) and _REMAINDER_PART.search(sentence.text, total.end):
        total = replace(total, step=min(total.step, finest))
    return total, parts


def as_precise_as(total: Quantity, parts: list[Quantity]) -> Quantity:
    """A whole given out in full, part by part ("..., respectively", each part for a named
    group), read at its parts' precision: a writer who prints "12 million, 9 million and 4
    million" of a "30 million" total does not mean 25 million (hedged totals keep theirs)."""
    if total.qualifier is not None or total.spread or total.step <= 0 or "." in total.text:
        return total
    steps = [p.step for p in parts if p.qualifier is None and not p.spread and p.step > 0]
    if len(steps) != len(parts) or any(p.scale_word != total.scale_word for p in parts):
        return total
    finest = max(steps)  # the coarsest part: every part is at least this precise
    if finest >= total.step:
        return total
    return replace(total, step=finest)


def compare_parts(
    sentence: Sentence, total: Quantity, parts: list[Quantity], *, partial: bool
) -> Iterator[Finding]:
    """Whether ``parts`` add up to (or, if ``partial``, do not exceed) ``total``."""
    return compare(sentence, total, parts, partial=partial)


def compare(
    sentence: Sentence, total: Quantity, parts: list[Quantity], *, partial: bool
) -> Iterator[Finding]:
    if any(_COMPARED.match(sentence.text[p.end : p.end + 30]) for p in parts):
        return  # "3,400 applications: 1,200 more than in 2022 and 2,100 more than in 2021"
    if rewritten(sentence.text, parts):
        return  # "3.35 s -> 2.1 s": a figure and what it became, no parts
    if multiplied(sentence.text, [total, *parts]) or any(
        is_label(sentence.text, q) for q in (total, *parts)
    ):
        return  # "420 works rendered through 18 styles": a product; "seed 13": a name
    if not measured_alike(sentence.text, [total, *parts]):
        return  # "limit 2: 51 rounds of 140-143 ms plus ~40 ms": counts and times, no sum
    total, parts = _one_precision(sentence, total, parts)
    if _sum_fits(total, parts, partial=partial):
        return
    low = sum(_conventions(p)[0][0] for p in parts)
    high = sum(_conventions(p)[0][1] for p in parts)
    printed = sum(p.value for p in parts)
    kind, currency = total.kind, total.currency
    listed = " + ".join(_show(p) for p in parts)
    verb = "exceed" if partial else "add up to"
    message = (
        f"{listed} {verb} {amount(printed, kind=kind, currency=currency, digits=6)} as printed "
        f"({amount(low, kind=kind, currency=currency)}–{amount(high, kind=kind, currency=currency)}"
        f" however each was rounded), {'more than' if partial else 'not'} the stated total "
        f"{_show(total)}. Check the parts and the total."
    )
    yield raise_finding(
        SUM,
        message,
        sentence.location_at(total.start),
        note=sentence.note,
        evidence=one_line(sentence.text),
    )
