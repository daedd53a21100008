"""Engines: where a batch's work runs. The one seam between a batch and its machines.

An engine maps a job over manuscripts (results in any order, a bounded
number in flight) and checks shards of distinct URLs. ``LocalEngine`` uses
a process pool for the manuscripts and the main process for the network
(async: one process is enough, and one process means one budget per host).
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

from citecheck.batch.links import check_shard
from citecheck.config import Settings
from citecheck.model import LinkResult
from citecheck.store import Store

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
    """Manuscripts in a pool of processes on this machine; URLs checked in this process."""

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

        # One shard at a time: each is one check_links call, so no host is asked twice at once.
        for shard in shards:
            check_shard(
                store, batch_id, shard, settings, transport=self._transport, progress=arrived
            )

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
