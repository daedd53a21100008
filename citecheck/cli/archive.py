"""``citecheck archive``: archived copies nearest each citation's date, new captures."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from citecheck import pipeline
from citecheck.cli._base import (
    PROVIDERS,
    Commands,
    UsageError,
    add_command,
    common_settings,
    dump_json,
    emit,
    network_options,
    read_manuscripts,
    settings_from,
)
from citecheck.model import CheckRun
from citecheck.serialize import archive_json
from citecheck.verdict import ExitCode

__all__ = ["register"]


def register(commands: Commands) -> None:
    archive = add_command(
        commands,
        "archive",
        "Find the archived copy nearest each citation's date and capture every live cited page.",
        "citecheck archive essay.md --provider warc --provider wayback --format json",
        run,
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
    network_options(archive)
    common_settings(archive)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    files, footnote_sets = read_manuscripts(args.files)
    checked = pipeline.run_check(files, settings, checks=False, footnote_sets=footnote_sets)
    entries = [archive_json(result) for result in checked.archives]
    if args.wacz is not None:
        _package_wacz(checked, args.wacz)
    note = checked.archive_skipped_reason if checked.offline else None
    if args.format == "json":
        emit(
            args.output, dump_json({"archives": entries, "offline": checked.offline, "note": note})
        )
        return ExitCode.UNVERIFIED if checked.offline else ExitCode.OK

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

    emit(args.output, write)
    return ExitCode.UNVERIFIED if checked.offline else ExitCode.OK


def _package_wacz(run: CheckRun, destination: Path) -> None:
    from citecheck.archive.wacz import write_wacz  # the archive stage's modules: only when used

    if destination.exists():
        raise UsageError(f"{destination}: exists; a WACZ file is never overwritten")
    captures = [capture for result in run.archives for capture in result.captures]
    title = ", ".join(Path(m.path).name for m in run.manuscripts)
    try:
        write_wacz(destination, captures, title=f"Pages cited by {title}")
    except FileExistsError:
        raise UsageError(f"{destination}: exists; a WACZ file is never overwritten") from None
    except ValueError as error:
        raise UsageError(f"{destination}: not written: {error}") from None
