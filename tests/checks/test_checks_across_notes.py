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
