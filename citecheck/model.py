"""The records that flow through citecheck's pipeline, in one place.

Every stage takes records from here and returns new ones; nothing is mutated
after it is made. Records are frozen, slotted dataclasses, sequences are
tuples, and outcomes are ``StrEnum`` members whose values are the exact
strings written to JSON, SARIF and the other reports.

The flow, one way::

    Manuscript -> FootnoteSet(Footnote...) -> Citation... -> LinkResult...
        -> ArchiveResult... -> Finding... -> CheckRun

Anything read from a file keeps its ``Location`` (path and 1-based line) and
its raw text, because editors, SARIF regions and JUnit cases point back at it.

The records live in modules by job (``model_text``, ``model_findings``,
``model_citations``, ``model_web``, ``model_sources``); every one is
imported from here, ``from citecheck.model import X``, as ever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from citecheck.model_citations import (
    Citation,
    CitationFields,
    CitationType,
    PartialDate,
    Person,
    ShortForm,
)
from citecheck.model_findings import Finding, FootnoteSet, Rule, Severity
from citecheck.model_sources import SourceResult, SourceStatus, WorkRecord
from citecheck.model_text import (
    IN_TEXT,
    Footnote,
    Location,
    Manuscript,
    MissingCiteKey,
    NoteMarker,
    NoteText,
)
from citecheck.model_web import ArchiveResult, Capture, Drift, LinkResult, LinkStatus, Snapshot

__all__ = [
    "IN_TEXT",
    "ArchiveResult",
    "Capture",
    "CheckRun",
    "Citation",
    "CitationFields",
    "CitationType",
    "Drift",
    "Finding",
    "Footnote",
    "FootnoteSet",
    "LinkResult",
    "LinkStatus",
    "Location",
    "Manuscript",
    "MissingCiteKey",
    "NoteMarker",
    "NoteText",
    "PartialDate",
    "Person",
    "Rule",
    "Severity",
    "ShortForm",
    "Snapshot",
    "SourceResult",
    "SourceStatus",
    "WorkRecord",
]


# --------------------------------------------------------------------------
# A whole run
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckRun:
    """Everything one run produced: the only input of the report writers."""

    footnote_sets: tuple[FootnoteSet, ...]
    citations: tuple[Citation, ...] = ()
    links: tuple[LinkResult, ...] = ()
    archives: tuple[ArchiveResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    offline: bool = False
    archive_skipped_reason: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    tool_version: str = ""
    # The sources stage: one result per citation looked at; the services that
    # could not be asked, once each ("unverified", never "not found").
    sources: tuple[SourceResult, ...] = ()
    sources_unverified: tuple[str, ...] = ()
    sources_skipped_reason: str | None = None
    # Rules the run was told to leave out (``disable``): nothing may add them back.
    disabled_rules: tuple[str, ...] = ()

    @property
    def manuscripts(self) -> tuple[Manuscript, ...]:
        """The manuscripts the run read, in the order given."""
        return tuple(s.manuscript for s in self.footnote_sets)

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        """Every note of every manuscript, in order."""
        return tuple(n for s in self.footnote_sets for n in s.footnotes)
