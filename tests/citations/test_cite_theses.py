"""Theses in the languages of the notes: type `other`, the university the publisher,
the genre out of the title. Made-up works."""

from __future__ import annotations

import pytest

from citecheck.citations import parse_citations
from citecheck.model import Citation, CitationType, Footnote, Location


def _one(text: str) -> Citation:
    note = Footnote(label="1", text=text, claim="", location=Location("t.md", 1))
    (cite,) = parse_citations((note,))
    return cite


@pytest.mark.parametrize(
    ("text", "title", "school", "genre"),
    [
        (
            "Claire Fontaine, Les jardins ouvriers de Lille, thèse de doctorat en histoire, "
            "Université de Lille, 2011, p. 45.",
            "Les jardins ouvriers de Lille",
            "Université de Lille",
            "thèse de doctorat",
        ),
        (
            "Paolo Neri, La stampa a Bologna nel Seicento, tesi di dottorato, "
            "Università di Bologna, 2008, p. 12.",
            "La stampa a Bologna nel Seicento",
            "Università di Bologna",
            "tesi di dottorato",
        ),
        (
            "Lucía Prieto, El comercio de la lana en Burgos, tesis doctoral, "
            "Universidad de Salamanca, 2015, p. 88.",
            "El comercio de la lana en Burgos",
            "Universidad de Salamanca",
            "tesis doctoral",
        ),
        (
            "Jan de Wit, De grachten van Leiden, proefschrift, Universiteit Leiden, 1999, p. 3.",
            "De grachten van Leiden",
            "Universiteit Leiden",
            "proefschrift",
        ),
        (
            "Hans Keller, Die Zünfte in Basel, Dissertation, Universität Basel, 2004, S. 17.",
            "Die Zünfte in Basel",
            "Universität Basel",
            "Dissertation",
        ),
        (
            "J. Novak, “Flow control in tidal channels,” Ph.D. dissertation, Dept. Civil Eng., "
            "Delft Univ. Technol., Delft, The Netherlands, 2011.",
            "Flow control in tidal channels",
            "Delft Univ. Technol",
            "Ph.D. dissertation",
        ),
    ],
)
def test_a_thesis_in_any_language(text: str, title: str, school: str, genre: str) -> None:
    cite = _one(text)
    assert cite.type is CitationType.OTHER
    assert cite.title == title
    assert cite.publisher == school
    assert cite.genre == genre
    assert cite.container is None


def test_a_bracketed_thesis_is_other_too() -> None:
    cite = _one("Ann Roe, “Border Towns” (PhD diss., University of Arizona, 2012), 14.")
    assert cite.type is CitationType.OTHER
    assert cite.publisher == "University of Arizona"
    assert cite.pinpoint == "14"


def test_a_book_about_theses_is_no_thesis() -> None:
    cite = _one("Ann Roe, Writing the Dissertation (Chicago: Beacon Press, 2001), 12.")
    assert cite.type is CitationType.BOOK
    assert cite.genre is None
