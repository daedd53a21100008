"""Export: biblatex and CSL-JSON, checked by independent readers.

The .bib is read back by bibtexparser (no failed blocks, same fields) and by
pybtex in strict mode (any warning or error fails); the CSL-JSON is
validated against the vendored CSL 1.0.2 schema and rendered by citeproc-py.
"""

from __future__ import annotations

import json
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import bibtexparser
import pybtex.database
import pybtex.errors
import pytest
from citeproc import (
    Citation as CslCitation,
)
from citeproc import (
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from jsonschema import Draft7Validator

from citecheck.errors import ConfigError
from citecheck.export import EXPORTERS, export
from citecheck.export.bibtex import escape_literal
from citecheck.export.csl_json import to_csl_items
from citecheck.model import (
    ArchiveResult,
    Capture,
    Citation,
    CitationType,
    Location,
    PartialDate,
    Person,
    ShortForm,
    Snapshot,
)

HERE = Path(__file__).parent
LOC = Location("essay.md", 1)


def cite(index: int, work: str, **fields: Any) -> Citation:
    return Citation(note=str(index + 1), index=index, raw="...", location=LOC, work=work, **fields)


WAYBACK = (
    "https://web.archive.org/web/20100305000000/http://www.dea.gov/divisions/hq/2010/pr030410p.html"
)
DEA_URL = "http://www.dea.gov/divisions/hq/2010/pr030410p.html"

CITATIONS = (
    cite(
        0,
        "w-manning",
        type=CitationType.ARTICLE,
        authors=(Person("Manning", "Bayless"),),
        title="The Congress, The Executive and Intermestic Affairs: Three Proposals",
        container="Foreign Affairs",
        volume="55",
        issue="2",
        pages="306–324",
        pinpoint="309",
        date=PartialDate(1977, 1),
    ),
    cite(
        1,
        "w-ellingwood",
        type=CitationType.NEWSPAPER,
        authors=(Person("Ellingwood", "Ken"),),
        title="Delays Ease at U.S.-Mexican Border",
        container="Los Angeles Times",
        date=PartialDate(2001, 9, 14),
    ),
    cite(
        2,
        "w-dea",
        type=CitationType.WEBPAGE,
        authors=(Person("U.S. Drug Enforcement Administration", corporate=True),),
        title="DEA Observes 25th Anniversary of Death of Special Agent Enrique “Kiki” Camarena",
        urls=(DEA_URL,),
        accessed=PartialDate(2015, 6, 1),
    ),
    cite(
        3,
        "w-goldman",
        type=CitationType.REPORT,
        authors=(Person("Goldman Sachs", corporate=True),),
        title="The N-11: More Than an Acronym",
        series="Global Economics Paper",
        number="153",
        date=PartialDate(2007, 3),
        urls=("http://www.chicagobooth.edu/~media/E60B_DCEB%206C5245.pdf#page=2",),
    ),
    cite(
        4,
        "w-oneil",
        type=CitationType.BOOK,
        authors=(Person("O’Neil", "Shannon K."),),
        title="Two Nations Indivisible: Mexico, the United States and the Road Ahead",
        publisher="Oxford University Press",
        place="Oxford, UK",
        date=PartialDate(2013),
    ),
    cite(
        5,
        "w-chapter",
        type=CitationType.CHAPTER,
        authors=(Person("Gutiérrez", "José"), Person("Smith", "Ann")),
        et_al=True,
        title="Frontera & Nation: 100% Sovereign?",
        container="Borders in Question",
        pages="45-67",
        publisher="Routledge",
        date=PartialDate(2019),
    ),
    cite(
        6,
        "w-case",
        type=CitationType.CASE,
        title="Plyler v. Doe",
        container="U.S.",
        volume="457",
        pages="202",
        date=PartialDate(1982),
    ),
    cite(
        7,
        "w-statute",
        type=CitationType.STATUTE,
        title="Immigration Reform and Control Act of 1986",
        container="Stat.",
        volume="100",
        pages="3359",
        number="Pub. L. No. 99-603",
        date=PartialDate(1986),
    ),
    cite(
        8,
        "w-talk",
        type=CitationType.PRESENTATION,
        authors=(Person("Rosenberg", "Simon"),),
        title="Mexico and the New Economy",
        publisher="New Policy Institute",
        date=PartialDate(2014),
    ),
    cite(
        9,
        "w-doi",
        type=CitationType.ARTICLE,
        authors=(Person("Warren", "Samuel D."), Person("Brandeis", "Louis D.")),
        title="The Right to Privacy",
        container="Harvard Law Review",
        volume="4",
        issue="5",
        pages="193-220",
        date=PartialDate(1890, 12, 15),
        doi="10.2307/1321160",
    ),
    # Short forms: a resolved one adds no entry; an unresolved one neither.
    cite(10, "w-manning", short_form=ShortForm.ID, antecedent=0, pinpoint="310"),
    cite(11, "w-lost", short_form=ShortForm.SUPRA, title="Lost", antecedent=None),
    # A second, thinner full citation of the same work does not win.
    cite(
        12, "w-manning", type=CitationType.ARTICLE, authors=(Person("Manning"),), title="Congress"
    ),
)

ARCHIVES = (
    ArchiveResult(
        url=DEA_URL,
        citation_date=None,
        cited_snapshot=Snapshot(DEA_URL, WAYBACK, datetime(2010, 3, 5, tzinfo=UTC)),
    ),
)

EXPECTED_TYPES = {
    "manning1977congress": "article",
    "ellingwood2001delays": "article",
    "usdea": "online",
    "goldman2007n11": "report",
    "oneil2013two": "book",
    "gutierrez2019frontera": "incollection",
    "plyler1982": "jurisdiction",
    "immigration1986": "legislation",
    "rosenberg2014mexico": "unpublished",
    "warren1890right": "article",
}


def bib() -> str:
    return export(CITATIONS, "bibtex", archives=ARCHIVES)


def parsed_entries() -> dict[str, Any]:
    library = bibtexparser.parse_string(bib())
    assert library.failed_blocks == []
    return {e.key: e for e in library.entries}


# -------------------------------------------------------------- works & keys


def test_one_entry_per_work_with_stable_keys() -> None:
    entries = parsed_entries()
    assert {k: e.entry_type for k, e in entries.items()} == EXPECTED_TYPES
    assert bib() == bib()  # deterministic across runs


def test_fullest_citation_speaks_for_the_work() -> None:
    manning = parsed_entries()["manning1977congress"]
    assert manning["title"].startswith("The Congress")
    assert manning["author"] == "Manning, Bayless"


def test_unresolved_short_form_exports_nothing() -> None:
    only_short = (cite(0, "w-x", short_form=ShortForm.IBID, title="Anything"),)
    assert export(only_short, "bibtex") == ""
    assert json.loads(export(only_short, "csl-json")) == []


def test_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown export format"):
        export(CITATIONS, "ris")
    assert {"bibtex", "csl-json"} <= set(EXPORTERS)


# ------------------------------------------------------------------ biblatex


def test_bibtex_fields_follow_the_mapping() -> None:
    e = parsed_entries()
    manning = e["manning1977congress"]
    assert manning["journaltitle"] == "Foreign Affairs"
    assert manning["pages"] == "306--324"
    assert manning["date"] == "1977-01"
    assert manning["number"] == "2"
    assert "pinpoint" not in manning.fields_dict  # the pin cite belongs to the note
    assert e["ellingwood2001delays"]["entrysubtype"] == "newspaper"
    assert e["ellingwood2001delays"]["date"] == "2001-09-14"
    report = e["goldman2007n11"]
    assert report["type"] == "Global Economics Paper"
    assert report["number"] == "153"
    assert report["institution"] == "Goldman Sachs"
    assert report["author"] == "{Goldman Sachs}"
    assert e["oneil2013two"]["location"] == "Oxford, UK"
    assert e["plyler1982"]["journaltitle"] == "U.S."
    assert e["warren1890right"]["doi"] == "10.2307/1321160"
    assert e["warren1890right"]["author"] == "Warren, Samuel D. and Brandeis, Louis D."


def test_awkward_names_stay_one_person(capsys: pytest.CaptureFixture[str]) -> None:
    odd = cite(
        0,
        "w",
        type=CitationType.BOOK,
        title="Letters",
        authors=(Person("King", "Martin Luther, Jr."), Person("Sand and Stone")),
    )
    data = pybtex.database.parse_string(export((odd,), "bibtex"), "bibtex")
    assert capsys.readouterr() == ("", "")
    persons = data.entries["kingletters"].persons["author"]
    assert [" ".join(p.last_names) for p in persons] == ["King", "{Sand and Stone}"]


def test_statute_pages_keep_their_hyphen() -> None:
    iirira = cite(
        0,
        "w",
        type=CitationType.STATUTE,
        title="Illegal Immigration Reform and Immigrant Responsibility Act of 1996",
        container="Stat.",
        volume="110",
        pages="3009-546",
    )
    article = cite(1, "v", type=CitationType.ARTICLE, title="Range", pages="1194-95")
    entries = {
        e.key: e for e in bibtexparser.parse_string(export((iirira, article), "bibtex")).entries
    }
    assert entries["illegal"]["pages"] == "3009-546"
    # An abbreviated range ends in full, so "1194-95" is not read as 1194 to 95.
    assert entries["range"]["pages"] == "1194--1195"
    items = {item["id"]: item for item in to_csl_items((iirira, article))}
    assert items["illegal"]["page"] == "3009-546"
    assert items["range"]["page"] == "1194-1195"


@pytest.mark.parametrize(
    ("pages", "bib", "csl"),
    [
        ("101–25", "101--125", "101-125"),
        ("299-318", "299--318", "299-318"),
        ("98-102", "98--102", "98-102"),
        ("1999-01", "1999--01", "1999-01"),  # no end below the start is made up
        ("xi–xiv", "xi--xiv", "xi-xiv"),
    ],
)
def test_abbreviated_page_ranges_export_in_full(pages: str, bib: str, csl: str) -> None:
    chapter = cite(0, "w", type=CitationType.CHAPTER, title="Border Games", pages=pages)
    (entry,) = bibtexparser.parse_string(export((chapter,), "bibtex")).entries
    assert entry["pages"] == bib
    assert to_csl_items((chapter,))[0]["page"] == csl


def test_bibtex_escapes_literals_but_not_urls() -> None:
    e = parsed_entries()
    chapter = e["gutierrez2019frontera"]
    assert chapter["title"] == r"Frontera \& Nation: 100\% Sovereign?"
    assert chapter["author"] == "Gutiérrez, José and Smith, Ann and others"  # UTF-8 kept
    assert e["goldman2007n11"]["url"] == (
        "http://www.chicagobooth.edu/~media/E60B_DCEB%206C5245.pdf#page=2"
    )
    assert escape_literal("a_b #1 $2 {x} ~ ^ \\") == (
        r"a\_b \#1 \$2 \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}"
    )


def test_bibtex_archived_copy_and_access_date() -> None:
    dea = parsed_entries()["usdea"]
    assert dea["url"] == DEA_URL
    assert dea["urldate"] == "2015-06-01"
    assert dea["eprinttype"] == "Internet Archive"
    assert dea["eprint"] == WAYBACK
    assert dea["author"] == "{U.S. Drug Enforcement Administration}"


def test_bibtex_capture_is_used_when_no_snapshot_matches() -> None:
    capture = Capture(
        "perma", DEA_URL, "https://perma.cc/AB12-CD34", datetime(2024, 1, 2, tzinfo=UTC)
    )
    archives = (ArchiveResult(DEA_URL, None, None, captures=(capture,)),)
    library = bibtexparser.parse_string(export(CITATIONS[2:3], "bibtex", archives=archives))
    (entry,) = library.entries
    assert entry["eprinttype"] == "Perma.cc"
    assert entry["eprint"] == "https://perma.cc/AB12-CD34"


def test_pybtex_reads_the_bib_without_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    pybtex.errors.set_strict_mode(True)  # any pybtex error raises
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = pybtex.database.parse_string(bib(), "bibtex")
    assert capsys.readouterr() == ("", "")  # pybtex prints its warnings
    assert set(data.entries) == set(EXPECTED_TYPES)
    chapter = data.entries["gutierrez2019frontera"]
    families = [" ".join(p.last_names) for p in chapter.persons["author"]]
    assert families == ["Gutiérrez", "Smith", "others"]
    (corporate,) = data.entries["goldman2007n11"].persons["author"]
    assert corporate.last_names == ["{Goldman Sachs}"]
    assert data.entries["usdea"].fields["url"] == DEA_URL


# ------------------------------------------------------------------ CSL-JSON


def schema_validator() -> Draft7Validator:
    schema = json.loads((HERE / "csl-data.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


def csl_items() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(export(CITATIONS, "csl-json", archives=ARCHIVES))
    return items


def test_csl_json_validates_against_the_schema() -> None:
    errors = [e.message for e in schema_validator().iter_errors(csl_items())]
    assert errors == []


def test_csl_json_fields() -> None:
    items = {i["id"]: i for i in csl_items()}
    assert {k: items[k]["type"] for k in items} == {
        "manning1977congress": "article-journal",
        "ellingwood2001delays": "article-newspaper",
        "usdea": "webpage",
        "goldman2007n11": "report",
        "oneil2013two": "book",
        "gutierrez2019frontera": "chapter",
        "plyler1982": "legal_case",
        "immigration1986": "legislation",
        "rosenberg2014mexico": "speech",
        "warren1890right": "article-journal",
    }
    assert items["manning1977congress"]["issued"] == {"date-parts": [[1977, 1]]}
    assert items["manning1977congress"]["page"] == "306-324"
    assert items["ellingwood2001delays"]["issued"] == {"date-parts": [[2001, 9, 14]]}
    assert items["usdea"]["author"] == [{"literal": "U.S. Drug Enforcement Administration"}]
    assert items["usdea"]["accessed"] == {"date-parts": [[2015, 6, 1]]}
    assert items["usdea"]["archive"] == "Internet Archive"
    assert items["usdea"]["archive_location"] == WAYBACK
    assert items["goldman2007n11"]["collection-title"] == "Global Economics Paper"
    assert items["goldman2007n11"]["number"] == "153"
    assert items["oneil2013two"]["publisher-place"] == "Oxford, UK"
    assert items["gutierrez2019frontera"]["author"][0] == {"family": "Gutiérrez", "given": "José"}
    assert items["warren1890right"]["DOI"] == "10.2307/1321160"
    for key, item in items.items():
        assert item["citation-key"] == key
        assert f"Citation Key: {key}" in item["note"]


def test_schema_rejects_a_bad_item() -> None:
    """The validator is not vacuous: an unknown key fails."""
    bad = [{**csl_items()[0], "pinpoint": "309"}]
    assert list(schema_validator().iter_errors(bad))


# citeproc-py 0.11 predates CSL 1.0.2's citation-key and says so.
@pytest.mark.filterwarnings("ignore:The following arguments for Reference are unsupported")
def test_citeproc_renders_the_bibliography() -> None:
    items = to_csl_items(CITATIONS, archives=ARCHIVES)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(CslCitation([CitationItem(item["id"])]))
    text = "\n".join(str(entry) for entry in bibliography.bibliography())
    for expected in (
        "Manning, B. (1977)",
        "Intermestic Affairs",
        "Foreign Affairs",
        "Ellingwood, K.",
        "Gutiérrez, J.",
        "U.S. Drug Enforcement Administration",
        DEA_URL,
        "Two Nations Indivisible",
        "Oxford University Press",
    ):
        assert expected in text


# ------------------------------------------------------------------ editions


def test_an_edition_is_exported_in_both_formats() -> None:
    book = cite(
        0,
        "w-lee",
        type=CitationType.BOOK,
        authors=(Person("Lee", "Ann"),),
        title="Rivers of the Plains",
        publisher="Norton",
        date=PartialDate(2009),
        edition="2",
    )
    (entry,) = bibtexparser.parse_string(export([book], "bibtex")).entries
    assert entry["edition"] == "2"
    items = json.loads(export([book], "csl-json"))
    assert items[0]["edition"] == "2"
    assert list(schema_validator().iter_errors(items)) == []


def test_an_edition_read_from_a_note_reaches_the_bib() -> None:
    from citecheck.citations import parse_citations
    from citecheck.model import Footnote

    notes = [
        Footnote("1", "Ann Lee, *Rivers* 89 (2d ed. 2009).", "", LOC),
        Footnote("2", "Bo Ruiz, *Fences*, 3rd ed. (Austin: UT Press, 2003), 7.", "", LOC),
    ]
    entries = bibtexparser.parse_string(export(parse_citations(notes), "bibtex")).entries
    assert [e["edition"] for e in entries] == ["2", "3"]


def test_theses_datasets_and_editors_get_their_entry_types() -> None:
    phd = cite(
        0,
        "a",
        type=CitationType.BOOK,
        authors=(Person("Nunez", "Ana"),),
        title="Migration",
        genre="PhD diss.",
        publisher="University of Texas at Austin",
        date=PartialDate(2015),
    )
    masters = cite(
        1,
        "b",
        type=CitationType.BOOK,
        title="Trade Flows",
        genre="master's thesis",
        publisher="Rice University",
    )
    bureau = Person("Bureau of Transportation Statistics", corporate=True)
    data = cite(
        2, "c", type=CitationType.REPORT, authors=(bureau,), title="Crossings", genre="dataset"
    )
    chapter = cite(
        3,
        "d",
        type=CitationType.CHAPTER,
        title="Border Games",
        container="The Politics of Borders",
        editors=(Person("Lopez", "Maria"), Person("García-Márquez", "José")),
    )
    works = (phd, masters, data, chapter)
    parsed = bibtexparser.parse_string(export(works, "bibtex")).entries
    entries = {e["title"]: e for e in parsed}
    assert (entries["Migration"].entry_type, entries["Migration"]["type"]) == (
        "thesis",
        "phdthesis",
    )
    assert entries["Migration"]["institution"] == "University of Texas at Austin"
    assert "publisher" not in entries["Migration"].fields_dict
    assert entries["Trade Flows"]["type"] == "mathesis"
    assert entries["Crossings"].entry_type == "dataset"
    assert not {"type", "institution"} & set(entries["Crossings"].fields_dict)
    assert entries["Border Games"]["editor"] == "Lopez, Maria and García-Márquez, José"
    items = {i["title"]: i for i in to_csl_items(works)}
    assert list(schema_validator().iter_errors(list(items.values()))) == []
    thesis = items["Migration"]
    assert (thesis["type"], thesis["genre"], thesis["publisher"]) == (
        "thesis",
        "PhD diss.",
        "University of Texas at Austin",
    )
    assert items["Crossings"]["type"] == "dataset"
    assert items["Border Games"]["editor"] == [
        {"family": "Lopez", "given": "Maria"},
        {"family": "García-Márquez", "given": "José"},
    ]
