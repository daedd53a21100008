"""The link checker: every distinct cited URL asked once, politely, and judged without crying wolf.

This module runs the stage; the jobs live beside it: ``entries`` (the work
list and the verdicts that need no request), ``fetching`` (exchanges,
retries, redirects, deadlines; their records in ``answers``), ``bodies``
(bounded reading), ``addresses`` and ``connections`` (what may be connected
to), ``hosts`` (politeness), ``limits`` (Retry-After and quotas), ``judging``
(from answers to a verdict).

How one URL is checked:

1. Normalise it (``urls.normalise_url``); notes citing the same address
   share one check. Excluded, non-web, refused (private, link-local) and
   cached addresses stop here.
2. Ask, following redirects by hand so every hop is recorded and loops are
   caught: a page's URL with GET at once (the checks stage reads its title,
   metadata and text), a file's URL (``.pdf``, ``.zip``...) with HEAD first,
   as every URL of a host that has not shown it serves pages. A HEAD that
   fails, is refused (405, 501, 403, 400...) or lies (404 where GET gives
   200) is followed by a GET; so is a HEAD that finds an HTML page, and that
   host's later URLs go straight to GET (HEAD would only double the requests).
3. A GET streams and stops at ``max_bytes`` decoded bytes: never a whole
   30 MB page, nor a gzip bomb; every URL has a deadline across its hops
   and retries.
4. Timeouts, 5xx and 429 are retried (tenacity: exponential backoff with
   jitter, or exactly what ``Retry-After`` says, capped by
   ``max_retry_after``). A 429 also lowers the host's concurrency
   (``hosts.HostGate``).
5. Judge (``classify``), test for a soft 404 against a made-up sibling
   address (``soft404``), check the ``#fragment`` (``fragments``), read the
   page (``page``), store the verdict as soon as it is known (``cache``).

If the network turns out to be down (``offline``), the run stops at once and
every unchecked link is reported ``offline``.
"""

from __future__ import annotations

import asyncio
import importlib.util
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime

import httpx

from citecheck.config import LinkSettings, default_cache_path
from citecheck.links import cache as link_cache
from citecheck.links.addresses import AddressPolicy
from citecheck.links.bodies import ACCEPT_ENCODING
from citecheck.links.cache import LinkCache
from citecheck.links.client import LinkClient
from citecheck.links.entries import Entry, from_cache, make_entries, not_checked
from citecheck.links.fetching import Fetcher, Offline
from citecheck.links.hosts import Gates, host_key
from citecheck.links.judging import judge
from citecheck.links.limits import parse_retry_after, quota_wait
from citecheck.links.offline import (
    OfflineWatch,
    dns_answers,
    is_ip_address,
    is_local_host,
    is_network_available,
)
from citecheck.links.pools import HostPools
from citecheck.model import LinkResult, LinkStatus

__all__ = ["check_links", "parse_retry_after", "quota_wait"]

_SPARE_TASKS = 2  # tasks queued per host beyond its ceiling, so a freed slot is used at once
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8"


async def _check(fetcher: Fetcher, entry: Entry) -> LinkResult:
    gate = fetcher.gates.host(host_key(entry.target))  # its ``pending`` counted this entry
    try:
        walk = await fetcher.fetch(entry.target)
        return await judge(entry, walk, fetcher)
    finally:
        gate.pending -= 1


def _offline(entry: Entry, reason: str) -> LinkResult:
    return LinkResult(url=entry.url, status=LinkStatus.OFFLINE, reason=reason, notes=entry.notes)


async def check_links(
    cited: Mapping[str, Sequence[str]],
    settings: LinkSettings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Callable[[LinkResult], None] | None = None,
) -> tuple[LinkResult, ...]:
    """Check every distinct URL once; one ``LinkResult`` per distinct URL, in citing order.

    Args:
        cited: each URL as cited -> labels of the notes citing it. Spellings
            of one address (case of scheme/host, default port, a bare ``#``)
            are merged; their notes are joined in the result.
        settings: timeouts, limits, retries, cache, excludes... (``LinkSettings``).
        transport: an httpx transport to use instead of the network (tests,
            or a proxy set-up); the up-front route check is skipped then.
        progress: called with each result as soon as it is known.

    The result's ``url`` is the first spelling cited; join other spellings
    with ``normalise_url``. Never raises for a bad link: every failure is a
    verdict with a reason.
    """
    entries = make_entries(cited, settings)
    results: dict[str, LinkResult] = {}
    cache = (
        LinkCache(
            settings.cache_path,
            max_age=settings.cache_max_age,
            # Only the default path's folders are all made; a user's path gets its last one.
            all_folders=settings.cache_path == default_cache_path(),
        )
        if settings.cache_path is not None
        else None
    )

    flush_due: list[asyncio.TimerHandle] = []

    def flush() -> None:
        flush_due.clear()
        if cache is not None:
            cache.flush()

    def finish(entry: Entry, result: LinkResult) -> None:
        results[entry.key] = result
        if cache is not None:
            cache.put(entry.cached_as, result)
            if cache.uncommitted and not flush_due:
                # Writes are committed in groups; a quiet spell must not hold the last ones.
                loop = asyncio.get_running_loop()
                flush_due.append(loop.call_later(link_cache.GROUP_SECONDS, flush))
        if progress is not None:
            progress(result)

    try:
        to_check: list[Entry] = []
        now = datetime.now(UTC)
        for entry in entries:
            skipped = not_checked(entry, settings)
            if skipped is not None:
                finish(entry, skipped)
                continue
            cached = cache.get(entry.cached_as, now=now) if cache is not None else None
            if cached is not None:
                finish(entry, from_cache(cached, entry, settings))
                continue
            to_check.append(entry)

        if settings.offline:
            for entry in to_check:
                finish(entry, _offline(entry, "offline: not checked (offline mode was asked for)"))
            to_check = []
        elif transport is None and to_check:
            to_check = await _without_network(to_check, settings, finish)

        if to_check:
            await _check_all(to_check, settings, transport, finish)
    finally:
        for timer in flush_due:
            timer.cancel()
        if cache is not None:
            cache.close()
    return tuple(results[entry.key] for entry in entries)


