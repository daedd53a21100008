"""The batch's network stage for one shard of distinct URLs, wherever it runs.

A URL with a verdict young enough in the store's link cache is not asked
again; the rest go to one ``pipeline.check_url_set`` call, so each host has
one politeness budget for the whole shard. Every verdict is written to the
store as it arrives. Run by the local engine in the main process, and by
each Ray link actor on its own shard of hosts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

import httpx

from citecheck import pipeline
from citecheck.config import Settings
from citecheck.links import normalise_url
from citecheck.model import LinkResult
from citecheck.store import Store

__all__ = ["check_shard"]

# Future network stages (the sources stage's look-ups) plug in beside the links call.


def check_shard(
    store: Store,
    batch_id: str,
    urls: Sequence[tuple[str, str]],
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Callable[[LinkResult], None] | None = None,
) -> int:
    """Give each (normal URL, URL as cited) a verdict in the store; returns how many were asked."""
    now = datetime.now(UTC)
    to_ask: list[str] = []
    for key, url in urls:
        cached = store.get_link(key, now=now)
        if cached is None:
            to_ask.append(url)
            continue
        cached = replace(cached, url=url)
        store.record_verdict(batch_id, key, cached)
        if progress is not None:
            progress(cached)

    def arrived(result: LinkResult) -> None:
        store.record_verdict(batch_id, normalise_url(result.url), result)
        if progress is not None:
            progress(result)

    if to_ask:
        # The store is the cache here: the links stage must not open its own.
        uncached = replace(settings, links=replace(settings.links, cache_path=None))
        try:
            pipeline.check_url_set(to_ask, uncached, transport=transport, progress=arrived)
        finally:
            store.flush()
    store.flush()
    return len(to_ask)
