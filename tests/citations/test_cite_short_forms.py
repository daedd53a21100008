"""Short forms, antecedents and work ids across the notes of one manuscript."""

from __future__ import annotations

import pytest
from cite_factories import cite_notes, fields, note

from citecheck.citations import parse_citations
from citecheck.model import ShortForm

KISSINGER = (
    "Henry Kissinger, World Order: Reflections on the Character of Nations "
    "(New York: Penguin Press, 2014), 12."
)
MANNING = (
    "Bayless Manning, The Congress, The Executive and Intermestic Affairs: Three Proposals, "
    "55 Foreign Affairs 306, 309 (1977)."
)
BROWN = "Brown v. Board of Education, 347 U.S. 483, 495 (1954)."


@pytest.mark.parametrize(
    ("later", "form", "pinpoint"),
    [
        pytest.param("Ibid.", ShortForm.IBID, None, id="ibid"),
        pytest.param("Ibid., 45.", ShortForm.IBID, "45", id="ibid-page"),
        pytest.param("Ibid., pp. 45–47.", ShortForm.IBID, "45–47", id="ibid-pages"),
        pytest.param("Id.", ShortForm.ID, None, id="id"),
        pytest.param("Id. at 5.", ShortForm.ID, "5", id="id-at"),
        pytest.param("See id. at 310.", ShortForm.ID, "310", id="see-id"),
        pytest.param("Kissinger, World Order, 45.", ShortForm.SHORT_TITLE, "45", id="short-title"),
        pytest.param("Kissinger, supra note 1, at 20.", ShortForm.SUPRA, "20", id="supra-note-at"),
        pytest.param("Kissinger, supra note 1.", ShortForm.SUPRA, None, id="supra-note"),
        pytest.param("Kissinger, supra, at 20.", ShortForm.SUPRA, "20", id="supra-no-note"),
        pytest.param("Kissinger, op. cit., p. 20.", ShortForm.SUPRA, "20", id="op-cit"),
        pytest.param("Kissinger, supra n. 1, at 20.", ShortForm.SUPRA, "20", id="supra-n"),
        pytest.param("Kissinger, 20.", ShortForm.SHORT_TITLE, "20", id="author-page"),
    ],
)
def test_short_forms_point_at_the_work_in_note_one(
    later: str, form: ShortForm, pinpoint: str | None
) -> None:
    first, second = cite_notes(KISSINGER, later)
    assert second.short_form is form
    assert second.antecedent == first.index
    assert second.work == first.work
    assert second.pinpoint == pinpoint
    assert second.problem is None
    assert second.type == first.type


@pytest.mark.parametrize(
    ("first", "later", "pinpoint"),
    [
        pytest.param(
            "Alan D. Bersin, “Lines and Flows: The Beginning and End of Borders,” Brooklyn "
            "Journal of International Law 37, no. 2 (2012): 389–406.",
            "Bersin, “Lines and Flows,” 395.",
            "395",
            id="quoted-short-title",
        ),
        pytest.param(KISSINGER, "World Order, 45.", "45", id="title-only"),
        pytest.param(KISSINGER, "“World Order,” 45.", "45", id="quoted-title-only"),
        pytest.param(
            "Council on Foreign Relations, North America: Time for a New Focus (New York: CFR, "
            "2014).",
            "Council on Foreign Relations, North America, 12.",
            "12",
            id="corporate-author",
        ),
        pytest.param(
            "Luis De La Calle and Luis Rubio, Mexico: A Middle Class Society (Washington, DC: "
            "Wilson Center, 2012).",
            "De La Calle and Rubio, Mexico, 12.",
            "12",
            id="two-authors",
        ),
    ],
)
def test_short_titles(first: str, later: str, pinpoint: str) -> None:
    full, short = cite_notes(first, later)
    assert short.short_form is ShortForm.SHORT_TITLE
    assert (short.antecedent, short.work, short.pinpoint) == (full.index, full.work, pinpoint)


