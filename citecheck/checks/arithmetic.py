"""Arithmetic the text implies about itself: rates, growth, percent changes, sums.

Each rule compares intervals (see ``numbers``) and fires only when no
reading of the printed figures fits:

* ``rate-restatement-mismatch``: a figure per one period restated per
  another ("$500 billion ... This amounts to $1.3 billion daily or more than
  $1 million a minute"; "350,000 people each day, or 128 million a year");
  the periods and their lengths are the lexicon in ``periods``.
* ``growth-multiplier-mismatch``: a stated multiplier ("doubled",
  "threefold", "2.5 times", "cut by half", "nearly tripled") against the
  start and end figures given with it; the ratios each form allows are the
  lexicon in ``multipliers``. A figure's own ratio to a floor ("17.4 s (2.43
  x) to 14.1 s") is no multiplier of the change (``ratios``).
* ``percent-change-mismatch``: "increased 40 percent" against its start and
  end figures; above 100 % a bare verb's figure is read both ways ("rose 265
  percent" as x3.65 and as x2.65), a change stated as its own size ("a 150%
  increase", "an increase of", "by 150%") only as x(1 + P/100). A change
  whose figures are all in the note it cites is checked against them
  (``note_changes``).
* ``sum-mismatch``: parts against the total they are said to make up
  ("... of which", "respectively", "a total of").

Rates live in ``rates`` and sums in ``sums``; this module checks growth and
percent changes and gathers the family. Figures pair only inside one
sentence, or with the sentence before when a sentence opens by pointing back
at it ("This total", "That is"): ``scope``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from citecheck.checks.catalogue import GROWTH, PERCENT, of_family
from citecheck.checks.changes import DOWN_NOUNS, DOWN_VERBS, OBJECT_BY, UP_NOUNS, UP_VERBS
from citecheck.checks.learned import learned_findings
from citecheck.checks.note_changes import changes_with_note_base, changes_with_note_pair
from citecheck.checks.note_sums import check_note_parts
from citecheck.checks.numbers import Kind, Quantity, amount
from citecheck.checks.pairs import (
    bracketed_arms,
    change_pairs,
    dated_to,
    in_real_terms,
    shared_precision,
)
from citecheck.checks.passages import Passage, Sentence, joined, one_line
from citecheck.checks.percent_readings import STATED_AS_CHANGE
from citecheck.checks.rates import check_rates
from citecheck.checks.ratios import multiplier_ends, own_ratio
from citecheck.checks.rules import raise_finding
from citecheck.checks.scope import refers_back
from citecheck.checks.sums import check_sums
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Finding

__all__ = ["check_arithmetic"]


def check_arithmetic(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """Every arithmetic inconsistency in the run's text: the rules', then the learned layer's."""
    del run, settings  # the text is all these rules read
    found = list(_pattern_findings(passages))
    yield from found
    rules = of_family("arithmetic")
    yield from learned_findings(passages, rules, found)


def _pattern_findings(passages: tuple[Passage, ...]) -> Iterator[Finding]:
    for passage in passages:
        yield from check_rates(passage)
        previous: Sentence | None = None
        for sentence in passage.sentences:
            yield from _growth(sentence)
            changes = list(_percent_change(sentence))
            yield from changes
            if not changes and previous is not None and refers_back(sentence):
                # "Fees went from £30 to £36. That's +50%." / "That is a rise of 50 percent."
                yield from _change_restated(previous, sentence)
            yield from check_sums(passage, sentence)
            previous = sentence
    yield from check_note_parts(passages)
    for body, change, pair, down in changes_with_note_base(passages):
        yield from _judge_change(body, change, pair, down=down)
    for body, change, pair, down in changes_with_note_pair(passages):
        if change.kind is Kind.MULTIPLIER:
            yield from _judge_growth(body, change, pair)
        elif pair[0].kind is not Kind.PERCENT:  # a change between percentages: points?
            yield from _judge_change(body, change, pair, down=down)


# --------------------------------------------------------------------------
# Shared: ratios of a from-to pair (``scope.from_to_pairs``)
# --------------------------------------------------------------------------


def _ratio(start: Quantity, end: Quantity) -> tuple[float, float] | None:
    if start.low <= 0:
        return None
    return end.low / start.high, end.high / start.low


