"""Round 16: short forms a user's manuscripts held (made-up works, several phrasings each).

A short title whose pinpoint is a page range; corporate authors shortened to
their acronym; signals and prose never read as an author.
"""

from __future__ import annotations

import pytest
from cite_factories import cite_notes

from citecheck.model import CitationType, ShortForm

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