def test_a_title_alone_that_starts_no_earlier_title_is_not_a_short_form() -> None:
    _full, other = cite_notes(KISSINGER, "Border Towns, 45.")
    assert other.short_form is None
    assert other.antecedent is None


def test_id_inside_a_string_points_at_the_citation_just_before() -> None:
    _manning, brown, id_cite = cite_notes(MANNING, f"{BROWN[:-1]}; id. at 497.")
    assert brown.type.value == "case"
    assert id_cite.short_form is ShortForm.ID
    assert id_cite.antecedent == brown.index
    assert id_cite.pinpoint == "497"


def test_supra_names_the_note_and_the_author() -> None:
    cites = cite_notes(
        KISSINGER, MANNING, "Manning, supra note 2, at 310; Kissinger, supra note 1."
    )
    kissinger, manning, supra_manning, supra_kissinger = cites
    assert (supra_manning.antecedent, supra_manning.pinpoint) == (manning.index, "310")
    assert supra_kissinger.antecedent == kissinger.index
    assert supra_manning.work == manning.work != kissinger.work


@pytest.mark.parametrize(
    "who",
    [
        pytest.param("Okafor & Lindqvist", id="ampersand"),
        pytest.param("Okafor and Lindqvist", id="and"),
        pytest.param("Okafor et al.", id="et-al"),
    ],
)
def test_supra_of_several_authors_finds_their_work(who: str) -> None:
    full = (
        "Ngozi Okafor & Britt Lindqvist, Tidal Commons and the Law of the Foreshore, "
        "61 Stan. Env't L.J. 201 (2021)."
    )
    work, other, supra = cite_notes(full, MANNING, f"{who}, supra note 1, at 230.")
    assert (supra.antecedent, supra.pinpoint, supra.problem) == (work.index, "230", None)
    assert supra.work == work.work != other.work


def test_short_case_cite_resolves_by_volume_and_reporter() -> None:
    brown, short = cite_notes(BROWN, "Brown, 347 U.S. at 494.")
    assert short.type.value == "case"
    assert short.antecedent == brown.index
    assert short.pinpoint == "494"
    assert short.work == brown.work


@pytest.mark.parametrize(
    ("notes", "problem_part"),
    [
        pytest.param(("Ibid., 4.",), "no earlier citation", id="ibid-first"),
        pytest.param((KISSINGER, "Smith, supra note 1."), "supra", id="supra-wrong-author"),
        pytest.param((KISSINGER, "Kissinger, supra note 9."), "note 9", id="supra-wrong-note"),
        pytest.param(
            (KISSINGER, "Kissinger, Diplomacy, 45."), "no earlier work", id="short-title-unknown"
        ),
        pytest.param(("Brown, 347 U.S. at 494.",), "no earlier full citation", id="short-case"),
    ],
)
def test_unresolvable_short_forms_say_why(notes: tuple[str, ...], problem_part: str) -> None:
    last = cite_notes(*notes)[-1]
    assert last.short_form is not None
    assert last.antecedent is None
    assert last.problem is not None
    assert problem_part in last.problem


def test_ibid_after_a_note_citing_several_works_is_flagged() -> None:
    cites = cite_notes(f"{KISSINGER[:-1]}; see also {MANNING}", "Ibid.")
    assert cites[-1].antecedent == cites[1].index
    assert cites[-1].problem is not None
    assert "several works" in cites[-1].problem


def test_repeated_full_citations_share_a_work_id() -> None:
    cites = cite_notes(
        KISSINGER,
        MANNING,
        MANNING.replace("306, 309", "306, 312"),
        "Henry Kissinger, Diplomacy (New York: Simon & Schuster, 1994), 3.",
    )
    assert [c.work for c in cites] == ["w1", "w2", "w2", "w3"]
    assert cites[2].short_form is None
    assert cites[2].pinpoint == "312"


