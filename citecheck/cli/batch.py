"""``citecheck batch``: many manuscripts as one run, resumable, with a batch summary."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from citecheck.batch.summary import SUMMARY_FORMATS, write_summary
from citecheck.cli._base import (
    Commands,
    UsageError,
    add_command,
    check_disabled_rules,
    common_settings,
    emit,
    network_options,
    settings_from,
)
from citecheck.cli.check import parse_report_specs, report_options
from citecheck.config import Settings
from citecheck.report import REPORTERS

if TYPE_CHECKING:
    from citecheck.batch.engines import Engine
    from citecheck.store import Store

__all__ = ["register", "run"]


def register(commands: Commands) -> None:
    batch = add_command(
        commands,
        "batch",
        "Check a whole repository of manuscripts as one resumable run; write a batch summary.",
        "citecheck batch journal/ --store postgresql://cc@db/citecheck --format html -o rot.html",
        run,
    )
    batch.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="folders (walked for manuscripts), glob patterns, files, or @LIST (a file of paths)",
    )
    report_options(batch)
    for action in batch._actions:  # the summary's formats, not a single run's
        if action.dest == "format":
            action.choices = SUMMARY_FORMATS
            action.help = "batch summary format (default text)"
        if action.dest == "output":
            action.help = "write the batch summary here, not stdout"
        if action.dest == "report":
            action.help = "also write the batch summary in FORMAT to PATH (repeatable)"
    batch.add_argument(
        "--reports-dir", type=Path, help="write each manuscript's report under this folder"
    )
    batch.add_argument(
        "--manuscript-format",
        action="append",
        choices=tuple(REPORTERS),
        metavar="FORMAT",
        help=f"format of each manuscript's report (repeatable; {', '.join(REPORTERS)};"
        " default json)",
    )
    batch.add_argument(
        "--store",
        metavar="URL",
        help="sqlite:///PATH or postgresql://USER@HOST/DB (default: the link cache file)",
    )
    batch.add_argument("--engine", choices=("local", "ray"), default="local")
    batch.add_argument("--address", help="the Ray cluster to join (with --engine ray)")
    batch.add_argument("--workers", type=int, help="processes reading manuscripts (local engine)")
    batch.add_argument("--batch-id", help="name the batch (default: derived from the command)")
    network_options(batch)
    common_settings(batch)


def _store_url(args: argparse.Namespace, settings: Settings) -> str:
    if args.store:
        return str(args.store)
    if os.environ.get("CITECHECK_STORE"):
        return os.environ["CITECHECK_STORE"]
    if settings.store:
        return settings.store
    if settings.links.cache_path is None:  # --no-cache: a store is still needed for progress
        raise UsageError("--no-cache needs a --store for the batch's progress")
    from citecheck.store import sqlite_url

    return sqlite_url(settings.links.cache_path)


def _engine(args: argparse.Namespace) -> Engine:
    if args.engine == "ray":
        from citecheck.batch.ray_engine import RayEngine

        return RayEngine(address=args.address)
    if args.address:
        raise UsageError("--address is for --engine ray")
    from citecheck.batch import LocalEngine

    return LocalEngine(workers=args.workers)


def run(args: argparse.Namespace) -> int:
    from citecheck.batch import BatchOptions, batch_id_for, run_batch  # not for other commands
    from citecheck.batch.inputs import survey
    from citecheck.batch.progress import batch_progress
    from citecheck.store import open_store, redact, store_files

    settings = settings_from(args)
    check_disabled_rules(settings, args)
    extra = parse_report_specs(args.report, formats=SUMMARY_FORMATS)
    # The batch's own outputs and store are neither read nor named as skipped files; a
    # path naming no manuscript stops here, before the store is opened (exit 2).
    outputs = [Path(where) for where in (args.output, *(w for _, w in extra)) if where]
    outputs += [args.reports_dir] if args.reports_dir else []
    options = BatchOptions(
        links=not args.no_links,
        reports_dir=args.reports_dir,
        report_formats=tuple(args.manuscript_format or ("json",)) if args.reports_dir else (),
        outputs=tuple(outputs),
    )
    url = _store_url(args, settings)
    held = survey(args.paths, outputs=[*outputs, *store_files(url)])
    if held.skipped:
        print(f"citecheck: {held.notice()}", file=sys.stderr)
    batch_id = args.batch_id or batch_id_for(args.paths, settings, options)
    store = open_store(url, max_age=0.0 if args.no_cache else settings.links.cache_max_age)
    engine = _engine(args)
    try:
        with batch_progress(enabled=not args.no_progress) as progress:
            resumed = run_batch(
                args.paths,
                settings,
                store,
                engine,
                batch_id=batch_id,
                options=options,
                progress=progress,
            )
        if resumed:
            print(f"citecheck: resumed batch {batch_id} in {redact(url)}", file=sys.stderr)
        codes: list[int] = []
        for fmt, where in ((args.format, args.output), *extra):
            write = functools.partial(
                _summary_to, store, batch_id, fmt, codes=codes, skipped=held.skipped
            )
            emit(where, write)
        return codes[0]
    except KeyboardInterrupt:
        print(
            f"citecheck: batch {batch_id} interrupted; what arrived is kept in {redact(url)}."
            " Run the same command again to continue.",
            file=sys.stderr,
        )
        return 130
    finally:
        engine.close()
        store.close()


def _summary_to(
    store: Store,
    batch_id: str,
    fmt: str,
    out: TextIO,
    *,
    codes: list[int],
    skipped: tuple[str, ...],
) -> None:
    codes.append(write_summary(store, batch_id, fmt, out, skipped=skipped).exit_code)
