"""Across-notes rules on whole manuscripts: what their messages say."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.checks.across_notes import _differences
from citecheck.config import Settings
from citecheck.model import Citation, CitationType, Location, PartialDate
from citecheck.pipeline import run_check


def _supra_messages(tmp_path: Path, notes: str) -> list[str]:
    essay = tmp_path / "essay.md"
    essay.write_text("One.[^1] Two.[^2]\n\n" + notes, encoding="utf-8")
    run = run_check([essay], Settings(), links=False, sources=False)
    return [f.message for f in run.findings if f.rule == "supra-wrong-note"]


def test_a_supra_to_a_note_the_manuscript_lacks_says_so(tmp_path: Path) -> None:
    # "note 12 has no citation" read as if note 12 existed but cited nothing.
    notes = (
        "[^1]: Henry Kissinger, *Diplomacy* (1994), 12.\n[^2]: Kissinger, *supra* note 12, at 5.\n"
    )
    (message,) = _supra_messages(tmp_path, notes)
    assert "there is no note 12" in message


def test_a_supra_to_a_note_without_citation_keeps_its_message(tmp_path: Path) -> None:
    notes = "[^1]: A point made in passing.\n[^2]: Kissinger, *supra* note 1, at 5.\n"
    (message,) = _supra_messages(tmp_path, notes)
    assert "note 1 has no citation" in message


def _findings(tmp_path: Path, notes: list[str]) -> list[tuple[str, str]]:
    essay = tmp_path / "named.md"
    markers = " ".join(f"Claim {n}.[^{n}]" for n in range(1, len(notes) + 1))
    essay.write_text(
        markers + "\n\n" + "".join(f"[^{n}]: {t}\n" for n, t in enumerate(notes, 1)), "utf-8"
    )
    run = run_check([essay], Settings(), links=False, sources=False)
    return [(f.rule, f.message) for f in run.findings if f.rule in _CITATION_RULES]


_CITATION_RULES = {
    "supra-wrong-note",
    "unresolved-short-form",
    "citation-problem",
    "short-form-before-full-citation",
    "ambiguous-id",
    "pinpoint-outside-pages",
    "conflicting-citation-details",
}


QHSR = (
    "U.S. Dep't of Homeland Sec., *Quadrennial Homeland Security Review Report* 12 (2014) "
    "[hereinafter QHSR]."
)


def test_hereinafter_short_forms_resolve_and_a_wrong_note_is_named(tmp_path: Path) -> None:
    # "QHSR, supra note 1" was "unresolved" yet silent (note 1's text holds "QHSR"); a supra
    # to the note of "QHSR at 5" said "note 3 has no citation", the short form having vanished.
    notes = [QHSR, "Jane Doe, *Border Lines* 4 (2001).", "QHSR at 5.", "QHSR, *supra* note 1."]
    assert _findings(tmp_path, notes) == []
    wrong = [*notes[:3], "QHSR, *supra* note 3, at 2."]
    ((rule, message),) = _findings(tmp_path, wrong)
    assert rule == "supra-wrong-note"
    assert "QHSR is cited in full in note 1, not in note 3" in message


def test_a_hereinafter_name_used_before_its_definition_says_so(tmp_path: Path) -> None:
    ((rule, message),) = _findings(tmp_path, ["QHSR at 15.", QHSR])
    assert rule == "unresolved-short-form"
    assert "defined only later, by the [hereinafter QHSR] of note 2" in message


# conflicting-citation-details: page ranges compared as ranges, volumes as numbers.

_APA = (
    "Granovetter, M. S. (1973). The strength of weak ties. *American Journal of Sociology*, "
    "78(6), {pages}. https://doi.org/10.1086/225469"
)
_CHICAGO = (
    'Mark Granovetter, "The Strength of Weak Ties," *American Journal of Sociology* 78, '
    "no. 6 (1973): {pages}."
)


def _conflicts(tmp_path: Path, first: str, second: str) -> list[str]:
    essay = tmp_path / "essay.md"
    essay.write_text(f"One.[^1] Two.[^2]\n\n[^1]: {first}\n[^2]: {second}\n", encoding="utf-8")
    run = run_check([essay], Settings(), links=False, sources=False)
    return [f.message for f in run.findings if f.rule == "conflicting-citation-details"]


def test_an_elided_chicago_range_is_the_apa_range(tmp_path: Path) -> None:
    # QA3 finding 3: "1360–80" (Chicago elides digits) was a conflict with "1360–1380".
    apa, chicago = _APA.format(pages="1360–1380"), _CHICAGO.format(pages="1360–80")
    assert _conflicts(tmp_path, apa, chicago) == []


def test_a_truly_different_range_is_still_a_conflict(tmp_path: Path) -> None:
    apa, chicago = _APA.format(pages="1360–1380"), _CHICAGO.format(pages="1360–90")
    (message,) = _conflicts(tmp_path, apa, chicago)
    assert "pages 1360–90 (note 1: 1360–1380)" in message


def _cited(note: str, **fields: object) -> Citation:
    return Citation(
        note=note, index=int(note), raw="", location=Location("essay.md", int(note)),
        type=CitationType.ARTICLE, work="w1", **fields,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("1360–1380", "1360–80"),
        ("1360-1380", "1360-80"),
        ("361-365", "361-5"),
        ("1103-1104", "1103-04"),
        ("xii-xv", "XII–XV"),
        ("193–220", "193-220"),
        ("193--220", "pp. 193–220"),
        ("S12–S20", "S12-20"),
    ],
)
def test_equal_ranges_written_differently_agree(one: str, two: str) -> None:
    assert _differences(_cited("1", pages=one), _cited("2", pages=two)) == []


@pytest.mark.parametrize(
    ("one", "two"),
    [("1360–1380", "1360–81"), ("361-365", "361-6"), ("xii-xv", "xii-xvi"), ("193-220", "194-220")],
)
def test_different_ranges_conflict(one: str, two: str) -> None:
    (difference,) = _differences(_cited("1", pages=one), _cited("2", pages=two))
    assert difference.startswith(f"pages {two}")


def test_what_is_no_single_range_is_not_compared() -> None:
    # "12, 18–20" or a first page alone: no range to compare, so no claim of a conflict.
    assert _differences(_cited("1", pages="12, 18–20"), _cited("2", pages="12-30")) == []
    assert _differences(_cited("1", pages="1360"), _cited("2", pages="1360-80")) == []


@pytest.mark.parametrize(("one", "two"), [("3", "vol. 3"), ("3", "Vol 3"), ("III", "3")])
def test_equal_volumes_written_differently_agree(one: str, two: str) -> None:
    assert _differences(_cited("1", volume=one), _cited("2", volume=two)) == []


def test_different_volumes_conflict() -> None:
    (difference,) = _differences(_cited("1", volume="3"), _cited("2", volume="vol. 2"))
    assert difference == "volume vol. 2 (note 1: 3)"


def test_years_are_compared_as_years() -> None:
    same = _differences(
        _cited("1", date=PartialDate(1973)), _cited("2", date=PartialDate(1973, 5, 1))
    )
    assert same == []
    (difference,) = _differences(
        _cited("1", date=PartialDate(1973)), _cited("2", date=PartialDate(1974))
    )
    assert difference == "year 1974 (note 1: 1973)"
