"""Dates with month names in other languages, and access notes in those languages.

The examples are made up for this test (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest
from cite_factories import cite_one

from citecheck.citations.dates import find_dates, month_number
from citecheck.model import PartialDate


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("publié le 14 février 2011", PartialDate(2011, 2, 14)),
        ("1er juillet 1998", PartialDate(1998, 7, 1)),
        ("uscito il 9 settembre 2004", PartialDate(2004, 9, 9)),
        ("el 21 de noviembre de 2015", PartialDate(2015, 11, 21)),
        ("em 30 de outubro de 2012", PartialDate(2012, 10, 30)),
        ("Acesso em: 4 ago. 2021", PartialDate(2021, 8, 4)),
        ("am 7. Oktober 2009", PartialDate(2009, 10, 7)),
        ("op 2 oktober 2017", PartialDate(2017, 10, 2)),
        ("den 11 augusti 2006", PartialDate(2006, 8, 11)),
        ("dnia 3 czerwca 2013 r.", PartialDate(2013, 6, 3)),
        ("noviembre de 2015", PartialDate(2015, 11)),
        ("giugno 2007", PartialDate(2007, 6)),
    ],
)
def test_a_date_with_a_month_name_in_another_language_keeps_its_precision(
    text: str, date: PartialDate
) -> None:
    assert [m.date for m in find_dates(text)] == [date]


def test_english_dates_read_as_before() -> None:
    assert [m.date for m in find_dates("May 5, 2019; 5 April 2019; Nov. 2020")] == [
        PartialDate(2019, 5, 5),
        PartialDate(2019, 4, 5),
        PartialDate(2020, 11),
    ]
    assert month_number("mars") == 3
    assert month_number("Sept.") == 9


@pytest.mark.parametrize(
    ("text", "accessed"),
    [
        (
            "Anne Morel, « Les quais », Le Site des quais, https://example.org/quais "
            "(consulté le 14 février 2011).",
            "2011-02-14",
        ),
        (
            "Luca Verdi, Il porto, https://example.org/porto (ultimo accesso: 9 settembre 2004).",
            "2004-09-09",
        ),
        (
            "Pablo Ruiz, La ribera, https://example.org/ribera, consultado el 21 de noviembre "
            "de 2015.",
            "2015-11-21",
        ),
        (
            "SILVA, João. O cais. Disponível em: https://example.org/cais. Acesso em: 4 ago. 2021.",
            "2021-08-04",
        ),
        (
            "Jan de Vries, De kade, https://example.org/kade (geraadpleegd op 2 oktober 2017).",
            "2017-10-02",
        ),
    ],
)
def test_an_access_note_in_another_language_gives_the_access_date(text: str, accessed: str) -> None:
    citation = cite_one(text)
    assert citation.accessed is not None
    assert citation.accessed.isoformat() == accessed
