"""``citecheck check``: the whole pipeline, its reports and its exit code."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TextIO

from citecheck import pipeline
from citecheck.baseline import Baseline, load_baseline, write_baseline
from citecheck.cli._base import (
    PROVIDERS,
    Commands,
    Parser,
    UsageError,
    add_command,
    check_disabled_rules,
    common_settings,
    emit,
    network_options,
    read_manuscripts,
    settings_from,
    text,
)
from citecheck.export import export
from citecheck.footnotes import with_body_links
from citecheck.model import CheckRun, Severity
from citecheck.report import REPORTERS, write_report
from citecheck.report.progress import make_progress, progress_enabled
from citecheck.verdict import ExitCode, verdict

__all__ = ["parse_report_specs", "register", "report_options", "write_reports"]


def register(commands: Commands) -> None:
    check = add_command(
        commands,
        "check",
        "Check footnotes, citations, links, archives and consistency; report and exit 0/1/2/3.",
        "citecheck check essay.md --format sarif -o citecheck.sarif --fail-on warning",
        run,
    )
    check.add_argument("files", type=Path, nargs="+")
    report_options(check)
    check.add_argument("--bib", type=Path, help="also export the bibliography (BibTeX) here")
    check.add_argument(
        "--body-links",
        action="store_true",
        help="also check the links of the body text (inline, bare, <a href>), each as a note"
        " at its line (setting body-links)",
    )
    check.add_argument("--baseline", type=Path, help="accepted findings: fail only on new ones")
    check.add_argument(
        "--write-baseline",
        type=Path,
        metavar="PATH",
        help="write the run's findings as a baseline and exit 0",
    )
    network_options(check)
    common_settings(check)


def report_options(parser: Parser) -> None:
    """The options ``check`` shares with commands that run the same stages."""
    parser.add_argument("--format", choices=tuple(REPORTERS), default="text")
    parser.add_argument("-o", "--output", type=Path, help="write the report here, not stdout")
    parser.add_argument(
        "--report",
        action="append",
        default=[],
        metavar="FORMAT=PATH",
        help="also write a report in FORMAT to PATH (repeatable)",
    )
    parser.add_argument("--no-archive", action="store_true", help="skip the archive stage")
    parser.add_argument("--no-links", action="store_true", help="skip the link and archive stages")
    parser.add_argument(
        "--no-sources",
        action="store_true",
        help="do not look the cited works up in Crossref, OpenAlex or CourtListener",
    )
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="lowest severity that fails the run (default: error)",
    )
    parser.add_argument("--ledger", type=Path, help="facts ledger (TOML) to check against")
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        help="switch a rule off (repeatable)",
    )
    parser.add_argument(
        "--provider",
        action="append",
        choices=PROVIDERS,
        help="where new copies go: warc (local), wayback (Save Page Now, needs keys), "
        "perma (needs a key); repeatable, default warc. The Wayback look-up always runs",
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress output: no bar on a terminal, no line every 30 s of a long stage "
        "elsewhere (there is no bar when not on a terminal or when CI is set)",
    )


def parse_report_specs(
    specs: Sequence[str], *, formats: Collection[str] = tuple(REPORTERS)
) -> list[tuple[str, Path]]:
    """``--report FORMAT=PATH`` options as (format, path) pairs."""
    extra: list[tuple[str, Path]] = []
    for spec in specs:
        fmt, sep, where = spec.partition("=")
        if not sep or fmt not in formats or not where:
            raise UsageError(
                f"--report takes FORMAT=PATH with FORMAT one of {', '.join(formats)}; got {spec!r}"
            )
        extra.append((fmt, Path(where)))
    return extra


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    check_disabled_rules(settings, args)
    baseline: Baseline | None = (
        load_baseline(settings.baseline) if settings.baseline is not None else None
    )
    extra = parse_report_specs(args.report)

    files, footnote_sets = read_manuscripts(args.files)
    if args.body_links or settings.links.body_links:
        footnote_sets = tuple(with_body_links(s) for s in footnote_sets)
    # The citations are parsed while the links are checked (see run_check); the
    # bar counts the URLs the notes show, which the links stage starts on (no bar: not counted).
    # Offline, every link is "offline" at once: a bar would only flash.
    wanted = not args.no_progress and not settings.links.offline
    bar = progress_enabled(enabled=wanted)
    # Not on a terminal (a pipe, a CI log): a plain line every half minute of a long stage.
    total_urls = (
        len(pipeline.noted_urls(footnote_sets, doi_resolver=settings.links.doi_resolver))
        if wanted and not args.no_links
        else 0
    )
    with make_progress(total_urls, enabled=bar, lines=wanted) as advance:
        checked = pipeline.run_check(
            files,
            settings,
            links=not args.no_links,
            archive=not args.no_archive,
            progress=advance,
            archive_progress=advance,
            footnote_sets=footnote_sets,
            sources=not args.no_sources,
        )
    if args.write_baseline is not None:
        write_baseline(checked.findings, args.write_baseline)
        return ExitCode.OK
    write_reports(checked, args.format, args.output, extra, baseline=baseline)
    if args.bib is not None:
        bib = export(
            checked.citations, "bibtex", archives=checked.archives, sources=checked.sources
        )
        emit(args.bib, text(bib))
    return verdict(checked, fail_on=settings.fail_on, baseline=baseline)


def write_reports(
    run: CheckRun,
    fmt: str,
    output: Path | None,
    extra: Sequence[tuple[str, Path]],
    *,
    baseline: Baseline | None,
) -> None:
    """The main report and every ``--report FORMAT=PATH``."""
    for each_fmt, where in ((fmt, output), *extra):
        emit(where, functools.partial(_report_to, run, each_fmt, baseline=baseline))


def _report_to(run: CheckRun, fmt: str, out: TextIO, *, baseline: Baseline | None) -> None:
    write_report(run, fmt, out, baseline=baseline)
