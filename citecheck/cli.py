"""The ``citecheck`` command line: parse options, run the pipeline, write, exit.

Kept thin on purpose: each command builds settings, calls the pipeline or a
stage verb, picks a writer and returns an exit code. Every expected failure
(unreadable manuscript, bad config) becomes one line on stderr and exit 2;
nothing the user can cause prints a traceback.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from citecheck import __version__
from citecheck.archive.wacz import write_wacz
from citecheck.baseline import Baseline, load_baseline, write_baseline
from citecheck.config import Settings, load_settings
from citecheck.errors import CitecheckError
from citecheck.export import EXPORTERS, export
from citecheck.model import CheckRun, Severity
from citecheck.pipeline import cited_urls, read_citations, read_footnotes, run_check
from citecheck.report import REPORTERS, write_report
from citecheck.report.terminal import make_progress
from citecheck.rules import ALL_RULES
from citecheck.serialize import archive_json, citation_json, note_json
from citecheck.verdict import ExitCode, verdict

__all__ = ["main"]

PROVIDERS = ("wayback", "perma", "warc")


class _Parser(argparse.ArgumentParser):
    """argparse that exits with ExitCode.USAGE (2) and keeps examples verbatim."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"citecheck: error: {message}\n")


def _add_command(
    commands: argparse._SubParsersAction[_Parser], name: str, summary: str, example: str
) -> _Parser:
    return commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"Example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _common_settings(parser: _Parser) -> None:
    parser.add_argument("--config", type=Path, help="citecheck.toml or pyproject.toml to use")


def _network_options(parser: _Parser) -> None:
    parser.add_argument("--offline", action="store_true", help="make no network request at all")
    parser.add_argument("--cache", type=Path, help="SQLite link cache (default: user cache dir)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--timeout", type=float, help="seconds per request")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="REGEX",
        help="do not check URLs matching REGEX (repeatable)",
    )


def build_parser() -> _Parser:
    """The argument parser, also used by the docs test."""
    parser = _Parser(
        prog="citecheck",
        description="Verify the citations and footnotes of a manuscript before it is published.",
        epilog="Example:\n  citecheck check essay.md --format html -o report.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"citecheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    notes = _add_command(
        commands,
        "notes",
        "List the footnotes of a manuscript with the claims they support.",
        "citecheck notes essay.docx --format json",
    )
    notes.add_argument("file", type=Path)
    notes.add_argument("--format", choices=("text", "json"), default="text")
    notes.add_argument("-o", "--output", type=Path, help="write here instead of stdout")

    cite = _add_command(
        commands,
        "cite",
        "Parse every footnote into the works it cites; export a bibliography.",
        "citecheck cite essay.md --format bibtex -o essay.bib",
    )
    cite.add_argument("file", type=Path)
    cite.add_argument("--format", choices=("text", "json", *EXPORTERS), default="text")
    cite.add_argument("-o", "--output", type=Path, help="write here instead of stdout")

    check = _add_command(
        commands,
        "check",
        "Check footnotes, citations, links, archives and consistency; report and exit 0/1/2/3.",
        "citecheck check essay.md --format sarif -o citecheck.sarif --fail-on warning",
    )
    check.add_argument("files", type=Path, nargs="+")
    check.add_argument("--format", choices=tuple(REPORTERS), default="text")
    check.add_argument("-o", "--output", type=Path, help="write the report here, not stdout")
    check.add_argument(
        "--report",
        action="append",
        default=[],
        metavar="FORMAT=PATH",
        help="also write a report in FORMAT to PATH (repeatable)",
    )
    check.add_argument("--bib", type=Path, help="also export the bibliography (BibTeX) here")
    check.add_argument("--no-archive", action="store_true", help="skip the archive stage")
    check.add_argument("--no-links", action="store_true", help="skip the link and archive stages")
    check.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="lowest severity that fails the run (default: error)",
    )
    check.add_argument("--ledger", type=Path, help="facts ledger (TOML) to check against")
    check.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        help="switch a rule off (repeatable)",
    )
    check.add_argument("--baseline", type=Path, help="accepted findings: fail only on new ones")
    check.add_argument(
        "--write-baseline",
        type=Path,
        metavar="PATH",
        help="write the run's findings as a baseline and exit 0",
    )
    check.add_argument(
        "--provider",
        action="append",
        choices=PROVIDERS,
        help="where new copies go: warc (local), wayback (Save Page Now, needs keys), "
        "perma (needs a key); repeatable, default warc. The Wayback look-up always runs",
    )
    check.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (there is none anyway when not on a terminal or when CI is set)",
    )
    _network_options(check)
    _common_settings(check)

    archive = _add_command(
        commands,
        "archive",
        "Find the archived copy nearest each citation's date and capture every live cited page.",
        "citecheck archive essay.md --provider warc --provider wayback --format json",
    )
    archive.add_argument("files", type=Path, nargs="+")
    archive.add_argument(
        "--provider",
        action="append",
        choices=PROVIDERS,
        help="where new copies go: warc (local), wayback (Save Page Now, needs keys), "
        "perma (needs a key); repeatable, default warc. The Wayback look-up always runs",
    )
    archive.add_argument("--format", choices=("text", "json"), default="text")
    archive.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    archive.add_argument(
        "--save",
        action="store_true",
        help="ask Save Page Now for new Wayback captures, like --provider wayback "
        "(needs CITECHECK_IA_KEYS)",
    )
    archive.add_argument(
        "--wacz", type=Path, metavar="PATH", help="also package the local WARC captures as WACZ"
    )
    archive.add_argument("--warc-dir", type=Path, help="where local WARC captures go")
    _network_options(archive)
    _common_settings(archive)
    return parser


