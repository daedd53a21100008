"""Format detection and the input errors of read_manuscript.

Every bad input must end in an InputError whose message names the file
(and the line where one applies), never in a traceback.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from citecheck.errors import InputError, UnsupportedFormatError
from citecheck.readers import READERS, detect_format, read_manuscript

ERRORS = Path(__file__).resolve().parents[1] / "corpus" / "errors"


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("essay.md", b"Text.[^1]\n\n[^1]: Note.\n", "markdown"),
        ("essay.markdown", b"Text.\n", "markdown"),
        ("essay.tex", b"Text.\\footnote{Note.}\n", "latex"),
        ("essay.html", b"<!DOCTYPE html><html></html>", "html"),
        ("essay.htm", b"<html></html>", "html"),
        ("essay.docx", _docx_bytes(), "docx"),
        # .txt, no extension and unknown extensions are sniffed.
        ("essay.txt", b"Text.<sup>1</sup>\n\n---\n\n<sup>1</sup> Note.\n", "plaintext"),
        ("essay.txt", b"\xef\xbb\xbf  <!doctype HTML>\n<html>", "html"),
        ("essay.txt", b"\\documentclass{article}\n", "latex"),
        ("essay", b"Claim.\\footnote{Note.}", "latex"),
        ("essay.text", b"Claim.[^n]\n\n[^n]: Note.\n", "markdown"),
        ("essay.txt", _docx_bytes(), "docx"),
        ("essay.txt", b"Just prose, no notes.\n", "plaintext"),
        # Wrongly named files are read by what they are.
        ("essay.docx", b"Text.<sup>1</sup>\n\n<sup>1</sup> Note.\n", "plaintext"),
        ("essay.html", _docx_bytes(), "docx"),
        ("ESSAY.TEX", b"x", "latex"),
        ("essay.pdf", b"%PDF-1.7\n%\xe2\xe3\n", "pdf"),
        ("essay.txt", b"%PDF-1.4\n", "pdf"),
        ("essay", b"\r\n%PDF-1.5\n", "pdf"),
        ("essay.pdf", b"Text.<sup>1</sup>\n\n<sup>1</sup> Note.\n", "plaintext"),
    ],
)
def test_detect_format(name: str, data: bytes, expected: str) -> None:
    assert detect_format(name, data) == expected


def test_every_detected_format_has_a_reader() -> None:
    assert set(READERS) == {"plaintext", "markdown", "html", "docx", "latex", "pdf"}


def test_text_named_docx_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "essay.docx"
    path.write_bytes(b"A claim.<sup>1</sup>\n\n---\n\n<sup>1</sup> A source.\n")
    manuscript = read_manuscript(path)
    assert manuscript.format == "plaintext"
    assert [n.text for n in manuscript.notes] == ["A source."]


def test_explicit_format_skips_detection(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("A claim.[^1]\n\n[^1]: Source.\n", encoding="utf-8")
    assert read_manuscript(path, format="markdown").notes[0].text == "Source."
    assert read_manuscript(path, format="plaintext").notes == ()


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError, match=r"a\.txt: unknown format 'rtf'"):
        read_manuscript(path, format="rtf")


def test_file_without_notes_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "preface.md"
    path.write_text("# Preface\n\nNo notes here.\n", encoding="utf-8")
    manuscript = read_manuscript(path)
    assert manuscript.notes == ()
    assert manuscript.markers == ()
    assert "No notes here." in manuscript.body


@pytest.mark.parametrize(
    ("name", "pattern", "line"),
    [
        ("empty.txt", r"errors/empty\.txt: the file is empty$", None),
        ("blank.md", r"errors/blank\.md: the file is empty$", None),
        ("nul.txt", r"errors/nul\.txt:3: the file is binary", 3),
        ("latin1.txt", r"errors/latin1\.txt:5: not valid UTF-8: byte 0xE9 at column 17", 5),
        ("utf16.txt", r"errors/utf16\.txt: the file is UTF-16 encoded; save it as UTF-8", None),
        ("archive.html", r"errors/archive\.html: the file is a zip archive but not a Word", None),
    ],
)
def test_bad_files_name_the_file_and_line(
    name: str, pattern: str, line: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ERRORS.parent)
    with pytest.raises(InputError, match=pattern) as caught:
        read_manuscript(f"errors/{name}")
    assert caught.value.path == f"errors/{name}"
    assert caught.value.line == line


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.md"
    with pytest.raises(InputError, match=r"nowhere\.md: no such file"):
        read_manuscript(missing)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_manuscript(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads any file whatever its mode, so the refusal is simulated.
    import citecheck.readers as readers

    def refuse(name: str, mode: str = "r") -> object:
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(readers, "open", refuse, raising=False)
    with pytest.raises(InputError, match=r"locked\.txt: permission denied"):
        read_manuscript(tmp_path / "locked.txt")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".tex"])
def test_bom_and_crlf_are_accepted_by_every_text_reader(tmp_path: Path, suffix: str) -> None:
    sources = {
        ".txt": "Claim.<sup>1</sup>\n\n---\n\n<sup>1</sup> Source é.\n",
        ".md": "Claim.[^1]\n\n[^1]: Source é.\n",
        ".tex": "Claim.\\footnote{Source é.}\n",
    }
    path = tmp_path / f"essay{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + sources[suffix].replace("\n", "\r\n").encode("utf-8"))
    manuscript = read_manuscript(path)
    assert [n.text for n in manuscript.notes] == ["Source é."]
    assert "\r" not in manuscript.body
    assert manuscript.markers[0].location.line == 1


@pytest.mark.parametrize("suffix", [".txt", ".md", ".tex"])
def test_bad_utf8_names_the_line_in_every_text_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"essay{suffix}"
    path.write_bytes(b"ok\nok\nbad \xff here\n")
    with pytest.raises(InputError) as caught:
        read_manuscript(path)
    assert str(caught.value).startswith(f"{path}:3: not valid UTF-8")


def test_utf16_html_with_a_bom_is_read_and_utf16_text_is_named(tmp_path: Path) -> None:
    # Both were refused before any reader ran: the BOM as "UTF-16", the text as "binary".
    page = tmp_path / "page.html"
    html = (
        "\ufeff<p>Claim.<sup><a href='#fn1' id='r1'>1</a></sup></p><ol><li id='fn1'>"
        "Jane Doe, <i>Border Lines</i> (2001). <a href='#r1'>↩</a></li></ol>"
    )
    page.write_bytes(html.encode("utf-16-le"))
    assert [n.text for n in read_manuscript(page).notes] == ["Jane Doe, Border Lines (2001)."]
    text = tmp_path / "essay.md"
    text.write_bytes("A claim.[^1]\n\n[^1]: Jane Doe, Border Lines (2001).\n".encode("utf-16-be"))
    with pytest.raises(InputError, match=r"looks like UTF-16 \(big-endian"):
        read_manuscript(text)


@pytest.mark.parametrize(
    ("entries", "named"),
    [
        (
            {"mimetype": "application/epub+zip", "OEBPS/ch1.xhtml": "<html/>"},
            r"book\.epub: the file is an EPUB book, .*its chapters are XHTML, which it reads:"
            r" unzip the book and check them",
        ),
        (
            {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"},
            r"book\.epub: the file is an OpenDocument text \(\.odt\).*save it as a Word document",
        ),
        ({"xl/workbook.xml": "<x/>"}, r"book\.epub: the file is an Excel workbook"),
        ({"other.txt": "x"}, r"book\.epub: the file is a zip archive but not a Word document"),
    ],
)
def test_a_zip_that_is_no_word_document_is_named(
    entries: dict[str, str], named: str, tmp_path: Path
) -> None:
    # The kind comes from the archive's content (mimetype entry, OOXML part), not its name.
    import zipfile

    path = tmp_path / "book.epub"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    with pytest.raises(UnsupportedFormatError, match=named):
        read_manuscript(path)
