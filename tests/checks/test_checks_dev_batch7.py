"""The numeric rules' gate on development batch 7 (``dev_batch7/``).

The batch (162 passages, 77 slips; journalism, press releases, corporate
reports, NGO briefs) was written by another session that never opened the
checker's code, docs or tests (``dev_batch7/README.md``). It was scored once
before any change it prompted (``dev_batch7/first_run.txt``): the first-run
figures below. It is a development set since then: the figures after the
changes it prompted are recorded in docs/checks.md and are not a held-out
measure. Floors may be raised when the rules improve, never lowered below the
first run.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from checks_corpus import load_cases
from score_rules import measure

BATCH = Path(__file__).parent / "dev_batch7"

# rule -> (TP, FP, FN) of the first run, at commit 0507b72. Do not change these.
FIRST_RUN: dict[str, tuple[int, int, int]] = {
    "rate-restatement-mismatch": (5, 0, 6),
    "growth-multiplier-mismatch": (6, 0, 5),
    "percent-change-mismatch": (5, 1, 6),
    "sum-mismatch": (2, 0, 9),
    "shares-exceed-total": (2, 0, 9),
    "percent-points-confusion": (3, 0, 8),
    "implausible-per-head": (4, 0, 7),
}
FIRST_RUN_ALL = (27, 1, 50)  # precision 0.96, recall 0.35

# rule -> (precision floor, recall floor), at the figures reached after the
# general fixes (docs/checks.md: tuned on this batch, not a held-out measure).
FLOORS: dict[str, tuple[float, float]] = {
    "rate-restatement-mismatch": (1.0, 1.0),
    "growth-multiplier-mismatch": (1.0, 1.0),
    "percent-change-mismatch": (1.0, 0.90),
    "sum-mismatch": (1.0, 1.0),
    "shares-exceed-total": (1.0, 0.81),  # 0.72 before checks-recall2
    "percent-points-confusion": (1.0, 1.0),
    "implausible-per-head": (1.0, 1.0),
}
FLOOR_ALL = (1.0, 0.96)  # 0.94 before checks-recall2


def _down(value: float) -> float:
    return math.floor(value * 100) / 100


def _precision(tp: int, fp: int) -> float:
    return tp / (tp + fp) if tp + fp else 1.0


def _recall(tp: int, fn: int) -> float:
    return tp / (tp + fn) if tp + fn else 1.0


def test_batch_is_the_recorded_one() -> None:
    cases = load_cases(BATCH)
    assert len(cases) == 162
    assert sum(1 for c in cases if c.expect) == 77
    assert (BATCH / "first_run.txt").is_file()


def test_floors_never_sit_below_the_first_run() -> None:
    for rule, (tp, fp, fn) in FIRST_RUN.items():
        precision_floor, recall_floor = FLOORS[rule]
        assert precision_floor >= _down(_precision(tp, fp)) - 0.01, rule
        assert recall_floor >= _down(_recall(tp, fn)) - 0.01, rule
    tp, fp, fn = FIRST_RUN_ALL
    assert FLOOR_ALL[0] >= _down(_precision(tp, fp)) - 0.01
    assert FLOOR_ALL[1] >= _down(_recall(tp, fn)) - 0.01


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, int, int]]:
    _, measured = measure(tmp_path_factory.mktemp("ledgers"), BATCH)
    return {rule: (s.tp, s.fp, s.fn) for rule, s in measured.items()}


def test_each_rule_holds_its_floor(scores: dict[str, tuple[int, int, int]]) -> None:
    problems = []
    for rule, (precision_floor, recall_floor) in FLOORS.items():
        tp, fp, fn = scores[rule]
        if _precision(tp, fp) < precision_floor:
            problems.append(f"{rule}: precision {_precision(tp, fp):.2f} < {precision_floor}")
        if _recall(tp, fn) < recall_floor:
            problems.append(f"{rule}: recall {_recall(tp, fn):.2f} < {recall_floor}")
    assert not problems, "\n".join(problems)


def test_all_rules_hold_the_overall_floor(scores: dict[str, tuple[int, int, int]]) -> None:
    tp = sum(s[0] for s in scores.values())
    fp = sum(s[1] for s in scores.values())
    fn = sum(s[2] for s in scores.values())
    assert _precision(tp, fp) >= FLOOR_ALL[0]
    assert _recall(tp, fn) >= FLOOR_ALL[1]
