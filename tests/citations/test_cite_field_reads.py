"""Single fields read wrong in real notes (found by a user test): each test
is a made-up note of the same kind."""

from __future__ import annotations

from cite_factories import assert_fields, cite_one


def test_a_leading_the_before_a_year_stays_in_the_title() -> None:
    article = cite_one(
        "Ann Lee, “The 1912 Flood and the Town,” *Plains Quarterly* 4, no. 2 (2003): 45–60, 50."
    )
    assert_fields(
        article, {"title": "The 1912 Flood and the Town", "container": "Plains Quarterly"}
    )


def test_a_year_opening_a_report_title_still_dates_it_and_keeps_the_the() -> None:
    report = cite_one("See page 4 of The 2018 Annual Water Review, https://127.0.0.1/awr.pdf.")
    assert_fields(
        report, {"title": "The 2018 Annual Water Review", "date": "2018", "pinpoint": "4"}
    )


def test_bluebook_book_pages_before_the_date_are_a_pinpoint() -> None:
    book = cite_one("Ann Lee & Bo Ruiz, *Rivers of the Plains: Water and Its Law* 95–97 (2002).")
    assert_fields(book, {"type": "book", "pages": None, "pinpoint": "95–97", "date": "2002"})
    edition = cite_one("See Ann Lee, *Rivers of the Plains* 12 (3d ed. 2010).")
    assert_fields(edition, {"pages": None, "pinpoint": "12", "date": "2010"})


def test_a_chicago_volume_before_the_date_is_not_a_book_pinpoint() -> None:
    # "*Journal* 12 (1981): 1–20": the pages follow the date after a colon.
    article = cite_one("Ann Lee, “Gates,” *Plains Quarterly* 12 (1981): 1–20.")
    assert_fields(article, {"volume": "12", "pages": "1–20", "pinpoint": None})


def test_a_bluebook_book_pinpoint_is_not_exported_as_pages() -> None:
    from citecheck.export import export

    book = cite_one("Ann Lee, *Rivers of the Plains* 95–97 (2002).")
    assert "pages" not in export([book], "bibtex")


def test_editions_are_read_in_each_convention() -> None:
    notes = [
        ("Ann Lee, *Rivers*, 2nd ed. (Lanham, MD: Rowman & Littlefield, 2008), 45.", "2"),
        ("See Ann Lee, *Rivers* 89 (2d ed. 2009).", "2"),
        ("A Lee, Rivers of the Plains (3rd edn, Butterworths 1992) 120", "3"),
        ("Lee, Flussrecht, 4. Aufl. 2010, S. 45 f.", "4"),
        ("Ann Lee, *Rivers*, rev. ed. (New York: Norton, 2001).", "revised"),
        ("Ann Lee, *Rivers* (New York: Norton, 2001), 12.", None),
    ]
    for text, edition in notes:
        assert cite_one(text).edition == edition, text


def test_an_edition_inside_a_quoted_title_is_not_the_works() -> None:
    article = cite_one("Ann Lee, “The 2nd Edition Problem,” *Plains Quarterly* 3 (2001): 4–9.")
    assert article.edition is None


def test_a_letter_is_by_its_sender_not_the_recipients_office() -> None:
    letter = cite_one(
        "Letter from Ann Lee, Director, Office of Water Policy, to Bo Ruiz, Chairman, "
        "House Rivers Committee (Mar. 4, 2015), http://127.0.0.1:8765/letter.pdf."
    )
    assert_fields(
        letter,
        {
            "authors": ["Lee"],
            "corporate": [False],
            "title": "Letter from Ann Lee, Director, Office of Water Policy, to Bo Ruiz, "
            "Chairman, House Rivers Committee",
            "date": "2015-03-04",
            "urls": ["http://127.0.0.1:8765/letter.pdf"],
        },
    )
    memo = cite_one("Memorandum from Ann Lee to Bo Ruiz, March 3, 2004.")
    assert_fields(memo, {"authors": ["Lee"], "date": "2004-03-03"})


def test_guillemets_quote_a_title_and_a_non_breaking_hyphen_joins_pages() -> None:
    text = "Jean Roy, « Les rivières du Nord », Revue du Nord 12, no 2 (2007) : 45\u201167."
    article = cite_one(text)
    assert_fields(
        article,
        {"title": "Les rivières du Nord", "container": "Revue du Nord", "pages": "45-67"},
    )
    assert article.raw == text  # the note as written


def test_bluebook_institutional_abbreviations_make_one_corporate_author() -> None:
    report = cite_one("Int’l Boundary & Water Comm’n, Annual Report 3 (2010).")
    assert_fields(report, {"authors": ["Int’l Boundary & Water Comm’n"], "corporate": [True]})
    people = cite_one("Ann Lee & Bo Ruiz, *Rivers* (New York: Norton, 2001).")
    assert_fields(people, {"authors": ["Lee", "Ruiz"], "corporate": [False, False]})


def test_a_german_decision_name_in_parentheses_is_its_title_not_a_pinpoint() -> None:
    case = cite_one("BVerfGE 89, 155 (Maastricht).")
    assert_fields(case, {"title": "Maastricht", "pinpoint": None, "pages": "155"})
    pinned = cite_one("BVerfGE 89, 155 (172).")
    assert_fields(pinned, {"title": None, "pinpoint": "172"})


def test_group_authors_of_science_are_corporate() -> None:
    # QA3 finding 8: "Open Science Collaboration" was read as family "Collaboration".
    for who in (
        "Open Science Collaboration",
        "Pelvic Floor Trialists Collaborators",
        "Women's Health Initiative Investigators",
        "Hypertension Collaborative Research Group",
    ):
        article = cite_one(
            f"{who}. (2015). Estimating things that matter. *Science*, 349(6251), 943–951."
        )
        assert [(p.family, p.corporate) for p in article.authors] == [(who, True)]


def test_a_person_is_not_a_group() -> None:
    article = cite_one("Collins, J. (2015). Estimating things. *Science*, 349(6251), 943–951.")
    assert [(p.family, p.given, p.corporate) for p in article.authors] == [("Collins", "J.", False)]


def test_an_article_number_where_pages_would_stand_is_the_pages() -> None:
    # QA3 finding 8: "3(8), e124" and "349(6251), aac4716" lost their article numbers.
    cases = {
        "Lee, A. (2005). Findings. *PLoS Medicine*, 2(8), e124.": "e124",
        "Lee, A. (2015). Findings. *Science*, 349(6251), aac4716.": "aac4716",
        "Lee, A. (2020). Findings. *Frontiers in Water*, 12(3), Article 103.": "103",
        "Ann Lee, “Findings,” *Science* 349, no. 6251 (2015): aac4716.": "aac4716",
    }
    for text, pages in cases.items():
        assert_fields(cite_one(text), {"type": "article", "pages": pages, "pinpoint": None})


def test_a_newspaper_section_page_is_no_article_number() -> None:
    story = cite_one("Ann Lee, “Gates Close,” *Border Times*, May 2, 2018, A12.")
    assert_fields(story, {"pages": None, "pinpoint": "A12"})
