"""Bluebook treaties cited to a treaty series, and author-date short forms.

Made-up instruments and works.
"""

from __future__ import annotations

from citecheck.citations import parse_citations
from citecheck.model import Citation, CitationType, Footnote, Location, PartialDate, ShortForm


def _cites(*texts: str) -> tuple[Citation, ...]:
    return parse_citations(
        tuple(
            Footnote(label=str(i + 1), text=t, claim="", location=Location("t.md", i + 1))
            for i, t in enumerate(texts)
        )
    )


def test_a_treaty_in_the_un_treaty_series() -> None:
    (cite,) = _cites("Convention on Harbour Tolls, Jan. 5, 1990, 1700 U.N.T.S. 3, 12.")
    assert cite.type is CitationType.STATUTE
    assert cite.title == "Convention on Harbour Tolls"
    assert (cite.volume, cite.container, cite.pages, cite.pinpoint) == (
        "1700",
        "U.N.T.S.",
        "3",
        "12",
    )
    assert cite.date == PartialDate(1990, 1, 5)


def test_a_treaty_with_its_parties_and_parallel_series() -> None:
    (cite,) = _cites(
        "Agreement on Tidal Waters, U.S.-Mex., Feb. 3, 1944, 59 Stat. 1219, T.I.A.S. No. 994."
    )
    assert cite.title == "Agreement on Tidal Waters"
    assert (cite.volume, cite.container, cite.pages) == ("59", "Stat.", "1219")
    assert cite.date == PartialDate(1944, 2, 3)


def test_a_treaty_by_its_tias_number_and_article() -> None:
    (cite,) = _cites("See Protocol on Tides, Apr. 2, 2001, T.I.A.S. No. 12-401, art. 3.")
    assert cite.type is CitationType.STATUTE
    assert (cite.container, cite.number, cite.pinpoint) == ("T.I.A.S.", "12-401", "art. 3")
    assert cite.signal == "see"


def test_an_author_date_short_form_without_parentheses() -> None:
    full, short, etal = _cites(
        "Ann Roe and Bo Doe, “Tidal Towns,” Journal of Ports 12 (2019): 1–20.",
        "Roe and Doe 2019, 12.",
        "Roe et al. 2019: 14–15.",
    )
    assert short.short_form is ShortForm.SHORT_TITLE
    assert [a.family for a in short.authors] == ["Roe", "Doe"]
    assert (short.pinpoint, short.date) == ("12", PartialDate(2019))
    assert short.antecedent == full.index
    assert etal.antecedent == full.index
    assert etal.pinpoint == "14–15"
