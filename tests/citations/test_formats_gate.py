"""The readers' styling gate: the labelled notes, written in every format, read back alike.

``formats/score_formats.py`` writes each labelled set (gold, held-out,
international held-out) as Markdown (``*x*`` and ``_x_``), HTML, DOCX, LaTeX
and PDF with the italics each style prints, reads it back with citecheck's
readers and scores the citations (``formats/first_run.txt`` has the runs).
Every writer needs Python only (the PDF is typeset by hand in the standard
fonts), so nothing is skipped.

Three things are pinned: every italic span reaches the parser from every
format; every format scores exactly what the parser scores when handed the
styled notes directly (the readers are at parity, whatever the parser
does); and the figures measured after the readers learnt to carry italics
are floors.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent / "formats"))

import score_formats

# Measured at fa850c5 (formats/first_run.txt, "After the readers carry italics"),
# rounded down to 3 decimals: (micro-F1, citations-found F1) per set.
FLOORS = {
    "gold": (0.946, 0.992),
    "heldout": (0.920, 0.964),
    "heldout_intl": (0.962, 0.986),
}
SPANS = 263  # italic spans the conventions set in the labelled notes


@cache
def _measured() -> dict[str, dict[str, Any]]:
    return score_formats.measure()


def test_the_conventions_set_the_spans_the_gate_counts() -> None:
    assert score_formats.spans_count()[0] == SPANS


@pytest.mark.parametrize("fmt", list(score_formats.FORMATS))
def test_every_italic_span_reaches_the_parser(fmt: str) -> None:
    assert _measured()[fmt]["all"]["italics_carried"] == SPANS


@pytest.mark.parametrize("fmt", list(score_formats.FORMATS))
def test_every_format_reads_every_note(fmt: str) -> None:
    for name in score_formats.SETS:
        block = _measured()[fmt][name]
        assert block["notes_read"] == block["notes"], name


@pytest.mark.parametrize("fmt", list(score_formats.FORMATS))
def test_every_format_scores_as_the_styled_notes_do(fmt: str) -> None:
    direct = _measured()["italics"]
    for name in (*score_formats.SETS, "all"):
        assert _measured()[fmt][name]["micro"] == direct[name]["micro"], name
        assert _measured()[fmt][name]["citations"] == direct[name]["citations"], name


@pytest.mark.parametrize("fmt", ["italics", *score_formats.FORMATS])
def test_figures_stay_above_their_floors(fmt: str) -> None:
    for name, (micro, citations) in FLOORS.items():
        block = _measured()[fmt][name]
        assert block["micro"] >= micro, f"{name} micro-F1 {block['micro']} < {micro}"
        assert block["citations"] >= citations, f"{name} citations F1 {block['citations']}"


def test_plain_texts_score_as_score_py_does() -> None:
    # The "plain" row is score.py's own figure: the sets' gates measure the same thing.
    import score

    for name, directory in score_formats.SETS.items():
        expected = score.score_all(score.load_gold(directory))["overall"]["micro"]["f1"]
        assert _measured()["plain"][name]["micro"] == expected
