"""Fixtures for the archive tests: the loopback stand-ins and quick limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_standins import ArchiveStandIn, WebStandIn

from citecheck.archive import ServiceLimits
from citecheck.config import ArchiveSettings


@pytest.fixture
def ia() -> Iterator[ArchiveStandIn]:
    server = ArchiveStandIn("127.0.0.2")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def web() -> Iterator[WebStandIn]:
    server = WebStandIn("127.0.0.3")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def settings(ia: ArchiveStandIn, tmp_path: Path) -> ArchiveSettings:
    return ArchiveSettings(
        providers=("warc",),
        wayback_api=ia.base,
        wayback_web=ia.base,
        perma_api=f"{ia.base}/v1/",
        warc_dir=tmp_path / "archive",
    )


@pytest.fixture
def limits() -> ServiceLimits:
    """Short waits so the suite stays quick; budgets high unless a test lowers them."""
    return ServiceLimits(
        window=1.0,
        cdx=100,
        availability=100,
        save=100,
        save_status=100,
        replay=100,
        perma=100,
        retries=2,
        default_retry_after=0.05,
        max_retry_after=5.0,
        poll_first=0.02,
        poll_max=0.05,
        poll_budget=1.0,
        perma_poll_budget=1.0,
        timeout=5.0,
        connect_timeout=2.0,
    )
