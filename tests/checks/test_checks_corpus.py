"""The corpus: correct passages raise nothing; per-rule precision and recall hold their floors.

Floors are pinned to what the rules measure now: a test fails when a rule
falls below its floor, and also when it rises more than 0.02 above it, so
improvements are recorded by raising the floor.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_corpus import Case, fired, load_cases
from score_rules import measure

from citecheck.checks import RULES

CASES = load_cases()
CORRECT = [c for c in CASES if not c.expect]
SLIPS = [c for c in CASES if c.expect]

# rule -> (precision floor, recall floor), measured with score_rules.py.
FLOORS: dict[str, tuple[float, float]] = dict.fromkeys(RULES, (1.0, 1.0))
FLOORS["sum-mismatch"] = (1.0, 1.0)
FLOORS["percent-points-confusion"] = (1.0, 1.0)


def test_corpus_is_balanced_and_covers_every_rule() -> None:
    assert len(CORRECT) >= len(SLIPS)
    covered = {rule for case in SLIPS for rule in case.expect}
    assert covered == set(RULES)


@pytest.mark.parametrize("case", CORRECT, ids=[c.id for c in CORRECT])
def test_correct_passage_raises_nothing(case: Case, tmp_path: Path) -> None:
    assert fired(case, tmp_path) == frozenset()


def test_rule_scores_hold_their_floors(tmp_path: Path) -> None:
    _, scores = measure(tmp_path)
    problems = []
    for rule, (precision_floor, recall_floor) in FLOORS.items():
        score = scores[rule]
        for name, value, floor in (
            ("precision", score.precision, precision_floor),
            ("recall", score.recall, recall_floor),
        ):
            if value < floor:
                problems.append(f"{rule}: {name} {value:.2f} fell below {floor:.2f}")
            elif value > floor + 0.02:
                problems.append(f"{rule}: {name} {value:.2f}, raise the floor from {floor:.2f}")
    assert not problems, "\n".join(problems)