def _fits(interval: tuple[float, float], bands: list[tuple[float, float]]) -> bool:
    low, high = interval
    return any(low <= b_high and high >= b_low for b_low, b_high in bands)


def _show(quantity: Quantity) -> str:
    return quantity.shown


# --------------------------------------------------------------------------
# Growth multipliers
# --------------------------------------------------------------------------


# Between a multiplier and the figures it speaks of: another subject's change
# ("Exports doubled while imports rose from ...") is not its evidence.
_OTHER_CLAUSE = re.compile(
    r";|\b(?:while|whereas|but|although|though|even as)\b|\b(?:and|as)\s+(?:[\w'’-]+\s+){1,8}?"
    rf"(?:{UP_VERBS}|{DOWN_VERBS}|went|going)\b"
    # "raise output by 20% and cut the deficit from ...": a change verb with an object of its own
    rf"|\band\s+(?:{UP_VERBS}|{DOWN_VERBS})\s+(?:the|its|their|a|an|his|her|our)\b"
    # "Prices rose 3%, and wages from £30,000 to ...": another subject, its verb left out
    r"|\band\s+(?:(?:the|its|their)\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?\s+from\b",
    re.IGNORECASE,
)
# After a pair, "..., with London up 3% to £530,000" opens another subject's change (before
# it, ", with parcels handed out rising from ..." gives the evidence of the change).
# A change per period: "10% a year", "annually", "per annum", "on average each year".
_PER_PERIOD = re.compile(
    r"^\s*(?:(?:a|per|each|every)\s+(?:year|annum|month|quarter|decade)\b|annually\b|yearly\b|"
    r"p\.?a\.?(?!\w)|on\s+average\b|compound)",
    re.IGNORECASE,
)
_LATER_SUBJECT = re.compile(
    rf",\s*with\s+(?:[\w'’-]+\s+){{1,4}}?(?:{UP_VERBS}|{DOWN_VERBS})\b", re.IGNORECASE
)


def _growth(sentence: Sentence) -> Iterator[Finding]:
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
            if _OTHER_CLAUSE.search(gap) or nearer:
                continue  # another subject's change, or another multiplier's figures
        elif pairs:
            start, end = pairs[-1]
            gap = sentence.text[max(start.end, end.end) : multiplier.start]
            # "Sales rose from £2m to £4m, with exports tripling": another subject's multiplier
            if _OTHER_CLAUSE.search(gap) or re.search(r",\s*with\s+(?:[\w'’-]+\s+){1,4}$", gap):
                continue
        else:
            compared = _compared(sentence, multiplier)
            if compared is None:
                continue
            start, end = compared
        yield from _judge_growth(sentence, multiplier, (start, end))


