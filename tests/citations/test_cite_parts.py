"""Dates, names and note splitting: the parts the field parser stands on."""

from __future__ import annotations

import pytest

from citecheck.citations.dates import find_dates, parse_date
from citecheck.citations.names import looks_corporate, parse_authors
from citecheck.citations.split import clean_note, split_note

# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        pytest.param("September 14, 2001", "2001-09-14", "day", id="month-day-year"),
        pytest.param("14 September 2001", "2001-09-14", "day", id="day-month-year"),
        pytest.param("Sept. 11, 2001", "2001-09-11", "day", id="abbreviated-month"),
        pytest.param("May 5,\n2010", "2010-05-05", "day", id="split-over-lines"),
        pytest.param("2010-05-05", "2010-05-05", "day", id="iso"),
        pytest.param("March, 2007", "2007-03", "month", id="month-comma-year"),
        pytest.param("March/April 2013", "2013-03", "month", id="double-issue"),
        pytest.param("Nov.–Dec. 1999", "1999-11", "month", id="double-issue-dash"),
        pytest.param("(2012)", "2012", "year", id="year-in-parens"),
        pytest.param("1995-1996", "1995", "year", id="year-range"),
        pytest.param("Spring 2010", "2010", "year", id="season"),
        pytest.param("February 31, 2010", "2010-02", "month", id="impossible-day-dropped"),
    ],
)
def test_dates_are_read_at_their_precision(text: str, iso: str, precision: str) -> None:
    date = parse_date(text)
    assert date is not None
    assert (date.isoformat(), date.precision) == (iso, precision)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("page 1413", id="page-number"),
        pytest.param("Paper No. 153", id="report-number"),
        pytest.param("May we go", id="may-as-a-word"),
        pytest.param("12345", id="five-digits"),
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_a_year_range_is_flagged_as_a_range() -> None:
    (match,) = find_dates("1913-1918")
    assert match.is_range
    assert match.date.year == 1913


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "inverted", "expected", "et_al"),
    [
        pytest.param("Ken Ellingwood", False, [("Ellingwood", "Ken")], False, id="direct"),
        pytest.param("Boghardt, Thomas", True, [("Boghardt", "Thomas")], False, id="inverted"),
        pytest.param(
            "Mark Mazzetti & Scott Shane",
            False,
            [("Mazzetti", "Mark"), ("Shane", "Scott")],
            False,
            id="ampersand",
        ),
        pytest.param(
            "William Booth and Nick Miroff",
            True,
            [("Booth", "William"), ("Miroff", "Nick")],
            False,
            id="and-in-bibliography-mode",
        ),
        pytest.param(
            "Shannon K. O’Neil et al",
            False,
            [("O’Neil", "Shannon K.")],
            True,
            id="et-al-no-period",
        ),
        pytest.param(
            "Luis De La Calle and Luis Rubio",
            False,
            [("De La Calle", "Luis"), ("Rubio", "Luis")],
            False,
            id="particles",
        ),
        pytest.param("Ludwig van Beethoven", False, [("van Beethoven", "Ludwig")], False, id="van"),
        pytest.param(
            "Ana María Núñez de la Peña",
            False,
            [("Núñez de la Peña", "Ana María")],
            False,
            id="spanish-double-surname-six-words",
        ),
        pytest.param(
            "Ana Núñez de la Peña", False, [("Núñez de la Peña", "Ana")], False, id="spanish-de-la"
        ),
        pytest.param("José Ortega y Gasset", False, [("Ortega y Gasset", "José")], False, id="y"),
        pytest.param("Luis de la Calle", False, [("de la Calle", "Luis")], False, id="one-given"),
        pytest.param(
            "Smith, J., & Jones, K. L.",
            True,
            [("Smith", "J."), ("Jones", "K. L.")],
            False,
            id="apa-pairs",
        ),
        pytest.param(
            "Alice Walker, Bob Stone, and Carol King",
            False,
            [("Walker", "Alice"), ("Stone", "Bob"), ("King", "Carol")],
            False,
            id="serial-comma",
        ),
    ],
)
def test_people(text: str, inverted: bool, expected: list[tuple[str, str]], et_al: bool) -> None:
    found = parse_authors(text, inverted=inverted)
    assert found is not None
    people, got_et_al = found
    assert [(p.family, p.given) for p in people] == expected
    assert got_et_al is et_al
    assert not any(p.corporate for p in people)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("U.S. Drug Enforcement Administration", id="agency"),
        pytest.param("Council on Foreign Relations", id="council"),
        pytest.param("Goldman Sachs", id="known-firm"),
        pytest.param("U.S. Census Bureau", id="bureau"),
        pytest.param("World Bank", id="bank"),
    ],
)
def test_corporate_authors_keep_their_whole_name(text: str) -> None:
    assert looks_corporate(text)
    found = parse_authors(text)
    assert found is not None
    (person,), _ = found
    assert person.corporate
    assert person.family == text
    assert person.given is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Evidence Mounts for Taliban Role in Bomb Plot", id="title"),
        pytest.param("the right to leave any country", id="prose"),
        pytest.param("48 Stanford Law Review 1413", id="numbers"),
        pytest.param("", id="empty"),
    ],
)
def test_text_that_is_not_authors(text: str) -> None:
    assert parse_authors(text) is None


# --------------------------------------------------------------------------
# Cleaning and splitting
# --------------------------------------------------------------------------