# --------------------------------------------------------------------------
# Settings from options
# --------------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(config=getattr(args, "config", None))
    links = settings.links
    if getattr(args, "offline", False):
        links = replace(links, offline=True)
    if getattr(args, "no_cache", False):
        links = replace(links, cache_path=None)
    elif getattr(args, "cache", None) is not None:
        links = replace(links, cache_path=args.cache)
    if getattr(args, "timeout", None) is not None:
        links = replace(links, timeout=args.timeout)
    if getattr(args, "exclude", None):
        links = replace(links, excludes=(*links.excludes, *args.exclude))
    archive = settings.archive
    if getattr(args, "provider", None):
        archive = replace(archive, providers=tuple(dict.fromkeys(args.provider)))
    if getattr(args, "save", False):
        archive = replace(archive, save_new=True)
    if getattr(args, "warc_dir", None) is not None:
        archive = replace(archive, warc_dir=args.warc_dir)
    if getattr(args, "no_archive", False):
        archive = replace(archive, enabled=False)
    checks = settings.checks
    if getattr(args, "ledger", None) is not None:
        checks = replace(checks, ledger=args.ledger)
    if getattr(args, "disable", None):
        checks = replace(checks, disabled_rules=(*checks.disabled_rules, *args.disable))
    settings = replace(settings, links=links, archive=archive, checks=checks)
    if getattr(args, "fail_on", None):
        settings = replace(settings, fail_on=Severity(args.fail_on))
    if getattr(args, "baseline", None) is not None:
        settings = replace(settings, baseline=args.baseline)
    return settings


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def _emit(output: Path | None, write: Callable[[TextIO], None]) -> None:
    """Write to a file (created with its folder) or to stdout."""
    if output is None:
        write(sys.stdout)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="\n") as handle:
        write(handle)


def _text(text: str) -> Callable[[TextIO], None]:
    def write(out: TextIO) -> None:
        out.write(text)

    return write


def _dump_json(data: object) -> Callable[[TextIO], None]:
    def write(out: TextIO) -> None:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")

    return write


def _cmd_notes(args: argparse.Namespace) -> int:
    (footnote_set,) = read_footnotes([args.file])
    if args.format == "json":
        _emit(args.output, _dump_json({"notes": [note_json(n) for n in footnote_set.footnotes]}))
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
        out.write(f"{len(footnote_set.footnotes)} notes\n")

    _emit(args.output, write)
    return ExitCode.OK


def _cmd_cite(args: argparse.Namespace) -> int:
    citations = read_citations(read_footnotes([args.file]))
    if args.format == "json":
        _emit(args.output, _dump_json({"citations": [citation_json(c) for c in citations]}))
    elif args.format in EXPORTERS:
        text = export(citations, args.format)
        _emit(args.output, _text(text))
    else:

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

        _emit(args.output, write)
    return ExitCode.OK


