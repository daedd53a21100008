"""Benchmark: CPU per text stage, this checkout against another commit, alternated.

The stages ``citecheck check`` runs on a manuscript's text (the worker's job while the links are
asked, then the report): reading, finding the notes, the citation parser, the passages (sentences
and the figures read in them), each text check family (its module's import, with its patterns'
compiles, apart from its run), pickling the worker's answer, and the JSON report. Two
manuscripts: the 2,000 notes of ``benchmarks/links.py --cli`` and the 10,000 notes of
``benchmarks/cite.py`` (written as a Markdown manuscript, one claim per note). Each measurement is
a fresh interpreter, so imports and compiles count as in the worker; with ``--base`` the base
commit (from ``git archive``) and this checkout run one after the other, round after round, in
the same minutes (CPU seconds on a shared machine move with the load). Run from the repository
root::

    python benchmarks/stages.py                       # this checkout, 3 rounds
    python benchmarks/stages.py --base f380303        # ... alternated with a commit
    python benchmarks/stages.py --corpus links --rounds 5

Each cell is the least CPU over the rounds (and the most, in brackets); "process" is the whole
child's CPU, interpreter start included. The findings and citations counted must agree.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TEXT_FAMILIES = ("arithmetic", "percentages", "scale", "ledger", "across-notes", "notes")


def write_corpora(folder: Path) -> dict[str, Path]:
    """The two manuscripts, written once for every version."""
    sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests" / "links")]
    import cite
    import links

    cited = {
        f"http://{address}:{8000 + i}/reports/{n}": [str(n)]
        for n in range(links.URLS // links.HOSTS)
        for i, (address, _, _) in enumerate(links.plan())
    }
    essay = folder / "links-essay.md"
    essay.write_text(links.manuscript(cited), encoding="utf-8")
    notes = cite.make_notes(10_000)
    body = "\n\n".join(
        " ".join(
            f"Claim {n} is argued here.[^{n}]" for n in range(i + 1, min(i + 11, len(notes) + 1))
        )
        for i in range(0, len(notes), 10)
    )
    marks = "\n\n".join(f"[^{n}]: {note.text}" for n, note in enumerate(notes, start=1))
    book = folder / "cite-notes.md"
    book.write_text(f"# Notes\n\n{body}\n\n{marks}\n", encoding="utf-8")
    return {"links": essay, "cite": book}


def measure(path: Path) -> dict[str, float]:
    """Run in a fresh interpreter of the version measured: CPU seconds per stage, and counts."""
    clock = time.process_time
    times: dict[str, float] = {}

    def timed(stage: str, started: float) -> None:
        times[stage] = times.get(stage, 0.0) + clock() - started

    started = clock()
    import importlib

    from citecheck.config import CheckSettings
    from citecheck.footnotes import find_footnotes
    from citecheck.model import CheckRun
    from citecheck.readers import read_manuscript

    timed("imports: model, readers", started)
    started = clock()
    manuscript = read_manuscript(path)
    timed("read", started)
    started = clock()
    footnote_set = find_footnotes(manuscript)
    timed("footnotes", started)
    started = clock()
    from citecheck.text_stages import read_citations

    importlib.import_module("citecheck.citations")
    timed("imports: citations", started)
    started = clock()
    citations = read_citations([footnote_set])
    timed("citations", started)
    started = clock()
    from citecheck.checks import CHECKS
    from citecheck.checks.passages import read_passages

    timed("imports: checks, passages", started)
    run = CheckRun(footnote_sets=(footnote_set,), citations=citations)
    started = clock()
    passages = read_passages(run)
    timed("passages", started)
    settings = CheckSettings()
    findings = []
    for family in _TEXT_FAMILIES:
        started = clock()
        check = CHECKS[family]
        timed(f"imports: {family}", started)
        started = clock()
        findings.extend(check(run, passages, settings))
        timed(f"check: {family}", started)
    started = clock()
    pickle.dumps((citations, tuple(findings)), pickle.HIGHEST_PROTOCOL)
    timed("pickle the answer", started)
    started = clock()
    from citecheck.report import write_report

    write_report(
        CheckRun((footnote_set,), citations, findings=tuple(findings)), "json", io.StringIO()
    )
    timed("report (json)", started)
    times["text stages"] = sum(times.values())
    times["notes"] = len(footnote_set.footnotes)
    times["citations found"] = len(citations)
    times["findings"] = len(findings)
    return times


def _child(tree: Path, path: Path) -> dict[str, float]:
    env = os.environ | {"PYTHONPATH": str(tree)}
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", str(path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, env=env, cwd=tree, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"{tree}: the measurement failed\n{done.stderr}")
    times: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    times["process"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return times


def _cell(values: list[float], count: bool) -> str:
    if count:
        return f"{int(values[0]):,}" if len(set(values)) == 1 else "/".join(map(str, values))
    return f"{min(values):.3f} ({max(values):.3f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--base", help="a git commit to alternate with (default: none)")
    parser.add_argument("--corpus", choices=("links", "cite", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure(options.measure)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        trees = {"here": ROOT}
        if options.base:
            base = work / "base"
            base.mkdir()
            archive = ["git", "archive", options.base, "citecheck"]
            tar = subprocess.run(archive, cwd=ROOT, capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(base)], input=tar, check=True)
            trees = {options.base: base, "here": ROOT}
        corpora = write_corpora(work)
        names = list(corpora) if options.corpus == "both" else [options.corpus]
        for name in names:
            results: dict[str, list[dict[str, float]]] = {version: [] for version in trees}
            loads = []
            for _ in range(options.rounds):
                loads.append(os.getloadavg()[0])
                for version, tree in trees.items():
                    results[version].append(_child(tree, corpora[name]))
            low, high = min(loads), max(loads)
            print(
                f"\n{name} ({corpora[name].name}), {options.rounds} rounds,"
                f" load {low:.2f}-{high:.2f}"
            )
            print("| Stage (CPU s, least (most)) | " + " | ".join(trees) + " |")
            print("|---|" + "---|" * len(trees))
            for stage in results["here"][0]:
                count = stage in {"notes", "citations found", "findings"}
                cells = [_cell([r[stage] for r in results[v]], count) for v in trees]
                print(f"| {stage} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
