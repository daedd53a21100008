"""The number reader: every figure of a sentence, in every format, as an interval.

One reader for every way a figure is printed (``intervals`` turns each into
the interval of values it allows, ``words`` reads numbers written out):

* money with its currency before or after the number, as a symbol, a code
  or a word: "$11bn", "US$5.5m", "A$2.1 billion", "£3.2m", "€4.5bn",
  "Rs 4,500 crore", "₹12 lakh", "GBP 3 million", "2.1 billion Australian
  dollars", "12 million euros";
* scales spelled out or abbreviated: thousand/k, million/mn/m, billion/bn,
  trillion/tn, crore, lakh;
* digits grouped by commas ("58,000"), the Indian way ("1,20,000") or by
  spaces ("3 200 000"), and numbers as words ("forty-two million",
  "three hundred and forty thousand", "half a million", "a billion dollars");
* percentages: "%", "percent", "per cent", "pc", percentage points ("pp",
  "ppt"), and shares in words: "three-quarters of", "half the", "a third
  of", "one in five", "nine out of ten";
* ranges, read as one figure spanning both ends: "3-4 million", "£3m-£4m",
  "between 40 and 50 per cent", "30 to 40%";
* a bare number before a scaled one takes its scale, currency or percent
  sign: "from 2 to 4 million", "£3-4m", "52 and 48 percent".

Digits inside URLs are not figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from citecheck.checks.currencies import SIGNS
from citecheck.checks.figures import (
    MONEY_FIGURE,
    PLAIN_FIGURE,
    SCALE_NAMES,
    RawFigure,
    Resolved,
    is_year,
    money_figure,
    plain_figure,
    resolve_figures,
)
from citecheck.checks.intervals import interval, qualifier_before
from citecheck.checks.multipliers import find_multipliers
from citecheck.checks.not_quantities import citation_number, day_or_hour, statistic
from citecheck.checks.periods import period_of, total_of
from citecheck.checks.share_words import find_share_words

__all__ = ["Kind", "Quantity", "amount", "find_quantities"]


class Kind(StrEnum):
    """What a number counts."""

    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    LENGTH = "length"
    YEAR = "year"
    MULTIPLIER = "multiplier"


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number as printed, with the interval of values it can mean.

    ``low``/``high`` are in base units (dollars, people, percent, miles);
    ``step`` is the printed precision in the same units. ``start``/``end``
    are offsets in the sentence text. ``period`` names the period of a rate
    ("year", "day", "minute", "10 minute": see ``periods``); ``noun`` is the
    word it counts ("employees", "mile") when one is attached. A multiplier's
    ``readings`` are the ratio intervals it allows (see ``multipliers``);
    ``total_of`` names the period a dated figure is the total of: "year" for
    "$534 billion in 2014", "month" for "1.2 billion minutes in March".
    ``spread`` marks a figure whose ``low``-``high`` is its whole reading, not
    a rounding of ``value``: a range ("3-4 million") or a share in words
    ("a third of"). ``points`` marks percentage points.
    """

    kind: Kind
    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    step: float
    qualifier: str | None = None
    scale_word: str | None = None
    currency: str | None = None
    period: str | None = None
    noun: str | None = None
    readings: tuple[tuple[float, float], ...] = ()
    total_of: str | None = None
    spread: bool = False
    points: bool = False

    @property
    def shown(self) -> str:
        """The figure as printed, with its hedge: “more than $11 million”."""
        return f"“{self.qualifier} {self.text}”" if self.qualifier else f"“{self.text}”"


