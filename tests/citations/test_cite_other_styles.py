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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "R v Okafor, 2019 SCC 14 at para 22.",
            {
                "type": "case",
                "title": "R v Okafor",
                "container": "SCC",
                "pages": "14",
                "pinpoint": "para 22",
                "date": "2019",
            },
            id="neutral-scc",
        ),
        pytest.param(
            "Smith v Jones, 2012 ONCA 301, [2012] 3 OR 44 at paras 4-6.",
            {"type": "case", "container": "ONCA", "pages": "301", "date": "2012"},
            id="neutral-with-parallel",
        ),
        pytest.param(
            "Mehta v Union of India AIR 1987 SC 1086, 1090.",
            {
                "type": "case",
                "title": "Mehta v Union of India",
                "container": "AIR",
                "pages": "1086",
                "pinpoint": "1090",
                "date": "1987",
            },
            id="air",
        ),
        pytest.param(
            "Case C-204/16 Alpha Ltd v Beta Commission [2018] ECLI:EU:C:2018:451, para 31.",
            {
                "type": "case",
                "title": "Alpha Ltd v Beta Commission",
                "container": "ECLI",
                "pages": "EU:C:2018:451",
                "number": "C-204/16",
                "pinpoint": "para 31",
                "date": "2018",
            },
            id="ecli-bracket-year",
        ),
        pytest.param(
            "Case C-88/19 Gamma v Delta, judgment of 3 March 2020, ECLI:EU:C:2020:120.",
            {"type": "case", "date": "2020-03-03", "number": "C-88/19"},
            id="ecli-judgment-date",
        ),
        pytest.param(
            "Directive 2001/29/EC of the European Parliament and of the Council of 22 May 2001 "
            "on copyright, OJ L 167, 22.6.2001, p. 10–19.",
            {
                "type": "statute",
                "container": "OJ",
                "issue": "L 167",
                "pages": "10–19",
                "date": "2001-06-22",
                "number": "2001/29/EC",
            },
            id="oj-official-form",
        ),
        pytest.param(
            "Privacy Act, RSC 1985, c P-21, s 4.",
            {
                "type": "statute",
                "title": "Privacy Act",
                "container": "RSC",
                "date": "1985",
                "number": "c P-21",
                "pinpoint": "s 4",
            },
            id="mcgill-statute",
        ),
        pytest.param(
            "Right to Information Act, 2005, s 8(1).",
            {
                "type": "statute",
                "title": "Right to Information Act, 2005",
                "pinpoint": "s 8(1)",
                "date": None,
            },
            id="act-with-year",
        ),
        pytest.param(
            "Constitution of Kenya, art 27.",
            {"type": "statute", "title": "Constitution of Kenya", "pinpoint": "art 27"},
            id="constitution-article",
        ),
    ],
)
def test_other_legal_forms(text: str, expected: dict[str, Any]) -> None:
    assert_fields(cite_one(text), expected)


def test_italian_ivi_and_continental_cit_forms_point_back() -> None:
    found = cite_notes(
        "Ugo Ferri, Il fiume e la pianura, Milano, Bompiani, 1980, p. 12.",
        "Ivi, p. 40.",
        "Marc Vidal, « Pour une histoire des prix », Revue rurale, vol. 46, n° 2, 1928, p. 15-50.",
        "Vidal, « Pour une histoire des prix », art. cit., p. 22.",
        "Ferri, Il fiume e la pianura, cit., p. 9.",
    )
    assert [(c.short_form and c.short_form.value, c.antecedent) for c in found] == [
        (None, None),
        ("ibid", 0),
        (None, None),
        ("supra", 2),
        ("supra", 0),
    ]
    assert_fields(found[1], {"pinpoint": "40"})
    assert_fields(found[3], {"title": "Pour une histoire des prix", "pinpoint": "22"})


