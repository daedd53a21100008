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
from dataclasses import dataclass

from citecheck.checks.catalogue import PER_HEAD
from citecheck.checks.numbers import Kind, Quantity, amount
from citecheck.checks.passages import Sentence
from citecheck.checks.population_heads import (
    DINERS,
    POPULATION,
    population_heads,
    states_population,
)
from citecheck.checks.rules import raise_finding
from citecheck.model import Finding

__all__ = ["quantity_per_head_findings"]


@dataclass(frozen=True, slots=True)
class _UnitBand:
    what: str  # how the message names the unit
    units: dict[str, float]  # noun -> base units (the lowest conversion: it only fires higher)
    heads: str  # POPULATION or DINERS
    period: str | None  # "year", "day"; None: one sitting (a meal)
    ceiling: float  # base units per head per period
    doing: re.Pattern[str] | None = None  # what the sentence must say is done with it
    substance: re.Pattern[str] | None = None  # what it must be of ("of milk")


_LITRES = {
    "litres": 1.0,
    "liters": 1.0,
    "litre": 1.0,
    "liter": 1.0,
    "l": 1.0,
    "gallons": 3.785,  # the US gallon, the smaller: the imperial one is 4.546
    "gallon": 3.785,
    "pints": 0.473,
    "megalitres": 1e6,
    "megaliters": 1e6,
}
_KILOGRAMS = {
    "tonnes": 1000.0,
    "tonne": 1000.0,
    "tons": 907.0,  # the short ton, the smaller: the long ton is 1,016 kg
    "ton": 907.0,
    "t": 1000.0,
    "kg": 1.0,
    "kilos": 1.0,
    "kilograms": 1.0,
    "g": 0.001,
    "grams": 0.001,
    "grammes": 0.001,
}
_DRINK = re.compile(
    r"\b(?:milk|beer|lager|ale|cider|wine|spirits|juice|coffee|tea|soft\s+drinks?|"
    r"bottled\s+water|cola|soda)\b",
    re.IGNORECASE,
)
_FOOD = re.compile(
    r"\b(?:potatoes|rice|flour|bread|meat|beef|lamb|pork|chicken|fish|cheese|butter|sugar|"
    r"fruit|vegetables|apples|pasta|food|chocolate|meals?)\b",
    re.IGNORECASE,
)
_BANDS = (
    # Journeys a resident makes: a daily commuter makes ~500 a year, London's public transport
    # ~400 a head; Venice's boats carry tourists too, a few thousand a resident. Ceiling 20,000
    # (55 a day).
    _UnitBand(
        "journeys",
        dict.fromkeys(["journeys", "trips", "rides", "crossings", "boardings"], 1.0),
        POPULATION,
        "year",
        20_000.0,
    ),
    # Visitors to a place per resident: the extreme is Vatican City, some 7 million museum
    # visitors for about 800 residents (under 10,000 a head); Venice a few hundred. Ceiling
    # 25,000.
    _UnitBand(
        "visitors",
        dict.fromkeys(["visitors", "visits", "tourists", "day-trippers", "sightseers"], 1.0),
        POPULATION,
        "year",
        25_000.0,
    ),
    # What people drink: the heaviest milk or beer drinkers take 100-150 litres a year; 2,000
    # litres (5.5 a day) is more than anyone drinks of everything. Production ("New Zealand's
    # farms produce 21 billion litres of milk", 4,000 a head) is no drinking: the verb decides.
    _UnitBand(
        "litres drunk",
        _LITRES,
        POPULATION,
        "year",
        2_000.0,
        doing=re.compile(
            r"\b(?:drinks?|drank|drunk|drinking|consumes?|consumed|get\s+through|"
            r"gets\s+through|got\s+through|knock\s+back)\b",
            re.I,
        ),
        substance=_DRINK,
    ),
    # Water supplied to a population: a household uses ~150 litres a head a day, and all
    # withdrawals together (farms, industry, power stations) come to ~4,000 in the US. Ceiling
    # 5,000 litres a head a day, only for water delivered to or used by the heads.
    _UnitBand(
        "litres of water",
        _LITRES,
        POPULATION,
        "day",
        5_000.0,
        doing=re.compile(
            r"\b(?:deliver(?:s|ed)?|suppl(?:y|ies|ied)|uses?|used|consumes?|"
            r"consumed|provides?|provided|pipes?|piped)\b",
            re.I,
        ),
    ),
    # Food eaten in a year: about a tonne a head of everything; ceiling 2,000 kg.
    _UnitBand(
        "food",
        _KILOGRAMS,
        POPULATION,
        "year",
        2_000.0,
        doing=re.compile(r"\b(?:eats?|ate|eaten|eating|consumes?|consumed|get\s+through)\b", re.I),
        substance=_FOOD,
    ),
    # Food for one sitting: a generous plate is under a kilogram of any one thing; ceiling 3 kg.
    _UnitBand("food", _KILOGRAMS, DINERS, None, 3.0),
    # Drink for one sitting: ceiling 5 litres a guest.
    _UnitBand("drink", _LITRES, DINERS, None, 5.0),
)
_DAYS = {"day": 1.0, "year": 366.0, "week": 7.0, "month": 31.0}
# The total is already per head: "8,000 for every resident", "150 g per person".
_PER_HEAD_AFTER = re.compile(
    r"^[\s\w-]{0,30}?\b(?:per|a|each|for\s+every|for\s+each)\s+(?:head|capita|person|resident|"
    r"inhabitant|citizen|guest|diner|plate|portion|serving)\b|^\s*(?:each|apiece)\b",
    re.IGNORECASE,
)


