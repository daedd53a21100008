"""The pipeline's joins: URLs cited in several spellings are one address everywhere."""

from __future__ import annotations

from pathlib import Path

import bibtexparser

from citecheck.early_links import noted_urls
from citecheck.export import export
from citecheck.footnotes import find_footnotes
from citecheck.model import Citation, FootnoteSet, Location, PartialDate
from citecheck.pipeline import cited_dates, cited_urls, read_citations, read_footnotes
from citecheck.readers import markdown

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
    # The DOI's link is its doi.org one, whatever resolver the links stage asks.
    assert urls == {"http://example.org/a": ("1", "4"), "https://doi.org/10.1000/xyz": ("4",)}


def test_two_manuscripts_never_share_a_work_id(tmp_path: Path) -> None:
    # Each manuscript numbered its works from w1: the exports, which join by work id,
    # kept one of "Doe 2001" (a.md) and "Doe 2003" (b.md) and dropped the other.
    (tmp_path / "a.md").write_text(
        "Claim.[^1] Again.[^2]\n\n[^1]: Jane Doe, *Border Lines* 12 (2001).\n"
        "[^2]: Doe, *supra* note 1, at 15.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "Claim.[^1]\n\n[^1]: Jane Doe, *Border Lines* 12 (2003).\n", encoding="utf-8"
    )
    citations = read_citations(read_footnotes([tmp_path / "a.md", tmp_path / "b.md"]))
    works = {c.location.path.rsplit("/", 1)[-1]: set() for c in citations}
    for c in citations:
        works[c.location.path.rsplit("/", 1)[-1]].add(c.work)
    assert works["a.md"] == {"w1"}  # the supra is the same work as note 1
    assert works["b.md"] == {"w2"}
    entries = bibtexparser.parse_string(export(citations, "bibtex")).entries
    assert sorted(e.fields_dict["date"].value for e in entries) == ["2001", "2003"]


def test_a_doi_cited_as_a_doi_link_is_asked_once_whatever_the_resolver() -> None:
    # With a resolver other than doi.org, "https://doi.org/10.1000/xyz" and the resolver's
    # URL for its DOI were two addresses: one DOI, two verdicts, two findings on one note.
    citations = [cite("1", 0, "https://doi.org/10.1000/xyz", doi="10.1000/xyz")]
    urls = cited_urls(citations, doi_resolver="http://127.0.0.1:9/")
    assert urls == {"https://doi.org/10.1000/xyz": ("1",)}
    footnote_sets = read_footnotes_text("A claim.[^1]\n\n[^1]: See https://doi.org/10.1000/xyz.\n")
    assert list(noted_urls(footnote_sets, doi_resolver="http://127.0.0.1:9/")) == [
        "https://doi.org/10.1000/xyz"
    ]
    # A DOI written alone is shown as its doi.org link (the links stage asks the resolver).
    alone = read_footnotes_text("A claim.[^1]\n\n[^1]: Doe, Title, doi:10.1000/abc.\n")
    assert list(noted_urls(alone, doi_resolver="http://127.0.0.1:9/")) == [
        "https://doi.org/10.1000/abc"
    ]
    # A dx.doi.org link or the resolver's own address names the DOI too: asked once.
    for written in ("http://dx.doi.org/10.1000/xyz", "http://127.0.0.1:9/10.1000/xyz"):
        citations = [cite("1", 0, written, doi="10.1000/xyz")]
        assert cited_urls(citations, doi_resolver="http://127.0.0.1:9/") == {written: ("1",)}


def read_footnotes_text(text: str) -> tuple[FootnoteSet, ...]:
    manuscript = markdown.read("essay.md", text.encode())
    return (find_footnotes(manuscript),)
