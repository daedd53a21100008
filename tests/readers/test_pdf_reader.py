"""The PDF reader on real typesetters' output (tests/corpus/pdf, made by make_fixtures.py).

The sample essay typeset by LaTeX (one and two columns), LibreOffice and
Chromium must give the 23 notes the plain-text reader gives, whole (notes
that run on to the next page joined), paired with their markers, and with
page-and-line locations; running heads, page numbers and the pull quote
must not reach the body.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from citecheck.footnotes import find_footnotes
from citecheck.model import Manuscript
from citecheck.readers import read_manuscript
from citecheck.readers._pdf_page import Line, Run
from citecheck.serialize import note_json

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "references" / "us-mexico-border-essays.txt"
PDFS = ROOT / "tests" / "corpus" / "pdf"
PRODUCERS = ("latex", "latex-twocolumn", "libreoffice", "chromium")


def _normalised(text: str) -> str:
    # Typesetters print ' as ’ and HTML's quotes as they were; compare the words.
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return " ".join(text.translate(table).split())


@functools.cache
def _sample(producer: str) -> Manuscript:
    # Records are frozen, so one reading per fixture serves every test.
    return read_manuscript(PDFS / f"sample-{producer}.pdf")


@pytest.fixture(scope="module")
def plain() -> Manuscript:
    return read_manuscript(SAMPLE)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_sample_pdf_gives_the_same_23_notes_as_the_text(producer: str, plain: Manuscript) -> None:
    manuscript = _sample(producer)
    assert manuscript.format == "pdf"
    assert [n.label for n in manuscript.notes] == [str(n) for n in range(1, 24)]
    assert [_normalised(n.text) for n in manuscript.notes] == [
        _normalised(n.text) for n in plain.notes
    ]
    footnotes = find_footnotes(manuscript)
    assert footnotes.findings == ()
    assert all(f.marker is not None and f.claim for f in footnotes.footnotes)


@pytest.mark.parametrize("producer", ["latex", "latex-twocolumn", "libreoffice"])
def test_sample_pdf_claims_are_the_texts_claims(producer: str, plain: Manuscript) -> None:
    expected = [_normalised(f.claim) for f in find_footnotes(plain).footnotes]
    actual = [_normalised(f.claim) for f in find_footnotes(_sample(producer)).footnotes]
    assert actual == expected


def test_chromium_claims_match_except_where_the_browser_renumbers_a_list(
    plain: Manuscript,
) -> None:
    # Pandoc's HTML makes "(4) Risk Management ..." an <ol start=4>, which a
    # browser prints as "4." (a list number, not part of the sentence).
    expected = [_normalised(f.claim) for f in find_footnotes(plain).footnotes]
    actual = [_normalised(f.claim) for f in find_footnotes(_sample("chromium")).footnotes]
    assert [a for i, a in enumerate(actual) if i != 20] == [
        e for i, e in enumerate(expected) if i != 20
    ]
    assert actual[20] == expected[20].removeprefix("(4) ")


@pytest.mark.parametrize("producer", ["latex", "latex-twocolumn"])
def test_latex_notes_run_on_to_the_next_page_and_are_joined(
    producer: str, plain: Manuscript
) -> None:
    from citecheck.readers import _pdf_zones, pdf

    pages, _, _ = pdf._read_pages("x.pdf", (PDFS / f"sample-{producer}.pdf").read_bytes())
    size = _pdf_zones.body_size(pages)
    classified = _pdf_zones.classify(pages, size, _pdf_zones.furniture(pages))
    split = [n.label for n in classified.notes if len({line.page for line, _ in n.lines}) > 1]
    assert split, "no note runs on to the next page in this fixture"
    texts = {n.label: _normalised(n.text) for n in _sample(producer).notes}
    assert all(texts[label] == _normalised(plain.notes[int(label) - 1].text) for label in split)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_page_furniture_and_pull_quotes_stay_out(producer: str) -> None:
    manuscript = _sample(producer)
    everything = manuscript.body + " ".join(n.text for n in manuscript.notes)
    assert "Draft for review" not in everything  # LaTeX's running foot
    assert "file://" not in everything  # Chromium's footer
    assert manuscript.body.count("catastrophically self-defeating blow") == 1
    assert not re.search(r"\n\d{1,2}\n", manuscript.body)  # no page numbers left


@pytest.mark.parametrize("producer", PRODUCERS)
def test_words_broken_at_line_ends_are_whole(producer: str) -> None:
    manuscript = _sample(producer)
    assert "U.S.-Mexico" in manuscript.body
    assert not re.search(r"[a-z]- [a-z]", " ".join(manuscript.body.split()))
    notes = {n.label: n.text for n in manuscript.notes}
    assert "https://www.census.gov/foreign-trade/balance/c2010.html" in notes["13"]
    assert "http://www.chicagobooth.edu/~media/E60BDCEB6C5245E59B7ADA7C6B1B6F2B.pdf" in notes["15"]
    assert (
        "http://www.dhs.gov/sites/default/files/publications/2014-qhsr-final-508.pdf"
        in (notes["21"])
    )


@pytest.mark.parametrize("producer", PRODUCERS)
def test_locations_are_page_and_line(producer: str) -> None:
    manuscript = _sample(producer)
    note = manuscript.notes[10]
    assert note.location.page is not None
    assert note.location.page > 1
    assert re.fullmatch(rf".*sample-{producer}\.pdf:p\d+:\d+", str(note.location))
    marker_pages = [m.location.page or 0 for m in manuscript.markers]
    assert all(marker_pages)
    assert marker_pages == sorted(marker_pages)
    footnote = find_footnotes(manuscript).footnotes[10]
    assert note_json(footnote)["location"]["page"] == note.location.page
    assert manuscript.page_starts[0][0] == 0
    assert [page for _, page in manuscript.page_starts] == sorted(
        {page for _, page in manuscript.page_starts}
    )


def test_markers_pair_with_notes_on_the_same_page_for_foot_notes() -> None:
    manuscript = _sample("latex")
    for footnote in find_footnotes(manuscript).footnotes:
        assert footnote.marker is not None
        assert footnote.marker.page == footnote.location.page, footnote.label


def test_link_annotations_give_the_address_of_linked_words() -> None:
    # Chromium keeps Pandoc's links: the annotation's URI reaches the note.
    manuscript = read_manuscript(PDFS / "cases" / "html-pandoc-features.pdf")
    texts = " ".join(n.text for n in manuscript.notes)
    assert "the DEA release (http://www.dea.gov/divisions/hq/2010/pr030410p.html)" in texts


def test_notes_command_json_on_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from citecheck.cli import main

    assert main(["notes", str(PDFS / "sample-libreoffice.pdf"), "--format", "json"]) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert len(notes) == 23
    assert all(set(n["location"]) == {"path", "line", "page"} for n in notes)


def test_word_footnotes_and_roman_endnotes_from_libreoffice() -> None:
    manuscript = read_manuscript(PDFS / "endnotes-libreoffice.pdf")
    source = read_manuscript(ROOT / "tests" / "corpus" / "docx" / "word-endnotes.docx")
    assert {n.label: n.text for n in manuscript.notes} == {n.label: n.text for n in source.notes}
    assert [m.label for m in manuscript.markers] == [m.label for m in source.markers]
    assert find_footnotes(manuscript).findings == ()
    endnote = next(n for n in manuscript.notes if n.label == "i")
    assert endnote.location.page == 2


def test_a_notes_section_ends_at_references() -> None:
    manuscript = read_manuscript(PDFS / "notes-and-references-chromium.pdf")
    assert [n.label for n in manuscript.notes] == ["1", "2"]
    assert manuscript.notes[0].text.endswith(
        "cbp.gov (https://www.cbp.gov/newsroom/stats/annual-report-2012)."
    )
    # The numbered references stay in the body; ordinals and km² are no markers.
    assert "2. O'Neil, Shannon K. Two Nations Indivisible" in manuscript.body
    assert "The 1st bridge" in manuscript.body
    assert "3 km^2" in manuscript.body
    assert [m.label for m in manuscript.markers] == ["1", "2"]
    assert find_footnotes(manuscript).findings == ()


@pytest.mark.parametrize("producer", PRODUCERS)
def test_no_ligature_or_loose_accent_characters_remain(producer: str) -> None:
    manuscript = _sample(producer)
    text = manuscript.body + "".join(n.text for n in manuscript.notes)
    assert not re.search("[\ufb00-\ufb06´¨˜¸]", text)


def test_short_notes_and_body_lines_that_recur_are_not_running_feet() -> None:
    # src/short-last-notes.tex (pdflatex): "Id. at N." ends pages 1-3 and the
    # pages begin "The river was named as the line in treaty N ...", both
    # recurring digits aside; the running head "N Studies of the Frontier"
    # begins with the page number, which is also a marker's label.
    manuscript = read_manuscript(PDFS / "short-last-notes.pdf")
    assert [n.label for n in manuscript.notes] == [str(n) for n in range(1, 9)]
    assert [n.text for n in manuscript.notes if n.text.startswith("Id.")] == [
        "Id. at 52.",
        "Id. at 7.",
        "Id. at 21.",
        "Id. at 80.",
    ]
    for number in (1, 2, 3):
        assert f"The river was named as the line in treaty {number} of the century." in (
            manuscript.body
        )
    assert "Frontier" not in manuscript.body
    assert find_footnotes(manuscript).findings == ()


@pytest.mark.parametrize("layout", ["number-led-note-lines", "number-led-note-lines-raised"])
def test_a_note_line_that_starts_with_a_number_is_not_a_new_note(layout: str) -> None:
    # src/<layout>.fodt (soffice --convert-to pdf): run-on lines "3 U.S.C.",
    # "3 Frontier L. Rev." (3 is the next note's number and a marker's) and
    # "42 U.S.C."; the labels are plain with a hanging indent, or raised.
    manuscript = read_manuscript(PDFS / f"{layout}.pdf")
    notes = {n.label: n.text for n in manuscript.notes}
    assert list(notes) == ["1", "2", "3", "4"]
    assert notes["1"].endswith("(codified as amended at 3 U.S.C. § 1101).")
    assert notes["2"].endswith("Luis Ortega, Reading the Powers, 3 Frontier L. Rev. 5, 7 (2001).")
    assert notes["3"] == "Ana Ruiz, The Narrow Reading, 12 Frontier L. Rev. 1, 9 (2009)."
    assert notes["4"].endswith("(codified at 42 U.S.C. § 1983 note).")
    assert find_footnotes(manuscript).findings == ()


@pytest.mark.parametrize("spacing", ["", "-double"])
def test_a_header_close_above_the_text_goes_and_short_notes_stay(spacing: str) -> None:
    # src/short-notes-libreoffice-header(-double).fodt (soffice): "Border
    # Studies, Draft N" 0.25 cm above the text in the body size (closer than
    # double-spaced lines are to each other), a footer, and 24 notes "Id. at
    # N+3." with plain labels, some of them the last line of a page.
    manuscript = read_manuscript(PDFS / f"short-notes-libreoffice-header{spacing}.pdf")
    assert [n.text for n in manuscript.notes] == [f"Id. at {n + 3}." for n in range(1, 25)]
    assert "Border Studies" not in manuscript.body
    assert "Confidential" not in manuscript.body
    assert find_footnotes(manuscript).findings == ()


def _lines_of_page(page: int, head: str, markers: list[int], foot: str) -> list[Line]:
    """A page: a short head, body lines that end with a marker, one short note."""
    lines = [Line(page, 1, [Run(head)], 10.0, 40.0, 48.0, 72.0, 200.0, chars=len(head))]
    for index, label in enumerate(markers):
        runs = [Run("A claim that fills the whole line of the page " * 2), Run(str(label), True)]
        top = 80.0 + index * 14
        lines.append(Line(page, index + 2, runs, 12.0, top, top + 10, 72.0, 540.0, chars=80))
    top = lines[-1].bottom + 16
    lines.append(Line(page, len(lines) + 1, [Run(foot)], 10.0, top, top + 8, 72.0, 150.0, chars=9))
    return lines


def test_a_page_number_that_is_a_markers_label_still_marks_a_running_head() -> None:
    from citecheck.readers._pdf_zones import furniture

    # Heads "1 Border Law Review" ... follow the pages; so do the notes' labels
    # (2 on page 1, 3 on page 2, 4 on page 3), but those sit at the foot in
    # the notes' smaller size.
    pages = [
        _lines_of_page(1, "1 Border Law Review", [1, 2], "2 Id. at 6."),
        _lines_of_page(2, "2 Border Law Review", [3], "3 Id. at 7."),
        _lines_of_page(3, "3 Border Law Review", [4], "4 Id. at 8."),
    ]
    dropped = furniture(pages)
    assert {(page, 1) for page in (1, 2, 3)} <= dropped
    assert not {(line.page, line.number) for page in pages for line in page[1:]} & dropped
    # A volume number that stays the same is a head's too, though 7 is a label.
    volume = [_lines_of_page(n, "7 Border L. Rev. 12", [n + 5], f"{n + 5} Id.") for n in (1, 2)]
    assert {(1, 1), (2, 1)} <= furniture(volume)
