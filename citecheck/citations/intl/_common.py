"""What the convention readers share: quotation marks, German months, years, pinpoints, people."""

from __future__ import annotations

import re

from citecheck.citations.dates import find_dates
from citecheck.citations.names import looks_corporate, parse_authors
from citecheck.model import PartialDate, Person

_Q_OPEN = "‘“'\"„"
_Q_CLOSE = "’”'\"“"


_GERMAN_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_GERMAN_MONTH_RE = re.compile(rf"\b(?:(\d{{1,2}})\.\s*)?({'|'.join(_GERMAN_MONTHS)})\s+(\d{{4}})\b")


def _year(text: str | None) -> PartialDate | None:
    if not text:
        return None
    month_name = _GERMAN_MONTH_RE.search(text)
    if month_name:
        day, name, year = month_name.groups()
        month = _GERMAN_MONTHS.index(name) + 1
        return PartialDate(int(year), month, int(day) if day else None)
    german = re.search(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b", text)
    if german:
        day, month, year = (int(g) for g in german.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return PartialDate(year, month, day)
    found = find_dates(text)
    if found:
        rank = {"year": 0, "month": 1, "day": 2}
        return max(found, key=lambda m: rank[m.date.precision]).date
    m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    return PartialDate(int(m.group(1))) if m else None


# A judge after the pinpoint is no part of it: "(Gleeson CJ)", "(Lord Hoffmann)".
_JUDGE_RE = re.compile(
    r"\s*\([^()]*\b(?:LJJ?|JJ?|CJ|P|MR|JA|JJA|SCJ|(?:Lord|Lady|Baroness)\s+[A-Z]\w+)\)$"
)


def _pin(text: str | None) -> str | None:
    """A pinpoint as the conventions keep it: page markers dropped, the rest as printed."""
    if not text:
        return None
    value = text.strip(" ,.;")
    value = re.sub(r"^(?:at|p|pp|S)\.?\s+(?=\S)", "", value)
    value = _JUDGE_RE.sub("", value)
    if value.endswith((" f", " ff")):
        value += "."
    return value or None


_INITIALS_RE = re.compile(
    r"^(?P<given>(?:[A-Z]{1,3}\.?\s*|[A-Z][a-z]+\s+)*?)(?P<family>(?:(?:de|van|von|la|le|der|du|di)\s+)*"
    r"[A-ZÄÖÜ][\w’'-]+)$"
)


def _initials_person(text: str) -> Person | None:
    """ "A Travis", "TH Marshall", "J.R. Smith": initials with or without full stops."""
    m = _INITIALS_RE.match(text.strip())
    if not m or m.group("family").lower() in ("the", "a", "an"):
        return None
    return Person(family=m.group("family"), given=m.group("given").strip() or None)


def _people(text: str) -> tuple[Person, ...] | None:
    text = re.sub(r"\s*\((?:eds?|Hrsg)\.?\)\s*$", "", text.strip(" ,")).strip()
    text = re.sub(r",?\s+(?:QC|KC|SC)\b", "", text)
    if not text:
        return None
    if "/" in text and all(re.fullmatch(r"[A-ZÄÖÜ][\w’'-]+", p.strip()) for p in text.split("/")):
        return tuple(Person(family=p.strip()) for p in text.split("/"))
    found = parse_authors(text)
    if found and found[0]:
        return found[0]
    if looks_corporate(text):
        return (Person(family=text, corporate=True),)
    people = [_initials_person(chunk) for chunk in re.split(r",\s*|\s+(?:and|&|und)\s+", text)]
    if people and all(people):
        return tuple(p for p in people if p is not None)
    return None


# A title in any kind of quotation marks.
_QUOTED = rf"[{_Q_OPEN}](?P<title>.+?)[{_Q_CLOSE}]"
