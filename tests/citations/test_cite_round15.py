"""Round 15: Bluebook law-review and policy notes (made-up works, several phrasings each).

Corporate and agency authors abbreviated by Bluebook's T6 words; "Title PIN
(YEAR)" as a report or book with a pinpoint, not a journal; several authors
joined by "&"; journal names with commas; a book's publisher and edition in
its date parenthesis; a case cited in two reporters.
"""

from __future__ import annotations

import pytest
from cite_factories import assert_fields, cite_notes, cite_one

from citecheck.citations.institutions import institutional, journal_abbreviated
from citecheck.citations.names import looks_corporate

# --- 1. corporate and agency authors -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "author", "title", "pin"),
    [
        (
            "Fed. Commc'ns Comm'n, Broadband Deployment Across Rural Counties 14 (2016).",
            "Fed. Commc'ns Comm'n",
            "Broadband Deployment Across Rural Counties",
            "14",
        ),
        (
            "See Cong. Rsch. Serv., Drones and the Fourth Amendment 7 (2019), "
            "https://crs.example.gov/r12345.pdf.",
            "Cong. Rsch. Serv.",
            "Drones and the Fourth Amendment",
            "7",
        ),
        (
            "Exec. Off. of the President, Harbour Safety: Lessons, Tasks, Next Steps 33 (2011).",
            "Exec. Off. of the President",
            "Harbour Safety: Lessons, Tasks, Next Steps",
            "33",
        ),
        (
            "Nat'l Acads. of Scis., Eng'g & Med., Rivers, Dams, and Fish Passage 120 (2020).",
            "Nat'l Acads. of Scis., Eng'g & Med.",
            "Rivers, Dams, and Fish Passage",
            "120",
        ),
        (
            "Dep't of Just., Guidance on Cell-Site Simulators 4 (2015).",
            "Dep't of Just.",
            "Guidance on Cell-Site Simulators",
            "4",
        ),
        (
            "Env't Prot. Agency, Lead in Drinking Water: A Review 2 (2018).",
            "Env't Prot. Agency",
            "Lead in Drinking Water: A Review",
            "2",
        ),
        (
            "H.M. Treasury, Managing Public Money 41 (2013).",
            "H.M. Treasury",
            "Managing Public Money",
            "41",
        ),
        (
            "Law Comm'n, Electronic Execution of Documents 58 (2019).",
            "Law Comm'n",
            "Electronic Execution of Documents",
            "58",
        ),
    ],
)
def test_bluebook_agency_reports(text: str, author: str, title: str, pin: str) -> None:
    cite = cite_one(text)
    assert_fields(
        cite,
        {"type": "report", "authors": [author], "corporate": [True], "title": title},
    )
    assert cite.pinpoint == pin
    assert cite.container is None
    assert cite.volume is None


def test_an_agency_with_a_report_number_keeps_it() -> None:
    cite = cite_one("U.S. Gov't Accountability Off., GAO-21-77, Harbour Dredging 9 (2021).")
    assert_fields(
        cite,
        {
            "type": "report",
            "authors": ["U.S. Gov't Accountability Off."],
            "number": "GAO-21-77",
            "title": "Harbour Dredging",
            "pinpoint": "9",
        },
    )


def test_a_person_with_a_comma_title_and_pin_is_a_book_not_a_journal() -> None:
    cite = cite_one("Ann Roe, Tides, Storms, Harbours 51 (2014).")
    assert_fields(
        cite,
        {"type": "book", "title": "Tides, Storms, Harbours", "pinpoint": "51", "container": None},
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ann Roe, Tides and Storms, 12 Harbour L. Rev. 51 (2014).",
        "Ann Roe, Tides and Storms, Harbour Studies 12 (2014): 51-60.",
    ],
)
def test_journals_stay_journals(text: str) -> None:
    cite = cite_one(text)
    assert cite.type.value == "article"
    assert cite.container
    assert cite.volume == "12"


def test_the_vocabulary() -> None:
    assert institutional("Fed. Trade Comm'n")
    assert institutional("Nat'l Acads. of Scis.")  # plurals
    assert institutional("U.S. Dep’t of State")  # a curly apostrophe
    assert not institutional("Harv. J.L. & Tech.")  # a periodical's words
    assert not institutional("Int'l J. Uncertainty")
    assert not institutional("Federal Trade Commission")  # nothing abbreviated
    assert not institutional("Roe (dir.)")  # lower case: a French editor
    assert journal_abbreviated("Harv. J.L. & Tech.")
    assert not journal_abbreviated("Fed. Reg'l Off.")
    assert looks_corporate("Cong. Rsch. Serv.")
    assert looks_corporate("H.M. Treasury")


def test_an_author_sentence_is_still_ended_by_a_full_stop() -> None:
    # Vancouver "Roe AB. Title. J Med. 2005;2:e12": "Med." does not make the note a body.
    (cite,) = cite_notes("Roe AB. Why harbours silt. Port Med. 2005;2(8):e124.")
    assert [p.family for p in cite.authors] == ["Roe"]


