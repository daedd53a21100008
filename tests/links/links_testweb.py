"""A small real web on loopback for the link checker's tests and benchmark.

Each ``Host`` listens on its own loopback address (127.0.0.2, 127.0.0.3 ...),
so the checker sees distinct hosts exactly as on the Internet. The server is
a plain HTTP/1.1 server on asyncio streams (keep-alive, HEAD, streamed
bodies), running in a background thread so tests can drive the checker with
``asyncio.run`` in the main thread. Every host counts what it saw: requests
per (method, path), requests in flight (and the most at once), 429s sent,
body bytes written per path.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from email.utils import formatdate

from pdf_objects import pdf_file, stream

__all__ = [
    "Host",
    "Request",
    "Response",
    "TestWeb",
    "closed_port",
    "html_page",
    "http_date",
    "pdf_bytes",
]


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    host: Host


@dataclass
class Response:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    # A generated body for huge responses: (total length, chunk factory).
    stream: tuple[int, Callable[[], AsyncIterator[bytes]]] | None = None
    content_type: str = "text/html; charset=utf-8"


Handler = Callable[[Request], Awaitable[Response]]

_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    410: "Gone",
    429: "Too Many Requests",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error",
    503: "Service Unavailable",
    999: "Request denied",
}


class Host:
    """One loopback address with its routes and counters."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.port = 0
        self.routes: dict[str, Handler] = {}
        self.fallback: Handler | None = None
        self.limit: int | None = None  # hidden limit on requests in flight (429 above it)
        self.retry_after = "1"
        self.latency = 0.0
        self.requests: Counter[tuple[str, str]] = Counter()
        self.bytes_sent: Counter[str] = Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        self.throttled = 0

    @property
    def base(self) -> str:
        return f"http://{self.address}:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes[path] = handler
            return handler

        return register

    def page(self, path: str, body: bytes | str, *, status: int = 200, **headers: str) -> None:
        """A fixed answer on ``path``."""
        data = body.encode() if isinstance(body, str) else body

        async def handler(_: Request) -> Response:
            return Response(status=status, body=data, headers=dict(headers))

        self.routes[path] = handler

    def redirect(self, path: str, to: str, *, status: int = 302) -> None:
        async def handler(_: Request) -> Response:
            return Response(status=status, headers={"Location": to})

        self.routes[path] = handler

    def hits(self, path: str, method: str | None = None) -> int:
        return sum(n for (m, p), n in self.requests.items() if p == path and method in (None, m))

    async def _handle(self, request: Request) -> Response:
        if self.latency:
            await asyncio.sleep(self.latency)
        handler = self.routes.get(request.path) or self.fallback
        if handler is None:
            return Response(status=404, body=html_page("Not Found", "<p>No such page.</p>"))
        return await handler(request)


class TestWeb:
    """Loopback hosts served from one background event loop."""

    def __init__(self) -> None:
        self.hosts: list[Host] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._servers: list[asyncio.AbstractServer] = []
        self._connections: set[asyncio.Task[None]] = set()
        self._thread.start()

    def add_host(self, address: str) -> Host:
        host = Host(address)
        server = asyncio.run_coroutine_threadsafe(self._listen(host), self._loop).result(10)
        self._servers.append(server)
        host.port = server.sockets[0].getsockname()[1]
        self.hosts.append(host)
        return host

    async def _listen(self, host: Host) -> asyncio.AbstractServer:
        async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            self._connections.add(task)
            try:
                await self._serve(host, reader, writer)
            except asyncio.CancelledError:
                pass  # shutting down; asyncio.streams would log a cancelled handler as an error
            finally:
                self._connections.discard(task)

        return await asyncio.start_server(on_connect, host.address, 0, backlog=512)

    async def _serve(
        self, host: Host, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        try:
            while True:
                line = await reader.readline()
                if not line.strip():
                    return
                method, target, _ = line.decode("latin-1").split(" ", 2)
                headers: dict[str, str] = {}
                while True:
                    raw = await reader.readline()
                    if raw in (b"\r\n", b"\n", b""):
                        break
                    name, _, value = raw.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                path = target.split("?", 1)[0]
                host.requests[(method, path)] += 1
                host.in_flight += 1
                host.max_in_flight = max(host.max_in_flight, host.in_flight)
                try:
                    if host.limit is not None and host.in_flight > host.limit:
                        host.throttled += 1
                        response = Response(
                            status=429, headers={"Retry-After": host.retry_after}, body=b"slow down"
                        )
                    else:
                        response = await host._handle(Request(method, path, headers, host))
                    await self._write(host, path, method, response, writer)
                finally:
                    host.in_flight -= 1
                if headers.get("connection", "").lower() == "close":
                    return
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            return
        finally:
            writer.close()

    async def _write(
        self, host: Host, path: str, method: str, response: Response, writer: asyncio.StreamWriter
    ) -> None:
        length = response.stream[0] if response.stream else len(response.body)
        head = [f"HTTP/1.1 {response.status} {_REASONS.get(response.status, 'Whatever')}"]
        headers = {"Content-Type": response.content_type, **response.headers}
        headers.setdefault("Content-Length", str(length))
        head += [f"{name}: {value}" for name, value in headers.items()]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
        if method != "HEAD":
            if response.stream is not None:
                async for chunk in response.stream[1]():
                    writer.write(chunk)
                    await writer.drain()
                    host.bytes_sent[path] += len(chunk)
            else:
                writer.write(response.body)
                host.bytes_sent[path] += len(response.body)
        await writer.drain()

    def close(self) -> None:
        async def stop() -> None:
            for server in self._servers:
                server.close()
            for task in list(self._connections):
                task.cancel()
            await asyncio.gather(*self._connections, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()


def closed_port(address: str = "127.0.0.1") -> int:
    """A port on ``address`` where nothing listens (connections are refused)."""
    with socket.socket() as probe:
        probe.bind((address, 0))
        return int(probe.getsockname()[1])


def http_date(seconds_from_now: float) -> str:
    return formatdate(time.time() + seconds_from_now, usegmt=True)


def html_page(title: str, body: str, *, head: str = "") -> bytes:
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body>{body}</body></html>"
    ).encode()


def pdf_bytes(text: str, *, title: str = "A report") -> bytes:
    """A minimal one-page PDF whose text pypdf can extract."""
    content = f"BT /F1 18 Tf 40 700 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title}) /Author (Ada Lovelace) >>".encode(),
    ]
    return pdf_file(objects, info=6)
