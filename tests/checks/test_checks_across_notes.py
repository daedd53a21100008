"""Across-notes rules on whole manuscripts: what their messages say."""

from __future__ import annotations

from pathlib import Path

from citecheck.config import Settings
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
