"""What every command shares: the argument parser class, common options,
settings from options, and writing to a file or stdout."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO, TypeAlias

from citecheck.config import ARCHIVE_PROVIDERS, Settings, load_settings, regex_problem
from citecheck.errors import ConfigError, InputError
from citecheck.model import FootnoteSet, Severity
from citecheck.verdict import ExitCode

__all__ = [
    "PROVIDERS",
    "Commands",
    "Parser",
    "UsageError",
    "add_command",
    "check_disabled_rules",
    "common_settings",
    "dump_json",
    "emit",
    "network_options",
    "read_manuscripts",
    "settings_from",
    "text",
]

PROVIDERS = ARCHIVE_PROVIDERS  # the --provider choices: the names the settings accept


class Parser(argparse.ArgumentParser):
    """argparse that exits with ExitCode.USAGE (2) and keeps examples verbatim."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"citecheck: error: {message}\n")


# The sub-parsers object that commands register on (argparse has no public name for it).
Commands: TypeAlias = "argparse._SubParsersAction[Parser]"


class UsageError(Exception):
    """Options that parse but do not make sense together."""


def add_command(
    commands: Commands,
    name: str,
    summary: str,
    example: str,
    run: Callable[[argparse.Namespace], int],
) -> Parser:
    """A sub-command whose ``--help`` ends with an example; ``run`` executes it."""
    parser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"Example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)
    return parser


def common_settings(parser: Parser) -> None:
    parser.add_argument("--config", type=Path, help="citecheck.toml or pyproject.toml to use")


def network_options(parser: Parser) -> None:
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


def _notice(message: str) -> None:
    print(f"citecheck: {message}", file=sys.stderr)


def settings_from(args: argparse.Namespace) -> Settings:
    """The config file's settings, overridden by whatever options the command has."""
    settings = load_settings(config=getattr(args, "config", None), notice=_notice)
    links = settings.links
    if getattr(args, "offline", False):
        links = replace(links, offline=True)
    if getattr(args, "no_cache", False):
        links = replace(links, cache_path=None)
    elif getattr(args, "cache", None) is not None:
        links = replace(links, cache_path=args.cache)
    if getattr(args, "timeout", None) is not None:
        if not args.timeout > 0:  # also NaN
            raise UsageError(f"--timeout must be more than 0 seconds, not {args.timeout}")
        links = replace(links, timeout=args.timeout)
    if getattr(args, "exclude", None):
        for pattern in args.exclude:
            if (problem := regex_problem(pattern)) is not None:
                raise UsageError(f"--exclude: {problem}")
        links = replace(links, excludes=(*links.excludes, *args.exclude))
    if hasattr(args, "cache") and links.cache_path is not None:
        _check_cache(links.cache_path)
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
    sources = settings.sources
    if getattr(args, "no_sources", False):
        sources = replace(sources, enabled=False)
    settings = replace(settings, links=links, archive=archive, checks=checks, sources=sources)
    if getattr(args, "fail_on", None):
        settings = replace(settings, fail_on=Severity(args.fail_on))
    if getattr(args, "baseline", None) is not None:
        settings = replace(settings, baseline=args.baseline)
    return settings


def read_manuscripts(files: Sequence[Path]) -> tuple[list[Path], tuple[FootnoteSet, ...]]:
    """The manuscripts named (each once, however often given) and their notes.

    All are read before any is checked: one that cannot be read stops the run
    before anything is fetched, and its line says that nothing was checked and
    how many others cannot be read either (``batch`` checks the readable ones
    and reports each unreadable one).
    """
    from citecheck import pipeline  # every reader: only for commands that read manuscripts

    unique: list[Path] = []
    seen: set[str] = set()
    for path in files:
        if (real := os.path.realpath(path)) not in seen:  # the same file by another spelling too
            seen.add(real)
            unique.append(path)
    sets: list[FootnoteSet] = []
    failed: list[InputError] = []
    for path in unique:
        try:
            sets.extend(pipeline.read_footnotes([path]))
        except InputError as error:
            failed.append(error)
    if not failed:
        for footnotes in sets:  # a warning in the report too; here so that a CI log shows it
            for finding in footnotes.findings:
                if finding.rule == "no-notes-found":
                    _notice(f"{finding.location.path}: warning: {finding.message}")
        return unique, tuple(sets)
    first = failed[0]
    if len(unique) == 1:
        raise first
    others = ""
    if len(failed) > 1:
        others = f"; {len(failed) - 1} more of the {len(unique)} cannot be read either"
    raise type(first)(
        first.path,
        f"{first.problem}; nothing was checked{others} "
        "(citecheck batch checks the readable ones and lists the others)",
        line=first.line,
    )


def check_disabled_rules(settings: Settings, args: argparse.Namespace) -> None:
    """Every rule to disable exists; else one line naming where it was asked for.

    A rule from the config file names the file, one from ``--disable`` the
    option; each unknown id comes with the closest real one, as a typo is
    the usual cause.
    """
    if not settings.checks.disabled_rules:
        return
    from citecheck.rules import ALL_RULES  # every check's module: only when asked

    on_command_line = set(getattr(args, "disable", None) or ())
    for rule in dict.fromkeys(settings.checks.disabled_rules):
        if rule in ALL_RULES:
            continue
        close = difflib.get_close_matches(rule, list(ALL_RULES), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        problem = f"no such rule to disable: '{rule}' ({hint}see docs/checks.md for the ids)"
        if rule in on_command_line or settings.config_path is None:
            raise UsageError(f"--disable: {problem}")
        raise ConfigError(str(settings.config_path), f"'disable': {problem}")


def _check_cache(path: Path) -> None:
    """A cache file the run could not open stops it now, with one line naming the file."""
    from citecheck.links.cache import cache_problem  # the links package: only for commands using it

    if (problem := cache_problem(path)) is not None:
        raise ConfigError(str(path), problem)


def emit(output: Path | None, write: Callable[[TextIO], None]) -> None:
    """Write to a file (created with its folder) or to stdout.

    A file is written beside its place under a temporary name and renamed
    over it when complete, so an interrupted or failed write (Ctrl-C, a full
    disk) leaves the previous report, never half a new one. Something that
    is not a regular file (``/dev/stdout``, a pipe) is written directly.
    """
    if output is None:
        write(sys.stdout)
        return
    if output.exists() and not output.is_file():
        with output.open("w", encoding="utf-8", newline="\n") as handle:
            write(handle)
        return
    _folder_for(output)
    partial = output.with_name(f".{output.name}.{os.getpid()}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as handle:
            write(handle)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)


def _folder_for(output: Path) -> None:
    """Make ``output``'s folder; a file standing where a folder must be is named as such."""
    for ancestor in output.parents:
        if ancestor.exists():
            if not ancestor.is_dir():
                raise UsageError(f"{ancestor}: is a file, not a folder (cannot write {output})")
            break
    output.parent.mkdir(parents=True, exist_ok=True)


def text(content: str) -> Callable[[TextIO], None]:
    def write(out: TextIO) -> None:
        out.write(content)

    return write


def dump_json(data: object) -> Callable[[TextIO], None]:
    def write(out: TextIO) -> None:
        out.write(json.dumps(data, ensure_ascii=False, indent=2))
        out.write("\n")

    return write
