"""``citecheck sources``: each cited work looked up (Crossref, OpenAlex, CourtListener), alone."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from citecheck import event_loop, pipeline
from citecheck.cli._base import (
    Commands,
    UsageError,
    add_command,
    common_settings,
    dump_json,
    emit,
    network_options,
    read_manuscripts,
    settings_from,
    text,
)
from citecheck.export import EXPORTERS, export
from citecheck.model import Citation, Finding, Footnote, FootnoteSet, Severity, SourceResult
from citecheck.serialize import citation_json, finding_json, source_json
from citecheck.verdict import exit_code

__all__ = ["register"]


def register(commands: Commands) -> None:
    sources = add_command(
        commands,
        "sources",
        "Look each cited work up: does it exist, does the citation match it, is it retracted?",
        "citecheck sources essay.md --format json -o sources.json",
        run,
    )
    sources.add_argument("files", type=Path, nargs="+")
    sources.add_argument("--format", choices=("text", "json"), default="text")
    sources.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    sources.add_argument(
        "--export",
        action="append",
        default=[],
        metavar="FORMAT=PATH",
        help=f"also write the bibliography, with the DOIs found, as FORMAT "
        f"({', '.join(EXPORTERS)}) to PATH (repeatable)",
    )
    sources.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="lowest severity that makes the command exit 1 (default: error)",
    )
    network_options(sources)
    common_settings(sources)


def run(args: argparse.Namespace) -> int:
    from citecheck.sources import SourcesOutcome, work_findings  # not for other commands

    settings = settings_from(args)
    exports = []
    for spec in args.export:
        fmt, sep, where = spec.partition("=")
        if not sep or fmt not in EXPORTERS or not where:
            raise UsageError(
                f"--export takes FORMAT=PATH with FORMAT one of {', '.join(EXPORTERS)}; "
                f"got {spec!r}"
            )
        exports.append((fmt, Path(where)))
    _, footnote_sets = read_manuscripts(args.files)
    citations = pipeline.read_citations(footnote_sets)
    if settings.links.offline:
        outcome = SourcesOutcome((), tuple(citations), ("offline: no source was looked up",))
    else:
        outcome = event_loop.run(
            pipeline.run_sources(citations, settings, footnote_sets=footnote_sets)
        )
    findings = work_findings(outcome.citations, outcome.results, outcome.unverified)
    bare = without_citation(footnote_sets, citations)
    if args.format == "json":
        emit(
            args.output,
            dump_json(
                {
                    "sources": [source_json(r) for r in outcome.results],
                    "unverified": list(outcome.unverified),
                    "findings": [finding_json(f) for f in findings],
                    "citations": [citation_json(c) for c in outcome.citations],
                    # Notes nothing was looked up for: the parser found no citation in them.
                    "no_citation": [
                        {"path": n.location.path, "line": n.location.line, "note": n.label}
                        for n in bare
                    ],
                }
            ),
        )
    else:
        emit(
            args.output,
            _text(outcome.citations, outcome.results, outcome.unverified, findings, bare),
        )
    for fmt, where in exports:
        emit(where, text(export(outcome.citations, fmt, sources=outcome.results)))
    return exit_code(
        findings, fail_on=settings.fail_on, baseline=None, works_unverified=outcome.unverified
    )


def without_citation(
    footnote_sets: Sequence[FootnoteSet], citations: Sequence[Citation]
) -> list[Footnote]:
    """The notes the parser found no citation in: nothing was looked up for them."""
    cited = {(c.location.path, c.note) for c in citations}
    return [
        note
        for footnote_set in footnote_sets
        for note in footnote_set.footnotes
        if (note.location.path, note.label) not in cited
    ]


def _text(
    citations: tuple[Citation, ...],
    results: tuple[SourceResult, ...],
    unverified: tuple[str, ...],
    findings: tuple[Finding, ...],
    bare: list[Footnote],
) -> Callable[[TextIO], None]:
    by_index = {c.index: c for c in citations}
    # One line per result, and one per note without a citation, in manuscript order.
    lines: list[tuple[str, int, int, list[str]]] = []
    for order, result in enumerate(results):
        citation = by_index[result.citation]
        what = citation.title or citation.raw[:60]
        text = [f"{citation.location}  note {result.note}  {result.status.value:<10}  {what}"]
        if result.reason:
            text.append(f"    {result.reason}")
        if result.doi_added:
            text.append(f"    DOI added from {result.doi_source}: {result.doi_added}")
        lines.append((citation.location.path, citation.location.line, order, text))
    for note in bare:
        text = [
            f"{note.location}  note {note.label}  {'skipped':<10}  {note.text[:60]}",
            "    no citation found in this note: nothing was looked up",
        ]
        lines.append((note.location.path, note.location.line, -1, text))
    paths = {path: i for i, path in enumerate(dict.fromkeys(p for p, *_ in lines))}
    lines.sort(key=lambda item: (paths[item[0]], item[1], item[2]))

    def write(out: TextIO) -> None:
        for *_, text in lines:
            for line in text:
                out.write(line + "\n")
        for problem in unverified:
            out.write(f"unverified: {problem}\n")
        for finding in findings:
            where = f"{finding.location}: {finding.severity.value}"
            out.write(f"{where}: [{finding.rule}] {finding.message}\n")
        if not findings:
            out.write("no problems found\n")

    return write
