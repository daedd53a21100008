"""Citation problems as findings: what the citations stage could not parse or resolve.

The citations stage keeps its failures as values (``Citation.problem``, a
short form whose ``antecedent`` is None); this module turns each into one
finding an editor can act on. Problems of the footnotes stage
(``FootnoteSet.findings``) are reported by the pipeline, not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.checks.catalogue import PROBLEM, UNRESOLVED
from citecheck.checks.passages import Passage
from citecheck.checks.rules import raise_finding
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Citation, Finding, ShortForm

__all__ = ["check_notes"]

_SHORT_NAMES = {
    ShortForm.ID: "Id.",
    ShortForm.IBID: "Ibid.",
    ShortForm.SUPRA: "supra",
    ShortForm.SHORT_TITLE: "short title",
}


def check_notes(
    run: CheckRun, passages: tuple[Passage, ...], settings: CheckSettings
) -> Iterator[Finding]:
    """One finding per unresolved short form or citation problem."""
    del passages, settings
    full_at: dict[tuple[str, str], int] = {}
    for citation in run.citations:
        if citation.work and citation.short_form is None and citation.problem is None:
            full_at.setdefault((citation.location.path, citation.work), citation.index)
    for citation in run.citations:
        later = full_at.get((citation.location.path, citation.work)) if citation.work else None
        if citation.short_form is not None and later is not None and later > citation.index:
            continue  # across_notes reports it as a short form before its full citation
        raw = re.sub(r"\s+", " ", citation.raw).strip()
        if (
            citation.short_form is not None
            and citation.antecedent is None
            and not _findable(citation, run.citations)
        ):
            why = f" ({citation.problem})" if citation.problem else ""
            message = (
                f"“{raw[:120]}” in note {citation.note} is a short form "
                f"({_SHORT_NAMES[citation.short_form]}) with nothing to refer to{why}. Give the "
                "full citation, or point it at the right note."
            )
            yield raise_finding(
                UNRESOLVED, message, citation.location, note=citation.note, evidence=raw
            )
        elif citation.problem and citation.short_form is None:
            message = f"Note {citation.note}: {citation.problem}. Check the citation “{raw[:120]}”."
            yield raise_finding(
                PROBLEM, message, citation.location, note=citation.note, evidence=raw
            )


_SUPRA_NOTE = re.compile(r"\bsupra\s+note\s+(\w+)", re.IGNORECASE)


def _normal(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _findable(citation: Citation, citations: tuple[Citation, ...]) -> bool:
    """Whether an earlier citation plainly is what the short form names.

    The parser may leave a correct short form unresolved (a string citation
    it did not split, say); citecheck then cannot tell and says nothing.
    "Id."/"ibid." point at whatever came just before, so any earlier
    citation in the manuscript will do; "Ngai, Impossible Subjects, 89." and
    "Stumpf, supra note 28" need an earlier citation (in note 28) whose text
    names the author and the short title.
    """
    earlier = [
        c
        for c in citations
        if c.index < citation.index and c.location.path == citation.location.path
    ]
    if citation.short_form in {ShortForm.ID, ShortForm.IBID}:
        return bool(earlier)
    supra = _SUPRA_NOTE.search(citation.raw)
    if supra is not None:
        earlier = [c for c in earlier if c.note == supra.group(1)]
    names = [_normal(p.family) for p in citation.authors if p.family]
    if not names:
        lead = citation.raw.split(",", 1)[0]
        names = [_normal(lead)] if lead.strip() and supra is not None else []
    title = _normal(citation.title or "") if citation.short_form is ShortForm.SHORT_TITLE else ""
    if not names and not title:
        return False
    for candidate in earlier:
        text = _normal(candidate.raw)
        if all(name in text for name in names) and title in text:
            return True
    return False
