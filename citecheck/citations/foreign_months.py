"""Dates with month names in other languages: "12 mars 2019", "3 maggio 2018",
"5 de mayo de 2020", "5 de maio de 2020", "3. März 2018", "12 maart 2019",
"12. mars 2019", "5 marca 2019 r.", ABNT's "10 jan. 2020", "mayo de 2020".

Kept apart from ``dates`` so its pattern runs only when a note holds one of
these words (most notes are in English): ``has_foreign_month`` is the cheap
test, a set lookup over the note's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from citecheck.model import PartialDate

__all__ = ["FOREIGN_MONTHS", "find_foreign_dates", "has_foreign_month"]

# Full names, by language. English names that the languages share ("april",
# "august", "november") are the English pattern's business.
_NAMES: tuple[tuple[str, ...], ...] = (
    # French
    (
        *("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"),
        *("septembre", "octobre", "novembre", "décembre"),
    ),
    # Italian
    (
        *("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto"),
        *("settembre", "ottobre", "novembre", "dicembre"),
    ),
    # Spanish
    (
        *("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto"),
        *("septiembre", "octubre", "noviembre", "diciembre"),
    ),
    # Portuguese
    (
        *("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto"),
        *("setembro", "outubro", "novembro", "dezembro"),
    ),
    # German
    (
        *("januar", "februar", "märz", "april", "mai", "juni", "juli", "august"),
        *("september", "oktober", "november", "dezember"),
    ),
    # Dutch
    (
        *("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus"),
        *("september", "oktober", "november", "december"),
    ),
    # Swedish (Danish and Norwegian differ in "marts", "maj"/"mai", "desember")
    (
        *("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti"),
        *("september", "oktober", "november", "december"),
    ),
    (
        *("januar", "februar", "marts", "april", "maj", "juni", "juli", "august"),
        *("september", "oktober", "november", "desember"),
    ),
    # Polish, in the genitive a date prints ("5 marca 2019")
    (
        *("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia"),
        *("września", "października", "listopada", "grudnia"),
    ),
)
_ABBREVIATIONS = {
    # only with a day before them: "out." and "set." are English words
    "janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "déc": 12,  # French
    "genn": 1, "febbr": 2, "magg": 5, "giu": 6, "lug": 7, "ago": 8, "sett": 9,  # Italian
    "ott": 10, "dic": 12, "ene": 1, "abr": 4, "fev": 2, "mai": 5, "set": 9,
    "out": 10, "dez": 12, "okt": 10, "mrt": 3, "mei": 5, "jan": 1, "feb": 2,
    "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "nov": 11,
}  # fmt: skip

FOREIGN_MONTHS: dict[str, int] = {
    name: number for names in _NAMES for number, name in enumerate(names, start=1)
}
# Words English spells the same ("April", "Nov."): the English pattern reads them
# capitalised, so here they count only in lower case ("5 april 2019", "10 nov. 2020").
_ENGLISH = frozenset(
    (
        *("april", "august", "september", "november", "december", "jan", "feb", "mar"),
        *("apr", "jun", "jul", "aug", "sep", "nov"),
    )
)
_OWN_WORDS = (frozenset(FOREIGN_MONTHS) | frozenset(_ABBREVIATIONS)) - _ENGLISH
_WORD_EDGES = ".,;:()[]«»\"'“”"


def has_foreign_month(text: str) -> bool:
    """Does ``text`` hold a month name or abbreviation of another language?"""
    for word in text.split():
        word = word.strip(_WORD_EDGES)
        if word in _ENGLISH or word.lower() in _OWN_WORDS:
            return True
    return False


def _alternation(words: Iterable[str]) -> str:
    # As printed in lower case or capitalised ("mars", "März"); words English
    # spells the same only in lower case, as ``has_foreign_month`` counts them.
    forms = set(words) | {w.capitalize() for w in words if w not in _ENGLISH}
    return "|".join(sorted((re.escape(w) for w in forms), key=len, reverse=True))


_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
# "5 de mayo de 2020", "3. Mai 2018", "1er mai 2020", "10 jan. 2020", "5 marca 2019 r."
_DAY_DATE_RE = re.compile(
    rf"(?<![\d.])(?P<d>{_DAY})(?:\.|er|º|°)?\s+(?:de\s+)?"
    rf"(?P<m>{_alternation(FOREIGN_MONTHS)}|(?P<abbr>{_alternation(_ABBREVIATIONS)})\.)"
    rf"(?:\s+de|\s+del|,)?\s+(?P<y>{_YEAR})\b",
)
# "maggio 2018", "mayo de 2020", "März 2019" (full names only)
_MONTH_DATE_RE = re.compile(
    rf"(?<![\w.])(?P<m>{_alternation(FOREIGN_MONTHS)})(?:\s+de|\s+del|,)?\s+(?P<y>{_YEAR})\b",
)
_LIMITS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def find_foreign_dates(text: str) -> list[tuple[int, int, PartialDate]]:
    """(start, end, date) of every foreign-month date in ``text``, left to right."""
    if not has_foreign_month(text):
        return []
    found: list[tuple[int, int, PartialDate]] = []
    for m in _DAY_DATE_RE.finditer(text):
        word = m.group("m").rstrip(".").lower()
        month = _ABBREVIATIONS[word] if m.group("abbr") else FOREIGN_MONTHS[word]
        day: int | None = int(m.group("d"))
        if day is not None and day > _LIMITS[month - 1]:
            day = None
        found.append((m.start(), m.end(), PartialDate(int(m.group("y")), month, day)))
    for m in _MONTH_DATE_RE.finditer(text):
        if any(start <= m.start() < end for start, end, _ in found):
            continue
        month = FOREIGN_MONTHS[m.group("m").lower()]
        found.append((m.start(), m.end(), PartialDate(int(m.group("y")), month)))
    return sorted(found, key=lambda item: item[0])
