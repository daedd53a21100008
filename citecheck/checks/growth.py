"""``growth-multiplier-mismatch``: a stated multiplier against the figures it speaks of.

"Doubled", "threefold", "2.5 times", "cut by half", "nearly tripled" against the start and
end figures given with it; the ratios each form allows are the lexicon in ``multipliers``. A
figure's own ratio to a floor ("17.4 s (2.43 x) to 14.1 s") is no multiplier of the change
(``ratios``). The ratio helpers here are shared with ``percent_change``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from citecheck.checks.catalogue import GROWTH, PERCENT
from citecheck.checks.changes import DOWN_VERBS, UP_VERBS
from citecheck.checks.numbers import Kind, Quantity, amount
from citecheck.checks.pairs import bracketed_arms, change_pairs, in_real_terms
from citecheck.checks.passages import Sentence, one_line
from citecheck.checks.ratios import multiplier_ends, own_ratio
from citecheck.checks.rules import raise_finding
from citecheck.model import Finding

__all__ = ["OTHER_CLAUSE", "fits", "growth_findings", "judge_growth", "ratio_of", "span"]


# --------------------------------------------------------------------------
# Shared: ratios of a from-to pair (``scope.from_to_pairs``)
# --------------------------------------------------------------------------


def ratio_of(start: Quantity, end: Quantity) -> tuple[float, float] | None:
    if start.low <= 0:
        return None
    return end.low / start.high, end.high / start.low


def fits(interval: tuple[float, float], bands: list[tuple[float, float]]) -> bool:
    low, high = interval
    return any(low <= b_high and high >= b_low for b_low, b_high in bands)


def _show(quantity: Quantity) -> str:
    return quantity.shown


# --------------------------------------------------------------------------
# Growth multipliers
# --------------------------------------------------------------------------


# Between a multiplier and the figures it speaks of: another subject's change
# ("Exports doubled while imports rose from ...") is not its evidence.
OTHER_CLAUSE = re.compile(
    r";|\b(?:while|whereas|but|although|though|even as)\b|\b(?:and|as)\s+(?:[\w'’-]+\s+){1,8}?"
    rf"(?:{UP_VERBS}|{DOWN_VERBS}|went|going)\b"
    # "raise output by 20% and cut the deficit from ...": a change verb with an object of its own
    rf"|\band\s+(?:{UP_VERBS}|{DOWN_VERBS})\s+(?:the|its|their|a|an|his|her|our)\b"
    # "Prices rose 3%, and wages from £30,000 to ...": another subject, its verb left out
    r"|\band\s+(?:(?:the|its|their)\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?\s+from\b",
    re.IGNORECASE,
)


def growth_findings(sentence: Sentence) -> Iterator[Finding]:
    multipliers = [q for q in sentence.quantities if q.kind is Kind.MULTIPLIER]
    if not multipliers:
        return
    # "1.30-1.40 x, against 1.20-1.24 x": a range's first end is a multiplier, no level
    ends = multiplier_ends(sentence.text, sentence.quantities)
    pairs = [p for p in change_pairs(sentence) if not {p[0].start, p[1].start} & ends]
    for multiplier in multipliers:
        if in_real_terms(sentence.text, multiplier):
            continue  # "doubled in real terms" is not checked against cash figures
        if own_ratio(sentence.text, multiplier, sentence.quantities):
            continue  # "17.4 s (2.43 x) to 14.1 s": the figure's ratio to a floor
        # The figures the multiplier speaks of come after it in the sentence.
        after = [p for p in pairs if min(p[0].start, p[1].start) > multiplier.start]
        if after:
            start, end = after[0]
            gap = sentence.text[multiplier.end : min(start.start, end.start)]
            nearer = any(
                multiplier.end <= other.start < min(start.start, end.start) for other in multipliers
            )
            if OTHER_CLAUSE.search(gap) or nearer:
                continue  # another subject's change, or another multiplier's figures
        elif pairs:
            start, end = pairs[-1]
            gap = sentence.text[max(start.end, end.end) : multiplier.start]
            # "Sales rose from £2m to £4m, with exports tripling": another subject's multiplier
            if OTHER_CLAUSE.search(gap) or re.search(r",\s*with\s+(?:[\w'’-]+\s+){1,4}$", gap):
                continue
        else:
            compared = _compared(sentence, multiplier)
            if compared is None:
                continue
            start, end = compared
        yield from judge_growth(sentence, multiplier, (start, end))


def judge_growth(
    sentence: Sentence, multiplier: Quantity, pair: tuple[Quantity, Quantity]
) -> Iterator[Finding]:
    """The multiplier against its pair's ratio: a finding when no reading of the figures fits."""
    start, end = pair
    ratio = ratio_of(start, end)
    if ratio is None:
        return
    bands = list(multiplier.readings)
    reverse = ratio_of(end, start) if bracketed_arms(sentence.text, start, end) else None
    if fits(ratio, bands) or (reverse is not None and fits(reverse, bands)):
        return
    if reverse is not None and ratio[1] < 1 <= reverse[0]:
        start, end, ratio = end, start, reverse  # said as the rise the arms show
    first, last = sorted((start, end, multiplier), key=lambda q: q.start)[::2]
    message = (
        f"{_show(multiplier)} does not fit {_show(start)} to {_show(end)}: the figures give "
        f"{span(*ratio, kind=Kind.COUNT, prefix='x')}{_accepted(bands)}. "
        "Correct the multiplier or the figures."
    )
    # "fell by a fifth", "rose by a third": a relative change written as a fraction is a
    # percent change; "cut by half", "halved", "tripled" are multipliers
    rule = PERCENT if _BY_FRACTION.search(multiplier.text) else GROWTH
    yield raise_finding(
        rule,
        message,
        sentence.location_at(multiplier.start),
        note=sentence.note,
        evidence=one_line(sentence.text[first.start : last.end] or sentence.text),
    )


