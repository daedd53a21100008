"""The periods of a rate: one lexicon of units, their lengths, and every way of writing "per".

A rate is a figure with a period: "$1.3 billion a day", "15,000 trucks
daily", "$1 million every minute", "$4 million every two weeks". Each unit
has a length in days as an interval, so honest conventions never fire:

* a year is 364-366 days (52 weeks up to a leap year);
* a month is 28-31 days, or exactly a twelfth of a year; a quarter is 89-92
  days, or a fourth of a year; a decade is ten years (calendar periods are
  compared with each other exactly, with days only through their length);
* a fortnight is 14 days, a week 7, a day 1, and hours, minutes and seconds
  their fraction of a day;
* a working (business, trading) day is one of 250-262 in a year, five in a
  week ("every working day", "per business day", "each weekday").

"Per period" is written "a", "an", "per", "each", "every", "/" before the
unit ("a year", "per annum", "each day", "every minute", "/day", "/yr"),
"every N units" ("every ten minutes", "every 2 weeks"), an adverb after the
figure ("daily", "annually", "yearly", "quarterly", "fortnightly",
"per diem"), or an adjective before a money or flow noun ("an annual
budget of", "daily crossings of"). "A year ago", "a day later", "a week
earlier", "a month-long" and "a second time" date or count the figure; they
do not make it a rate.

A period is named by a short string (``Quantity.period``): the unit ("day",
"year") or "N unit" for multiples ("10 minute").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.checks.words import SMALL_CARDINAL, cardinal_value

__all__ = ["Period", "convert", "parse_period", "per_phrase", "period_of", "total_of"]

_DAY = 1.0


@dataclass(frozen=True, slots=True)
class Period:
    """A unit of time: its length in days (an interval) and, for calendar units, in years."""

    name: str
    days: tuple[float, float]
    years: float | None = None
    article: str = "a"


_UNITS: dict[str, Period] = {
    # A working (business, trading) day: 250-262 of them in a year, five in a week.
    "workday": Period("working day", (365.0 / 262, 365.0 / 250)),
} | {
    period.name: period
    for period in (
        Period("second", (_DAY / 86400, _DAY / 86400)),
        Period("minute", (_DAY / 1440, _DAY / 1440)),
        Period("hour", (_DAY / 24, _DAY / 24), article="an"),
        Period("day", (_DAY, _DAY)),
        Period("week", (7.0, 7.0)),
        Period("fortnight", (14.0, 14.0)),
        Period("month", (28.0, 31.0), years=1 / 12),
        Period("quarter", (89.0, 92.0), years=1 / 4),
        Period("year", (364.0, 366.0), years=1.0),
        Period("decade", (3652.0, 3653.0), years=10.0),
    )
}

# Every spelling of a unit after "a", "per", "every", "/": canonical unit.
_UNIT_WORDS: dict[str, str] = {
    "second": "second",
    "sec": "second",
    "minute": "minute",
    "min": "minute",
    "hour": "hour",
    "hr": "hour",
    "day": "day",
    "diem": "day",
    "night": "day",
    "week": "week",
    "wk": "week",
    "fortnight": "fortnight",
    "month": "month",
    "mo": "month",
    "mth": "month",
    "quarter": "quarter",
    "year": "year",
    "yr": "year",
    "annum": "year",
    "decade": "decade",
    "working day": "workday",
    "work day": "workday",
    "workday": "workday",
    "business day": "workday",
    "trading day": "workday",
    "weekday": "workday",
}
# Adverbs after the figure and adjectives before a noun.
_ADVERBS: dict[str, str] = {
    "hourly": "hour",
    "daily": "day",
    "nightly": "day",
    "weekly": "week",
    "fortnightly": "fortnight",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "year",
    "annually": "year",
}
_ADJECTIVES: dict[str, str] = {**_ADVERBS, "annual": "year"}

_UNIT = "|".join(word.replace(" ", r"\s+") for word in sorted(_UNIT_WORDS, key=len, reverse=True))


def _unit_key(word: str) -> str:
    """ "Working  day" -> "workday": the canonical unit of a spelling."""
    return _UNIT_WORDS[re.sub(r"\s+", " ", word.lower())]


_COUNT = rf"\d+(?:\.\d+)?|{SMALL_CARDINAL}"
# Words after the unit that make it a date or an ordinal, not a rate.
_NOT_A_RATE = (
    # "a month before bonuses" is still a rate; "a month before the vote" dates a figure.
    r"(?![\s-]+(?:ago|earlier|later|"
    r"before(?!\s+(?:tax|bonus|bonuses|deductions|costs|expenses|overtime|fees|interest)\b)|"
    r"after|old|running|straight|time|round|term|tranche|instal?lment|payment|grant|half|"
    # "a quarter of" is a share; "every day of the year", "every hour of every day" are rates
    r"of(?!\s+(?:the\s+(?:year|week|month)|every|each)\b))\b)"
    r"(?!-(?:long|old)\b)"
)
# "a single day", "per calendar month", "each financial year" (not "a working day").
_UNIT_ADJECTIVE = r"(?:(?:single|calendar|financial|fiscal|full)\s+)?"
_PER = re.compile(
    rf"(?:(?P<article>\ban?\b|\bper\b|\beach\b|\bevery\b|/)\s*{_UNIT_ADJECTIVE}(?P<unit>{_UNIT})s?\b"
    # "every two weeks", "every 24 hours", "per 12 months", "each twelve-month period"
    rf"|\b(?:every|per|each)\s+(?P<count>{_COUNT})[\s-]+(?P<units>{_UNIT})s?\b(?:\s+period\b)?"
    rf"|\b(?P<adverb>{'|'.join(_ADVERBS)})\b|\bp\.a\.|(?-i:\bpa\b)"
    # "an $18.2 million annual package", "a £40m yearly bill": the adjective after the figure
    rf"|^\s+(?P<adjective_after>{'|'.join(_ADJECTIVES)})\s+(?=[a-z])"
    # "$500 billion in annual trade", "$2 million in daily fees"
    rf"|\bin\s+(?P<adjective>{'|'.join(_ADJECTIVES)})\b)" + _NOT_A_RATE,
    re.IGNORECASE,
)
# Between a figure and its period: "in cross-border trade", "worth of goods",
# "trucks", "people cross the border" (plain words, no figure, no new clause).
_BRIDGE_WORD = re.compile(
    r"\s*(?!(?:and|but|or|nor|while|which|who|that|when|whereas|than|to|from|since|until|"
    r"because|if|ago|later|earlier|after|before|within|nearly|almost|about|roughly|some|"
    # "£5 million twice a year" is not £5 million a year
    r"twice|thrice|times|once)\b)"
    r"[A-Za-z][\w'’-]*"
)
_BRIDGE_WORDS = 5
_AT_PER = re.compile(r"\s*(?:" + _PER.pattern + ")", re.IGNORECASE)
# A period that opens the figure's clause: "Every day, some 350,000 people
# cross", "Each year the agency spends $4 billion", "Annually, $146 billion".
_LEADING = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|but)\s+)\W*(?:(?:in\s+|on\s+)?(?:a|an|every|each|per|any)\s+"
    # "On an average day, ...", "In a typical week, ..."
    r"(?:(?:average|typical|normal|ordinary|given|single|calendar|financial)\s+)?"
    rf"(?P<unit>{_UNIT})|(?P<adverb>{'|'.join(_ADVERBS)}))\s*,?\s+"
    r"(?:(?!(?:to|from|since|until|after|before|than|ago|later|earlier)\b)[A-Za-z][\w'’-]*\s+){0,6}"
    r"(?:(?:about|nearly|almost|more than|over|some|roughly|approximately|around|"
    r"an estimated)\s+)?$",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    r"\b(?P<adj>" + "|".join(_ADJECTIVES) + r")\s+(?:[\w-]+\s+){0,2}?"
    r"(?:budget|revenues?|trade|spending|sales|income|exports|imports|costs?|output|salary|"
    r"payroll|GDP|turnover|investment|remittances|flows?|appropriations?|expenditures?|"
    r"outlays?|rent|fees?|crossings|arrivals|visitors|passengers|trips|flights|shipments|"
    r"apprehensions|deaths|visits|traffic|volume|throughput|production|earnings|profits?|"
    r"losses|subsidy|subsidies|payments?|transfers|bill|deficit|surplus)\s+"
    r"(?:of|at|is|was|were|are|reached|reach|totall?ing|totall?ed|totals?|came to|amounted to|"
    r"stood at|exceeds?|exceeded|averag(?:es|ed|ing))?\s*"
    r"(?:(?:about|nearly|almost|more than|over|some|roughly|approximately|around|"
    r"an estimated)\s+)?$",
    re.IGNORECASE,
)

# Every match of ``_BEFORE`` holds an adjective and every match of ``_LEADING`` a
# unit or an adverb, each at the start of a word: a window without any matches neither.
_PERIOD_WORD = re.compile(
    rf"\b(?:{'|'.join(sorted(_ADJECTIVES, key=len, reverse=True))}|{_UNIT})", re.IGNORECASE
)
# ... and every match of ``_PER`` one of them, "p.a." or "pa".
_PER_WORD = re.compile(_PERIOD_WORD.pattern + r"|p\.a\.|(?-i:\bpa\b)", re.IGNORECASE)


def parse_period(name: str) -> tuple[float, Period]:
    """ "day" -> (1, day); "10 minute" -> (10, minute)."""
    count, _, unit = name.rpartition(" ")
    return (float(count) if count else 1.0), _UNITS[unit]


def _name(count: float, unit: str) -> str:
    return unit if count == 1 else f"{count:g} {unit}"


def per_phrase(name: str) -> str:
    """How a message says the period: "a year", "an hour", "every 10 minutes"."""
    count, unit = parse_period(name)
    if count == 1:
        return f"{unit.article} {unit.name}"
    return f"every {count:g} {unit.name}s"


def period_of(text: str, start: int, end: int, *, bridge_words: bool = True) -> str | None:
    """The period of the figure at ``text[start:end]``, if it is a rate.

    The period follows the figure, perhaps after a few plain words ("$1.3
    billion in cross-border trade daily", "15,000 trucks a day"), or is an
    adjective before it ("an annual budget of $11 billion").
    """
    after = text[end : end + 90]
    position = 0
    tries = (_BRIDGE_WORDS + 1 if bridge_words else 1) if _PER_WORD.search(after) else 0
    # "beats 100,000 times a day": the figure counts the times (not "£5 million twice a year")
    times = re.match(r"\s+times\b", after)
    if times is not None and re.search(r"\d", text[start:end]) and "$" not in text[start:end]:
        position = times.end()
    for _ in range(tries):
        match = _AT_PER.match(after, position)
        if match is not None:
            return _from_match(match)
        word = _BRIDGE_WORD.match(after, position)
        if word is None:
            break
        position = word.end()
    window = text[max(0, start - 80) : start]
    # ``_BEFORE`` and ``_LEADING`` end in ``$``, so ``search`` tries them at every
    # position of the window; most windows hold none of the words either needs.
    if not _PERIOD_WORD.search(window):
        return None
    before = _BEFORE.search(window[-70:])
    if before is not None:
        return _ADJECTIVES[before.group("adj").lower()]
    leading = _LEADING.search(window)
    if leading is not None and leading.group("unit"):
        return _unit_key(leading.group("unit"))
    if leading is not None:
        return _ADVERBS[leading.group("adverb").lower()]
    return None


def _from_match(match: re.Match[str]) -> str:
    if match.group("adjective_after"):
        return _ADJECTIVES[match.group("adjective_after").lower()]
    if match.group("adjective"):
        return _ADJECTIVES[match.group("adjective").lower()]
    if match.group("adverb"):
        return _ADVERBS[match.group("adverb").lower()]
    if match.group("units"):
        raw = match.group("count").lower()
        count = float(raw) if raw[0].isdigit() else cardinal_value(raw)
        return _name(count, _unit_key(match.group("units")))
    if match.group("unit"):
        return _unit_key(match.group("unit"))
    return "year"  # p.a.


def convert(low: float, high: float, period: str, target: str) -> tuple[float, float]:
    """The interval ``low``-``high`` per ``period`` restated per ``target``."""
    count, unit = parse_period(period)
    target_count, target_unit = parse_period(target)
    if unit.years is not None and target_unit.years is not None:
        factor = (target_count * target_unit.years) / (count * unit.years)
        return low * factor, high * factor
    source_days = (count * unit.days[0], count * unit.days[1])
    target_days = (target_count * target_unit.days[0], target_count * target_unit.days[1])
    return low * target_days[0] / source_days[1], high * target_days[1] / source_days[0]


# Hours worked in a day, week, ... : pay and output "an hour" are often per working hour.
_WORKING_HOURS = {
    "day": (7.0, 10.0),
    "working day": (7.0, 10.0),
    "week": (30.0, 48.0),
    "fortnight": (60.0, 96.0),
    "month": (130.0, 210.0),
    "quarter": (375.0, 575.0),
    "year": (1500.0, 2300.0),
}


def working_convert(
    low: float, high: float, period: str, target: str
) -> tuple[float, float] | None:
    """``low``-``high`` per ``period`` restated per ``target`` in working hours, when one is hours.

    "£12.21 an hour" is £18,300-28,100 a year of 1,500-2,300 working hours; None
    when neither period is hours or the other has no working length.
    """
    count, unit = parse_period(period)
    target_count, target_unit = parse_period(target)
    if 1.0 not in {count, target_count}:
        return None  # "every 24 hours" is the clock's; only "an hour" is a working hour
    if unit.name == "hour" and count == 1 and target_unit.name in _WORKING_HOURS:
        hours = _WORKING_HOURS[target_unit.name]
        return low * target_count * hours[0] / count, high * target_count * hours[1] / count
    if target_unit.name == "hour" and target_count == 1 and unit.name in _WORKING_HOURS:
        hours = _WORKING_HOURS[unit.name]
        return low * target_count / (count * hours[1]), high * target_count / (count * hours[0])
    return None


def length_days(period: str) -> float:
    """The period's shortest length in days, to order periods."""
    count, unit = parse_period(period)
    return count * unit.days[0]


# One year, however written: "over twelve months", "in the 12 months to March",
# "in the year to June", "in 2023-24", "in FY24", "during the 2023/24 financial year".
_ONE_YEAR = (
    r"(?:over|in|during|across|within|for)\s+(?:the\s+|a\s+)?(?:past\s+|last\s+|previous\s+|"
    r"preceding\s+|same\s+|full\s+)?(?:twelve|12)[\s-]months?(?:\s+period)?\b"
    r"|(?:in|during|for|over)\s+the\s+(?:financial\s+|fiscal\s+)?year\s+(?:to|ending|ended)\b"
    r"|(?:in|during|for)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?"
    r"(?:19|20)\d\d[-–/]\d\d\b(?:\s+(?:financial|fiscal)\s+year\b)?"
    r"|(?:in|during|for)\s+FY\s?\d\d\b"
)
# "$534 billion in 2014", "in fiscal 2015", "in FY2012", "last year"; "In 2014, ...".
_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Up to eight plain words between a figure and its date: "2,900 megalitres of
# treated water to leaks during the year" ("to" only before a word, not "to 5,000").
_DATE_BRIDGE = (
    r"^(?:\s+(?!(?:and|but|or|from|since|until|than|which|who)\b)"
    r"(?:to(?=\s+(?!the\b)[a-z])|(?!to\b)[A-Za-z][\w'’-]*)){0,8}?\s+"
)
_THE_UNIT = r"(?:over|in|during|across|for|throughout)\s+the\s+(?:past\s+|last\s+|whole\s+|same\s+|"
# The period a dated figure is the total of, by unit.
_DATED: dict[str, str] = {
    "year": (
        r"(?:in|during|for)\s+(?:(?:the\s+)?(?:fiscal|calendar|financial)\s+(?:year\s+)?|FY\s?)?"
        # not a span ("2023-24", "2019 – 2024"), but "in 2023 - about 260 a day" restates
        r"(?:19|20)\d\d\b(?!\s*[-–/]\s*\d|\s*(?:[-–/](?!\s)|to\b|and\b))"
        # "last financial year", "this tax year"
        # "this yr", as posts and newsletters write it
        r"|(?:last|this|that)\s+(?:financial\s+|fiscal\s+|calendar\s+|tax\s+|reporting\s+)?"
        r"(?:year|yr)\b"
        rf"|{_ONE_YEAR}"
        # "during the reporting year", "over the tax year": a year by its use
        rf"|{_THE_UNIT}financial\s+|fiscal\s+|calendar\s+|reporting\s+|accounting\s+|tax\s+|"
        r"trading\s+|academic\s+|school\s+|crop\s+|marketing\s+)?year\b"
    ),
    "month": (
        rf"(?:in|during|for|over|across|throughout)\s+(?:the\s+month\s+of\s+)?(?:{_MONTHS})"
        r"(?:\s+(?:19|20)\d\d)?\b(?!\s*(?:[-–]|to\b|and\b))"
        rf"|(?:last|this|that)\s+(?:month|mth)\b|{_THE_UNIT}calendar\s+)?month\b"
    ),
    "week": rf"(?:last|this|that)\s+(?:week|wk)\b|{_THE_UNIT})week\b|in\s+the\s+week\s+to\b",
    "day": rf"(?:yesterday|today)\b|on\s+(?:{_WEEKDAYS})\b|in\s+(?:a|one)\s+(?:single\s+)?day\b",
}
_DATED_AFTER = re.compile(
    _DATE_BRIDGE + "(?:" + "|".join(f"(?P<{unit}>{form})" for unit, form in _DATED.items()) + ")",
    re.IGNORECASE,
)
_DATED_LEADING = re.compile(
    r"(?:^|[;:]\s*)\W*(?:(?P<year>(?:in|during)\s+(?:(?:fiscal|calendar)\s+(?:year\s+)?|FY\s?)?"
    rf"(?:19|20)\d\d|{_ONE_YEAR})"
    rf"|(?P<month>(?:in|during)\s+(?:{_MONTHS})(?:\s+(?:19|20)\d\d)?|last\s+month)"
    rf"|(?P<week>last\s+week)|(?P<day>yesterday|today|on\s+(?:{_WEEKDAYS})))"
    r"\s*,?\s+(?:[A-Za-z][\w'’-]*\s+){0,6}(?:(?:about|nearly|almost|more than|over|some|"
    r"roughly|approximately|around|an estimated)\s+)?$",
    re.IGNORECASE,
)

# A year, month or week named anywhere earlier in the figure's clause, with only words between:
# "Last year the terminal moved 2.6 million TEU", "Attendances for the year were 109,500",
# "The port this month handled 41,000 boxes" (not "since last year", "from last month").
_DATED_IN_CLAUSE = re.compile(
    # not a comparison's base: "since last year", "compared with last year", "up 4% on last year"
    r"(?<!since\s)(?<!from\s)(?<!until\s)(?<!before\s)(?<!after\s)(?<!than\s)(?<!with\s)"
    r"(?<!to\s)(?<!on\s)(?<!against\s)(?<!over\s)(?<!versus\s)(?<!vs\s)"
    r"\b(?:(?:last|this|that|the\s+past)\s+|(?:for|during|over|across|throughout|in)\s+the\s+"
    r"(?:past\s+|last\s+|whole\s+|same\s+|financial\s+|fiscal\s+|calendar\s+|reporting\s+)?)"
    r"(?P<unit>year|yr|month|mth|week|wk)(?![\w'’-])\s*,?\s+"
    r"(?:(?!(?:to|from|since|until|than|and|but|or|which|who|that|when|while)\b)"
    r"[A-Za-z][\w'’&-]*\s+){0,6}"
    r"(?:(?:about|nearly|almost|more than|over|some|roughly|approximately|around|"
    r"an estimated)\s+)?$",
    re.IGNORECASE,
)
# Every match of ``_DATED_IN_CLAUSE`` holds one of these words.
_DATED_WORD = re.compile(r"\b(?:year|yr|month|mth|week|wk)\b", re.IGNORECASE)


# "A$2.1 billion over four years", "£30m across the next three years": N periods' total.
# Through a possessive too: "over the race's four days". After the figure, within a day as
# well: "720,000 cups over the race's four-hour window", "during a 12-hour shift" (leading a
# clause, hours would date its head counts too: "Over four hours, its 2,300 volunteers").
_SPAN_HEAD = (
    r"(?:over|across|during|within|in)\s+(?:the\s+|a\s+|its\s+|their\s+|"
    r"(?:the\s+)?[A-Za-z]+['’]s\s+)?(?:next\s+|past\s+|last\s+|coming\s+|"
    rf"following\s+|previous\s+|first\s+)?(?P<count>{_COUNT})[\s-]+"
)
_SPAN_TAIL = r"\b(?![\s-]+(?:ago|later|earlier|old|time|['’]\s*time)\b)(?!['’])"
_SPAN = _SPAN_HEAD + r"(?P<unit>years?|months?|weeks?|days?)" + _SPAN_TAIL
_SPAN_AFTER = re.compile(
    _DATE_BRIDGE
    + _SPAN_HEAD
    + r"(?P<unit>years?|months?|weeks?|days?|hours?|minutes?)"
    + _SPAN_TAIL,
    re.IGNORECASE,
)
_SPAN_LEADING = re.compile(
    r"(?:^|[;:]\s*)\W*" + _SPAN + r"\s*,?\s+(?:[A-Za-z][\w'’-]*\s+){0,6}"
    r"(?:(?:about|nearly|almost|more than|over|some|roughly|approximately|around)\s+)?$",
    re.IGNORECASE,
)


def total_of(text: str, start: int, end: int) -> str | None:
    """The period the figure at ``text[start:end]`` is dated to, if any.

    "$534 billion in 2014", "52,000 trees over twelve months" and "Last year
    the port moved 2.6 million TEU" are a year's totals, "1.2 billion minutes
    in March" a month's, "40,000 visitors last week" a week's. A dated total
    restated "a day" or "a minute" is read as that period's figure by the rate
    rule. It is not a period of its own: totals and parts dated alike still
    add up.
    """
    window = text[max(0, start - 80) : start]
    match = _DATED_AFTER.match(text[end : end + 100]) or _DATED_LEADING.search(window)
    if match is not None:
        return next(unit for unit in _DATED if match.group(unit))
    in_clause = _DATED_IN_CLAUSE.search(window) if _DATED_WORD.search(window) else None
    if in_clause is not None:
        return _unit_key(in_clause.group("unit"))
    span = _SPAN_AFTER.match(text[end : end + 100]) or _SPAN_LEADING.search(window)
    if span is None:
        return None
    raw = span.group("count").lower()
    count = float(raw) if raw[0].isdigit() else cardinal_value(raw)
    return _name(count, span.group("unit").lower().rstrip("s")) if count > 0 else None
