"""Fenced code in Markdown is kept as written but is no prose: the checks read no figures there."""

from __future__ import annotations

from pathlib import Path

from citecheck import pipeline
from citecheck.config import Settings
from citecheck.readers import markdown

SLIP = (
    "The budget of $8 million was split into $1 million for staff, $2 million for rent"
    " and $2 million for travel."
)


def _sums(tmp_path: Path, text: str) -> list[str]:
    essay = tmp_path / "essay.md"
    essay.write_text(text, encoding="utf-8")
    run = pipeline.run_check([essay], Settings(), links=False, archive=False, sources=False)
    return [f.message for f in run.findings if f.rule == "sum-mismatch"]


def test_code_blocks_are_spanned_as_verbatim() -> None:
    text = '# T\n\nProse first.\n\n```json\n{"total": 8}\n```\n\nProse after.\n'
    manuscript = markdown.read("t.md", text.encode())
    assert [manuscript.body[a:b] for a, b in manuscript.verbatim] == ['{"total": 8}']


def test_a_slip_in_prose_is_found(tmp_path: Path) -> None:
    assert _sums(tmp_path, f"# Report\n\n{SLIP}\n") != []


def test_the_same_words_in_a_code_block_are_not_read(tmp_path: Path) -> None:
    assert _sums(tmp_path, f"# Report\n\nAn example:\n\n```text\n{SLIP}\n```\n\nThe end.\n") == []
