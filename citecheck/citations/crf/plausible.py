"""Is a reading of a piece plausible? The selector between the rules and the CRF.

The rules' reading stands unless it is implausible in a way any reader of
citations would see at once, whatever the style: a work with no title; a
container that is a town or a publisher; a year read from a page range or a
volume; authors that are words of a title; type ``other`` although a
journal-like container was read. Each check looks at the reading's fields and
the piece's text only, never at a style: the CRF's reading replaces an
implausible one only if it is plausible itself (``combine``).
"""

from __future__ import annotations

import re

from citecheck.citations.crf.shapes import JOURNAL_WORDS, PLACES
from citecheck.citations.draft import Parsed
from citecheck.model import CitationType, Person

__all__ = ["implausible"]

# Towns the rules' lexicons name, whole: a container that is one of them (or
# "Town: Publisher") was an imprint.
_TOWNS = PLACES | frozenset(
    [
        "london",
        "oxford",
        "cambridge",
        "new york",
        "chicago",
        "princeton",
        "berlin",
        "münchen",
        "munich",
        "tübingen",
        "frankfurt",
        "stuttgart",
        "köln",
        "hamburg",
        "sydney",
        "boston",
        "melbourne",
        "toronto",
        "dublin",
        "edinburgh",
        "wien",
        "zürich",
        "new haven",
        # Countries close an imprint's address ("Delft, The Netherlands").
        "the netherlands",
        "netherlands",
        "germany",
        "france",
        "italy",
        "spain",
        "portugal",
        "usa",
        "u.s.a",
        "uk",
        "united kingdom",
        "switzerland",
        "sweden",
        "norway",
        "denmark",
        "poland",
        "belgium",
        "austria",
        "japan",
        "china",
        "india",
        "canada",
        "australia",
    ]
)
_PUBLISHER_RE = re.compile(
    r"\b(?:Press|Presses|Verlag|[ÉE]ditions|Editore|Edizioni|Ediciones|Editorial|Publishing"
    r"|Publishers|Books|Universitaires)\b"
)
_JOURNAL_RE = re.compile(
    r"\b(?:Journal|Review|Revue|Rivista|Zeitschrift|Quarterly|Annals|Proceedings|Bulletin"
    r"|Letters|Transactions|Tijdschrift|Revista|Studies)\b"
)
# Lower-case words a name may hold: particles of family names.
_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "y",
        "e",
        "zu",
        "ten",
        "ter",
        "bin",
        "ibn",
        "al",
        "el",
        "st",
        "d",
        "dit",
        "des",
    ]
)
# Two names of a reference list in a row: "Roe AB, Doe C," / "A. B. Roe, C. Doe," /
# "Roe, A. B., Doe, C." A title holding them swallowed the authors.
_NAME_LIST_RE = re.compile(
    r"\b[A-Z][\w'’-]+ [A-Z]{1,3},\s+[A-Z][\w'’-]+ [A-Z]{1,3}\b[,.]"
    r"|\b(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+"
    r"|\b[A-Z][\w'’-]+, (?:[A-Z]\.\s?){1,3},? (?:&\s)?[A-Z][\w'’-]+, (?:[A-Z]\.\s?){1,3}"
)
# An imprint inside a title: "..., Paris, Gallimard" / "... Paris: Seuil".
_GENRE_RE = re.compile(
    r"\b(?:dissertation|thesis|th[eè]se|tesi|tesis|proefschrift|preprint|patent|news release"
    r"|press release|podcast)\b",
    re.IGNORECASE,
)
_IMPRINT_RE = re.compile(r"[,.]\s+([A-ZÀ-Ý][\w'’-]+(?: [A-Z][\w'’-]+)?)\s*[,:]\s+[A-ZÀ-Ý]")
_TOWN_FIRST = frozenset(t.split()[0] for t in _TOWNS)
_STRIP = ",.:;“”\"'‘’()"
_ROMAN_RE = re.compile(r"[IVXLCDMivxlcdm]+(?:\s*[-–]\s*[IVXLCDMivxlcdm]+)?")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _town(value: str) -> bool:
    low = value.lower().strip(" .,")
    if low in _TOWNS:
        return True
    head, colon, _ = low.partition(":")
    return bool(colon) and head.strip() in _TOWNS


