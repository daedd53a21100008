"""Citation problems as findings: what the citations stage could not parse or resolve.

The citations stage keeps its failures as values (``Citation.problem``, a
short form whose ``antecedent`` is None); this module turns each into one
finding an editor can act on. Problems of the footnotes stage
(``FootnoteSet.findings``) are reported by the pipeline, not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.checks.numbers import Passage
from citecheck.checks.rules import Rule, raise_finding
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Finding, Severity

__all__ = ["RULES", "check_notes"]

_FAMILY = "notes"
UNRESOLVED = Rule(
    "unresolved-short-form",
    Severity.WARNING,
    _FAMILY,
    "Id., ibid., supra or a short title with no earlier citation it can refer to.",
)
PROBLEM = Rule(
    "citation-problem",
    Severity.WARNING,
    _FAMILY,
    "A citation could not be parsed or resolved (the parser says why).",
)
RULES = (UNRESOLVED, PROBLEM)


def check_notes(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """One finding per unresolved short form or citation problem."""
    del passages, settings
    for citation in run.citations:
        raw = re.sub(r"\s+", " ", citation.raw).strip()
        if citation.short_form is not None and citation.antecedent is None:
            why = f" ({citation.problem})" if citation.problem else ""
            message = (
                f"“{raw[:120]}” in note {citation.note} is a {citation.short_form.value} short "
                f"form with nothing to refer to{why}. Give the full citation, or point it at the "
                "right note."
            )
            yield raise_finding(
                UNRESOLVED, message, citation.location, note=citation.note, evidence=raw
            )
        elif citation.problem:
            message = f"Note {citation.note}: {citation.problem}. Check the citation “{raw[:120]}”."
            yield raise_finding(
                PROBLEM, message, citation.location, note=citation.note, evidence=raw
            )
