"""GFM tables in Markdown manuscripts: each row is its own paragraph and sentence.

Joined into one paragraph (as before), a table read as a single sentence of
dozens of figures, and a "total" or a number in one cell was checked
against the figures of every other row.
"""

from __future__ import annotations

from pathlib import Path

from citecheck import pipeline
from citecheck.config import Settings
from citecheck.readers import markdown
from citecheck.sentences import sentence_spans

TABLE = (
    "# Sites\n"
    "\n"
    "The programme ran in two regions.[^1]\n"
    "\n"
    "| Region | Sites | Staff |\n"
    "|:---|---:|:---:|\n"
    "| North | 12 | 340[^2] |\n"
    "| South | 9 | 275 |\n"
    "\n"
    "After the table.\n"
    "\n"
    "[^1]: Programme report, 2024.\n"
    "[^2]: Staff on 1 May.\n"
)


def test_each_row_is_a_paragraph_and_the_delimiter_row_is_dropped() -> None:
    manuscript = markdown.read("t.md", TABLE.encode())
    paragraphs = manuscript.body.split("\n\n")
    assert "| Region | Sites | Staff |" in paragraphs
    assert "| South | 9 | 275 |" in paragraphs
    assert any(p.startswith("| North | 12 | 340") for p in paragraphs)
    assert not any("---" in p for p in paragraphs)
    assert "After the table." in paragraphs


def test_a_marker_in_a_cell_keeps_its_line() -> None:
    manuscript = markdown.read("t.md", TABLE.encode())
    lines = {marker.label: marker.location.line for marker in manuscript.markers}
    assert lines == {"1": 3, "2": 7}


def test_pipes_without_a_delimiter_row_are_text() -> None:
    text = "A | B and C | D are two pairs\nwritten over two lines.\n"
    manuscript = markdown.read("t.md", text.encode())
    assert (
        manuscript.body == "A | B and C | D are two pairs\nwritten over two lines."
    )  # one paragraph


def test_a_blank_line_next_to_a_table_row_ends_the_sentence() -> None:
    text = "| Region | Staff in post |\n\n| North | 340 |\n\nthe rest of a long line"
    spans = [text[a:b] for a, b in sentence_spans(text)]
    assert spans == ["| Region | Staff in post |", "| North | 340 |", "the rest of a long line"]


def test_figures_of_two_rows_are_not_summed_against_each_other(tmp_path: Path) -> None:
    # Two rows of this project's own docs/citations.md: read as one sentence, the
    # 45 of the first row was taken for a total of 45 + 20 + 12 from the second.
    essay = tmp_path / "readings.md"
    essay.write_text(
        "# Readings\n\n| Written | Read as |\n|---|---|\n"
        '| `Schmidt, Grundrechte, 3. Aufl. 2010, S. 45 f.` | book: date 2010, pinpoint "45 f." |\n'
        "| `Schmidt, in: Maunz/Dürig, GG, Art. 20 Rn. 12 (Stand: Mai 2000)` | chapter: "
        'container "Maunz/Dürig", pinpoint "Art. 20 Rn. 12" |\n',
        encoding="utf-8",
    )
    run = pipeline.run_check([essay], Settings(), links=False, archive=False, sources=False)
    assert [f.rule for f in run.findings if f.rule == "sum-mismatch"] == []
