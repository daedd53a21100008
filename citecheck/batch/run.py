"""Running a batch: read every manuscript, check every distinct URL once, check each manuscript.

Three passes, each resumable from the store: (1) each manuscript not yet
read is read and parsed in a worker, its parse stored, its cited URLs,
sources lookups and wanted archive copies recorded; (2) every distinct URL
still without a verdict is checked, shard by shard, then every distinct
sources lookup is made once (``sources``) while, side by side, every
distinct (URL, cited date) is looked up in the archives once (``archive``);
(3) each manuscript read but not finished gets its parse back, is checked
against its URLs' verdicts, lookups' answers and archive results, its
reports written and its counts stored. Nothing of the repository is held in memory:
manuscripts stream in, results go to the store as they arrive, and the
summary is computed from the store afterwards.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Coroutine, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from citecheck.archive import ServiceLimits
from citecheck.batch.archive import archiving_pending
from citecheck.batch.engines import Engine
from citecheck.batch.inputs import find_manuscripts
from citecheck.batch.progress import BatchProgress
from citecheck.batch.records import parse_fingerprint
from citecheck.batch.sources import looking_up_pending
from citecheck.batch.work import (
    Discovered,
    Finished,
    FinishJob,
    ReadJob,
    discover,
    failed,
    finish,
    sources_wanted,
)
from citecheck.config import Settings
from citecheck.store import Store, store_files

__all__ = ["BatchOptions", "batch_id_for", "run_batch"]

URL_SHARD = 50_000  # distinct URLs per links call: bounded memory, one budget per host within
_PAGE = 500


@dataclass(frozen=True, slots=True)
class BatchOptions:
    links: bool = True
    reports_dir: Path | None = None
    report_formats: tuple[str, ...] = ()
    # The archive services' budgets (tests shrink them); default the published limits.
    archive_limits: ServiceLimits | None = None
    # What the run writes (its summaries, report files, the reports folder): never its
    # input, though a rerun walks the folder that holds them. Not part of the batch id.
    outputs: tuple[Path, ...] = ()


def archive_wanted(settings: Settings, options: BatchOptions) -> bool:
    """Whether the archive pass runs: links checked, archives asked for, not offline."""
    return options.links and settings.archive.enabled and not settings.links.offline


def _archive_skipped(settings: Settings, options: BatchOptions) -> str:
    if not options.links:
        return "links not checked"
    if not settings.archive.enabled:
        return "archives not requested (--no-archive)"
    if settings.links.offline:
        return "offline: no archive was asked"
    return ""


_DEFAULTS = Settings()


def fetched_elsewhere(settings: Settings) -> dict[str, str]:
    """The service addresses set away from their defaults (where links, DOIs, works and
    archived copies are asked); empty at the defaults, so those batches keep their ids."""
    spots = {
        "doi_resolver": (settings.links.doi_resolver, _DEFAULTS.links.doi_resolver),
        "crossref_api": (settings.sources.crossref_api, _DEFAULTS.sources.crossref_api),
        "openalex_api": (settings.sources.openalex_api, _DEFAULTS.sources.openalex_api),
        "courtlistener_api": (
            settings.sources.courtlistener_api,
            _DEFAULTS.sources.courtlistener_api,
        ),
        "wayback_api": (settings.archive.wayback_api, _DEFAULTS.archive.wayback_api),
        "wayback_web": (settings.archive.wayback_web, _DEFAULTS.archive.wayback_web),
        "perma_api": (settings.archive.perma_api, _DEFAULTS.archive.perma_api),
    }
    return {name: now for name, (now, default) in spots.items() if now != default}


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
    if archive_wanted(settings, options):
        asked["archive"] = True  # (absent when off: ids of batches without archives unchanged)
    if moved := fetched_elsewhere(settings):
        # A resumed batch reuses its own verdicts and results: not another address's.
        asked["fetched"] = moved
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


def _record_read(store: Store, batch_id: str, found: Discovered, version: str) -> None:
    if found.problem is not None:
        gone = failed(found.path, found.problem, internal=found.internal)
        store.record_result(batch_id, gone.path, gone.stage, gone.result, gone.rank)
        return
    if found.parsed is not None and found.content_hash is not None:
        store.put_parsed(found.path, found.content_hash, version, found.parsed)
    store.record_lookups(batch_id, found.lookups)
    store.record_archive_keys(batch_id, found.archive_keys)
    # Last: a manuscript marked read has everything the later passes need from it.
    store.record_parsed(batch_id, found.path, found.cited, content_hash=found.content_hash)


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
    # The run's own files (its outputs, a SQLite store and its journal) are no manuscripts.
    own = (*options.outputs, *store_files(store.url))
    manuscripts = sum(1 for _ in find_manuscripts(specs, outputs=own))  # for the bar's total
    resumed = store.begin_run(
        batch_id, options=json.dumps({"specs": list(specs), "links": options.links})
    )
    version = parse_fingerprint()
    archives = archive_wanted(settings, options)
    read = ReadJob(settings=settings, store_url=store.url, version=version, archive=archives)
    try:
        progress.start("read", manuscripts)
        skipped = manuscripts
        for found in engine.map_unordered(
            discover, _unread(store, batch_id, find_manuscripts(specs, outputs=own)), read
        ):
            _record_read(store, batch_id, found, version)
            progress.advance("read")
            skipped -= 1
        store.flush()
        progress.advance("read", skipped)  # read in an earlier, interrupted run

        if options.links:
            counts = store.counts(batch_id)
            progress.start("links", counts.get("urls:unchecked", 0) + counts.get("urls:offline", 0))

            def checked(count: int) -> None:
                progress.advance("links", count)

            engine.check_urls(
                _url_shards(store, batch_id),
                store=store,
                batch_id=batch_id,
                settings=settings,
                advance=checked,
            )

        lookups = store.pending_lookup_count(batch_id) if sources_wanted(settings) else 0
        skipped_reason = _archive_skipped(settings, options)
        if archives and not _reached_any(store, batch_id):
            skipped_reason = "offline: no archive was asked"  # no URL answered: no network
        pending = store.pending_archive_count(batch_id) if not skipped_reason else 0
        # The works' indexes and the archives are different services, each with its own
        # budget: the two passes run side by side, on one loop (the store is one connection).
        passes: list[Coroutine[Any, Any, None]] = []
        if lookups:
            progress.start("works", lookups)

            def looked_up(count: int) -> None:
                progress.advance("works", count)

            passes.append(looking_up_pending(store, batch_id, settings, advance=looked_up))
        if pending:
            progress.start("archive", pending)

            def archived(count: int) -> None:
                progress.advance("archive", count)

            passes.append(
                archiving_pending(
                    store, batch_id, settings, advance=archived, limits=options.archive_limits
                )
            )
        if passes:
            asyncio.run(_side_by_side(passes))

        job = FinishJob(
            batch_id=batch_id,
            store_url=store.url,
            settings=settings,
            links=options.links,
            sources=sources_wanted(settings),
            reports_dir=str(options.reports_dir) if options.reports_dir else None,
            report_formats=options.report_formats,
            root=str(Path.cwd()),
            version=version,
            archive_skipped=skipped_reason,
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
    return resumed


async def _side_by_side(passes: list[Coroutine[Any, Any, None]]) -> None:
    # If one fails (or Ctrl-C), the other is cancelled: what it stored is kept.
    tasks = [asyncio.ensure_future(one) for one in passes]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _reached_any(store: Store, batch_id: str) -> bool:
    """Whether any URL of the batch got a verdict (none when every one was offline)."""
    counts = store.counts(batch_id)
    urls = {k: v for k, v in counts.items() if k.startswith("urls:")}
    return not urls or any(k not in {"urls:unchecked", "urls:offline"} for k in urls)


def _record_finished(store: Store, batch_id: str, done: Finished) -> None:
    store.record_result(batch_id, done.path, done.stage, done.result, done.rank)
