"""Rebuild the converted versions of the sample manuscript.

The sample (references/us-mexico-border-essays.txt) marks notes with
``<sup>n</sup>``, which Pandoc reads as raw HTML, not as footnotes. This
script turns it into Pandoc Markdown with real ``[^n]`` footnotes, using
citecheck's own plain-text reading to know which paragraphs are notes
(including the pieces of notes 11 and 17 that follow a page break), and
then asks Pandoc for LaTeX. Run from the repository root::

    .venv/bin/python tests/corpus/sample/make_sample.py          # both files
    .venv/bin/python tests/corpus/sample/make_sample.py --check  # compare only

Pandoc reads the Markdown with ``-smart`` so that it passes quotes, dashes
and ellipses through unchanged: the conversion stays lossless and the
"same notes in every format" test can compare texts exactly.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SAMPLE = ROOT / "references" / "us-mexico-border-essays.txt"
MARKDOWN = HERE / "us-mexico-border-essays.md"
LATEX = HERE / "us-mexico-border-essays.tex"

_MARKER = re.compile(r"<sup>(\d+)</sup>")
_OTHER_SUP = re.compile(r"<sup>([^<\s]+)</sup>")
_RULE = re.compile(r"\s*-{3,}\s*")


def to_markdown() -> str:
    """The sample as Pandoc Markdown with ``[^n]`` footnotes."""
    sys.path.insert(0, str(ROOT))
    from citecheck.readers import read_manuscript

    manuscript = read_manuscript(SAMPLE)
    note_starts = {note.location.line for note in manuscript.notes}
    text = SAMPLE.read_text(encoding="utf-8")
    paragraphs: list[tuple[int, str]] = []
    lines = text.split("\n")
    start = None
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip() and start is None:
            start = number
        elif not line.strip() and start is not None:
            paragraphs.append((start, "\n".join(lines[start - 1 : number - 1])))
            start = None

    body: list[str] = []
    for line, paragraph in paragraphs:
        if line in note_starts or _RULE.fullmatch(paragraph):
            continue  # notes move to the end; rules were page layout
        if any(_plain_lines(paragraph) in note.raw for note in manuscript.notes):
            continue  # the tail of a note that a page break cut
        converted = _MARKER.sub(r"[^\1]", paragraph)
        body.append(_OTHER_SUP.sub(r"^\1^", converted))

    definitions = []
    for note in manuscript.notes:
        first, *rest = _OTHER_SUP.sub(r"^\1^", note.raw).split("\n")
        definitions.append("\n".join([f"[^{note.label}]: {first}", *("    " + r for r in rest)]))
    return "\n\n".join(body) + "\n\n" + "\n\n".join(definitions) + "\n"


def _plain_lines(paragraph: str) -> str:
    return "\n".join(line.rstrip() for line in paragraph.split("\n"))


def to_latex(markdown: str) -> str:
    """Pandoc's standalone LaTeX for the Markdown."""
    result = subprocess.run(
        ["pandoc", "-f", "markdown-smart", "-t", "latex", "-s", "--wrap=auto"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    return result.stdout


def main(argv: list[str]) -> int:
    markdown = to_markdown()
    latex = to_latex(markdown)
    if "--check" in argv:
        same = MARKDOWN.read_text(encoding="utf-8") == markdown
        same = same and LATEX.read_text(encoding="utf-8") == latex
        print("up to date" if same else "out of date: run without --check")
        return 0 if same else 1
    MARKDOWN.write_text(markdown, encoding="utf-8")
    LATEX.write_text(latex, encoding="utf-8")
    print(f"wrote {MARKDOWN.relative_to(ROOT)} and {LATEX.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
