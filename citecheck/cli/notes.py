"""``citecheck notes``: the footnotes of one manuscript with their claims."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from citecheck import pipeline
from citecheck.cli._base import Commands, add_command, dump_json, emit
from citecheck.model import IN_TEXT
from citecheck.serialize import note_json
from citecheck.verdict import ExitCode

__all__ = ["register"]


def register(commands: Commands) -> None:
    notes = add_command(
        commands,
        "notes",
        "List the footnotes of a manuscript with the claims they support.",
        "citecheck notes essay.docx --format json",
        run,
    )
    notes.add_argument("file", type=Path)
    notes.add_argument("--format", choices=("text", "json"), default="text")
    notes.add_argument("-o", "--output", type=Path, help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    (footnote_set,) = pipeline.read_footnotes([args.file])
    if args.format == "json":
        emit(args.output, dump_json({"notes": [note_json(n) for n in footnote_set.footnotes]}))
        return ExitCode.OK

    def write(out: TextIO) -> None:
        for note in footnote_set.footnotes:
            out.write(f"[{note.label}] {note.location}\n")
            if note.claim:
                out.write(f"  claim: {note.claim}\n")
            out.write(f"  note:  {note.text}\n")
        for finding in footnote_set.findings:
            out.write(
                f"{finding.location}: {finding.severity.value}: {finding.message}"
                f" [{finding.rule}]\n"
            )
        in_text = sum(1 for n in footnote_set.footnotes if n.label.startswith(IN_TEXT))
        count = f"{len(footnote_set.footnotes) - in_text} notes"
        out.write(f"{count}, {in_text} in-text citations\n" if in_text else f"{count}\n")

    emit(args.output, write)
    return ExitCode.OK
