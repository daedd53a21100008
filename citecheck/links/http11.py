"""The link checker's own HTTP/1.1 transport: h11 over the guarded streams, a few idle
connections per origin.

Why not httpcore: a link check is one small exchange per URL, and on loopback
httpx's default stack spent ~1.9 ms of CPU on each (locks, cancel scopes and
pool scans through anyio, per request), while the exchange itself, h11 over an
asyncio protocol, costs ~0.15 ms (``benchmarks/links.py``). On a big run that
CPU is what the slowest host waits for. This transport keeps httpx's API
(requests, responses, exceptions) and does only what a checker needs:

* one exchange at a time per connection; idle connections kept per origin
  (newest first, so the warm one is reused) and dropped after ``_KEEPALIVE``
  seconds or when the server has closed or spoken out of turn;
* connections made by ``connections.GuardedBackend`` (the address policy,
  checked on the address dialled), TLS with SNI and HTTP/1.1 by ALPN;
* h11's limits: a header block past 100 KiB is refused (as httpcore does),
  and bad framing is a ``RemoteProtocolError``, never a hang.

Proxies stay with httpx's own transport (``pools.HostPools`` chooses); HTTP/2
is not offered: one request per URL gains nothing from multiplexing.
"""

from __future__ import annotations

import ssl
import time
from collections import deque
from collections.abc import AsyncIterator

import h11
import httpcore
import httpx

from citecheck.links.connections import GuardedBackend

__all__ = ["Http11Transport"]

_KEEPALIVE = 5.0  # seconds an idle connection is kept (servers drop theirs after 5-15 s)
_MAX_HEADER_BLOCK = 100 * 1024  # as httpcore: past it, h11 says "buffer too long"
_READ = 64 * 1024

# httpcore's errors (raised by the guarded streams) as the httpx errors callers expect.
_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (h11.RemoteProtocolError, httpx.RemoteProtocolError),
    (h11.LocalProtocolError, httpx.LocalProtocolError),
)


_LOW = tuple(low for low, _ in _ERRORS)


def _as_httpx(error: Exception, request: httpx.Request) -> httpx.TransportError:
    """The httpx error for one of ``_LOW``, chained to it by the caller (``raise ... from``)."""
    high = next(high for low, high in _ERRORS if isinstance(error, low))
    return high(str(error) or type(error).__name__, request=request)


class _Connection:
    """One socket and its h11 state machine."""

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self.stream = stream
        self.state = h11.Connection(h11.CLIENT, max_incomplete_event_size=_MAX_HEADER_BLOCK)
        self.idle_since = 0.0

    def reusable(self, now: float) -> bool:
        # Bytes or EOF on an idle connection: the server closed it or spoke out of turn.
        readable = bool(self.stream.get_extra_info("is_readable"))
        return not readable and now - self.idle_since < _KEEPALIVE

    async def next_event(self, timeout: float | None) -> h11.Event:
        while True:
            event = self.state.next_event()
            if event is h11.PAUSED:  # cannot happen mid-answer; never wait for it
                raise h11.RemoteProtocolError("the exchange paused mid-answer")
            if event is not h11.NEED_DATA:
                return event  # type: ignore[return-value]  # NEED_DATA and PAUSED are ruled out
            # An empty read is EOF: h11 then says the server closed mid-answer.
            self.state.receive_data(await self.stream.read(_READ, timeout))

    async def close(self) -> None:
        await self.stream.aclose()


class _Body(httpx.AsyncByteStream):
    """A response body straight off the connection; the connection goes back when done."""

    def __init__(
        self,
        transport: Http11Transport,
        key: tuple[str, str, int],
        connection: _Connection,
        request: httpx.Request,
        read_timeout: float | None,
    ) -> None:
        self._transport = transport
        self._key = key
        self._connection = connection
        self._request = request
        self._timeout = read_timeout
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        connection = self._connection
        while True:
            try:
                event = await connection.next_event(self._timeout)
            except _LOW as error:
                raise _as_httpx(error, self._request) from error
            if isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage):
                return

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        await self._transport.release(self._key, self._connection)


