"""The numeric rules' gate on batch 11 (``heldout_batch11/``), now a development set.

The batch (145 passages, 70 slips; mining reports, software postmortems and
cloud costs, aviation statistics, conservation and fisheries, food labels and
cookbooks, procurement notices, esports, demographic yearbooks, shipping,
music royalties, library reports, hospital board papers) was written by
another session without reading the checker's code, docs or tests, kept on
its own branch, and scored once by the lead after the fourth round of general
fixes (``heldout_batch11/first_run.txt``): precision 0.96, recall 0.76,
against targets of 0.95 and 0.85. Round 5 then worked on the classes of its
misses, so it is spent as a held-out measure: the first run stays pinned
below, and the floors may be raised to the development figures after round 5,
never lowered below the first run.
"""

from __future__ import annotations

from pathlib import Path

from batch_gate import gate_tests

BATCH = Path(__file__).parent / "heldout_batch11"

# rule -> (TP, FP, FN) of the first run, at commit 5d44eb5. Do not change these.
FIRST_RUN: dict[str, tuple[int, int, int]] = {
    "rate-restatement-mismatch": (7, 0, 3),
    "growth-multiplier-mismatch": (8, 0, 3),
    "percent-change-mismatch": (8, 1, 2),
    "sum-mismatch": (7, 0, 4),
    "shares-exceed-total": (8, 1, 1),
    "percent-points-confusion": (8, 0, 1),
    "implausible-per-head": (7, 0, 3),
}
FIRST_RUN_ALL = (53, 2, 17)  # precision 0.96, recall 0.76

# rule -> (precision floor, recall floor): raised to the figures after round 5 (development
# figures, rounded down); never below the first run.
# Round 6 (the learned layer): raised to its in-sample figures where they rose.
FLOORS: dict[str, tuple[float, float]] = {
    "rate-restatement-mismatch": (1.0, 1.0),  # first run 1.00 / 0.70
    "growth-multiplier-mismatch": (1.0, 0.9),  # 1.00 / 0.73
    "percent-change-mismatch": (0.9, 1.0),  # 0.89 / 0.80
    "sum-mismatch": (1.0, 1.0),  # 1.00 / 0.64
    "shares-exceed-total": (0.9, 1.0),  # 0.89 / 0.89
    "percent-points-confusion": (1.0, 1.0),  # 1.00 / 0.89
    "implausible-per-head": (1.0, 1.0),  # 1.00 / 0.70
}
FLOOR_ALL = (0.97, 0.98)  # first run 0.96 / 0.76; after round 5 (development) 0.97 / 0.89


(
    test_batch_is_the_recorded_one,
    test_floors_never_sit_below_the_first_run,
    test_each_rule_holds_its_floor,
    test_all_rules_hold_the_overall_floor,
) = gate_tests(
    BATCH,
    cases=145,
    slips=70,
    first_run=FIRST_RUN,
    first_run_all=FIRST_RUN_ALL,
    floors=FLOORS,
    floor_all=FLOOR_ALL,
)
