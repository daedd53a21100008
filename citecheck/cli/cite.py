"""``citecheck cite``: every citation parsed into fields; bibliography export."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from citecheck import pipeline
from citecheck.cli._base import Commands, add_command, dump_json, emit, text
from citecheck.export import EXPORTERS, export
from citecheck.serialize import citation_json
from citecheck.verdict import ExitCode

__all__ = ["register"]


def register(commands: Commands) -> None:
    cite = add_command(
        commands,
        "cite",
        "Parse every footnote into the works it cites; export a bibliography.",
        "citecheck cite essay.md --format bibtex -o essay.bib",
        run,
    )
    cite.add_argument("file", type=Path)
    cite.add_argument("--format", choices=("text", "json", *EXPORTERS), default="text")
    cite.add_argument("-o", "--output", type=Path, help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    citations = pipeline.read_citations(pipeline.read_footnotes([args.file]))
    if args.format == "json":
        emit(args.output, dump_json({"citations": [citation_json(c) for c in citations]}))
        return ExitCode.OK
    if args.format in EXPORTERS:
        emit(args.output, text(export(citations, args.format)))
        return ExitCode.OK

    def write(out: TextIO) -> None:
        for c in citations:
            authors = "; ".join(
                p.family if p.given is None else f"{p.family}, {p.given}" for p in c.authors
            )
            fields = [f"{c.type.value}"]
            if c.short_form:
                fields.append(f"{c.short_form.value} -> {c.antecedent}")
            for name, value in (
                ("by", authors),
                ("title", c.title),
                ("in", c.container),
                ("date", c.date and c.date.isoformat()),
                ("url", c.url),
                ("work", c.work),
                ("problem", c.problem),
            ):
                if value:
                    fields.append(f"{name}: {value}")
            out.write(f"[{c.note}] " + " | ".join(fields) + "\n")
        out.write(f"{len(citations)} citations\n")

    emit(args.output, write)
    return ExitCode.OK
