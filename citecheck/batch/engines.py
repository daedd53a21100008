"""Engines: where a batch's work runs. The one seam between a batch and its machines.

An engine maps a job over manuscripts (results in any order, a bounded
number in flight) and checks shards of distinct URLs. ``LocalEngine`` uses
a process pool for both: manuscripts one by one, URLs one part of the hosts
per worker (no host in two parts, so one budget per host).
``RayEngine`` (``ray_engine``) spreads the same two jobs over a cluster.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
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


def _start_worker() -> None:
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

    def _executor(self) -> concurrent.futures.ProcessPoolExecutor:
        if self._pool is None:
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
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
                pool.submit(_check_part, store.url, batch_id, part, settings) for part in parts
            ]
            try:
                for future in concurrent.futures.as_completed(futures):
                    advance(future.result())
            except BaseException:
                self._stop_workers()
                raise

    def _stop_workers(self) -> None:
        # Interrupted: a part may hold thousands of URLs; what its worker committed is kept.
        if self._pool is None:
            return
        for process in list(getattr(self._pool, "_processes", {}).values()):
            process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def host_parts(urls: Sequence[tuple[str, str]], count: int) -> list[list[tuple[str, str]]]:
    """``urls`` in ``count`` parts of about equal size, all of one host in the same part."""
    return balanced_by_host(urls, count, lambda pair: host_of(pair[0]))


def _check_part(
    store_url: str, batch_id: str, part: Sequence[tuple[str, str]], settings: Settings
) -> int:
    """In a worker: one part's URLs checked, each verdict written to the store as it arrives."""
    store = open_store(store_url, max_age=settings.links.cache_max_age, writer=True)
    try:
        check_shard(store, batch_id, part, settings)
    finally:
        store.close()
    return len(part)
