"""The public surface is small, sorted and importable; the stage verbs chain by hand."""

from __future__ import annotations

from pathlib import Path

import citecheck

SAMPLE = Path(__file__).parents[1] / "references" / "us-mexico-border-essays.txt"


def test_all_is_sorted_and_importable() -> None:
    assert len(citecheck.__all__) == len(set(citecheck.__all__))
    for name in citecheck.__all__:
        assert getattr(citecheck, name) is not None, name


def test_stage_verbs_chain_without_the_pipeline() -> None:
    manuscript = citecheck.read_manuscript(SAMPLE)
    notes = citecheck.find_footnotes(manuscript)
    citations = citecheck.parse_citations(notes.footnotes)
    assert len(notes.footnotes) == 23
    assert {c.note for c in citations} >= {"2", "11", "18", "21"}
    bib = citecheck.export(citations, "bibtex")
    assert bib.count("@") >= 10
