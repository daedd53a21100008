"""Fixtures for the links tests: a loopback test web and quick settings."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from links_testweb import Host, TestWeb

from citecheck.config import LinkSettings

# Every host of the session gets its own loopback address: counters never mix.
_ADDRESSES = (f"127.0.{a}.{b}" for a, b in itertools.product(range(10, 250), range(2, 250)))


@pytest.fixture
def web() -> Iterator[TestWeb]:
    server = TestWeb()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def new_host(web: TestWeb) -> Callable[[], Host]:
    """``new_host()`` adds a fresh loopback host to the test web."""

    def make() -> Host:
        return web.add_host(next(_ADDRESSES))

    return make


@pytest.fixture
def settings() -> LinkSettings:
    """Short timeouts and retries, no cache: tests stay quick and never touch ~/.cache."""
    return replace(
        LinkSettings(),
        timeout=2.0,
        connect_timeout=2.0,
        retries=2,
        max_retry_after=3.0,
        max_bytes=64 * 1024,
        cache_path=None,
        # localhost resolves from /etc/hosts: "DNS works" without a query leaving.
        dns_canaries=("localhost",),
    )
