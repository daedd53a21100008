"""Train the learned layer's scorer (citecheck/checks/learned_model.json) on development batches.

Run it from the repository root (deterministic: same batches, same model)::

    python training/checks_scorer/train.py         # train on every development batch, write it
    python training/checks_scorer/train.py --lobo  # and leave-one-batch-out scores first

Weak labels: every candidate (``citecheck.checks.candidates``: a group of figures failing
one relation's arithmetic) of a passage that expects that relation's rule is a positive;
every other candidate (traps in correct passages, other relations in slip passages) is a
negative. The scorer is a logistic regression over ``candidate_features``, fitted by
AdaGrad with an L2 penalty in a fixed order, written by hand (no dependency).

Held-out batch 16 is never read: only the folders in ``DEVELOPMENT`` are (batches 14, 17, 18,
19, 20, 21, 22 and 23, spent after their one scoring run, are among them from rounds 7 to 13 on).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import json
import math
import sys
import tempfile
import textwrap
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "checks"))

from checks_corpus import _run, load_cases  # noqa: E402
from score_rules import measure  # noqa: E402

from citecheck.checks import run_checks  # noqa: E402
from citecheck.checks.candidates import RELATIONS  # noqa: E402
from citecheck.checks.learned import Model, model_override, scored_candidates  # noqa: E402
from citecheck.checks.passages import read_passages  # noqa: E402
from citecheck.config import CheckSettings  # noqa: E402

BATCHES = ROOT / "tests" / "checks"
# Development data only (never heldout_batch16 nor the next held-out batch). Batches 14, 17, 18,
# 19, 20, 21, 22 and 23 are spent: each scored once (first_run.txt), development data from rounds
# 7-13 on.
UNIT_TRAPS = "unit traps"
DEVELOPMENT = (
    "corpus",
    "dev_batch7",
    "dev_batch10",
    "dev_batch13",
    "dev_batch15",
    "heldout_batch5",
    "heldout_batch6",
    "heldout_batch8",
    "heldout_batch9",
    "heldout_batch11",
    "heldout_batch12",
    "heldout_batch14",
    "heldout_batch17",
    "heldout_batch18",
    "heldout_batch19",
    "heldout_batch20",
    "heldout_batch21",
    "heldout_batch22",
    "heldout_batch23",
    UNIT_TRAPS,
)
LEFT_OUT = (
    "heldout_batch11",
    "heldout_batch12",
    "dev_batch13",
    "heldout_batch14",
    "dev_batch15",
    "heldout_batch17",
    "heldout_batch18",
    "heldout_batch19",
    "heldout_batch20",
    "heldout_batch21",
    "heldout_batch22",
    "heldout_batch23",
)
MODEL = ROOT / "citecheck" / "checks" / "learned_model.json"
# Round 16: the broad candidates' own model, so that adding them cannot move main's scores.
BROAD_MODEL = ROOT / "citecheck" / "checks" / "learned_model_broad.json"
EPOCHS = 10
RATE = 0.3
L2 = 1e-3
THRESHOLD = 0.95
# Chosen leave-one-batch-out (round 16): the broad model learns from every candidate but speaks
# only for broad ones, of the kinds that measured well left out, from a high threshold.
BROAD_THRESHOLD = 0.995
BROAD_THRESHOLDS = (0.99, 0.995, 0.999)
BROAD_KINDS = frozenset({"loose", "subsum"})

Row = tuple[str, str, list[str], bool, bool]  # batch, relation, features, positive, broad


# Unit tests whose parametrised passages must raise nothing: their passages are traps too.
TRAP_MODULES = (
    "test_checks_formats",
    "test_checks_round3",
    "test_checks_round3_shares",
    "test_checks_round4",
    "test_checks_round5",
    "test_checks_round9",
)


SILENT = Model({}, 2.0)  # a scorer that never speaks: the pattern rules alone


def unit_traps() -> list[str]:
    """The passages of every parametrised unit test that asserts a rule stays silent.

    A test that asserts ``== set()`` or ``RULE not in _rules(...)`` over a list of passages.
    """
    found: list[str] = []
    for name in TRAP_MODULES:
        module = importlib.import_module(name)
        for _, function in sorted(inspect.getmembers(module, inspect.isfunction)):
            if not function.__name__.startswith("test_"):
                continue
            source = inspect.getsource(function)
            if "_rules(" not in source or not ("== set()" in source or "not in _rules(" in source):
                continue
            for mark in getattr(function, "pytestmark", []):
                if mark.name != "parametrize" or "," in str(mark.args[0]):
                    continue
                found.extend(v for v in mark.args[1] if isinstance(v, str) and "{" not in v)
    return found


def single_traps() -> list[dict[str, object]]:
    """The passage of every unparametrised unit test that asserts a rule stays silent.

    Its ``body = "..."`` or its ``entry = {"body": ..., "notes": [...]}``.
    """
    found: list[dict[str, object]] = []
    for name in TRAP_MODULES:
        module = importlib.import_module(name)
        for _, function in sorted(inspect.getmembers(module, inspect.isfunction)):
            if not function.__name__.startswith("test_") or hasattr(function, "pytestmark"):
                continue
            source = textwrap.dedent(inspect.getsource(function))
            if " not in " not in source and "== set()" not in source:
                continue
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Dict):
                    entry = {
                        k.value: ast.literal_eval(v)
                        for k, v in zip(node.keys, node.values, strict=True)
                        if isinstance(k, ast.Constant) and k.value in {"body", "notes"}
                    }
                    if isinstance(entry.get("body"), str):
                        found.append(entry)
                elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                    targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
                    if targets == ["body"] and isinstance(node.value.value, str):
                        found.append({"body": node.value.value})
    return found


def rows_of_traps() -> list[Row]:
    """Negatives from the unit traps: every relation the pattern rules do not raise there."""
    rows: list[Row] = []
    runs = [_run({"body": body}) for body in unit_traps()]
    runs += [_run(entry) for entry in single_traps()]
    runs += [_run({"body": body}) for body in docs_paragraphs()]
    for run in runs:
        with model_override(SILENT):
            raised = {f.rule for f in run_checks(run, CheckSettings())}
        for candidate, names in scored_candidates(read_passages(run), frozenset(RELATIONS)):
            if candidate.relation not in raised:
                rows.append((UNIT_TRAPS, candidate.relation, names, False, candidate.broad))
    return rows


# The project's own prose (measurements, thresholds, tables) states no slips: its paragraphs are
# negatives too (round 12). Not docs/checks.md, which quotes the batches' slips. They are read
# from a frozen snapshot (round 13), so that editing the docs does not change the model: the
# shipped model is what this script makes from the repository. ``--refresh-docs`` retakes it.
DOCS = ("README.md", "benchmarks/README.md", "docs/*.md")
DOCS_SNAPSHOT = Path(__file__).resolve().parent / "docs_negatives.json"


def live_docs_paragraphs() -> dict[str, list[str]]:
    """The paragraphs with figures of the docs as they are now, by file."""
    found: dict[str, list[str]] = {}
    for pattern in DOCS:
        for path in sorted(ROOT.glob(pattern)):
            if path.name == "checks.md" and path.parent.name == "docs":
                continue
            text = path.read_text(encoding="utf-8")
            paragraphs = [p for p in text.split("\n\n") if any(c.isdigit() for c in p)]
            found[path.relative_to(ROOT).as_posix()] = paragraphs
    return found


def refresh_docs_snapshot(taken_from: str) -> None:
    data = {
        "about": "the docs' paragraphs with figures, negatives of the learned layer's scorer; "
        "see training/checks_scorer/README.md (refresh with train.py --refresh-docs)",
        "taken_from": taken_from,
        "paragraphs": live_docs_paragraphs(),
    }
    DOCS_SNAPSHOT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")


def docs_paragraphs() -> list[str]:
    data = json.loads(DOCS_SNAPSHOT.read_text(encoding="utf-8"))
    return [p for paragraphs in data["paragraphs"].values() for p in paragraphs]


def rows_of(batch: str) -> list[Row]:
    if batch == UNIT_TRAPS:
        return rows_of_traps()
    rows: list[Row] = []
    for case in load_cases(BATCHES / batch):
        passages = read_passages(case.run)
        for candidate, names in scored_candidates(passages, frozenset(RELATIONS)):
            positive = candidate.relation in case.expect
            rows.append((batch, candidate.relation, names, positive, candidate.broad))
    return rows


def fit(rows: list[Row]) -> dict[str, float]:
    """Logistic regression by AdaGrad, rows in their given (fixed) order (by index: rows of
    four, without the broad mark, train the same)."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    positives = sum(1 for r in rows if r[3]) or 1
    negatives = len(rows) - positives or 1
    # Balance the classes so the threshold means the same whatever their ratio.
    weight_of = {True: len(rows) / (2 * positives), False: len(rows) / (2 * negatives)}
    for _ in range(EPOCHS):
        for row in rows:
            names, label = row[2], row[3]
            total = sum(weights.get(n, 0.0) for n in names)
            chance = 1.0 / (1.0 + math.exp(-max(min(total, 30.0), -30.0)))
            gradient = (chance - float(label)) * weight_of[label]
            for name in names:
                step = gradient + L2 * weights.get(name, 0.0)
                squares[name] = squares.get(name, 0.0) + step * step
                weights[name] = weights.get(name, 0.0) - RATE * step / math.sqrt(squares[name])
    return {n: round(w, 4) for n, w in sorted(weights.items()) if abs(w) >= 0.01}


