"""Check that two versions of the text stages give byte-identical findings.

The twin of ``cite_identity.py`` for the checks. Each version, in its own
process, reads every manuscript in ``references/``, ``tests/corpus/``,
``tests/checks/``, ``docs/`` and the seeds (``/work/shared/seeds/``) and the
2,000-note manuscript of ``benchmarks/links.py --cli``, finds the notes,
parses the citations and runs every check family (the sample essay also with
its facts ledger), and writes ``repr`` of every ``Footnote`` and every
``Finding``. Then it runs every case of every batch under ``tests/checks/``
(``corpus/``, ``dev_batch*/``, ``heldout_batch*/``), built into records as
``score_rules.py`` builds them, and writes ``repr`` of every ``Finding`` of
each case, and the ``score_rules.py`` table of each batch. The two dumps must
be equal byte for byte. Run from the repository root::

    python benchmarks/checks_identity.py                # this checkout against where it left main
    python benchmarks/checks_identity.py --base 97d2657 # ... against any commit

The base version is taken from git (``git archive``) into a temporary
folder; nothing in the checkout is changed. The case files, the test helpers
that build them and the manuscripts are this checkout's. It also prints each
version's CPU time for ``run_checks`` over the manuscripts and the cases.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cite_identity import report_difference  # run as a script: benchmarks/ is on the path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")
_MANUSCRIPT_SUFFIXES = {".txt", ".md", ".html", ".xhtml", ".tex", ".docx", ".pdf"}


def manuscripts(work: Path) -> list[Path]:
    """Every manuscript to read; the links benchmark's is written into ``work``."""
    sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests" / "links")]
    import links

    found: list[Path] = []
    folders = [ROOT / "references", ROOT / "tests" / "corpus", ROOT / "tests" / "checks"]
    for folder in [*folders, ROOT / "docs", SEEDS]:
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in _MANUSCRIPT_SUFFIXES and path.is_file():
                found.append(path)
    cited = {
        f"http://{address}:{8000 + i}/reports/{n}": [str(n)]
        for n in range(links.URLS // links.HOSTS)
        for i, (address, _, _) in enumerate(links.plan())
    }
    essay = work / "links-essay.md"
    essay.write_text(links.manuscript(cited), encoding="utf-8")
    return [*found, essay]


def batches() -> list[Path]:
    """Every folder of case files under ``tests/checks``."""
    return sorted(p for p in (ROOT / "tests" / "checks").iterdir() if any(p.glob("*.toml")))


def dump(paths_file: Path, out_path: Path, ledgers: Path) -> None:
    """Run by each version: footnotes and findings, one line each."""
    sys.path.insert(0, str(ROOT / "tests" / "checks"))
    from checks_corpus import load_cases, score
    from score_rules import table

    from citecheck.checks import run_checks
    from citecheck.config import CheckSettings
    from citecheck.footnotes import find_footnotes
    from citecheck.model import CheckRun
    from citecheck.readers import read_manuscript
    from citecheck.text_stages import read_citations

    cpu = 0.0
    sample_ledger = ROOT / "references" / "facts.toml"
    with out_path.open("w", encoding="utf-8") as out:
        for line in paths_file.read_text(encoding="utf-8").splitlines():
            path = Path(line)
            try:
                footnote_set = find_footnotes(read_manuscript(path))
            except Exception as exc:  # not a manuscript (a data file): the error is the record
                out.write(f"== {path}: unread ({type(exc).__name__})\n")
                continue
            citations = read_citations([footnote_set])
            out.write(f"== {path}: {len(footnote_set.footnotes)} notes, {len(citations)} cites\n")
            for footnote in footnote_set.footnotes:
                out.write(repr(footnote) + "\n")
            run = CheckRun(footnote_sets=(footnote_set,), citations=citations)
            settings = [CheckSettings()]
            if path.parent == sample_ledger.parent:
                settings.append(CheckSettings(ledger=sample_ledger))
            for setting in settings:
                started = time.process_time()
                try:
                    findings = run_checks(run, setting)
                except Exception as exc:
                    out.write(f"run_checks raised {type(exc).__name__}: {exc}\n")
                    continue
                finally:
                    cpu += time.process_time() - started
                out.write(f"-- ledger {setting.ledger}: {len(findings)} findings\n")
                for finding in findings:
                    out.write(repr(finding) + "\n")
        for folder in batches():
            results = []
            for case in load_cases(folder):
                ledger = None
                if case.ledger is not None:
                    ledger = ledgers / f"{case.id}.toml"
                    ledger.write_text(case.ledger, encoding="utf-8")
                started = time.process_time()
                findings = run_checks(case.run, CheckSettings(ledger=ledger))
                cpu += time.process_time() - started
                out.write(f"== {folder.name}/{case.file}:{case.id}: {len(findings)} findings\n")
                for finding in findings:
                    out.write(repr(finding) + "\n")
                results.append((case, frozenset(f.rule for f in findings)))
            out.write(f"== {folder.name}: score_rules table\n{table(score(results))}\n")
    print(f"{cpu:.2f}")


def _run(tree: Path, paths_file: Path, out_path: Path, ledgers: Path) -> float:
    env = os.environ | {"PYTHONPATH": str(tree)}
    script = str(Path(__file__).resolve())
    command = [sys.executable, script, "--dump", str(paths_file), str(out_path), str(ledgers)]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{tree}: the dump failed\n{done.stderr}")
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--base", help="the git commit to compare with (default: where this branch left main)"
    )
    parser.add_argument(
        "--dump", nargs=3, type=Path, metavar=("PATHS", "OUT", "LEDGERS"), help=argparse.SUPPRESS
    )
    options = parser.parse_args()
    if options.dump:
        dump(*options.dump)
        return 0
    if options.base is None:
        merge_base = ["git", "merge-base", "main", "HEAD"]
        found = subprocess.run(merge_base, cwd=ROOT, capture_output=True, text=True, check=True)
        options.base = found.stdout.strip()[:12]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        base = work / "base"
        base.mkdir()
        archive = subprocess.run(
            ["git", "archive", options.base, "citecheck"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        # The same ledger paths for both versions: a finding may name its ledger.
        ledgers = work / "ledgers"
        ledgers.mkdir()
        paths = manuscripts(work)
        paths_file = work / "paths.txt"
        paths_file.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
        print(f"{len(paths)} files, {len(batches())} batches of cases")
        base_cpu = _run(base, paths_file, work / "base.txt", ledgers)
        ours_cpu = _run(ROOT, paths_file, work / "ours.txt", ledgers)
        theirs = (work / "base.txt").read_bytes()
        ours = (work / "ours.txt").read_bytes()
        lines = ours.count(b"\n")
        findings = sum(1 for line in ours.splitlines() if line.startswith(b"Finding("))
        print(f"run_checks CPU: {options.base} {base_cpu:.2f} s, here {ours_cpu:.2f} s")
        if theirs == ours:
            print(f"identical: {lines:,} lines ({findings:,} findings), {len(ours):,} bytes")
            return 0
        return report_difference(theirs, ours, clip=400)


if __name__ == "__main__":
    raise SystemExit(main())
