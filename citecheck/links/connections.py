"""Connections for httpcore, made on asyncio directly, and only to addresses the policy allows.

Two jobs, one place (where a host name becomes a socket):

* **The address policy** (``addresses``): the host is resolved here, every
  address it resolves to is checked, and the connection is made to the
  checked address itself, so DNS cannot answer one thing for the check and
  another for the connection (rebinding). TLS still verifies the host name.
* **Speed and bounded memory.** httpcore's default backend goes through
  anyio, whose timeouts, attribute look-ups and per-idle-connection
  ``select()`` cost about a quarter of the checker's CPU on a big run.
  This stream is a plain ``asyncio.Protocol`` with a byte buffer; it stops
  reading from the socket while 256 KiB are waiting (a server cannot fill
  our memory faster than we read), and "is readable" (httpcore's test for a
  keep-alive connection the server closed) is a look at that buffer.
"""

from __future__ import annotations

import asyncio
import ssl
import typing
from collections.abc import Awaitable, Callable, Iterable

import httpcore

from citecheck.links import addresses
from citecheck.links.addresses import AddressPolicy, AddressRefused

__all__ = ["GuardedBackend"]

_HIGH_WATER = 256 * 1024  # bytes buffered before we stop reading from the socket


class _Protocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.buffer = bytearray()
        self.eof = False
        self.error: BaseException | None = None
        self.transport: asyncio.Transport | None = None
        self._readable: asyncio.Future[None] | None = None
        self._writable: asyncio.Future[None] | None = None
        self._paused = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = typing.cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) >= _HIGH_WATER and self.transport is not None:
            self.transport.pause_reading()
            self._paused = True
        self._wake_reader()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake_reader()
        return False  # close our side too

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.error = exc
        self._wake_reader()
        if self._writable is not None and not self._writable.done():
            self._writable.set_result(None)

    def pause_writing(self) -> None:
        self._writable = asyncio.get_running_loop().create_future()

    def resume_writing(self) -> None:
        if self._writable is not None and not self._writable.done():
            self._writable.set_result(None)
        self._writable = None

    def _wake_reader(self) -> None:
        if self._readable is not None and not self._readable.done():
            self._readable.set_result(None)

    async def wait_readable(self) -> None:
        self._readable = asyncio.get_running_loop().create_future()
        try:
            await self._readable
        finally:
            self._readable = None

    @property
    def write_blocked(self) -> bool:
        return self._writable is not None

    async def wait_writable(self) -> None:
        if self._writable is not None:
            await asyncio.shield(self._writable)

    def take(self, max_bytes: int) -> bytes:
        data = bytes(self.buffer[:max_bytes])
        del self.buffer[:max_bytes]
        if self._paused and len(self.buffer) < _HIGH_WATER // 2 and self.transport is not None:
            self._paused = False
            self.transport.resume_reading()
        return data


async def _bounded(
    step: Awaitable[object], timeout: float | None, error: type[Exception], what: str
) -> None:
    try:
        async with asyncio.timeout(timeout):
            await step
    except TimeoutError:
        raise error(f"timed out {what}") from None


class _Stream(httpcore.AsyncNetworkStream):
    def __init__(self, transport: asyncio.Transport, protocol: _Protocol) -> None:
        self._transport = transport
        self._protocol = protocol

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        protocol = self._protocol
        if not protocol.buffer and not protocol.eof:
            await _bounded(protocol.wait_readable(), timeout, httpcore.ReadTimeout, "reading")
        if protocol.buffer:
            return protocol.take(max_bytes)
        if protocol.error is not None:
            raise httpcore.ReadError(str(protocol.error) or type(protocol.error).__name__)
        return b""

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        if self._transport.is_closing():
            raise httpcore.WriteError("the connection is closed")
        self._transport.write(buffer)
        if self._protocol.write_blocked:  # only then is there anything to wait (or time) for
            waiting = self._protocol.wait_writable()
            await _bounded(waiting, timeout, httpcore.WriteTimeout, "writing")

    async def aclose(self) -> None:
        self._transport.close()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport = await loop.start_tls(
                    self._transport, self._protocol, ssl_context, server_hostname=server_hostname
                )
        except TimeoutError:
            self._transport.close()
            raise httpcore.ConnectTimeout("timed out during the TLS handshake") from None
        except (OSError, ssl.SSLError) as error:
            self._transport.close()
            raise httpcore.ConnectError(str(error)) from error
        if transport is None:  # pragma: no cover - asyncio returns None only when closing
            raise httpcore.ConnectError("the connection closed during the TLS handshake")
        # start_tls keeps calling the old protocol object: hand its state over.
        protocol = self._protocol
        protocol.transport = transport
        return _Stream(transport, protocol)

    def get_extra_info(self, info: str) -> typing.Any:
        if info == "is_readable":
            return bool(self._protocol.buffer) or self._protocol.eof
        if info == "ssl_object":
            return self._transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return self._transport.get_extra_info("sockname")
        if info == "server_addr":
            return self._transport.get_extra_info("peername")
        if info == "socket":
            return self._transport.get_extra_info("socket")
        return None