def _judge_growth(
    sentence: Sentence, multiplier: Quantity, pair: tuple[Quantity, Quantity]
) -> Iterator[Finding]:
    """The multiplier against its pair's ratio: a finding when no reading of the figures fits."""
    start, end = pair
    ratio = _ratio(start, end)
    if ratio is None:
        return
    bands = list(multiplier.readings)
    reverse = _ratio(end, start) if bracketed_arms(sentence.text, start, end) else None
    if _fits(ratio, bands) or (reverse is not None and _fits(reverse, bands)):
        return
    if reverse is not None and ratio[1] < 1 <= reverse[0]:
        start, end, ratio = end, start, reverse  # said as the rise the arms show
    first, last = sorted((start, end, multiplier), key=lambda q: q.start)[::2]
    message = (
        f"{_show(multiplier)} does not fit {_show(start)} to {_show(end)}: the figures give "
        f"{_span(*ratio, kind=Kind.COUNT, prefix='x')}{_accepted(bands)}. "
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
    if len(stretch) > 90 or _OTHER_CLAUSE.search(stretch):
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


def _span(low: float, high: float, *, kind: Kind, prefix: str = "") -> str:
    """ "x1.83" when both ends print alike, else "x2.28–x2.93"."""
    first = prefix + amount(low, kind=kind)
    last = prefix + amount(high, kind=kind)
    return first if first == last else f"{first}–{last}"


# --------------------------------------------------------------------------
# Percent changes
# --------------------------------------------------------------------------

_UP_WORDS = rf"{UP_VERBS}|{UP_NOUNS}"
_DOWN_WORDS = rf"{DOWN_VERBS}|{DOWN_NOUNS}"
_CHANGE = re.compile(
    # "rose with 7,5 percent": "with" for "by", as Dutch and German writers of English put it
    rf"\b(?P<verb>{_UP_WORDS}|{_DOWN_WORDS})\s+(?:by\s+|with\s+|{OBJECT_BY})?"
    r"(?:(?:more than|over|about|nearly|almost|some|roughly|approximately|around|just over|"
    r"just under|close to)\s+)?$",
    re.IGNORECASE,
)
# "(+20% yoy)", "That's +12.5%", "-8% on the week": a signed percentage is a change, as posts,
# releases and tables write it (a sign glued to the figure, not a range's dash).
_SIGNED = re.compile(r"(?:^|(?<=[\s(\[,;:/]))(?P<verb>[+\u2212]|-(?=$))$")
# "a 12% year-on-year increase", "a 5 per cent annual rise": a word between figure and noun.
_MODIFIER = (
    r"(?:(?:year[- ]on[- ]year|year[- ]over[- ]year|annual|overall|cumulative|sharp|steep|further|"
    r"modest|total|on\s+the\s+year)\s+)?"
)
_CHANGE_NOUNS = (
    r"increase|rise|jump|gain|growth|climb|hike|surge|drop|decline|fall|decrease|"
    r"cut|reduction|contraction|slump|plunge|dip"
)
# "25% more than the 2,400 recorded in 2019", "12 per cent above last year's £2.6m": a
# comparison with a base figure is a change from it.
_COMPARATIVES = (
    r"(?:more|higher|greater|bigger|larger|dearer|lower|less|fewer|smaller|cheaper)(?=\s+than\b)|"
    r"above|below|up\s+on|down\s+on"
)
# "..., 12% higher.": a comparison that ends its clause speaks of the pair before it.
_COMPARED_TO_PAIR = (
    r"(?:higher|lower|more|less|fewer|greater|bigger|smaller|larger|dearer|cheaper)"
    r"(?=\s*(?:[,.;)]|$))"
)
# "a 40 percent increase", "a 25% drop": the change named after the figure.
_CHANGE_AFTER = re.compile(
    rf"^[\s-]*{_MODIFIER}(?P<verb>{_CHANGE_NOUNS}|{_COMPARATIVES}|{_COMPARED_TO_PAIR})\b",
    re.IGNORECASE,
)
# A comparison with the figure after it: "25% more than the 2,400", "12 per cent above".
_WITH_BASE_AFTER = re.compile(rf"^[\s-]*{_MODIFIER}(?:{_COMPARATIVES})", re.IGNORECASE)
_DOWN = re.compile(
    rf"^(?:[-\u2212]|{_DOWN_WORDS}|decreases?|drop|decline|fall|cut|reduction|contraction|slump|plunge|dip|"
    r"lower|less|fewer|smaller|cheaper|below|down\s+on)$",
    re.IGNORECASE,
)


def _up_from(sentence: Sentence, change: Quantity) -> tuple[Quantity, Quantity] | None:
    """ "reached $210.3 billion, up 40 percent from $150.2 billion": (start, end).

    Also "..., a 40 percent increase from $150.2 billion".
    """
    after = re.match(
        rf"(?:[\s-]+{_MODIFIER}(?:{_CHANGE_NOUNS})|\s+(?:year[- ]on[- ]year|year[- ]over[- ]year))?"
        r"\s+(?:from|over|on|since|compared\s+(?:with|to)|"
        r"against)\s+"
        rf"|[\s-]+(?:(?:{_COMPARATIVES})\s+than|above|below|up\s+on|down\s+on)\s+",
        sentence.text[change.end : change.end + 40],
        re.IGNORECASE,
    )
    if after is None:
        return None
    figures = [q for q in sentence.quantities if q.kind in {Kind.MONEY, Kind.COUNT}]
    start = next((q for q in figures if q.start >= change.end + after.end() - 1), None)
    # "from about $150", "on the previous year's Rs 3,500 crore"
    if start is None or start.start - (change.end + after.end()) > 30:
        return None
    # "up 12% from $18.1bn to $20.3bn": the base opens its own pair, which the change speaks of
    for one, two in change_pairs(sentence):
        if one is start or (one.start, one.end) == (start.start, start.end):
            return one, two
    before = [q for q in figures if q.end <= change.start and q.kind is start.kind]
    if not before or before[-1].currency != start.currency:
        return None
    return shared_precision(start, before[-1])


def _tied_pair(
    sentence: Sentence, change: Quantity, pairs: list[tuple[Quantity, Quantity]]
) -> tuple[Quantity, Quantity] | None:
    """The pair the change speaks of: the nearest, with no other subject's clause between.

    "Revenue rose 9% to $5.1bn, while operating profit fell from $800m to $720m"
    gives the 9% no pair.
    """
    text = sentence.text

    def distance(pair: tuple[Quantity, Quantity]) -> tuple[int, bool, int]:
        # Ties (one figure compared with two bases) go to the pair the change follows, and
        # then to the base nearer the change.
        first, last = min(q.start for q in pair), max(q.end for q in pair)
        near = min(
            q.start - change.end if q.start >= change.end else change.start - q.end for q in pair
        )
        return abs(first - change.end), first < change.start < last, near

    for start, end in sorted(pairs, key=distance):
        first, last = min(start.start, end.start), max(start.end, end.end)
        if first >= change.end:
            gap = text[change.end : first]
            # "Profits jumped 48% to $2.9bn, on revenue up 12% from $18.1bn to $20.3bn": the
            # pair is the nearer change's
            if any(
                change.end <= q.start < first and _stated_change(text, q)
                for q in sentence.quantities
            ):
                continue
        else:
            gap = text[last : change.start]
            if _LATER_SUBJECT.search(gap):
                continue
        if not _OTHER_CLAUSE.search(gap):
            return start, end
    return None


def _or_after_pair(
    text: str, change: Quantity, pairs: list[tuple[Quantity, Quantity]]
) -> re.Match[str] | None:
    """The change verb before a pair that ", or P percent" restates."""
    if not re.search(
        r",\s*or\s+(?:(?:about|some|roughly|nearly|almost)\s+)?$", text[: change.start]
    ):
        return None
    for start, end in pairs:
        first, last = min(start.start, end.start), max(start.end, end.end)
        if 0 <= change.start - last <= 12:
            return _PAIR_VERB.search(text[max(0, first - 60) : first])
    return None


_PAIR_VERB = re.compile(rf"\b(?P<verb>{_UP_WORDS}|{_DOWN_WORDS})\b(?=[^.;]*$)", re.IGNORECASE)


_SPAN = re.compile(
    r"\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to)\s+((?:19|20)\d\d)\b", re.IGNORECASE
)


def _pair_of_years(
    sentence: Sentence, first: float, last: float
) -> tuple[Quantity, Quantity] | None:
    figures = [q for q in sentence.quantities if q.kind in {Kind.MONEY, Kind.COUNT}]
    starts = [q for q in figures if dated_to(sentence.text, q) == first]
    ends = [q for q in figures if dated_to(sentence.text, q) == last]
    if len(starts) != 1 or len(ends) != 1 or starts[0].kind is not ends[0].kind:
        return None
    return shared_precision(starts[0], ends[0])


def _stated_change(text: str, quantity: Quantity) -> bool:
    """A percentage stated as a change: "up 12%", "a 9% rise"."""
    before = text[max(0, quantity.start - 60) : quantity.start]
    return quantity.kind is Kind.PERCENT and bool(
        _CHANGE.search(before)
        or _SIGNED.search(before)
        or _CHANGE_AFTER.match(text[quantity.end : quantity.end + 40])
    )


def _percent_change(sentence: Sentence) -> Iterator[Finding]:
    pairs = [p for p in change_pairs(sentence) if p[0].kind is not Kind.PERCENT]
    for change in sentence.quantities:
        if change.kind is not Kind.PERCENT or any(change in pair for pair in pairs):
            continue
        before = sentence.text[max(0, change.start - 60) : change.start]
        verb = _CHANGE.search(before) or _SIGNED.search(before)
        if verb is None:
            verb = _CHANGE_AFTER.match(sentence.text[change.end : change.end + 40])
        if verb is None:
            # "declined from 84 million units to 71 million, or 25 percent": the pair's verb
            verb = _or_after_pair(sentence.text, change, pairs)
        if verb is None or in_real_terms(sentence.text, change):
            continue
        if (
            _PER_PERIOD.match(sentence.text[change.end : change.end + 40])
            or re.search(
                r"\b(?:annual|yearly|annualised|annualized|compound|average)\s+(?:\w+\s+)?$",
                sentence.text[max(0, change.start - 30) : change.start],
            )
            or re.match(r"^[\s-]*(?:annual|yearly|a\s+year)\b", sentence.text[change.end :])
        ):
            continue  # "grow 10% annually, from £4m today to £6.4m in five years": compounded
        pair = _up_from(sentence, change)
        if pair is None and not _WITH_BASE_AFTER.match(sentence.text[change.end :]):
            # "Exports rose from $2bn to $3bn, 25% more than imports": a comparison speaks of
            # the figure after it, never of a pair elsewhere.
            pair = _tied_pair(sentence, change, pairs)
        span = _SPAN.search(sentence.text[change.end : change.end + 40]) or _SPAN.search(
            sentence.text[max(0, change.start - 60) : change.start]
        )
        if span is not None:
            # "140 in 2022, 95 in 2023 and 210 in 2024, a rise of 50 per cent between 2022 and
            # 2024": the figures of the years the change names
            first_year, last_year = float(span.group(1)), float(span.group(2))
            named = _pair_of_years(sentence, first_year, last_year)
            if named is not None:
                pair = named
            elif pair is not None and any(
                dated_to(sentence.text, q) not in (None, year)
                for q, year in zip(pair, (first_year, last_year), strict=True)
            ):
                pair = None  # the pair's figures are of other years
        if pair is None:
            continue
        yield from _judge_change(
            sentence, change, pair, down=_DOWN.match(verb.group("verb")) is not None
        )


def _change_restated(previous: Sentence, sentence: Sentence) -> Iterator[Finding]:
    """A sentence that points back with one stated change and no figures of its own, against
    the pair of the sentence before (which states no change of its own)."""
    if [q.kind for q in sentence.quantities] != [Kind.PERCENT] or any(
        _stated_change(previous.text, q) for q in previous.quantities
    ):
        return
    yield from _percent_change(joined(previous, sentence, mark=":"))


def _judge_change(
    sentence: Sentence, change: Quantity, pair: tuple[Quantity, Quantity], *, down: bool
) -> Iterator[Finding]:
    """The change against its pair's ratio: a finding when no reading of the figures fits."""
    start, end = pair
    ratio = _ratio(start, end)
    if ratio is None:
        return
    if down:
        bands = [(1 - change.high / 100, 1 - change.low / 100)]
    else:
        bands = [(1 + change.low / 100, 1 + change.high / 100)]
        if change.value >= 100 and not STATED_AS_CHANGE.search(
            sentence.text[max(0, change.start - 30) : change.start]
            + "#"
            + sentence.text[change.end : change.end + 20]
        ):
            # "Trade rose 265 percent, from $293 billion to $776 billion": a bare verb's
            # percentage above 100 is often the ratio, loosely. Not "a 150% increase", "an
            # increase of 150 per cent", "increased by 150%": they say the change itself is P
            # percent, so $48,000 to $72,000 is no "150% increase" (it is 150% *of* it).
            bands.append((change.low / 100, change.high / 100))
    if _fits(ratio, bands):
        return
    actual = sorted((abs(ratio[0] - 1) * 100, abs(ratio[1] - 1) * 100))
    change_word = "a fall" if ratio[1] < 1 else "a rise"
    message = (
        f"{_show(change)} does not fit {_show(start)} to {_show(end)}, {change_word} of "
        f"{_span(actual[0], actual[1], kind=Kind.PERCENT)}. "
        f"Correct the percentage or the figures."
    )
    yield raise_finding(
        PERCENT,
        message,
        sentence.location_at(change.start),
        note=sentence.note,
        evidence=one_line(sentence.text),
    )
