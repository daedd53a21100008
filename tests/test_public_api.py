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


def test_a_citation_and_the_parsers_result_share_one_list_of_fields() -> None:
    # One copy of the fields a citation's text gives (the duplicates tool found two).
    from dataclasses import fields

    from citecheck.citations.draft import Parsed
    from citecheck.model import Citation, CitationFields

    shared = [f.name for f in fields(CitationFields)]
    assert issubclass(Citation, CitationFields)
    assert issubclass(Parsed, CitationFields)
    assert [f.name for f in fields(Parsed)] == [*shared, "supra_note", "short_who"]
    # Built as before: the note, index, text and place by position, the rest by name.
    location = citecheck.model.Location("essay.md", 1)
    citation = Citation("1", 0, "Roe, Title (2019).", location, title="Title")
    assert (citation.note, citation.index, citation.title, citation.work) == ("1", 0, "Title", "")