async def _without_network(
    entries: list[Entry], settings: LinkSettings, finish: Callable[[Entry, LinkResult], None]
) -> list[Entry]:
    """Report remote links offline when the machine has no route or DNS knows nothing.

    Both are asked before the checks start: once dozens of lookups are queued
    behind a resolver that answers nothing, the run would wait on them all.
    Returns the entries still to check.
    """
    remote = [e for e in entries if not is_local_host(host_key(e.target))]
    if not remote:
        return entries
    if not is_network_available():
        reason = "offline: this machine has no route to the Internet; rerun when connected"
        down = remote
    else:
        down = [e for e in remote if not is_ip_address(host_key(e.target))]
        if not down or await dns_answers(settings.dns_canaries):
            return entries
        reason = (
            "offline: DNS knows no name at all, not even well-known ones "
            "(no network, or a broken resolver); rerun when connected"
        )
    for entry in down:
        finish(entry, _offline(entry, reason))
    gone = {id(entry) for entry in down}
    return [e for e in entries if id(e) not in gone]


async def _check_all(
    entries: list[Entry],
    settings: LinkSettings,
    transport: httpx.AsyncBaseTransport | None,
    finish: Callable[[Entry, LinkResult], None],
) -> None:
    watch = OfflineWatch(
        hosts_in_run=len({host_key(e.target) for e in entries}),
        dns_canaries=settings.dns_canaries,
    )
    timeout = httpx.Timeout(settings.timeout, connect=settings.connect_timeout, pool=None)
    if transport is None:
        widest = max((limit for _, limit in settings.per_host_limits), default=1)
        transport = HostPools(
            http2=importlib.util.find_spec("h2") is not None,
            keepalive_per_host=max(settings.per_host, widest),
            policy=AddressPolicy(allow_private=settings.allow_private_addresses),
        )
    async with LinkClient(
        transport,
        timeout=timeout,
        headers={
            "User-Agent": settings.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": ACCEPT_ENCODING,
        },
    ) as client:
        gates = Gates(
            max_concurrency=settings.max_concurrency,
            per_host=settings.per_host,
            per_host_limits=settings.per_host_limits,
        )
        fetcher = Fetcher(client, settings, watch, gates)
        # Finished checks arrive through a queue (asyncio.wait over thousands of
        # tasks, again after each one, costs quadratic time); None means offline.
        arrivals: asyncio.Queue[asyncio.Task[LinkResult] | None] = asyncio.Queue()
        tasks: dict[asyncio.Task[LinkResult], Entry] = {}

        def start(entry: Entry) -> None:
            task = asyncio.ensure_future(_check(fetcher, entry))
            task.add_done_callback(arrivals.put_nowait)
            tasks[task] = entry

        # Each host's first URL starts now; the others once it has answered
        # (they would only wait for that answer), and then only a few more than
        # the host may have in flight: thousands of tasks queued at a gate cost
        # the loop a step each, just when answers come in.
        waiting: dict[str, deque[Entry]] = {}
        active: dict[str, int] = {}
        for entry in entries:
            host = host_key(entry.target)
            gates.host(host).pending += 1
            if host in waiting:
                waiting[host].append(entry)
            else:
                waiting[host] = deque()
                active[host] = 1
                start(entry)

        def top_up(host: str) -> None:
            queue, gate = waiting[host], gates.host(host)
            while queue and active[host] < gate.ceiling + _SPARE_TASKS:
                start(queue.popleft())
                active[host] += 1

        async def start_when_known(host: str) -> None:
            await gates.host(host).known.wait()
            top_up(host)

        starters = [
            asyncio.ensure_future(start_when_known(host))
            for host, queue in waiting.items()
            if queue
        ]
        stop = asyncio.ensure_future(watch.event.wait())
        stop.add_done_callback(lambda _: arrivals.put_nowait(None))
        done: set[str] = set()
        try:
            while len(done) < len(entries):
                arrived = await arrivals.get()
                if arrived is None:
                    break
                entry = tasks[arrived]
                done.add(entry.key)
                host = host_key(entry.target)
                active[host] -= 1
                if gates.host(host).known.is_set():
                    top_up(host)
                error = arrived.exception()
                if isinstance(error, Offline):
                    finish(entry, _offline(entry, watch.reason))
                elif error is not None:
                    raise error
                else:
                    finish(entry, arrived.result())
            # Only when the run went offline: what is left is reported so.
            for starter in starters:
                starter.cancel()
            unfinished = [task for task, entry in tasks.items() if entry.key not in done]
            for task in unfinished:
                task.cancel()
            await asyncio.gather(*starters, *unfinished, return_exceptions=True)
            for entry in entries:
                if entry.key not in done:
                    finish(entry, _offline(entry, watch.reason))
        finally:
            stop.cancel()
            for left in (*starters, *tasks):
                left.cancel()
            await asyncio.gather(stop, *starters, *tasks, return_exceptions=True)
            await fetcher.aclose()
