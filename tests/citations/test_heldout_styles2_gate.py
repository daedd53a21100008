"""The citation parser's gate on the second other-styles held-out set (``heldout_styles2/``).

83 notes in styles no earlier set used (ACS, physics, CSE, ASA/APSA, Chicago author-date in
notes; South African, New Zealand, Irish, Singapore and US state law, US agency materials, UN
documents and treaties; Spanish, ABNT, Dutch, Scandinavian and Polish humanities), written by a
helper who never saw the parser's code. The lead scored it once right after it was committed,
on main 26755cd (round 11 of the parser: 0.5887, ``heldout_styles2/first_run.txt``), and again
after rounds 12 and 13, built only on the development sets, were merged (main 9293451:
0.6004, ``second_run.json``; the development sets rose 0.7905 -> 0.8895 in those rounds). The
floor sits at the first run, rounded down; it may be raised, never lowered below it.

Never tune the parser against these notes; it may only be scored.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import score

HELDOUT_DIR = Path(__file__).parent / "heldout_styles2"
OTHER_SETS = ("gold", "heldout", "heldout_intl", "dev_styles", "heldout_styles")
# Measured once each (main 26755cd, then main 9293451). Never change these.
FIRST_RUN_MICRO_F1 = 0.5887
SECOND_RUN_MICRO_F1 = 0.6004
FLOOR = 0.58


@cache
def _measured() -> dict[str, Any]:
    return score.score_all(score.load_gold(HELDOUT_DIR))


def test_second_other_styles_heldout_micro_f1_stays_above_its_floor() -> None:
    micro = _measured()["overall"]["micro"]
    assert micro["f1"] >= FLOOR, (
        f"second other-styles held-out micro-F1 {micro['f1']:.4f} fell below its floor "
        f"{FLOOR:.2f} (P {micro['precision']:.4f}, R {micro['recall']:.4f})"
    )


def test_floor_never_sits_below_the_first_run() -> None:
    assert score._down(FIRST_RUN_MICRO_F1) <= FLOOR <= 1.0


def test_the_set_is_the_recorded_one() -> None:
    gold = score.load_gold(HELDOUT_DIR)
    assert {style: len(notes) for style, notes in gold.items()} == {
        "heldout2_sciences": 28,
        "heldout2_law_world": 27,
        "heldout2_humanities_es_pt_nl": 28,
    }
    assert sum(len(n.citations) for notes in gold.values() for n in notes) == 117


def test_the_set_shares_no_note_with_any_other_set() -> None:
    """Beyond bare short forms ("Ibid.", which any two sets share)."""
    held = {n.text for notes in score.load_gold(HELDOUT_DIR).values() for n in notes}
    for name in OTHER_SETS:
        other = score.load_gold(Path(__file__).parent / name)
        texts = {n.text for notes in other.values() for n in notes if len(n.text) > 25}
        assert not texts & held, name
