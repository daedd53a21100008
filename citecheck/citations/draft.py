"""The records one parse works on: ``Parsed`` (its result) and ``Draft``.

``Draft`` is the mutable working state the readers of ``fields`` fill in
turn; each reader blanks what it took out of ``Draft.text`` (spaces of the
same length) so offsets and italic spans stay valid. ``tidy`` is the one
clean-up every field goes through before it is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.model import CitationFields, CitationType, PartialDate, Person

__all__ = ["Draft", "Parsed", "Span", "tidy"]


Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Parsed(CitationFields):
    """The fields of one piece, before indexes and work ids are assigned."""

    # For supra / short cites: which note and whose work ("Smith", a title).
    supra_note: str | None = None
    short_who: str | None = None


@dataclass(slots=True)
class Draft:
    """The mutable working state of one parse; never leaves the citations package."""

    text: str
    italics: tuple[Span, ...]
    type: CitationType | None = None
    authors: tuple[Person, ...] = ()
    et_al: bool = False
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pinpoint: str | None = None
    date: PartialDate | None = None
    publisher: str | None = None
    place: str | None = None
    series: str | None = None
    number: str | None = None
    urls: list[str] = field(default_factory=list)
    doi: str | None = None
    accessed: PartialDate | None = None
    chapter: bool = False
    strong: bool = False
    title_marked: bool = False
    title_quoted: bool = False
    # A genre word ("Report", "(Working Paper No. 12)") said what kind of work it is.
    report_hint: bool = False
    # The authors were read APA-style ("Smith, J. (2010).").
    apa: bool = False
    problem: str | None = None

    def blank(self, a: int, b: int) -> None:
        if b > a:
            self.text = self.text[:a] + " " * (b - a) + self.text[b:]


_ABBREVIATED_RE = re.compile(r"\b[A-Z][a-z]{0,4}\.\s")
_ABBREV_END_RE = re.compile(r"(?:\b[A-Z]|\b(?:Inc|Co|Ltd|Corp|Jr|St|Stat|al))\.$")


def tidy(text: str | None) -> str | None:
    """Collapse spaces, drop wrapping quotes and trailing separators."""
    if text is None:
        return None
    value = " ".join(text.split()).strip(" ,;:")
    value = value.strip("“”\"'‘’ ").rstrip(" ,;:")
    # One trailing period goes unless it ends an abbreviation ("Inc.", "U.S.").
    if value.endswith(".") and not (_ABBREV_END_RE.search(value) or _ABBREVIATED_RE.search(value)):
        value = value[:-1].rstrip()
    return value or None
