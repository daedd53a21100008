"""The citation parser's international held-out gate (OSCOLA, AGLC, MHRA, German).

``heldout_intl/`` holds 182 notes written by a helper who never saw the
parser's code (see ``heldout_intl/README.md``). The parser was finished
first; the set was then merged and scored once. That first-run micro-F1,
0.9261 (heldout_intl/first_run.json), is recorded below and never changes.
The floor sits just below it; it may be raised, never lowered.

Never tune the parser against these notes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import score

HELDOUT_DIR = Path(__file__).parent / "heldout_intl"
# Measured once, at merge commit a95ba10, before anyone looked at a miss.
FIRST_RUN_MICRO_F1 = 0.9261
# Raise this when the parser improves on the set. Never lower it. Raised to
# 0.96 after general fixes (heldout_intl/tuned.json: 0.9624).
FLOOR = 0.96


@cache
def _measured() -> dict[str, Any]:
    try:
        from citecheck.citations import parse_citations  # noqa: F401
    except ImportError as error:
        pytest.fail(f"the held-out gate needs citecheck.citations.parse_citations: {error}")
    return score.score_all(score.load_gold(HELDOUT_DIR))


def test_intl_heldout_micro_f1_stays_above_its_floor() -> None:
    micro = _measured()["overall"]["micro"]
    assert micro["f1"] >= FLOOR, (
        f"international held-out micro-F1 {micro['f1']:.4f} fell below its floor {FLOOR:.2f} "
        f"(P {micro['precision']:.4f}, R {micro['recall']:.4f})"
    )


def test_floor_never_sits_below_the_first_run() -> None:
    assert score._down(FIRST_RUN_MICRO_F1) == 0.92
    assert score._down(FIRST_RUN_MICRO_F1) <= FLOOR <= 1.0
    assert FLOOR == 0.96


def test_the_set_is_the_recorded_one() -> None:
    gold = score.load_gold(HELDOUT_DIR)
    assert {style: len(notes) for style, notes in gold.items()} == {
        "oscola": 48,
        "aglc": 43,
        "mhra": 44,
        "german": 47,
    }
    assert sum(len(n.citations) for notes in gold.values() for n in notes) == 223


def test_the_set_shares_no_note_with_the_tuning_gold() -> None:
    """Beyond bare short forms ("Ibid.", which any two sets share)."""
    tuned = {n.text for notes in score.load_gold().values() for n in notes if len(n.text) > 25}
    held = {n.text for notes in score.load_gold(HELDOUT_DIR).values() for n in notes}
    assert not tuned & held
