"""The numeric rules' gate on held-out batch 9 (``heldout_batch9/``).

The batch (176 passages, 72 slips; ESG reports, popular science, textbooks,
humanitarian situation reports, analyst notes and investor letters, sports
finance, tourism, farm bulletins, central-bank reports, council minutes, arts
funding, pensions and insurance) was written by another session without
reading the checker's code, docs or tests, kept on its own branch, and scored
once by the lead after the third round of general fixes
(``heldout_batch9/first_run.txt``): precision 0.93, recall 0.75, against
targets of 0.95 and 0.85. It was then spent: round 4 used it for
development (docs/checks.md, "Round 4"), and the floors sit at the figures
reached then; they may be raised, never lowered below the first run.
"""

from __future__ import annotations

from pathlib import Path

from batch_gate import gate_tests

BATCH = Path(__file__).parent / "heldout_batch9"

# rule -> (TP, FP, FN) of the first run, at commit 5be3f66. Do not change these.
FIRST_RUN: dict[str, tuple[int, int, int]] = {
    "rate-restatement-mismatch": (6, 0, 4),
    "growth-multiplier-mismatch": (9, 0, 1),
    "percent-change-mismatch": (8, 0, 3),
    "sum-mismatch": (9, 3, 2),
    "shares-exceed-total": (5, 0, 5),
    "percent-points-confusion": (10, 0, 0),
    "implausible-per-head": (7, 1, 3),
}
FIRST_RUN_ALL = (54, 4, 18)  # precision 0.93, recall 0.75

# rule -> (precision floor, recall floor): raised to the figures after round 4, which used
# the batch for development (the first run, 0.93 / 0.75, stays the held-out figure).
# Round 6 (the learned layer): raised to its in-sample figures where they rose.
FLOORS: dict[str, tuple[float, float]] = {
    "rate-restatement-mismatch": (1.0, 1.0),
    "growth-multiplier-mismatch": (1.0, 1.0),
    "percent-change-mismatch": (1.0, 0.9),
    "sum-mismatch": (1.0, 1.0),
    "shares-exceed-total": (1.0, 1.0),
    "percent-points-confusion": (1.0, 1.0),
    "implausible-per-head": (1.0, 1.0),
}
FLOOR_ALL = (1.0, 0.99)  # first run 0.93 / 0.75; round 7 1.00 / 1.00


(
    test_batch_is_the_recorded_one,
    test_floors_never_sit_below_the_first_run,
    test_each_rule_holds_its_floor,
    test_all_rules_hold_the_overall_floor,
) = gate_tests(
    BATCH,
    cases=176,
    slips=72,
    first_run=FIRST_RUN,
    first_run_all=FIRST_RUN_ALL,
    floors=FLOORS,
    floor_all=FLOOR_ALL,
)
