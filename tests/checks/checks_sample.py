"""The sample essay as a CheckRun, through the project's own stages where they exist.

Reading uses ``citecheck.readers.read_manuscript`` and citations
``citecheck.citations.parse_citations``. Until ``citecheck.footnotes``
lands, markers are paired with notes here by label, with the claim taken as
the body sentence around the marker (the footnotes stage's job; this
stand-in only feeds the checks).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from citecheck.citations import parse_citations
from citecheck.model import CheckRun, Footnote, FootnoteSet, Manuscript
from citecheck.readers import read_manuscript

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "references" / "us-mexico-border-essays.txt"
LEDGER = SAMPLE.parent / "facts.toml"


def _claim(body: str, offset: int) -> str:
    start = max(body.rfind(". ", 0, offset), body.rfind("\n\n", 0, offset))
    end_match = re.search(r"[.!?](?=\s)|\n\n", body[offset:])
    end = offset + end_match.end() if end_match else len(body)
    return body[start + 1 : end].strip()


def footnote_set(manuscript: Manuscript) -> FootnoteSet:
    try:
        module = importlib.import_module("citecheck.footnotes")
    except ModuleNotFoundError:
        module = None
    if module is not None and hasattr(module, "find_footnotes"):
        found = module.find_footnotes(manuscript)
        if isinstance(found, FootnoteSet):
            return found
        return FootnoteSet(manuscript, tuple(found))
    markers = {m.label: m for m in manuscript.markers}
    notes = tuple(
        Footnote(
            label=note.label,
            text=note.text,
            claim=_claim(manuscript.body, markers[note.label].offset)
            if note.label in markers
            else "",
            location=note.location,
            marker=markers[note.label].location if note.label in markers else None,
            raw=note.raw,
        )
        for note in manuscript.notes
    )
    return FootnoteSet(manuscript, notes)


def manuscript_run(path: Path) -> CheckRun:
    """Any manuscript read, paired and parsed; no links fetched."""
    manuscript = read_manuscript(path)
    footnotes = footnote_set(manuscript)
    return CheckRun(footnote_sets=(footnotes,), citations=parse_citations(footnotes.footnotes))


def sample_run() -> CheckRun:
    """The sample read, paired and parsed; no links fetched (tests stay offline)."""
    return manuscript_run(SAMPLE)
