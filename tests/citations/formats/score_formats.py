"""Score the citation parser on the labelled notes read back from every format, with italics.

Usage (from the repository root)::

    python tests/citations/formats/score_formats.py             # the table
    python tests/citations/formats/score_formats.py --json      # the figures as JSON
    python tests/citations/formats/score_formats.py --record "after the readers"

The hand-labelled sets (``tests/citations/gold``, ``heldout``,
``heldout_intl``; written by other hands) give note texts without styling.
``formats_conventions`` adds the italics each style prints (a book's title, a
journal's name, a case name), derived from the labels alone. Each labelled
file is then written as a manuscript in Markdown (``*x*`` and ``_x_``), HTML,
DOCX, LaTeX and PDF (``formats_writers``, ``formats_pdf``), read back with
citecheck's own readers and footnotes stage, parsed, and scored with
``tests/citations/score.py``'s scoring. Two rows need no reader: *plain* is
``score.py``'s own figure (the texts as labelled, no italics), and *italics*
hands the parser each note with its italics as ``*x*`` markup directly (what
a reader that carries the styling should reach).

A reader that loses the italics scores like *plain* or below; one that
keeps them scores like *italics*. ``--record LABEL`` appends the table, with
the commit, to ``first_run.txt``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))  # score.py
if __name__ == "__main__":
    sys.path.insert(0, str(REPO))

import formats_pdf  # noqa: E402
import formats_writers  # noqa: E402
import score  # noqa: E402
from formats_conventions import italic_spans, segments  # noqa: E402

from citecheck.citations import _source, parse_citations  # noqa: E402
from citecheck.footnotes import find_footnotes  # noqa: E402
from citecheck.model import Citation, Footnote, Location  # noqa: E402
from citecheck.readers import read_manuscript  # noqa: E402

__all__ = ["FORMATS", "ROWS", "SETS", "measure", "styled_notes"]

SETS = {
    "gold": HERE.parent / "gold",
    "heldout": HERE.parent / "heldout",
    "heldout_intl": HERE.parent / "heldout_intl",
}
Note = list[tuple[str, bool]]
Writer = Callable[[Sequence[Note], Sequence[str]], bytes]


def _markdown_underscores(notes: Sequence[Note], sentences: Sequence[str]) -> bytes:
    return formats_writers.markdown(notes, sentences, mark="_")


# Format -> (file extension, writer).
FORMATS: dict[str, tuple[str, Writer]] = {
    "markdown": ("md", formats_writers.markdown),
    "markdown_": ("md", _markdown_underscores),
    "html": ("html", formats_writers.html_page),
    "docx": ("docx", formats_writers.docx),
    "latex": ("tex", formats_writers.latex),
    "pdf": ("pdf", formats_pdf.pdf),
}
ROWS = ("plain", "italics", *FORMATS)


def styled_notes(notes: Sequence[score.GoldNote]) -> list[Note]:
    """Each note as (text, italic) runs, italic where its style prints italics."""
    return [segments(n.text, italic_spans(n.style, n.text, n.citations)) for n in notes]


def _markup(note: Note) -> str:
    return "".join(f"*{t}*" if italic else t for t, italic in note)


def _direct_footnotes(notes: Sequence[score.GoldNote], *, italics: bool) -> list[Footnote]:
    styled = styled_notes(notes) if italics else [[(n.text, False)] for n in notes]
    return [
        Footnote(
            label=n.label,
            text=n.text,
            claim="",
            location=Location(n.path, n.line),
            raw=_markup(s) if italics else "",
        )
        for n, s in zip(notes, styled, strict=True)
    ]


def carried(notes: Sequence[score.GoldNote], footnotes: Sequence[Footnote]) -> int:
    """How many of the notes' italic spans reach the parser as italics.

    What the parser reads of each note (``citecheck.citations._source``, the
    one place that decides) is compared with the italics the style printed:
    a span counts when the parser sees the same words in italics.
    """
    by_label = {f.label: f for f in footnotes}
    found = 0
    for index, (note, runs) in enumerate(zip(notes, styled_notes(notes), strict=True), start=1):
        footnote = by_label.get(note.label) or by_label.get(str(index))
        if footnote is None:
            continue
        cleaned = _source(footnote)
        seen = [" ".join(cleaned.text[a:b].split()) for a, b in cleaned.italics]
        for text, italic in runs:
            if italic and " ".join(text.split()) in seen:
                seen.remove(" ".join(text.split()))
                found += 1
    return found


def _read_back(
    fmt: str, notes: Sequence[score.GoldNote], folder: Path
) -> tuple[tuple[Citation, ...], tuple[Footnote, ...]]:
    """The parser's citations of the manuscript written in ``fmt``, and its footnotes."""
    extension, writer = FORMATS[fmt]
    styled = styled_notes(notes)
    sentences = formats_writers.body_sentences(len(notes), [len(n.text) for n in notes])
    path = folder / f"{notes[0].style}-{fmt}.{extension}"
    path.write_bytes(writer(styled, sentences))
    footnotes = find_footnotes(read_manuscript(path)).footnotes
    # The manuscript numbers its notes 1, 2, 3 ...: back to the labels of the set.
    labels = {str(i): n.label for i, n in enumerate(notes, start=1)}
    citations = parse_citations(footnotes)
    return tuple(replace(c, note=labels.get(c.note, f"?{c.note}")) for c in citations), footnotes


