"""Client-side rate limits and polite retries for the archive services.

The Internet Archive and Perma.cc are non-profit services with published (or
observed) limits; citecheck stays under them on its own side instead of
learning them from 429s. Each service gets a sliding-window limiter, a 429 or
503 pauses every request to that service for ``Retry-After`` seconds, and a
connection failure marks the service down for the rest of the run so a dead
network costs one timeout, not one per URL.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

__all__ = ["ServiceLimits"]


@dataclass(frozen=True, slots=True)
class ServiceLimits:
    """Request budgets per ``window`` seconds, retries and time limits.

    The defaults come from the published figures (docs/archive.md cites
    them): CDX at 80% of its 30/min hard limit, as the Internet Archive asked
    of the EDGI client; the Availability API, which has no documented limit,
    at 20/min (between waybackpy's 5 s gap and the CDX budget); Save Page Now
    at 7 captures/min (the 2025 SPN2 doc, authenticated); replay (``id_``) at
    80% of 600/min; Perma.cc about one create a second. Tests shrink
    ``window`` and the waits.
    """

    window: float = 60.0
    cdx: int = 24
    availability: int = 20
    save: int = 7
    save_status: int = 30
    replay: int = 480
    perma: int = 60
    # 429/503 handling: how often to retry, the wait when no Retry-After is
    # given (EDGI's 60 s), and the longest wait worth sitting through.
    retries: int = 2
    default_retry_after: float = 60.0
    max_retry_after: float = 300.0
    # SPN2 status polling: first wait, cap, and total budget (a capture has at
    # most 2 minutes on the IA side).
    poll_first: float = 3.0
    poll_max: float = 20.0
    poll_budget: float = 180.0
    # Perma.cc capture-job polling budget (0 disables polling).
    perma_poll_budget: float = 60.0
    timeout: float = 30.0
    connect_timeout: float = 10.0
    max_body: int = 64 * 1024 * 1024
    max_redirects: int = 10
    concurrency: int = 8


class Unreachable(Exception):
    """A service could not be reached (connection refused, DNS, timeout)."""


class Service:
    """One remote service: its limiter, its pause after a 429, its health."""

    def __init__(self, name: str, per_window: int, limits: ServiceLimits) -> None:
        self.name = name
        self._per_window = max(1, per_window)
        self._limits = limits
        self._sent: deque[float] = deque()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()
        # Why the service is unusable for the rest of the run, if it is.
        self.down: str | None = None

    async def _acquire(self) -> None:
        # One waiter at a time keeps the order fair and the window exact.
        async with self._lock:
            while True:
                now = time.monotonic()
                while self._sent and now - self._sent[0] >= self._limits.window:
                    self._sent.popleft()
                wait = self._paused_until - now
                if len(self._sent) >= self._per_window:
                    wait = max(wait, self._sent[0] + self._limits.window - now)
                if wait <= 0:
                    self._sent.append(now)
                    return
                await asyncio.sleep(wait)

    def _pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    async def send(
        self, client: httpx.AsyncClient, method: str, url: str, **options: Any
    ) -> httpx.Response:
        """Send within the budget; on 429/503 wait as told and try again.

        Returns the last response (possibly still a 429) once the retries are
        spent or the server asks for a longer wait than ``max_retry_after``.

        Raises:
            Unreachable: the service cannot be reached; it is marked down.
        """
        if self.down is not None:
            raise Unreachable(self.down)
        attempt = 0
        while True:
            await self._acquire()
            # A total deadline as well as httpx's per-read timeouts: a dripping
            # answer would never trip those.
            deadline = 3 * self._limits.timeout
            try:
                async with asyncio.timeout(deadline):
                    response = await client.request(method, url, **options)
            except httpx.TransportError as error:
                self.down = _describe(error)
                raise Unreachable(self.down) from None
            except TimeoutError:
                self.down = f"no whole answer within {deadline:g} s"
                raise Unreachable(self.down) from None
            if response.status_code not in {429, 503} or attempt >= self._limits.retries:
                return response
            wait = _retry_after(response, self._limits.default_retry_after)
            if wait > self._limits.max_retry_after:
                return response
            attempt += 1
            self._pause(wait)


def _describe(error: httpx.TransportError) -> str:
    name = type(error).__name__
    text = str(error)
    return f"{name}: {text}" if text else name


def _retry_after(response: httpx.Response, default: float) -> float:
    """Seconds from ``Retry-After`` (delta-seconds or an HTTP-date)."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return default
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())