_BY_FRACTION = re.compile(
    r"\bby\s+(?:(?:a|one|two|three|four|nine)[\s-]+)?(?:thirds?|quarters?|fifths?|sixths?|"
    r"eighths?|tenths?)\b",
    re.IGNORECASE,
)


# "2.5-fold what the original earned ($210m)", "three times the $40m it had".
_COMPARED_AFTER = re.compile(
    r"^\s+(?:as\s+(?:much|many|large|high|big|great)\s+as|what|that\s+of|those\s+of|the|its|their)\b",
    re.IGNORECASE,
)


def _compared(sentence: Sentence, multiplier: Quantity) -> tuple[Quantity, Quantity] | None:
    """ "$310m worldwide, 2.5-fold what the original earned ($210m)": (base, figure).

    The figure stands just before a comparing multiplier, its base just after,
    one of each kind, in one clause.
    """
    text = sentence.text
    # the comparing word may be the multiplier's own last word ("three times the 206 ...")
    if not (
        _COMPARED_AFTER.match(text[multiplier.end :])
        or _COMPARED_AFTER.match(" " + multiplier.text.rsplit(None, 1)[-1])
    ):
        return None
    figures = [q for q in sentence.quantities if q.kind in {Kind.MONEY, Kind.COUNT}]
    before = [q for q in figures if q.end <= multiplier.start]
    after = [q for q in figures if q.start >= multiplier.end]
    if len(before) != 1 or len(after) != 1 or before[0].kind is not after[0].kind:
        return None
    figure, base = before[0], after[0]
    if figure.currency != base.currency:
        return None
    stretch = text[figure.end : base.start]
    if len(stretch) > 90 or OTHER_CLAUSE.search(stretch):
        return None
    return base, figure


def _accepted(bands: list[tuple[float, float]]) -> str:
    shown = " or ".join(
        f"x{amount(low, kind=Kind.COUNT)} or more"
        if math.isinf(high)
        else f"x{amount(low, kind=Kind.COUNT)}–x{amount(high, kind=Kind.COUNT)}"
        for low, high in bands
    )
    return f", outside the {shown} it allows"


def span(low: float, high: float, *, kind: Kind, prefix: str = "") -> str:
    """ "x1.83" when both ends print alike, else "x2.28–x2.93"."""
    first = prefix + amount(low, kind=kind)
    last = prefix + amount(high, kind=kind)
    return first if first == last else f"{first}–{last}"
