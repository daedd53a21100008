"""Dates as notes print them, turned into ``PartialDate`` at their precision.

"September 14, 2001" is a day, "March, 2007" and "March/April 2013" are
months (the first month of a double issue), "(2012)" and "1995-1996" are
years (the first year of a range). Only years 1500-2099 count, so page
numbers and report numbers are not read as years. Month names in French,
Italian, Spanish, Portuguese, German, Dutch, Scandinavian languages and
Polish are read too ("12 mars 2019", "5 de mayo de 2020", "3. Mai 2018",
"10 jan. 2020"; ``foreign_months``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.citations.foreign_months import FOREIGN_MONTHS, find_foreign_dates
from citecheck.model import PartialDate

__all__ = ["YEAR_RE", "DateMatch", "find_dates", "month_number", "parse_date"]

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_SEASON = r"(?:Spring|Summer|Fall|Autumn|Winter)"

# A year on its own (1500-2099), unanchored: the field readers test elements
# and numbers with it ("2008" ending a title, a page that is really a year).
YEAR_RE = re.compile(r"(?:1[5-9]|20)\d\d")

# One alternation, most precise forms first, so finditer takes the longest
# reading at each position. Every branch is anchored on word boundaries and
# has bounded repetition: no backtracking blow-ups on long notes.
_DATE_RE = re.compile(
    rf"""
    (?=[A-Z0-9])  # every date starts with a capital or a digit: skip the rest fast
    (?:
    (?P<iso>\b(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])\b)
  | (?P<mdy>\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})\b)
  | (?P<dmy>\b(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})\b)
  | (?P<mm>\b(?P<m3>{_MONTH})\s*[/–—-]\s*{_MONTH},?\s+(?P<y3>{_YEAR})\b)
  | (?P<my>\b(?P<m4>{_MONTH}),?\s+(?P<y4>{_YEAR})\b)
  | (?P<sy>\b{_SEASON},?\s+(?P<y5>{_YEAR})\b)
  | (?P<y>\b(?P<y6>{_YEAR})(?P<range>\s?[–—/-]\s?(?:{_YEAR}|\d\d)\b)?(?![\d-]))
    )
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text, with where it was and whether it was a range."""

    start: int
    end: int
    date: PartialDate
    is_range: bool = False


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "March", "mars"), else None."""
    low = word.strip(" .").lower()
    return _MONTHS.get(low) or FOREIGN_MONTHS.get(low)


def _safe(year: str, month: int | None = None, day: int | None = None) -> PartialDate:
    y = int(year)
    if month is not None and day is not None:
        # Drop an impossible day ("February 31") to month precision.
        limit = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
        if day > limit:
            day = None
    return PartialDate(y, month, day if month is not None else None)


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _to_match(m: re.Match[str]) -> DateMatch | None:
    kind = m.lastgroup
    g = m.group
    date: PartialDate | None = None
    is_range = False
    if g("iso"):
        date = _safe(g("iy"), int(g("im")), int(g("id")))
    elif g("mdy"):
        month = month_number(g("m1"))
        date = _safe(g("y1"), month, _day(g("d1"))) if month else None
    elif g("dmy"):
        month = month_number(g("m2"))
        date = _safe(g("y2"), month, _day(g("d2"))) if month else None
    elif g("mm"):
        month = month_number(g("m3"))
        date = _safe(g("y3"), month) if month else None
    elif g("my"):
        month = month_number(g("m4"))
        date = _safe(g("y4"), month) if month else None
    elif g("sy"):
        date = _safe(g("y5"))
    elif g("y"):
        date = _safe(g("y6"))
        is_range = bool(g("range"))
    del kind
    if date is None:
        return None
    return DateMatch(m.start(), m.end(), date, is_range)


def find_dates(text: str) -> list[DateMatch]:
    """Every date in ``text``, left to right, the most precise reading at each place."""
    found = []
    for m in _DATE_RE.finditer(text):
        match = _to_match(m)
        if match is not None:
            found.append(match)
    foreign = [DateMatch(start, end, date) for start, end, date in find_foreign_dates(text)]
    if not foreign:
        return found
    # A foreign day or month holds the year the English pattern read on its own.
    kept = [f for f in found if not any(f.start < g.end and g.start < f.end for g in foreign)]
    return sorted([*kept, *foreign], key=lambda match: match.start)


def parse_date(text: str) -> PartialDate | None:
    """The most precise date in ``text`` (the first one on ties), or None."""
    best: DateMatch | None = None
    rank = {"year": 0, "month": 1, "day": 2}
    for match in find_dates(text):
        if best is None or rank[match.date.precision] > rank[best.date.precision]:
            best = match
    return None if best is None else best.date
