"""The stages that read only the manuscripts' text: the citations, then the checks of no page.

``pipeline.run_check`` runs them in one worker (``worker.CpuWorker``) while
the links are asked. The citation parser and the checks are imported where
they run, and this module imports neither the links stage nor httpx, so a
worker process starting on it imports only what it uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Citation, Finding, FootnoteSet

__all__ = ["TextStages", "parse_and_check", "read_citations"]


@dataclass(frozen=True, slots=True)
class TextStages:
    """The citations and, when asked, the findings of the checks that read no fetched page."""

    citations: tuple[Citation, ...]
    findings: tuple[Finding, ...] | None = None


def read_citations(footnote_sets: Sequence[FootnoteSet]) -> tuple[Citation, ...]:
    """Parse every note into citations; short forms resolve within a manuscript.

    Indexes and work ids run on across the manuscripts: a work id names one
    work of one manuscript (the exports and reports join citations by it).
    """
    from citecheck.citations import parse_citations
    from citecheck.citations.reference_list import list_entries

    citations: list[Citation] = []
    works: set[str] = set()
    for footnote_set in footnote_sets:
        parsed = parse_citations(
            footnote_set.footnotes,
            start_index=len(citations),
            start_work=len(works),
            references=list_entries(footnote_set.manuscript.body),
        )
        works.update(c.work for c in parsed if c.work)
        citations.extend(parsed)
    return tuple(citations)


def parse_and_check(
    footnote_sets: tuple[FootnoteSet, ...], checks: CheckSettings | None
) -> TextStages:
    """Parse the citations, then (with ``checks``) run every check family but ``LINK_FAMILIES``."""
    citations = read_citations(footnote_sets)
    if checks is None:
        return TextStages(citations)
    from citecheck.checks import CHECKS, LINK_FAMILIES, run_checks

    run = CheckRun(footnote_sets=footnote_sets, citations=citations)
    return TextStages(citations, run_checks(run, checks, families=set(CHECKS) - LINK_FAMILIES))