class Http11Transport(httpx.AsyncBaseTransport):
    """HTTP/1.1 for the link checker, direct connections only."""

    def __init__(self, backend: GuardedBackend, *, keepalive_per_host: int) -> None:
        self._backend = backend
        self._keepalive = max(1, keepalive_per_host)
        self._idle: dict[tuple[str, str, int], deque[_Connection]] = {}
        self._busy: set[_Connection] = set()
        self._ssl: ssl.SSLContext | None = None

    def _tls(self) -> ssl.SSLContext:
        if self._ssl is None:  # loading the CA store costs ~40 ms: once, and only for https
            context = ssl.create_default_context()
            context.set_alpn_protocols(["http/1.1"])
            self._ssl = context
        return self._ssl

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        if url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"not an HTTP address: {url.scheme}:", request=request)
        port = url.port or (443 if url.scheme == "https" else 80)
        key = (url.scheme, url.host, port)
        timeouts = request.extensions.get("timeout", {})
        read_timeout = timeouts.get("read")
        try:
            connection = await self._connection(key, timeouts.get("connect"))
        except _LOW as error:
            raise _as_httpx(error, request) from error
        self._busy.add(connection)
        try:
            return await self._exchange(key, connection, request, timeouts, read_timeout)
        except BaseException as error:
            # Cancelled or failed mid-exchange: the connection's state is unknown.
            self._busy.discard(connection)
            await connection.close()
            if isinstance(error, _LOW):
                raise _as_httpx(error, request) from error
            raise

    async def _exchange(
        self,
        key: tuple[str, str, int],
        connection: _Connection,
        request: httpx.Request,
        timeouts: dict[str, float | None],
        read_timeout: float | None,
    ) -> httpx.Response:
        state, stream = connection.state, connection.stream
        target = request.url.raw_path
        head = h11.Request(method=request.method, target=target, headers=request.headers.raw)
        pending = state.send(head) or b""
        async for chunk in request.stream:  # type: ignore[union-attr]  # an async stream
            await stream.write(pending, timeouts.get("write"))
            pending = state.send(h11.Data(data=chunk)) or b""
        # The head (or last chunk) and the end of the message leave in one write.
        await stream.write(pending + (state.send(h11.EndOfMessage()) or b""), timeouts.get("write"))
        while True:
            event = await connection.next_event(read_timeout)
            if isinstance(event, h11.InformationalResponse):
                continue  # 100 Continue and friends: the answer follows
            if isinstance(event, h11.Response):
                break
            raise h11.RemoteProtocolError(f"unexpected {type(event).__name__} before the answer")
        return httpx.Response(
            status_code=event.status_code,
            headers=list(event.headers),
            stream=_Body(self, key, connection, request, read_timeout),
            extensions={
                "http_version": b"HTTP/" + event.http_version,
                "reason_phrase": bytes(event.reason),
                "network_stream": stream,
            },
        )

    async def _connection(self, key: tuple[str, str, int], timeout: float | None) -> _Connection:
        idle = self._idle.get(key)
        now = time.monotonic()
        while idle:
            connection = idle.pop()
            if connection.reusable(now):
                return connection
            await connection.close()
        scheme, host, port = key
        stream = await self._backend.connect_tcp(host, port, timeout=timeout)
        if scheme == "https":
            stream = await stream.start_tls(self._tls(), server_hostname=host, timeout=timeout)
        return _Connection(stream)

    async def release(self, key: tuple[str, str, int], connection: _Connection) -> None:
        """A response was closed: keep its connection if the exchange ended cleanly."""
        self._busy.discard(connection)
        state = connection.state
        idle = self._idle.setdefault(key, deque())
        if (
            state.our_state is h11.DONE
            and state.their_state is h11.DONE
            and len(idle) < self._keepalive
        ):
            state.start_next_cycle()
            connection.idle_since = time.monotonic()
            idle.append(connection)
        else:
            await connection.close()  # a body left unread, or the server said "close"

    async def aclose(self) -> None:
        connections = [c for idle in self._idle.values() for c in idle] + list(self._busy)
        self._idle.clear()
        self._busy.clear()
        for connection in connections:
            await connection.close()
