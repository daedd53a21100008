"""The numeric rules' gate on development batch 13 (``dev_batch13/``).

The batch (166 passages, 85 slips: multipliers with from/to figures in either
order, rates per week, shift, working day and per head per day, prior years
in brackets, parts in brackets, with "respectively" and across two sentences,
per-head figures in many currencies) was written by another session that
never opened the checker's code, docs or tests (``dev_batch13/README.md``),
as a development set, not a held-out one. It was scored once on merging,
before any change it prompted (``dev_batch13/first_run.txt``): the first run
below, P 0.99 R 0.78. Floors may be raised when the rules improve, never
lowered below the first run.
"""

from __future__ import annotations

from pathlib import Path

from batch_gate import gate_tests

BATCH = Path(__file__).parent / "dev_batch13"

# rule -> (TP, FP, FN) of the first run, at commit bef96e4. Do not change these.
FIRST_RUN: dict[str, tuple[int, int, int]] = {
    "rate-restatement-mismatch": (13, 0, 2),
    "growth-multiplier-mismatch": (9, 0, 4),
    "percent-change-mismatch": (10, 0, 2),
    "sum-mismatch": (8, 0, 4),
    "shares-exceed-total": (7, 0, 4),
    "percent-points-confusion": (8, 0, 2),
    "implausible-per-head": (11, 1, 1),
}
FIRST_RUN_ALL = (66, 1, 19)  # precision 0.99, recall 0.78

# rule -> (precision floor, recall floor): raised to the figures after round 5's changes
# (development figures, rounded down); never below the first run.
# Round 6 (the learned layer): raised to its in-sample figures where they rose.
FLOORS: dict[str, tuple[float, float]] = {
    "rate-restatement-mismatch": (1.0, 0.86),  # first run 1.00 / 0.87
    "growth-multiplier-mismatch": (1.0, 1.0),  # 1.00 / 0.69
    "percent-change-mismatch": (1.0, 1.0),  # 1.00 / 0.83
    "sum-mismatch": (1.0, 0.83),  # 1.00 / 0.67
    "shares-exceed-total": (1.0, 1.0),  # 1.00 / 0.64
    "percent-points-confusion": (1.0, 1.0),  # 1.00 / 0.80
    "implausible-per-head": (1.0, 1.0),  # 0.92 / 0.92
}
FLOOR_ALL = (1.0, 0.95)  # first run 0.99 / 0.78; after round 5 1.00 / 0.85


(
    test_batch_is_the_recorded_one,
    test_floors_never_sit_below_the_first_run,
    test_each_rule_holds_its_floor,
    test_all_rules_hold_the_overall_floor,
) = gate_tests(
    BATCH,
    cases=166,
    slips=85,
    first_run=FIRST_RUN,
    first_run_all=FIRST_RUN_ALL,
    floors=FLOORS,
    floor_all=FLOOR_ALL,
)
