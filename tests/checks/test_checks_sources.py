"""Dates carried by URLs, and quotations drawn from a source always being found."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.checks.quotes import check_quotes
from citecheck.checks.sources import date_in_url
from citecheck.config import CheckSettings
from citecheck.model import (
    CheckRun,
    Citation,
    Footnote,
    FootnoteSet,
    LinkResult,
    LinkStatus,
    Location,
    Manuscript,
    PartialDate,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.nytimes.com/2010/05/06/nyregion/06bomb.html", PartialDate(2010, 5, 6)),
        ("http://ca.reuters.com/article/topNews/idCATRE6A44PU20101105", PartialDate(2010, 11, 5)),
        ("https://www.theguardian.com/world/2014/mar/03/mexico", PartialDate(2014, 3, 3)),
        ("https://example.org/news/2013-07-21-border-story", PartialDate(2013, 7, 21)),
        ("https://example.org/archive/20101105/story.html", PartialDate(2010, 11, 5)),
        ("https://web.archive.org/web/20101112093000/http://example.org/a", None),
        ("https://www.foreignaffairs.com/2013/03/mexico-makes-it", PartialDate(2013, 3)),
        ("http://www.dea.gov/divisions/hq/2010/pr030410p.html", None),
        ("https://www.census.gov/foreign-trade/balance/c2010.html", None),
        ("http://www.dhs.gov/sites/default/files/publications/2014-qhsr-final-508.pdf", None),
        ("http://www.chicagobooth.edu/~media/E60BDCEB6C5245E59B7ADA7C6B1B6F2B.pdf", None),
        ("https://example.org/2010/13/45/not-a-date", None),
        ("https://example.org/?date=2010/05/06", None),  # queries are not paths
    ],
)
def test_date_in_url(url: str, expected: PartialDate | None) -> None:
    assert date_in_url(url) == expected


SOURCE = (
    "About CBP. We believe the 9/11 attacks revealed four kinds of failures: in imagination, "
    "policy, capabilities, and management. The most important failure was one of imagination. "
    "With more than 58,000 employees, CBP, with an annual budget of more than $11 billion, "
    "is responsible for securing the nation’s borders while facilitating lawful trade and travel."
)
WORDS = SOURCE.split()


def _run(note: str) -> CheckRun:
    path = "m.md"
    manuscript = Manuscript(path, "markdown", "Claim.", (), ())
    footnote = Footnote("1", note, "Claim.", Location(path, 3))
    citation = Citation(
        "1", 0, note, Location(path, 3), title="About CBP", urls=("https://example.gov/a",)
    )
    link = LinkResult("https://example.gov/a", LinkStatus.ALIVE, "200 OK", page_text=SOURCE)
    return CheckRun((FootnoteSet(manuscript, (footnote,)),), (citation,), (link,))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(0, len(WORDS) - 5), st.integers(4, 14), st.booleans())
def test_a_quote_taken_from_the_source_is_found(start: int, length: int, curly: bool) -> None:
    quote = " ".join(WORDS[start : start + length])
    marks = ("“", "”") if curly else ('"', '"')
    note = f"As the agency put it, {marks[0]}{quote}{marks[1]} About CBP."
    assert list(check_quotes(_run(note), (), CheckSettings())) == []


def test_a_quote_not_in_the_source_is_reported() -> None:
    """The property above is not vacuous: the same set-up reports a missing quote."""
    note = "As the agency put it, “we will build a wall from sea to shining sea.” About CBP."
    findings = list(check_quotes(_run(note), (), CheckSettings()))
    assert [f.rule for f in findings] == ["quote-not-found"]
