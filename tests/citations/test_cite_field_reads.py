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
