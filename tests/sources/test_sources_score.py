"""The evaluation corpus (tests/sources/corpus, written without sight of the stage) as a gate.

Floors sit just below the tuned figures recorded in docs/sources.md; a change that loses
precision, recall or DOI enrichment on the corpus fails here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _load_score() -> ModuleType:
    # tests/citations has a score.py too: load this one under a name of its own.
    path = Path(__file__).with_name("score.py")
    spec = importlib.util.spec_from_file_location("sources_score", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["sources_score"] = module
    spec.loader.exec_module(module)
    return module


score = _load_score()


@pytest.fixture(scope="module")
def figures() -> dict[str, object]:
    return score.evaluate()


def test_precision_and_recall_over_all_rules(figures: dict[str, object]) -> None:
    overall = figures["all_rules"]
    assert isinstance(overall, dict)
    assert overall["precision"] >= 0.95
    assert overall["recall"] >= 0.92


@pytest.mark.parametrize(
    "rule", ["retracted", "doi-mismatch", "work-not-found", "case-not-found", "metadata-mismatch"]
)
def test_no_rule_falls_below_its_floor(figures: dict[str, object], rule: str) -> None:
    per_rule = figures["per_rule"]
    assert isinstance(per_rule, dict)
    assert per_rule[rule]["precision"] >= 0.9
    assert per_rule[rule]["recall"] >= 0.85


def test_doi_enrichment_accuracy(figures: dict[str, object]) -> None:
    enrichment = figures["doi_enrichment"]
    assert isinstance(enrichment, dict)
    assert enrichment["accuracy"] >= 0.90


def test_services_down_nothing_is_not_found_every_lookup_unverified() -> None:
    down = score.evaluate_down()
    assert down["looked_up"] > 50
    assert down["unverified"] == down["looked_up"]
    assert down["not_found_findings"] == 0
    assert down["rules"] == ["work-unverified"]
    assert down["unverified_notices"] == 3  # once per service, not per citation
