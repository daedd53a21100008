"""What every batch gate checks (``test_checks_*batch*.py``): one batch, its pinned first run
and its floors.

Each gate keeps its own figures; the arithmetic and the assertions live here once.
"""

from __future__ import annotations

import functools
import math
import tempfile
from collections.abc import Callable
from pathlib import Path

from checks_corpus import load_cases
from score_rules import measure

Counts = tuple[int, int, int]  # TP, FP, FN


def down(value: float) -> float:
    return math.floor(value * 100) / 100


def precision(tp: int, fp: int) -> float:
    return tp / (tp + fp) if tp + fp else 1.0


def recall(tp: int, fn: int) -> float:
    return tp / (tp + fn) if tp + fn else 1.0


def assert_recorded(batch: Path, *, cases: int, slips: int) -> None:
    loaded = load_cases(batch)
    assert len(loaded) == cases
    assert sum(1 for c in loaded if c.expect) == slips
    assert (batch / "first_run.txt").is_file()


def assert_floors_not_below(
    first_run: dict[str, Counts],
    first_run_all: Counts,
    floors: dict[str, tuple[float, float]],
    floor_all: tuple[float, float],
) -> None:
    for rule, (tp, fp, fn) in first_run.items():
        precision_floor, recall_floor = floors[rule]
        assert precision_floor >= down(precision(tp, fp)) - 0.01, rule
        assert recall_floor >= down(recall(tp, fn)) - 0.01, rule
    tp, fp, fn = first_run_all
    assert floor_all[0] >= down(precision(tp, fp)) - 0.01
    assert floor_all[1] >= down(recall(tp, fn)) - 0.01


def scores_of(tmp: Path, batch: Path) -> dict[str, Counts]:
    _, measured = measure(tmp, batch)
    return {rule: (s.tp, s.fp, s.fn) for rule, s in measured.items()}


def assert_each_rule_holds(
    scores: dict[str, Counts], floors: dict[str, tuple[float, float]]
) -> None:
    problems = []
    for rule, (precision_floor, recall_floor) in floors.items():
        tp, fp, fn = scores[rule]
        if precision(tp, fp) < precision_floor:
            problems.append(f"{rule}: precision {precision(tp, fp):.2f} < {precision_floor}")
        if recall(tp, fn) < recall_floor:
            problems.append(f"{rule}: recall {recall(tp, fn):.2f} < {recall_floor}")
    assert not problems, "\n".join(problems)


def assert_overall_holds(scores: dict[str, Counts], floor_all: tuple[float, float]) -> None:
    tp = sum(s[0] for s in scores.values())
    fp = sum(s[1] for s in scores.values())
    fn = sum(s[2] for s in scores.values())
    assert precision(tp, fp) >= floor_all[0]
    assert recall(tp, fn) >= floor_all[1]


TestFunction = Callable[[], None]


def gate_tests(
    batch: Path,
    *,
    cases: int,
    slips: int,
    first_run: dict[str, Counts],
    first_run_all: Counts,
    floors: dict[str, tuple[float, float]],
    floor_all: tuple[float, float],
) -> tuple[TestFunction, TestFunction, TestFunction, TestFunction]:
    """A gate's four tests, for its module to bind to ``test_`` names.

    The batch is scored once per module, on first use, in a folder of its own.
    """

    @functools.cache
    def scores() -> dict[str, Counts]:
        with tempfile.TemporaryDirectory() as ledgers:
            return scores_of(Path(ledgers), batch)

    def test_batch_is_the_recorded_one() -> None:
        assert_recorded(batch, cases=cases, slips=slips)

    def test_floors_never_sit_below_the_first_run() -> None:
        assert_floors_not_below(first_run, first_run_all, floors, floor_all)

    def test_each_rule_holds_its_floor() -> None:
        assert_each_rule_holds(scores(), floors)

    def test_all_rules_hold_the_overall_floor() -> None:
        assert_overall_holds(scores(), floor_all)

    return (
        test_batch_is_the_recorded_one,
        test_floors_never_sit_below_the_first_run,
        test_each_rule_holds_its_floor,
        test_all_rules_hold_the_overall_floor,
    )
