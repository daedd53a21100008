"""Typed endnotes in plain text: ``[n]`` / ``^n`` markers and a numbered "Notes" list at the end.

Before, such a file gave no notes and no word about it (a silent "no
problems found"); now its notes are read as in the ``<sup>n</sup>`` style,
and a file with text but no notes at all gets a ``no-notes-found`` warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.cli import main
from citecheck.footnotes import find_footnotes
from citecheck.model import FootnoteSet
from citecheck.readers import read_manuscript


def _read(tmp_path: Path, text: str, name: str = "report.txt") -> tuple[Path, FootnoteSet]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, find_footnotes(read_manuscript(path))


def _notes(tmp_path: Path, text: str, name: str = "report.txt") -> list[tuple[str, str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    found = find_footnotes(read_manuscript(path))
    return [(f.label, f.text, f.claim) for f in found.footnotes]


def test_brackets_after_stops_and_a_notes_heading_over_dotted_items(tmp_path: Path) -> None:
    text = (
        "Harbour Dues\n\n"
        "Tonnage fell by a third in 2011.[1] The port board blamed the new canal.[2]\n"
        "Dredging cost more than planned.[3]\n\n"
        "Notes\n\n"
        "1. Ida Marsh, Harbour Trade (Leeds: Quay Press, 2013), 44.\n\n"
        "2. Port Board, Annual Report 2012, http://127.0.0.1:9/annual-2012.\n\n"
        "3. Ibid., 12.\n"
    )
    notes = _notes(tmp_path, text)
    assert [n[0] for n in notes] == ["1", "2", "3"]
    assert notes[1][1] == "Port Board, Annual Report 2012, http://127.0.0.1:9/annual-2012."
    assert notes[0][2] == "Tonnage fell by a third in 2011."
    assert notes[2][2] == "Dredging cost more than planned."


def test_brackets_before_punctuation_endnotes_heading_and_bracketed_items(tmp_path: Path) -> None:
    # Items on consecutive lines; a wrapped line starting with a number stays in its item.
    text = (
        "The statute was amended twice[1], and the court read it narrowly[2].\n\n"
        "ENDNOTES:\n"
        "[1] Pub. L. No. 98-473, codified at 42 U.S.C.\n"
        "1983 (2018).\n"
        "[2] Doe v. Roe, 541 U.S. 12 (2004).\n"
    )
    _, found = _read(tmp_path, text)
    notes = found.footnotes
    assert [n.label for n in notes] == ["1", "2"]
    assert notes[0].text == "Pub. L. No. 98-473, codified at 42 U.S.C. 1983 (2018)."
    assert notes[0].claim.startswith("The statute was amended twice")
    assert notes[1].location.line == 6
    assert not found.findings


def test_caret_markers_and_a_markdown_footnotes_heading(tmp_path: Path) -> None:
    text = (
        "# Water Rights\n\n"
        "Wells ran dry in 1977.^1 Farmers sued the district.^2 The area is 10^3 acres.\n\n"
        "## Footnotes\n\n"
        "1 State Engineer, Drought Survey (1978).\n"
        "2 Kemp v. Water District, 12 P.2d 4 (1979).\n"
    )
    notes = _notes(tmp_path, text, "rights.md")
    assert [(n[0], n[2]) for n in notes] == [
        ("1", "Wells ran dry in 1977."),
        ("2", "Farmers sued the district."),
    ]
    manuscript = read_manuscript(tmp_path / "rights.md")
    assert manuscript.format == "plaintext"
    assert "10^3 acres" in manuscript.body  # an exponent is no marker


def test_numbered_references_used_as_notes_with_lists_and_ranges(tmp_path: Path) -> None:
    text = (
        "Mesh networks recover in seconds [1, 2]. Later studies disagree [3-4].\n\n"
        "References\n\n"
        "[1] A. Lund, Mesh repair, IEEE Netw. 3 (2001).\n"
        "[2] B. Okafor, Self-healing radio, ACM (2004).\n"
        "[3] C. Ruiz, Slow meshes (2010).\n"
        "[4] D. Ng, Mesh delay, http://127.0.0.1:9/ng.\n"
    )
    _, found = _read(tmp_path, text)
    notes = found.footnotes
    assert [n.label for n in notes] == ["1", "2", "3", "4"]
    assert notes[1].claim == "Mesh networks recover in seconds."
    assert notes[3].claim == "Later studies disagree."


def test_the_list_ends_where_an_unnumbered_list_begins(tmp_path: Path) -> None:
    text = (
        "Rents rose.[1] Wages did not.[2]\n\n"
        "Notes\n\n"
        "1. Hale (2019), p. 3.\n\n"
        "2. Ono (2020), p. 9.\n\n"
        "References\n\n"
        "Hale, P. (2019). Rent. City Press.\n\n"
        "Ono, K. (2020). Wages. Union Books.\n"
    )
    _, found = _read(tmp_path, text)
    notes = found.footnotes
    assert [n.text for n in notes] == ["Hale (2019), p. 3.", "Ono (2020), p. 9."]
    body = found.manuscript.body
    assert "Ono, K. (2020). Wages." in body
    assert "[1]" not in body
    assert "Notes" not in body


def test_a_gap_in_the_list_is_reported_not_swallowed(tmp_path: Path) -> None:
    text = "One.[1] Two.[2] Three.[3]\n\nNotes\n\n1. A (2001).\n2. B (2002).\n\n"
    _, found = _read(tmp_path, text)
    assert [f.rule for f in found.findings] == ["marker-without-note"]


@pytest.mark.parametrize(
    "text",
    [
        # a numbered list under "Notes" that no marker points to
        "Meeting minutes.\n\nNotes\n\n1. Buy paper.\n2. Call Ann.\n",
        # the <sup> style keeps its own reading
        "It fell.<sup>1</sup> [2] is a list.\n\n---\n\n<sup>1</sup> A (2001).\n\nNotes\n\n2. x\n",
        # a year in brackets and an array index in code are no markers
        "In [2019] it fell, see `a[1]`.\n\nNotes\n\n1. Item one.\n",
    ],
)
def test_shapes_that_are_not_typed_endnotes_are_left_alone(tmp_path: Path, text: str) -> None:
    _, found = _read(tmp_path, text)
    labels = [f.label for f in found.footnotes]
    assert labels in ([], ["1"])
    if labels:
        assert found.footnotes[0].text == "A (2001)."


def test_markdown_reference_links_numbered_like_notes_stay_links(tmp_path: Path) -> None:
    text = "See the map [1].\n\n[1]: http://127.0.0.1:9/map\n\nNotes\n\n1. A note.\n"
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    manuscript = read_manuscript(path)
    assert manuscript.format == "markdown"


def test_text_without_notes_is_a_warning_in_the_report_and_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "draft.txt"
    path.write_text("Sales rose.[1] Costs fell.[2]\n\nSources: our own files.\n", encoding="utf-8")
    code = main(["check", str(path), "--offline", "--no-progress", "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0
    assert "no-notes-found" in captured.out
    assert "draft.txt: warning: No notes were found" in captured.err
    assert "markers like [1]" in captured.err


def test_notes_found_means_no_such_warning(tmp_path: Path) -> None:
    _, found = _read(tmp_path, "It fell.<sup>1</sup>\n\n---\n\n<sup>1</sup> A (2001).\n")
    assert not found.findings
    _, found = _read(tmp_path, "A short essay with no notes at all.\n", "plain.md")
    assert [f.rule for f in found.findings] == ["no-notes-found"]