def main_rows(rows: list[Row]) -> list[Row]:
    """Main's model learns from main's candidates only: the broad ones cannot move it."""
    return [r for r in rows if not r[4]]


def broad_rows(rows: list[Row]) -> list[Row]:
    """The broad model learns from every candidate, main's and the broad ones: the broad ones
    alone (304 in round 16) gave a model sure of everything (left out, 4 false alarms more)."""
    return rows


def scores(model: Model, batch: str, broad: Model | None = None) -> dict[str, tuple[int, int, int]]:
    with tempfile.TemporaryDirectory() as folder, model_override(model, broad):
        _, measured = measure(Path(folder), BATCHES / batch)
    return {r: (measured[r].tp, measured[r].fp, measured[r].fn) for r in RELATIONS}


def line(name: str, counts: dict[str, tuple[int, int, int]]) -> str:
    tp = sum(c[0] for c in counts.values())
    fp = sum(c[1] for c in counts.values())
    fn = sum(c[2] for c in counts.values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"{name:16} TP {tp:3} FP {fp:2} FN {fn:2}  P {precision:.2f} R {recall:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lobo", action="store_true", help="leave-one-batch-out scores first")
    parser.add_argument("--no-write", action="store_true", help="do not write the model")
    parser.add_argument(
        "--refresh-docs",
        metavar="NOTE",
        help="retake the docs snapshot from the docs as they are now (NOTE: which commit, why)",
    )
    args = parser.parse_args()
    if args.refresh_docs:
        refresh_docs_snapshot(args.refresh_docs)
        print(f"wrote {DOCS_SNAPSHOT.relative_to(ROOT)}")
    rows = {batch: rows_of(batch) for batch in DEVELOPMENT}
    counts = Counter((r[1], r[3]) for batch in rows.values() for r in batch)
    for relation in RELATIONS:
        positives, negatives = counts[relation, True], counts[relation, False]
        print(f"{relation:28} positives {positives:4} negatives {negatives:5}")
    everything = [r for batch in DEVELOPMENT for r in rows[batch]]
    print(f"broad candidates: {sum(1 for r in everything if r[4])}")
    full = Model(fit(main_rows(everything)), THRESHOLD)
    full_broad = Model(fit(broad_rows(everything)), BROAD_THRESHOLD, BROAD_KINDS)
    if args.lobo:
        for held in LEFT_OUT:
            rest = [r for batch in DEVELOPMENT if batch != held for r in rows[batch]]
            left = Model(fit(main_rows(rest)), THRESHOLD)
            print(line(held + " out", scores(left, held)))
            weights = fit(broad_rows(rest))
            for threshold in BROAD_THRESHOLDS:
                name = f"{held} out+b{threshold}"
                print(line(name, scores(left, held, Model(weights, threshold, BROAD_KINDS))))
            print(line(held + " in", scores(full, held, full_broad)))
    if not args.no_write:
        data = {
            "about": "learned layer of citecheck's numeric checks, its broad candidates (round "
            "16); see training/checks_scorer/",
            "trained_on": list(DEVELOPMENT),
            "threshold": BROAD_THRESHOLD,
            "kinds": sorted(BROAD_KINDS),
            "weights": full_broad.weights,
        }
        BROAD_MODEL.write_text(
            json.dumps(data, indent=0, sort_keys=True, separators=(",", ":")) + "\n",
            encoding="utf-8",
        )
        print(f"wrote {BROAD_MODEL.relative_to(ROOT)}: {len(full_broad.weights)} weights")
        data = {
            "about": "learned layer of citecheck's numeric checks; see training/checks_scorer/",
            "trained_on": list(DEVELOPMENT),
            "threshold": THRESHOLD,
            "weights": full.weights,
        }
        MODEL.write_text(
            json.dumps(data, indent=0, sort_keys=True, separators=(",", ":")) + "\n",
            encoding="utf-8",
        )
        print(f"wrote {MODEL.relative_to(ROOT)}: {len(full.weights)} weights")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