def test_same_url_without_a_title_is_one_work() -> None:
    cites = cite_notes(
        "See <https://www.census.gov/foreign-trade/balance/c2010.html>.",
        "Available at https://www.census.gov/foreign-trade/balance/c2010.html.",
    )
    assert [c.work for c in cites] == ["w1", "w1"]


def test_start_index_offsets_indexes_and_antecedents() -> None:
    notes = [note("1", KISSINGER), note("2", "Ibid., 7.")]
    first, second = parse_citations(notes, start_index=40)
    assert (first.index, second.index, second.antecedent) == (40, 41, 40)


def test_short_forms_do_not_cross_manuscripts() -> None:
    (cite,) = parse_citations([note("1", "Ibid.")])
    assert cite.antecedent is None


def test_work_ids_follow_first_appearance() -> None:
    cites = cite_notes(MANNING, KISSINGER, "Ibid.", MANNING)
    assert [fields(c)["work"] for c in cites] == ["w1", "w2", "w2", "w1"]


def test_ibid_after_ibid_points_at_the_full_citation() -> None:
    full, first, second = cite_notes(KISSINGER, "Ibid., 14.", "Ibid., 15.")
    assert (first.antecedent, second.antecedent) == (full.index, full.index)
    assert second.pinpoint == "15"


def test_ibid_after_an_unresolved_short_form_is_unresolved() -> None:
    _supra, ibid = cite_notes("Smith, supra note 4.", "Ibid.")
    assert ibid.antecedent is None
    assert ibid.problem is not None


def test_a_full_citation_without_its_subtitle_is_the_same_work() -> None:
    cites = cite_notes(
        KISSINGER,
        "Henry Kissinger, World Order (New York: Penguin, 2014), 30.",
        "Henry Kissinger, World Restored (Boston: Houghton Mifflin, 1957).",
    )
    assert [c.work for c in cites] == ["w1", "w1", "w2"]
    assert all(c.short_form is None for c in cites)


def test_bare_supra_note_points_at_the_work_in_that_note() -> None:
    kissinger, manning, bare = cite_notes(KISSINGER, MANNING, "See supra note 2, at 310.")
    assert (bare.short_form, bare.antecedent, bare.pinpoint) == (
        ShortForm.SUPRA,
        manning.index,
        "310",
    )
    assert bare.signal == "see"
    assert bare.work == manning.work != kissinger.work


def test_infra_is_reported_not_resolved() -> None:
    (infra,) = cite_notes("See infra note 12.")
    assert infra.antecedent is None
    assert infra.problem is not None
    assert "infra" in infra.problem


def test_the_same_url_under_two_names_is_one_work() -> None:
    cites = cite_notes(
        "2014 Quadrennial Homeland Security Review, https://www.dhs.gov/qhsr-2014.pdf.",
        "DHS, QHSR (2014), https://www.dhs.gov/qhsr-2014.pdf, at 15.",
        "DHS, Other Report (2014), https://www.dhs.gov/other.pdf.",
    )
    assert [c.work for c in cites] == ["w1", "w1", "w2"]


def test_an_unresolved_short_form_names_no_work() -> None:
    full, orphan, later = cite_notes(
        "Ann Lee, *Walls* (New York: Norton, 2001), 5.",
        "Ruiz, supra note 9, at 4.",
        "Bo Ruiz, *Fences* (Austin: UT Press, 2003), 7.",
    )
    assert full.work == "w1"
    assert (orphan.antecedent, orphan.work) == (None, "")
    assert orphan.problem
    # The orphan takes no id, so the next work is w2.
    assert later.work == "w2"


