"""Works joined in one piece of a note: ", and" between two full citations,
Bluebook "(quoting ...; citing ...)" parentheticals, and treaties cited by
article. Each work must come out as a citation of its own."""

from __future__ import annotations

from cite_factories import assert_fields, cite_notes, cite_one


def test_and_between_two_full_articles_gives_two_works() -> None:
    first, second = cite_notes(
        "See generally Ann Lee, “Gates,” *Plains Quarterly* 7 (1999): 20–31, and "
        "Tom Ruiz, “Ditches,” *Plains Quarterly* 9 (2001): 40–52."
    )
    assert_fields(
        first,
        {
            "authors": ["Lee"],
            "title": "Gates",
            "container": "Plains Quarterly",
            "volume": "7",
            "signal": "see generally",
        },
    )
    assert_fields(
        second,
        {"authors": ["Ruiz"], "title": "Ditches", "container": "Plains Quarterly", "volume": "9"},
    )


def test_and_between_two_books_with_italic_titles() -> None:
    first, second = cite_notes(
        "Ann Lee, *Walls* (New York: Norton, 2001), 5, and "
        "Bo Ruiz, *Fences* (Austin: UT Press, 2003)."
    )
    assert_fields(first, {"authors": ["Lee"], "title": "Walls", "pinpoint": "5"})
    assert_fields(second, {"authors": ["Ruiz"], "title": "Fences", "date": "2003"})


def test_and_between_authors_still_joins_authors() -> None:
    only = cite_one("Jane Doe and Ann Roe, “Rivers,” *Plains Quarterly* 4 (2001): 3–9.")
    assert_fields(only, {"authors": ["Doe", "Roe"], "title": "Rivers"})


def test_and_before_a_name_without_a_title_is_not_a_new_work() -> None:
    # "..., 12, and Smith's reply" is prose about the work, not a second citation.
    (only,) = cite_notes("Ann Lee, “Gates,” *Plains Quarterly* 7 (1999): 20–31, and Lee, passim.")
    assert_fields(only, {"authors": ["Lee"], "title": "Gates"})


def test_quoting_and_citing_parentheticals_give_their_cases() -> None:
    main, quoted, cited = cite_notes(
        "Hale v. Pike, 410 U.S. 200, 204 (1972) (quoting Roe v. Doe, 390 U.S. 5, 9 (1967); "
        "citing Ames v. Ohio, 400 U.S. 77 (1970))."
    )
    assert_fields(main, {"type": "case", "title": "Hale v. Pike", "pinpoint": "204"})
    assert_fields(quoted, {"type": "case", "title": "Roe v. Doe", "volume": "390", "pages": "5"})
    assert_fields(cited, {"type": "case", "title": "Ames v. Ohio", "date": "1970"})


def test_a_parenthetical_that_cites_nothing_adds_nothing() -> None:
    (only,) = cite_notes("Hale v. Pike, 410 U.S. 200, 204 (1972) (quoting the statute).")
    assert_fields(only, {"type": "case", "title": "Hale v. Pike"})


def test_a_treaty_cited_by_article() -> None:
    treaty, book = cite_notes(
        "Treaty of Fort Laramie, art. II (1868); see also Ann Lee, *The Treaty* "
        "(Norman: University of Oklahoma Press, 1990), 62."
    )
    assert_fields(
        treaty,
        {
            "type": "statute",
            "title": "Treaty of Fort Laramie",
            "pinpoint": "art. II",
            "date": "1868",
        },
    )
    assert_fields(book, {"authors": ["Lee"], "title": "The Treaty", "signal": "see also"})


def test_a_title_naming_a_convention_is_not_a_treaty() -> None:
    only = cite_one("Ann Lee, *The Convention and Its Critics* (Austin: UT Press, 2003), art. 4.")
    assert_fields(only, {"type": "book", "authors": ["Lee"]})
