"""Generate a long PDF book with footnotes on every page, for benchmarks/read.py.

A Pandoc Markdown manuscript of generated prose (fixed seed), each
paragraph with one or two footnotes, some long enough to run on to the next
page, typeset by pandoc -> pdflatex on A5 pages with a running head. The
PDF is written next to a JSON file of the notes' expected texts. Neither is
committed (tens of megabytes of fonts and text would be noise in git).

    python benchmarks/make_pdf_book.py --pages 300 --out /tmp/book.pdf

Needs pandoc and pdflatex (texlive-latex-base, -latex-recommended,
-fonts-recommended, lmodern).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import tempfile
from pathlib import Path

_WORDS = [
    *("border", "trade", "security", "flows", "policy", "river", "crossing", "ports"),
    *("customs", "inspection", "agency", "treaty", "commission", "cooperation"),
    *("migration", "economy", "regional", "partnership", "management", "framework"),
    *("homeland", "enforcement", "bilateral", "integration", "infrastructure"),
    *("traffic", "officials", "community", "travellers", "freight", "corridor"),
]
_SOURCES = (
    "Alan D. Bersin, “Lines and Flows,” Brooklyn Journal of International Law, vol. 37",
    "U.S. Census Bureau, Foreign Trade, https://www.census.gov/foreign-trade/c2010.html",
    "Shannon K. O’Neil, Two Nations Indivisible (Oxford: Oxford University Press, 2013)",
)
_HEAD = r"""
\usepackage{fancyhdr}
\pagestyle{fancy}
\fancyhead[L]{\small A Generated Book of Essays}
\fancyhead[R]{\small\thepage}
"""
# Paragraphs per page on A5 at 10 pt, measured: about two.
_PARAGRAPHS_PER_PAGE = 2.05


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def manuscript(pages: int, seed: int = 11) -> tuple[str, list[str]]:
    """The Markdown text and the expected text of each note."""
    rng = random.Random(seed)
    body: list[str] = ["# A Generated Book of Essays"]
    notes: list[str] = []
    expected: list[str] = []
    for index in range(int(pages * _PARAGRAPHS_PER_PAGE)):
        if index % 40 == 0 and index:
            body.append(f"## Chapter {index // 40 + 1}")
        sentences = []
        for _ in range(rng.randint(1, 2)):
            sentences.append(_sentence(rng, rng.randint(20, 40)) + ".")
            words = rng.randint(12, 30) if rng.random() > 0.1 else rng.randint(120, 180)
            note = f"{_sentence(rng, words)}; {rng.choice(_SOURCES)}, {rng.randint(1, 400)}."
            notes.append(f"[^{len(notes) + 1}]: {note}")
            expected.append(note)
            sentences[-1] += f"[^{len(notes)}]"
        sentences.append(_sentence(rng, rng.randint(30, 70)) + ".")
        body.append(" ".join(sentences))
    return "\n\n".join(body + notes) + "\n", expected


def build(pages: int, out: Path) -> list[str]:
    """Typeset a book of about ``pages`` pages to ``out``; the notes' texts."""
    text, expected = manuscript(pages)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "book.md").write_text(text, encoding="utf-8")
        (folder / "head.tex").write_text(_HEAD, encoding="utf-8")
        subprocess.run(
            [
                "pandoc",
                "-f",
                "markdown-smart",
                "-s",
                "-H",
                "head.tex",
                "-V",
                "geometry:a5paper,margin=18mm",
                "-V",
                "fontsize=10pt",
                "book.md",
                "-o",
                "book.tex",
            ],
            cwd=folder,
            check=True,
            capture_output=True,
        )
        subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "book.tex"],
            cwd=folder,
            check=True,
            capture_output=True,
        )
        out.write_bytes((folder / "book.pdf").read_bytes())
    out.with_suffix(".notes.json").write_text(json.dumps(expected), encoding="utf-8")
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args()
    build(options.pages, options.out)
    print(options.out)


if __name__ == "__main__":
    main()