def test_a_short_title_of_inner_words_resolves_to_its_authors_work() -> None:
    # Chicago short titles drop a leading article and may drop a year: "Water Treaty" for
    # "The 1944 Water Treaty and the Politics of Scarcity" was left unresolved.
    full = (
        'Stephen P. Mumme, "The 1944 Water Treaty and the Politics of Scarcity," '
        "*Natural Resources Journal* 43, no. 2 (2003): 345–368, 350."
    )
    first, short = cite_notes(full, 'Mumme, "Water Treaty," 352.')
    assert short.short_form is ShortForm.SHORT_TITLE
    assert short.antecedent == first.index
    assert short.work == first.work
    # One word inside a title is not enough to name it.
    _, lone = cite_notes(full, 'Mumme, "Treaty," 352.')
    assert lone.antecedent is None


QHSR = (
    "U.S. Dep't of Homeland Sec., Quadrennial Homeland Security Review Report 12 (2014) "
    "[hereinafter QHSR]."
)


@pytest.mark.parametrize(
    ("full", "later", "form", "pinpoint"),
    [
        pytest.param(QHSR, "QHSR, supra note 1, at 12.", ShortForm.SUPRA, "12", id="supra"),
        pytest.param(QHSR, "QHSR at 12.", ShortForm.SHORT_TITLE, "12", id="at"),
        pytest.param(
            QHSR.replace("[hereinafter QHSR]", "(hereafter cited as QHSR)"),
            "QHSR, 14.",
            ShortForm.SHORT_TITLE,
            "14",
            id="chicago-hereafter",
        ),
        pytest.param(
            f"{MANNING[:-1]} [hereinafter Manning, Intermestic Affairs].",
            "Manning, Intermestic Affairs, supra note 1, at 310.",
            ShortForm.SUPRA,
            "310",
            id="author-and-title-name",
        ),
        pytest.param(
            'Nat\'l Research Council, Wall Effects 9 (2010) (hereinafter "NRC Report").',
            "NRC Report at 40.",
            ShortForm.SHORT_TITLE,
            "40",
            id="quoted-two-words",
        ),
    ],
)
def test_a_hereinafter_name_points_at_the_work_that_defined_it(
    full: str, later: str, form: ShortForm, pinpoint: str
) -> None:
    # "QHSR, supra note 1" found no work by or titled QHSR; "QHSR at 12" vanished.
    first, other, second = cite_notes(full, "Jane Doe, Border Lines 4 (2001).", later)
    assert first.short_form is None
    assert "hereinafter" not in (first.title or "") + (first.publisher or "")
    assert second.short_form is form
    assert second.antecedent == first.index
    assert second.work == first.work != other.work
    assert second.pinpoint == pinpoint
    assert second.problem is None


def test_an_id_after_a_hereinafter_short_form_points_at_its_work() -> None:
    first, _, named, id_ = cite_notes(QHSR, "Jane Doe, Border Lines 4 (2001).", "QHSR at 3.", "Id.")
    assert named.antecedent == first.index
    assert id_.antecedent == first.index  # not Doe's: "QHSR at 3" used to read as nothing


@pytest.mark.parametrize(
    ("notes", "problem_part"),
    [
        pytest.param(("QHSR at 15.", QHSR), "defined only later", id="used-before-defined"),
        pytest.param(
            (QHSR.replace(" [hereinafter QHSR]", ""), "QHSR, supra note 1, at 4."),
            "no note names a work 'QHSR' with [hereinafter QHSR]",
            id="never-defined",
        ),
        pytest.param(
            (QHSR, "Jane Doe, Border Lines 4 (2001).", "QHSR at 5.", "QHSR, supra note 3, at 2."),
            "QHSR is cited in full in note 1, not in note 3",
            id="supra-to-the-short-form",
        ),
    ],
)
def test_a_hereinafter_name_that_does_not_resolve_says_what_is_wrong(
    notes: tuple[str, ...], problem_part: str
) -> None:
    cites = [c for c in cite_notes(*notes) if c.short_form is not None]
    last = cites[-1] if "defined only later" not in problem_part else cites[0]
    assert last.problem is not None
    assert problem_part in last.problem
