"""Patents and arXiv preprints: the identifier is the `number`, never pages or a container.

Made-up works, in the note forms of several styles.
"""

from __future__ import annotations

import pytest

from citecheck.citations import parse_citations
from citecheck.model import Citation, CitationType, Footnote, Location, PartialDate


def _one(text: str) -> Citation:
    note = Footnote(label="1", text=text, claim="", location=Location("t.md", 1))
    (cite,) = parse_citations((note,))
    return cite


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "T. Ando and R. Kim, “Method for coating turbine blades,” US Patent 9,876,543, "
            "Jan. 2, 2018.",
            "9,876,543",
        ),
        (
            "Ruth Adler, Hinge assembly, United States patent US 4,556,123, May 3, 1985.",
            "US 4,556,123",
        ),
        (
            "Lindqvist P, Moreau A. Heat exchanger with helical fins. EP 1 234 567 B1. "
            "2009 Mar 11.",
            "EP 1 234 567 B1",
        ),
    ],
)
def test_a_patent_number_is_the_number(text: str, number: str) -> None:
    cite = _one(text)
    assert cite.type is CitationType.OTHER
    assert cite.number == number
    assert cite.pages is None
    assert cite.container is None
    assert cite.title is not None
    assert number not in cite.title


def test_a_vancouver_patent_keeps_every_inventor_and_its_date() -> None:
    cite = _one(
        "Lindqvist P, Moreau A. Heat exchanger with helical fins. EP 1 234 567 B1. 2009 Mar 11."
    )
    assert [a.family for a in cite.authors] == ["Lindqvist", "Moreau"]
    assert cite.title == "Heat exchanger with helical fins"
    assert cite.date == PartialDate(2009, 3, 11)


@pytest.mark.parametrize(
    "text",
    [
        "M. Osei, “Sparse attention for long documents,” arXiv:2101.01234 [cs.CL], 2021.",
        "Kowalski J, Nowak A. Sparse attention for long documents [preprint]. "
        "arXiv:2101.01234. 2021.",
    ],
)
def test_an_arxiv_identifier_is_the_number_and_arxiv_the_container(text: str) -> None:
    cite = _one(text)
    assert cite.type is CitationType.ARTICLE
    assert cite.container == "arXiv"
    assert cite.number == "2101.01234"
    assert cite.title == "Sparse attention for long documents"
    assert cite.date == PartialDate(2021)


def test_an_old_style_arxiv_identifier_keeps_its_archive_and_version() -> None:
    cite = _one("Ana Ruiz, “Strings on a lattice,” arXiv:hep-th/9901001v2 (1999).")
    assert cite.number == "hep-th/9901001v2"
    assert cite.container == "arXiv"


def test_a_number_in_prose_is_no_patent() -> None:
    (cite,) = parse_citations(
        (
            Footnote(
                label="1",
                text="Ann Roe, Harbours (Boston: Beacon Press, 2001), 1,234.",
                claim="",
                location=Location("t.md", 1),
            ),
        )
    )
    assert cite.number is None
    assert cite.type is CitationType.BOOK


def test_a_standard_with_nothing_else_is_a_citation() -> None:
    cite = _one("IEEE Standard for Tidal Gauges, IEEE Std 9-2019, 2019.")
    assert cite.type is CitationType.REPORT
    assert cite.number == "IEEE Std 9-2019"
    assert cite.title == "IEEE Standard for Tidal Gauges"
    assert cite.date == PartialDate(2019)


def test_no_field_is_read_from_inside_a_standard_designation() -> None:
    cite = _one(
        "International Organization for Standardization, Harbour cranes — Safety, ISO 4321:2018."
    )
    assert cite.number == "ISO 4321:2018"
    assert cite.container is None
    assert cite.volume is None
