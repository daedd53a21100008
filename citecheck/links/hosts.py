"""Politeness: how many requests may be in flight, globally and per host.

Each host has a gate whose limit is *learned*, as TCP learns a window: it
starts at 2 requests in flight, grows by one for each window's worth of
answers that came back while it was full, and never passes the ceiling (``per_host``, or the
host's entry in ``per_host_limits``). "Full" means full *at the server*: a
request counts only when the window's worth of requests were surely there
together, i.e. all sent within the host's fastest answer time (a request sent
less than that ago cannot have been answered yet). Counting our own in-flight
requests instead would count answers that arrived but wait for a busy event
loop: the window then outgrows what the server has seen, and the first burst
that reaches it is refused several times over. A 429 sets the ceiling to one below the
number of requests we had out there, so a host with a hidden limit of 2 costs
one or two 429s, not one per URL, and the ceiling stays (probing upwards
again would provoke a 429 every time). A host that still says 429 with one
request in flight limits by time, not by concurrency: then the whole host
pauses for its ``Retry-After``.

A window grows only while its host is among those the run waits for: when a
host's backlog (URLs left x latency / window) is under three quarters of the
longest backlog in the run, it will finish before the run does anyway, so it
is not pushed harder (nor made to show its limit with a 429). The load on the
event loop is spread over the run instead of crowding its start.

Global slots (``max_concurrency``) go first to the host with the most work
left per slot, so a slow, strict host is never kept waiting behind fast ones:
it decides when the run ends.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

__all__ = ["Gates", "HostGate", "Ticket", "host_key"]

_NEEDED = 0.75  # a window grows while its backlog is at least this share of the longest
_HORIZON_EVERY = 0.05  # seconds between recomputing the longest backlog


def host_key(url: str) -> str:
    """The politeness key of a URL: its host name, without the port (as lychee does)."""
    rest = url.split("://", 1)[-1]
    netloc = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    netloc = netloc.rsplit("@", 1)[-1]
    if netloc.startswith("["):
        return netloc.split("]", 1)[0] + "]"
    return netloc.split(":", 1)[0].lower()


@dataclass(frozen=True, slots=True)
class Ticket:
    """One request's place at its host when it was sent."""

    sent_with: int  # requests we had out there, this one included (at most what the server saw)
    surely: int  # of those, the ones surely at the server together (at least what it saw)


@dataclass(slots=True, eq=False)  # a gate is itself, not its numbers: hashable by identity
class HostGate:
    """Requests in flight to one host, in a window that grows until a 429 caps it."""

    name: str
    ceiling: int  # the most we will ever have in flight here
    limit: int = 2  # the current window, grown up to the ceiling
    in_flight: int = 0
    pending: int = 0  # URLs on this host not finished yet (for global priority)
    latency: float = 0.1  # smoothed seconds per request
    _credit: int = 0  # full-window answers since the window last grew
    not_before: float = 0.0  # loop time before which nothing is sent (Retry-After)
    use_get: bool = False  # HEAD proved useless here: pages are read anyway
    contacted: bool = False  # a first request has been sent
    known: asyncio.Event = field(default_factory=asyncio.Event)  # ... and has answered
    fastest: float = math.inf  # the quickest answer seen here, in seconds
    horizon: Callable[[], float] | None = None  # the longest backlog in the run, if known
    _waiters: deque[asyncio.Future[None]] = field(default_factory=deque)
    _sends: deque[float] = field(default_factory=deque)  # loop times of the latest sends

    async def acquire(self, *, first: bool = False) -> None:
        """Wait for a slot; ``first`` jumps the queue (a request others wait on)."""
        if self.in_flight < self.limit and not self._waiters:
            self.in_flight += 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if first:
            self._waiters.appendleft(waiter)
        else:
            self._waiters.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()
            else:
                self._waiters.remove(waiter)
            raise

    def release(self) -> None:
        self.in_flight -= 1
        self._wake()

    def _wake(self) -> None:
        while self._waiters and self.in_flight < self.limit:
            waiter = self._waiters.popleft()
            if not waiter.done():
                self.in_flight += 1
                waiter.set_result(None)

    def __post_init__(self) -> None:
        self.limit = min(self.limit, self.ceiling)

    def throttle(self, retry_after: float | None, *, sent_with: int) -> None:
        """A 429 answered a request sent while ``sent_with`` were out (itself included).

        The count at sending time is what the server saw; the count now may be
        lower (answers processed since), and using it would halve a host's
        speed for nothing.
        """
        if sent_with <= 1:
            # One at a time is already too much: a rate limit; pause the host.
            self.pause(retry_after if retry_after is not None else 1.0)
        self.ceiling = max(1, min(self.ceiling, sent_with - 1))
        self.limit = min(self.limit, self.ceiling)

    def pause(self, seconds: float) -> None:
        """Send nothing to this host for ``seconds`` (a spent quota, a time-based limit)."""
        loop = asyncio.get_running_loop()
        self.not_before = max(self.not_before, loop.time() + seconds)

    def sending(self, now: float) -> Ticket:
        """Note a request leaving now; how many are out with it, at most and surely."""
        sends = self._sends
        horizon = now - self.fastest  # -inf before any answer: nothing is sure yet
        while sends and sends[0] <= horizon:
            sends.popleft()
        surely = 1 + (len(sends) if math.isfinite(self.fastest) else 0)
        sends.append(now)
        return Ticket(sent_with=self.in_flight, surely=min(surely, self.in_flight))

    def answered(self, seconds: float, *, surely: int | None = None) -> None:
        """A non-429 answer took ``seconds``: track latency; grow a window that stays full.

        One more slot per full window of answers (TCP's additive increase):
        the window passes a hidden limit by one at a time, so the first 429
        comes while at most one request too many is out. ``surely`` is the
        request's ``Ticket.surely``: it was full at the server only if that
        reached the window (without it, our own count is believed).
        """
        self.latency = 0.8 * self.latency + 0.2 * seconds
        self.fastest = min(self.fastest, seconds)
        together = self.in_flight if surely is None else surely
        if together < self.limit or self.limit >= self.ceiling:
            return
        if self.horizon is not None and self.backlog < _NEEDED * self.horizon():
            return  # finishes before the run does at this pace: no need to push
        self._credit += 1
        if self._credit >= self.limit:
            self._credit = 0
            self.limit += 1
            self._wake()

    @property
    def backlog(self) -> float:
        """Seconds of work left here if every slot stays busy: the global priority."""
        return self.pending * self.latency / self.limit


