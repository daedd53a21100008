"""Italics and superscripts carried by the Word and PDF readers.

Word: direct formatting, character and paragraph styles (a toggle property,
as ECMA-376 combines it), complex-script italics; PDF: italic and oblique
faces, raised numbers that are no note markers.
"""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from citecheck.readers import docx, pdf
from citecheck.readers._pdf_page import is_italic_font

TESTS = Path(__file__).resolve().parents[1]


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


B = _module("make_docx", TESTS / "corpus" / "docx" / "src" / "make_docx.py")
PDF = _module("formats_pdf", TESTS / "citations" / "formats" / "formats_pdf.py")

W = B.W
STYLES = (
    f'<w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="Quote"><w:basedOn w:val="Normal"/>'
    "<w:rPr><w:i/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="QuoteMore"><w:basedOn w:val="Quote"/></w:style>'
    '<w:style w:type="character" w:styleId="Emphasis"><w:rPr><w:i/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="BookTitle"><w:basedOn w:val="Emphasis"/>'
    "<w:rPr><w:b/></w:rPr></w:style>"
    '<w:style w:type="character" w:styleId="Raised"><w:rPr><w:vertAlign w:val="superscript"/>'
    "</w:rPr></w:style>"
    "</w:styles>"
)


def _run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _docx_note(*runs: str, style: str | None = None, styles: str = STYLES) -> tuple[str, str]:
    body = B.para(_run("Claim."), B.fref(1))
    notes = B.note("footnote", 1, B.para(_run(" "), *runs, style=style))
    data = B.package(body, footnotes=notes)
    if styles:
        buffer = io.BytesIO(data)
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.writestr("word/styles.xml", styles)
        data = buffer.getvalue()
    note = docx.read("a.docx", data).notes[0]
    return note.text, note.styled


@pytest.mark.parametrize(
    "title",
    [
        _run("War; Peace", "<w:i/>"),
        _run("War; Peace", '<w:i w:val="true"/>'),
        _run("War; Peace", '<w:rStyle w:val="Emphasis"/>'),
        _run("War; Peace", '<w:rStyle w:val="BookTitle"/>'),  # italic through basedOn
        _run("War; ", "<w:i/>") + _run("Peace", "<w:i/><w:b/>"),  # two runs, one title
    ],
)
def test_word_italics_of_every_kind_reach_the_note(title: str) -> None:
    assert _docx_note(_run("Jane Roe, "), title, _run(" (2001).")) == (
        "Jane Roe, War; Peace (2001).",
        "Jane Roe, <i>War; Peace</i> (2001).",
    )


def test_word_direct_formatting_turns_a_style_s_italics_off() -> None:
    _, marked = _docx_note(
        _run("Roe, "),
        _run("Fences", '<w:rStyle w:val="Emphasis"/><w:i w:val="0"/>'),
        _run(", "),
        _run("Walls", '<w:rStyle w:val="Emphasis"/>'),
        _run("."),
    )
    assert marked == "Roe, Fences, <i>Walls</i>."


def test_word_emphasis_inside_an_italic_paragraph_is_upright() -> None:
    # Italic is a toggle: the paragraph style's and the character style's values cancel.
    text, marked = _docx_note(
        _run("Quoted words and "),
        _run("a title", '<w:rStyle w:val="Emphasis"/>'),
        _run(" in them."),
        style="QuoteMore",
    )
    assert text == "Quoted words and a title in them."
    assert marked == "<i>Quoted words and</i> a title <i>in them.</i>"


def test_word_complex_script_italics_govern_only_complex_script_text() -> None:
    text, marked = _docx_note(
        _run("Latin ", "<w:iCs/>"), _run("עברית", "<w:iCs/>"), _run(" and "), _run("more", "<w:i/>")
    )
    assert text == "Latin עברית and more"
    assert marked == "Latin <i>עברית</i> and <i>more</i>"


def test_word_without_a_styles_part_or_with_a_broken_one_reads_direct_italics() -> None:
    runs = (
        _run("Roe, "),
        _run("Fences", "<w:i/>"),
        _run(", "),
        _run("Walls", '<w:rStyle w:val="Emphasis"/>'),
    )
    assert _docx_note(*runs, styles="")[1] == "Roe, <i>Fences</i>, Walls"
    assert _docx_note(*runs, styles="<w:styles")[1] == "Roe, <i>Fences</i>, Walls"


