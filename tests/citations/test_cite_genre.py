"""Theses, datasets and a chapter's editors: what the type alone does not say."""

from __future__ import annotations

import pytest
from cite_factories import cite_notes

from citecheck.model import CitationType


@pytest.mark.parametrize(
    ("text", "genre", "school"),
    [
        pytest.param(
            'Ana Nunez, "Migration and the Border Economy" (PhD diss., University of Texas at '
            "Austin, 2015), 14.",
            "PhD diss.",
            "University of Texas at Austin",
            id="phd",
        ),
        pytest.param(
            'John Smith, "Trade Flows" (master\'s thesis, Rice University, 2010), 3.',
            "master's thesis",
            "Rice University",
            id="masters",
        ),
        pytest.param(
            "Lee Park, “Harbours” (Ph.D. dissertation, Yale University, 1999).",
            "Ph.D. dissertation",
            "Yale University",
            id="dissertation-spelled-out",
        ),
    ],
)
def test_a_thesis_keeps_its_genre_and_university(text: str, genre: str, school: str) -> None:
    (cite,) = cite_notes(text)
    assert (cite.genre, cite.publisher) == (genre, school)


def test_a_dataset_is_named_as_such() -> None:
    (cite,) = cite_notes(
        'Bureau of Transportation Statistics, "Border Crossing Entry Data," dataset, 2019, '
        "http://127.0.0.1:18081/small.pdf."
    )
    assert cite.genre == "dataset"


def test_a_chapter_keeps_its_books_editors() -> None:
    (cite,) = cite_notes(
        'Peter Andreas, "Border Games," in *The Politics of Borders*, ed. Maria Lopez and '
        "José García-Márquez (Cambridge: MIT Press, 2003), 101-25."
    )
    assert cite.type is CitationType.CHAPTER
    assert [(p.family, p.given) for p in cite.editors] == [
        ("Lopez", "Maria"),
        ("García-Márquez", "José"),
    ]


def test_an_ordinary_book_has_no_genre_or_editors() -> None:
    (cite,) = cite_notes("Ann Lee, *Border Towns* (New York: Norton, 2005), 12.")
    assert (cite.genre, cite.editors) == (None, ())
