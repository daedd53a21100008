"""``percent-change-mismatch``: "increased 40 percent" against its start and end figures.

Above 100 % a bare verb's figure is read both ways ("rose 265 percent" as x3.65 and as
x2.65), a change stated as its own size ("a 150% increase", "an increase of", "by 150%")
only as x(1 + P/100). The change verbs and nouns are the lexicon in ``changes``; the pairs
come from ``pairs``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.checks.catalogue import PERCENT
from citecheck.checks.changes import DOWN_NOUNS, DOWN_VERBS, OBJECT_BY, UP_NOUNS, UP_VERBS
from citecheck.checks.growth import OTHER_CLAUSE, fits, ratio_of, span
from citecheck.checks.numbers import Kind, Quantity
from citecheck.checks.pairs import change_pairs, dated_to, in_real_terms, shared_precision
from citecheck.checks.passages import Sentence, joined, one_line
from citecheck.checks.percent_readings import STATED_AS_CHANGE
from citecheck.checks.rules import raise_finding
from citecheck.model import Finding

__all__ = ["change_restated", "judge_change", "percent_change_findings"]


def _shown(quantity: Quantity) -> str:
    return quantity.shown


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
        if not OTHER_CLAUSE.search(gap):
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


def percent_change_findings(sentence: Sentence) -> Iterator[Finding]:
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
        yield from judge_change(
            sentence, change, pair, down=_DOWN.match(verb.group("verb")) is not None
        )


def change_restated(previous: Sentence, sentence: Sentence) -> Iterator[Finding]:
    """A sentence that points back with one stated change and no figures of its own, against
    the pair of the sentence before (which states no change of its own)."""
    if [q.kind for q in sentence.quantities] != [Kind.PERCENT] or any(
        _stated_change(previous.text, q) for q in previous.quantities
    ):
        return
    yield from percent_change_findings(joined(previous, sentence, mark=":"))


def judge_change(
    sentence: Sentence, change: Quantity, pair: tuple[Quantity, Quantity], *, down: bool
) -> Iterator[Finding]:
    """The change against its pair's ratio: a finding when no reading of the figures fits."""
    start, end = pair
    ratio = ratio_of(start, end)
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
    if fits(ratio, bands):
        return
    actual = sorted((abs(ratio[0] - 1) * 100, abs(ratio[1] - 1) * 100))
    change_word = "a fall" if ratio[1] < 1 else "a rise"
    message = (
        f"{_shown(change)} does not fit {_shown(start)} to {_shown(end)}, {change_word} of "
        f"{span(actual[0], actual[1], kind=Kind.PERCENT)}. "
        f"Correct the percentage or the figures."
    )
    yield raise_finding(
        PERCENT,
        message,
        sentence.location_at(change.start),
        note=sentence.note,
        evidence=one_line(sentence.text),
    )
