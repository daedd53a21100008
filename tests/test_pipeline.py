"""The pipeline's joins: URLs cited in several spellings are one address everywhere."""

from __future__ import annotations

from citecheck.model import Citation, Location, PartialDate
from citecheck.pipeline import cited_dates, cited_urls

LOC = Location("essay.md", 1)


def cite(note: str, index: int, *urls: str, **fields: object) -> Citation:
    return Citation(note=note, index=index, raw="...", location=LOC, urls=urls, **fields)  # type: ignore[arg-type]


def test_cited_dates_join_spellings_and_keep_the_earliest_date() -> None:
    citations = [
        cite("1", 0, "HTTP://Example.org:80/a", date=PartialDate(2012, 3)),
        cite("2", 1, "http://example.org/a", accessed=PartialDate(2010, 5, 5)),
        cite("3", 2, "http://example.org/b"),
    ]
    assert cited_dates(citations) == {
        "http://example.org/a": PartialDate(2010, 5, 5),
        "http://example.org/b": None,
    }


def test_cited_urls_gather_notes_and_resolve_dois() -> None:
    citations = [
        cite("1", 0, "http://example.org/a"),
        cite("4", 1, "http://example.org/a", doi="10.1000/xyz"),
    ]
    urls = cited_urls(citations, doi_resolver="http://127.0.0.1:9/")
    assert urls == {"http://example.org/a": ("1", "4"), "http://127.0.0.1:9/10.1000/xyz": ("4",)}
