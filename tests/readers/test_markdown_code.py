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


def test_inline_code_spans_are_spanned_as_verbatim_after_markers_are_lifted() -> None:
    text = "# T\n\nSee `x = 8` and **b**[^1] then ``y = 1 + 2``.\n\n[^1]: A note.\n"
    manuscript = markdown.read("t.md", text.encode())
    assert [manuscript.body[a:b] for a, b in manuscript.verbatim] == ["x = 8", "y = 1 + 2"]


def test_an_unclosed_backtick_spans_nothing() -> None:
    manuscript = markdown.read("t.md", b"# T\n\nA stray ` tick and 8 more.\n")
    assert manuscript.verbatim == ()


def test_a_citation_quoted_as_code_lends_no_figures(tmp_path: Path) -> None:
    # A table of citation examples: the volume, first page and pinpoint are no parts of a sum.
    row = (
        "| `S Walby, 'Is Citizenship Gendered?' (1994) 28 Sociology 379, 381` | article: date 1994,"
        " volume 28, container Sociology, pages 379, pinpoint 381 |"
    )
    assert _sums(tmp_path, f"# Examples\n\n| Written | Read as |\n|---|---|\n{row}\n") == []


def test_a_slip_beside_a_code_span_is_still_found(tmp_path: Path) -> None:
    assert _sums(tmp_path, f"# Report\n\nSee `budget.csv`. {SLIP}\n") != []
