"""Broad proposal for the learned layer (rounds 15-16): readings the intervals allow, proposed.

The rules' intervals let a round figure stand for a wide span ("£500,000" is £450,000 to
£700,000), so a change or a sum between round figures almost always fits somewhere. A writer
who meant such a reading would not print those figures: where the printed figures miss the
stated relation clearly, the group is proposed with a mark of its own and the scorer weighs it
(``candidate_features`` reads the mark). Nothing here raises a finding by itself.

Round 15 scored these with main's model retrained, which moved the other candidates' scores;
from round 16 they are ``broad`` candidates with a model and threshold of their own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from citecheck.checks.candidate_records import apart
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.percent_readings import reading

__all__ = ["loose_period", "loose_total", "loosely_dated", "printed_change_off"]

# How far a printed change may stray from the stated one and still be its rounding: a point,
# or a twentieth of the change ("up 12%" from 4.5 to 5.0 is 11.1 %: honest).
_CHANGE_SLACK_POINTS = 1.0
_CHANGE_SLACK_SHARE = 0.05


def printed_change_off(change: Quantity, one: Quantity, two: Quantity) -> float | None:
    """How far the printed pair's change misses the stated one, or None when it is its rounding.

    Both orders of the pair are read, as rises and as falls (and above 100 % as "times").
    """
    if one.value <= 0 or two.value <= 0:
        return None
    low, high = reading(change)
    slack = max(_CHANGE_SLACK_POINTS, _CHANGE_SLACK_SHARE * change.value)
    low, high = low - slack, high + slack
    misses: list[float] = []
    for start, end in ((one.value, two.value), (two.value, one.value)):
        printed = abs(end / start - 1) * 100
        readings = [printed] + ([end / start * 100] if end > start else [])
        if any(low <= r <= high for r in readings):
            return None
        misses.extend(apart((r, r), (low, high)) for r in readings)
    return min(misses)


# A period word and its unit, wherever it stands near a figure ("in an average week", "for
# every day of the calendar", "for each hour of that Contract Year", "in the twelvemonth").
_PERIOD_WORD = re.compile(
    r"\b(?:(?P<year>years?|twelvemonths?|annum|annual|annually|yearly)|"
    r"(?P<month>months?|monthly)|(?P<week>weeks?|weekly)|(?P<day>days?|daily)|"
    r"(?P<hour>hours?|hourly)|(?P<minute>minutes?))\b",
    re.IGNORECASE,
)
# What a period word must follow to give the figure before it a rate: "a", "per", "each",
# "every", "an average", "in every", "for each" (not "3 days later", "10 years of data").
_RATE_OPENER = re.compile(r"\b(?:an?|per|each|every|average)\s+(?:\w+\s+)?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:—–()¶]|\s-\s|\b(?:and|but|which|while|whereas|or|that)\b", re.I)
_AFTER_WORDS = 8
_BEFORE_CHARS = 70


def _unit(match: re.Match[str]) -> str:
    return next(name for name, value in match.groupdict().items() if value)


def loose_period(text: str, quantity: Quantity) -> str | None:
    """A period a few words after the figure, in its clause: a rate the reader did not take.

    "2,600 donations in an average week", "an hundred gallons for every day of the calendar",
    "100 MWh for each hour of that Contract Year".
    """
    after = text[quantity.end : quantity.end + 80]
    stop = _CLAUSE_END.search(after)
    window = after[: stop.start()] if stop else after
    for match in _PERIOD_WORD.finditer(window):
        if len(window[: match.start()].split()) > _AFTER_WORDS:
            return None
        if _RATE_OPENER.search(window[: match.start()]):
            return _unit(match)
        return None
    return None


# Before the figure: a stretch of its own clause back to a semicolon, a colon or a bracket (a
# colon right before the figure opens its cell: "Audited attendance for calendar year 2025:").
_BACK_STOP = re.compile(r"[;()¶]|:(?!\s*$)")


def loose_total(text: str, quantity: Quantity) -> str | None:
    """A period named before the figure in its clause: the figure is that period's total.

    "in the year 1845 some three hundred and sixty-five thousand gallons", "the average annual
    overall cost ... was £53,000", "Over a full year of 8,760 hours ... 438 litres".
    """
    start = max(0, quantity.start - _BEFORE_CHARS)
    before = text[start : quantity.start]
    stops = list(_BACK_STOP.finditer(before))
    if stops:
        before = before[stops[-1].end() :]
    # A period word right after a number is that number's unit ("8,760 hours"), no dating; and
    # a period must be this figure's own ("the year", "a full year", "annual"), not a
    # comparison's base ("since last year", "up 4% on last year", "compared with last year").
    found = [
        m
        for m in _PERIOD_WORD.finditer(before)
        if not _NUMBER_BEFORE.search(before[: m.start()])
        and (m.group().lower() in _OWN_PERIODS or _OWN_OPENER.search(before[: m.start()]))
        and not _RELATIVE_AFTER.match(before, m.end())
    ]
    return _unit(found[-1]) if found else None


_OWN_PERIODS = frozenset(
    {"annual", "annually", "yearly", "twelvemonth", "monthly", "weekly", "daily"}
)
# "in the year 1845", "over a full year", "for calendar year 2025", "each contract year".
_OWN_OPENER = re.compile(
    r"(?<!\bsince )(?<!\bon )(?<!\bthan )(?<!\bwith )(?<!\bfrom )"
    r"\b(?:the|a|an|full|whole|calendar|financial|contract|each|every|per)\s+"
    r"(?!(?:last|previous|next|this|that|same|first|second|third|prior)\b)(?:\w+\s+)?$",
    re.IGNORECASE,
)
_RELATIVE_AFTER = re.compile(r"\s*(?:ago|earlier|before|later|on|since)\b", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"hundred|thousand|million|dozen))\s*$",
    re.IGNORECASE,
)


def loosely_dated(text: str, figures: list[Quantity]) -> dict[int, Quantity]:
    """The figures without a period or a dating given one by the words around them (by id)."""
    dated: dict[int, Quantity] = {}
    if not _PERIOD_WORD.search(text):
        return dated  # the cheap front: no period word anywhere in the scope
    for q in figures:
        if q.period or q.total_of or q.kind not in {Kind.MONEY, Kind.COUNT}:
            continue
        period = loose_period(text, q)
        if period is not None:
            dated[id(q)] = replace(q, period=period)
            continue
        total = loose_total(text, q)
        if total is not None:
            dated[id(q)] = replace(q, total_of=total)
    return dated
