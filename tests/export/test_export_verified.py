"""Exports take what the sources stage verified: no DOI the run proved wrong, no unread entry.

Unit tests build the stage's results by hand; the last tests run ``citecheck
sources --export`` and ``check --bib`` against loopback Crossref and OpenAlex
stand-ins speaking their wire format. Every export is read back by
bibtexparser v2 and pybtex and validated against the CSL 1.0.2 schema.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bibtexparser
import pybtex.database
import pytest
from jsonschema import Draft7Validator

from citecheck.export import export
from citecheck.model import (
    Citation,
    CitationType,
    Location,
    PartialDate,
    Person,
    SourceResult,
    SourceStatus,
    WorkRecord,
)

sys.path.insert(0, str(Path(__file__).parents[1] / "sources"))

from sources_standins import CrossrefStandIn, OpenAlexStandIn
from works_data import crossref_work

SCHEMA = Path(__file__).parent / "csl-data.json"

WRONG = WorkRecord(
    service="crossref",
    id="10.1126/science.162.3859.1234",
    doi="10.1126/science.162.3859.1234",
    title="Lunar Surface Thermal Inertia from Infrared Scans",
    authors=("Pettersen",),
    years=(1968,),
)
RIGHT = WorkRecord(
    service="crossref",
    id="10.1126/science.162.3859.1243",
    doi="10.1126/science.162.3859.1243",
    title="The Tragedy of the Commons",
    authors=("Hardin",),
    years=(1968,),
    containers=("Science",),
    volume="162",
    issue="3859",
    first_page="1243",
    pages="1243-1248",
    kind="journal-article",
)
PLOS = WorkRecord(
    service="crossref",
    id="10.1371/journal.pmed.0020124",
    doi="10.1371/journal.pmed.0020124",
    title="Why Most Published Research Findings Are False",
    authors=("Ioannidis",),
    years=(2005,),
    containers=("PLoS Medicine", "PLoS Med"),
    volume="2",
    issue="8",
    first_page="e124",
    pages="e124",
    kind="journal-article",
)


def cite(index: int, **fields: Any) -> Citation:
    fields.setdefault("type", CitationType.ARTICLE)
    return Citation(
        note=str(index + 1), index=index, raw="", location=Location("essay.md", index + 1),
        work=f"w{index + 1}", **fields,
    )  # fmt: skip


def hardin(**fields: Any) -> Citation:
    wrong = "10.1126/science.162.3859.1234"
    given: dict[str, Any] = {
        "authors": (Person("Hardin", "G."),), "title": "The tragedy of the commons",
        "container": "Science", "volume": "162", "issue": "3859", "pages": "1243–1248",
        "date": PartialDate(1968), "doi": wrong, "urls": (f"https://doi.org/{wrong}",),
    }  # fmt: skip
    return cite(0, **{**given, **fields})


def matched(citation: Citation, record: WorkRecord | None, **fields: Any) -> SourceResult:
    return SourceResult(
        citation.index, citation.note, SourceStatus.MATCHED, "", record=record, **fields
    )


def read_bib(text: str) -> dict[str, dict[str, str]]:
    """The .bib as bibtexparser v2 reads it, checked by pybtex too."""
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    pybtex.database.parse_string(text, "bibtex")  # raises on what it cannot read
    return {e.key: {f.key: f.value for f in e.fields} for e in library.entries}


def read_csl(text: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(text)
    schema = json.loads(SCHEMA.read_text("utf-8"))
    assert list(Draft7Validator(schema).iter_errors(items)) == []
    return items


def both(citations: list[Citation], sources: list[SourceResult]) -> tuple[dict[str, Any], Any]:
    (entry,) = read_bib(export(citations, "bibtex", sources=sources)).values()
    (item,) = read_csl(export(citations, "csl-json", sources=sources))
    return entry, item


def test_a_doi_of_another_work_is_replaced_by_the_verified_one() -> None:
    citation = hardin()
    entry, item = both([citation], [matched(citation, RIGHT, doi_record=WRONG)])
    assert entry["doi"] == item["DOI"] == "10.1126/science.162.3859.1243"
    # The doi.org link to the wrong DOI names the other work too: it goes.
    assert "url" not in entry
    assert "URL" not in item
    assert "10.1126/science.162.3859.1234 is the DOI of another work" in entry["annotation"]
    assert "10.1126/science.162.3859.1234 is the DOI of another work" in item["note"]
    assert item["note"].startswith("Citation Key: ")  # Better BibTeX's line stays first


def test_a_doi_of_another_work_with_no_right_one_found_is_dropped() -> None:
    citation = hardin(urls=("https://doi.org/10.1126/science.162.3859.1234", "https://ex.org/a"))
    entry, item = both([citation], [matched(citation, None, doi_record=WRONG)])
    assert "doi" not in entry
    assert "DOI" not in item
    assert entry["url"] == item["URL"] == "https://ex.org/a"
    assert "removed" in entry["annotation"]


def test_without_source_results_the_citation_is_exported_as_cited() -> None:
    entry, item = both([hardin()], [])
    assert entry["doi"] == item["DOI"] == "10.1126/science.162.3859.1234"
    assert "annotation" not in entry
    assert item["note"] == f"Citation Key: {item['id']}"


def test_fields_a_record_only_disagrees_with_are_kept_as_cited() -> None:
    # metadata-mismatch: the run does not know which side is wrong.
    citation = cite(
        0, authors=(Person("Ioannidis", "J. P. A."),),
        title="Why most published research findings are false", container="PLoS Medicine",
        volume="3", issue="8", pages="e124", date=PartialDate(2006),
    )  # fmt: skip
    result = matched(citation, PLOS, mismatches=(("volume", "3", "2"), ("year", "2006", "2005")))
    entry, item = both([citation], [result])
    assert (entry["volume"], entry["date"]) == ("3", "2006")
    assert (item["volume"], item["issued"]) == ("3", {"date-parts": [[2006]]})
    assert "annotation" not in entry


@pytest.mark.parametrize(
    ("title", "why"),
    [
        ("2", "its title reads “2”"),
        (None, "the note gives no title"),
        (
            "Murch SH, Anthony A, et al. Why most published research findings are false. PLoS Med",
            "holds more than the work's title",
        ),
    ],
)
def test_an_unread_citation_takes_its_matched_records_fields(title: str | None, why: str) -> None:
    citation = cite(0, type=CitationType.OTHER, title=title, doi="10.1371/journal.pmed.0020124")
    entry, item = both([citation], [matched(citation, PLOS)])
    assert entry["title"] == item["title"] == "Why Most Published Research Findings Are False"
    assert entry["journaltitle"] == item["container-title"] == "PLoS Medicine"
    assert (entry["volume"], entry["number"], entry["eid"], entry["date"]) == (
        "2",
        "8",
        "e124",
        "2005",
    )
    assert item["type"] == "article-journal"
    assert item["page"] == "e124"
    assert entry["author"] == "Ioannidis"
    assert item["author"] == [{"family": "Ioannidis"}]
    assert why in entry["annotation"]
    assert "Crossref record" in entry["annotation"]
    assert why in item["note"]


def test_an_unread_citation_keeps_its_own_authors_and_says_others_were_lost() -> None:
    citation = cite(
        0, type=CitationType.BOOK, authors=(Person("Wakefield", "AJ"),), date=PartialDate(1998),
        title="Murch SH, Anthony A, et al. The Tragedy of the Commons. Science",
    )  # fmt: skip
    record = WorkRecord(**{**_fields(RIGHT), "authors": ("Wakefield", "Murch")})
    entry, _ = both([citation], [matched(citation, record)])
    assert entry["author"] == "Wakefield, AJ and others"
    assert entry["title"] == "The Tragedy of the Commons"


def _fields(record: WorkRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__slots__}  # type: ignore[attr-defined]


def test_a_readable_citation_is_not_overwritten_by_its_record() -> None:
    citation = hardin(doi=None, urls=())
    entry, _ = both([citation], [matched(citation, RIGHT)])
    assert entry["title"] == "The tragedy of the commons"  # the note's own casing
    assert "annotation" not in entry


def test_a_subtitle_the_record_lacks_is_no_unread_title() -> None:
    citation = hardin(doi=None, urls=(), title="The Tragedy of the Commons: Fifty Years On")
    entry, _ = both([citation], [matched(citation, RIGHT)])
    assert entry["title"] == "The Tragedy of the Commons: Fifty Years On"
    assert "annotation" not in entry


def test_a_journal_run_into_the_title_is_an_unread_title() -> None:
    citation = hardin(doi=None, urls=(), title="The Tragedy of the Commons. Science")
    entry, _ = both([citation], [matched(citation, RIGHT)])
    assert entry["title"] == "The Tragedy of the Commons"
    assert "holds more than the work's title" in entry["annotation"]


@pytest.mark.parametrize("number", ["e124", "aac4716", "e0123456"])
def test_article_numbers_are_biblatex_eid_and_csl_page(number: str) -> None:
    citation = cite(0, title="A study of things", container="J", volume="2", pages=number)
    entry, item = both([citation], [])
    assert entry["eid"] == item["page"] == number
    assert "pages" not in entry


def test_page_ranges_and_roman_pages_stay_pages() -> None:
    for pages, bib in (("193–220", "193--220"), ("xii", "xii"), ("1360", "1360")):
        entry, _ = both([cite(0, title="A study of things", pages=pages)], [])
        assert entry["pages"] == bib
        assert "eid" not in entry


def test_a_corporate_author_is_one_literal_name() -> None:
    citation = cite(
        0, authors=(Person("Open Science Collaboration", corporate=True),),
        title="Estimating the reproducibility of psychological science", date=PartialDate(2015),
    )  # fmt: skip
    text = export([citation], "bibtex")
    assert re.search(r"author\s*= \{\{Open Science Collaboration\}\},", text)
    db = pybtex.database.parse_string(text, "bibtex")
    (person,) = next(iter(db.entries.values())).persons["author"]
    assert person.last_names == ["{Open Science Collaboration}"]
    assert person.first_names == []
    (item,) = read_csl(export([citation], "csl-json"))
    assert item["author"] == [{"literal": "Open Science Collaboration"}]


NISSENBAUM = WorkRecord(
    service="crossref",
    id="10.1234/privacy.context.2004",
    doi="10.1234/privacy.context.2004",
    title="Privacy as contextual integrity",
    authors=("Nissenbaum",),
    years=(2004,),
    containers=("Washington Law Review",),
    volume="79",
    first_page="119",
)
RICHARDS = WorkRecord(
    service="openalex",
    id="W1",
    doi="10.1234/intellectual.privacy",
    title="Intellectual privacy",
    authors=("Neil M. Richards", "Helen Nissenbaum"),
    years=(2008,),
)


def privacy(*authors: Person, title: str = "Privacy as contextual integrity") -> Citation:
    return cite(0, authors=authors, title=title, date=PartialDate(2004))


def test_a_misspelt_author_is_exported_as_the_matched_record_spells_it() -> None:
    citation = privacy(Person("Nissenbuam", "Helen"))
    result = matched(
        citation, NISSENBAUM, mismatches=(("first author", "Nissenbuam", "Nissenbaum"),)
    )
    entry, item = both([citation], [result])
    assert entry["author"] == "Nissenbaum, Helen"
    assert item["author"] == [{"family": "Nissenbaum", "given": "Helen"}]
    said = "the note spells the author “Nissenbuam”; “Nissenbaum” is the Crossref record's"
    assert said in entry["annotation"]
    assert said in item["note"]


def test_a_co_author_is_respelt_from_a_display_name_keeping_the_cited_given_names() -> None:
    citation = privacy(
        Person("Nissenbaum", "Helen"), Person("Richads", "Neil M."), title="Intellectual privacy"
    )
    result = matched(
        citation,
        RICHARDS,
        mismatches=(
            ("second author", "Richads", "Neil M. Richards"),
            ("author order", "Nissenbaum, Richads", "Neil M. Richards, Helen Nissenbaum"),
        ),
    )
    entry, item = both([citation], [result])
    assert entry["author"] == "Nissenbaum, Helen and Richards, Neil M."
    assert item["author"][1] == {"family": "Richards", "given": "Neil M."}
    assert "“Richads”; “Richards” is the OpenAlex record's" in entry["annotation"]
    assert entry["annotation"].count("the note spells") == 1  # the order changes nothing


@pytest.mark.parametrize(
    ("person", "mismatch"),
    [
        # Another author than the record's: it differs, nothing to respell.
        (Person("Solove", "Daniel"), ("first author", "Solove", "Nissenbaum")),
        # As alike as a match asks, but the initials disagree: the run cannot say it is one name.
        (Person("Missenbaum", "Helen"), ("first author", "Missenbaum", "Nissenbaum")),
    ],
)
def test_an_author_that_is_not_surely_the_records_is_kept_as_cited(
    person: Person, mismatch: tuple[str, str, str]
) -> None:
    citation = privacy(person)
    entry, _ = both([citation], [matched(citation, NISSENBAUM, mismatches=(mismatch,))])
    assert entry["author"] == f"{person.family}, {person.given}"
    assert "annotation" not in entry


# The whole way: the sources stage against loopback services, then the export.

ESSAY = (
    "Commons.[^1] Findings.[^2]\n\n"
    "[^1]: Hardin, G. (1968). The tragedy of the commons. *Science*, 162(3859), 1243–1248. "
    "https://doi.org/10.1126/science.162.3859.1234\n"
    "[^2]: Open Science Collaboration. (2015). Estimating the reproducibility of psychological "
    "science. *Science*, 349(6251), aac4716. https://doi.org/10.1126/science.aac4716\n"
)
WORKS = [
    crossref_work("10.1126/science.162.3859.1243", "The Tragedy of the Commons", ["Hardin"],
                  1968, "Science", volume="162", issue="3859", page="1243-1248"),
    crossref_work("10.1126/science.162.3859.1234",
                  "Lunar Surface Thermal Inertia from Infrared Scans", ["Pettersen"], 1968,
                  "Science", volume="162", issue="3859", page="1234-1236"),
    crossref_work("10.1126/science.aac4716",
                  "Estimating the reproducibility of psychological science",
                  ["Open Science Collaboration"], 2015, "Science", volume="349", issue="6251",
                  page="aac4716"),
]  # fmt: skip


@pytest.fixture
def essay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    crossref = CrossrefStandIn(WORKS, "127.0.0.24")
    openalex = OpenAlexStandIn([], "127.0.0.25")
    crossref.start()
    openalex.start()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("CITECHECK_CROSSREF_API", crossref.base)
    monkeypatch.setenv("CITECHECK_OPENALEX_API", openalex.base)
    monkeypatch.setenv("CITECHECK_MAILTO", "editor@example.org")
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "essay.md"
    path.write_text(ESSAY, encoding="utf-8")
    yield path
    crossref.stop()
    openalex.stop()


def _check_exports(bib_text: str, csl_text: str | None) -> None:
    entries = read_bib(bib_text)
    assert entries["hardin1968tragedy"]["doi"] == "10.1126/science.162.3859.1243"
    assert "url" not in entries["hardin1968tragedy"]
    assert entries["open2015estimating"]["author"] == "{Open Science Collaboration}"
    assert entries["open2015estimating"]["eid"] == "aac4716"
    if csl_text is not None:
        items = {i["id"]: i for i in read_csl(csl_text)}
        assert items["hardin1968tragedy"]["DOI"] == "10.1126/science.162.3859.1243"
        assert items["open2015estimating"]["author"] == [{"literal": "Open Science Collaboration"}]
        assert items["open2015estimating"]["page"] == "aac4716"


def test_sources_exports_the_verified_doi(essay: Path, tmp_path: Path) -> None:
    from citecheck.cli import main

    bib, csl = tmp_path / "out.bib", tmp_path / "out.json"
    main(["sources", str(essay), "--export", f"bibtex={bib}", "--export", f"csl-json={csl}"])
    _check_exports(bib.read_text("utf-8"), csl.read_text("utf-8"))


def test_check_bib_exports_the_verified_doi(essay: Path, tmp_path: Path) -> None:
    from citecheck.cli import main

    bib = tmp_path / "essay.bib"
    main(["check", str(essay), "--no-archive", "--no-links", "--format", "json", "-o",
          str(tmp_path / "r.json"), "--bib", str(bib)])  # fmt: skip
    _check_exports(bib.read_text("utf-8"), None)
