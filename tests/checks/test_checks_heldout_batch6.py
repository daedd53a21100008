"""The numeric rules' gate on held-out batch 6 (``heldout_batch6/``).

The batch (131 passages, 62 slips; law review, parliamentary, academic,
Commonwealth-government and charity prose) was written by another session
without reading the checker's code, its docs or its tests, and scored once
by the lead before any rule had seen it (``heldout_batch6/first_run.txt``):
precision 0.89, recall 0.52, against targets of 0.95 and 0.85. The floors
sit at the first run (rounded down); they may be raised when the rules
improve, never lowered below it. Figures after any later change are not a
held-out measure (docs/checks.md keeps both).
"""

from __future__ import annotations

from pathlib import Path

from batch_gate import gate_tests

BATCH = Path(__file__).parent / "heldout_batch6"

# rule -> (TP, FP, FN) of the first run, at commit 7bcab58. Do not change these.
FIRST_RUN: dict[str, tuple[int, int, int]] = {
    "rate-restatement-mismatch": (7, 1, 2),
    "growth-multiplier-mismatch": (7, 1, 2),
    "percent-change-mismatch": (7, 1, 2),
    "sum-mismatch": (5, 1, 4),
    "shares-exceed-total": (1, 0, 7),
    "percent-points-confusion": (4, 0, 5),
    "implausible-per-head": (1, 0, 8),
}
FIRST_RUN_ALL = (32, 4, 30)  # precision 0.89, recall 0.52

# rule -> (precision floor, recall floor). First run rounded down: rates, growth and
# changes 0.87 / 0.77, sums 0.83 / 0.55, shares 1.0 / 0.12, points 1.0 / 0.44, per head
# 1.0 / 0.11, all 0.88 / 0.51. Raised after checks-recall2 read the batch's misses and
# fixed their classes (a development figure, not a held-out one): every rule 1.0 / 1.0.
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
    cases=131,
    slips=62,
    first_run=FIRST_RUN,
    first_run_all=FIRST_RUN_ALL,
    floors=FLOORS,
    floor_all=FLOOR_ALL,
)
