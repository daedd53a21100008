"""Plausible amounts per head of things other than money: journeys, visitors, litres, tonnes.

"The islands' 22,000 residents made 1.4 billion ferry journeys last year" is some 64,000
journeys a resident, 175 a day; "Denmark's 5.9 million people drink some 530 billion litres of
milk a year" is 250 litres a Dane a day; "lunch for 400, allow 60 tonnes of potatoes" is 150 kg
a plate. Each is ordinary a thousand times smaller. The bands below are data: a unit (the
nouns after the figure), what the sentence must say the heads do with it, the period, and a
ceiling per head set well above the largest true figure the reasoning names, so that true
outliers stay silent. A band fires, as the money bands do, only when the lowest reading per
head is above its ceiling *and* a thousandth of it is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from citecheck.checks.catalogue import PER_HEAD
from citecheck.checks.numbers import Kind, Quantity, amount
from citecheck.checks.passages import Sentence
from citecheck.checks.per_head_unit_bands import BANDS, HOUSEHOLD_SIZE, UnitBand
from citecheck.checks.population_heads import (
    DINERS,
    HOUSEHOLDS,
    POPULATION,
    NearestPopulation,
    population_heads,
)
from citecheck.checks.rules import raise_finding
from citecheck.model import Finding

__all__ = ["quantity_per_head_findings"]


_DAYS = {"day": 1.0, "year": 366.0, "week": 7.0, "month": 31.0}
_HEAD_WORDS = (
    r"head|capita|person|resident|inhabitant|citizen|islander|villager|soul|"
    r"man,\s+woman\s+and\s+child|man|woman|child|adult|pupil|student|household|home|family"
)
# The total is already per head: "8,000 for every resident", "150 g per person".
_PER_HEAD_AFTER = re.compile(
    rf"^[\s\w-]{{0,30}}?\b(?:per|a|each|for\s+every|for\s+each)\s+(?:{_HEAD_WORDS}|"
    r"guest|diner|plate|portion|serving)\b|^\s*(?:each|apiece)\b",
    re.IGNORECASE,
)
# Round 14: a quantity stated per head in any unit the bands know, with its period before or
# after the head ("140,000 litres of water per person per day", "9 tonnes of food a head a
# year", "14,000 cups of coffee for every Finn each year" is not read: a demonym is no head).
_STATED_PER = re.compile(
    rf"^[\s\w-]{{0,30}}?\b(?:per|a|for\s+every|for\s+each\s+(?:and\s+every\s+)?)\s+"
    rf"(?P<head>{_HEAD_WORDS})\b(?:\s+(?:per|a|an|each|every)\s+(?P<period>day|week|month|"
    r"year|annum))?",
    re.IGNORECASE,
)
# "Each household throws away about 70 tonnes of food a year", "the average Briton"
_STATED_BEFORE = re.compile(
    rf"\b(?:each|every|the\s+average|an\s+average|a\s+typical|the\s+typical)\s+"
    rf"(?P<head>{_HEAD_WORDS})\b[^\d.;:!?]{{0,50}}$",
    re.IGNORECASE,
)


_UNIT_WORDS = re.compile(
    r"\b(?:"
    + "|".join(sorted({re.escape(u) for band in BANDS for u in band.units}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def _may_count_groups(sentence: Sentence) -> bool:
    """Two counts (a total and its heads) and a unit the bands know."""
    counts = sum(1 for q in sentence.quantities if q.kind is Kind.COUNT and q.low >= 10)
    return counts >= 2 and _UNIT_WORDS.search(sentence.text) is not None


def quantity_per_head_findings(
    sentences: Sequence[Sentence], text: str | None = None
) -> Iterator[Finding]:
    """Journeys, visitors, litres and tonnes whose share per head is implausible (``text``, the
    passage's, bounds a population to its paragraph)."""
    nearest = NearestPopulation(sentences, text)
    for index, sentence in enumerate(sentences):
        # Any counted group is a head only where a unit the bands know is named (round 17):
        # the cheap front of the group reader.
        heads = population_heads(sentence, groups=_may_count_groups(sentence))
        if not heads:
            # "... was £5.9 trillion. The population of England and Wales ... was 59.6 million."
            # Round 14: any sentence of the paragraph that only gives a population, the
            # nearest first (round 16: of its own paragraph, not the whole body).
            found = nearest(index)
            if found is not None:
                heads = [(found[1], POPULATION)]
        if heads:
            yield from _judged(sentence, heads)
        yield from _stated_alone(sentence)


def _unit_of(text: str, quantity: Quantity, band: UnitBand) -> float | None:
    words = re.findall(r"[A-Za-z][\w-]*", text[quantity.end : quantity.end + 40].lower())[:3]
    for word in words:
        if word in band.units:
            return band.units[word]
        if word not in {"of", "ferry", "bus", "passenger", "boat", "train", "tram", "more"}:
            break  # the unit comes first, or after one qualifier ("ferry journeys")
    return None


def _fits(sentence: Sentence, total: Quantity, band: UnitBand) -> float | None:
    """The total's factor to the band's base unit, when the band may judge it."""
    text = sentence.text
    factor = _unit_of(text, total, band)
    if factor is None:
        return None
    if band.doing is not None and not band.doing.search(text):
        return None
    # what it is of: after the figure ("of milk"), or just before it ("Waste came to 600 t")
    around = text[max(0, total.start - 40) : total.end + 60]
    if band.substance is not None and not band.substance.search(around):
        return None
    return factor


def _judged(sentence: Sentence, heads: list[tuple[Quantity, str]]) -> Iterator[Finding]:
    text = sentence.text
    for total in sentence.quantities:
        if total.kind is not Kind.COUNT or any(total is head for head, _ in heads):
            continue
        if _PER_HEAD_AFTER.search(text[total.end : total.end + 40]):
            continue
        for band in BANDS:
            factor = _fits(sentence, total, band)
            candidates = [(head, kind) for head, kind in heads if kind in band.heads]
            if factor is None or not candidates:
                continue
            days = _days(total, band)
            if days is None:
                continue
            head, kind = min(candidates, key=lambda pair: abs(pair[0].start - total.start))
            ceiling = band.ceiling * (HOUSEHOLD_SIZE if kind == HOUSEHOLDS else 1.0)
            lowest = total.low * factor / head.high / days
            if lowest <= ceiling or lowest / 1000 > ceiling:
                continue
            per = total.value * factor / head.value / days
            yield _finding(sentence, total, head.text, band, per, ceiling)
            break


def _stated_alone(sentence: Sentence) -> Iterator[Finding]:
    """A quantity stated per head ("140,000 litres of water per person per day") that no
    person uses, eats or drinks: judged against its band with no head count."""
    text = sentence.text
    for quantity in sentence.quantities:
        if quantity.kind is not Kind.COUNT or quantity.qualifier in _CEILINGS:
            continue
        stated = _STATED_PER.match(text[quantity.end : quantity.end + 60]) or _STATED_BEFORE.search(
            text[max(0, quantity.start - 80) : quantity.start]
        )
        if stated is None:
            continue
        household = stated["head"].lower() in {"household", "home", "family"}
        period = stated.groupdict().get("period") or quantity.period
        period = "year" if period == "annum" else period
        for band in BANDS:
            if band.period is None or not (band.heads - {DINERS}):
                continue
            factor = _fits(sentence, quantity, band)
            if factor is None or period not in _DAYS:
                continue
            days = _DAYS[period] / _DAYS[band.period]
            ceiling = band.ceiling * (HOUSEHOLD_SIZE if household else 1.0)
            lowest = quantity.low * factor / days
            if lowest <= ceiling or lowest / 1000 > ceiling:
                continue
            head = "a household" if household else "a head"
            per = quantity.value * factor / days
            yield _finding(sentence, quantity, None, band, per, ceiling, head=head)
            break


# "up to 150 litres a head": a ceiling the writer sets is no amount used.
_CEILINGS = frozenset({"up to", "less than", "under", "at most", "no more than"})


def _days(total: Quantity, band: UnitBand) -> float | None:
    """The total's period over the band's: how many band periods the total covers."""
    if band.period is None:
        return 1.0
    period = total.period or total.total_of
    if period not in _DAYS:
        return None  # no period (visitors since 1900?): no band to judge by
    return _DAYS[period] / _DAYS[band.period]


def _finding(
    sentence: Sentence,
    total: Quantity,
    heads: str | None,
    band: UnitBand,
    per: float,
    ceiling: float,
    *,
    head: str = "a head",
) -> Finding:
    every = "a sitting" if band.period is None else f"a {band.period}"
    shown = amount(per, kind=Kind.COUNT, currency=None)
    fixed = amount(per / 1000, kind=Kind.COUNT, currency=None)
    most = amount(ceiling, kind=Kind.COUNT, currency=None)
    unit = f" (base unit: {band.base})" if band.base else ""
    what = f"{total.text} {band.what}" + (f" for {heads} heads" if heads else " per head")
    message = (
        f"{what} is about {shown} {head} {every}{unit}, beyond a plausible {most}; at a "
        f"thousandth, {fixed}, it would be ordinary. Check the scale word."
    )
    return raise_finding(
        PER_HEAD,
        message,
        sentence.location_at(total.start),
        note=sentence.note,
        evidence=re.sub(r"\s+", " ", sentence.text.strip()),
    )
