"""Stated multipliers: one lexicon of the ways text says "x N", with the ratios each allows.

A stated multiplier is loose by nature, so each reading is an interval of
ratios (end figure / start figure):

* a plain multiplier N ("doubled", "tripled", "threefold", "3-fold",
  "three times", "2.5 times", "twice", "grew tenfold", "multiplied by
  four") allows N within 20 %
  (x0.8N-x1.2N); "doubled" accepts x1.6-x2.4;
* "N-fold", "N times larger / more / higher" and "increased (by) N times"
  are read both ways, N and N + 1 ("a six-fold increase", "three times
  larger"); "N times as much / many / large / high" only as N;
* a shrinking multiplier ("halved", "cut in half", "fell by half", "cut by a
  third", "down by three quarters") is read on the reciprocal, so "halved"
  accepts x0.42-x0.63; a growing fraction ("rose by half", "up by a third")
  is 1 + the fraction;
* hedges: "more than", "over", "at least", "better than" -> 0.95N and up;
  "nearly", "almost", "close to", "just under", "not quite" -> 0.75N-1.05N;
  "about", "roughly", "some", "approximately", "around" -> 0.75N-1.25N;
  "less than" -> up to 1.05N. ("More than halved" is a ratio of at most
  x0.53.)

"Doubled as", "doubled down", "double-digit", "three times a day" (a
frequency) and "three times" without a growth verb or comparison are not
multipliers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from citecheck.checks.changes import DOWN_NOUNS, DOWN_VERBS, UP_NOUNS, UP_VERBS
from citecheck.checks.words import FRACTION, SMALL_CARDINAL, cardinal_value, fraction_value

__all__ = ["Multiplier", "find_multipliers"]

_TOLERANCE = 0.2
_DECIMAL_TOLERANCE = 0.1


@dataclass(frozen=True, slots=True)
class Multiplier:
    """One stated multiplier: its factor, hedge and the ratio intervals it allows."""

    text: str
    start: int
    end: int
    factor: float
    hedge: str | None
    readings: tuple[tuple[float, float], ...]


# Verbs that are a multiplier by themselves, by stem.
_VERB_STEMS = {
    "doubl": 2.0,
    "tripl": 3.0,
    "trebl": 3.0,
    "quadrupl": 4.0,
    "quintupl": 5.0,
    "sextupl": 6.0,
    "halv": 0.5,
}
_DOWN_VERBS = rf"{DOWN_VERBS}|a\s+(?:{DOWN_NOUNS})"
_UP_VERBS = rf"{UP_VERBS}|an?\s+(?:{UP_NOUNS})"
_HEDGE = (
    r"significantly more than|far more than|well over|more than|better than|over|at least|"
    r"just over|nearly|almost|close to|just under|not quite|about|roughly|some|approximately|"
    r"around|less than"
)
# Numerals and words: "2.5", "three", "twenty-five", "one and a half", "a hundred".
_NUMBER = (
    r"\d+[½¼¾]|\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half|"
    rf"(?:a|one)\s+(?:hundred|thousand)|hundred|thousand|{SMALL_CARDINAL}"
)
_FRACTION = FRACTION
# "twice as many", "three times as numerous", "half as costly": words of an amount, so the
# figures compared are the amounts (not "twice as fast", a speed the figures may invert).
_AS_AMOUNT = (
    r"much|many|large|big|high|great|long|numerous|common|frequent|plentiful|prevalent|"
    r"costly|expensive|heavy|valuable|busy|popular|widespread"
)
_STEMS = "|".join(_VERB_STEMS)

# Compiled on first use (``_forms``): the alternation takes longer to compile than any other
# pattern of the checks, and most texts never reach it (``_may_hold_multiplier``).
_FORMS_SOURCE = (
    rf"(?:(?P<hedge>{_HEDGE})\s+(?:a\s+)?)?(?:"
    # "doubled", "has tripled", "a doubling", "halves"; not "doubled as", "double-digit".
    rf"\b(?P<verb>{_STEMS})(?:ed|es|ing)\b(?!\s+(?:as|back|down|up)\b)(?!\s+over\s+in\b)"
    rf"|\b(?:to|will|would|could|can|may|might|did|does|do|should|must)\s+(?:[a-z]+ly\s+)?"
    rf"(?:(?P<hedge2>{_HEDGE})\s+)?(?P<base>double|triple|treble|quadruple|halve)\b"
    r"(?![\s-]*(?:digit|as|back|down|up)\b)(?!-)"
    # "now double the 2010 level", "treble what it was"
    r"|\b(?P<adjective>double|treble|triple|quadruple)\s+(?=(?:the|its|their|what|that)\b)"
    # "threefold", "three-fold", "3-fold", "six fold", "2.5-fold"
    rf"|\b(?P<fold>{_NUMBER})[\s-]?fold\b"
    # "3x", "2.5×", "x3"
    r"|(?<![\w.])(?P<x>\d+(?:\.\d+)?)\s?[x×](?![\w])|(?<![\w.])[x×](?P<x2>\d+(?:\.\d+)?)(?![\w.])"
    # "half as many", "a third as large as": a fraction of the start
    rf"|\b(?P<as_fraction>{_FRACTION})\s+as\s+(?:{_AS_AMOUNT})\b"
    # "a third of what it was", "a tenth of its 2010 level", "half its former size"
    rf"|\b(?P<of_fraction>{_FRACTION})\s+(?:of\s+)?(?:what\s+(?:it|they|he|she|we)\s+"
    r"(?:was|were|had\s+been|used\s+to\s+be)|"
    r"(?:its|their|the)\s+(?:former|previous|earlier|original|peak|prior|old|(?:19|20)\d\d)\s+"
    r"(?:level|size|value|total|number|figure|amount|rate)s?)\b"
    # "three times", "2.5 times", "twice" (needs a comparison or a growth verb, see below)
    rf"|\b(?:(?P<times>{_NUMBER})[\s-]+times|(?P<twice>twice|thrice))\b"
    rf"(?P<compare>\s+(?:as\s+(?:{_AS_AMOUNT})\b|larger\b|bigger\b|higher\b|"
    r"greater\b|more\b(?!\s+(?:\w+ly|likely|often|expensive|costly|common|frequent|dangerous)\b)|"
    r"over\b|the\b|their\b|its\b|our\b|his\b|her\b|what\b|that\b))?"
    # "multiplied by four", "grew by a factor of 2.5"
    rf"|\b(?:multiplied\s+(?:by\s+)?|by\s+a\s+factor\s+of\s+)(?:(?P<hedge4>{_HEDGE})\s+)?"
    rf"(?P<by>{_NUMBER})\b(?!\s*(?:%|percent))"
    # "cut in half", "cut nearly in half", "fell by half", "rose by a third", "fell to a third"
    rf"|\b(?P<half_verb>cut|slashed|split|reduced|fell|dropped)\s+(?:(?P<hedge5>{_HEDGE})\s+)?"
    r"in\s+half\b"
    # "cut the waiting list by half": the verb's object before "by"
    rf"|\b(?P<by_verb>{_DOWN_VERBS}|{_UP_VERBS})\s+"
    r"(?:(?:the|its|their|our|his|her)\s+(?:[a-z][\w'’-]*\s+){1,3}?(?=by\s))?"
    r"(?P<by_to>by\s+|to\s+)?"
    rf"(?:(?P<hedge3>{_HEDGE})\s+)?"
    rf"(?P<fraction>{_FRACTION})\b(?![\s-]+(?:percent|per\s?cent|point)\b)"
    r")"
)


@cache
def _forms() -> re.Pattern[str]:
    return re.compile(_FORMS_SOURCE, re.IGNORECASE)


# After "three times" or "twice" without a size comparison: "twice as fast",
# "three times faster", "three times more likely" compare speeds or odds.
_OTHER_COMPARISON = re.compile(
    r"^\s+(?:as\s+\w+|(?!over\b)\w+er\b|more\s+\w+|less\b|fewer\b|than\b)", re.IGNORECASE
)
# "has not doubled", "never tripled", "failed to double": no claim to check.
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no\s+longer|failed|failing|far\s+from|rather\s+than|instead\s+of)|n['’]t)"
    r"\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "three times" is a multiplier before a comparison ("three times larger"), or
# after a growth verb with "by", a hedge or a fraction ("increased by three
# times", "rose some three times", "grew 2.5 times"): "rose three times" alone
# may count the rises.
_GROWTH_BEFORE = re.compile(
    rf"\b(?:{_UP_VERBS}|{_DOWN_VERBS}|expand|grow|rise|increase)\s+(?:by\s+)?(?:(?:{_HEDGE})\s+)?$",
    re.IGNORECASE,
)
_FREQUENCY_AFTER = re.compile(
    r"^\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|minute|second|night)\b"
    r"|^\s+(?:daily|weekly|monthly|yearly|annually|in\s+(?:a|one|the\s+same)\b)",
    re.IGNORECASE,
)
_UP = re.compile(rf"^(?:{_UP_VERBS})$", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"^\s+(?!(?:from|to|since|in|over|between|during|after|by|and|or|than|on|last|this|"
    r"compared|year|percent)\b)[a-z]"
)


# Every form of ``_FORMS_SOURCE`` holds one of these (a verb stem, "fold", "times",
# "twice", a fraction's name, ...) or a digit beside an "x": most passages hold
# none, and the big alternation is tried at every position of the text.
_NEEDED_WORDS = (
    *_VERB_STEMS,
    *("double", "triple", "treble", "quadruple", "fold", "times", "twice", "thrice"),
    *("multiplied", "factor", "half", "third", "quarter", "fourth", "fifth", "sixth"),
    *("seventh", "eighth", "ninth", "tenth"),
)
_X_FORM = re.compile(r"\d\s?[x×]|[x×]\d", re.IGNORECASE)
_NEEDED = re.compile("|".join(_NEEDED_WORDS) + "|" + _X_FORM.pattern, re.IGNORECASE)


# Hint words that also sit inside names and other words ("The Ephemeral Times", "Port
# Quarterly", "a fourth-floor office"...): in ``_forms()`` "times" always follows a number and a
# space or hyphen and ends a word; a fraction's name follows a space or hyphen and ends a word,
# with or without its plural "s". Elsewhere they cannot be part of a match.
_FRACTION_WORDS = (
    *("third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
)
_WEAK_WORDS = frozenset(("times", *_FRACTION_WORDS))
_STRONG_WORDS = tuple(word for word in _NEEDED_WORDS if word not in _WEAK_WORDS)
# How a number ends in ``_NUMBER``, in words: "two", "ten", "fifteen", "forty", "hundred",
# "thousand", "one and a half" (a digit is checked apart).
_NUMBER_ENDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "teen", "ty", "hundred", "thousand", "half"),
)


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _weak_word_fits(lowered: str, word: str) -> bool:
    """Whether ``word`` stands somewhere in ``lowered`` as ``_FORMS_SOURCE`` would need it."""
    at = lowered.find(word)
    while at >= 0:
        end = at + len(word)
        if word != "times" and lowered[end : end + 1] == "s":
            end += 1
        start = at
        while start > 0 and (lowered[start - 1].isspace() or lowered[start - 1] == "-"):
            start -= 1
        before = lowered[:start]
        if (
            (end == len(lowered) or not _word_char(lowered[end]))
            and start < at
            and (word != "times" or before[-1:].isdigit() or before.endswith(_NUMBER_ENDS))
        ):
            return True
        at = lowered.find(word, at + 1)
    return False


def _may_hold_multiplier(text: str) -> bool:
    if text.isascii():  # lower() folds ASCII exactly as IGNORECASE does
        lowered = text.lower()
        return (
            any(word in lowered for word in _STRONG_WORDS)
            or bool(_X_FORM.search(text))
            or any(word in lowered and _weak_word_fits(lowered, word) for word in _WEAK_WORDS)
        )
    return _NEEDED.search(text) is not None  # "ſ", "İ": the regex's own case folding


def find_multipliers(text: str) -> list[Multiplier]:
    """Every stated multiplier in ``text``, in order."""
    found: list[Multiplier] = []
    if not _may_hold_multiplier(text):
        return found
    for match in _forms().finditer(text):
        reading = _read(text, match)
        if reading is not None:
            found.append(reading)
    return found


def _number(raw: str) -> float:
    if raw[-1] in "½¼¾":  # "2½ times"
        return float(raw[:-1]) + {"½": 0.5, "¼": 0.25, "¾": 0.75}[raw[-1]]
    return float(raw) if raw[0].isdigit() else cardinal_value(raw)


def _read(text: str, match: re.Match[str]) -> Multiplier | None:
    if _NEGATED.search(text[max(0, match.start() - 25) : match.start()]):
        return None
    hedges = ("hedge", "hedge2", "hedge3", "hedge4", "hedge5")
    hedge = next((match.group(g) for g in hedges if match.group(g)), None)
    both_ways = False
    printed: str | None = None
    change: tuple[tuple[float, float], ...] = ()  # "cut by a fifth" reads its own change
    if match.group("verb") or match.group("base") or match.group("adjective"):
        stem = (match.group("verb") or match.group("base") or match.group("adjective")).lower()
        factor = next(value for key, value in _VERB_STEMS.items() if stem.startswith(key))
    elif match.group("fold"):
        factor = _number(match.group("fold"))
        both_ways = True
        printed = match.group("fold")
    elif match.group("by"):
        factor = _number(match.group("by"))
        printed = match.group("by")
    elif match.group("x") or match.group("x2"):
        printed = match.group("x") or match.group("x2")
        factor = float(printed)
    elif match.group("as_fraction") or match.group("of_fraction"):
        factor = fraction_value(match.group("as_fraction") or match.group("of_fraction"))
    elif match.group("times") or match.group("twice"):
        compare = (match.group("compare") or "").strip().lower()
        before = text[
            max(0, match.start() - 40) : match.start("times")
            if match.group("times")
            else match.start("twice")
        ]
        if not compare and _FREQUENCY_AFTER.match(text[match.end() :]):
            return None  # "three times a day" is a frequency
        if not compare and _OTHER_COMPARISON.match(text[match.end() :]):
            return None  # "twice as fast", "three times faster"
        growth = _GROWTH_BEFORE.search(before)
        if not compare and not growth:
            return None  # "visited three times"
        if (
            not compare
            and re.fullmatch(r"[a-z]+|\d+", match.group("times") or match.group("twice"), re.I)
            and not re.search(r"\bby\s+$", before)
            and not hedge
        ):
            return None  # "rose three times in five years" may count the rises
        twice = (match.group("twice") or "").lower()
        factor = {"twice": 2.0, "thrice": 3.0}[twice] if twice else _number(match.group("times"))
        # "three times larger" and "grew three times" are read as x3 and x4;
        # "three times as large", "three times the size" only as x3.
        both_ways = compare in {"", "larger", "bigger", "higher", "greater", "more"}
        printed = match.group("times")
    elif match.group("half_verb"):
        factor = 0.5
    else:
        fraction = fraction_value(match.group("fraction"))
        grows = bool(_UP.match(re.sub(r"\s+", " ", match.group("by_verb").strip())))
        if (match.group("by_to") or "").strip().lower() == "to":
            if grows:
                return None  # "rose to a third of the total" is a share
            factor = fraction  # "fell to a third"
        elif text[match.end() : match.end() + 4].lower().startswith(" of"):
            return None  # "cut by half of the staff": a share, not the ratio
        elif not match.group("by_to") and _NOUN_AFTER.match(text[match.end() :]):
            return None  # "grew a third crop", "lost a quarter century"
        else:
            # "cut by a fifth": the change within 20 %, not the ratio
            factor = 1 + fraction if grows else 1 - fraction
            change = (_change_reading(fraction, hedge.lower() if hedge else None, grows),)
    if factor <= 0:
        return None
    return Multiplier(
        text=match.group(),
        start=match.start(),
        end=match.end(),
        factor=factor,
        hedge=re.sub(r"\s+", " ", hedge.lower()) if hedge else None,
        readings=change
        or _readings(
            factor,
            hedge.lower() if hedge else None,
            both_ways=both_ways,
            tolerance=_tolerance(printed),
        ),
    )


def _change_reading(fraction: float, hedge: str | None, grows: bool) -> tuple[float, float]:
    """ "rose by a third", "cut by a fifth": the tolerance is on the change, not the ratio.

    "Cut by a fifth" is a fall of 16-24 % (x0.76-x0.84); read on the ratio it
    would allow no fall at all.
    """
    low, high = _band(fraction, hedge, _TOLERANCE)
    if grows:
        return 1 + low, 1 + high
    return max(0.0, 1 - high), 1 - low


def _band(value: float, hedge: str | None, tolerance: float) -> tuple[float, float]:
    """The values a hedged figure ``value`` allows (module docstring)."""
    if hedge in {"more than", "over", "at least", "better than", "just over"} or (
        hedge in {"well over", "far more than", "significantly more than"}
    ):
        return value * 0.95, math.inf
    if hedge in {"nearly", "almost", "close to", "just under", "not quite"}:
        return value * 0.75, value * 1.05
    if hedge in {"about", "roughly", "some", "approximately", "around"}:
        return value * 0.75, value * 1.25
    if hedge == "less than":
        return 0.0, value * 1.05
    return value * (1 - tolerance), value * (1 + tolerance)


def _tolerance(printed: str | None) -> float:
    """How far a plain multiplier may stray: 20 % for words and whole numbers.

    A numeral with decimals ("2.5 times", "1.8-fold") is as precise as it is
    printed: its rounding, and at least 10 %.
    """
    if printed is None or "." not in printed:
        return _TOLERANCE
    decimals = len(printed.split(".", 1)[1])
    return max(_DECIMAL_TOLERANCE, 10.0**-decimals / float(printed))


def _readings(
    factor: float, hedge: str | None, *, both_ways: bool, tolerance: float = _TOLERANCE
) -> tuple[tuple[float, float], ...]:
    """The ratio intervals a multiplier allows (module docstring)."""
    shrink = factor < 1
    base = 1 / factor if shrink else factor
    bases = [base, base + 1] if both_ways and not shrink else [base]
    bands = [_band(value, hedge, tolerance) for value in bases]
    if hedge == "less than":
        bands = [(1.0, high) for _, high in bands]
    if shrink:
        return tuple((0.0 if math.isinf(high) else 1 / high, 1 / low) for low, high in bands)
    return tuple(bands)
