"""The numeric rules' gate on held-out batch 18 (``heldout_batch18/``).

The batch (99 passages, 49 slips, 7 per rule; cinemas, cycling lanes, hospital parking, fire
services, ferries, tea estates, salt mines, cemeteries, veterinary colleges, climbing gyms,
music streaming, seed banks, lighthouses and more; think-tank, central-bank, travel, trade-
magazine, school-inspection, impact-statement, transcript, memoir, crowdfunding and budget-
hearing voices; Canadian, South African, Irish, Nigerian and American usage) was written by
another session during round 8 of the rules and never seen by round 8's developer; the lead
scored it once after round 8 was merged (``heldout_batch18/first_run.txt``): precision 0.95,
recall 0.86, against targets of 0.95 and 0.85 (the pattern rules alone, at the same commit:
0.97 / 0.71). The floors sit at the first run (rounded down); they may be raised, never
lowered below it. Once a rule is changed after these results were seen, the batch is spent as
a held-out measure: it is development data from round 9 on.
"""

from __future__ import annotations

from pathlib import Path

from batch_gate import gate_tests

BATCH = Path(__file__).parent / "heldout_batch18"

# rule -> (TP, FP, FN) of the first run, at commit 9850937. Do not change these.
FIRST_RUN: dict[str, tuple[int, int, int]] = {
    "rate-restatement-mismatch": (7, 0, 0),
    "growth-multiplier-mismatch": (7, 0, 0),
    "percent-change-mismatch": (5, 0, 2),
    "sum-mismatch": (6, 1, 1),
    "shares-exceed-total": (5, 1, 2),
    "percent-points-confusion": (7, 0, 0),
    "implausible-per-head": (5, 0, 2),
}
FIRST_RUN_ALL = (42, 2, 7)  # precision 0.95, recall 0.86

# rule -> (precision floor, recall floor): the first run, rounded down, raised since.
FLOORS: dict[str, tuple[float, float]] = {
    "rate-restatement-mismatch": (1.0, 1.0),
    "growth-multiplier-mismatch": (1.0, 1.0),
    "percent-change-mismatch": (1.0, 1.0),
    "sum-mismatch": (1.0, 1.0),
    "shares-exceed-total": (1.0, 1.0),
    "percent-points-confusion": (1.0, 1.0),
    "implausible-per-head": (1.0, 1.0),
}
# Raised at round 9, with batch 18 in training (in-sample; left out it scores 1.00 / 0.98, the
# pattern rules alone 1.00 / 0.94).
FLOOR_ALL = (1.0, 1.0)


(
    test_batch_is_the_recorded_one,
    test_floors_never_sit_below_the_first_run,
    test_each_rule_holds_its_floor,
    test_all_rules_hold_the_overall_floor,
) = gate_tests(
    BATCH,
    cases=99,
    slips=49,
    first_run=FIRST_RUN,
    first_run_all=FIRST_RUN_ALL,
    floors=FLOORS,
    floor_all=FLOOR_ALL,
)
