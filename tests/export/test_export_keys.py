"""Citation keys: folding, corporate authors, stop words and clashes."""

from __future__ import annotations

from typing import Any

from citecheck.export.keys import citation_key, keyed_works
from citecheck.model import Citation, CitationType, Location, PartialDate, Person, ShortForm

LOC = Location("essay.md", 1)


def cite(index: int, **fields: Any) -> Citation:
    fields.setdefault("work", f"w{index}")
    return Citation(note="1", index=index, raw="...", location=LOC, **fields)


def test_family_year_first_significant_word() -> None:
    c = cite(
        0,
        authors=(Person("Manning", "Bayless"),),
        title="The Congress, The Executive and Intermestic Affairs",
        date=PartialDate(1977),
    )
    assert citation_key(c) == "manning1977congress"


def test_diacritics_are_folded() -> None:
    c = cite(
        0, authors=(Person("Gutiérrez", "José"),), title="Über die Grenze", date=PartialDate(2019)
    )
    assert citation_key(c) == "gutierrez2019grenze"
    c = cite(0, authors=(Person("Ødegård"),), title="Ærø", date=PartialDate(2001))
    assert citation_key(c) == "odegard2001aero"


def test_particles_and_apostrophes_join_the_family_name() -> None:
    c = cite(0, authors=(Person("De La Calle", "Luis"),), title="Mexico", date=PartialDate(2012))
    assert citation_key(c) == "delacalle2012mexico"
    c = cite(0, authors=(Person("O’Neil", "Shannon K."),), title="Mexico Makes It")
    assert citation_key(c) == "oneilmexico"


def test_corporate_author_gives_its_first_significant_word() -> None:
    cfr = cite(
        0,
        authors=(Person("Council on Foreign Relations", corporate=True),),
        title="North America: Time for a New Focus",
        date=PartialDate(2014),
    )
    assert citation_key(cfr) == "council2014north"
    gao = cite(0, authors=(Person("The U.S. Government Accountability Office", corporate=True),))
    assert citation_key(gao) == "us"


def test_no_author_no_title_no_date() -> None:
    case = cite(0, type=CitationType.CASE, title="Plyler v. Doe", date=PartialDate(1982))
    assert citation_key(case) == "plyler1982"
    assert citation_key(cite(0, urls=("http://x.org",))) == "anon"


def test_clashes_get_letter_suffixes_in_document_order() -> None:
    same = {"authors": (Person("Ellingwood", "Ken"),), "date": PartialDate(2001)}
    works = keyed_works(
        [
            cite(0, title="Delays Ease at Border", **same),
            cite(1, title="Delays, Again", **same),
            cite(2, title="Delays Forever", **same),
        ]
    )
    assert [k for k, _ in works] == [
        "ellingwood2001delays",
        "ellingwood2001delaysa",
        "ellingwood2001delaysb",
    ]
    again = keyed_works(
        [cite(0, title="Delays Ease at Border", **same), cite(1, title="Delays, Again", **same)]
    )
    assert [k for k, _ in again] == ["ellingwood2001delays", "ellingwood2001delaysa"]


def test_short_forms_and_repeat_citations_share_the_work() -> None:
    full = cite(
        0,
        work="w",
        authors=(Person("Kissinger", "Henry"),),
        title="World Order",
        date=PartialDate(2014),
    )
    again = cite(1, work="w", authors=(Person("Kissinger"),), title="World Order")
    ibid = cite(2, work="w", short_form=ShortForm.IBID, antecedent=1)
    works = keyed_works([again, full, ibid])
    assert works == (("kissinger2014world", full),)


def test_a_word_of_the_title_is_preferred_to_a_leading_number() -> None:
    report = cite(0, title="2014 Quadrennial Homeland Security Review", date=PartialDate(2014))
    assert citation_key(report) == "quadrennial2014"
    novel = cite(1, authors=(Person("Orwell", "George"),), title="1984", date=PartialDate(1949))
    assert citation_key(novel) == "orwell19491984"


def test_a_case_is_keyed_by_its_first_party_that_is_not_a_sovereign() -> None:
    def case_key(title: str, year: int) -> str:
        return citation_key(cite(0, type=CitationType.CASE, title=title, date=PartialDate(year)))

    assert case_key("United States v. Ramsey", 1977) == "ramsey1977"
    assert case_key("United States v. Martinez-Fuerte", 1976) == "martinezfuerte1976"
    assert case_key("State v. Smith", 1990) == "smith1990"
    assert case_key("People v. Lopez", 2001) == "lopez2001"
    assert case_key("Commonwealth v. Jones", 1985) == "jones1985"
    assert case_key("R v Brown", 1994) == "brown1994"
    assert case_key("Regina v. Dudley", 1884) == "dudley1884"
    assert case_key("In re Gault", 1967) == "gault1967"
    # A sovereign as the second party changes nothing.
    assert case_key("Almeida-Sanchez v. United States", 1973) == "almeidasanchez1973"


def test_two_united_states_cases_of_a_year_get_distinct_names() -> None:
    ramsey = cite(
        0, type=CitationType.CASE, title="United States v. Ramsey", date=PartialDate(1977)
    )
    other = cite(
        1, type=CitationType.CASE, title="United States v. Chadwick", date=PartialDate(1977)
    )
    assert [key for key, _ in keyed_works([ramsey, other])] == ["ramsey1977", "chadwick1977"]
