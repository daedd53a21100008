"""Engines: where a batch's work runs. The one seam between a batch and its machines.

An engine maps a job over manuscripts (results in any order, a bounded
number in flight) and checks shards of distinct URLs. ``LocalEngine`` uses
a process pool for both: manuscripts one by one, URLs one part of the hosts
per worker (no host in two parts, so one budget per host), whose verdicts
come back to the main process on a queue as they arrive: it is the store's
one writer, so no link worker's event loop waits on a commit or a lock.
``RayEngine`` (``ray_engine``) spreads the same two jobs over a cluster.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.queues import Queue
from typing import Protocol, TypeVar

import httpx

from citecheck.batch.links import balanced_by_host, check_shard, host_of
from citecheck.config import Settings
from citecheck.model import LinkResult
from citecheck.store import Store, open_store

__all__ = ["Engine", "LocalEngine"]

A = TypeVar("A")
R = TypeVar("R")


class Engine(Protocol):
    def map_unordered(
        self, job: Callable[[str, A], R], paths: Iterable[str], argument: A
    ) -> Iterator[R]: ...

    def check_urls(
        self,
        shards: Iterable[Sequence[tuple[str, str]]],
        *,
        store: Store,
        batch_id: str,
        settings: Settings,
        advance: Callable[[int], None],
    ) -> None: ...

    def close(self) -> None: ...


# A verdict on its way to the main process: (URL key, verdict, link cache key); a part's
# messages are (part, a list of them), then (part, None) when the part is done.
Sent = tuple[str, LinkResult, str]
_SEND_EVERY = 64  # verdicts per message (or what arrived in _SEND_SECONDS)
_SEND_SECONDS = 0.25
# In a worker: the queue to the main process (set by the pool's initializer).
_TO_MAIN: Queue[tuple[int, list[Sent] | None]] | None = None


def _start_worker(to_main: Queue[tuple[int, list[Sent] | None]] | None = None) -> None:
    global _TO_MAIN
    _TO_MAIN = to_main
    # Ctrl-C is the main process's to handle: it keeps what arrived and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A main process killed outright cannot stop its pool: a worker whose parent is
    # gone exits by itself instead of waiting forever for work.
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="citecheck-parent-watch", daemon=True).start()


class LocalEngine:
    """Manuscripts and link checks in a pool of processes on this machine."""

    def __init__(
        self, *, workers: int | None = None, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._transport = transport
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._from_workers: Queue[tuple[int, list[Sent] | None]] | None = None

    def _executor(self) -> concurrent.futures.ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._from_workers = context.Queue()
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self._from_workers,),
            )
        return self._pool

    def map_unordered(
        self, job: Callable[[str, A], R], paths: Iterable[str], argument: A
    ) -> Iterator[R]:
        pool = self._executor()
        in_flight: set[concurrent.futures.Future[R]] = set()
        limit = self.workers * 8
        for path in paths:
            in_flight.add(pool.submit(job, path, argument))
            if len(in_flight) >= limit:
                done, in_flight = concurrent.futures.wait(
                    in_flight, return_when=concurrent.futures.FIRST_COMPLETED
                )
                yield from (future.result() for future in done)
        for future in concurrent.futures.as_completed(in_flight):
            yield future.result()

    def check_urls(
        self,
        shards: Iterable[Sequence[tuple[str, str]]],
        *,
        store: Store,
        batch_id: str,
        settings: Settings,
        advance: Callable[[int], None],
    ) -> None:
        def arrived(_: LinkResult) -> None:
            advance(1)

        for shard in shards:
            if self._transport is not None or self.workers == 1:
                # A test transport lives in this process: check here.
                check_shard(
                    store, batch_id, shard, settings, transport=self._transport, progress=arrived
                )
                continue
            # Parsing pages costs CPU: each worker takes the hosts of one part, and
            # every host is in one part only, so it still has one budget.
            store.flush()
            parts = host_parts(shard, self.workers)
            pool = self._executor()
            futures = [
                pool.submit(_check_part, store.url, batch_id, part, settings, number)
                for number, part in enumerate(parts)
            ]
            try:
                self._receive(futures, store, batch_id, advance)
            except BaseException:
                self._stop_workers()
                raise

    def _receive(
        self,
        futures: list[concurrent.futures.Future[int]],
        store: Store,
        batch_id: str,
        advance: Callable[[int], None],
    ) -> None:
        """Write the parts' verdicts as they arrive, until every part said it is done."""
        arrivals = self._from_workers
        assert arrivals is not None  # made with the pool
        running = set(range(len(futures)))
        while running:
            try:
                number, sent = arrivals.get(timeout=0.5)
            except queue.Empty:
                if any(f.done() and f.exception() is not None for f in futures):
                    break  # a worker failed (or died) before its part's end: raised below
                continue
            if sent is None:
                running.discard(number)
                continue
            for key, result, cached_as in sent:
                store.record_verdict(batch_id, key, result, cache_key=cached_as)
            advance(len(sent))
        for future in futures:
            future.result()
        store.flush()

    def _stop_workers(self) -> None:
        # Interrupted: a part may hold thousands of URLs; what its worker committed is kept.
        if self._pool is None:
            return
        for process in list(getattr(self._pool, "_processes", {}).values()):
            process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None
        self._close_queue()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._close_queue()

    def _close_queue(self) -> None:
        if self._from_workers is not None:
            self._from_workers.close()
            self._from_workers.cancel_join_thread()  # nothing of a stopped pool is waited for
            self._from_workers = None


def host_parts(urls: Sequence[tuple[str, str]], count: int) -> list[list[tuple[str, str]]]:
    """``urls`` in ``count`` parts of about equal size, all of one host in the same part."""
    return balanced_by_host(urls, count, lambda pair: host_of(pair[0]))


class _ToMain:
    """A link worker's verdicts, sent to the main process in small groups (its store
    writes them): the worker's event loop never waits on a commit or another's lock."""

    def __init__(self, to_main: Queue[tuple[int, list[Sent] | None]], number: int) -> None:
        self._queue = to_main
        self._number = number
        self._waiting: list[Sent] = []
        self._sent_at = time.monotonic()

    def record_verdict(
        self, batch_id: str, key: str, result: LinkResult, *, cache_key: str | None = None
    ) -> None:
        self._waiting.append((key, result, cache_key or key))
        if len(self._waiting) >= _SEND_EVERY or time.monotonic() - self._sent_at >= _SEND_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self._waiting:
            # put() hands the group to the queue's feeder thread: it does not block.
            self._queue.put((self._number, self._waiting))
            self._waiting = []
        self._sent_at = time.monotonic()

    def done(self) -> None:
        self.flush()
        self._queue.put((self._number, None))


def _check_part(
    store_url: str,
    batch_id: str,
    part: Sequence[tuple[str, str]],
    settings: Settings,
    number: int = 0,
) -> int:
    """In a worker: one part's URLs checked, each verdict sent to the main process."""
    if _TO_MAIN is None:
        raise RuntimeError("a link part runs in a LocalEngine worker")
    sender = _ToMain(_TO_MAIN, number)
    store: Store | None = None
    try:
        # Read (the link cache's verdicts) only: the main process writes.
        store = open_store(store_url, max_age=settings.links.cache_max_age, writer=True)
        check_shard(store, batch_id, part, settings, verdicts=sender)
    finally:
        sender.done()  # even when failing, so the main process stops waiting for it
        if store is not None:
            store.close()
    return len(part)
