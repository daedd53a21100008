"""The two ends of a change: every way one sentence gives a start and an end figure.

The growth, percent-change and points rules compare a stated change with a
pair of figures of one kind (and currency), returned as (start, end):

* "from A to B" ("from £4.80 to £6", "from 10.1 percent in October to 4.1
  percent a year later", "from 40% of matches to 55%");
* "to B from A" and "to B, from A" ("fell 12pc to $3.2bn from $4bn");
* B with its base after it: "B, up from A", "B, down from A", "B compared
  with A", "B against A", "B versus A", "at B compared with A";
* figures dated in order: "£65 then, £130 now", "£1,300 a month in 2015 now
  costs £1,950", "1.2 million in 2010 and 3.1 million in 2020".

Years are not figures here, so "from 15 percent in 2000 to 12 percent in
2014" pairs the percentages. Pairs are found inside one sentence only.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from citecheck.checks.intervals import interval
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.passages import Sentence
from citecheck.checks.percent_readings import CHANGE_AFTER, is_change

__all__ = ["bracketed_arms", "change_pairs", "dated_to", "in_real_terms", "shared_precision"]

_PAIRED = frozenset({Kind.MONEY, Kind.COUNT, Kind.PERCENT})
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_TO_BEFORE = re.compile(
    r"\b(?:to|reach(?:ed|ing|es)?|at|hit|hits|now|stood\s+at|stands\s+at)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_FROM_GAP = re.compile(r"^[^;:()]{0,40}?\bfrom\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
# "B, up from A", "B compared with A", "B against A", "B versus A".
_BASE_GAP = re.compile(
    r"^[^;:]{0,60}?\b(?:(?:up|down|rising|falling|climbing|dropping|increasing|decreasing|"
    r"compared\s+(?:with|to)|as\s+against|against|versus|vs\.?)\s+(?:from\s+)?"
    # "72%, up 8% from 64%": the change's own figure between
    r"|(?:up|down|rising|falling)\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent|percent|pc|points?|pp)?\s+"
    r"(?:from|on)\s+"
    # "41%, 9% lower than the 50%": a comparison with the base
    r"|(?:higher|lower|more|less|fewer|greater|bigger|smaller|above|below)\s+(?:than\s+)?)"
    r"(?:(?:the|a|an|last\s+year's|just|only|about|some|roughly|around|nearly|almost|"
    r"approximately)\s+)?$",
    re.IGNORECASE,
)
_NEW_CLAUSE = re.compile(r";|\b(?:while|whereas|but|although)\b", re.IGNORECASE)
# "... and vs $11.5m", ", against 4,500": a further base of the comparison before it.
_CHAINED_BASE = re.compile(
    r"(?:,|\band)\s+(?:vs\.?|versus|against|as\s+against|compared\s+(?:with|to))\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# When a figure is: "then", "in 2015", "a year ago" (past); "now", "today" (present).
_PAST = r"then|previously|before|at\s+the\s+time|a\s+(?:year|decade)\s+(?:ago|earlier)|last\s+year"
_PRESENT = r"now|today|currently|this\s+year|these\s+days"
_TIME_AFTER = re.compile(
    rf"^(?:\s+(?:a|an|per|each)\s+\w+)?"
    # a unit or noun of the figure first: "40 GW then", "310 reports this year"
    r"(?:\s+(?!(?:and|but|or|nor|to|from|than|against|versus|vs|compared|while|which|who|that|in|"
    rf"by|at|a|an|the|{_PAST}|{_PRESENT})\b)[A-Za-z][\w/'’-]*){{0,2}}?"
    rf"[\s,]*(?:(?P<past>{_PAST})|(?P<present>{_PRESENT})|"
    r"(?:in|by)\s+(?P<year>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(
    # "now stands at", "In 2019, ", "its 1990 peak of", "2019's total of"
    # "this year's ₩2 billion", "the 2019 final paid out ₩500 million"
    # "Last year you helped us raise $48,000", "and this year it's $72,000": a clause that
    # opens with its time, up to five words before the figure
    rf"(?:(?:^|[,;:]\s+|\band\s+)(?:(?P<past_open>last\s+year|a\s+year\s+ago)|"
    rf"(?P<present_open>this\s+year|today|now))\s*,?\s+(?:[\w'’-]+\s+){{0,5}}$)|"
    rf"\b(?:(?P<present>{_PRESENT})(?:['’]s)?\s+(?:[\w'’-]+\s+){{0,2}}|(?:in\s+)?"
    rf"(?P<year>(?:19|20)\d\d)(?:['’]s)?\s*,?\s+"
    rf"(?:(?!(?:and|but|while|to|from|{_PRESENT})\b)[a-z][\w'’-]*\s+){{0,3}})$",
    re.IGNORECASE,
)


# An annual report's comparative: "£14.2m (2022: £10.9m)", "(2021-22: 4,120)", "(prior year: ...".
_COMPARATIVE = re.compile(
    r"^\s*\(\s*(?:(?:FY\s?)?(?:19|20)\d\d(?:[-/–]\d{2,4})?|prior\s+year|previous\s+year|"
    r"last\s+year)\s*:\s*$",
    re.IGNORECASE,
)
_DATED_CLOSE = re.compile(
    r"^\s+(?:in\s+(?:FY\s?)?(?:19|20)\d\d(?:[-/–]\d{2,4})?|a\s+year\s+(?:earlier|before|ago)|"
    r"last\s+year|the\s+(?:previous|prior)\s+year|previously)\s*\)",
    re.IGNORECASE,
)
# A change measured after inflation cannot be checked against cash figures: "fell by 14 per
# cent in real terms, from €62m to €58m in cash".
_REAL_TERMS = re.compile(
    r"^[^,;]{0,12}\b(?:in\s+real\s+terms|real[- ]terms|after\s+inflation|inflation[- ]adjusted|"
    r"in\s+constant\s+(?:prices|dollars|pounds|euros|terms)|in\s+volume\s+terms|in\s+real\b)",
    re.IGNORECASE,
)


def in_real_terms(text: str, change: Quantity) -> bool:
    """Whether a stated change is measured in real terms (so not against the printed figures)."""
    return bool(_REAL_TERMS.match(text[change.end : change.end + 40])) or bool(
        re.search(
            r"\b(?:in\s+)?real(?:[- ]terms)?\s*$", text[max(0, change.start - 20) : change.start]
        )
    )


def change_pairs(sentence: Sentence) -> list[tuple[Quantity, Quantity]]:
    """Every (start, end) pair of same-kind figures the sentence gives, in text order.

    The two figures of a pair share one precision: in "to $3.2bn from $4bn" and
    "from £4.80 to £6" the round figure is as precise as its partner ($4.0bn,
    £6.00), not 3.5-5 billion.
    """
    return [shared_precision(start, end) for start, end in _pairs(sentence)]


def shared_precision(one: Quantity, two: Quantity) -> tuple[Quantity, Quantity]:
    """The two ends of one change printed to one precision: the rounder end is read at the
    finer end's step ("from €20 to €24" reads €20 as €19.50-21, like €24; "from $40 billion
    to $200 billion" reads $200 billion to the ten billion, not 150-300 billion)."""

    def plain(q: Quantity) -> bool:
        return q.qualifier is None and not q.spread and q.step > 0

    if not (plain(one) and plain(two)) or one.scale_word != two.scale_word:
        return one, two
    finer = min(one.step, two.step)

    def tightened(q: Quantity) -> Quantity:
        if q.step <= finer:
            return q
        low, high = interval(q.value, finer, None)
        return replace(q, step=finer, low=low, high=high)

    return tightened(one), tightened(two)


