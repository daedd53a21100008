"""Numbers written as words: one table for the number reader, the periods and the multipliers.

* cardinals, spelled out however the text writes them: "twelve",
  "twenty-five", "three hundred and forty thousand", "one and a half",
  "a hundred", "half a million", "a dozen";
* fractions: "half", "a third", "two-thirds", "three quarters", "one-fifth",
  "a tenth" (singular and plural denominators, hyphens or spaces).

``CARDINAL`` and ``FRACTION`` are regular-expression sources (no groups) to
embed in the lexicons' patterns; ``cardinal_value`` and ``fraction_value``
read what they matched.
"""

from __future__ import annotations

import re

__all__ = [
    "CARDINAL",
    "FRACTION",
    "SMALL_CARDINAL",
    "cardinal_value",
    "fraction_value",
]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    # old-fashioned scores (round 14): "fourscore in the kitchens, threescore in the stables"
    "twoscore": 40,
    "threescore": 60,
    "fourscore": 80,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_MULTIPLES = {"hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9}
_MULTIPLES["trillion"] = 10**12

_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN = "|".join(_TENS)
# 1-99: "seven", "forty", "forty-two", "forty two".
_BELOW_HUNDRED = (
    rf"(?:(?:{_TEN})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{_UNIT}))"
)
# 1-999: "three hundred and forty", "a hundred", "two hundred".
_BELOW_THOUSAND = (
    # "an hundred" is the old spelling of "a hundred" (round 14)
    rf"(?:(?:(?:{_BELOW_HUNDRED}|an?|one)\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?)"
    rf"|{_BELOW_HUNDRED})"
)
# Every cardinal up to the trillions: "three hundred and forty thousand",
# "one million two hundred thousand", "a thousand", "a dozen", "half a million",
# "one and a half", "two and a half million" (the scale is the reader's own).
CARDINAL = (
    r"(?:half\s+an?\s+(?:dozen|hundred)\b"
    r"|half\s+an?(?=\s+(?:thousand|million|billion|trillion)\b)"
    # "a quarter of a million", "three-quarters of a billion"
    r"|(?:a|one|three)[\s-]quarters?\s+of\s+an?(?=\s+(?:million|billion|trillion)\b)"
    r"|an?(?=\s+(?:million|billion|trillion)\b)"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few)\s+dozen"
    r"|a\s+dozen"
    rf"|{_BELOW_THOUSAND}(?:[\s,]+(?:and\s+)?thousand(?:[\s,]+(?:and\s+)?{_BELOW_THOUSAND})?)?"
    # after the longer readings: "a hundred and fifty thousand" is one number, not "a hundred"
    r"|an?\s+(?:thousand|hundred))"
)
# "two" to "sixty" and the like: counts of periods ("every two weeks") and
# multipliers ("threefold").
SMALL_CARDINAL = _BELOW_HUNDRED

_FRACTION_NAMES = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
# "half", "a half", "one-half", "a third", "two-thirds", "three quarters",
# "nine-tenths". A bare ordinal ("third", "fifth") is not a fraction: only
# "half" stands alone.
FRACTION = (
    r"(?:(?:a|one)[\s-]+(?:half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"|(?:two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?:thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|tenths)"
    r"|half)"
)


def cardinal_value(text: str) -> float:
    """What a ``CARDINAL`` match is worth: "three hundred and forty thousand" -> 340000."""
    words = [w for w in re.split(r"[\s,-]+", text.lower()) if w and w != "and"]
    if len(words) > 1 and words[1].startswith("quarter"):  # "a quarter of a" (million)
        return 0.75 if words[0] == "three" else 0.25
    if words[0] == "half":  # "half a dozen"; "half a" (million): the reader applies the scale
        return 0.5 * {"dozen": 12.0, "hundred": 100.0}.get(words[-1], 1.0)
    if words == ["a"] or words == ["an"]:  # "a" (million)
        return 1.0
    if "half" in words and words[-1] == "half":  # "two and a half"
        return float(_word_small(words[0])) + 0.5
    total = 0.0
    current = 0.0
    for word in words:
        if word in {"a", "an", "few"}:
            current = max(current, 1.0 if word in {"a", "an"} else 3.0)
        elif word == "dozen":
            current = (current or 1.0) * 12
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in _MULTIPLES:
            total += (current or 1.0) * _MULTIPLES[word]
            current = 0.0
    return total + current


def _word_small(word: str) -> int:
    return 1 if word in {"a", "one"} else _UNITS[word]


def fraction_value(text: str) -> float:
    """The value of a fraction ``FRACTION`` matched: "two-thirds" -> 0.667, "half" -> 0.5."""
    words = re.split(r"[\s-]+", text.lower().strip())
    denominator = _FRACTION_NAMES[words[-1]]
    numerator = 1 if len(words) == 1 or words[0] in {"a", "one"} else _UNITS[words[0]]
    return numerator / denominator