def _imprint_inside(title: str) -> bool:
    # Cheap front: a town's first word must be among the title's words.
    if not any(w.strip(_STRIP).lower() in _TOWN_FIRST for w in title.split()[1:]):
        return False
    return any(m.group(1).lower() in _TOWNS for m in _IMPRINT_RE.finditer(title))


def _names_the_maker(title: str, rules: Parsed) -> bool:
    names = [p.family for p in rules.authors if p.corporate] + [rules.publisher or ""]
    low = title.lower().strip(" .,")
    return any(name and name.lower().strip(" .,") == low for name in names)


def _journal_like(value: str) -> bool:
    if _JOURNAL_RE.search(value):
        return True
    words = re.findall(r"[A-Za-z]+(?=\.)", value)
    return len(words) >= 2 and sum(w.lower() in JOURNAL_WORDS for w in words) >= 2


def _titleish(person: Person) -> bool:
    """Is this "person" words of a title (lower-case words, many of them, digits)?"""
    if person.corporate:
        return False
    text = f"{person.given or ''} {person.family}"
    if any(ch.isdigit() for ch in text):
        return True
    words = text.split()
    if len(words) <= 2:
        return False  # two words hold at most one lower-case word besides a particle
    found = _WORD_RE.findall(text)
    lower = [w for w in found if w.islower() and w not in _PARTICLES]
    return len(lower) >= 2 or len(found) > 6


_PAGE_MARKS = ("p.", "pp.", "vol.", "S.", "-", "–")


def _year_from_number(parsed: Parsed, text: str) -> bool:
    """Was the year read from a page range or a volume ("pp. 1998-2004", "vol. 2010")?"""
    if parsed.date is None:
        return False
    year = str(parsed.date.year)
    if parsed.volume == year or (parsed.pages or "").startswith(year):
        return True
    at = text.find(year)
    seen = False
    while at != -1:
        end = at + 4
        if not (at and text[at - 1].isdigit()) and not text[end : end + 1].isdigit():
            seen = True
            before = text[max(0, at - 7) : at].rstrip()
            page = (before.endswith(_PAGE_MARKS) and not before.endswith((".S.", "Grp."))) or (
                text[end : end + 1] in ("-", "–") and text[end + 1 : end + 2].isdigit()
            )
            if not page:
                return False
        at = text.find(year, at + 1)
    return seen


def implausible(parsed: Parsed | None, text: str, rules: Parsed | None = None) -> str | None:
    """Why this reading of ``text`` cannot be right, or None if it can be.

    ``rules``, given when ``parsed`` is the CRF's reading, is the rules' one: a
    title that is the name the rules read as its author or publisher is no title.
    """
    if parsed is None:
        return None
    if parsed.short_form is not None or parsed.problem:
        return None
    if parsed.type in (CitationType.CASE, CitationType.STATUTE, CitationType.PRESENTATION):
        return None
    if not parsed.title and not parsed.urls:
        return "no title"
    if parsed.title and rules is not None and _names_the_maker(parsed.title, rules):
        return "title is the author's or the publisher's name"
    if (
        parsed.pages
        and not any(ch.isdigit() for ch in parsed.pages)
        and not _ROMAN_RE.fullmatch(parsed.pages)
    ):
        return "pages without a number"
    if parsed.title and _NAME_LIST_RE.search(parsed.title):
        return "title holds an author list"
    if parsed.title and _imprint_inside(parsed.title):
        return "title holds an imprint"
    if parsed.container and _GENRE_RE.search(parsed.container):
        return "container is a genre"
    if parsed.container and (_town(parsed.container) or _PUBLISHER_RE.search(parsed.container)):
        return "container is a town or a publisher"
    if _year_from_number(parsed, text):
        return "year read from a page or a volume"
    if any(_titleish(p) for p in parsed.authors):
        return "authors are words of a title"
    if parsed.type is CitationType.OTHER and parsed.container and _journal_like(parsed.container):
        return "type other with a journal-like container"
    return None