class Gates:
    """The global slots plus one ``HostGate`` per host."""

    def __init__(
        self, *, max_concurrency: int, per_host: int, per_host_limits: tuple[tuple[str, int], ...]
    ) -> None:
        self._free = max(1, max_concurrency)
        self._per_host = max(1, per_host)
        self._limits = {name.lower(): max(1, limit) for name, limit in per_host_limits}
        self._hosts: dict[str, HostGate] = {}
        self._waiting: dict[HostGate, deque[asyncio.Future[None]]] = {}
        self._horizon = (-math.inf, 0.0)  # (loop time computed, longest backlog)

    def host(self, name: str) -> HostGate:
        gate = self._hosts.get(name)
        if gate is None:
            gate = HostGate(name=name, ceiling=self._limits.get(name, self._per_host))
            gate.horizon = self.longest_backlog
            self._hosts[name] = gate
        return gate

    def longest_backlog(self) -> float:
        """The most work left on any host, in seconds (recomputed every 50 ms at most)."""
        now = asyncio.get_running_loop().time()
        when, longest = self._horizon
        if now - when >= _HORIZON_EVERY:
            longest = max((gate.backlog for gate in self._hosts.values()), default=0.0)
            self._horizon = (now, longest)
        return longest

    @asynccontextmanager
    async def slot(self, gate: HostGate, *, first: bool = False) -> AsyncIterator[Ticket]:
        """Hold one of the host's slots, then a global one (in that order, so a
        global slot never sits idle waiting for a busy host). Yields the
        request's ``Ticket``: how many requests to the host are out with it."""
        await gate.acquire(first=first)
        try:
            loop = asyncio.get_running_loop()
            while (delay := gate.not_before - loop.time()) > 0:
                await asyncio.sleep(delay)
            await self._acquire_global(gate)
            try:
                yield gate.sending(loop.time())
            finally:
                self._release_global()
        finally:
            gate.release()

    async def _acquire_global(self, gate: HostGate) -> None:
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(gate, deque()).append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self._release_global()
            else:
                queue = self._waiting[gate]
                queue.remove(waiter)
                if not queue:
                    del self._waiting[gate]
            raise

    def _release_global(self) -> None:
        self._free += 1
        while self._free > 0 and self._waiting:
            # Waiters are grouped by host, so this compares hosts, not requests.
            gate = max(self._waiting, key=lambda host: host.backlog)
            queue = self._waiting[gate]
            waiter = queue.popleft()
            if not queue:
                del self._waiting[gate]
            if not waiter.done():
                self._free -= 1
                waiter.set_result(None)
