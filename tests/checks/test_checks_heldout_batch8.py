"""The numeric rules' gate on held-out batch 8 (``heldout_batch8/``).

The batch (123 passages, 54 slips; grant proposals, health bulletins,
statistical releases, impact statements, history books, op-eds) was written
by another session without reading the checker's code, docs or tests, and
scored once by the lead after the second round of general fixes
(``heldout_batch8/first_run.txt``): precision 0.95, recall 0.72, against
targets of 0.95 and 0.85. The first run stays pinned below. In round 3
(issue #13 part 4) the batch was used for development, so the floors now sit
at what the rules reach after that round (1.00 / 1.00): a development figure,
not a held-out one. They may be raised, never lowered below the first run.
"""

from __future__ import annotations

from pathlib import Path

from batch_gate import gate_tests

BATCH = Path(__file__).parent / "heldout_batch8"

# rule -> (TP, FP, FN) of the first run, at commit b22cb65. Do not change these.
FIRST_RUN: dict[str, tuple[int, int, int]] = {
    "rate-restatement-mismatch": (8, 0, 0),
    "growth-multiplier-mismatch": (7, 0, 1),
    "percent-change-mismatch": (5, 0, 3),
    "sum-mismatch": (5, 1, 3),
    "shares-exceed-total": (3, 0, 5),
    "percent-points-confusion": (6, 0, 1),
    "implausible-per-head": (5, 1, 2),
}
FIRST_RUN_ALL = (39, 2, 15)  # precision 0.95, recall 0.72

# rule -> (precision floor, recall floor): round 3's development figures.
FLOORS: dict[str, tuple[float, float]] = {
    "rate-restatement-mismatch": (1.0, 1.0),
    "growth-multiplier-mismatch": (1.0, 1.0),
    "percent-change-mismatch": (1.0, 1.0),
    "sum-mismatch": (1.0, 1.0),
    "shares-exceed-total": (1.0, 1.0),
    "percent-points-confusion": (1.0, 1.0),
    "implausible-per-head": (1.0, 1.0),
}
FLOOR_ALL = (1.0, 1.0)


(
    test_batch_is_the_recorded_one,
    test_floors_never_sit_below_the_first_run,
    test_each_rule_holds_its_floor,
    test_all_rules_hold_the_overall_floor,
) = gate_tests(
    BATCH,
    cases=123,
    slips=54,
    first_run=FIRST_RUN,
    first_run_all=FIRST_RUN_ALL,
    floors=FLOORS,
    floor_all=FLOOR_ALL,
)
