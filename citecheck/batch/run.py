"""Running a batch: read every manuscript, check every distinct URL once, check each manuscript.

Three passes, each resumable from the store: (1) each manuscript not yet
read is read in a worker and its cited URLs recorded; (2) every distinct
URL still without a verdict is checked, shard by shard, then every distinct
sources lookup is made once (``sources``); (3) each manuscript
read but not finished is checked against its URLs' verdicts, its reports
written and its counts stored. Nothing of the repository is held in
memory: manuscripts stream in, results go to the store as they arrive, and
the summary is computed from the store afterwards.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from citecheck.batch.engines import Engine
from citecheck.batch.inputs import find_manuscripts
from citecheck.batch.progress import BatchProgress
from citecheck.batch.sources import LookupSpool, look_up_spooled
from citecheck.batch.work import (
    Discovered,
    Finished,
    FinishJob,
    discover,
    finish,
    sources_wanted,
)
from citecheck.config import Settings
from citecheck.store import Store

__all__ = ["BatchOptions", "batch_id_for", "run_batch"]

URL_SHARD = 50_000  # distinct URLs per links call: bounded memory, one budget per host within
_PAGE = 500


@dataclass(frozen=True, slots=True)
class BatchOptions:
    links: bool = True
    reports_dir: Path | None = None
    report_formats: tuple[str, ...] = ()


def batch_id_for(specs: Sequence[str], settings: Settings, options: BatchOptions) -> str:
    """The same command on the same inputs is the same batch (so a rerun resumes it)."""
    spelled = [spec if spec.startswith("@") else str(Path(spec).resolve()) for spec in specs]
    asked = {
        "specs": spelled,
        "links": options.links,
        "offline": settings.links.offline,
        "reports": str(options.reports_dir) if options.reports_dir else None,
        "formats": list(options.report_formats),
        "disabled": sorted(settings.checks.disabled_rules),
    }
    return hashlib.sha256(json.dumps(asked, sort_keys=True).encode()).hexdigest()[:16]


def _pages(items: Iterable[str], size: int) -> Iterator[list[str]]:
    iterator = iter(items)
    while page := list(islice(iterator, size)):
        yield page


def _unread(store: Store, batch_id: str, paths: Iterable[Path]) -> Iterator[str]:
    for page in _pages((str(p) for p in paths), _PAGE):
        known = store.known_paths(batch_id, page)
        yield from (path for path in page if path not in known)


def _at_stage(store: Store, batch_id: str, stage: str) -> Iterator[str]:
    after = ""
    while page := store.paths_at(batch_id, stage, after=after, limit=_PAGE):
        yield from page
        after = page[-1]


def _url_shards(store: Store, batch_id: str) -> Iterator[list[tuple[str, str]]]:
    after = ""
    while shard := store.pending_urls(batch_id, after=after, limit=URL_SHARD):
        yield shard
        after = shard[-1][0]


def _record_read(store: Store, batch_id: str, found: Discovered, spool: LookupSpool) -> None:
    for key, citation in found.lookups:
        spool.add(key, citation)
    if found.problem is None:
        store.record_parsed(batch_id, found.path, found.cited)
    else:
        from citecheck.batch.work import failed

        gone = failed(found.path, found.problem, internal=found.internal)
        store.record_result(batch_id, gone.path, gone.stage, gone.result, gone.rank)


def run_batch(
    specs: Sequence[str],
    settings: Settings,
    store: Store,
    engine: Engine,
    *,
    batch_id: str,
    options: BatchOptions,
    progress: BatchProgress,
) -> bool:
    """Run (or resume) the batch ``batch_id``; True when it resumed an unfinished one.

    On Ctrl-C (KeyboardInterrupt) what arrived is kept and the run is marked
    interrupted, so the same command continues it; the interrupt propagates.

    Raises:
        InputError: a spec names no file or folder.
    """
    manuscripts = sum(1 for _ in find_manuscripts(specs))  # a walk, for the bar's total
    resumed = store.begin_run(
        batch_id, options=json.dumps({"specs": list(specs), "links": options.links})
    )
    spool = LookupSpool()
    try:
        progress.start("read", manuscripts)
        skipped = manuscripts
        for found in engine.map_unordered(
            discover, _unread(store, batch_id, find_manuscripts(specs)), settings
        ):
            _record_read(store, batch_id, found, spool)
            progress.advance("read")
            skipped -= 1
        store.flush()
        progress.advance("read", skipped)  # read in an earlier, interrupted run

        if options.links:
            progress.start("links", store.counts(batch_id).get("urls:unchecked", 0))

            def checked(count: int) -> None:
                progress.advance("links", count)

            engine.check_urls(
                _url_shards(store, batch_id),
                store=store,
                batch_id=batch_id,
                settings=settings,
                advance=checked,
            )

        if sources_wanted(settings) and len(spool):
            progress.start("works", len(spool))

            def looked_up(count: int) -> None:
                progress.advance("works", count)

            look_up_spooled(spool, store, settings, advance=looked_up)

        job = FinishJob(
            batch_id=batch_id,
            store_url=store.url,
            settings=settings,
            links=options.links,
            sources=sources_wanted(settings),
            reports_dir=str(options.reports_dir) if options.reports_dir else None,
            report_formats=options.report_formats,
            root=str(Path.cwd()),
        )
        counts = store.counts(batch_id)
        progress.start("check", counts.get("parsed", 0))
        for done in engine.map_unordered(finish, _at_stage(store, batch_id, "parsed"), job):
            _record_finished(store, batch_id, done)
            progress.advance("check")
        store.finish_run(batch_id, status="finished", manuscripts=manuscripts)
    except BaseException:
        store.flush()
        store.finish_run(batch_id, status="interrupted", manuscripts=manuscripts)
        raise
    finally:
        spool.close()
    return resumed


def _record_finished(store: Store, batch_id: str, done: Finished) -> None:
    store.record_result(batch_id, done.path, done.stage, done.result, done.rank)
