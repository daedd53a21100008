"""The learned layer: slips the pattern rules say nothing about, from a trained scorer.

``candidates`` proposes every group of figures that could stand in one of
the seven numeric relations and fails its arithmetic; a logistic scorer
trained on the development batches (``training/checks_scorer/``, shipped as
``learned_model.json``) reads the words around the group
(``candidate_features``) and says whether the text asserts that relation.
A candidate scoring at or above the model's threshold is a finding of the
relation's rule, unless a pattern rule already raised that rule at the same
sentence or note: the layer only adds where the rules are silent, so their
precision is kept.

The arithmetic still decides: the scorer never makes a fitting group a slip.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources

from citecheck.checks.candidate_features import Cues, cues, features, squash, tokens
from citecheck.checks.candidates import JOIN, RELATIONS, Candidate, Scope, candidates
from citecheck.checks.passages import Passage, Sentence, one_line
from citecheck.checks.rules import Rule, raise_finding
from citecheck.model import Finding, Location

__all__ = [
    "Model",
    "broad_kind",
    "learned_findings",
    "load_broad_model",
    "load_model",
    "model_override",
    "scored_candidates",
]


@dataclass(frozen=True)
class Model:
    """A trained scorer: a weight per feature and the score from which it speaks."""

    weights: Mapping[str, float]
    threshold: float
    # For the broad model: the kinds of broad candidate that may speak (None: every kind).
    kinds: frozenset[str] | None = None

    def score(self, names: Iterable[str]) -> float:
        return squash(sum(self.weights.get(name, 0.0) for name in names))


_OVERRIDE: list[tuple[Model, Model]] = []
# A scorer that never speaks: the broad model under an override that names none.
_SILENT = Model({}, 2.0)


@functools.cache
def _shipped(name: str = "learned_model.json") -> Model:
    text = resources.files("citecheck.checks").joinpath(name).read_text("utf-8")
    data = json.loads(text)
    kinds = frozenset(data["kinds"]) if "kinds" in data else None
    return Model(weights=dict(data["weights"]), threshold=float(data["threshold"]), kinds=kinds)


def load_model() -> Model:
    """The model in use: the shipped one, or one set by ``model_override``."""
    return _OVERRIDE[-1][0] if _OVERRIDE else _shipped()


def load_broad_model() -> Model:
    """The broad candidates' model (round 16): shipped, or set by ``model_override``."""
    return _OVERRIDE[-1][1] if _OVERRIDE else _shipped("learned_model_broad.json")


@contextmanager
def model_override(model: Model, broad: Model | None = None) -> Iterator[None]:
    """Use ``model`` instead of the shipped one (training and its leave-one-out scores), and
    ``broad`` for the broad candidates (silent when not given: ``model`` alone speaks)."""
    _OVERRIDE.append((model, _SILENT if broad is None else broad))
    try:
        yield
    finally:
        _OVERRIDE.pop()


def scored_candidates(
    passages: tuple[Passage, ...], relations: frozenset[str]
) -> Iterator[tuple[Candidate, list[str]]]:
    """Every failing candidate of ``relations`` with its features."""
    read: dict[int, tuple[list[tuple[str, int]], Cues]] = {}
    for candidate in candidates(passages, relations):
        key = id(candidate.scope)
        if key not in read:
            read[key] = (tokens(candidate.scope), cues(candidate.scope))
        yield candidate, features(candidate, *read[key])


def broad_kind(candidate: Candidate) -> str:
    """Which of the broad proposal's kinds a broad candidate is (round 16)."""
    detail = candidate.detail
    if detail.endswith("+subsum"):
        return "subsum"
    if detail.endswith("+fine"):
        return "fine"
    if detail in {"loose", "printed-change"}:
        return detail
    return "table"  # a flattened table's sentence, dated by years in brackets


_SAYS = {
    "rate-restatement-mismatch": "a rate and its restatement per another period",
    "growth-multiplier-mismatch": "a multiplier and the start and end figures",
    "percent-change-mismatch": "a percent change and the start and end figures",
    "sum-mismatch": "parts and the total they make up",
    "shares-exceed-total": "shares of one whole (more than 100 % at their lowest rounding)",
    "percent-points-confusion": "a change in percent that is the levels' difference in points",
    "implausible-per-head": "a total, a head count and the figure per head",
}


# The last run's scored candidates: the three families that ask share one reading.
_LAST: list[tuple[tuple[Passage, ...], Model, Model, list[tuple[Candidate, float]]]] = []


def _scores(
    passages: tuple[Passage, ...], model: Model, broad: Model
) -> list[tuple[Candidate, float]]:
    last = _LAST[0] if _LAST else None  # read once: another thread may replace it
    if last is not None and last[0] is passages and last[1] is model and last[2] is broad:
        return last[3]
    scored = [
        (candidate, (broad if candidate.broad else model).score(names))
        for candidate, names in scored_candidates(passages, frozenset(RELATIONS))
    ]
    _LAST[:] = [(passages, model, broad, scored)]
    return scored


def _lines(sentence: Sentence) -> tuple[str, int, int]:
    first = sentence.location.line
    return sentence.location.path, first, sentence.lines[-1][1] if sentence.lines else first


def _covers(finding: Finding, scope: Scope) -> bool:
    """The pattern finding is about the scope: its sentence's lines, or the note it cites."""
    for sentence in (scope.sentence, scope.second):
        if sentence is None:
            continue
        if finding.note is not None and finding.note == sentence.note:
            return True
        path, first, last = _lines(sentence)
        if finding.location.path == path and first <= finding.location.line <= last:
            return True
    return False


def learned_findings(
    passages: tuple[Passage, ...], rules: Mapping[str, Rule], already: Iterable[Finding]
) -> Iterator[Finding]:
    """Findings of the scorer for ``rules`` (relation id -> rule) where the rules raised none."""
    model, broad = load_model(), load_broad_model()
    pattern = list(already)
    best: dict[tuple[str, Location], tuple[float, Candidate]] = {}
    added: dict[tuple[str, Location], tuple[float, Candidate]] = {}
    for candidate, score in _scores(passages, model, broad):
        threshold = (broad if candidate.broad else model).threshold
        if candidate.relation not in rules or score < threshold:
            continue
        if candidate.broad and broad.kinds is not None and broad_kind(candidate) not in broad.kinds:
            continue
        scope = candidate.scope
        where = scope.sentence.location
        if any(f.rule == candidate.relation and _covers(f, scope) for f in pattern):
            continue
        key = (candidate.relation, where)
        # Broad candidates speak only where main's say nothing (round 16), so that main's
        # findings stay exactly what they were.
        chosen = added if candidate.broad else best
        if key not in chosen or score > chosen[key][0]:
            chosen[key] = (score, candidate)
    best.update((key, found) for key, found in added.items() if key not in best)
    for (relation, where), (score, candidate) in best.items():
        figures = ", ".join(q.shown for q in sorted(candidate.figures, key=lambda q: q.start))
        message = (
            f"These figures read as {_SAYS[relation]}, and no reading of them fits: {figures} "
            f"(a trained reader's judgement, {score:.2f} sure). Check the figures, or say how they "
            "relate."
        )
        text = candidate.scope.text
        first = min(q.start for q in candidate.figures)
        last = max(q.end for q in candidate.figures)
        yield raise_finding(
            rules[relation],
            message,
            where,
            note=candidate.scope.sentence.note,
            evidence=one_line(text[first:last].replace(JOIN, " ")),
        )