def quantity_per_head_findings(sentences: Sequence[Sentence]) -> Iterator[Finding]:
    """Journeys, visitors, litres and tonnes whose share per head is implausible."""
    for index, sentence in enumerate(sentences):
        heads = population_heads(sentence)
        if not heads:
            # "... was £5.9 trillion. The population of England and Wales ... was 59.6 million."
            for other in [*sentences[max(0, index - 1) : index], *sentences[index + 1 : index + 2]]:
                stated = states_population(other)
                if stated is not None:
                    heads = [(stated, POPULATION)]
                    break
        if heads:
            yield from _judged(sentence, heads)


def _unit_of(text: str, quantity: Quantity, band: _UnitBand) -> float | None:
    words = re.findall(r"[A-Za-z][\w-]*", text[quantity.end : quantity.end + 40].lower())[:3]
    for word in words:
        if word in band.units:
            return band.units[word]
        if word not in {"of", "ferry", "bus", "passenger", "boat", "train", "tram", "more"}:
            break  # the unit comes first, or after one qualifier ("ferry journeys")
    return None


def _judged(sentence: Sentence, heads: list[tuple[Quantity, str]]) -> Iterator[Finding]:
    text = sentence.text
    for total in sentence.quantities:
        if total.kind is not Kind.COUNT or any(total is head for head, _ in heads):
            continue
        if _PER_HEAD_AFTER.search(text[total.end : total.end + 40]):
            continue
        for band in _BANDS:
            factor = _unit_of(text, total, band)
            candidates = [head for head, kind in heads if kind == band.heads]
            if factor is None or not candidates:
                continue
            if band.doing is not None and not band.doing.search(text):
                continue
            if band.substance is not None and not band.substance.search(
                text[total.end : total.end + 60]
            ):
                continue
            days = _days(total, band)
            if days is None:
                continue
            head = min(candidates, key=lambda h: abs(h.start - total.start))
            lowest = total.low * factor / head.high / days
            if lowest <= band.ceiling or lowest / 1000 > band.ceiling:
                continue
            yield _finding(sentence, total, head, band, total.value * factor / head.value / days)
            break


def _days(total: Quantity, band: _UnitBand) -> float | None:
    """The total's period over the band's: how many band periods the total covers."""
    if band.period is None:
        return 1.0
    period = total.period or total.total_of
    if period not in _DAYS:
        return None  # no period (visitors since 1900?): no band to judge by
    return _DAYS[period] / _DAYS[band.period]


def _finding(
    sentence: Sentence, total: Quantity, head: Quantity, band: _UnitBand, per: float
) -> Finding:
    every = "a sitting" if band.period is None else f"a {band.period}"
    shown = amount(per, kind=Kind.COUNT, currency=None)
    fixed = amount(per / 1000, kind=Kind.COUNT, currency=None)
    ceiling = amount(band.ceiling, kind=Kind.COUNT, currency=None)
    unit = {"journeys": "", "visitors": ""}.get(band.what, " (base unit: litre or kg)")
    message = (
        f"{total.text} {band.what} for {head.text} heads is about {shown} a head {every}{unit}, "
        f"beyond a plausible {ceiling}; at a thousandth, {fixed}, it would be ordinary. "
        "Check the scale word."
    )
    start, end = min(total.start, head.start), max(total.end, head.end)
    return raise_finding(
        PER_HEAD,
        message,
        sentence.location_at(total.start),
        note=sentence.note,
        evidence=re.sub(r"\s+", " ", sentence.text[start:end]),
    )
