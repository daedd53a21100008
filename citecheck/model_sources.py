"""What the indexes say of a cited work: ``WorkRecord`` and ``SourceResult``
(re-exported by ``citecheck.model``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

__all__ = [
    "SourceResult",
    "SourceStatus",
    "WorkRecord",
]


# --------------------------------------------------------------------------
# Sources: does each cited work exist, and does the citation match it?
# --------------------------------------------------------------------------


class SourceStatus(StrEnum):
    """One outcome per looked-up citation. Only ``not-found`` claims absence."""

    MATCHED = "matched"
    NOT_FOUND = "not-found"
    UNVERIFIED = "unverified"
    SKIPPED = "skipped"


_SERVICE_NAMES = {"crossref": "Crossref", "openalex": "OpenAlex", "courtlistener": "CourtListener"}


@dataclass(frozen=True, slots=True)
class WorkRecord:
    """What one index (Crossref, OpenAlex, CourtListener) says about a work.

    ``years`` holds every year the record gives (issued, print, online):
    a cited year equal to any of them is right. ``containers`` holds the
    full and the short container titles. ``updates`` are editorial notices
    as (type, notice DOI, source, date) with types "retraction",
    "correction", "expression_of_concern", ...
    """

    service: str
    id: str
    doi: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    containers: tuple[str, ...] = ()
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None
    pages: str | None = None
    isbns: tuple[str, ...] = ()
    updates: tuple[tuple[str, str, str, str], ...] = ()
    retracted: bool = False
    url: str | None = None
    score: float | None = None
    # The index's type of work ("journal-article", "book-chapter", "book", "report",
    # OpenAlex's "article", ...): a book review is no book, a book is no chapter.
    kind: str | None = None

    @property
    def service_name(self) -> str:
        """The index as a reader names it: "Crossref", "OpenAlex", "CourtListener"."""
        return _SERVICE_NAMES.get(self.service, self.service)


@dataclass(frozen=True, slots=True)
class SourceResult:
    """The sources stage's verdict on one citation, with what it was matched to.

    ``mismatches`` are (field, cited value, record value) for the fields that
    differ beyond harmless spelling. ``doi_added`` is the DOI this stage added
    to a citation that had none, and ``doi_source`` the index it came from.
    ``doi_record`` is what a cited DOI resolved to when that was another work.
    """

    citation: int
    note: str
    status: SourceStatus
    reason: str
    lookup: str = ""
    record: WorkRecord | None = None
    mismatches: tuple[tuple[str, str, str], ...] = ()
    doi_record: WorkRecord | None = None
    doi_added: str | None = None
    doi_source: str | None = None
    checked_at: datetime | None = None
    from_cache: bool = False
    # Whether "not found" would mean something for this kind of citation (a journal
    # article does; a book without identifiers, a newspaper or a web page does not).
    absence_matters: bool = False
