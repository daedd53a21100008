"""One test per crash or hang the mutation run (tests/readers/mutate.py) found.

Each input is the smallest form of a mutant that crashed or hung before its
fix. The hangs are guarded by a pytest-timeout budget (a watchdog that fails
the case), never by an assertion on speed; before the fix each of them ran
for minutes or more.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_docx_reader import B

from citecheck import pipeline
from citecheck.citations import parse_citations
from citecheck.errors import ManuscriptSyntaxError
from citecheck.footnotes import find_footnotes
from citecheck.model import Footnote, Location
from citecheck.readers import read_manuscript
from citecheck.readers._text import small_number
from citecheck.readers.docx import read as read_docx


def _notes(tmp_path: Path, name: str, text: str | bytes) -> tuple[list[str], list[str]]:
    """(note labels, finding messages) of a manuscript written to ``tmp_path/name``."""
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    notes = find_footnotes(read_manuscript(path))
    parse_citations(notes.footnotes)
    return [n.label for n in notes.footnotes], [f.message for f in notes.findings]


def test_small_number_takes_only_short_ascii_numbers() -> None:
    assert small_number(" 42 ") == 42
    assert small_number("-3") == -3
    assert small_number("999999999") == 999_999_999
    for text in ("9" * 10, "9" * 5000, "²", "--0", "-", "", "1e308", "١٢"):
        assert small_number(text) is None, text


def test_a_5000_digit_note_label_is_not_a_note_number(tmp_path: Path) -> None:
    # int() refuses strings past 4,300 digits (ValueError): the footnotes stage crashed.
    big = "9" * 5000
    labels, _ = _notes(
        tmp_path, "big.txt", f"Claim.<sup>{big}</sup>\n\n---\n\n<sup>{big}</sup> A note.\n"
    )
    assert labels == [big]


def test_a_superscript_digit_label_does_not_crash(tmp_path: Path) -> None:
    # "²".isdigit() is True but int("²") raises.
    labels, _ = _notes(tmp_path, "sq.md", "Claim.[^²]\n\n[^²]: A note.\n")
    assert labels == ["²"]


@pytest.mark.timeout(60)
def test_a_huge_gap_in_the_numbering_is_described_not_listed(tmp_path: Path) -> None:
    # The gap 2 .. 999,999,998 was listed number by number (a billion-item list).
    text = (
        "One.<sup>1</sup> Two.<sup>999999999</sup>\n\n---\n\n"
        "<sup>1</sup> First note.\n\n<sup>999999999</sup> Second note.\n"
    )
    _, messages = _notes(tmp_path, "gap.txt", text)
    assert any("999999997 note numbers between 1 and 999999999" in m for m in messages)
    _, small = _notes(tmp_path, "small-gap.txt", text.replace("999999999", "4"))
    assert any("skips notes 2-3" in m for m in small)


def test_latex_counter_with_a_doubled_minus_is_ignored(tmp_path: Path) -> None:
    # value.lstrip("-").isdigit() let "--0" through to int().
    text = "\\setcounter{footnote}{--0}Claim.\\footnote{A note.}\n"
    labels, _ = _notes(tmp_path, "c.tex", text)
    assert labels == ["1"]


def test_latex_counter_past_nine_digits_is_ignored(tmp_path: Path) -> None:
    text = "\\setcounter{footnote}{" + "9" * 5000 + "}Claim.\\footnote{A note.}\n"
    labels, _ = _notes(tmp_path, "c.tex", text)
    assert labels == ["1"]


@pytest.mark.timeout(60)
def test_docx_note_start_past_the_limit_is_ignored() -> None:
    # A start of 10**20 in lowerLetter made a label of ~4 * 10**18 letters.
    settings = (
        '<w:footnotePr><w:numFmt w:val="lowerLetter"/><w:numStart w:val="{}"/></w:footnotePr>'
    )
    body = B.para(B.run("Claim."), B.fref(1))
    notes = B.note("footnote", 1, B.para(B.run(" A note.")))
    for start, label in (("99999999999999999999", "a"), ("5000000", "a"), ("28", "bb")):
        data = B.package(body, footnotes=notes, settings=settings.format(start))
        assert [n.label for n in read_docx("a.docx", data).notes] == [label]


def test_html_list_start_past_nine_digits_is_ignored(tmp_path: Path) -> None:
    html = (
        "<html><body><p>Claim.<sup>1</sup></p><h2>Notes</h2>"
        f'<ol start="{"9" * 5000}"><li>A note.</li></ol></body></html>'
    )
    labels, _ = _notes(tmp_path, "list.html", html)
    assert labels == ["1"]


@pytest.mark.timeout(60)
def test_a_paragraph_of_thousands_of_markers_cuts_its_sentences_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Repeated markers and markers without notes each cut their paragraph anew.
    from citecheck import footnotes

    calls = 0
    real = footnotes.sentence_spans

    def counting(text: str, *, one_paragraph: bool = False) -> list[tuple[int, int]]:
        nonlocal calls
        calls += 1
        return real(text, one_paragraph=one_paragraph)

    monkeypatch.setattr(footnotes, "sentence_spans", counting)
    text = "Claim.<sup>1</sup> " * 3000 + "Gone.<sup>7</sup>" * 3000 + "\n\n<sup>1</sup> A note.\n"
    labels, messages = _notes(tmp_path, "many.txt", text)
    assert labels == ["1"]
    assert len(messages) == 2 * 3000 - 1
    assert calls == 1


@pytest.mark.timeout(60)
def test_thousands_of_unclosed_inline_notes_are_read_in_one_pass(tmp_path: Path) -> None:
    # Each "^[" searched to the end of the file for its "]", character by character.
    text = "Claim.^[an inline note " * 20_000 + "\n"
    labels, _ = _notes(tmp_path, "open.md", text)
    assert labels == []
    closed = "Claim.^[a [nested] note \\] still] more. " * 2000
    manuscript = read_manuscript(_write(tmp_path, "closed.md", closed))
    assert len(manuscript.notes) == 2000
    assert manuscript.notes[0].text == "a [nested] note ] still"


def test_the_pipeline_reads_the_regressions_together(tmp_path: Path) -> None:
    note = "John Smith, The Border 12 (2001)."
    paths = [
        _write(tmp_path, "a.txt", "Claim.<sup>" + "9" * 5000 + "</sup>\n"),
        _write(tmp_path, "b.tex", "\\addtocounter{footnote}{--1}Claim.\\footnote{" + note + "}\n"),
    ]
    citations = pipeline.read_citations(pipeline.read_footnotes(paths))
    assert [c.note for c in citations] == ["1"]


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.timeout(60)
def test_a_docx_part_that_inflates_a_thousandfold_is_refused_as_a_zip_bomb() -> None:
    # 300 KB unpacking to 100 MB of tiny, valid paragraphs took minutes to read.
    import mutate

    data = (Path(__file__).resolve().parents[1] / "corpus" / "docx" / "word-runs.docx").read_bytes()
    bombed = mutate.with_bomb(data, "word/document.xml", 100, well_formed=True)
    assert len(bombed) < 400_000
    with pytest.raises(ManuscriptSyntaxError, match=r"word/document.xml inflates .* zip bomb"):
        read_docx("bomb.docx", bombed)


def test_a_nul_in_a_docx_part_is_one_line_naming_the_file() -> None:
    # lxml's message ended in "\n", so the error took two lines.
    body = B.para(B.run("Claim.\x00"), B.fref(1))
    data = B.package(body, footnotes=B.note("footnote", 1, B.para(B.run(" A note."))))
    with pytest.raises(ManuscriptSyntaxError) as caught:
        read_docx("nul.docx", data)
    message = str(caught.value)
    assert message.startswith("nul.docx: malformed XML in part word/document.xml, line 1")
    assert "\n" not in message
    assert not message.endswith(" ")


def test_every_input_error_is_one_line() -> None:
    from citecheck.errors import InputError

    error = InputError("essay.md", "cannot parse:\n  unexpected end\n", line=3)
    assert str(error) == "essay.md:3: cannot parse: unexpected end"


@pytest.mark.timeout(20)
def test_a_note_of_one_unbroken_100_kb_run_parses() -> None:
    """The CRF stage's URL blanking retried ``\\S*`` at every offset of such a run (40 s)."""
    text = "U.S. Department of State, Dialogue, 2013.\n" + "\\footnote{" * 10_000
    note = Footnote("1", text, "", Location("mutant.html", 1))
    assert parse_citations([note]) is not None
