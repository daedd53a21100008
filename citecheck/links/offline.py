"""Is there a network at all? Asked once, cheaply, and re-asked by the first failures.

A machine without network makes every link fail, and a checker that reports
that as 200 dead links cries wolf (remark-lint-no-dead-urls#3,
coala-bears#184). Two signals, neither of which sends a packet to the
Internet:

* up front, ``is_network_available`` asks the kernel for a route to a public
  address (a UDP "connect" only picks a route; nothing is sent);
* when a cited host "does not exist", ``OfflineWatch.dns_works`` asks the
  resolver, once per run, for a few well-known names: a resolver that knows
  none of them is broken (or answers NXDOMAIN for everything, as captive and
  sandboxed networks do), so the failure says nothing about the cited host;
* during the run, ``OfflineWatch`` counts hosts whose connections failed in a
  way that blames our side (network unreachable, DNS temporarily failing, a
  connect error with no answer). When the first few hosts all fail like that
  and none has answered, the run is declared offline and stops at once.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

__all__ = [
    "OfflineWatch",
    "dns_answers",
    "is_ip_address",
    "is_local_host",
    "is_network_available",
]

# Public anycast resolvers, used only as route targets: no packet is sent to them.
_ROUTE_TARGETS = ((socket.AF_INET, "1.1.1.1"), (socket.AF_INET6, "2606:4700:4700::1111"))
_HOSTS_TO_DECIDE = 3
_CANARY_TIMEOUT = 3.0


def is_network_available() -> bool:
    """True when the machine has a route to the public Internet (IPv4 or IPv6).

    Nothing leaves the machine: connecting a UDP socket only asks the kernel
    which interface would be used. No route at all means no network.
    """
    for family, address in _ROUTE_TARGETS:
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect((address, 53))
                return True
        except OSError:
            continue
    return False


def is_local_host(host: str) -> bool:
    """Loopback, private or link-local addresses and ``localhost`` need no Internet."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


async def _resolves_any(names: tuple[str, ...]) -> bool:
    """True when the system resolver knows at least one of ``names``.

    The names are asked at once, under one short deadline: a resolver that
    does not answer in that time is as good as none.
    """
    loop = asyncio.get_running_loop()

    async def resolves(name: str) -> bool:
        try:
            await loop.getaddrinfo(name, 443, type=socket.SOCK_STREAM)
        except OSError:
            return False
        return True

    pending = {asyncio.ensure_future(resolves(name)) for name in names}
    try:
        async with asyncio.timeout(_CANARY_TIMEOUT):
            for answer in asyncio.as_completed(pending):
                if await answer:
                    return True
    except TimeoutError:
        pass
    finally:
        for task in pending:
            task.cancel()
    return False


async def dns_answers(names: tuple[str, ...]) -> bool:
    """Up front: does DNS know any well-known name? True when none are given."""
    return not names or await _resolves_any(names)


def is_ip_address(host: str) -> bool:
    """An address literal needs no DNS."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


class OfflineWatch:
    """Declares the run offline when the first hosts tried all fail on our side."""

    def __init__(self, *, hosts_in_run: int, dns_canaries: tuple[str, ...] = ()) -> None:
        self._canaries = dns_canaries
        self._dns_verdict: asyncio.Future[bool] | None = None
        self._needed = max(1, min(_HOSTS_TO_DECIDE, hosts_in_run))
        self._down_hosts: set[str] = set()
        self._answered = False
        self.event = asyncio.Event()
        self.reason = ""

    @property
    def offline(self) -> bool:
        return self.event.is_set()

    async def dns_works(self) -> bool:
        """Does the resolver know any well-known name? Asked once per run."""
        if not self._canaries:
            return True
        if self._dns_verdict is None:
            self._dns_verdict = asyncio.ensure_future(_resolves_any(self._canaries))
        return await asyncio.shield(self._dns_verdict)

    def answered(self) -> None:
        """Some server answered (any HTTP status, even a refusal): the network works."""
        self._answered = True

    def network_down(self, host: str, why: str) -> None:
        if self._answered or self.offline:
            return
        self._down_hosts.add(host)
        if len(self._down_hosts) >= self._needed:
            self.reason = (
                f"offline: no network ({len(self._down_hosts)} hosts unreachable, e.g. "
                f"{why.removeprefix('unverified: ')}); "
                "nothing was checked, rerun when connected"
            )
            self.event.set()
