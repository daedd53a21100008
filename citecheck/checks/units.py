"""Units of measure written after a figure: "0.22 s", "143 ms", "71 MB", "4.5 kg".

A sum's parts are measured like their total: in "Of the 0.6 s before the first
request: imports 0.22 s, reading the 2,000 notes 0.10 s, ..." the 2,000 counts
notes and is no part of 0.6 seconds, and in "51 requests: 26 rounds, 3.72 s"
the seconds are no part of the requests. Money and bare counts carry no unit here.
"""

from __future__ import annotations

import re

from citecheck.checks.numbers import Kind, Quantity

__all__ = ["measure_unit", "measured_alike", "same_measure"]

# Symbols of measure, as printed (case matters: "MB" is a size, "mb" is not read).
_UNIT = re.compile(
    r"^\s?(?P<unit>ns|µs|us|ms|s|sec|secs|min|mins|h|hrs?|"
    r"[kKMGTP]i?B|bytes?|bits?|[kMG]bps|"
    r"mg|g|kg|t|mm|cm|m|km|ml|l|L|kWh|MWh|GWh|TWh|kW|MW|GW|Hz|kHz|MHz|GHz|°C|°F)"
    r"(?![\w°])"
)
# One unit however it is spelt; milliseconds and seconds are different units (a sum in one
# is not a sum in the other as printed).
_SAME = {"µs": "us", "sec": "s", "secs": "s", "mins": "min", "hr": "h", "hrs": "h"}


# Units in words, read as their symbols' kinds: "86,500 tonnes" and "41,200 t" are alike.
_WORDS = {
    "second": "s",
    "seconds": "s",
    "millisecond": "ms",
    "milliseconds": "ms",
    "minute": "min",
    "minutes": "min",
    "hour": "h",
    "hours": "h",
    "tonne": "t",
    "tonnes": "t",
    "ton": "t",
    "tons": "t",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "gram": "g",
    "grams": "g",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "litre": "l",
    "litres": "l",
    "liter": "l",
    "liters": "l",
    "byte": "size",
    "bytes": "size",
    "kilobytes": "size",
    "megabytes": "size",
    "gigabytes": "size",
}


def measure_unit(text: str, quantity: Quantity) -> str | None:
    """The unit of measure printed right after the figure ("s", "ms", "t", "size", ...)."""
    match = _UNIT.match(text[quantity.end : quantity.end + 8])
    if match is None:
        if (
            quantity.kind is Kind.COUNT
            and 0 < quantity.value <= 1
            and not quantity.scale_word
            and re.fullmatch(r"0?\.\d{2,}", quantity.text)
        ):
            return "ratio"  # "0.95", ".88": a proportion or a score, not a count
        return _WORDS.get((quantity.noun or "").lower())
    unit = match.group("unit")
    if unit.endswith("B") or unit.startswith(("byte", "bit")):
        return "size"
    return _SAME.get(unit, unit)


def same_measure(text: str, one: Quantity, two: Quantity) -> bool:
    """Whether two figures may be measured alike.

    Not when their units of measure differ ("0.6 s" and "71 MB"), nor when one has a unit
    and the other counts things by a noun ("0.6 s" and "2,000 notes"). A bare figure takes
    its neighbours' unit ("86,500 tonnes: 41,200, 27,900 and 17,400").
    """
    first, second = measure_unit(text, one), measure_unit(text, two)
    if first == second:
        return True
    if (first is not None and second is not None) or "ratio" in {first, second}:
        return False  # "269 of 304 slips (0.88)": a proportion is no count beside counts
    bare = two if first is not None else one
    return not _counts_things(text, bare)


def _counts_things(text: str, quantity: Quantity) -> bool:
    """Whether a noun follows the figure: "2,000 notes", "200 DOIs", "51 rounds"."""
    word = re.match(r"\s+([A-Za-z]+)", text[quantity.end : quantity.end + 30])
    return word is not None and word.group(1).lower() not in _NOT_NOUNS


_NOT_NOUNS = frozenset(
    {
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "per",
        "each",
        "a",
        "an",
        "the",
        "respectively",
        "more",
        "less",
        "than",
        "from",
        "with",
        "before",
        "after",
        "against",
    }
)


def measured_alike(text: str, figures: list[Quantity]) -> bool:
    """Whether every two of ``figures`` may be measured alike ("0.8-1.0: 4.66 s, 2,044
    requests, 71 MB" are a load, a time, a count and a size: no total and its parts)."""
    return all(
        same_measure(text, one, two) for i, one in enumerate(figures) for two in figures[i + 1 :]
    )