def measure(
    sets: Sequence[str] = tuple(SETS), rows: Sequence[str] = ROWS
) -> dict[str, dict[str, Any]]:
    """row -> set -> {micro, citations, notes, notes_read, italics_carried, styles}.

    ``styles`` maps each style of the set to its micro-F1; ``all`` pools the sets.
    """
    result: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="citecheck-formats-") as tmp:
        folder = Path(tmp)
        for row in rows:
            result[row] = {}
            total = score.Scores()
            read_total = spans_total = 0
            for name in sets:
                overall = score.Scores()
                styles: dict[str, float] = {}
                read = spans = 0
                for style, notes in score.load_gold(SETS[name]).items():
                    if row in ("plain", "italics"):
                        footnotes = _direct_footnotes(notes, italics=row == "italics")
                        predicted = tuple(parse_citations(footnotes))
                    else:
                        predicted, footnotes = _read_back(row, notes, folder)
                    read += len(footnotes)
                    spans += carried(notes, footnotes)
                    scores = score.score(notes, predicted)
                    overall.add(scores)
                    styles[style] = scores.micro().figures()["f1"]
                total.add(overall)
                read_total += read
                spans_total += spans
                result[row][name] = _figures(overall, read, spans, styles)
            result[row]["all"] = _figures(total, read_total, spans_total, {})
    return result


def _figures(
    scores: score.Scores, read: int, spans: int, styles: dict[str, float]
) -> dict[str, Any]:
    return {
        "micro": scores.micro().figures()["f1"],
        "citations": scores.segmentation.figures()["f1"],
        "notes": scores.notes,
        "notes_read": read,
        "italics_carried": spans,
        "styles": styles,
    }


def spans_count(sets: Sequence[str] = tuple(SETS)) -> tuple[int, int, int]:
    """(italic spans, notes with one, notes) over the sets."""
    spans = with_spans = total = 0
    for name in sets:
        for notes in score.load_gold(SETS[name]).values():
            for note in styled_notes(notes):
                count = sum(1 for _, italic in note if italic)
                spans += count
                with_spans += count > 0
                total += 1
    return spans, with_spans, total


def table(result: dict[str, dict[str, Any]]) -> str:
    sets = list(next(iter(result.values())))
    head = f"{'format':<11}" + "".join(f"{name:>22}" for name in sets) + f"{'italics':>10}"
    sub = f"{'':<11}" + "".join(f"{'micro-F1':>12}{'cites F1':>10}" for _ in sets)
    sub += f"{'carried':>10}"
    rows = [head, sub]
    for row, by_set in result.items():
        cells = "".join(f"{by_set[s]['micro']:>12.4f}{by_set[s]['citations']:>10.4f}" for s in sets)
        short = [s for s in sets if by_set[s]["notes_read"] != by_set[s]["notes"]]
        flag = "  notes read: " + ", ".join(
            f"{s} {by_set[s]['notes_read']}/{by_set[s]['notes']}" for s in short
        )
        cells += f"{by_set['all']['italics_carried']:>10}"
        rows.append(f"{row:<11}{cells}{flag if short else ''}")
    spans, with_spans, notes = spans_count([s for s in sets if s in SETS])
    rows.append(
        f"(italic spans: {spans} in {with_spans} of {notes} notes; 'carried': how many reach"
        " the parser as italics)"
    )
    return "\n".join(rows)


def _commit() -> str:
    """The last commit that changed citecheck/ (the code measured), and whether it is dirty."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "log", "-1", "--format=%h", "--", "citecheck"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "citecheck"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' with uncommitted changes' if dirty else ''}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--formats", help="comma-separated rows to measure (default: all)")
    parser.add_argument("--record", metavar="LABEL", help="append the table to first_run.txt")
    args = parser.parse_args(argv)
    rows = args.formats.split(",") if args.formats else list(ROWS)
    unknown = [r for r in rows if r not in ROWS]
    if unknown:
        parser.error(f"unknown rows {unknown} (known: {', '.join(ROWS)})")
    result = measure(rows=rows)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    text = table(result)
    print(text)
    if args.record:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%MZ")
        with (HERE / "first_run.txt").open("a", encoding="utf-8") as out:
            out.write(f"\n## {args.record}\n\ncitecheck/ at {_commit()}, {stamp}\n\n{text}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
