"""The plausibility selector: an implausible rules' reading gives way to the CRF's.

Made-up works. ``implausible`` names what no reader of citations would accept
(no title, a town or publisher as container, a year read from a page range,
title words as authors, an author list inside the title, an imprint inside
the title, a genre phrase as container); ``combine`` then takes the CRF's
reading if that one is plausible, and keeps the rules' otherwise.
"""

from __future__ import annotations

import pytest

from citecheck.citations import parse_citations
from citecheck.citations.crf.plausible import implausible
from citecheck.citations.draft import Parsed
from citecheck.model import Citation, CitationType, Footnote, Location, PartialDate, Person


def _one(text: str) -> Citation:
    note = Footnote(label="1", text=text, claim="", location=Location("t.md", 1))
    (cite,) = parse_citations((note,))
    return cite


def _book(**kw: object) -> Parsed:
    base: dict[str, object] = {
        "type": CitationType.BOOK,
        "authors": (Person(family="Roe", given="Ann"),),
        "title": "A History of Harbours",
        "date": PartialDate(2001),
    }
    base.update(kw)
    return Parsed(**base)  # type: ignore[arg-type]


def test_a_plain_reading_is_plausible() -> None:
    assert implausible(_book(), "Ann Roe, A History of Harbours (2001).") is None


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"title": None}, "no title"),
        ({"container": "Lyon"}, "town"),
        ({"container": "Harbour Books"}, "publisher"),
        ({"container": "Ph.D. dissertation"}, "genre"),
        ({"authors": (Person(family="of the harbour trade", given="history"),)}, "authors"),
        ({"title": "Berg T, Holm S, Lund K. Tidal mixing"}, "author list"),
        ({"title": "A History of Harbours, Paris, Seuil"}, "imprint"),
        ({"type": CitationType.OTHER, "container": "Journal of Ports"}, "journal-like"),
        ({"pages": "Harbour-"}, "pages"),
    ],
)
def test_each_implausible_reading_is_named(fields: dict[str, object], why: str) -> None:
    assert why in (implausible(_book(**fields), "Ann Roe, A History of Harbours.") or "")


def test_a_year_read_from_a_page_range_is_implausible() -> None:
    text = "Ann Roe, A History of Harbours, pp. 1998-2004."
    assert "year" in (implausible(_book(date=PartialDate(1998)), text) or "")
    assert implausible(_book(date=PartialDate(1998)), "Ann Roe, Harbours, 1998, pp. 3-9.") is None


def test_a_title_naming_the_rules_corporate_author_is_no_title() -> None:
    rules = _book(authors=(Person(family="Harbour Board", corporate=True),))
    crf = _book(title="Harbour Board", authors=())
    assert implausible(crf, "Harbour Board, Annual Report (2001).", rules) is not None


def test_cases_statutes_and_short_forms_are_never_judged() -> None:
    assert implausible(Parsed(type=CitationType.CASE), "Roe v Doe [2001] UKSC 1") is None
    assert implausible(_book(title=None, short_form=None, problem="x"), "x") is None


def test_authors_swallowed_by_the_title_are_read_by_the_crf() -> None:
    cite = _one(
        "Okafor C, Mensah D, Adeyemi F, et al. Soil carbon under cassava rotation "
        "[preprint]. bioRxiv. 2021."
    )
    assert [a.family for a in cite.authors] == ["Okafor", "Mensah", "Adeyemi"]
    assert cite.title == "Soil carbon under cassava rotation"


def test_an_imprint_swallowed_by_the_title_is_read_by_the_crf() -> None:
    cite = _one(
        "Henri Martel, Les villes du Midi à l'époque moderne, 3e éd., Lyon, "
        "Presses du Rhône, 1975, t. II, p. 40."
    )
    assert cite.publisher == "Presses du Rhône"
    assert cite.title is not None
    assert "Lyon" not in cite.title
