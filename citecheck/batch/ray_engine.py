"""The Ray engine: a batch spread over a Ray cluster (``pip install 'citecheck[ray]'``).

Manuscripts go to Ray tasks in small groups (reading and checking are
pure functions of a path and the settings). URLs go to link actors sharded
by host: every URL of a host goes to the same actor, and an actor runs one
links call at a time, so each host has one politeness budget however many
machines the cluster has. The actors write verdicts straight to the store,
which must then be one every node reaches: PostgreSQL on a cluster (a
SQLite file works only when the whole cluster is this machine).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, TypeVar

from citecheck.batch.engines import host_parts
from citecheck.batch.links import check_shard
from citecheck.config import Settings
from citecheck.errors import ConfigError
from citecheck.store import Store, open_store

__all__ = ["RayEngine"]

A = TypeVar("A")
R = TypeVar("R")
_GROUP = 16  # manuscripts per task: Ray's per-task cost is a few ms


def _run_group(job: Callable[[str, A], R], paths: list[str], argument: A) -> list[R]:
    return [job(path, argument) for path in paths]


class _LinkShard:
    """One link actor: its own store connection, one shard of hosts."""

    def __init__(self, store_url: str, max_age: float) -> None:
        self._store = open_store(store_url, max_age=max_age)

    def check(self, batch_id: str, urls: Sequence[tuple[str, str]], settings: Settings) -> int:
        check_shard(self._store, batch_id, urls, settings)
        return len(urls)

    def close(self) -> None:
        self._store.close()


class RayEngine:
    """Manuscripts as Ray tasks, URLs in host-sharded Ray actors."""

    def __init__(
        self, *, address: str | None = None, num_cpus: int | None = None, link_actors: int = 4
    ) -> None:
        try:
            import ray
        except ImportError:
            raise ConfigError(
                "--engine ray", "Ray is not installed: pip install 'citecheck[ray]'"
            ) from None
        self._ray: Any = ray
        if num_cpus is None and address is None and os.environ.get("RAY_NUM_CPUS"):
            num_cpus = int(os.environ["RAY_NUM_CPUS"])
        if not ray.is_initialized():
            ray.init(
                address=address,
                num_cpus=num_cpus if address is None else None,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
            )
        self._group: Any = ray.remote(_run_group)
        self._link_actors = link_actors
        self._actors: list[Any] = []
        self._store_url = ""
        self.workers = max(1, int(self._ray.cluster_resources().get("CPU", os.cpu_count() or 1)))

    def map_unordered(
        self, job: Callable[[str, A], R], paths: Iterable[str], argument: A
    ) -> Iterator[R]:
        ray = self._ray
        shared = ray.put(argument)
        in_flight: list[Any] = []
        iterator = iter(paths)
        while group := list(islice(iterator, _GROUP)):
            in_flight.append(self._group.remote(job, group, shared))
            if len(in_flight) >= self.workers * 4:
                done, in_flight = ray.wait(in_flight, num_returns=1)
                for results in ray.get(done):
                    yield from results
        while in_flight:
            done, in_flight = ray.wait(in_flight, num_returns=1)
            for results in ray.get(done):
                yield from results

    def _shards(self, store: Store, settings: Settings) -> list[Any]:
        if not self._actors or self._store_url != store.url:
            actor = self._ray.remote(_LinkShard)
            self._actors = [
                actor.remote(store.url, settings.links.cache_max_age)
                for _ in range(self._link_actors)
            ]
            self._store_url = store.url
        return self._actors

    def check_urls(
        self,
        shards: Iterable[Sequence[tuple[str, str]]],
        *,
        store: Store,
        batch_id: str,
        settings: Settings,
        advance: Callable[[int], None],
    ) -> None:
        ray = self._ray
        actors = self._shards(store, settings)
        store.flush()  # the actors read and write the same tables
        for shard in shards:
            # Every URL of a host goes to one actor (one budget per host), and the actors
            # get equal counts: a hash of the host name gave one ~20 % more, which ended last.
            # The next shard starts when this one is done, so a host is never on two actors.
            parts = host_parts(shard, len(actors))
            pending = [
                actor.check.remote(batch_id, part, settings)
                for actor, part in zip(actors, parts, strict=False)
            ]
            while pending:
                done, pending = ray.wait(pending, num_returns=1)
                advance(sum(ray.get(done)))

    def close(self) -> None:
        for actor in self._actors:
            try:
                self._ray.get(actor.close.remote(), timeout=30)
            finally:
                self._ray.kill(actor)
        self._actors = []
