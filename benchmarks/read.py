"""Benchmark: read a book-sized manuscript and pair its footnotes.

Builds a manuscript in the sample's plain-text style (``<sup>n</sup>``
markers, notes under ``---`` rules, notes cut by page breaks and continued
on the next page, pull quotes, ordinals, headings) with 10,000 notes and
about 5 MB of text in a temporary folder, then times
``read_manuscript`` + ``find_footnotes`` (best of 3, CPU time) and checks that every
note came back whole. A second run at half the size shows whether the time
grows linearly. Run::

    .venv/bin/python benchmarks/read.py [--notes 10000]

The PDF case (``--pdf``) typesets books of 100, 200 and 300 pages with
footnotes on every page (benchmarks/make_pdf_book.py: pandoc -> pdflatex),
reads each in a fresh process, checks every note came back whole, and
prints CPU time and peak RSS, so that memory can be seen not to grow with
the pages::

    .venv/bin/python benchmarks/read.py --pdf [--pages 300]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from citecheck.footnotes import find_footnotes
from citecheck.readers import read_manuscript

_WORDS = [
    "border",
    "trade",
    "security",
    "flows",
    "policy",
    "river",
    "crossing",
    "ports",
    "customs",
    "inspection",
    "agency",
    "treaty",
    "commission",
    "cooperation",
    "migration",
    "economy",
    "regional",
    "partnership",
    "management",
    "framework",
    "homeland",
    "enforcement",
    "bilateral",
    "integration",
    "infrastructure",
    "traffic",
]
_SOURCES = (
    "Alan D. Bersin, “Lines and Flows,” *Brooklyn Journal of International Law*, vol. 37",
    "U.S. Census Bureau, *Foreign Trade*, <https://www.census.gov/foreign-trade/c2010.html>",
    "Shannon K. O’Neil, *Two Nations Indivisible* (Oxford: Oxford University Press, 2013)",
    "See also *Agency Observes 25<sup>th</sup> Anniversary*, Press Release, March 4, 2010",
)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def build(notes: int, seed: int = 7) -> tuple[str, list[str]]:
    """The manuscript text and the expected text of each note."""
    rng = random.Random(seed)
    expected: list[str] = []
    pages: list[str] = ["# A Book of Essays", "---"]
    label = 1
    carry: str | None = None
    while label <= notes:
        on_page = min(rng.randint(2, 4), notes - label + 1)
        labels = list(range(label, label + on_page))
        if rng.random() < 0.1:
            pages += [f"## Chapter {label}", "---"]
        sentences = []
        for n in labels:
            sentences.append(
                _sentence(rng, rng.randint(8, 18)) + f" by \\$1.3 billion.<sup>{n}</sup>"
            )
            sentences.append(_sentence(rng, rng.randint(6, 14)) + ", e.g. in the U.S. today.")
        pages.append(" ".join(sentences) + " The " + rng.choice(_WORDS) + " continues")
        if rng.random() < 0.15:
            pages.append(f"*“{_sentence(rng, 12)}.”*")
        pages.append("---")
        if carry is not None:
            pages.append(carry)
            carry = None
        for n in labels:
            source = rng.choice(_SOURCES)
            note = f"{_sentence(rng, rng.randint(6, 16))}; {source}, {rng.randint(1, 400)}."
            plain = note.replace("*", "").replace("<sup>th</sup>", "th")
            plain = plain.replace("<https://", "https://").replace(".html>", ".html")
            if n == labels[-1] and n < notes and rng.random() < 0.2:
                head, tail = note.split("; ", 1)
                pages.append(f"<sup>{n}</sup> {head};")
                carry = tail
            else:
                pages.append(f"<sup>{n}</sup> {note}")
            expected.append(plain)
        pages.append("the " + _sentence(rng, rng.randint(12, 36)).lower() + ".")
        label += on_page
    return "\n\n".join(pages) + "\n", expected


def _time(path: Path, repeats: int) -> tuple[float, float]:
    """Best CPU time and best wall time of ``repeats`` runs.

    CPU time is the figure to record: on a shared machine the wall clock
    also counts the time other processes held the core.
    """
    best_cpu = best_wall = float("inf")
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        find_footnotes(read_manuscript(path))
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return best_cpu, best_wall


def _normalised(text: str) -> str:
    table = str.maketrans({"’": "'", "“": '"', "”": '"'})
    return " ".join(text.translate(table).split())


def _read_pdf_child(path: Path) -> None:
    """In a fresh process: read one PDF, check its notes, print figures as JSON."""
    cpu = time.process_time()
    footnotes = find_footnotes(read_manuscript(path))
    seconds = time.process_time() - cpu
    expected = json.loads(path.with_suffix(".notes.json").read_text(encoding="utf-8"))
    got = [_normalised(f.text) for f in footnotes.footnotes]
    whole = sum(a == _normalised(b) for a, b in zip(got, expected, strict=False))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    print(
        json.dumps(
            {
                "cpu": seconds,
                "peak_rss_mib": peak,
                "notes": len(got),
                "expected": len(expected),
                "whole": whole,
                "findings": len(footnotes.findings),
            }
        )
    )


def pdf_case(pages: int) -> None:
    """Books of a third, two thirds and all of ``pages`` pages, each read fresh."""
    if not (shutil.which("pandoc") and shutil.which("pdflatex")):
        raise SystemExit("the PDF case needs pandoc and pdflatex to typeset its books")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pdfplumber
    from make_pdf_book import build

    with tempfile.TemporaryDirectory() as folder:
        for share in (1, 2, 3):
            path = Path(folder) / f"book-{share}.pdf"
            build(pages * share // 3, path)
            with pdfplumber.open(path) as pdf:
                printed = len(pdf.pages)
            child = subprocess.run(
                [sys.executable, __file__, "--pdf-child", str(path)],
                check=True,
                capture_output=True,
                text=True,
            )
            figures = json.loads(child.stdout)
            if figures["whole"] != figures["expected"] or figures["notes"] != figures["expected"]:
                raise SystemExit(f"notes came back wrong: {figures}")
            print(
                f"{printed:>4} pages, {figures['notes']:>5} notes, "
                f"{path.stat().st_size / 1e6:5.2f} MB: read + footnotes "
                f"{figures['cpu']:.2f} s CPU, peak RSS {figures['peak_rss_mib']:.0f} MiB, "
                f"{figures['findings']} findings"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--pdf", action="store_true", help="the PDF case instead")
    parser.add_argument("--pages", type=int, default=300, help="pages of the largest PDF book")
    parser.add_argument("--pdf-child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.pdf_child is not None:
        _read_pdf_child(options.pdf_child)
        return
    if options.pdf:
        pdf_case(options.pages)
        return
    with tempfile.TemporaryDirectory() as folder:
        results = []
        for count in (options.notes // 2, options.notes):
            text, expected = build(count)
            path = Path(folder) / f"book-{count}.txt"
            path.write_text(text, encoding="utf-8")
            footnotes = find_footnotes(read_manuscript(path))
            got = [f.text for f in footnotes.footnotes]
            if got != expected:
                first = next(
                    i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b
                )
                raise SystemExit(f"note {first + 1} differs:\n{got[first]}\n{expected[first]}")
            if footnotes.findings:
                raise SystemExit(f"unexpected findings: {footnotes.findings[:3]}")
            seconds, wall = _time(path, 3)
            size = path.stat().st_size / 1e6
            results.append((count, size, seconds))
            print(
                f"{count:>6} notes, {size:5.2f} MB: read + footnotes {seconds:.3f} s CPU "
                f"({wall:.3f} s wall), best of 3"
            )
        (small, _, t_small), (large, _, t_large) = results
        print(f"growth x{large / small:.1f} in notes -> x{t_large / t_small:.2f} in CPU time")


if __name__ == "__main__":
    main()
