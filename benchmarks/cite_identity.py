"""Check that two versions of the citations stage give byte-identical records.

The notes are read once (with this checkout's readers) from every manuscript
in ``references/``, ``tests/corpus/``, ``tests/checks/`` and the seeds
(``/work/shared/seeds/``), the citation evaluation sets under
``tests/citations/`` (one manuscript per file), AnyStyle's labelled
references (``training/citations/anystyle-core.xml``, each a note), the
10,000 generated notes of ``benchmarks/cite.py`` and the 2,000 of
``benchmarks/links.py --cli``. Then each version runs in its own process on
the same notes and writes, per manuscript, ``repr`` of every ``Citation``
``parse_citations`` returns, and, for every piece of every note, the CRF's
feature strings, labels and probability (the labeller is asked on every
piece here, not only where the combiner would ask it). The two dumps must
be equal byte for byte. Run from the repository root::

    python benchmarks/cite_identity.py                # this checkout against where it left main
    python benchmarks/cite_identity.py --base 8dfc240 # ... against any commit

The base version is taken from git (``git archive``) into a temporary
folder; nothing in the checkout is changed. It also prints each version's
CPU time for ``parse_citations`` over all the notes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")
_MANUSCRIPT_SUFFIXES = {".txt", ".md", ".html", ".xhtml", ".tex", ".docx", ".pdf"}

Note = dict[str, Any]


def _note(label: str, text: str, raw: str, path: str, line: int) -> Note:
    return {"label": label, "text": text, "raw": raw, "path": path, "line": line}


def _footnote_dicts(path: Path) -> list[Note] | None:
    from citecheck.footnotes import find_footnotes
    from citecheck.readers import read_manuscript

    try:
        notes = find_footnotes(read_manuscript(path)).footnotes
    except Exception:  # not a manuscript (a README, a data file): skipped
        return None
    return [_note(n.label, n.text, n.raw, n.location.path, n.location.line) for n in notes]


def _jsonl_notes(path: Path) -> list[Note]:
    out: list[Note] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        item = json.loads(line)
        if "text" in item:
            out.append(_note(item["label"], item["text"], "", str(path), number))
    return out


def _anystyle_notes(path: Path) -> list[Note]:
    out: list[Note] = []
    for number, sequence in enumerate(ET.parse(path).getroot(), start=1):
        text = " ".join(" ".join((part.text or "").split()) for part in sequence).strip()
        if text:
            out.append(_note(str(number), text, "", str(path), number))
    return out


def collect() -> dict[str, list[Note]]:
    """Every manuscript's notes, by name."""
    sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests" / "links")]
    import cite
    import links

    sets: dict[str, list[Note]] = {}
    folders = [ROOT / "references", ROOT / "tests" / "corpus", ROOT / "tests" / "checks", SEEDS]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in _MANUSCRIPT_SUFFIXES and path.name != "README.md":
                notes = _footnote_dicts(path)
                if notes:
                    sets[str(path)] = notes
    for path in sorted((ROOT / "tests" / "citations").rglob("*.jsonl")):
        sets[str(path)] = _jsonl_notes(path)
    sets["anystyle"] = _anystyle_notes(ROOT / "training" / "citations" / "anystyle-core.xml")
    sets["benchmarks/cite.py"] = [
        _note(n.label, n.text, n.raw, n.location.path, n.location.line)
        for n in cite.make_notes(10_000)
    ]
    cited = {
        f"http://{address}:{8000 + i}/reports/{n}": [str(n)]
        for n in range(links.URLS // links.HOSTS)
        for i, (address, _, _) in enumerate(links.plan())
    }
    with tempfile.TemporaryDirectory() as folder:
        essay = Path(folder) / "essay.md"
        essay.write_text(links.manuscript(cited), encoding="utf-8")
        sets["benchmarks/links.py --cli"] = _footnote_dicts(essay) or []
    return sets


def dump(notes_path: Path, out_path: Path) -> None:
    """Run by each version: the records and the CRF's answers, one line each."""
    from citecheck.citations import parse_citations
    from citecheck.citations.crf.features import features
    from citecheck.citations.crf.spans import rule_labels
    from citecheck.citations.crf.tagger import _tagger
    from citecheck.citations.crf.tokens import tokenize
    from citecheck.citations.fields import parse_piece
    from citecheck.citations.split import split_note
    from citecheck.model import Footnote, Location

    sets: dict[str, list[Note]] = json.loads(notes_path.read_text(encoding="utf-8"))
    tagger = _tagger()
    cpu = 0.0
    with out_path.open("w", encoding="utf-8") as out:
        for name, items in sets.items():
            notes = [
                Footnote(n["label"], n["text"], "", Location(n["path"], n["line"]), raw=n["raw"])
                for n in items
            ]
            started = time.process_time()
            citations = parse_citations(notes)
            cpu += time.process_time() - started
            out.write(f"== {name}: {len(notes)} notes, {len(citations)} citations\n")
            for citation in citations:
                out.write(repr(citation) + "\n")
            for note in notes:
                for piece in split_note(note.text):
                    try:
                        parsed = parse_piece(piece)
                    except Exception as exc:
                        out.write(f"parse_piece raised {type(exc).__name__}\n")
                        parsed = None
                    tokens = tokenize(piece.text)
                    if not tokens:
                        continue
                    rule = rule_labels(piece.text, tokens, parsed)
                    feats = features(tokens, rule, [False] * len(tokens))
                    digest = hashlib.sha256(repr(feats).encode()).hexdigest()[:16]
                    labels = tagger.tag(feats)
                    probability = tagger.probability(labels)
                    out.write(f"crf {digest} {' '.join(labels)} {probability!r}\n")
    print(f"{cpu:.2f}")


def _run(tree: Path, notes_path: Path, out_path: Path) -> float:
    env = os.environ | {"PYTHONPATH": str(tree)}
    script = str(Path(__file__).resolve())
    done = subprocess.run(
        [sys.executable, script, "--dump", str(notes_path), str(out_path)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--base", help="the git commit to compare with (default: where this branch left main)"
    )
    parser.add_argument(
        "--dump", nargs=2, type=Path, metavar=("NOTES", "OUT"), help=argparse.SUPPRESS
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
        sets = collect()
        notes_path = work / "notes.json"
        notes_path.write_text(json.dumps(sets), encoding="utf-8")
        total = sum(len(v) for v in sets.values())
        print(f"{len(sets)} manuscripts, {total:,} notes")
        base_cpu = _run(base, notes_path, work / "base.txt")
        ours_cpu = _run(ROOT, notes_path, work / "ours.txt")
        theirs = (work / "base.txt").read_bytes()
        ours = (work / "ours.txt").read_bytes()
        lines = ours.count(b"\n")
        print(f"parse_citations CPU: {options.base} {base_cpu:.2f} s, here {ours_cpu:.2f} s")
        if theirs == ours:
            print(f"identical: {lines:,} lines, {len(ours):,} bytes")
            return 0
        return report_difference(theirs, ours)


def report_difference(theirs: bytes, ours: bytes, *, clip: int | None = None) -> int:
    """Print how two outputs differ (the count, the first five differing lines), and 1."""
    differ = [
        (a, b)
        for a, b in zip(theirs.decode().splitlines(), ours.decode().splitlines(), strict=False)
        if a != b
    ]
    sizes = f"{len(theirs):,} / {len(ours):,} bytes"
    print(f"DIFFERENT: {len(differ)} lines differ ({sizes})")
    for a, b in differ[:5]:
        print(f"- {a[:clip]}\n+ {b[:clip]}")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
