"""Precision and recall of every check rule over the corpus (tests/checks/corpus/).

Run it from the repository root::

    .venv/bin/python tests/checks/score_rules.py            # table
    .venv/bin/python tests/checks/score_rules.py --misses   # and the cases behind FP/FN
    .venv/bin/python tests/checks/score_rules.py --corpus tests/checks/heldout_batch5

A case counts once per rule: a true positive when an expected rule fires, a
false positive when an unexpected one does, a miss when an expected one
stays silent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from checks_corpus import CORPUS, Case, Score, fired, load_cases, score


def measure(
    tmp: Path, folder: Path = CORPUS
) -> tuple[list[tuple[Case, frozenset[str]]], dict[str, Score]]:
    """Run every case of ``folder``; return the raw results and the per-rule scores."""
    results = [(case, fired(case, tmp)) for case in load_cases(folder)]
    return results, score(results)


def table(scores: dict[str, Score]) -> str:
    lines = [
        f"| {'rule':34} | TP | FP | FN | precision | recall |",
        f"|{'-' * 36}|----|----|----|-----------|--------|",
    ]
    for rule, s in scores.items():
        lines.append(
            f"| {rule:34} | {s.tp:2} | {s.fp:2} | {s.fn:2} | {s.precision:9.2f} | {s.recall:6.2f} |"
        )
    total = Score(
        sum(s.tp for s in scores.values()),
        sum(s.fp for s in scores.values()),
        sum(s.fn for s in scores.values()),
    )
    lines.append(
        f"| {'all rules':34} | {total.tp:2} | {total.fp:2} | {total.fn:2} | "
        f"{total.precision:9.2f} | {total.recall:6.2f} |"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the cases behind FP and FN")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        metavar="DIR",
        help="a folder of case files (default: tests/checks/corpus)",
    )
    args = parser.parse_args()
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.toml")):
        print(f"score_rules: {args.corpus}: no *.toml case files there", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        results, scores = measure(Path(folder), args.corpus)
    slips = sum(1 for case, _ in results if case.expect)
    print(f"{len(results)} cases: {slips} with planted slips, {len(results) - slips} correct\n")
    print(table(scores))
    if args.misses:
        for case, got in results:
            if got != case.expect:
                extra = sorted(got - case.expect)
                missed = sorted(case.expect - got)
                print(f"{case.file}:{case.id}: false positives {extra}, misses {missed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
