"""What the type alone does not say: a thesis's genre and university, a
dataset, and a chapter's book editors.

Read from the piece's text after the fields, so they only add to a parse:
"(PhD diss., University of Texas at Austin, 2015)" gives the genre "PhD diss."
and the university; "..., dataset, 2019" the genre "dataset"; "in *Book*,
ed. Maria Lopez and José García-Márquez (" the editors.
"""

from __future__ import annotations

import re
from dataclasses import replace

from citecheck.citations.draft import Parsed, tidy
from citecheck.citations.hints import lowered
from citecheck.citations.names import parse_authors
from citecheck.model import CitationType, Person

__all__ = ["as_thesis", "read_dataset", "read_editors", "read_thesis"]

_SURE = (CitationType.CASE, CitationType.STATUTE, CitationType.PRESENTATION)
# Strings (lowered) every thesis genre holds: the patterns run only where one is.
_THESIS_HINTS = (
    *("diss", "thes", "thès", "tesi", "tese", "proefschrift", "scriptie", "habilitation"),
    *("doktor", "afhandling", "avhandling", "praca", "rozprawa"),
)

_THESIS_RE = re.compile(
    r"\(\s*(?P<genre>(?:Ph\.?\s?D\.?|doctoral|master[’']s|M\.?A\.?|M\.?Sc?\.?|M\.?Phil\.?)\s+"
    r"(?:diss(?:ertation|\.)?|thesis))\s*,\s*(?P<school>[^,()]+?)\s*"
    r"(?:,\s*(?:[A-Z][^,()]*,\s*)?(?:1[5-9]|20)\d\d)?\s*\)",
    re.IGNORECASE,
)
# The same, unbracketed, in the languages of the notes: "Title, thèse de doctorat en
# histoire, Université X, 2014", "tesi di dottorato, Università Y", "tesis doctoral",
# "proefschrift", "Dissertation", IEEE's "Ph.D. dissertation, Dept. X, Univ. Y, Place".
_GENRE_WORDS = (
    r"th[èe]se\s+de\s+(?:doctorat|master|DEA)|th[èe]se|tesi\s+di\s+(?:dottorato|laurea)"
    r"|tesis\s+(?:doctoral|de\s+(?:maestr[íi]a|licenciatura|grado))|tese\s+de\s+doutorado"
    r"|disserta[çc][ãa]o\s+de\s+mestrado|proefschrift|doctoraalscriptie|masterscriptie"
    r"|Dissertation|Habilitationsschrift|Doktorarbeit|doktorsavhandling|doktoravhandling"
    r"|ph\.?\s?d\.?-(?:afhandling|avhandling)|praca\s+doktorska|rozprawa\s+doktorska"
    r"|(?:Ph\.?\s?D\.?|doctoral|master[’']s|M\.?A\.?|M\.?Sc?\.?)\s+(?:diss(?:ertation|\.)?|thesis)"
)
_PLAIN_THESIS_RE = re.compile(
    rf"[,.][”\"’]?\s*(?:\[)?(?P<genre>{_GENRE_WORDS})(?:\])?(?:\s+(?:en|in|di|de|em)\s+[^,()]{{2,40}})?"
    r"\s*[,.]\s*(?P<rest>[^()]{3,160}?)\s*(?:,\s*(?:1[5-9]|20)\d\d\b|\.?$)",
    re.IGNORECASE,
)
_SCHOOL_RE = re.compile(
    r"Univ|Coll|School|Inst|Hochschule|[ÉE]cole|Polytech|Academ|Akadem|Tech\.|Universit", re.I
)
_DATASET_RE = re.compile(
    r"(?:^|[,.(”\"]\s*)(?:data\s?set|data\s+file)\s*(?=[,.)]|$)", re.IGNORECASE
)
_EDITORS_RE = re.compile(r"\bin\s+.{2,300}?,\s+eds?\.\s+(?P<who>[^()]{3,200}?)\s*(?=\(|,\s*\d|$)")


def thesis_hint(text: str) -> bool:
    """Could ``text`` name a thesis? (Necessary for both thesis patterns.)"""
    low = lowered(text)
    return low is None or any(w in low for w in _THESIS_HINTS)


def read_thesis(text: str) -> tuple[str, str] | None:
    """The genre as written and the university, or None for no thesis."""
    if not thesis_hint(text):
        return None
    m = _THESIS_RE.search(text)
    if m is not None:
        return " ".join(m["genre"].split()), m["school"].strip()
    found = _plain_thesis(text)
    return (found[0], found[1]) if found else None


def _plain_thesis(text: str) -> tuple[str, str, int] | None:
    """An unbracketed thesis: its genre, university and where the genre starts."""
    m = _PLAIN_THESIS_RE.search(text)
    if m is None:
        return None
    parts = [p.strip() for p in m["rest"].split(",") if p.strip()]
    # The university is the element named like one ("Dept. X, Univ. Y, Town"), else the first.
    school = next((p for p in parts if _SCHOOL_RE.search(p)), parts[0] if parts else "")
    if not school:
        return None
    return " ".join(m["genre"].split()), school.rstrip("."), m.start("genre")


def as_thesis(text: str, parsed: Parsed | None) -> Parsed | None:
    """A thesis's reading: type `other`, the university its publisher, and the genre,
    department and university out of the title and container."""
    if parsed is None or parsed.short_form is not None or parsed.type in _SURE:
        return parsed
    if not thesis_hint(text):
        return parsed
    bracketed = _THESIS_RE.search(text)
    if bracketed is not None:
        genre, school, at = bracketed["genre"], bracketed["school"].strip(), bracketed.start()
    else:
        found = _plain_thesis(text)
        if found is None:
            return parsed
        genre, school, at = found
    title, container = parsed.title, parsed.container
    if title and genre in title:
        title = tidy(title[: title.index(genre)].rstrip(" ,.([")) or None
    if container and (genre in container or school in container or text.find(container) > at):
        container = None
    return replace(
        parsed,
        type=CitationType.OTHER,
        title=title or parsed.title,
        container=container,
        publisher=school,
        pages=None if parsed.pages and parsed.pinpoint is None else parsed.pages,
        pinpoint=parsed.pinpoint or (parsed.pages if parsed.pages else None),
        volume=None,
        issue=None,
    )


def read_dataset(text: str) -> bool:
    """The note calls the work a dataset ("..., dataset, 2019")."""
    return _DATASET_RE.search(text) is not None


def read_editors(text: str) -> tuple[Person, ...]:
    """The editors of the book a chapter is in, or () when none are named."""
    m = _EDITORS_RE.search(text)
    if m is None:
        return ()
    found = parse_authors(m["who"])
    return found[0] if found else ()
