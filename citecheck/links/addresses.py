"""Which addresses the checker may connect to: public ones, and local ones only when that is meant.

A manuscript is untrusted input, and so is every page it cites: a link (or
a redirect) to ``http://169.254.169.254/`` would have the checker read a
cloud machine's metadata, one to ``http://10.0.0.1/admin`` would probe the
user's network. So by default only public (globally routable) addresses are
fetched. The rules:

* private (10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10 ...), link-local
  (169.254/16, fe80::/10, where metadata services answer) and other
  non-public addresses are refused, for the cited URL, every redirect hop
  and whatever a host name resolves to (checked on the address actually
  connected to, so a name cannot resolve to a public address for the check
  and a private one for the connection);
* loopback (127/8, ::1, ``localhost``) is allowed when the cited URL itself
  is on loopback (a manuscript checked against a local preview server), and
  for that URL's redirects; a public page that redirects to loopback, or a
  public name that resolves to it, is refused;
* ``allow_private_addresses`` (intranet manuscripts) allows all of them.

Address literals are read as browsers read them, so ``http://2852039166/``
and ``http://0xa9.0xfe.0xa9.0xfe/`` are 169.254.169.254 too.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = [
    "AddressPolicy",
    "AddressRefused",
    "address_of",
    "describe",
    "explain",
    "is_loopback_name",
    "refusal",
    "resolve",
    "url_refusal",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NUMERIC_V4 = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}\.?$", re.I)
_SETTING = "allow-private-addresses"


class AddressRefused(Exception):
    """A connection the address policy does not allow; ``reason`` says why, for the report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """What may be connected to: ``allow_private`` opens every non-public address."""

    allow_private: bool = False


@functools.lru_cache(maxsize=4096)  # asked for every request; hosts repeat
def address_of(host: str) -> IPAddress | None:
    """The address a host written in a URL stands for, or None for a name.

    IPv6 brackets and zone ids are dropped; IPv4-mapped IPv6 is unwrapped;
    IPv4 in the forms browsers accept (one number, hex or octal parts) is read.
    """
    name = host.strip().strip("[]").split("%", 1)[0]
    try:
        address: IPAddress = ipaddress.ip_address(name)
    except ValueError:
        if not _NUMERIC_V4.match(name):
            return None
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(name.rstrip(".")))
        except OSError:
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


@functools.lru_cache(maxsize=4096)
def is_loopback_name(host: str) -> bool:
    """``localhost``, a ``.localhost`` name or a loopback address literal."""
    name = host.strip().strip("[]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    address = address_of(name)
    return address is not None and address.is_loopback


def refusal(address: IPAddress, policy: AddressPolicy, *, loopback_ok: bool) -> str | None:
    """What kind of address the policy refuses ``address`` as, or None when it may be used."""
    if policy.allow_private:
        return None
    if address.is_loopback:
        return None if loopback_ok else "a loopback address (this machine)"
    if address.is_link_local:
        return "a link-local address (where cloud metadata services answer)"
    if address.is_multicast:
        return "a multicast address"
    if address.is_private:
        return "a private network address"
    if not address.is_global:
        return "not a public Internet address"
    return None


def describe(host: str, address: str, kind: str) -> str:
    """``10.0.0.5 is a private network address``, or for a name what it resolves to."""
    written = address_of(host)
    if written is not None:
        return (
            f"{host} is {kind}"
            if str(written) == host.strip("[]")
            else f"{host} is {written}, {kind}"
        )
    return f"{host} resolves to {address}, {kind}"


def url_refusal(url: str, policy: AddressPolicy, *, loopback_ok: bool) -> str | None:
    """Why the address written in ``url`` may not be fetched (no DNS asked), or None."""
    if policy.allow_private:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return _host_refusal(host, policy, loopback_ok) if host else None


@functools.lru_cache(maxsize=4096)
def _host_refusal(host: str, policy: AddressPolicy, loopback_ok: bool) -> str | None:
    address = address_of(host)
    if address is None:
        if not loopback_ok and is_loopback_name(host):
            return f"{host} is a loopback name (this machine)"
        return None
    kind = refusal(address, policy, loopback_ok=loopback_ok)
    return None if kind is None else describe(host, str(address), kind)


def explain(why: str) -> str:
    """The reason an editor reads for an address refused by policy."""
    return f"not checked: {why}; set {_SETTING} = true to check intranet links"


async def resolve(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, in the resolver's order (tests replace this)."""
    loop = asyncio.get_running_loop()
    answers = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for *_, sockaddr in answers:
        if sockaddr[0] not in seen:
            seen.append(str(sockaddr[0]))
    return seen
