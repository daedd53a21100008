"""The works each note cites: ``Citation`` and its parts (re-exported by ``citecheck.model``)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from citecheck.model_text import Location

__all__ = [
    "Citation",
    "CitationFields",
    "CitationType",
    "PartialDate",
    "Person",
    "ShortForm",
]


# --------------------------------------------------------------------------
# Citations: the works each note cites
# --------------------------------------------------------------------------


class CitationType(StrEnum):
    """Kinds of cited work; values are citecheck's JSON strings."""

    BOOK = "book"
    ARTICLE = "article"
    NEWSPAPER = "newspaper"
    WEBPAGE = "webpage"
    REPORT = "report"
    CHAPTER = "chapter"
    CASE = "case"
    STATUTE = "statute"
    PRESENTATION = "presentation"
    OTHER = "other"


class ShortForm(StrEnum):
    """How a citation refers back to an earlier one."""

    ID = "id"
    IBID = "ibid"
    SUPRA = "supra"
    SHORT_TITLE = "short-title"


@dataclass(frozen=True, slots=True)
class Person:
    """An author. Corporate authors keep their whole name in ``family``."""

    family: str
    given: str | None = None
    corporate: bool = False


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, month or day, as it was printed."""

    year: int
    month: int | None = None
    day: int | None = None

    def isoformat(self) -> str:
        """ISO text at the date's own precision: 2012, 2007-03, 2010-05-05."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    @property
    def precision(self) -> str:
        """ "year", "month" or "day"."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"


@dataclass(frozen=True, slots=True, kw_only=True)
class CitationFields:
    """The fields a citation's text gives of the work it cites: one list, shared by
    ``Citation`` and the parser's result (``citations.draft.Parsed``).

    Keyword-only, so a record adding fields of its own may start with
    positional ones (``Citation(note, index, raw, location, ...)``).
    """

    type: CitationType = CitationType.OTHER
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
    urls: tuple[str, ...] = ()
    doi: str | None = None
    accessed: PartialDate | None = None
    short_form: ShortForm | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Citation(CitationFields):
    """One cited work (or a short form pointing at one) inside a note.

    ``index`` is the citation's position in the run's tuple of citations,
    and ``antecedent`` the index of the full citation a short form resolves
    to. ``work`` is shared by every citation of the same work.
    ``problem`` says why a citation could not be parsed or resolved.
    """

    note: str
    index: int
    raw: str
    location: Location
    signal: str | None = None
    antecedent: int | None = None
    work: str = ""
    # "2nd ed.", "(2d ed. 2009)", "3. Aufl.": the edition number ("2"), or
    # "revised"; None when the note names no edition.
    edition: str | None = None
    # The note's own word for the kind of work when the type alone does not
    # say it: "PhD diss.", "master's thesis", "dataset"; None otherwise.
    genre: str | None = None
    # A chapter's book editors ("ed. Maria Lopez and José García-Márquez").
    editors: tuple[Person, ...] = ()
    # A case's parallel citation in a second reporter ("138 S. Ct. 2206"), as printed.
    parallel: str | None = None

    @property
    def url(self) -> str | None:
        """The first URL the citation gives, if any."""
        return self.urls[0] if self.urls else None
