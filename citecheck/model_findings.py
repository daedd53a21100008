"""What an editor should look at: ``Severity``, the catalogue's ``Rule``, each ``Finding``,
and the footnotes stage's ``FootnoteSet`` (re-exported by ``citecheck.model``)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from citecheck.model_text import Footnote, Location, Manuscript

__all__ = [
    "Finding",
    "FootnoteSet",
    "Rule",
    "Severity",
]


# --------------------------------------------------------------------------
# Findings, and the footnotes stage's outcome
# --------------------------------------------------------------------------


class Severity(StrEnum):
    """How much a finding matters; the values are SARIF's levels."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        """Higher is more severe, for ``--fail-on`` comparisons."""
        return {"note": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule in citecheck's catalogue: stable id, fixed severity, one line of help.

    ``family`` names the stage or check module that raises it ("footnotes",
    "links", "arithmetic", ...).
    """

    id: str
    severity: Severity
    family: str
    summary: str

    def finding(
        self,
        message: str,
        location: Location,
        *,
        note: str | None = None,
        evidence: str = "",
        notes: tuple[str, ...] = (),
        about: str = "",
    ) -> Finding:
        """A finding of this rule, with the rule's own severity."""
        return Finding(
            self.id,
            self.severity,
            message,
            location,
            note=note,
            evidence=evidence,
            notes=notes,
            about=about,
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor should look at, with its evidence.

    ``rule`` is a stable id ("marker-without-note", "url-date-mismatch");
    ``message`` says what is wrong and suggests a fix; ``evidence`` quotes
    what the rule saw. ``note`` is the label of the note concerned, if any.
    A finding about one thing several notes cite (a retracted work, a page
    that changed) is made once, at the first of them: ``notes`` then lists
    every such note in order, ``note`` first; otherwise it is empty. Such a
    finding also names the thing in ``about`` (the work, the page), so its
    baseline fingerprint does not change with the notes citing it.
    """

    rule: str
    severity: Severity
    message: str
    location: Location
    note: str | None = None
    evidence: str = ""
    notes: tuple[str, ...] = ()
    about: str = ""  # what a finding said once of a cited work or page is about

    @property
    def about_notes(self) -> tuple[str, ...]:
        """Every note the finding is about: ``notes``, else ``note`` alone (or none)."""
        if self.notes:
            return self.notes
        return () if self.note is None else (self.note,)


@dataclass(frozen=True, slots=True)
class FootnoteSet:
    """What the footnotes stage found in one manuscript."""

    manuscript: Manuscript
    footnotes: tuple[Footnote, ...]
    findings: tuple[Finding, ...] = ()