def _pairs(sentence: Sentence) -> list[tuple[Quantity, Quantity]]:
    text = sentence.text
    pairs: list[tuple[Quantity, Quantity]] = []
    figures = [q for q in sentence.quantities if q.kind in _PAIRED]
    # Neighbours of one kind and currency: a change's own percentage may stand
    # between its two figures ("212p, a gain of 35 per cent ..., up from 188p").
    # Percentages that state the change ("9% lower than", "up 8% from") stand between the two
    # ends of their pair and are no end themselves.
    ends = [q for q in figures if not (q.kind is Kind.PERCENT and _states_change(text, q))]
    neighbours = [
        pair
        for key in {(q.kind, q.currency) for q in figures}
        for pair in itertools.pairwise(q for q in figures if (q.kind, q.currency) == key)
    ] + [
        pair
        for pair in itertools.pairwise(q for q in ends if q.kind is Kind.PERCENT)
        if any(q.kind is Kind.PERCENT and pair[0].end <= q.start < pair[1].start for q in figures)
    ]
    for first, second in sorted(neighbours, key=lambda pair: pair[0].start):
        before = text[max(0, first.start - 40) : first.start]
        between = text[first.end : second.start]
        if (
            _FROM_BEFORE.search(before)
            and len(between) <= 80
            and re.search(r"\bto\b", between)
            and not re.search(r"\bfrom\b", between)
            # not "to £4.2m from £3.5m, while costs rose 20%, to £2.4m": another clause's end
            and not _NEW_CLAUSE.search(between)
        ):
            pairs.append((first, second))
            continue
        if _COMPARATIVE.match(between) or (
            re.fullmatch(r"\s*\(\s*", between)
            and _DATED_CLOSE.match(text[second.end : second.end + 40])
        ):
            # "£14.2m (2022: £10.9m)", "3,600 (2,400 in 2019)": the earlier figure in brackets
            pairs.append((second, first))
            continue
        if _NEW_CLAUSE.search(between):
            continue
        subject = next(
            (b for a, b in pairs if a is first and b.end <= first.start),
            None,
        )
        if subject is not None and _CHAINED_BASE.search(between):
            # "$12.0m vs $10.0m last year (+20%) and vs $11.5m in Q2 (+4%)": the second base
            # is compared with the same figure as the first
            pairs.append((second, subject))
            continue
        to_from = (
            _TO_BEFORE.search(before)
            and _FROM_GAP.match(between)
            and not re.search(r"\bfrom\b", before)
        )
        if to_from or _BASE_GAP.match(between):
            # "B against A", unless their dates say otherwise: "12,400 were waiting then,
            # against 37,200 today", "$54,500 on the Shuttle against $10,900 today" (not "to
            # $4.1bn last year from $3.6bn": there the date is the change's)
            half = None if to_from else _half_dated(text, first, second)
            pairs.append(_in_order(text, first, second) or half or (second, first))
            continue
        dated = _in_order(text, first, second)
        if dated is not None:
            pairs.append(dated)
    # "Profits jumped 48% to $2.9bn, on revenue up 12% from $18.1bn to $20.3bn": a figure that
    # opens its own from-to pair is that pair's start, not the base of an earlier figure.
    from_to = {id(one): two for one, two in pairs if _FROM_BEFORE.search(_before(text, one))}
    pairs = [(one, two) for one, two in pairs if from_to.get(id(one)) in (None, two)]
    # "over the 24 weeks of follow-up, rising from 41 ng/mL": a duration is no level of what
    # changed, unless both ends are durations ("from 94 minutes to 71 minutes").
    return [(one, two) for one, two in pairs if _is_duration(text, one) == _is_duration(text, two)]


