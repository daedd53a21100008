"""What every archive call of one run shares: the HTTP client, the settings,
one rate-limited ``Service`` per remote endpoint, and the run's clock."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

import httpx

from citecheck.archive.throttle import Service, ServiceLimits
from citecheck.config import ArchiveSettings
from citecheck.model import Capture

__all__ = ["Session", "json_object"]

T = TypeVar("T")

# How many URLs' shared work ``once`` remembers per kind. A batch hands the
# archive stage its (URL, date) pairs sorted, so one URL's dates come together;
# remembering every URL's live page (up to max-bytes each) would grow with the batch.
_REMEMBERED = 256


@dataclass(slots=True)
class Session:
    """One run's shared state; built by ``archive_urls``, never by callers."""

    client: httpx.AsyncClient
    settings: ArchiveSettings
    limits: ServiceLimits
    fixed_now: datetime | None = None
    # Where DOI links are fetched (the links stage's doi-resolver), never doi.org itself.
    doi_resolver: str = "https://doi.org/"
    services: dict[str, Service] = field(default_factory=dict)
    # SPN2 jobs already polled this run, by job id (SPN2 hands the same id
    # back for a repeated request).
    save_jobs: dict[str, asyncio.Future[tuple[Capture | None, tuple[str, ...]]]] = field(
        default_factory=dict
    )
    # Providers stopped for the rest of the run (bad keys, daily bandwidth), and why.
    stopped: dict[str, str] = field(default_factory=dict)
    # The work on a URL that its cited date does not change, by (kind, URL): see ``once``.
    per_url: dict[str, OrderedDict[str, asyncio.Future[Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        limits = self.limits
        # ServiceLimits.save already sits at SPN's published ceiling; the
        # wayback_rate_per_minute setting can lower the rate, never raise it.
        save = max(1, min(limits.save, self.settings.wayback_rate_per_minute))
        for name, budget in (
            ("availability", limits.availability),
            ("cdx", limits.cdx),
            ("save", save),
            ("save-status", limits.save_status),
            ("replay", limits.replay),
            ("perma", limits.perma),
        ):
            self.services[name] = Service(name, budget, limits)

    def now(self) -> datetime:
        """The run's clock: fixed by the caller for tests, else the real UTC time."""
        return self.fixed_now if self.fixed_now is not None else datetime.now(UTC)

    def service(self, name: str) -> Service:
        return self.services[name]

    async def once(self, kind: str, url: str, make: Callable[[], Awaitable[T]]) -> T:
        """``make()``'s answer, made once for this URL and kind of work while remembered.

        A URL cited with several dates (many manuscripts of a batch) has a
        snapshot looked up per date, but is saved by Save Page Now, linked on
        Perma.cc (a quota), fetched live and kept in the WARC once. The last
        ``_REMEMBERED`` URLs of each kind are remembered. Shielded: one caller
        cancelled does not cancel the others' answer.
        """
        remembered = self.per_url.setdefault(kind, OrderedDict())
        shared = remembered.get(url)
        if shared is None:
            shared = asyncio.ensure_future(make())
            remembered[url] = shared
            while len(remembered) > _REMEMBERED:
                oldest = next(iter(remembered.values()))
                if not oldest.done():
                    break  # still awaited: forgotten once it is done and others came
                remembered.popitem(last=False)
        else:
            remembered.move_to_end(url)
        return cast(T, await asyncio.shield(shared))


def json_object(response: httpx.Response) -> dict[str, Any] | None:
    """The response's JSON object; None for anything else (HTML error pages, lists, junk)."""
    try:
        data = response.json()
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
