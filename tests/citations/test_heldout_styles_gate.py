"""The citation parser's gate on the other-styles held-out set (``heldout_styles/``).

76 notes in styles the parser was not designed for (Vancouver, IEEE, AMA, Nature, Harvard as
notes; McGill, EU law, Indian reports; French and Italian humanities), written by a helper who
never saw the parser's code, beside a 60-note development twin (``dev_styles/``) by the same
hand. The lead scored it once before any work on these styles (first run 0.5485,
``heldout_styles/first_run.txt``) and once after round 11 of the parser, built on the
development twin only, was merged (0.764, ``heldout_styles/first_run.txt``). The floor sits
at the second run, rounded down; it may be raised, never lowered.

Never tune the parser against these notes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import score

HELDOUT_DIR = Path(__file__).parent / "heldout_styles"
DEV_DIR = Path(__file__).parent / "dev_styles"
# Measured once each: before any work on these styles (main 4e9cc66), and after round 11
# (main 2a9f364). Never change these.
FIRST_RUN_MICRO_F1 = 0.5485
SECOND_RUN_MICRO_F1 = 0.764
FLOOR = 0.76


@cache
def _measured() -> dict[str, Any]:
    return score.score_all(score.load_gold(HELDOUT_DIR))


def test_other_styles_heldout_micro_f1_stays_above_its_floor() -> None:
    micro = _measured()["overall"]["micro"]
    assert micro["f1"] >= FLOOR, (
        f"other-styles held-out micro-F1 {micro['f1']:.4f} fell below its floor {FLOOR:.2f} "
        f"(P {micro['precision']:.4f}, R {micro['recall']:.4f})"
    )


def test_floor_never_sits_below_the_second_run() -> None:
    assert score._down(SECOND_RUN_MICRO_F1) <= FLOOR <= 1.0
    assert FIRST_RUN_MICRO_F1 < SECOND_RUN_MICRO_F1


def test_the_set_is_the_recorded_one() -> None:
    gold = score.load_gold(HELDOUT_DIR)
    assert {style: len(notes) for style, notes in gold.items()} == {
        "sciences": 25,
        "law_ca_eu_in": 26,
        "humanities_fr_it": 25,
    }
    assert sum(len(n.citations) for notes in gold.values() for n in notes) == 89


def test_the_set_shares_no_note_with_its_development_twin() -> None:
    """Beyond bare short forms ("Ibid.", which any two sets share)."""
    dev = {n.text for notes in score.load_gold(DEV_DIR).values() for n in notes if len(n.text) > 25}
    held = {n.text for notes in score.load_gold(HELDOUT_DIR).values() for n in notes}
    assert not dev & held
