"""Round 16: short forms a user's manuscripts held (made-up works, several phrasings each).

A short title whose pinpoint is a page range; corporate authors shortened to
their acronym; signals and prose never read as an author.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cite_factories import cite_notes, note

from citecheck.citations import parse_citations
from citecheck.citations.reference_list import list_entries
from citecheck.footnotes import find_footnotes
from citecheck.model import CitationType, ShortForm
from citecheck.readers import read_manuscript
from citecheck.text_stages import read_citations

# --- 1. a short title with a page-range pinpoint --------------------------------------

_BOOK = "Ingrid Halvorsen, *Quiet Harbours: A Coastal History* (Oslo: Norli, 2015), 40–45."
_ARTICLE = (
    "Ingrid Halvorsen and Pablo Ruiz, “Tidal Ledgers of the North Sea,” *Maritime Studies* 12,"
    " no. 1 (2019): 1–30."
)


@pytest.mark.parametrize(
    ("short", "target", "pin"),
    [
        ("Halvorsen, *Quiet Harbours*, 88–93.", 0, "88–93"),
        ("Halvorsen, *Quiet Harbours*, pp. 88-93.", 0, "88-93"),
        ("Halvorsen, *Quiet Harbours*, at 102–4.", 0, "102–4"),
        ("Halvorsen and Ruiz, “Tidal Ledgers,” 14–19.", 1, "14–19"),
        ("Halvorsen and Ruiz, “Tidal Ledgers of the North Sea,” pp. 3–5.", 1, "3–5"),
    ],
)
def test_short_title_with_a_page_range_is_a_pinpoint(short: str, target: int, pin: str) -> None:
    *_, got = cite_notes(_BOOK, _ARTICLE, short)
    assert got.short_form is ShortForm.SHORT_TITLE
    assert got.antecedent == target
    assert got.pinpoint == pin
    assert got.pages is None
    assert got.work == ("w1", "w2")[target]


def test_id_after_a_ranged_short_title_is_the_book_not_the_range() -> None:
    *_, short, ibid = cite_notes(_BOOK, "Halvorsen, *Quiet Harbours*, 240–44.", "Id. at 245.")
    assert short.antecedent == 0
    assert ibid.work == "w1"
    assert ibid.pinpoint == "245"


def test_a_ranged_title_with_no_earlier_match_stays_a_full_citation() -> None:
    # Nothing earlier by this author has this title: the range stays the work's pages.
    *_, got = cite_notes(_BOOK, "Halvorsen, *Salt Roads*, 14–19.")
    assert got.short_form is None
    assert got.pages == "14–19"
    assert got.work == "w2"
    assert got.problem is None


# --- 2. a corporate author shortened to its acronym ------------------------------------


@pytest.mark.parametrize(
    ("full", "short"),
    [
        (
            "U.S. Fish and Wildlife Service, *Status of Coastal Wetlands in the Gulf States*"
            " (Washington, DC, 2011), 8.",
            "FWS, *Coastal Wetlands*, 19.",
        ),
        (
            "U.S. Fish and Wildlife Service, *Status of Coastal Wetlands in the Gulf States*"
            " (Washington, DC, 2011), 8.",
            "USFWS, *Status of Coastal Wetlands*, 19.",
        ),
        (
            "Government Accountability Office (GAO), *Bridge Inspections: Federal Oversight*"
            " (Washington, DC, 2009), 3.",
            "GAO, *Bridge Inspections*, 19.",
        ),
        (
            "Nat'l Highway Traffic Safety Admin., Rural Crash Trends Across Two Decades 4 (2013).",
            "NHTSA, *Rural Crash Trends*, 19.",
        ),
        (
            "Office of Management and Budget, *Analytical Perspectives on the Budget*"
            " (Washington, DC: OMB, 2015), 22.",
            "OMB, 19.",
        ),
        (
            "Office of Management and Budget, *Analytical Perspectives on the Budget*"
            " (Washington, DC: OMB, 2015), 22.",
            "OMB, supra note 1, at 19.",
        ),
    ],
)
def test_a_body_cited_short_by_its_acronym_is_the_same_work(full: str, short: str) -> None:
    first, got = cite_notes(full, short)
    assert got.short_form is not None
    assert got.antecedent == 0
    assert got.work == first.work == "w1"
    assert got.pinpoint == "19"
    assert got.problem is None


def test_an_acronym_that_spells_no_earlier_body_is_not_linked() -> None:
    _, got = cite_notes(
        "Office of Management and Budget, *Analytical Perspectives on the Budget*"
        " (Washington, DC: OMB, 2015), 22.",
        "GAO, *Bridge Inspections*, 19.",
    )
    assert got.antecedent is None
    assert got.work != "w1"


# --- 3. signals and prose are never an author or a title's first word -----------------


@pytest.mark.parametrize(
    ("text", "signal", "title"),
    [
        ("See the archived ticket tracker, https://tracker.example.org/old.", "see", "the"),
        ("See also our earlier survey notes, https://notes.example.net/s1.", "see also", "our"),
        ("Cf. the museum’s catalogue page, https://museum.example.com/c/44.", "cf.", "the"),
    ],
)
def test_a_signal_before_prose_is_no_part_of_the_title(text: str, signal: str, title: str) -> None:
    (got,) = cite_notes(text)
    assert got.signal == signal
    assert not got.authors
    assert (got.title or "").split()[0] == title


def test_a_bare_pdf_address_is_not_called_a_report() -> None:
    (got,) = cite_notes("The county made the same point; see https://county.example.gov/plan.pdf.")
    assert got.type is CitationType.WEBPAGE
    assert not got.authors


# --- 4. author-date notes whose work is in the manuscript's reference list -----------

_REFERENCES = (
    "Amundsen, K. (2011). Harbour dues and the Hanseatic towns. Baltic History Review, 19, 77-98.",
    "Brecht, L., & Oyelaran, T. (2020). Ferry timetables as public data. Transport Notes, 4(2),"
    " 10-31.",
    "Brecht, L. (2016). Ports without cranes. Oslo: Norli.",
)


@pytest.mark.parametrize(
    ("short", "title", "pin"),
    [
        ("Amundsen (2011), p. 80.", "Harbour dues and the Hanseatic towns", "80"),
        ("Brecht and Oyelaran (2020), 12.", "Ferry timetables as public data", "12"),
        ("Brecht & Oyelaran 2020, 14-15.", "Ferry timetables as public data", "14-15"),
        ("Brecht (2016), p. 9.", "Ports without cranes", "9"),
    ],
)
def test_an_author_date_note_resolves_to_the_reference_list(
    short: str, title: str, pin: str
) -> None:
    (got,) = parse_citations([note("1", short)], references=_REFERENCES)
    assert got.problem is None
    assert got.title == title
    assert got.pinpoint == pin
    assert got.work == "w1"


def test_two_notes_naming_one_listed_work_are_one_work() -> None:
    first, second = parse_citations(
        [note("1", "Amundsen (2011), p. 80."), note("2", "Amundsen (2011), p. 91.")],
        references=_REFERENCES,
    )
    assert first.work == second.work == "w1"
    assert second.pinpoint == "91"


def test_a_year_the_list_does_not_hold_stays_unresolved() -> None:
    (got,) = parse_citations([note("1", "Amundsen (2013), p. 80.")], references=_REFERENCES)
    assert got.antecedent is None
    assert got.problem is not None


@pytest.mark.parametrize(
    "heading", ["References", "## Bibliography", "WORKS CITED", "Reference list:"]
)
def test_the_list_is_read_from_the_body_under_its_heading(heading: str) -> None:
    body = f"Some text.\n\n{heading}\n\n" + "\n\n".join(_REFERENCES) + "\n"
    assert list_entries(body) == _REFERENCES
    assert list_entries("No list here, only references in prose.\n") == ()


def test_a_manuscripts_own_list_reaches_its_notes(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(
        "Dues rose.[^1] Then they fell.[^2]\n\n"
        "[^1]: Amundsen (2011), p. 80.\n[^2]: Amundsen (2011), p. 85.\n\n"
        "## References\n\n" + "\n\n".join(_REFERENCES) + "\n",
        encoding="utf-8",
    )
    first, second = read_citations([find_footnotes(read_manuscript(path))])
    assert first.title == second.title == "Harbour dues and the Hanseatic towns"
    assert first.problem is None
    assert second.problem is None
