"""``citecheck sources``: each cited work looked up (Crossref, OpenAlex, CourtListener), alone."""

from __future__ import annotations

import argparse
from collections.abc import Callable
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
from citecheck.model import Citation, Finding, Severity, SourceResult
from citecheck.serialize import citation_json, finding_json, source_json
from citecheck.verdict import ExitCode

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
    if args.format == "json":
        emit(
            args.output,
            dump_json(
                {
                    "sources": [source_json(r) for r in outcome.results],
                    "unverified": list(outcome.unverified),
                    "findings": [finding_json(f) for f in findings],
                    "citations": [citation_json(c) for c in outcome.citations],
                }
            ),
        )
    else:
        emit(args.output, _text(outcome.citations, outcome.results, outcome.unverified, findings))
    for fmt, where in exports:
        emit(where, text(export(outcome.citations, fmt, sources=outcome.results)))
    fail_on = settings.fail_on
    if any(f.severity.rank >= fail_on.rank and f.rule != "work-unverified" for f in findings):
        return ExitCode.FAILED
    return ExitCode.UNVERIFIED if outcome.unverified else ExitCode.OK


def _text(
    citations: tuple[Citation, ...],
    results: tuple[SourceResult, ...],
    unverified: tuple[str, ...],
    findings: tuple[Finding, ...],
) -> Callable[[TextIO], None]:
    by_index = {c.index: c for c in citations}

    def write(out: TextIO) -> None:
        for result in results:
            citation = by_index[result.citation]
            what = citation.title or citation.raw[:60]
            line = f"{citation.location}  note {result.note}  {result.status.value:<10}  {what}"
            out.write(line + "\n")
            if result.reason:
                out.write(f"    {result.reason}\n")
            if result.doi_added:
                out.write(f"    DOI added from {result.doi_source}: {result.doi_added}\n")
        for problem in unverified:
            out.write(f"unverified: {problem}\n")
        for finding in findings:
            where = f"{finding.location}: {finding.severity.value}"
            out.write(f"{where}: [{finding.rule}] {finding.message}\n")
        if not findings:
            out.write("no problems found\n")

    return write
