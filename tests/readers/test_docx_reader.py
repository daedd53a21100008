"""The DOCX reader: labels, offsets, lines, and clear errors for broken files."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.errors import InputError, ManuscriptSyntaxError
from citecheck.readers import _docx_package
from citecheck.readers.docx import read

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "docx"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_docx", CORPUS / "src" / "make_docx.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_docx", module)
    spec.loader.exec_module(module)
    return module


B = _builder()


def _zip(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _parts(data: bytes) -> dict[str, bytes | str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _syntax_error(data: bytes) -> str:
    with pytest.raises(ManuscriptSyntaxError) as caught:
        read("essay.docx", data)
    assert isinstance(caught.value, InputError)
    message = str(caught.value)
    assert message.startswith("essay.docx: ")
    return message


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


def test_committed_fixtures_match_their_builder() -> None:
    for name, build in B.FIXTURES.items():
        assert (CORPUS / name).read_bytes() == build(), name


def test_footnotes_are_numbered_in_reference_order_not_by_id() -> None:
    body = B.para(B.run("First."), B.fref(9), B.run(" Second."), B.fref(4))
    notes = B.note("footnote", 4, B.para(B.run(" Four."))) + B.note(
        "footnote", 9, B.para(B.run(" Nine."))
    )
    manuscript = read("a.docx", B.package(body, footnotes=notes))
    assert [(m.label, manuscript.body[: m.offset]) for m in manuscript.markers] == [
        ("1", "First."),
        ("2", "First. Second."),
    ]
    assert [(n.label, n.text) for n in manuscript.notes] == [("1", "Nine."), ("2", "Four.")]


def test_lines_are_paragraph_numbers() -> None:
    body = B.para() + B.para(B.run("Title")) + B.para(B.run("Claim."), B.fref(1))
    manuscript = read(
        "a.docx", B.package(body, footnotes=B.note("footnote", 1, B.para(B.run("N"))))
    )
    assert manuscript.body == "Title\n\nClaim."
    assert manuscript.markers[0].location.line == 3
    assert manuscript.notes[0].location.line == 3
    assert manuscript.line_starts == ((0, 2), (7, 3))


def test_endnotes_default_to_lower_roman() -> None:
    body = B.para(*(B.run(f"Claim {i}.") + B.eref(i) for i in range(1, 6)))
    notes = "".join(B.note("endnote", i, B.para(B.run(f" End {i}."))) for i in range(1, 6))
    manuscript = read("a.docx", B.package(body, endnotes=notes))
    assert [m.label for m in manuscript.markers] == ["i", "ii", "iii", "iv", "v"]
    assert [n.text for n in manuscript.notes] == [f"End {i}." for i in range(1, 6)]


def test_separators_and_unreferenced_notes_are_not_notes() -> None:
    manuscript = read("runs.docx", (CORPUS / "word-runs.docx").read_bytes())
    texts = [n.text for n in manuscript.notes]
    assert "A note nobody references." not in texts
    assert len(texts) == 3


def test_run_content_deleted_hidden_and_fallback_text() -> None:
    manuscript = read("runs.docx", (CORPUS / "word-runs.docx").read_bytes())
    assert "deleted words" not in manuscript.body
    assert "hidden words" not in manuscript.body
    assert "[fallback]" not in manuscript.body
    assert "inserted words" in manuscript.body
    assert "[chosen]" in manuscript.body
    first = manuscript.notes[0].text
    assert "cooperation, cross-border, 5 × 3, α-risk." in first
    assert "\u00ad" not in first
    assert first.count("\n") == 3  # a line break and two more paragraphs


def test_field_instructions_are_not_text() -> None:
    note = B.note(
        "footnote",
        1,
        B.para(
            B.run(" Page "),
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + B.run("7")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            B.run("; "),
            B.hyperlink_field("https://example.org/", "example.org"),
            B.run("."),
        ),
    )
    body = B.para(B.run("Claim."), B.fref(1))
    text = read("a.docx", B.package(body, footnotes=note)).notes[0].text
    assert text == "Page 7; example.org (https://example.org/)."


def test_body_links_keep_their_text_only() -> None:
    body = B.para(
        B.hyperlink_field("https://example.org/", "a site"), B.run(" said so."), B.fref(1)
    )
    manuscript = read(
        "a.docx", B.package(body, footnotes=B.note("footnote", 1, B.para(B.run("N"))))
    )
    assert manuscript.body == "a site said so."


def test_strict_open_xml_namespace() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    parts = _parts((CORPUS / "word-endnotes.docx").read_bytes())
    for name in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
        text = parts[name]
        assert isinstance(text, bytes)
        parts[name] = text.replace(B.W.encode(), strict.encode())
    manuscript = read("strict.docx", _zip(parts))
    assert [m.label for m in manuscript.markers] == ["1", "i", "2", "ii"]
    assert manuscript.notes[0].text.startswith("Alan D. Bersin")


def test_title_from_core_properties_then_title_style() -> None:
    assert read("a.docx", (CORPUS / "word-hyperlinks.docx").read_bytes()).title == (
        "Links in notes"
    )
    assert read("a.docx", (CORPUS / "word-endnotes.docx").read_bytes()).title == (
        "Homeland Security as a Theory of Action"
    )


# --------------------------------------------------------------------------
# Broken files
# --------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"plain text, not a zip", b"<html></html>"])
def test_not_a_zip(data: bytes) -> None:
    assert "not a zip archive" in _syntax_error(data)


def test_old_binary_word_file() -> None:
    assert ".doc" in _syntax_error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))


@pytest.mark.parametrize("keep", [0.9, 0.5, 0.1])
def test_truncated_zip(keep: float) -> None:
    data = (CORPUS / "pandoc-features.docx").read_bytes()
    assert "truncated or corrupt" in _syntax_error(data[: int(len(data) * keep)])


def test_corrupt_compressed_part() -> None:
    data = bytearray((CORPUS / "word-endnotes.docx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 5, start + info.compress_size - 5):
        data[i] ^= 0x5A
    message = _syntax_error(bytes(data))
    assert "word/document.xml" in message


def test_missing_document_part() -> None:
    message = _syntax_error(_zip({"[Content_Types].xml": "<Types/>", "word/styles.xml": "<x/>"}))
    assert "no word/document.xml" in message


def test_malformed_document_xml_names_part_and_line() -> None:
    parts = _parts((CORPUS / "word-endnotes.docx").read_bytes())
    parts["word/document.xml"] = (
        f'<?xml version="1.0"?>\n<w:document xmlns:w="{B.W}">\n<w:body><w:p>\n'
        "<w:r><w:t>broken</w:r></w:p></w:body></w:document>"
    )
    message = _syntax_error(_zip(parts))
    assert "malformed XML in part word/document.xml, line 4" in message


def test_malformed_footnotes_xml_names_that_part() -> None:
    parts = _parts((CORPUS / "word-endnotes.docx").read_bytes())
    parts["word/footnotes.xml"] = b"<w:footnotes><unclosed></w:footnotes>"
    assert "word/footnotes.xml" in _syntax_error(_zip(parts))


def test_xml_bomb_is_refused_without_expanding() -> None:
    # The classic "billion laughs": each entity is ten of the one before.
    entities = '<!ENTITY l0 "lollollollollol">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 9)
    )
    parts = _parts((CORPUS / "word-endnotes.docx").read_bytes())
    parts["word/document.xml"] = (
        f'<?xml version="1.0"?>\n<!DOCTYPE w:document [{entities}]>\n'
        f'<w:document xmlns:w="{B.W}"><w:body><w:p><w:r><w:t>&l8;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    assert "declares a DTD" in _syntax_error(_zip(parts))


def test_external_entities_are_refused() -> None:
    parts = _parts((CORPUS / "word-endnotes.docx").read_bytes())
    parts["word/document.xml"] = (
        '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        f'<w:document xmlns:w="{B.W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    assert "declares a DTD" in _syntax_error(_zip(parts))


def test_document_part_of_another_kind() -> None:
    parts = _parts((CORPUS / "word-endnotes.docx").read_bytes())
    parts["word/document.xml"] = "<html><body/></html>"
    assert "not a WordprocessingML document" in _syntax_error(_zip(parts))


def test_oversized_part_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_docx_package, "_MAX_PART_BYTES", 100)
    assert "refused" in _syntax_error((CORPUS / "word-endnotes.docx").read_bytes())


_VALID = (CORPUS / "word-hyperlinks.docx").read_bytes()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_VALID) - 1), st.integers(0, 255)), max_size=8))
def test_damaged_files_fail_cleanly(damage: list[tuple[int, int]]) -> None:
    data = bytearray(_VALID)
    for position, value in damage:
        data[position] = value
    try:
        manuscript = read("f.docx", bytes(data))
    except ManuscriptSyntaxError as exc:
        message = str(exc)
    else:
        message = ""
    if message:
        assert message.startswith("f.docx: ")
        return
    for marker in manuscript.markers:
        assert 0 <= marker.offset <= len(manuscript.body)


def test_registry_passes_docx_errors_through(tmp_path: Path) -> None:
    from citecheck.readers import read_manuscript

    data = (CORPUS / "pandoc-features.docx").read_bytes()
    broken = tmp_path / "essay.docx"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(ManuscriptSyntaxError, match="truncated or corrupt"):
        read_manuscript(broken)
    whole = tmp_path / "whole.docx"
    whole.write_bytes(data)
    assert read_manuscript(whole).format == "docx"


def test_references_without_a_notes_part_are_markers_without_notes() -> None:
    manuscript = read("a.docx", B.package(B.para(B.run("Claim."), B.fref(1))))
    assert [m.label for m in manuscript.markers] == ["1"]
    assert manuscript.notes == ()


def test_start_number_from_the_last_section() -> None:
    body = B.para(B.run("A."), B.fref(1), B.run(" B."), B.fref(2))
    section = '<w:sectPr><w:footnotePr><w:numStart w:val="5"/></w:footnotePr></w:sectPr>'
    notes = B.note("footnote", 1, B.para(B.run("One"))) + B.note(
        "footnote", 2, B.para(B.run("Two"))
    )
    manuscript = read("a.docx", B.package(body, footnotes=notes, section=section))
    assert [(n.label, n.text) for n in manuscript.notes] == [("5", "One"), ("6", "Two")]
