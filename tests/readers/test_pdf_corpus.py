"""The Markdown, LaTeX and HTML corpus cases, typeset to PDF, read to the same notes.

tests/corpus/pdf/make_fixtures.py renders each case (pandoc -> pdflatex for
Markdown, pdflatex for LaTeX, Chromium for HTML) into tests/corpus/pdf/cases.
Each PDF must give the notes its source gives (text equal after whitespace
and quote normalisation) and the same markers. Markdown labels are names
(``[^treaty]``) that LaTeX prints as numbers, so for Markdown the texts are
compared as a set, without labels.

Cases left out say why: each is a difference in what the typesetter
printed, not in what the reader makes of the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.readers import read_manuscript

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CASES = CORPUS / "pdf" / "cases"

NOT_COMPARABLE = {
    "markdown-sup-style": "pandoc's LaTeX writer drops raw HTML, so <sup>n</sup> is not printed",
    "markdown-missing-and-orphan": "pandoc prints no unreferenced note and [^b] as text",
    "html-epub-notes": "<aside> notes print inline in the body, not as notes",
    "html-libreoffice": "the browser prints the endnote labelled i as list number 1.",
    "html-word-save-as": "Word's [1] labels print on lines of their own, apart from the note",
    "html-wordpress-plugins": "the plugin's note 3 prints as list item 1.",
}


def _source(case: Path) -> Path:
    folder, stem = case.stem.split("-", 1)
    return next(p for p in (CORPUS / folder).glob(f"{stem}.*") if not p.name.endswith(".json"))


def _normalised(text: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return " ".join(text.translate(table).split())


ALL = sorted(CASES.glob("*.pdf"))


def test_every_source_case_was_rendered() -> None:
    rendered = {p.stem for p in ALL}
    for folder, pattern in (("markdown", "*.md"), ("latex", "*.tex"), ("html", "*.*html")):
        for source in (CORPUS / folder).glob(pattern):
            assert f"{folder}-{source.stem}" in rendered


@pytest.mark.parametrize(
    "case", [c for c in ALL if c.stem not in NOT_COMPARABLE], ids=lambda p: p.stem
)
def test_rendered_case_reads_to_the_sources_notes(case: Path) -> None:
    source = read_manuscript(_source(case))
    typeset = read_manuscript(case)
    assert typeset.format == "pdf"
    if case.stem.startswith("markdown-"):
        assert sorted(_normalised(n.text) for n in typeset.notes) == sorted(
            _normalised(n.text) for n in source.notes
        )
        assert [n.label for n in typeset.notes] == [str(i) for i in range(1, len(source.notes) + 1)]
        assert len(typeset.markers) == len(source.markers)
    else:
        assert [(n.label, _normalised(n.text)) for n in typeset.notes] == [
            (n.label, _normalised(n.text)) for n in source.notes
        ]
        assert [m.label for m in typeset.markers] == [m.label for m in source.markers]


@pytest.mark.parametrize("stem", sorted(NOT_COMPARABLE))
def test_left_out_cases_still_read(stem: str) -> None:
    # Whatever was printed, reading it gives a manuscript, never an error.
    manuscript = read_manuscript(CASES / f"{stem}.pdf")
    assert manuscript.body
