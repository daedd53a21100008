"""Figures as matched, before they become quantities: the formats of one number reader.

Each match of ``MONEY_FIGURE`` (a currency before the number) or
``PLAIN_FIGURE`` (counts, percentages, and money with its currency after)
becomes a ``RawFigure``; ``resolve_figures`` then carries a scale, currency
or percent sign back to a bare number before a scaled one ("from 2 to 4
million", "£3-4m", "52 and 48 percent") and joins the two ends of a range
("3-4 million", "between 40 and 50 per cent").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from citecheck.checks.changes import DOWN_NOUNS, DOWN_VERBS, UP_NOUNS, UP_VERBS
from citecheck.checks.currencies import (
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    SIGN_CHARS,
    currency_code,
    currency_word,
)
from citecheck.checks.intervals import digits_value
from citecheck.checks.words import CARDINAL

__all__ = [
    "MONEY_FIGURE",
    "PLAIN_FIGURE",
    "SCALE_FACTORS",
    "SCALE_NAMES",
    "RawFigure",
    "Resolved",
    "is_year",
    "money_figure",
    "plain_figure",
    "resolve_figures",
]

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mil": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    # Indian compounds: "Rs 1.9 lakh crore" is 1.9 trillion rupees.
    "lakh crore": 1e12,
    "thousand crore": 1e10,
    # The old British "thousand million" (a milliard): "a hundred and fifty thousand millions".
    "thousand million": 1e9,
}
SCALE_FACTORS = _SCALES
SCALE_NAMES = {
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "mil": "million",
    "b": "billion",
    "bn": "billion",
    "t": "trillion",
    "tn": "trillion",
    "lakhs": "lakh",
    "lac": "lakh",
    "lacs": "lakh",
    "crores": "crore",
    "cr": "crore",
}
_COMPOUND = r"(?:lakh|thousand)\s+crores?\b|thousand\s+millions?\b|"
# Old-fashioned plurals before "of": "three millions of inhabitants", "150 millions of gallons".
_PLURAL_SCALE = r"(?:thousand|million|billion|trillion)s(?=\s+of\b)|"
_DIGITS = (
    # A power as the readers write a superscript: "10^6" is a million (not 10, then 6).
    r"\d{1,3}(?:\.\d+)?\^[-−]?\d{1,2}(?!\d)|"
    r"\d{1,2}(?:,\d\d)+,\d{3}(?!\d)(?:\.\d+)?"  # Indian grouping: 1,20,000
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d|,\d)(?:\.\d+)?"  # 3 200 000
    r"|\d+[½¼¾⅓⅔]|[½¼¾⅓⅔]"  # "2½ times", "£1½ million"
    r"|\d+(?:\.\d+)?|\.\d+"
)
_MONEY_SCALE = (
    _COMPOUND
    + _PLURAL_SCALE
    + r"thousand|million|billion|trillion|crores?|lakhs?|lacs?|bn|mn|tn|mil|cr(?![\w$])|"
    r"[kmbt](?![\w$])"
)
_PCT = (
    r"(?P<pct>%|(?i:per[\s-]?cent\b|percent\b|pc\b|p\.c\.|"
    r"(?P<points>percentage[\s-]points?\b|pp\b|ppts?\b)))"
)

MONEY_FIGURE = re.compile(
    rf"{CURRENCY_BEFORE}\s?(?P<num>{_DIGITS})"
    rf"(?:[\s-]*(?P<scale>(?i:{_MONEY_SCALE})))?(?:\s+(?:U\.S\.\s+)?{CURRENCY_AFTER})?"
)
PLAIN_FIGURE = re.compile(
    # Not clock times or scores: "2:04:37", "3:1"; not an exponent ("km^2").
    rf"(?<![\w{SIGN_CHARS}.,^])(?<!\d:)(?P<num>{_DIGITS}|(?i:{CARDINAL}))(?![\w]*\$)(?!:\d)"
    rf"(?:[\s-]*(?P<scale>(?i:{_COMPOUND}{_PLURAL_SCALE}thousand|million|billion|trillion|crores?|lakhs?|bn|mn)\b)"
    r"|(?P<glued>[mk])\b(?!\s*(?:high|long|wide|deep|tall|thick|run|race|walk|above|below|"
    r"away|north|south|east|west|from|of\s+(?:road|track|rail|pipe|cable|line|coast)))"
    # "212p": pence, also at a sentence's end ("to 320p."), not a time ("2p.m.")
    r"|(?P<pence>p)\b(?!\.\s?m\b)"
    r")?"
    r"(?:(?![\w])|(?=(?:pc|pp|ppts?)\b))"
    rf"(?:\s*{_PCT})?"
    rf"(?:\s+{CURRENCY_AFTER})?",
)


@dataclass(frozen=True, slots=True)
class RawFigure:
    """A figure as matched, before ranges and carried scales are resolved."""

    start: int
    end: int
    number: str
    value: float
    step: float
    scale_word: str | None
    currency: str | None
    pct: bool
    points: bool
    money: bool

    @property
    def bare(self) -> bool:
        return self.scale_word is None and self.currency is None and not self.pct

    @property
    def scale(self) -> float:
        return _SCALES[self.scale_word] if self.scale_word else 1.0


def _scale_key(word: str) -> str:
    """ "Lakh  crores" -> "lakh crore": the key of ``_SCALES``."""
    key = re.sub(r"\s+", " ", word.lower())
    if " " in key or key in {"thousands", "millions", "billions", "trillions"}:
        return key.removesuffix("s")
    return key


def money_figure(match: re.Match[str]) -> RawFigure:
    value, step = digits_value(match.group("num"))
    scale_word = match.group("scale")
    # "$1 m" vs a stray letter: single-letter scales only when glued to the number.
    glued = match.group()[match.end("num") - match.start() :].startswith(scale_word or "")
    if scale_word and scale_word.lower() in {"k", "m", "b", "t", "cr"} and not glued:
        scale_word = None
    end = match.end() if scale_word or match.group("after") else match.end("num")
    return RawFigure(
        start=match.start(),
        end=end,
        number=match.group("num"),
        value=value,
        step=step,
        scale_word=_scale_key(scale_word) if scale_word else None,
        currency=currency_code(match.group("cur")),
        pct=False,
        points=False,
        money=True,
    )


def plain_figure(match: re.Match[str]) -> RawFigure:
    raw = match.group("num")
    value, step = digits_value(raw)
    scale_word = match.group("scale") or match.group("glued")
    after = match.group("after")
    if match.group("pence"):
        value, step = value / 100, step / 100
        after = "pounds"
    end = match.end()
    pct = match.group("pct")
    if pct and after:  # "40 per cent euros" is no currency; drop the word
        end = match.start("after")
        after = None
    elif after and after.lower() == "won" and not scale_word and value < 1000:
        end = match.start("after")  # "3 won, 2 lost": a verb after a small bare number
        after = None
    return RawFigure(
        start=match.start(),
        end=end,
        number=raw,
        value=value,
        step=step,
        scale_word=_scale_key(scale_word) if scale_word else None,
        currency=currency_word(after) if after else None,
        pct=bool(pct),
        points=bool(match.group("points")),
        money=bool(after),
    )


# Between two figures of one range: "3-4 million", "30 to 40%", "between 3 and 4".
_RANGE_GAP = re.compile(r"\s*[-–—]\s*|\s+to\s+", re.IGNORECASE)
# Between a bare number and the scaled one it takes its scale from.
_CARRY_GAP = re.compile(
    rf"\s*(?:,\s*|,?\s+(?:and|or|to|versus|vs\.?)\s+|[-–—]\s*)(?:[{SIGN_CHARS}]|Rs\.?\s?)?\s*",
    re.IGNORECASE,
)
_CHANGED_BEFORE = re.compile(
    rf"\b(?:{UP_VERBS}|{DOWN_VERBS}|{UP_NOUNS}|{DOWN_NOUNS})\s+(?:by\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(rf"\bbetween\s+(?:[{SIGN_CHARS}]|Rs\.?\s?)?$", re.IGNORECASE)


def is_year(raw: RawFigure) -> bool:
    return raw.bare and bool(re.fullmatch(r"1[6-9]\d\d|20\d\d", raw.number))


# A figure, or the two ends of a range.
Resolved = RawFigure | tuple[RawFigure, RawFigure]


def resolve_figures(text: str, raws: list[RawFigure]) -> list[Resolved]:
    """Carry scales, currencies and percent signs back to bare numbers; join ranges."""
    carried = list(raws)
    for index in range(len(carried) - 2, -1, -1):
        first, second = carried[index], carried[index + 1]
        gap = text[first.end : second.start]
        # "a staff of 50, or US$800m each": ", or" restates, it joins no pair of figures
        if (
            _takes_from(first, second)
            and not is_year(first)
            and _CARRY_GAP.fullmatch(gap)
            and not re.match(r"\s*,\s*or\s", gap, re.IGNORECASE)
        ):
            carried[index] = _carry(first, second)
    resolved: list[Resolved] = []
    skip = False
    for index, first in enumerate(carried):
        if skip:
            skip = False
            continue
        following = carried[index + 1] if index + 1 < len(carried) else None
        if following is not None and _is_range(text, first, following):
            # "£3-4m": the currency printed once is both ends'.
            last = replace(
                following,
                currency=following.currency or first.currency,
                money=first.money or following.money,
            )
            resolved.append((first, last))
            skip = True
        else:
            resolved.append(first)
    return resolved


def _takes_from(first: RawFigure, second: RawFigure) -> bool:
    """Whether ``first`` lacks a scale or percent sign that ``second`` has ("£3-4m")."""
    if first.pct or (first.currency and second.currency and first.currency != second.currency):
        return False
    return (first.scale_word is None and second.scale_word is not None) or (
        first.bare and (second.pct or second.currency is not None)
    )


def _carry(first: RawFigure, second: RawFigure) -> RawFigure:
    """``first`` with the scale, currency and percent sign it lacks taken from ``second``."""
    carried = replace(
        first,
        scale_word=first.scale_word or second.scale_word,
        currency=first.currency or second.currency,
        pct=second.pct,
        points=second.points,
        money=first.money or second.money,
    )
    if carried.pct and first.value > 100:
        return first
    # "from 400 to 1.2 million" is not 400 million: only figures of one magnitude.
    ratio = (carried.value * carried.scale) / max(second.value * second.scale, 1e-12)
    return carried if 0.01 <= ratio <= 100 else first


def _is_range(text: str, first: RawFigure, second: RawFigure) -> bool:
    gap = text[first.end : second.start]
    before = text[max(0, first.start - 40) : first.start]
    between = _BETWEEN_BEFORE.search(before) and re.fullmatch(r"\s+and\s+", gap)
    dash_or_to = _RANGE_GAP.fullmatch(
        re.sub(rf"^\s*(?=[{SIGN_CHARS}])", "", gap)
    ) or _RANGE_GAP.fullmatch(gap.rstrip(SIGN_CHARS))
    if not (between or (dash_or_to and not _FROM_BEFORE.search(before))):
        return False
    if not between and "to" in gap and _CHANGED_BEFORE.search(before):
        return False  # "fell 9% to 24%, from 33%": a change and the level it reached
    if is_year(first) or is_year(second) or first.pct != second.pct:
        return False
    if first.currency != second.currency and None not in {first.currency, second.currency}:
        return False
    low, high = first.value * first.scale, second.value * second.scale
    return 0 < low < high <= 100 * low
