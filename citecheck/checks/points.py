"""``percent-points-confusion``: a change between two percentages given in percent but
equal to their difference in points.

"Turnout fell from 72 per cent to 60 per cent, a fall of 12 per cent": 12
points, a relative fall of 16.7 percent. The pair comes from ``pairs`` and the
change must be tied to it (right before it, or in an apposition after it);
the rule fires when the stated figure fits the points and not the relative
change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.checks.catalogue import POINTS
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.pairs import change_pairs
from citecheck.checks.passages import Sentence, one_line
from citecheck.checks.percent_readings import (
    CHANGE_AFTER,
    SIGNED,
    is_change,
    is_points,
    overlaps,
    reading,
    span,
)
from citecheck.checks.rules import raise_finding
from citecheck.model import Finding

__all__ = ["POINTS", "check_points", "judge_points"]

_CONTRAST = re.compile(r";|\b(?:while|whereas|but|although|compared)\b", re.IGNORECASE)
# The change is tied to its pair: "declined 3 percent, from 15 percent ..." before it, or an
# apposition after it: ", a drop of 17 percent", " (up 5 percent)", "-- a 6.2% increase".
_GAP_BEFORE_PAIR = re.compile(
    # "in twelve months, from", "since the new coach arrived, from", " to", " on 2019, at"
    r"(?:\s+(?:in|over|since|during|on|between|after|within|across|this|last)\s+[\w'’ -]{1,40}?)?"
    r"\s*,?\s*(?:from|to|at|and\s+now|now)\s+(?:[\w-]+\s+){0,2}",
    re.IGNORECASE,
)
_GAP_AFTER_PAIR = re.compile(
    # "... to 6.2% during the recession, an increase of 2 percent"; "... a year earlier, ...";
    # up to two qualifiers: "to 35% of total income", "to 44% after it", "in the decade after"
    r"(?:(?:\s+(?:in|during|between|over|since|after|before|by|of|among|for|across|at|within)"
    r"\s+[\w'’ -]{1,40}?"
    r"|\s+(?:a|an|one|two|three|four|five|ten|\d+)\s+(?:years?|months?|decades?|weeks?)\s+"
    r"(?:earlier|before|ago|previously|later|on)|\s+(?:today|now|currently|at\s+present|"
    r"these\s+days|this\s+year|so\s+far|to\s+date)\b|\s+(?:last|this|the\s+previous|the\s+year\s+before)"
    r"(?:\s+(?:year|month|week|quarter|term|season|winter|summer|spring|autumn|decade|time))?"
    r"|\s+(?:after|before)\s+it){0,2})"
    # ": a 22% increase" explains the pair as a dash or a comma does
    r"(?:\s*(?:,|\(|—|–|--|:)|\s-)\s*(?P<tail>(?:i\.e\.\s+|[\w'’-]+\s+){0,5})",
    re.IGNORECASE,
)
# A restatement of the pair's change: ", that is by 7 percent", "i.e. by 5%", ", or by 3%".
_RESTATED_BY = re.compile(
    r"\b(?:that\s+is|i\.e\.|or|in\s+other\s+words|meaning|which\s+is)\s*,?\s+"
    r"(?:(?:a\s+(?:change|move|shift)\s+of)|by)\s+"
    r"(?:(?:about|some|roughly|around|nearly|almost|just)\s+)?$",
    re.IGNORECASE,
)
# A new clause with its own subject ("..., and prices rose 5 percent").
_NEW_CLAUSE = re.compile(r"\b(?:and|as|when|since|because|after|before)\b", re.IGNORECASE)


def check_points(sentence: Sentence) -> Iterator[Finding]:
    text = sentence.text
    pairs = _percent_pairs(sentence)
    if not pairs:
        return
    in_pairs = {q.start for pair in pairs for q in pair}
    for change in sentence.quantities:
        if change.kind is not Kind.PERCENT or is_points(change) or change.start in in_pairs:
            continue
        if not (
            is_change(text, change)
            or CHANGE_AFTER.match(text[change.end : change.end + 20])
            or _RESTATED_BY.search(text[max(0, change.start - 40) : change.start])
        ):
            continue
        pair = _nearest_pair(text, change, pairs)
        if pair is None:
            continue
        yield from judge_points(sentence, change, pair)


def judge_points(
    sentence: Sentence, change: Quantity, pair: tuple[Quantity, Quantity]
) -> Iterator[Finding]:
    """A change stated in percent against its pair of percentages: points for percent?"""
    text = sentence.text
    start, end = pair
    a, b = reading(start), reading(end)
    if a[1] >= b[0] and b[1] >= a[0]:
        return  # the two percentages overlap: no direction, cannot tell
    if a[0] <= 0:
        return
    points = (max(a[0] - b[1], b[0] - a[1]), max(a[1] - b[0], b[1] - a[0]))
    if b[0] > a[1]:
        relative = [(100 * (b[0] / a[1] - 1), 100 * (b[1] / a[0] - 1))]
        # Above 100 percent "up 150 percent" is also read as x1.5 (see arithmetic).
        relative.append((100 * b[0] / a[1], 100 * b[1] / a[0]))
    else:
        relative = [(100 * (1 - b[1] / a[0]), 100 * (1 - b[0] / a[1]))]
    stated = reading(change)
    if not overlaps(stated, points) or any(overlaps(stated, r) for r in relative):
        return
    word = "fall" if b[1] < a[0] else "rise"
    message = (
        f"{change.shown} matches the difference in percentage points between "
        f"{start.shown} and {end.shown} ({span(*points).replace('percent', 'points')}), "
        f"not the relative change (a {word} of {span(*relative[0])}). Check the wording: "
        "say “percentage points” for the difference, or give the relative change."
    )
    yield raise_finding(
        POINTS,
        message,
        sentence.location_at(change.start),
        note=sentence.note,
        evidence=one_line(text),
    )


def _percent_pairs(sentence: Sentence) -> list[tuple[Quantity, Quantity]]:
    """Pairs of percentages (``pairs.change_pairs``), and "B, an increase of C on the A".

    "from 69 percent to 52 percent", "from 69 to 52 percent", "to 24%, from
    33%", "68% compared with 61%", "38% ..., an increase of 10% on the 28%".
    """
    text = sentence.text

    def plain(q: Quantity) -> bool:  # a level, not a change or points
        return not (is_points(q) or is_change(text, q) or CHANGE_AFTER.match(text[q.end :]))

    pairs = [
        (start, end)
        for start, end in change_pairs(sentence)
        if start.kind is Kind.PERCENT and plain(start) and plain(end)
    ]
    shares = [q for q in sentence.quantities if q.kind is Kind.PERCENT and not is_points(q)]
    for before, change, base in zip(shares, shares[1:], shares[2:], strict=False):
        if re.fullmatch(r"\s+(?:on|over)\s+(?:the\s+)?", text[change.end : base.start]) and (
            is_change(text, change)
        ):
            pairs.append((base, before))
    return pairs


def _nearest_pair(
    text: str, change: Quantity, pairs: list[tuple[Quantity, Quantity]]
) -> tuple[Quantity, Quantity] | None:
    """The pair the change speaks of: right after it, or in an apposition after the pair.

    "declined 3 percent, from 15 percent ...", "jumped 3% in twelve months, from
    2.5% to 5.5%", "fell 9% to 24%, from 33%"; "... to 52 percent, a drop of 17
    percent"; "B, an increase of C on the A".
    """
    for start, end in pairs:
        first = min(start.start, end.start)
        last = max(start.end, end.end)
        if change.end <= first:
            gap = text[change.end : first]
            tied = _GAP_BEFORE_PAIR.fullmatch(gap) is not None
        elif change.start >= last:
            gap = text[last : change.start]
            if SIGNED.search(gap):
                gap = gap[:-1]  # "(+6%)": the sign is the change's own
            # A new clause opens after the comma or dash, not in the qualifiers before it
            # ("to 14 percent in the decade after — a rise of 5 percent").
            after = _GAP_AFTER_PAIR.fullmatch(gap)
            tied = after is not None and not _NEW_CLAUSE.search(after.group("tail"))
            gap = gap[after.start("tail") :] if after is not None else gap
        else:
            gap = text[first:last]
            tied = re.fullmatch(r"[^;]*", gap) is not None  # "B, an increase of C on the A"
        if tied and not _CONTRAST.search(gap):
            return start, end
    return None
