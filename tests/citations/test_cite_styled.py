"""The same note gives the same citations whatever format it was written in.

The parser tells titles by their italics, which every reader now hands on
the same way (``Footnote.styled``). The note below is cut at its semicolons
when its italics are lost; it must read as one book in every format.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from citecheck.citations import parse_citations
from citecheck.footnotes import find_footnotes
from citecheck.model import Footnote, Location
from citecheck.readers import read_manuscript

sys.path.insert(0, str(Path(__file__).parent / "formats"))

import formats_pdf
import formats_writers

NOTES = [
    [
        ("Jane Roe, ", False),
        ("War; Peace; and the Border", True),
        (" (Austin: University of Texas Press, 2001), 12.", False),
    ],
    [("Roe, ", False), ("War; Peace; and the Border", True), (", 14.", False)],
]
WRITERS = {
    "md": lambda n, s: formats_writers.markdown(n, s),
    "md_": lambda n, s: formats_writers.markdown(n, s, mark="_"),
    "html": formats_writers.html_page,
    "docx": formats_writers.docx,
    "tex": formats_writers.latex,
    "pdf": formats_pdf.pdf,
}


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_an_italic_title_with_semicolons_is_one_work_in_every_format(
    fmt: str, tmp_path: Path
) -> None:
    path = tmp_path / f"essay.{fmt.rstrip('_')}"
    sentences = formats_writers.body_sentences(len(NOTES), [80, 80])
    path.write_bytes(WRITERS[fmt](NOTES, sentences))
    citations = parse_citations(find_footnotes(read_manuscript(path)).footnotes)
    assert [(c.note, c.title) for c in citations] == [
        ("1", "War; Peace; and the Border"),
        ("2", "War; Peace; and the Border"),
    ]
    assert citations[0].type.value == "book"
    assert citations[1].antecedent == 0


def _footnote(text: str, *, raw: str = "", styled: str = "") -> Footnote:
    return Footnote("1", text, "", Location("a.docx", 1), raw=raw, styled=styled)


def test_the_styled_text_decides_and_the_raw_source_is_not_read() -> None:
    text = "Jane Roe, War; Peace; and the Border (Austin: UT Press, 2001), 12."
    # Word's raw XML says nothing the parser can read; the styled text carries the title.
    raw = "<w:footnote><w:p><w:r><w:t>Jane Roe, </w:t></w:r></w:p></w:footnote>"
    styled = "Jane Roe, <i>War; Peace; and the Border</i> (Austin: UT Press, 2001), 12."
    (citation,) = parse_citations([_footnote(text, raw=raw, styled=styled)])
    assert citation.title == "War; Peace; and the Border"
    lost = parse_citations([_footnote(text, raw=raw)])  # cut at its semicolons
    assert [c.title for c in lost] != ["War; Peace; and the Border"]


def test_a_styled_text_that_says_something_else_is_not_trusted() -> None:
    text = "Jane Roe, War; Peace; and the Border (2001)."
    styled = "Jane Roe, <i>Other Words</i> (2001)."
    assert parse_citations([_footnote(text, styled=styled)]) == parse_citations([_footnote(text)])


def test_an_escaped_star_in_the_styled_text_is_a_star_of_the_note() -> None:
    text = "Jane Roe, Fences* (2001)."
    (citation,) = parse_citations([_footnote(text, styled="Jane Roe, <i>Fences\\*</i> (2001).")])
    assert citation.title == "Fences*"