_LENGTH_UNITS = {
    "mile": "mile",
    "miles": "mile",
    "km": "km",
    "kilometer": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometres": "km",
}
_NOUN_AFTER = re.compile(r"^(?:[\s-]+(?:[A-Z][\w.]*\s+)?)(?P<noun>[a-z][a-z-]+)")
_NOUN_BEFORE = re.compile(
    r"\b(?P<noun>employees|workers|work\s?force|staff|personnel|population|residents|"
    r"inhabitants|people|members|students|pupils|troops|officers|agents|headcount)\s+of\s+$",
    re.IGNORECASE,
)
_URL = re.compile(r"<?(?:https?://|www\.)[^\s<>]+>?", re.IGNORECASE)
# A reference's own numbers say which work and where in it, never how many: identifiers (a
# DOI, arXiv, ISBN, ISSN, PubMed id) and the volume, issue and pages of the styles that print
# them bare: APA "4(5), 193–220", Vancouver "2005;102(46):16569-72", IEEE "vol. 5, no. 2,
# pp. 1-10", Nature "455, 1002–1005 (2008)". Blanked as URLs are.
_PAGES = r"(?:pp?\.\s*)?[A-Za-z]{0,3}\d+[a-z]?(?:\s*[-–]\s*[A-Za-z]?\d+)?"
_BIBLIOGRAPHIC = re.compile(
    r"\b(?:doi:\s*)?10\.\d{4,9}/[^\s<>\"]+"
    r"|\barXiv:\s*(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
    r"|\b(?:ISBN(?:-1[03])?|ISSN|e-?ISSN)[:\s]\s*[\dX][\d\s-]{6,16}[\dX]\b"
    r"|\b(?:PMID|PMCID)[:\s]\s*(?:PMC)?\d+"
    rf"|\b(?:(?:1[5-9]|20)\d\d(?:\s[A-Z][a-z]{{2}}(?:\s\d{{1,2}})?)?;\s*)?\d{{1,4}}"
    rf"\(\d{{1,5}}(?:[-–/]\d{{1,5}})?\)\s*[,:]\s*{_PAGES}"
    rf"|\bvol\.\s*\d+(?:\s*,\s*no\.\s*\d+)?(?:\s*,\s*{_PAGES})?"
    r"|(?<![\d.])\bpp?\.\s*\d+(?:\s*[-–]\s*\d+)?"
    r"|\b\d{1,4},\s*\d+\s*[-–]\s*\d+\s*\((?:1[5-9]|20)\d\d\)"
)


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


