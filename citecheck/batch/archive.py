"""The batch's archive pass: each distinct (URL, cited date) looked up once, in one session.

While manuscripts are read, each one's (normal URL, date) pairs go to the
store, the dates as ``check`` chooses them (``pipeline.cited_dates``: the
access date, else the publication date, the earliest per manuscript).
After the links pass, every pair without a result is handed to the archive
stage (``citecheck.archive.archiving``) in the main process, one session
for the whole batch, so each archive service (availability, CDX, Save Page
Now, replay, Perma.cc) has one politeness budget however many manuscripts
there are; a bounded number of pairs is in flight, the rest waits in the
store. Each result is written to the store as it arrives (an interrupted
batch keeps it and its rerun asks for the rest) and, when it says
something lasting, kept beyond the batch (``archives``) for the link
cache's age, so a finished batch run again asks the archives nothing new.
Each manuscript's report then carries its pairs' results, as ``check``'s.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx

from citecheck.archive import ServiceLimits, archiving
from citecheck.batch.records import encode_archive
from citecheck.config import ArchiveSettings, Settings
from citecheck.links.urls import DOI_LINK, normalise_url
from citecheck.model import ArchiveResult, LinkResult, LinkStatus, PartialDate
from citecheck.store import Store

__all__ = ["archiving_pending", "lasting", "settings_digest"]

IN_FLIGHT = 64  # pairs handed to the stage at once; its own gate runs fewer side by side
_PAGE = 500

# Problems that say something lasting about a URL or its copies (or about the settings,
# which the cache's key holds). Any other (a service unreachable, rate-limited or
# failing, a page not fetched) is asked again by the next batch.
_LASTING = (
    "wayback: no capture",
    "wayback: the site is excluded",
    "wayback: captures of this site are blocked",
    "warc: the page answered HTTP",
    "warc: the body was cut",
    "wayback save: asked for, but no keys",
    "perma: provider chosen but no API key",
)


def lasting(result: ArchiveResult) -> bool:
    """Whether a later batch may reuse ``result`` instead of asking again."""
    return all(problem.startswith(_LASTING) for problem in result.problems)


def settings_digest(settings: ArchiveSettings, *, doi_resolver: str = DOI_LINK) -> str:
    """What shapes a result besides the URL and date: services, providers, keys given,
    folder, and where a DOI link's page is fetched (``doi-resolver``)."""
    shaping: dict[str, object] = {
        "providers": sorted(settings.providers),
        "save_new": settings.save_new,
        "wayback": [settings.wayback_api, settings.wayback_web],
        "perma": [settings.perma_api, settings.perma_key is not None, settings.perma_folder],
        "ia_keys": settings.ia_keys is not None,
        "warc_dir": str(Path(settings.warc_dir).resolve()),
    }
    if normalise_url(doi_resolver.rstrip("/") + "/") != DOI_LINK:
        # Absent at the default: results kept before it was here stay readable.
        shaping["doi_resolver"] = doi_resolver
    return hashlib.sha256(json.dumps(shaping, sort_keys=True).encode()).hexdigest()[:16]


def cited_date(text: str) -> PartialDate | None:
    """The stored date text ("2012", "2012-05", "2012-05-01"; "" undated) as a date."""
    if not text:
        return None
    parts = [int(part) for part in text.split("-")]
    return PartialDate(*parts)


async def _pending(store: Store, batch_id: str) -> AsyncIterator[tuple[str, str, str | None]]:
    after = ("", "")
    while page := store.pending_archives(batch_id, after=after, limit=_PAGE):
        for row in page:
            yield row
        after = (page[-1][0], page[-1][1])


async def archiving_pending(
    store: Store,
    batch_id: str,
    settings: Settings,
    *,
    advance: Callable[[int], None],
    transport: httpx.AsyncBaseTransport | None = None,
    limits: ServiceLimits | None = None,
) -> None:
    """Give every (URL, date) of the batch still without one an archive result in the store.

    A coroutine: the sources pass, which asks other services, runs beside it.
    """
    try:
        await _archive_all(store, batch_id, settings, advance, transport, limits)
    finally:
        store.flush()


async def _archive_all(
    store: Store,
    batch_id: str,
    settings: Settings,
    advance: Callable[[int], None],
    transport: httpx.AsyncBaseTransport | None,
    limits: ServiceLimits | None,
) -> None:
    digest = settings_digest(settings.archive, doi_resolver=settings.links.doi_resolver)
    # --no-cache: nothing kept from earlier batches is believed (results are still kept).
    max_age = settings.links.cache_max_age if settings.links.cache_path is not None else 0.0

    def arrived(key: str, date: str, result: ArchiveResult) -> None:
        text = encode_archive(result)
        store.record_archive(batch_id, key, date, text)
        if lasting(result):
            store.keep_archive(key, date, digest, text)
        advance(1)

    async with archiving(
        settings.archive,
        transport=transport,
        user_agent=settings.links.user_agent,
        limits=limits,
        doi_resolver=settings.links.doi_resolver,
    ) as archiver:

        async def one(key: str, date: str, status: str | None) -> None:
            # The stage only asks whether the URL is live (to capture it and measure drift).
            link = None if status is None else LinkResult(key, LinkStatus(status), reason="")
            arrived(key, date, await archiver.archive(key, cited_date(date), link))

        in_flight: set[asyncio.Task[None]] = set()
        try:
            async for key, date, status in _pending(store, batch_id):
                kept = store.cached_archive(key, date, digest, max_age) if max_age else None
                if kept is not None:
                    store.record_archive(batch_id, key, date, kept)
                    advance(1)
                    continue
                if len(in_flight) >= IN_FLIGHT:
                    done, in_flight = await asyncio.wait(
                        in_flight, return_when=asyncio.FIRST_COMPLETED
                    )
                    for task in done:
                        task.result()
                in_flight.add(asyncio.create_task(one(key, date, status)))
            while in_flight:
                done, in_flight = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    task.result()
        finally:
            for task in in_flight:
                task.cancel()