# --- 2. "A, B & C, Title" ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        (
            "Ann Roe, Bea Doe & Cy Poe, Harbour Silt and Its Owners, 12 Coastal L. Rev. 51 (2014).",
            ["Roe", "Doe", "Poe"],
        ),
        (
            "See Ann Roe, Bea Doe, Cy Poe & Dee Moe, Harbour Silt, 12 Coastal L. Rev. 51, 55 "
            "(2014).",
            ["Roe", "Doe", "Poe", "Moe"],
        ),
        (
            "Ann M. Roe, Bea Doe & Cy T. Poe, Harbour Silt 9 (2014).",
            ["Roe", "Doe", "Poe"],
        ),
    ],
)
def test_bluebook_author_lists_with_an_ampersand(text: str, authors: list[str]) -> None:
    cite = cite_one(text)
    assert [p.family for p in cite.authors] == authors
    assert (cite.title or "").startswith("Harbour Silt")


@pytest.mark.parametrize(
    "text",
    [
        "Ann Roe, Tides & Storms, 12 Coastal L. Rev. 51 (2014).",  # one-word "names"
        "Ann Roe, Border Walls & Open Gates, 12 Coastal L. Rev. 51 (2014).",  # title words
    ],
)
def test_a_title_with_an_ampersand_stays_a_title(text: str) -> None:
    cite = cite_one(text)
    assert [p.family for p in cite.authors] == ["Roe"]
    assert "&" in (cite.title or "")


# --- 3. journal names with commas -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "journal", "volume", "pages", "pin"),
    [
        (
            "Ann Roe, Silt: A Model for Harbours, 10 Int'l J. Ports, Rivers & Coastal Sys. 557 "
            "(2002).",
            "Int'l J. Ports, Rivers & Coastal Sys.",
            "10",
            "557",
            None,
        ),
        (
            "Ann Roe, Harbour Robots, 12 Law, Innovation & Tech. 45, 50 (2020).",
            None,
            "12",
            "45",
            "50",
        ),
        ("See Ann Roe, Tides, 7 J. Ports, Rivers & Coasts 101 (2019).", None, "7", "101", None),
    ],
)
def test_a_journal_name_with_commas(
    text: str, journal: str | None, volume: str, pages: str, pin: str | None
) -> None:
    cite = cite_one(text)
    assert cite.type.value == "article"
    assert "," in (cite.container or "")
    if journal:
        assert cite.container == journal
    assert (cite.volume, cite.pages, cite.pinpoint) == (volume, pages, pin)
    assert "," not in (cite.title or "") or cite.title.startswith("Silt")
    assert not any(ch.isdigit() for ch in cite.title or "")


# --- 4. a Bluebook book's publisher and edition ---------------------------------------


@pytest.mark.parametrize(
    ("text", "publisher", "pin", "edition"),
    [
        ("Ann Roe, Harbour Law 8 (PublicAffairs 2019).", "PublicAffairs", "8", None),
        (
            "Ann Roe, Harbour Law 45 (Oxford Univ. Press 2d ed. 2015).",
            "Oxford Univ. Press",
            "45",
            "2",
        ),
        (
            "Ann Roe & Bea Doe, Harbour Law 45-47 (Harvard Univ. Press 2015).",
            "Harvard Univ. Press",
            "45-47",
            None,
        ),
        (
            "See Ann Roe, Tides, Storms (W.W. Norton & Co. 3d ed. 2001).",
            "W.W. Norton & Co.",
            None,
            "3",
        ),
    ],
)
def test_a_bluebook_books_publisher(
    text: str, publisher: str, pin: str | None, edition: str | None
) -> None:
    cite = cite_one(text)
    assert cite.type.value == "book"
    assert (cite.publisher, cite.pinpoint, cite.edition) == (publisher, pin, edition)
    assert not any(ch.isdigit() for ch in cite.title or "")


@pytest.mark.parametrize(
    ("text", "pin"),
    [
        ("Ann Roe, Harbour Law 12 (2d ed. 2015).", "12"),
        ("Ann Roe, Harbour Law (3d ed. 2015).", None),
    ],
)
def test_a_bluebook_edition_alone_is_no_publisher(text: str, pin: str | None) -> None:
    cite = cite_one(text)
    assert (cite.publisher, cite.pinpoint) == (None, pin)
    assert cite.edition in ("2", "3")


# --- 5. a case in two reporters -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pin"),
    [
        ("Roe v. Harbour Bd., 590 U.S. 12, 140 S. Ct. 1500 (2020).", None),
        ("See Roe v. Harbour Bd., 590 U.S. 12, 20, 140 S. Ct. 1500, 1507 (2020).", "20"),
        ("Roe v. Harbour Bd., 590 U.S. 12, 140 L. Ed. 2d 1500 (2020).", None),
    ],
)
def test_a_parallel_citation_is_one_case(text: str, pin: str | None) -> None:
    cite = cite_one(text)
    assert (cite.volume, cite.container, cite.pages, cite.pinpoint) == ("590", "U.S.", "12", pin)
    assert (cite.parallel or "").startswith("140 ")


def test_a_case_cited_by_either_reporter_is_one_work() -> None:
    first, second, short, other = cite_notes(
        "Roe v. Harbour Bd., 590 U.S. 12, 140 S. Ct. 1500 (2020).",
        "Roe v. Harbour Bd., 140 S. Ct. 1500, 1507 (2020).",
        "Roe, 140 S. Ct. at 1510.",
        "Doe v. Port Auth., 591 U.S. 99 (2021).",
    )
    assert first.work == second.work == short.work != other.work
    assert second.parallel is None
    assert other.parallel is None