_ATTEMPT = 2.0  # seconds for each address of a host but its last


def _interleaved(found: list[str]) -> list[str]:
    """Addresses alternating between families, the resolver's first first (RFC 8305)."""
    first = [a for a in found if (":" in a) == (":" in found[0])]
    other = [a for a in found if (":" in a) != (":" in found[0])]
    mixed: list[str] = []
    for index in range(max(len(first), len(other))):
        mixed.extend(group[index] for group in (first, other) if index < len(group))
    return mixed


Resolver = Callable[[str, int], Awaitable[list[str]]]
Connector = Callable[[str, int], Awaitable[tuple[asyncio.BaseTransport, asyncio.BaseProtocol]]]


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """TCP connections on asyncio, to addresses the policy allows and nothing else."""

    def __init__(
        self,
        policy: AddressPolicy,
        *,
        resolver: Resolver | None = None,
        connect: Connector | None = None,
    ) -> None:
        self._policy = policy
        self._resolver = resolver
        self._connect = connect  # tests stand in for the socket; by default asyncio's

    async def _addresses(self, host: str, port: int) -> list[str]:
        literal = addresses.address_of(host)
        if literal is not None:
            return [str(literal)]
        # Looked up at call time, so tests can stand in for DNS.
        resolver = self._resolver or addresses.resolve
        return await resolver(host, port)

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                found = await self._addresses(host, port)
                loopback_ok = addresses.is_loopback_name(host)
                allowed: list[str] = []
                refused: list[str] = []
                for candidate in found:
                    address = addresses.address_of(candidate)
                    kind = None if address is None else self._refusal(address, loopback_ok)
                    if kind is None:
                        allowed.append(candidate)
                    else:
                        refused.append(addresses.describe(host, candidate, kind))
                if not allowed:
                    if refused:
                        raise AddressRefused(refused[0])
                    raise httpcore.ConnectError(f"{host} resolves to no address")
                last: Exception | None = None
                ordered = _interleaved(allowed)
                for index, address_text in enumerate(ordered):
                    # All but the last address get a short try: a family that black-holes
                    # (broken IPv6) must not use up the whole connect timeout.
                    share = None if index == len(ordered) - 1 else _ATTEMPT
                    try:
                        async with asyncio.timeout(share):
                            if self._connect is not None:
                                transport, protocol = await self._connect(address_text, port)
                            else:
                                local = None if local_address is None else (local_address, 0)
                                transport, protocol = await loop.create_connection(
                                    _Protocol, address_text, port, local_addr=local
                                )
                    except OSError as error:  # TimeoutError included: that address's try is over
                        last = error
                        continue
                    sock = transport.get_extra_info("socket")
                    for option in socket_options or ():
                        sock.setsockopt(*option)
                    return _Stream(
                        typing.cast(asyncio.Transport, transport), typing.cast(_Protocol, protocol)
                    )
                assert last is not None
                raise httpcore.ConnectError(str(last)) from last
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"timed out connecting to {host}") from None
        except OSError as error:  # the resolver failed: keep the cause for the verdict
            raise httpcore.ConnectError(str(error)) from error

    def _refusal(self, address: addresses.IPAddress, loopback_ok: bool) -> str | None:
        return addresses.refusal(address, self._policy, loopback_ok=loopback_ok)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:  # pragma: no cover - citecheck never asks for one
        raise httpcore.ConnectError("unix sockets are not used by the link checker")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
