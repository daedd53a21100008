"""A service that drips its answer a byte at a time cannot hold a lookup.

httpx's timeouts are per read, and a byte every 0.2 s never trips a 1 s read
timeout; the stage gives each request a total deadline (3 x the timeout).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from citecheck.config import SourcesSettings
from citecheck.model import Citation, CitationType, Location, PartialDate, Person, SourceStatus
from citecheck.sources import look_up_sources

_DRIP_FOR = 90.0  # seconds the server would keep dripping if nobody hung up


@pytest.fixture
def dripping_base() -> Iterator[str]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.5)
    stop = threading.Event()

    def drip(conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            conn.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: 100000\r\n\r\n"
            )
            ends = time.monotonic() + _DRIP_FOR
            while not stop.is_set() and time.monotonic() < ends:
                try:
                    conn.sendall(b" ")
                except OSError:
                    return  # the client hung up
                time.sleep(0.2)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=drip, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(timeout=5)
    listener.close()


@pytest.mark.timeout(40)
def test_a_dripping_service_leaves_the_lookup_unverified(dripping_base: str) -> None:
    settings = replace(
        SourcesSettings(),
        crossref_api=dripping_base,
        openalex_api=dripping_base,
        timeout=1.0,
        retries=1,
    )
    cited = Citation(
        note="1",
        index=0,
        raw="Jane Roe, 'A Study of Drips' (2001) 12 Journal of Slow Answers 34.",
        location=Location("essay.md", 3),
        type=CitationType.ARTICLE,
        authors=(Person("Roe", "Jane"),),
        title="A Study of Drips",
        container="Journal of Slow Answers",
        volume="12",
        pages="34",
        date=PartialDate(2001),
    )
    outcome = asyncio.run(look_up_sources([cited], settings))
    (result,) = outcome.results
    assert result.status is SourceStatus.UNVERIFIED
    assert "did not answer in time" in result.reason
