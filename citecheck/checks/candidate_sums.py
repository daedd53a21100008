"""Sum candidates for the learned layer: a total and the like, smaller figures around it.

All of them, those before it, those after it, and lists of four or more less one; parts
measured alike (``units``), no factors of a product or labels (``labels``), no series over
years or lengths of time, and no parts an "including" list gives another figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.checks.candidate_records import (
    SUM,
    Candidate,
    Fits,
    Scope,
    alike,
    apart,
    overlap,
)
from citecheck.checks.labels import multiplied, rewritten
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.sum_lists import DATED, is_time
from citecheck.checks.units import measured_alike, same_measure

__all__ = ["FAIR_SUM", "PART_OF", "sum_candidates"]

# Round 16's broad proposal keeps main's fits ("sum") untouched and adds its own: a sum that
# fits at its parts' own precision too ("fair-sum"), and which total explains each part.
FAIR_SUM = "fair-sum"
PART_OF = "part-of@"

_MAX_PARTS = 6

# A list that says it is partial, or leaves a rest without a figure: short is no slip.
_LEAVES_A_REST = re.compile(
    r"\b(?:the\s+rest|remainder|remaining|balance|others?|including|includes|among|such\s+as|"
    r"for\s+example|e\.g\.|notably|mainly|mostly|chiefly|largely)\b",
    re.IGNORECASE,
)


def _part_sets(smaller: list[Quantity], total: Quantity) -> list[list[Quantity]]:
    before = [q for q in smaller if q.start < total.start]
    after = [q for q in smaller if q.start > total.start]
    found: list[list[Quantity]] = []
    for parts in (smaller, before, after):
        found.append(parts)
        # Each list of four or more less one figure: "£78, £14 (to raise the next £100) and £8".
        if len(parts) >= 4:
            found.extend(parts[:index] + parts[index + 1 :] for index in range(len(parts)))
    return [p for p in found if 2 <= len(p) <= _MAX_PARTS]


# A figure whose parts follow it: "212 films last year, including 48 documentaries".
_HEADS_PARTS = re.compile(
    r"^(?:\s+[\w'’-]+){0,4}\s*,?\s+(?:including|includes|among\s+(?:them|which|whom)|"
    r"such\s+as|of\s+(?:which|whom)|comprising|consisting\s+of)\b",
    re.IGNORECASE,
)


def _owners(text: str, plain: list[Quantity]) -> dict[int, int]:
    """Figures listed after a partition cue of an earlier figure: their owner's start."""
    owners: dict[int, int] = {}
    for head in plain:
        cue = _HEADS_PARTS.match(text[head.end : head.end + 60])
        if cue is None:
            continue
        for q in plain:
            if q.start >= head.end + cue.end() and q.start not in owners:
                owners[q.start] = head.start
    return owners


def sum_candidates(scope: Scope, figures: list[Quantity], fits: Fits) -> Iterator[Candidate]:
    plain = [q for q in figures if q.kind in {Kind.MONEY, Kind.COUNT} and not q.spread]
    seen: set[tuple[int, ...]] = set()
    # Parts a figure lists after "including" are its own: no other figure's total (", and
    # sold out 60 nights" after "212 films, including 48 ... and 31 ...").
    owners = _owners(scope.text, plain)
    for total in plain:
        smaller = [
            q
            for q in plain
            if q is not total
            and alike(q, total)
            # "an annual budget of ₹12 crore is divided into ₹7 crore for ...": parts that
            # name no period share the total's.
            and q.period in {total.period, None}
            and q.high <= total.high
            # "Of the 0.6 s ...: 0.22 s, the 2,000 notes 0.10 s": measured alike
            and same_measure(scope.text, q, total)
            # "at 12 months", "19 and 14 weeks": a length of time is no part of a count
            and is_time(q) == is_time(total)
        ]
        for parts in _part_sets(smaller, total):
            if any(owners.get(q.start, total.start) != total.start for q in parts):
                continue
            if rewritten(scope.text, [total, *parts]):
                continue  # "0.77 s -> 0.39 s": a figure and what it became
            if not measured_alike(scope.text, parts) or multiplied(scope.text, [total, *parts]):
                continue  # "4.66 s, 2,044 requests, 71 MB"; "420 works through 18 styles"
            if sum(1 for q in parts if DATED.match(scope.text[q.end : q.end + 16])) >= 2:
                continue  # "1,214 filings in 2005 and 3,046 in 2015": a series over years
            key = (total.start, *(q.start for q in parts))
            if key in seen:
                continue
            seen.add(key)
            low = sum(q.low for q in parts)
            high = sum(q.high for q in parts)
            if high < total.low:
                role = "short"
            elif low > total.high:
                role = "exceed"
            else:
                printed = sum(q.value for q in parts)
                step = max(q.step for q in (total, *parts))
                roles = ("total", *("part" for _ in parts))
                if step > 0 and printed - total.value > step and total.value > 0:
                    # "₹12 crore ... ₹7 crore, ₹3 crore and ₹4 crore": each may be rounded, but
                    # printed they exceed it by more than a whole step; the scorer weighs it.
                    # (Parts short of their total are often a partial list or leave a rest.)
                    off = max(printed, total.value) / max(min(printed, total.value), 1e-9)
                    yield Candidate(SUM, scope, (total, *parts), roles, off, "printed")
                    continue
                short = step > 0 and total.value - printed > step and printed > 0
                if short and not _LEAVES_A_REST.search(scope.text):
                    # "Some 18,400 ... 9,100 women, 6,300 children and 1,000 men": short by two
                    # whole steps printed, fitting only through the hedge and a round "1,000".
                    # Often a partial list instead: its own mark, for the scorer to weigh.
                    off = total.value / printed
                    yield Candidate(SUM, scope, (total, *parts), roles, off, "printed-short")
                    continue
                # Figures that add up are explained: no other grouping of them is a slip.
                fits.extend(("sum", q) for q in (total, *parts))
                fine = _fine_miss(scope.text, total, parts, printed, step)
                if fine is not None:
                    off, detail = fine
                    yield Candidate(SUM, scope, (total, *parts), roles, off, detail, broad=True)
                    continue
                fits.extend((FAIR_SUM, q) for q in (total, *parts))
                fits.extend((f"{PART_OF}{total.start}", q) for q in parts)
                continue
            off = apart((low, high), (total.low, total.high))
            roles = ("total", *("part" for _ in parts))
            yield Candidate(SUM, scope, (total, *parts), roles, off, role)


def _fine_miss(
    text: str, total: Quantity, parts: list[Quantity], printed: float, step: float
) -> tuple[float, str] | None:
    """Parts listed together share the finest precision among them ("£40, £30 and £9" are to
    the pound): a total they miss so read is a broad candidate (round 16), its mark "+fine"."""
    fine = min((q.step for q in parts if q.step > 0), default=0.0)
    if fine <= 0 or fine >= step:
        return None  # every figure as precise as the coarsest: main's reading is the fine one
    slack = len(parts) * fine
    if overlap((printed - slack, printed + slack), (total.low, total.high)):
        return None
    if printed - total.value > fine / 2 and total.value > 0:
        off = max(printed, total.value) / max(min(printed, total.value), 1e-9)
        return off, "printed+fine"
    if total.value - printed > fine / 2 and printed > 0 and not _LEAVES_A_REST.search(text):
        return total.value / printed, "printed-short+fine"
    return None