def test_cleaning_keeps_urls_and_remembers_italics() -> None:
    cleaned = clean_note("Leo Gross, *The Peace*, 25<sup>th</sup> ed., <http://x.org/a_b_c>.")
    assert cleaned.text == "Leo Gross, The Peace, 25th ed., <http://x.org/a_b_c>."
    ((a, b),) = cleaned.italics
    assert cleaned.text[a:b] == "The Peace"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "See A. Smith, Title One (2010); see also B. Jones, Title Two (2011).",
            [("see", "A. Smith"), ("see also", "B. Jones")],
            id="semicolon-and-see-also",
        ),
        pytest.param(
            "A. Smith, “Peace; War,” Journal 3 (2010); B. Jones, Title (2011).",
            [(None, "A. Smith"), (None, "B. Jones")],
            id="semicolon-in-quoted-title-kept",
        ),
        pytest.param(
            "A. Smith, Title (Boston; New York: Knopf, 2010).",
            [(None, "A. Smith")],
            id="semicolon-in-parens-kept",
        ),
        pytest.param(
            "A. Smith, Title, http://x.org/a;b=1; B. Jones, Other (2011).",
            [(None, "A. Smith"), (None, "B. Jones")],
            id="semicolon-in-url-kept",
        ),
        pytest.param(
            "Prose sentence here. See also, Title, Agency, http://x.org/.",
            [(None, "Prose sentence"), ("see also", "Title")],
            id="sentence-opening-signal",
        ),
        pytest.param("Cf. A. Smith, Title (2010).", [("cf.", "A. Smith")], id="cf"),
        pytest.param("But see A. Smith, Title (2010).", [("but see", "A. Smith")], id="but-see"),
        pytest.param(
            "See, e.g., A. Smith, Title (2010).", [("see, e.g.", "A. Smith")], id="see-eg"
        ),
        pytest.param(
            "See generally A. Smith, Title (2010).",
            [("see generally", "A. Smith")],
            id="see-generally",
        ),
        pytest.param("E.g., A. Smith, Title (2010).", [("e.g.", "A. Smith")], id="eg"),
        pytest.param("Accord A. Smith, Title (2010).", [("accord", "A. Smith")], id="accord"),
        pytest.param("Contra A. Smith, Title (2010).", [("contra", "A. Smith")], id="contra"),
        pytest.param(
            "Compare A. Smith, Title (2010), with B. Jones, Other (2011).",
            [("compare", "A. Smith"), ("compare", "B. Jones")],
            id="compare-with",
        ),
        pytest.param(
            "For further discussion see Alan D. Bersin, “Title.” 48 Journal 1413 (1996).",
            [("see", "Alan D. Bersin")],
            id="discussion-lead-in",
        ),
        pytest.param(
            "This concept is examined in detail in: A. Smith, “Title,” Journal (2012)",
            [("see", "A. Smith")],
            id="examined-in-lead-in",
        ),
        pytest.param(
            "The impact is discussed in A. Smith, “Title,” Journal (2012)",
            [("see", "A. Smith")],
            id="discussed-in-lead-in",
        ),
        pytest.param(
            "These figures are drawn from a presentation by Ann Lee in 2014.",
            [(None, "a presentation")],
            id="drawn-from-lead-in",
        ),
    ],
)
def test_split_and_signals(text: str, expected: list[tuple[str | None, str]]) -> None:
    pieces = split_note(text)
    assert [
        (p.signal, p.text[: len(start)]) for p, (_s, start) in zip(pieces, expected, strict=False)
    ] == expected
    assert len(pieces) == len(expected)


def test_see_before_prose_is_not_a_signal() -> None:
    (piece,) = split_note("See how the border changed after 2001.")
    assert piece.signal is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "On the history of the border, see Rachel St. John, Line in the Sand (Princeton: "
            "Princeton University Press, 2011).",
            [("see", "Rachel St. John")],
            id="comma-see-after-prose",
        ),
        pytest.param(
            "As argued in Alan D. Bersin, “Lines and Flows,” Brooklyn Journal of International "
            "Law 37 (2012).",
            [(None, "Alan D. Bersin")],
            id="as-argued-in",
        ),
        pytest.param(
            "Ann Lee, Border Towns (Austin: University of Texas Press, 2005). Tom Ruiz, "
            "Borderlands Reader (Austin: University of Texas Press, 2007).",
            [(None, "Ann Lee"), (None, "Tom Ruiz")],
            id="full-stop-between-works",
        ),
        pytest.param(
            "Smith, J. (2010). Border Lines, Fences, and Walls. Journal of Things, 3(2), 1-10.",
            [(None, "Smith, J. (2010)")],
            id="apa-not-cut-after-year",
        ),
        pytest.param(
            "Henry Kissinger, World Order (New York: Penguin, 2014), 12. Kissinger argues that "
            "the Westphalian system is eroding.",
            [(None, "Henry Kissinger"), (None, "Kissinger argues")],
            id="prose-after-a-citation",
        ),
        pytest.param(
            "Ann Lee, Border Towns (Austin: University of Texas Press, 2005), 45. The full text "
            "is at https://example.org/lee.pdf.",
            [(None, "Ann Lee")],
            id="prose-with-the-url-stays",
        ),
        pytest.param(
            "Smith, J. (2012). Title of it. Journal of Things, 3(2), 1-10. Retrieved from "
            "https://example.org/x",
            [(None, "Smith, J. (2012)")],
            id="retrieved-from-stays",
        ),
    ],
)
def test_prose_and_full_stops(text: str, expected: list[tuple[str | None, str]]) -> None:
    pieces = split_note(text)
    assert [
        (p.signal, p.text[: len(start)]) for p, (_s, start) in zip(pieces, expected, strict=False)
    ] == (expected)
    assert len(pieces) == len(expected)