def test_harvard_author_year_short_form_and_para_pinpoints() -> None:
    found = cite_notes(
        "Okafor, C. (2015) Rivers and Cities. London: Routledge, p. 9.",
        "Okafor (2015), p. 31.",
        "R v Lind, 2019 SCC 14 at para 22.",
        "Lind, supra note 3 at para 30.",
        "Id. at para 31.",
    )
    assert_fields(
        found[1], {"short_form": "short-title", "antecedent": 0, "pinpoint": "31", "date": "2015"}
    )
    assert_fields(found[3], {"short_form": "supra", "antecedent": 2, "pinpoint": "30"})
    assert_fields(found[4], {"short_form": "id", "antecedent": 2, "pinpoint": "31"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Okafor CN, Lindqvist B, Tanaka H. Sleep duration and blood pressure in adolescents. "
            "Hypertension. 2018;71(4):612-19.",
            {
                "type": "article",
                "authors": ["Okafor", "Lindqvist", "Tanaka"],
                "given": ["CN", "B", "H"],
                "title": "Sleep duration and blood pressure in adolescents",
                "container": "Hypertension",
                "volume": "71",
                "issue": "4",
                "pages": "612-19",
                "date": "2018",
            },
            id="vancouver-journal",
        ),
        pytest.param(
            "Moreau P, Ito K, Diallo S, et al. Salt intake and stroke. BMJ. 2017 Jun 3;357:j2210. "
            "doi:10.1136/bmj.j2210",
            {
                "et_al": True,
                "container": "BMJ",
                "volume": "357",
                "issue": None,
                "pages": "j2210",
                "date": "2017-06-03",
                "doi": "10.1136/bmj.j2210",
            },
            id="vancouver-day-date-article-number",
        ),
        pytest.param(
            "Northern Cohort Study Group. Ten-year outcomes of screening. Lancet. "
            "2015;386(9999):1100-8.",
            {
                "authors": ["Northern Cohort Study Group"],
                "corporate": [True],
                "title": "Ten-year outcomes of screening",
                "container": "Lancet",
            },
            id="vancouver-group-author",
        ),
        pytest.param(
            "Haldane, J. B. S. & Lerner, I. M. Stochastic drift in small populations. "
            "Genetics 33, 117–129 (1949).",
            {
                "type": "article",
                "authors": ["Haldane", "Lerner"],
                "given": ["J. B. S.", "I. M."],
                "title": "Stochastic drift in small populations",
                "container": "Genetics",
                "volume": "33",
                "pages": "117–129",
                "date": "1949",
            },
            id="nature-journal",
        ),
        pytest.param(
            "Abe, K. et al. A lattice model of glass. Phys. Rev. Lett. 98, 045501 (2007).",
            {"authors": ["Abe"], "et_al": True, "container": "Phys. Rev. Lett.", "pages": "045501"},
            id="nature-abbreviated-journal",
        ),
    ],
)
def test_vancouver_and_nature_references(text: str, expected: dict[str, Any]) -> None:
    assert_fields(cite_one(text), expected)


def test_two_vancouver_references_joined_by_a_semicolon_are_two() -> None:
    found = cite_notes(
        "Roe A. First study. Lancet. 2001;2(1):3-4; Doe B. Second study. BMJ. 2002;5:6-7."
    )
    assert [c.container for c in found] == ["Lancet", "BMJ"]


def test_id_and_ead_before_a_title_stand_for_the_author_just_named() -> None:
    found = cite_notes(
        "Ugo Ferri, Il fiume, Milano, Bompiani, 1980; cfr. Id., La montagna, Torino, Einaudi, "
        "1986, p. 15.",
        "Anna Riva, Le donne, Roma, Laterza, 1990; ed Ead., La città, Roma, Laterza, 1995.",
        "Id., at 5.",
    )
    assert_fields(found[1], {"short_form": None, "authors": ["Ferri"], "title": "La montagna"})
    assert_fields(found[3], {"short_form": None, "authors": ["Riva"], "title": "La città"})
    assert_fields(found[4], {"short_form": "id", "antecedent": 3})
    assert found[1].work != found[0].work


@pytest.mark.parametrize(
    "text",
    [
        "Okafor, C. (2015) Rivers and Cities. London: Routledge.",
        "Okafor, C. (2015) Rivers and Cities. 2nd edn. London: Routledge, p. 9.",
    ],
)
def test_harvard_names_with_initials_before_an_unstopped_year(text: str) -> None:
    assert_fields(cite_one(text), {"authors": ["Okafor"], "given": ["C."], "date": "2015"})


def test_the_crf_never_makes_initials_a_person_of_their_own() -> None:
    c = cite_one("Lind, B.K. and Roe, P. (1999) 'Flood risk', Water Policy, 12(3), pp. 45–52.")
    assert_fields(c, {"authors": ["Lind", "Roe"], "given": ["B.K.", "P."]})
