"""Shared test fixtures: where the corpus lives, and tests that need a tool.

A test marked ``@pytest.mark.pandoc`` is skipped when pandoc is not on the
PATH, unless CITECHECK_REQUIRE_TOOLS=1 (as in CI), where it must run. A test
marked ``@pytest.mark.typesetters`` (rebuilding the PDF fixtures) is skipped
unless pandoc, pdflatex, soffice and chromium are all installed.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres_server import postgres_bin, running_postgres

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture
def corpus_dir() -> Path:
    """The folder of named test manuscripts (tests/corpus)."""
    return CORPUS


_TYPESETTERS = ("pandoc", "pdflatex", "soffice", "chromium")
# The sources stage is on by default: no test may reach the real Crossref, OpenAlex or
# CourtListener. Point them at a loopback port nobody listens on (connections are
# refused at once, so lookups are "unverified"); tests that need them set their own.
# The same for the archives (`check` and `batch` look dead links up in the Wayback).
_CLOSED = "http://127.0.0.1:9"
_ARCHIVES = ("CITECHECK_WAYBACK_API", "CITECHECK_WAYBACK_WEB", "CITECHECK_PERMA_API")


@pytest.fixture(autouse=True)
def _no_real_bibliographic_services(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CITECHECK_CROSSREF_API", "CITECHECK_OPENALEX_API", "CITECHECK_COURTLISTENER_API"):
        monkeypatch.setenv(name, _CLOSED)
    for name in _ARCHIVES:
        monkeypatch.setenv(name, _CLOSED if name != "CITECHECK_PERMA_API" else _CLOSED + "/v1/")
    monkeypatch.delenv("CITECHECK_COURTLISTENER_TOKEN", raising=False)
    monkeypatch.delenv("CITECHECK_MAILTO", raising=False)


def pytest_runtest_setup(item: pytest.Item) -> None:
    # The PDF fixtures are committed; rebuilding them is optional, even in CI.
    if item.get_closest_marker("typesetters"):
        missing = [tool for tool in _TYPESETTERS if shutil.which(tool) is None]
        if missing:
            pytest.skip(f"not installed: {', '.join(missing)}")
    if item.get_closest_marker("pandoc") and shutil.which("pandoc") is None:
        if os.environ.get("CITECHECK_REQUIRE_TOOLS") == "1":
            pytest.fail("pandoc is required (CITECHECK_REQUIRE_TOOLS=1) but not installed")
        pytest.skip("pandoc is not installed")


# --------------------------------------------------------------------------
# A real PostgreSQL server for the store and batch tests
# --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """``postgresql://`` URL of a throwaway server (``postgres_server``), one per session."""
    binaries = postgres_bin()
    if binaries is None:
        if os.environ.get("CITECHECK_REQUIRE_TOOLS") == "1":
            pytest.fail("PostgreSQL is required (CITECHECK_REQUIRE_TOOLS=1) but not installed")
        pytest.skip("PostgreSQL (initdb) is not installed")
    with running_postgres(binaries) as url:
        yield url


_databases = itertools.count()


@pytest.fixture
def fresh_postgres(postgres_url: str) -> str:
    """The URL of a new, empty database on the session's server."""
    import psycopg

    name = f"t{next(_databases)}"
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}".encode())
    return postgres_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new store of each backend (the test runs once per backend)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        yield request.getfixturevalue("fresh_postgres")


_DRIP_FOR = 90.0  # seconds the server would keep dripping if nobody hung up


@pytest.fixture
def dripping_base() -> Iterator[str]:
    """A loopback server that answers 200 and then drips its body a byte every 0.2 s."""
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
