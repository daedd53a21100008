"""The batch's network stage for one shard of distinct URLs, wherever it runs.

A URL with a verdict young enough in the store's link cache is not asked
again; the rest go to ``pipeline_sets.check_url_shards``: links calls of at most
a few thousand URLs side by side, split by host, so each host has one
politeness budget for the whole shard. Every verdict is written to the
store as it arrives. Run by the local engine in the main process, and by
each Ray link actor on its own shard of hosts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from itertools import chain, zip_longest
from typing import Protocol, TypeVar

import httpx

from citecheck import pipeline_sets
from citecheck.config import Settings
from citecheck.links import normalise_url
from citecheck.links.hosts import host_key
from citecheck.links.urls import cache_key
from citecheck.model import LinkResult
from citecheck.store import Store

__all__ = ["VerdictSink", "balanced_by_host", "by_host_shards", "check_shard", "interleaved"]

T = TypeVar("T")


class VerdictSink(Protocol):
    """Where a shard's verdicts go: the store itself, or (in a local link worker) a queue
    to the batch's main process, which writes them."""

    def record_verdict(
        self, batch_id: str, key: str, result: LinkResult, *, cache_key: str | None = None
    ) -> None: ...

    def flush(self) -> None: ...


CALL_SIZE = 2500  # URLs per links call; more URLs: more calls side by side, split by host


def by_host_shards(urls: Sequence[str], *, size: int = CALL_SIZE) -> list[list[str]]:
    """The URLs in about ``len / size`` shards, every URL of one host in the same shard.

    The links stage slows down past a few thousand URLs in one call; calls
    that share no host keep one politeness budget per host between them.
    """
    count = max(1, -(-len(urls) // size))
    return [interleaved(shard) for shard in balanced_by_host(urls, count, host_of)]


def balanced_by_host(items: Sequence[T], count: int, host: Callable[[T], str]) -> list[list[T]]:
    """``items`` in at most ``count`` parts of about equal size, all of one host in one part.

    Each host goes, the busiest first, to the part with the fewest items so
    far. Parts checked side by side (in worker processes) finish together
    only if they carry equal work: split by a hash of the host name, the
    busier of two workers had ~20 % more URLs and ended the pass alone.
    """
    by_host: dict[str, list[T]] = {}
    for item in items:
        by_host.setdefault(host(item), []).append(item)
    parts: list[list[T]] = [[] for _ in range(max(1, count))]
    for name in sorted(by_host, key=lambda name: (-len(by_host[name]), name)):
        min(parts, key=len).extend(by_host[name])
    return [part for part in parts if part]


def host_of(url: str) -> str:
    """The URL's host in lower case, as the links stage's politeness gates key it.

    ``host_key``'s string splitting, not ``urlsplit``: shards and parts are
    made over every URL of a batch, twice, before the first request.
    """
    return host_key(url)


def interleaved(urls: Sequence[str]) -> list[str]:
    """The URLs host by host in turn (one of each host, then the next of each...).

    The store hands URLs back sorted, so one host's come together; the links
    stage starts its checks in the order given, within a global limit, and a
    slow host whose URLs came last would start late and finish last.
    """
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(host_of(url), []).append(url)
    turns = zip_longest(*by_host.values())
    return [url for url in chain.from_iterable(turns) if url is not None]


def check_shard(
    store: Store,
    batch_id: str,
    urls: Sequence[tuple[str, str]],
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Callable[[LinkResult], None] | None = None,
    verdicts: VerdictSink | None = None,
) -> int:
    """Give each (normal URL, URL as cited) a verdict; returns how many were asked.

    The store's link cache is read for verdicts young enough; every verdict
    goes to ``verdicts`` (default: the store) as it arrives.
    """
    sink: VerdictSink = store if verdicts is None else verdicts
    now = datetime.now(UTC)
    to_ask: list[str] = []
    resolver = settings.links.doi_resolver
    # A DOI asked of another resolver is cached under it (``urls.cache_key``), as in ``check``.
    cached_as = {key: cache_key(key, resolver=resolver) for key, _ in urls}
    known = store.get_links(list(dict.fromkeys(cached_as.values())), now=now)
    for key, url in urls:
        cached = known.get(cached_as[key])
        if cached is None:
            to_ask.append(url)
            continue
        cached = replace(cached, url=url)
        sink.record_verdict(batch_id, key, cached, cache_key=cached_as[key])
        if progress is not None:
            progress(cached)

    def arrived(result: LinkResult) -> None:
        key = normalise_url(result.url)
        sink.record_verdict(batch_id, key, result, cache_key=cache_key(key, resolver=resolver))
        if progress is not None:
            progress(result)

    if to_ask:
        # The store is the cache here: the links stage must not open its own.
        uncached = replace(settings, links=replace(settings.links, cache_path=None))
        try:
            pipeline_sets.check_url_shards(
                by_host_shards(to_ask), uncached, transport=transport, progress=arrived
            )
        finally:
            sink.flush()
    sink.flush()
    return len(to_ask)