# A year that another year's last digits follow: "2017-18", "1999/00".
# Searched only in the 6 characters before a figure: a match is 5 long and ends there or at
# a newline just before it (the lookbehind still sees the character before the window).
_YEAR_TAIL = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d[-–/]$")


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every money figure, count, percentage, length, year and multiplier in ``text``.

    URLs and a reference's own numbers are blanked out first (same length, so offsets hold):
    the digits in ``/2010/05/06/``, ``doi:10.2307/1321160`` or ``4(5), 193–220`` are not
    figures of the text.
    """
    printed = text
    blank = _URL.sub(lambda m: " " * len(m.group()), text) if _may_hold_url(text) else text
    if _may_hold_reference(blank):
        blank = _BIBLIOGRAPHIC.sub(lambda m: " " * len(m.group()), blank)
    text = _continental(blank)
    if text != printed:
        return tuple(_as_printed(q, printed) for q in _find(text))
    return _find(text)


def _may_hold_url(text: str) -> bool:
    """Whether ``_URL`` can match: a scheme or "www." (``lower`` folds ASCII as IGNORECASE does;
    other text, where "ſ" or the Kelvin sign may stand for a letter, is searched)."""
    if text.isascii():
        lowered = text.lower()
        return "http" in lowered or "www." in lowered
    return True


# Every form of ``_BIBLIOGRAPHIC`` holds one of these (case-sensitive, as the pattern is), or
# an opening parenthesis before a digit ("4(5)", "(2008)").
_REFERENCE_MARKS = ("10.", "arXiv:", "ISBN", "ISSN", "PMID", "PMC", "vol.", "p.")
_PAREN_DIGIT = re.compile(r"\(\d")


def _may_hold_reference(text: str) -> bool:
    return any(mark in text for mark in _REFERENCE_MARKS) or (
        "(" in text and _PAREN_DIGIT.search(text) is not None
    )


# German and French scales: "18,2 Mio. Tonnen", "2,8 Mrd. EUR", "1,2 Md €". Before one of
# them a comma with one or two digits after it is a decimal comma, never a thousands one.
_CONTINENTAL = re.compile(r"\b(\d+)(?:,(\d{1,2}))?(\s?)(Mio\b\.?|Mrd\b\.?|Md\b\.?)")
_ENGLISH_SCALE = {"mio": "mn", "mrd": "bn", "md": "bn"}


def _continental(text: str) -> str:
    """``text`` with continental scales and decimal commas in English notation, of the same
    length (offsets hold)."""

    def english(match: re.Match[str]) -> str:
        whole, decimals, space, scale = match.groups()
        number = f"{whole}.{decimals}" if decimals else whole
        word = _ENGLISH_SCALE[scale.rstrip(".").lower()]
        return f"{number}{space}{word}".ljust(len(match.group()))[: len(match.group())]

    if "M" in text:  # every continental scale is capitalised: "Mio.", "Mrd.", "Md"
        text = _CONTINENTAL.sub(english, text)
    if "," in text:
        text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    if not text.isascii() or "milliard" in text.lower():
        text = _MILLIARD.sub(lambda m: "billion".ljust(len(m.group())), text)
    return text


# "7,5 percent", "1,5 milliard won", "3,4 million euro": a comma with one or two digits after it,
# before a percent, a scale or a currency, is a decimal comma (a thousands comma has three).
_DECIMAL_COMMA = re.compile(
    r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?![\d,])"
    r"(?=\s?(?:%|(?i:per\s?cent|percent|million|milliards?|billion|mln|mld|bn|mn|euros?|EUR|"
    r"won|kroner|kronor|z\u0142oty)\b|€|[mk]\b))"
)
_MILLIARD = re.compile(r"\bmilliards?\b", re.IGNORECASE)  # the long scale's 10^9


def _as_printed(quantity: Quantity, printed: str) -> Quantity:
    """The figure with its text as printed ("2,8 Mrd. EUR", not the reading "2.8 bn EUR")."""
    end = quantity.end
    for match in _CONTINENTAL.finditer(printed, quantity.start, quantity.end + 4):
        if match.start() < quantity.end < match.end():
            end = match.end()  # "2,8 Mr" -> "2,8 Mrd."
    shown = printed[quantity.start : end]
    if shown == quantity.text or not shown.strip():
        return quantity
    return replace(quantity, text=shown, end=end)


def _find(text: str) -> tuple[Quantity, ...]:
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    raws: list[RawFigure] = []
    for match in MONEY_FIGURE.finditer(text):
        raw = money_figure(match)
        raws.append(raw)
        taken.append((raw.start, raw.end))
    found: list[Quantity] = []
    for multiplier in find_multipliers(text):
        if free(multiplier.start, multiplier.end):
            found.append(
                Quantity(
                    kind=Kind.MULTIPLIER,
                    text=multiplier.text,
                    start=multiplier.start,
                    end=multiplier.end,
                    value=multiplier.factor,
                    low=min(low for low, _ in multiplier.readings),
                    high=max(high for _, high in multiplier.readings),
                    step=0.0,
                    readings=multiplier.readings,
                )
            )
            taken.append((multiplier.start, multiplier.end))
    for share in find_share_words(text):
        if free(share.start, share.end):
            qualifier = qualifier_before(text, share.start)
            low, high = share.low, share.high
            if qualifier is not None:  # "nearly half", "more than a third"
                hedged = interval(share.value, share.high - share.low, qualifier)
                low, high = min(low, hedged[0]), max(high, hedged[1])
            found.append(
                Quantity(
                    Kind.PERCENT,
                    share.text,
                    share.start,
                    share.end,
                    share.value,
                    low,
                    high,
                    0.0,
                    qualifier=qualifier,
                    spread=True,
                )
            )
            taken.append((share.start, share.end))
    for match in PLAIN_FIGURE.finditer(text):
        if free(match.start(), match.end()) and match.group("num").strip():
            raw = plain_figure(match)
            if (
                raw.bare
                and len(raw.number) <= 2
                and _YEAR_TAIL.search(text, max(0, raw.start - 6), raw.start)
            ):
                continue  # the "18" of "2017-18" is part of a year, not a figure
            raws.append(raw)
    raws.sort(key=lambda r: r.start)
    for item in resolve_figures(text, raws):
        quantity = _quantity(text, item)
        if quantity is not None and not _is_age(text, quantity):
            found.append(quantity)
    return tuple(sorted(found, key=lambda q: q.start))


# Ages name who a part is, not how many: "610 were over 65", "aged 18 to 64", "65 and over",
# "18-24-year-olds", "in their 30s".
_AGE_BEFORE = re.compile(
    r"(?:\b(?:aged|ages|age|between\s+the\s+ages\s+of|in\s+their)\s+(?:between\s+)?|"
    r"\b(?:were|was|are|is|being|those|people|patients|adults|children|pupils)\s+"
    r"(?:over|under|above|below|older\s+than|younger\s+than)\s+)$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(
    r"^(?:-?\s?years?[- ]olds?|\s+years?\s+(?:old|of\s+age)|\+|\s+(?:and|or)\s+(?:over|older|"
    r"above)\b)",
    re.IGNORECASE,
)


def _is_age(text: str, quantity: Quantity) -> bool:
    # The printed number, not its value: a carried scale makes "under 18, 4 thousand" 18,000.
    printed = re.match(r"\d+", quantity.text)
    # a count, or a bare number that took a percent sign from its neighbour ("aged 18 to 64,
    # 27 percent")
    bare = quantity.kind is Kind.COUNT or (
        quantity.kind is Kind.PERCENT and not re.search(r"%|cent|pc\b", quantity.text)
    )
    if not bare or printed is None or int(printed.group()) > 130:
        return False
    return bool(
        _AGE_BEFORE.search(text[max(0, quantity.start - 40) : quantity.start])
        or _AGE_AFTER.match(text[quantity.end : quantity.end + 20])
    )


def _quantity(text: str, item: Resolved) -> Quantity | None:
    if isinstance(item, tuple):
        first, last = item
        low_q = _quantity(text, replace(first, end=first.end))
        high_q = _quantity(text, last)
        if low_q is None or high_q is None or low_q.kind is not high_q.kind:
            return high_q
        start, end = first.start, high_q.end
        qualifier = qualifier_before(text, start)
        low, high = min(low_q.low, high_q.low), high_q.high
        if high_q.kind is Kind.PERCENT:  # shares are read at their last digit (``percentages``)
            low, high = (
                low_q.value - _half_digit(first.number),
                high_q.value + _half_digit(last.number),
            )
        return replace(
            high_q,
            text=text[start:end].rstrip(),
            start=start,
            value=(low_q.value + high_q.value) / 2,
            low=low,
            high=high,
            qualifier=qualifier,
            currency=high_q.currency or low_q.currency,
            period=period_of(text, start, end) if high_q.kind in _RATED else None,
            total_of=total_of(text, start, end) if high_q.kind in _RATED else None,
            spread=True,
        )
    raw = item
    start, end = raw.start, raw.end
    is_word = raw.number[0].isalpha()
    qualifier = qualifier_before(text, start)
    noun = _noun_of(text, start, end)
    if not raw.money and re.search(r"\bevery\s+$", text[max(0, start - 7) : start], re.I):
        return None  # "every 10 minutes" is a period (see ``periods``), not a count
    if raw.bare and re.search(r"\b(?:19|20)\d\d[-–/]$", text[max(0, start - 5) : start]):
        return None  # "2014-15", "2023/24": one financial year
    if raw.bare and not is_word and _LABEL_BEFORE.search(text[max(0, start - 40) : start]):
        return None  # "Scope 1 and 2", "Item 7", "Phase 3": a name, not a quantity
    if not is_word and statistic(text, start, end):
        return None  # "p<0.01", "95% CI 1.2 to 3.4", "HR 0.78": a test's figures, no change
    if raw.bare and not is_word and raw.value <= 31 and day_or_hour(text, start, end):
        return None  # "on 19 April", "3 to 14 March", "April 19", "10.30 am": when, not how many
    if raw.bare and not is_word and citation_number(text, start, end):
        return (
            None  # "supra note 1, at 101", "Id. at 45", "§ 1357", "8 U.S.C.": where, not how many
        )
    if (
        is_word
        and raw.bare
        and noun not in _LENGTH_UNITS
        and not (raw.value >= 100 and raw.value == int(raw.value))
        # "one every second", "two a minute": a rate in words; "three tonnes an hour" too
        and period_of(text, start, end, bridge_words=False) is None
        and not _rate_after_noun(text, end)
    ):
        # "one in ten", "the two countries": small words count only with a
        # scale, a percent sign, a currency or a unit we know.
        return None
    if raw.money or raw.currency:
        kind = Kind.MONEY
    elif raw.pct:
        kind = Kind.PERCENT
    elif noun in _LENGTH_UNITS:
        kind = Kind.LENGTH
    elif is_year(raw):
        tail = text[start + len(raw.number) : start + len(raw.number) + 2]
        if tail in {"'s", "’s"} or tail[:1] == "s":
            return None  # a decade ("the 1970's"), not a figure
        end = start + len(raw.number)
        return Quantity(Kind.YEAR, raw.number, start, end, raw.value, raw.value, raw.value, 1.0)
    else:
        kind = Kind.COUNT
    value, step = raw.value * raw.scale, raw.step * raw.scale
    low, high = interval(value, step, qualifier)
    return Quantity(
        kind=kind,
        text=text[start:end].rstrip(),
        start=start,
        end=end,
        value=value,
        low=max(low, 0.0),
        high=high,
        step=step,
        qualifier=qualifier,
        scale_word=SCALE_NAMES.get(raw.scale_word or "", raw.scale_word),
        currency=(raw.currency or "USD") if kind is Kind.MONEY else None,
        period=period_of(text, start, end) if kind in _RATED else None,
        total_of=total_of(text, start, end) if kind in _RATED else None,
        noun=_LENGTH_UNITS.get(noun or "", noun) if kind is not Kind.PERCENT else None,
        points=raw.points,
    )


_RATED = frozenset({Kind.MONEY, Kind.COUNT})

# Nouns a number names one of ("Scope 2", "Items 4 and 5", "Tier 1", "Article 12"): the
# number is a label. Capitalised as names are, or a Scope/Item/Phase/Tier in any case.
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:[Ss]copes?|[Ii]tems?|[Pp]hases?|[Tt]iers?|Stages?|Levels?|Grades?|Sections?|"
    r"Chapters?|Articles?|Clauses?|Tables?|Figures?|Fig\.|Annex(?:es)?|Appendix|Schedules?|"
    r"Parts?|Rules?|Questions?|Steps?|Rounds?|Wards?|Zones?|Routes?|Platforms?|Gates?|Rooms?|"
    r"Lines?|Blocks?|Units?|Divisions?|Categor(?:y|ies)|Class(?:es)?|Group|Team|Agenda\s+item)"
    r"\s+(?:\d+[a-z]?\s*(?:,|and|or|&|to|[-–])\s*)*$)"
)


def _half_digit(number: str) -> float:
    return 0.5 * 10.0 ** -len(number.partition(".")[2])


def _rate_after_noun(text: str, end: int) -> bool:
    """ "three tonnes an hour", "five goals a match": a small word, one noun, then a period."""
    noun = _ONE_NOUN.match(text, end)
    return (
        noun is not None and period_of(text, noun.end(), noun.end(), bridge_words=False) is not None
    )


_ONE_NOUN = re.compile(r"\s+[a-z]+(?=\s+(?:a|an|per|each|every)\s)")


_PLURAL = re.compile(r"(?:thousand|million|billion|trillion)s$", re.IGNORECASE)


def _noun_of(text: str, start: int, end: int) -> str | None:
    after = _NOUN_AFTER.match(text[end : end + 40])
    if after is not None and after.group("noun").lower() == "of" and _PLURAL.search(text, 0, end):
        # "three millions of inhabitants": the old plural scale's noun follows its "of"
        end += after.end()
        after = _NOUN_AFTER.match(text[end : end + 40]) or after
    if after is not None:
        return after.group("noun").lower()
    before = _NOUN_BEFORE.search(text[max(0, start - 30) : start])
    if before is not None:
        return re.sub(r"\s+", "", before.group("noun").lower())
    return None


def amount(
    value: float, *, kind: Kind = Kind.MONEY, currency: str | None = "USD", digits: int = 3
) -> str:
    """A figure as an editor would print it: "$1.37 billion", "190", "6.3".

    Computed figures keep ``digits`` significant digits; pass more to show a
    known value as it was given.
    """
    if math.isinf(value):
        return "no upper bound"
    sign = ""
    if kind is Kind.MONEY:
        sign = SIGNS.get(currency or "", f"{currency} " if currency else "")
    magnitude = abs(value)
    for word, size in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if magnitude >= size:
            return f"{sign}{_short(value / size, digits)} {word}"
    if kind is Kind.PERCENT:
        return f"{_short(value, digits)} percent"
    if magnitude >= 1000:
        places = math.floor(math.log10(magnitude)) - (digits - 1)
        return f"{sign}{round(value, -places):,.0f}"
    return f"{sign}{_short(value, digits)}"


def _short(value: float, digits: int) -> str:
    """``digits`` significant figures, without trailing zeros."""
    if value == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
