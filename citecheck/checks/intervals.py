"""A printed figure and its hedge -> the interval of values it allows.

Learned from statcheck and GRIM: a figure means any value that rounds (or
truncates) to what was printed. Integer trailing zeros are not significant,
so "$500 billion" is read as 450-600 billion, "$2.4 billion" as 2.35-2.5
billion, "58,000" as 57,500-59,000. Hedges reshape the interval:

* "more than", "over", "at least", "exceeds" -> [x, x + one printed unit]
  ("well over", "significantly exceeds" -> [x, infinity))
* "about", "approximately", "some", "roughly" -> the plain reading widened
  to at least 10 % either side
* "nearly", "almost", "just under" -> [x - one unit (at most 25 %), x]
* "less than", "under", "up to" -> [0, x]
"""

from __future__ import annotations

import math
import re

from citecheck.checks.words import cardinal_value

__all__ = ["digits_value", "interval", "is_about", "qualifier_before"]

_QUALIFIER = re.compile(
    r"(?:\b(?P<q>significantly exceeds?|significantly more than|far more than|well over|well above|"
    r"well in excess of|more than|greater than|in excess of|upwards of|at least|exceeding|exceeds?|"
    r"just over|just above|over|above|nearly|almost|close to|just under|approximately|"
    r"an estimated|estimated|about|around|roughly|some|less than|fewer than|under|below|"
    # not "added up to £5.4m": a sum, not a ceiling
    r"(?<!\badd )(?<!\badds )(?<!\badded )(?<!\badding )up to|"
    r"as much as|as many as|no more than|not more than|at most|a maximum of|"
    r"no fewer than|no less than|not fewer than|not less than|a minimum of|north of|just shy of|"
    r"just short of|"
    r"in the region of|of the order of|on the order of|circa|approx\.?)\s+"
    # "c. £3m", "~3,000", "ca. 400"
    r"|(?<![\w.])(?P<sym>~|c\.|ca\.)\s*)(?:a\s+total\s+of\s+|of\s+)?$",
    re.IGNORECASE,
)
_OPEN_ABOVE = {
    "significantly exceeds",
    "significantly exceed",
    "significantly more than",
    "far more than",
    "well over",
    "well above",
    "well in excess of",
}
_AT_LEAST = {
    "more than",
    "greater than",
    "in excess of",
    "upwards of",
    "at least",
    "exceeding",
    "exceeds",
    "exceed",
    "just over",
    "just above",
    "over",
    "above",
    "no fewer than",
    "no less than",
    # legal drafting's floor: "shall deliver not less than 87,600 MWh"
    "not fewer than",
    "not less than",
    "a minimum of",
    "north of",
}
_NEARLY = {"nearly", "almost", "close to", "just under", "just shy of", "just short of"}
_ABOUT = {"approximately", "an estimated", "estimated", "about", "around", "roughly", "some"}
_ABOUT |= {"in the region of", "of the order of", "on the order of", "circa", "approx", "approx."}
_ABOUT |= {"~", "c.", "ca."}
_AT_MOST = {
    "less than",
    "fewer than",
    "under",
    "below",
    "up to",
    "as much as",
    "as many as",
    "no more than",
    "not more than",
    "at most",
    "a maximum of",
}


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


def digits_value(text: str) -> tuple[float, float]:
    """The printed number and its precision step (integer trailing zeros not significant).

    Digits may be grouped by commas ("58,000", the Indian "1,20,000") or by
    spaces ("3 200 000"); a power is written as the readers write a
    superscript ("10^6"); words are read by ``words.cardinal_value``.
    """
    lowered = text.lower().strip()
    if lowered[0].isalpha():
        value = cardinal_value(lowered)
        if value != int(value):  # "two and a half million", "a quarter of a million"
            return value, 0.1
        return value, _integer_step(str(int(value)))
    if "^" in lowered:  # "10^6": the power, as precise as the same number in digits
        base, _, exponent = lowered.partition("^")
        value = float(base) ** int(exponent.replace("−", "-"))
        if value == int(value):
            return value, _integer_step(str(int(value)))
        return value, 10.0 ** math.floor(math.log10(value))
    plain = re.sub(r"[,\s\u00a0\u2009\u202f]", "", lowered)
    if plain[-1] in _VULGAR:  # "2½": read to its fraction
        whole = float(plain[:-1] or 0)
        return whole + _VULGAR[plain[-1]], 0.1
    if "." in plain:
        decimals = len(plain.split(".", 1)[1])
        return float(plain), 10.0**-decimals
    return float(plain), _integer_step(plain)


def _integer_step(digits: str) -> float:
    stripped = digits.lstrip("0") or "0"
    if stripped == "0":
        return 1.0
    zeros = len(stripped) - len(stripped.rstrip("0"))
    return 10.0**zeros


def interval(value: float, step: float, qualifier: str | None) -> tuple[float, float]:
    """The values a printed figure allows, given its precision and hedge (module docstring)."""
    if qualifier is None:
        # Rounded (x +/- step/2) or truncated (x .. x + step): allow both.
        return value - step / 2, value + step
    q = qualifier.lower()
    if q in _OPEN_ABOVE:
        return value, math.inf
    if q in _AT_LEAST:
        return value, value + step
    if q in _NEARLY:
        return max(value - step, 0.75 * value), value
    if q in _ABOUT:
        return min(value - step / 2, 0.9 * value), max(value + step, 1.1 * value)
    if q in _AT_MOST:
        return 0.0, value
    return value - step / 2, value + step  # pragma: no cover - every qualifier is listed


def is_about(qualifier: str | None) -> bool:
    """ "about", "some", "roughly", "c.": a hedge on both sides of the figure."""
    return qualifier is not None and qualifier.lower() in _ABOUT


# The last word of every form of ``_QUALIFIER`` (a hedge, "of" after it, or "~", "c.", "ca.",
# "approx."): a window whose text does not end in one of them holds no match, since every
# match ends at the window's end, after nothing but whitespace.
_QUALIFIER_ENDS = (
    *("exceed", "exceeds", "exceeding", "than", "over", "above", "of", "least", "nearly"),
    *("almost", "to", "under", "approximately", "estimated", "about", "around", "roughly"),
    *("some", "below", "as", "most", "circa", "approx", "~", "."),
)


def _may_end_in_qualifier(window: str) -> bool:
    if window.isascii():  # lower() folds ASCII as IGNORECASE does; "ſ" or "K" is searched
        return window.rstrip().lower().endswith(_QUALIFIER_ENDS)
    return True


def qualifier_before(text: str, start: int) -> str | None:
    """The hedge just before ``text[start]`` ("more than", "nearly"), lower-cased."""
    window = text[max(0, start - 40) : start]
    if not _may_end_in_qualifier(window):
        return None
    match = _QUALIFIER.search(window)
    if match is None:
        return None
    return re.sub(r"\s+", " ", (match.group("q") or match.group("sym")).lower())
