"""The citation parser's quality gate, and tests of the scorer behind it.

``gold/floors.json`` pins the scores ``score.py`` measures on the gold notes.
A score below its floor fails (the parser got worse). A score more than
``MARGIN`` above its floor fails too: whoever improves the parser raises the
floor in the same commit, so quality can only ratchet up. When the parser
is missing the gate fails loudly; it never skips.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import score

from citecheck.model import Citation, Footnote

FLOORS_PATH = Path(__file__).parent / "gold" / "floors.json"
MARGIN = 0.02


def _floors() -> dict[str, float]:
    """floors.json flattened: ``"overall.micro"``, ``"styles.sample.micro"``, ..."""
    data = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))["floors"]
    flat: dict[str, float] = {}

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(f"{prefix}.{key}" if prefix else key, value)
        else:
            flat[prefix] = float(node)

    walk("", data)
    return flat


def _measure(flat_key: str, result: dict[str, Any]) -> float:
    """The F1 a floor key names, from ``score_all``'s result.

    Floor keys mirror the result: ``overall.micro``, ``styles.chicago.micro``,
    ``overall.fields.title``.
    """
    node: Any = result
    for part in flat_key.split("."):
        node = node[part]
    return float(node["f1"])


@cache
def _measured() -> dict[str, Any]:
    try:
        from citecheck.citations import parse_citations  # noqa: F401
    except ImportError as error:
        pytest.fail(f"the quality gate needs citecheck.citations.parse_citations: {error}")
    try:
        return score.score_all()
    except NotImplementedError as error:
        pytest.fail(f"parse_citations is still a stub: {error!r}")


@pytest.mark.parametrize("key", sorted(_floors()))
def test_score_sits_at_its_floor(key: str) -> None:
    floor = _floors()[key]
    value = _measure(key, _measured())
    assert value >= floor, f"{key}: F1 {value:.4f} fell below its floor {floor:.2f}"
    assert value <= floor + MARGIN, (
        f"{key}: F1 {value:.4f} is more than {MARGIN} above its floor {floor:.2f}; "
        f"raise the floor in {FLOORS_PATH.name} to {int(value * 100) / 100:.2f}"
    )


def test_floors_file_round_trips_through_the_scorer() -> None:
    """What ``score.py --update-floors`` writes is what the gate reads."""
    gold = score.load_gold()
    result = score.score_all(gold, _gold_parser(gold))
    floors = score.floors_from(result)["floors"]
    assert floors["overall"]["micro"] == 1.0
    assert floors["styles"]["sample"]["micro"] == 1.0
    assert set(floors["overall"]["fields"]) == set(score.FIELDS)
    assert score._down(0.8199) == 0.81
    assert score._down(0.82) == 0.82


def test_floors_cover_the_headline_figures() -> None:
    keys = set(_floors())
    assert {"overall.micro", "corpus_without_sample.micro", "styles.sample.micro"} <= keys
    assert {f"styles.{style}.micro" for style in score.load_gold()} <= keys


# ------------------------------------------------------------ the scorer


def test_gold_is_large_and_well_formed() -> None:
    gold = score.load_gold()
    assert sum(len(notes) for notes in gold.values()) >= 150
    assert len(gold["sample"]) == 23
    assert {"chicago", "bluebook", "reports_web", "apa_mla", "sample"} <= set(gold)
    for notes in gold.values():
        labels = [n.label for n in notes]
        assert len(labels) == len(set(labels))


def _gold_parser(gold: dict[str, tuple[score.GoldNote, ...]]) -> score.Parser:
    """A parser that answers with the gold itself: the scorer's ideal input."""
    by_path = {notes[0].path: notes for notes in gold.values()}

    def parse(footnotes: tuple[Footnote, ...], *, start_index: int = 0) -> tuple[Citation, ...]:
        return score.gold_citations(by_path[footnotes[0].location.path])

    return parse


def test_perfect_parser_scores_one_everywhere() -> None:
    gold = score.load_gold()
    result = score.score_all(gold, _gold_parser(gold))
    assert result["overall"]["micro"]["f1"] == 1.0
    assert result["overall"]["segmentation"]["f1"] == 1.0
    for name, figures in result["overall"]["fields"].items():
        assert figures["f1"] == 1.0, name
        assert figures["tp"] > 0, name  # every field is exercised by the gold


def test_scorer_counts_misses_and_wrong_values() -> None:
    gold = score.load_gold()
    notes = gold["bluebook"]
    perfect = score.gold_citations(notes)
    # No titles: title recall drops, precision stays; nothing else moves.
    untitled = tuple(replace(c, title=None) for c in perfect)
    result = score.score(notes, untitled).as_json()["fields"]
    assert result["title"]["recall"] == 0.0
    assert result["title"]["precision"] == 1.0
    assert result["volume"]["f1"] == 1.0
    # A wrong volume is both a false positive and a false negative.
    wrong = tuple(replace(c, volume="999") if c.volume else c for c in perfect)
    volume = score.score(notes, wrong).as_json()["fields"]["volume"]
    assert volume["tp"] == 0
    assert volume["fp"] == volume["fn"] > 0
    # Dropping every citation loses them all.
    empty = score.score(notes, ()).as_json()
    assert empty["segmentation"]["recall"] == 0.0
    assert empty["micro"]["tp"] == 0


def test_scorer_checks_antecedents() -> None:
    notes = score.load_gold()["chicago"]
    perfect = score.gold_citations(notes)
    shifted = tuple(
        replace(c, antecedent=c.antecedent + 1) if c.antecedent is not None else c for c in perfect
    )
    antecedent = score.score(notes, shifted).as_json()["fields"]["antecedent"]
    assert antecedent["tp"] < antecedent["fn"]


@pytest.mark.parametrize(
    ("field", "predicted", "gold", "agree"),
    [
        ("pages", "661–85", "661", True),
        ("pages", "§ 1357(g)", "1357(g)", True),
        ("pages", "A1", "a1", True),
        ("pinpoint", "394", "395", False),
        ("title", "Right to Privacy", "The Right to Privacy", True),
        ("title", "The Right to Privacy,", "“The Right to Privacy”", True),
        ("title", "The Right to Property", "The Right to Privacy", False),
        ("url", "http://www.dea.gov/a/B.html>.", "http://dea.gov/a/B.html", True),
        ("url", "http://dea.gov/a/b.html", "http://dea.gov/a/B.html", False),
        ("doi", "https://doi.org/10.1086/684200", "10.1086/684200", True),
        ("signal", "See, for example,", "see, e.g.", True),
        ("volume", "vol. 37", "37", True),
    ],
)
def test_normalisation(field: str, predicted: str, gold: str, agree: bool) -> None:
    p = score._fields({field: predicted})
    g = score._fields({field: gold})
    assert score._agree(field, p[field], g[field]) is agree
