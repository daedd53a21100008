"""Validation of candidate records: harmless differences pass, decoys and wrong fields do not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from citecheck.model import Citation, Location, PartialDate, Person, WorkRecord
from citecheck.sources.match import (
    compare,
    same_container,
    same_initials,
    title_similarity,
    validate,
)


def _citation(**fields: object) -> Citation:
    base: dict[str, object] = {
        "note": "1",
        "index": 0,
        "raw": "",
        "location": Location("essay.md", 3),
        "authors": (Person("Jergas"),),
        "title": "Quotation accuracy in medical journal articles",
        "container": "Journal of Clinical Epidemiology",
        "volume": "68",
        "issue": "3",
        "pages": "255",
        "date": PartialDate(2015),
    }
    base.update(fields)
    return Citation(**base)  # type: ignore[arg-type]


RECORD = WorkRecord(
    service="crossref",
    id="10.1016/j.jclinepi.2014.09.005",
    doi="10.1016/j.jclinepi.2014.09.005",
    title="Quotation accuracy in medical journal articles",
    subtitle="a systematic review and meta-analysis",
    authors=("Jergas", "Baethge"),
    years=(2015, 2014),
    containers=("Journal of Clinical Epidemiology", "J. Clin. Epidemiol."),
    volume="68",
    issue="3",
    first_page="255",
    pages="255-260",
)


@pytest.mark.parametrize(
    ("cited", "full"),
    [
        ("J. Am. Chem. Soc.", "Journal of the American Chemical Society"),
        ("Harv. L. Rev.", "Harvard Law Review"),
        (
            "Proc. Natl. Acad. Sci. U.S.A.",
            "Proceedings of the National Academy of Sciences of the United States of America",
        ),
        ("The Lancet", "Lancet"),
        ("Urban Forestry and Urban Greening", "Urban Forestry & Urban Greening"),
    ],
)
def test_journal_abbreviations_and_spellings_are_the_same_container(cited: str, full: str) -> None:
    assert same_container(cited, (full,))


@pytest.mark.parametrize(
    ("cited", "full"),
    [("Nature", "Nature Communications"), ("J. Clin. Oncol.", "Journal of Clinical Epidemiology")],
)
def test_other_journals_are_not_the_same_container(cited: str, full: str) -> None:
    assert not same_container(cited, (full,))


def test_harmless_differences_are_not_mismatches() -> None:
    citation = _citation(
        title="Quotation Accuracy in Medical Journal Articles",  # case; subtitle left out
        container="J Clin Epidemiol",
        pages="255–60",  # a range with an en dash and a short last page
        date=PartialDate(2014),  # the online year
        authors=(Person("Jérgas"),),  # diacritics
    )
    verdict = compare(citation, RECORD)
    assert verdict.accepted
    assert verdict.differ == ()


def test_a_wrong_volume_and_year_are_reported_by_field() -> None:
    verdict = compare(_citation(volume="67", date=PartialDate(2012)), RECORD)
    assert verdict.accepted
    assert [field for field, *_ in verdict.differ] == ["year", "volume"]
    assert ("volume", "67", "68") in verdict.differ


def test_a_wrong_first_author_with_everything_else_right_still_matches() -> None:
    verdict = compare(_citation(authors=(Person("Baethge"),)), RECORD)
    assert verdict.accepted
    assert [field for field, *_ in verdict.differ] == ["first author"]


def test_a_title_twin_by_other_people_elsewhere_is_no_match() -> None:
    decoy = WorkRecord(
        service="crossref",
        id="10.1000/decoy",
        doi="10.1000/decoy",
        title="Quotation accuracy in medical journal articles: a review",
        authors=("Pereira",),
        years=(2021,),
        containers=("BMJ Open",),
        volume="11",
        first_page="e0401",
    )
    citation = _citation()
    assert title_similarity(citation.title, decoy) == 100.0  # a careless matcher accepts it
    assert not compare(citation, decoy).accepted
    assert validate(citation, (decoy, RECORD)) is RECORD
    assert validate(citation, (decoy,)) is None


def test_a_different_title_is_no_match_even_with_the_same_author_and_year() -> None:
    other = WorkRecord(
        service="crossref",
        id="x",
        title="Peer review in anaesthesia",
        authors=("Jergas",),
        years=(2015,),
    )
    assert validate(_citation(), (other,)) is None


def test_a_retracted_title_prefix_is_a_signal_and_no_part_of_the_title() -> None:
    from citecheck.sources.records import crossref_record

    record = crossref_record(
        {
            "DOI": "10.1000/X",
            "title": ["RETRACTED: Quotation accuracy in medical journal articles"],
            "author": [{"family": "Jergas"}],
            "issued": {"date-parts": [[2015]]},
        }
    )
    assert record.title == "Quotation accuracy in medical journal articles"
    assert record.retracted
    assert record.updates == (("retraction", "", "title", ""),)
    assert record.doi == "10.1000/x"
    assert validate(_citation(), (record,)) is record


def _by(*families: str, raw: str = "") -> Citation:
    return _citation(authors=tuple(Person(f) for f in families), raw=raw)


@pytest.mark.parametrize(
    ("cited", "record", "field"),
    [
        (("Nissenbuam",), ("Nissenbaum",), "first author"),
        (("Jergas", "Baethgee"), ("Jergas", "Baethge"), "second author"),
        (("Richads",), ("Neil M. Richards",), "first author"),  # OpenAlex display name
    ],
)
def test_a_misspelt_author_still_matches_and_is_reported(
    cited: tuple[str, ...], record: tuple[str, ...], field: str
) -> None:
    verdict = compare(_by(*cited), replace(RECORD, authors=record))
    assert verdict.accepted
    assert verdict.differ == ()  # it counted for the match
    wrong = next(c for c, r in zip(cited, record, strict=True) if c != r.split()[-1])
    assert verdict.mismatches == ((field, wrong, record[cited.index(wrong)]),)


@pytest.mark.parametrize(
    ("cited", "record"),
    [
        ("Müller", "Muller"),  # diacritics
        ("Muller", "Müller"),
        ("Mueller", "Müller"),  # a transliteration
        ("Müller", "Mueller"),
        ("Schroedinger", "Schrödinger"),
        ("O'Neil", "ONeil"),  # punctuation
        ("Richards", "N. M. Richards"),  # initials in a display name
        ("Richards", "Neil M. Richards"),
        ("de la Cruz", "De La Cruz"),
        ("Smith-Jones", "Smith Jones"),
    ],
)
def test_spelling_variants_that_are_the_same_name_are_not_reported(cited: str, record: str) -> None:
    verdict = compare(_by(cited), replace(RECORD, authors=(record,)))
    assert verdict.accepted
    assert verdict.mismatches == ()


def test_a_name_the_note_spells_right_elsewhere_is_not_reported() -> None:
    # The parser took a stray word for the family name; the note itself names the author.
    citation = _by("Nissenbuam", raw="Helen Nissenbaum, Nissenbuam, Privacy in Context (2010).")
    verdict = compare(citation, replace(RECORD, authors=("Nissenbaum",)))
    assert verdict.mismatches == ()


def test_authors_in_another_order_are_the_record_authors_not_misspelt() -> None:
    # Compared as a set: each cited name is one of the record's; the order is said apart.
    verdict = compare(_by("Baethge", "Jergas"), RECORD)
    assert verdict.accepted
    assert verdict.differ == ()
    assert verdict.spelling == ()
    assert verdict.mismatches == (("author order", "Baethge, Jergas", "Jergas, Baethge"),)


def test_a_misspelt_author_in_another_order_is_both() -> None:
    verdict = compare(_by("Baethgee", "Jergas"), RECORD)
    assert verdict.accepted
    assert verdict.mismatches == (
        ("first author", "Baethgee", "Baethge"),
        ("author order", "Baethgee, Jergas", "Jergas, Baethge"),
    )


def test_a_citation_leaving_the_first_author_out_still_differs_in_its_first_author() -> None:
    verdict = compare(_by("Baethge"), RECORD)
    assert verdict.differ == (("first author", "Baethge", "Jergas"),)
    assert verdict.order == ()


@pytest.mark.parametrize(
    ("person", "record", "same"),
    [
        (Person("Richads", "Neil M."), "Neil M. Richards", True),
        (Person("Richads", "N."), "Neil M. Richards", True),
        (Person("Richads"), "Neil M. Richards", True),
        (Person("Nissenbuam", "Helen"), "Nissenbaum", True),  # Crossref: family names only
        (Person("Richads", "Helen"), "Neil M. Richards", False),
        (Person("Kichards"), "Richards", False),
    ],
)
def test_same_initials(person: Person, record: str, same: bool) -> None:
    assert same_initials(person, record) is same
