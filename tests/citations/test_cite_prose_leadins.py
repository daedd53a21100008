"""Prose sentences that lead into a citation without a known lead-in phrase.

Each example is made up for this test (none comes from a gold, held-out or
development set). The prose is cut off, the citation after it read as if it
opened the note; a signal word ending the prose is the signal, and prose
that merely describes labels no signal.
"""

from __future__ import annotations

from typing import Any

import pytest
from cite_factories import assert_fields, cite_notes, cite_one

from citecheck.citations.prose_leadin import prose_leadin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The earliest trial of the method is Field T, Brook S. Salt marsh recovery after"
            " storms. Coast Ecol. 2011;14(2):101-9.",
            {
                "authors": ["Field", "Brook"],
                "title": "Salt marsh recovery after storms",
                "container": "Coast Ecol",
                "volume": "14",
                "pages": "101-9",
                "signal": None,
            },
            id="vancouver",
        ),
        pytest.param(
            "Gradient methods are much older: P. Marsh and Q. Delacroix, “Descent in many"
            " dimensions,” J. Numer. Anal., vol. 8, no. 2, pp. 33–41, 1971.",
            {
                "authors": ["Marsh", "Delacroix"],
                "title": "Descent in many dimensions",
                "volume": "8",
                "issue": "2",
                "signal": None,
            },
            id="ieee after a colon",
        ),
        pytest.param(
            "On estuaries more broadly see Hallam RW, Ode P. Tidal rivers. Leeds: Riverside"
            " Press; 2003.",
            {"authors": ["Hallam", "Ode"], "title": "Tidal rivers", "signal": "see"},
            id="signal ending the prose",
        ),
        pytest.param(
            "La question du port est étudiée par Lucie Marchand, « Les quais de Nantes »,"
            " Revue des ports, vol. 3, n° 2, 1999, p. 10-20.",
            {
                "authors": ["Marchand"],
                "title": "Les quais de Nantes",
                "volume": "3",
                "issue": "2",
                "pages": "10-20",
            },
            id="french prose, name and quoted title",
        ),
        pytest.param(
            "The tidal metaphor comes from Ann B Lowry & Carl D Penn, “Tides of Doctrine”"
            " (2004) 22:3 Harbour LJ 301 at 305.",
            {
                "type": "article",
                "authors": ["Lowry", "Penn"],
                "title": "Tides of Doctrine",
                "container": "Harbour LJ",
                "volume": "22",
                "issue": "3",
                "pages": "301",
                "pinpoint": "305",
                "date": "2004",
            },
            id="mcgill article with volume:issue",
        ),
    ],
)
def test_prose_before_a_citation_is_cut_off(text: str, expected: dict[str, Any]) -> None:
    assert_fields(cite_one(text), expected)


def test_two_cases_joined_by_and_in_prose_are_two_citations() -> None:
    found = cite_notes(
        "The leading cases are Harbour Board v Lowry, [2001] 3 SCR 44 at para 9, and,"
        " on tides, Penn v Ferry Co, 2010 SCC 12 at para 4."
    )
    assert [c.title for c in found] == ["Harbour Board v Lowry", "Penn v Ferry Co"]


@pytest.mark.parametrize(
    "text",
    [
        "Thomas Lowry, The harbour and its trade, Leeds: Riverside Press, 2003.",
        "Lowry, The harbour and its trade, 12.",
        "Department of Harbours, “Annual review,” 2020.",
        "The committee has not yet reported on the harbour and no decision is expected.",
    ],
)
def test_citations_and_plain_prose_have_no_prose_lead_in(text: str) -> None:
    assert prose_leadin(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Hallam RW, Ode P. Tidal rivers. 2nd ed. Leeds: Riverside Press; 2003. p. 12-4.",
            {
                "type": "book",
                "authors": ["Hallam", "Ode"],
                "title": "Tidal rivers",
                "publisher": "Riverside Press",
                "date": "2003",
                "pinpoint": "12-4",
            },
            id="book",
        ),
        pytest.param(
            "Hallam RW. Tides. In: Ode P, Fox Q, editors. The sea. Leeds: Riverside Press; 2003."
            " p. 93-113.",
            {
                "type": "chapter",
                "title": "Tides",
                "container": "The sea",
                "pages": "93-113",
                "publisher": "Riverside Press",
            },
            id="chapter",
        ),
        pytest.param(
            "Hallam RW. Tidal rivers [master's thesis]. Leeds (UK): University of Leeds; 2003.",
            {"type": "other", "title": "Tidal rivers", "publisher": "University of Leeds"},
            id="thesis",
        ),
        pytest.param(
            "Hallam RW. Tide gauges (version 2.1) [dataset]. Zenodo; 2020. doi:10.5281/zen.1",
            {
                "type": "other",
                "title": "Tide gauges",
                "publisher": "Zenodo",
                "doi": "10.5281/zen.1",
            },
            id="dataset",
        ),
    ],
)
def test_vancouver_books_chapters_theses_and_datasets(text: str, expected: dict[str, Any]) -> None:
    assert_fields(cite_one(text), expected)


def test_ieee_authors_whose_family_name_is_also_an_english_word() -> None:
    found = cite_one(
        "K. He, X. Lin, and J. Oda, “Layered sensing,” Proc. IEEE, vol. 9, no. 2, pp. 1–9,"
        " Mar. 2001."
    )
    assert_fields(found, {"authors": ["He", "Lin", "Oda"], "title": "Layered sensing"})


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "Harbour Safety Board, Tide gauges — Calibration, ISO 31999:2012 (Geneva: ISO, 2012).",
            "ISO 31999:2012",
        ),
        (
            "IEEE Standard for Tide Tables, IEEE Std 4411-2018 (New York: IEEE, 2018).",
            "IEEE Std 4411-2018",
        ),
    ],
)
def test_standards_are_reports_numbered_by_their_designation(text: str, number: str) -> None:
    found = cite_one(text)
    assert_fields(found, {"type": "report", "number": number})
    assert number not in (found.title or "")
