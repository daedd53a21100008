"""The numeric rules' gate on development batch 10 (``dev_batch10/``).

The batch (191 passages, 84 slips, many of them shares, percent changes and
sums) was written by another session that never opened the checker's code,
docs or tests (``dev_batch10/README.md``), as a development set, not a held-out
one. It was scored once on merging, at the end of round 3's work on batch 8
and before any change it prompted (``dev_batch10/first_run.txt``): the first
run below, P 0.88 R 0.71. The classes of its misses and false alarms were then
generalised (docs/checks.md, "Round 3"), so the floors sit at the figures
after that: development figures, not held-out ones. Floors may be raised
when the rules improve, never lowered below the first run.
"""

from __future__ import annotations

from pathlib import Path

from batch_gate import gate_tests

BATCH = Path(__file__).parent / "dev_batch10"

# rule -> (TP, FP, FN) of the first run, at commit 6cf26b9. Do not change these.
FIRST_RUN: dict[str, tuple[int, int, int]] = {
    "rate-restatement-mismatch": (7, 0, 1),
    "growth-multiplier-mismatch": (6, 1, 2),
    "percent-change-mismatch": (13, 1, 4),
    "sum-mismatch": (11, 2, 6),
    "shares-exceed-total": (9, 4, 9),
    "percent-points-confusion": (8, 0, 0),
    "implausible-per-head": (6, 0, 2),
}
FIRST_RUN_ALL = (60, 8, 24)  # precision 0.88, recall 0.71

# rule -> (precision floor, recall floor): raised to the figures after the changes batch 10
# prompted in round 3 (a development figure, not a held-out one); never below the first run.
# Round 6 (the learned layer): raised to its in-sample figures where they rose.
FLOORS: dict[str, tuple[float, float]] = {
    "rate-restatement-mismatch": (1.0, 1.0),  # first run 1.00 / 0.87
    "growth-multiplier-mismatch": (1.0, 0.87),  # 0.85 / 0.75
    "percent-change-mismatch": (1.0, 0.94),  # 0.92 / 0.76 (round 4: a base in the note)
    "sum-mismatch": (1.0, 0.88),  # 0.84 / 0.64
    "shares-exceed-total": (1.0, 0.94),  # 0.69 / 0.50
    "percent-points-confusion": (1.0, 1.0),  # 1.00 / 1.00
    "implausible-per-head": (1.0, 1.0),  # 1.00 / 0.75
}
FLOOR_ALL = (1.0, 0.95)  # first run 0.88 / 0.71; round 7 in-sample 1.00 / 0.95


(
    test_batch_is_the_recorded_one,
    test_floors_never_sit_below_the_first_run,
    test_each_rule_holds_its_floor,
    test_all_rules_hold_the_overall_floor,
) = gate_tests(
    BATCH,
    cases=191,
    slips=84,
    first_run=FIRST_RUN,
    first_run_all=FIRST_RUN_ALL,
    floors=FLOORS,
    floor_all=FLOOR_ALL,
)