def _states_change(text: str, quantity: Quantity) -> bool:
    return is_change(text, quantity) or bool(
        CHANGE_AFTER.match(text[quantity.end : quantity.end + 20])
    )


def _before(text: str, quantity: Quantity) -> str:
    return text[max(0, quantity.start - 40) : quantity.start]


_DURATION_UNITS = frozenset(
    f"{unit}{plural}"
    for unit in ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade")
    for plural in ("", "s")
)


def _is_duration(text: str, quantity: Quantity) -> bool:
    return quantity.kind is Kind.COUNT and (quantity.noun or "").lower() in _DURATION_UNITS


def _in_order(text: str, first: Quantity, second: Quantity) -> tuple[Quantity, Quantity] | None:
    """ "£65 then, £130 now": two figures dated apart, earlier first."""
    between = text[first.end : second.start]
    if len(between) > 70:
        return None
    one, two = _when(text, first), _when(text, second)
    if one is None or two is None or one == two:
        return None
    if _PAST_AT in (one, two) and {one, two} != {_PAST_AT, _PRESENT_AT}:
        # "410,000 last year against 820,000 in 2019": a relative past ("last year", "then")
        # against a year says nothing of their order
        return None
    # "Sales were £5m in 2019 and profit £2m in 2020": another subject's figure. But "then"
    # and "now" set one thing's past against its present: "cost £640 then and costs £960 now".
    if {one, two} != {_PAST_AT, _PRESENT_AT} and re.search(
        r"\b(?:and|but|while|whereas)\s+(?!(?:in|by|then|now|today|this|last)\b)[a-z]", between
    ):
        return None
    return (first, second) if one < two else (second, first)


def _half_dated(text: str, first: Quantity, second: Quantity) -> tuple[Quantity, Quantity] | None:
    """ "$54,500 on the Shuttle against $10,900 today": one figure dated now (or then), so
    the other is the earlier (or later) one."""
    one, two = _when(text, first), _when(text, second)
    if (two == _PRESENT_AT and one is None) or (one == _PAST_AT and two is None):
        return first, second
    return None


_PAST_AT, _PRESENT_AT = 0.0, 9999.0  # "then", "now": before and after every year


def dated_to(text: str, quantity: Quantity) -> float | None:
    """The year a figure is dated to ("140 in 2022"), if it is dated to one."""
    when = _when(text, quantity)
    return None if when in (None, _PAST_AT, _PRESENT_AT) else when


def _when(text: str, quantity: Quantity) -> float | None:
    after = _TIME_AFTER.match(text[quantity.end : quantity.end + 40])
    match = after or _TIME_BEFORE.search(text[max(0, quantity.start - 40) : quantity.start])
    if match is None:
        return None
    if match.groupdict().get("year"):
        return float(match.group("year"))
    if match.groupdict().get("past") or match.groupdict().get("past_open"):
        return _PAST_AT
    return _PRESENT_AT


# "(40 vs 92 ng/mL; p<0.01)", "(12.1% versus 8.4%)": a bracket after a stated change names its
# two arms (baseline and follow-up, control and treatment) in whichever order the field uses.
_ARMS_GAP = re.compile(r"\s*(?:vs\.?|versus)\s*", re.IGNORECASE)


def bracketed_arms(text: str, one: Quantity, two: Quantity) -> bool:
    """Whether two figures are a bracket's "A vs B", so either may be the base."""
    first, second = sorted((one, two), key=lambda q: q.start)
    if not _ARMS_GAP.fullmatch(text[first.end : second.start]):
        return False
    before = text[max(0, first.start - 40) : first.start]
    return "(" in before and ")" not in before[before.rfind("(") :]
