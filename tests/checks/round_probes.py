"""What the round tests (``test_checks_round*.py``) ask of the checks, written once.

Each runs the rules on a body of text with no notes, or on a body citing notes, with the
learned layer on or silenced (the pattern rules alone).
"""

from __future__ import annotations

from checks_corpus import _run as run_with_notes

from citecheck.checks import run_checks
from citecheck.checks.candidates import candidates
from citecheck.checks.learned import Model, model_override
from citecheck.checks.passages import read_passages
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, FootnoteSet, Manuscript

__all__ = ["body_run", "note_rules", "pattern_rules", "relations", "rules", "rules_with_notes"]


def body_run(body: str) -> CheckRun:
    """A run of one Markdown manuscript with ``body`` as its text and no notes."""
    return CheckRun(footnote_sets=(FootnoteSet(Manuscript("m.md", "markdown", body, (), ()), ()),))


def rules(body: str) -> set[str]:
    """Every rule raised on ``body`` (the learned layer too)."""
    return {f.rule for f in run_checks(body_run(body), CheckSettings())}


def pattern_rules(body: str) -> set[str]:
    """The pattern rules alone (the learned layer silenced)."""
    with model_override(Model({}, 2.0)):
        return rules(body)


def relations(body: str) -> set[str]:
    """The relations of the learned layer's candidates on ``body``."""
    return {c.relation for c in candidates(read_passages(body_run(body)))}


def rules_with_notes(body: str, notes: list[str]) -> set[str]:
    """Every rule (the learned layer too) on a body with footnotes."""
    run = run_with_notes({"body": body, "notes": notes})
    return {f.rule for f in run_checks(run, CheckSettings())}


def note_rules(body: str, note: str) -> set[str]:
    """The pattern rules alone on a body sentence citing one note."""
    run = run_with_notes({"body": f"{body}[^1]", "notes": [note]})
    with model_override(Model({}, 2.0)):
        return {f.rule for f in run_checks(run, CheckSettings())}
