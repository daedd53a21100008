"""LaTeX verbatim blocks are kept but are no prose: the checks read no figures there."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck import pipeline
from citecheck.config import Settings
from citecheck.readers import latex

SLIP = (
    "The budget of \\$8 million was split into \\$1 million for staff, \\$2 million for rent"
    " and \\$2 million for travel."
)
RAW_SLIP = SLIP.replace("\\$", "$")


def _tex(body: str) -> bytes:
    return f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\n\\end{{document}}\n".encode()


def _sums(tmp_path: Path, body: str) -> list[str]:
    essay = tmp_path / "essay.tex"
    essay.write_bytes(_tex(body))
    run = pipeline.run_check([essay], Settings(), links=False, archive=False, sources=False)
    return [f.message for f in run.findings if f.rule == "sum-mismatch"]


@pytest.mark.parametrize("environment", ["verbatim", "verbatim*", "Verbatim", "lstlisting"])
def test_verbatim_environments_are_spanned(environment: str) -> None:
    manuscript = latex.read(
        "r.tex",
        _tex(
            f"Before.\\footnote{{A note.}}\n\n\\begin{{{environment}}}\ntotal = 8\n\n"
            f"parts = 1 + 2\n\\end{{{environment}}}\nAfter."
        ),
    )
    spans = [manuscript.body[a:b] for a, b in manuscript.verbatim]
    assert spans == ["total = 8\n\nparts = 1 + 2"]


def test_prose_on_the_lines_of_a_block_stays_outside_its_span() -> None:
    manuscript = latex.read(
        "r.tex", _tex("Text before \\begin{verbatim}code 1\ncode 2\\end{verbatim} After it.")
    )
    spans = [manuscript.body[a:b] for a, b in manuscript.verbatim]
    assert spans == ["code 1\ncode 2"]
    assert "Text before" in manuscript.body
    assert "After it." in manuscript.body


def test_a_comment_environment_is_not_printed_and_spans_nothing() -> None:
    manuscript = latex.read("r.tex", _tex("Kept.\n\\begin{comment}\nhidden 8\n\\end{comment}"))
    assert "hidden" not in manuscript.body
    assert manuscript.verbatim == ()


def test_a_slip_in_a_paragraph_is_found(tmp_path: Path) -> None:
    assert _sums(tmp_path, f"An example. {SLIP}") != []


def test_the_same_words_in_a_verbatim_block_are_not_read(tmp_path: Path) -> None:
    body = f"An example:\n\n\\begin{{verbatim}}\n{RAW_SLIP}\n\\end{{verbatim}}\n\nThe end."
    assert _sums(tmp_path, body) == []