def _cmd_check(args: argparse.Namespace) -> int:
    settings = _settings(args)
    unknown = sorted(set(settings.checks.disabled_rules) - set(ALL_RULES))
    if unknown:
        raise _UsageError(
            f"no such rule to disable: {', '.join(unknown)} (see docs/checks.md for the ids)"
        )
    baseline: Baseline | None = (
        load_baseline(settings.baseline) if settings.baseline is not None else None
    )
    extra: list[tuple[str, Path]] = []
    for spec in args.report:
        fmt, sep, where = spec.partition("=")
        if not sep or fmt not in REPORTERS or not where:
            raise _UsageError(
                f"--report takes FORMAT=PATH with FORMAT one of "
                f"{', '.join(REPORTERS)}; got {spec!r}"
            )
        extra.append((fmt, Path(where)))

    footnote_sets = read_footnotes(args.files)
    citations = read_citations(footnote_sets)
    total_urls = (
        0 if args.no_links else len(cited_urls(citations, doi_resolver=settings.links.doi_resolver))
    )
    with make_progress(total_urls, enabled=not args.no_progress) as advance:
        run = run_check(
            args.files,
            settings,
            links=not args.no_links,
            archive=not args.no_archive,
            progress=advance,
            footnote_sets=footnote_sets,
            citations=citations,
        )
    if args.write_baseline is not None:
        write_baseline(run.findings, args.write_baseline)
        return ExitCode.OK
    _write_reports(run, args.format, args.output, extra, baseline=baseline)
    if args.bib is not None:
        text = export(run.citations, "bibtex", archives=run.archives)
        _emit(args.bib, _text(text))
    return verdict(run, fail_on=settings.fail_on, baseline=baseline)


def _write_reports(
    run: CheckRun,
    fmt: str,
    output: Path | None,
    extra: Sequence[tuple[str, Path]],
    *,
    baseline: Baseline | None,
) -> None:
    for each_fmt, where in ((fmt, output), *extra):
        _emit(where, functools.partial(_report_to, run, each_fmt, baseline=baseline))


def _report_to(run: CheckRun, fmt: str, out: TextIO, *, baseline: Baseline | None) -> None:
    write_report(run, fmt, out, baseline=baseline)


def _cmd_archive(args: argparse.Namespace) -> int:
    settings = _settings(args)
    run = run_check(args.files, settings, checks=False)
    entries = [archive_json(result) for result in run.archives]
    if args.wacz is not None:
        _package_wacz(run, args.wacz)
    note = run.archive_skipped_reason if run.offline else None
    if args.format == "json":
        _emit(args.output, _dump_json({"archives": entries, "offline": run.offline, "note": note}))
    else:

        def write(out: TextIO) -> None:
            if note:
                out.write(f"{note}\n")
            for entry in entries:
                snap = entry["cited_snapshot"]
                out.write(f"{entry['url']}\n")
                out.write(
                    f"  cited {entry['citation_date'] or 'undated'}; "
                    f"snapshot: {snap['archive_url'] if snap else 'none found'}\n"
                )
                for cap in entry["captures"]:
                    out.write(f"  {cap['provider']}: {cap['archive_url'] or cap['path']}\n")
                for problem in entry["problems"]:
                    out.write(f"  ! {problem}\n")
            out.write(f"{len(entries)} archived URLs\n")

        _emit(args.output, write)
    return ExitCode.UNVERIFIED if run.offline else ExitCode.OK


def _package_wacz(run: CheckRun, destination: Path) -> None:
    if destination.exists():
        raise _UsageError(f"{destination}: exists; a WACZ file is never overwritten")
    captures = [capture for result in run.archives for capture in result.captures]
    title = ", ".join(Path(m.path).name for m in run.manuscripts)
    try:
        write_wacz(destination, captures, title=f"Pages cited by {title}")
    except FileExistsError:
        raise _UsageError(f"{destination}: exists; a WACZ file is never overwritten") from None
    except ValueError as error:
        raise _UsageError(f"{destination}: not written: {error}") from None


class _UsageError(Exception):
    """Options that parse but do not make sense together."""


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "notes": _cmd_notes,
    "cite": _cmd_cite,
    "check": _cmd_check,
    "archive": _cmd_archive,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see ``verdict.ExitCode``)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        return int(_COMMANDS[args.command](args))
    except _UsageError as error:
        print(f"citecheck: error: {error}", file=sys.stderr)
        return ExitCode.USAGE
    except CitecheckError as error:
        print(f"citecheck: error: {error}", file=sys.stderr)
        return ExitCode.USAGE
    except KeyboardInterrupt:
        print("citecheck: interrupted; link results so far are kept in the cache", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return ExitCode.OK
    except OSError as error:
        # Writing a report or the bibliography failed (folder missing rights, disk full).
        where = error.filename or "output"
        print(f"citecheck: error: {where}: {error.strerror or error}", file=sys.stderr)
        return ExitCode.USAGE
    except Exception as error:
        if os.environ.get("CITECHECK_DEBUG"):
            raise
        print(
            f"citecheck: internal error: {type(error).__name__}: {error}. This is a bug in "
            "citecheck; rerun with CITECHECK_DEBUG=1 for the traceback and report it. "
            "Link results checked so far are kept in the cache.",
            file=sys.stderr,
        )
        return ExitCode.INTERNAL
