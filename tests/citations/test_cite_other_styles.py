"""Reference-list, continental and other legal styles: the forms the parser must read.

Each example is made up for this test (none comes from a gold, held-out or
development set); the expected fields follow tests/citations/gold/README.md
and the conventions of the other-styles sets (imprints give publisher and
date, a book's page is its pinpoint, "ici p." introduces a pinpoint,
signals in other languages are kept as printed).
"""

from __future__ import annotations

from typing import Any

import pytest
from cite_factories import assert_fields, cite_notes, cite_one


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Voir aussi Jean Dupont, Les ponts de Lyon, Lyon, Presses de Lyon, 2004.", "voir aussi"),
        ("Si veda Marco Bianchi, La città e il fiume, Roma, Laterza, 1999.", "si veda"),
        ("Cfr. Luisa Neri, Storia del porto, Bologna, Il Mulino, 2001, p. 33.", "cfr."),
        ("Pour une synthèse, voir Claire Martin, Le fleuve, Paris, PUF, 2010.", "voir"),
        ("Sulla questione si vedano Marco Bianchi, La città, Roma, Laterza, 1999.", "si vedano"),
    ],
)
def test_signals_in_other_languages_are_kept_as_printed(text: str, signal: str) -> None:
    assert_fields(cite_one(text), {"signal": signal})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Pierre Lenoir, La ville et ses marges. Essai, Paris : Éditions du Port, 1979, p. 45.",
            {
                "type": "book",
                "authors": ["Lenoir"],
                "title": "La ville et ses marges. Essai",
                "publisher": "Éditions du Port",
                "place": "Paris",
                "date": "1979",
                "pinpoint": "45",
                "container": None,
                "pages": None,
            },
            id="french-colon-imprint",
        ),
        pytest.param(
            "Ugo Ferri, Il fiume e la pianura, Milano, Bompiani, 1980, pp. XII-XIV.",
            {
                "type": "book",
                "title": "Il fiume e la pianura",
                "publisher": "Bompiani",
                "place": "Milano",
                "date": "1980",
                "pinpoint": "XII-XIV",
            },
            id="italian-comma-imprint",
        ),
        pytest.param(
            "Ugo Ferri, Lettere, a cura di Anna Riva, vol. II, Torino, Einaudi, 1975, p. 120.",
            {
                "type": "book",
                "authors": ["Ferri"],
                "title": "Lettere",
                "volume": "II",
                "publisher": "Einaudi",
                "date": "1975",
                "pinpoint": "120",
            },
            id="italian-editor-and-volume",
        ),
        pytest.param(
            "Anne Roux, Le marché, trad. de l'anglais par Paul Dury, Lyon, Presses de Lyon, 1990.",
            {"type": "book", "title": "Le marché", "publisher": "Presses de Lyon", "date": "1990"},
            id="french-translator",
        ),
        pytest.param(
            "Louis Morel, « Les foires rurales », dans Anne Petit (dir.), Les campagnes, t. II, "
            "Paris, Publications du Centre, 1974, p. 25-38, ici p. 30.",
            {
                "type": "chapter",
                "authors": ["Morel"],
                "title": "Les foires rurales",
                "container": "Les campagnes",
                "volume": "II",
                "pages": "25-38",
                "pinpoint": "30",
                "publisher": "Publications du Centre",
                "date": "1974",
            },
            id="french-chapter-dans",
        ),
        pytest.param(
            "Marc Vidal, « Pour une histoire des prix », Revue d'histoire rurale, vol. 46, "
            "n° 2, 1928, p. 15-50, ici p. 20.",
            {
                "type": "article",
                "title": "Pour une histoire des prix",
                "container": "Revue d'histoire rurale",
                "volume": "46",
                "issue": "2",
                "pages": "15-50",
                "pinpoint": "20",
                "date": "1928",
            },
            id="french-journal",
        ),
        pytest.param(
            "Paolo Riva, La nascita del catasto, «Rivista di storia agraria», XL, 3 (1949), "
            "pp. 201-230, in particolare p. 210.",
            {
                "type": "article",
                "title": "La nascita del catasto",
                "container": "Rivista di storia agraria",
                "volume": "XL",
                "issue": "3",
                "pages": "201-230",
                "pinpoint": "210",
                "date": "1949",
            },
            id="italian-journal-guillemets",
        ),
    ],
)
def test_continental_imprints_and_journals(text: str, expected: dict[str, Any]) -> None:
    assert_fields(cite_one(text), expected)


def test_a_us_book_with_a_parenthesised_imprint_is_not_a_continental_one() -> None:
    # The rules keep Chicago's "(Place: Publisher, Year)".
    c = cite_notes("Jane Roe, Rivers of Memory (Chicago: Lakeside Press, 2001), 45.")[0]
    assert_fields(c, {"type": "book", "publisher": "Lakeside Press", "pinpoint": "45"})
