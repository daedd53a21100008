"""The checker's own HTTP/1.1 transport, against a raw loopback server that counts connections."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx
import pytest

from citecheck.links.addresses import AddressPolicy
from citecheck.links.connections import GuardedBackend
from citecheck.links.http11 import Http11Transport

pytestmark = pytest.mark.timeout(20)

Answer = Callable[[bytes, asyncio.StreamReader, asyncio.StreamWriter], Awaitable[bool]]


def page(body: bytes, *extra: str) -> bytes:
    head = ["HTTP/1.1 200 OK", "Content-Type: text/plain", f"Content-Length: {len(body)}", *extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


Scenario = Callable[[httpx.AsyncClient, str], Awaitable[None]]


async def exchange(answer: Answer, scenario: Scenario) -> int:
    """Serve ``answer`` for every request head; run ``scenario``; return connections made."""
    connections = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if not await answer(head, reader, writer):
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport = Http11Transport(GuardedBackend(AddressPolicy()), keepalive_per_host=4)
    try:
        async with httpx.AsyncClient(transport=transport, timeout=2.0) as client:
            await scenario(client, f"http://127.0.0.1:{port}")
    finally:
        server.close()
        await server.wait_closed()
    return connections


def run(answer: Answer, scenario: Scenario) -> int:
    return asyncio.run(exchange(answer, scenario))


async def hello(head: bytes, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
    writer.write(page(b"hello " + head.split(b" ", 2)[1]))
    await writer.drain()
    return True


def test_sequential_requests_share_one_connection() -> None:
    async def scenario(client: httpx.AsyncClient, base: str) -> None:
        for path in ("/a", "/b", "/c"):
            response = await client.get(base + path)
            assert (response.status_code, response.text) == (200, f"hello {path}")
            assert response.http_version == "HTTP/1.1"

    assert run(hello, scenario) == 1


def test_connection_close_and_a_server_that_hangs_up_mean_a_new_connection() -> None:
    async def close_header(head: bytes, _r: asyncio.StreamReader, w: asyncio.StreamWriter) -> bool:
        w.write(page(b"bye", "Connection: close"))
        await w.drain()
        return False

    async def hang_up(head: bytes, _r: asyncio.StreamReader, w: asyncio.StreamWriter) -> bool:
        w.write(page(b"bye"))  # says nothing, then closes: the idle connection is dead
        await w.drain()
        return False

    async def scenario(client: httpx.AsyncClient, base: str) -> None:
        for path in ("/a", "/b"):
            assert (await client.get(base + path)).text == "bye"
            await asyncio.sleep(0.05)  # the server's close reaches us while idle

    assert run(close_header, scenario) == 2
    assert run(hang_up, scenario) == 2


def test_a_body_left_unread_is_not_reused_but_head_and_chunked_are() -> None:
    async def answer(head: bytes, _r: asyncio.StreamReader, w: asyncio.StreamWriter) -> bool:
        if head.startswith(b"HEAD"):
            w.write(page(b"", "X-Size: 5").replace(b"Content-Length: 0", b"Content-Length: 5"))
        elif b"/chunked" in head:
            w.write(
                b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                b"3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n"
            )
        else:
            w.write(page(b"x" * 50_000))
        await w.drain()
        return True

    async def scenario(client: httpx.AsyncClient, base: str) -> None:
        head = await client.head(base + "/h")
        assert head.headers["content-length"] == "5"
        assert head.content == b""
        chunked = await client.get(base + "/chunked")
        assert chunked.content == b"abcdefg"
        async with client.stream("GET", base + "/big") as response:
            assert response.status_code == 200  # closed unread: this connection is dropped
        assert len((await client.get(base + "/again")).content) == 50_000

    assert run(answer, scenario) == 2


def test_a_request_body_is_sent_with_its_length() -> None:
    received: list[bytes] = []

    async def answer(head: bytes, reader: asyncio.StreamReader, w: asyncio.StreamWriter) -> bool:
        length = int(head.lower().split(b"content-length: ", 1)[1].split(b"\r\n", 1)[0])
        received.append(await reader.readexactly(length))
        w.write(page(b"ok"))
        await w.drain()
        return True

    async def scenario(client: httpx.AsyncClient, base: str) -> None:
        assert (await client.post(base + "/form", content=b"q=rivers")).text == "ok"

    run(answer, scenario)
    assert received == [b"q=rivers"]


@pytest.mark.parametrize(
    ("reply", "error", "words"),
    [
        (b"HTTP/1.1 200 OK\r\nX-Junk: " + b"a" * 200_000, httpx.RemoteProtocolError, "too long"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort", httpx.RemoteProtocolError, None),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            httpx.RemoteProtocolError,
            None,
        ),
        (b"", httpx.ReadTimeout, None),
    ],
    ids=["huge-headers", "closed-mid-body", "broken-chunks", "silent"],
)
def test_bad_answers_are_httpx_errors(
    reply: bytes, error: type[Exception], words: str | None
) -> None:
    async def answer(head: bytes, _r: asyncio.StreamReader, w: asyncio.StreamWriter) -> bool:
        w.write(reply)
        await w.drain()
        if not reply:
            await asyncio.sleep(5)  # says nothing at all
        return False

    async def scenario(client: httpx.AsyncClient, base: str) -> None:
        with pytest.raises(error, match=words):
            await client.get(base + "/x", timeout=0.5)

    run(answer, scenario)


def test_only_http_and_https_are_spoken() -> None:
    transport = Http11Transport(GuardedBackend(AddressPolicy()), keepalive_per_host=1)
    request = httpx.Request("GET", "ftp://127.0.0.1/file")
    with pytest.raises(httpx.UnsupportedProtocol):
        asyncio.run(transport.handle_async_request(request))