def test_word_superscripts_keep_apart_from_the_digits_before_them() -> None:
    text, _ = _docx_note(
        _run("Trade rose 10"),
        _run("3", '<w:vertAlign w:val="superscript"/>'),
        _run(" fold, over 3 km"),
        _run("2", '<w:rStyle w:val="Raised"/>'),
        _run(", on the 25"),
        _run("th", '<w:vertAlign w:val="superscript"/>'),
        _run(" day."),
    )
    assert text == "Trade rose 10^3 fold, over 3 km^2, on the 25th day."


def test_word_body_superscripts_too_but_references_are_still_markers() -> None:
    body = B.para(
        _run("It grew 10"), _run("6", '<w:vertAlign w:val="superscript"/>'), _run(" times."),
        B.fref(1),
    )  # fmt: skip
    notes = B.note("footnote", 1, B.para(_run(" Note.")))
    manuscript = docx.read("a.docx", B.package(body, footnotes=notes))
    assert manuscript.body == "It grew 10^6 times."
    assert [(m.label, m.offset) for m in manuscript.markers] == [("1", len("It grew 10^6 times."))]


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Times-Italic", "Helvetica-Oblique", "ABCDEF+MinionPro-It", "MinionPro-BoldIt",
        "NimbusRomNo9L-ReguItal", "Georgia,Italic", "CMTI10", "CMSL10", "SFTI1000",
        "LMRoman10-Italic", "TimesNewRomanPS-ItalicMT",
    ],
)  # fmt: skip
def test_italic_faces_are_known_by_their_names(name: str) -> None:
    assert is_italic_font(name)


@pytest.mark.parametrize(
    "name", ["Times-Roman", "Helvetica-Bold", "CMR10", "DigitalSans", "Itim-Regular", "Split"]
)
def test_upright_faces_are_not_italic(name: str) -> None:
    assert not is_italic_font(name)


def test_pdf_italic_runs_reach_the_notes_across_line_and_page_breaks() -> None:
    long_title = "War; Peace; and the Border in the Long Nineteenth Century " * 3
    notes = [
        [("Jane Roe, ", False), (long_title.strip(), True), (" (Austin: UT Press, 2001).", False)],
        [("Roe, ", False), ("War; Peace", True), (", 14.", False)],
    ]
    data = PDF.pdf(notes, ["The border moved south in the years that followed."] * 2)
    manuscript = pdf.read("a.pdf", data)
    assert [n.text for n in manuscript.notes] == [
        f"Jane Roe, {long_title.strip()} (Austin: UT Press, 2001).",
        "Roe, War; Peace, 14.",
    ]
    assert [n.styled for n in manuscript.notes] == [
        f"Jane Roe, <i>{long_title.strip()}</i> (Austin: UT Press, 2001).",
        "Roe, <i>War; Peace</i>, 14.",
    ]


def _raised_pdf() -> bytes:
    """One page: a body line with 10⁶ and a marker, a note with km² and an ordinal."""
    out: list[bytes] = []

    def line(y: float, size: float, *pieces: tuple[str, str]) -> None:
        # pieces: (kind, text); kind "r" roman, "i" italic, "^" raised.
        x = 72.0
        for kind, words in pieces:
            px, rise = (size * 0.66, size * 0.35) if kind == "^" else (size, 0.0)
            font = "F2" if kind == "i" else "F1"
            out.append(
                b"BT /%s %.1f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET\n"
                % (font.encode(), px, x, y + rise, words.encode("cp1252"))
            )
            x += PDF._width(words, kind == "i", px)

    line(700, 11, ("r", "It grew by 10"), ("^", "6"), ("r", " times in the decade."), ("^", "1"))
    line(686, 11, ("r", "Trade followed the crossings and local markets grew again."))
    out.append(b"0.5 w 72 665 m 216 665 l S\n")
    line(
        653, 9, ("^", "1"), ("i", "An area"), ("r", " of 3 km"), ("^", "2"),
        ("r", " on the 25"), ("^", "th"), ("r", " day."),
    )  # fmt: skip
    data: bytes = PDF._document([b"".join(out)])
    return data


def test_pdf_raised_numbers_that_are_no_markers_keep_apart() -> None:
    manuscript = pdf.read("a.pdf", _raised_pdf())
    assert [m.label for m in manuscript.markers] == ["1"]
    assert manuscript.body.startswith("It grew by 10^6 times in the decade.")
    assert [n.text for n in manuscript.notes] == ["An area of 3 km^2 on the 25th day."]
    assert [n.styled for n in manuscript.notes] == ["<i>An area</i> of 3 km^2 on the 25th day."]
