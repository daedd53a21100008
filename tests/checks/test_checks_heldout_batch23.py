"""The numeric rules' gate on held-out batch 23 (``heldout_batch23/``).

The batch (151 passages, 69 slips, 9-11 per rule) is in batch 22's registers (annual-report
notes, match reports, listings, textbook examples, minutes, wire ledes, Hansard answers,
patient leaflets, old-fashioned prose, numbers in words, cookbooks ...) on other domains. It
was written by another session during round 12 and never seen by round 12's developer; the
lead scored it once on round 11 (0.92 / 0.52 with its notes read) and once after round 12 was
merged (``heldout_batch23/first_run.txt``): 0.93 / 0.55, against targets of 0.95 and 0.85
(the pattern rules alone: 0.97 / 0.46). The floors sat at that run (rounded down); they may be
raised, never lowered below it. From round 13 the batch is development data (in the scorer's
training and its leave-one-batch-out list), and the floors are raised to round 13's figures.
"""

from __future__ import annotations

from pathlib import Path

from batch_gate import gate_tests

BATCH = Path(__file__).parent / "heldout_batch23"

# rule -> (TP, FP, FN) of the first run, at commit 140ae55. Do not change these.
FIRST_RUN: dict[str, tuple[int, int, int]] = {
    "rate-restatement-mismatch": (5, 0, 5),
    "growth-multiplier-mismatch": (6, 1, 5),
    "percent-change-mismatch": (7, 0, 3),
    "sum-mismatch": (4, 1, 6),
    "shares-exceed-total": (6, 1, 4),
    "percent-points-confusion": (8, 0, 1),
    "implausible-per-head": (2, 0, 7),
}
FIRST_RUN_ALL = (38, 3, 31)  # precision 0.93, recall 0.55

# rule -> (precision floor, recall floor): the first run, rounded down; raised in round 13
# (batch 23 is development data from round 13 on) to round 13's in-sample figures.
FLOORS: dict[str, tuple[float, float]] = {
    "rate-restatement-mismatch": (1.0, 0.6),
    "growth-multiplier-mismatch": (0.88, 0.72),
    "percent-change-mismatch": (1.0, 0.8),
    "sum-mismatch": (1.0, 0.5),
    "shares-exceed-total": (1.0, 0.9),
    "percent-points-confusion": (1.0, 0.88),
    "implausible-per-head": (1.0, 0.44),
}
FLOOR_ALL = (0.97, 0.69)


(
    test_batch_is_the_recorded_one,
    test_floors_never_sit_below_the_first_run,
    test_each_rule_holds_its_floor,
    test_all_rules_hold_the_overall_floor,
) = gate_tests(
    BATCH,
    cases=151,
    slips=69,
    first_run=FIRST_RUN,
    first_run_all=FIRST_RUN_ALL,
    floors=FLOORS,
    floor_all=FLOOR_ALL,
)
