"""Retry-After parsing and the limiter's pause, as units (httpx.MockTransport)."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from citecheck.archive.throttle import Service, ServiceLimits, Unreachable, _retry_after


def _response(value: str | None) -> httpx.Response:
    headers = {} if value is None else {"Retry-After": value}
    return httpx.Response(429, headers=headers)


def test_retry_after_forms() -> None:
    assert _retry_after(_response("7"), 60.0) == 7.0
    assert _retry_after(_response(None), 60.0) == 60.0
    assert _retry_after(_response("soon"), 60.0) == 60.0
    later = datetime.now(UTC) + timedelta(seconds=120)
    assert 100.0 < _retry_after(_response(format_datetime(later, usegmt=True)), 60.0) <= 120.0
    earlier = datetime.now(UTC) - timedelta(seconds=120)
    assert _retry_after(_response(format_datetime(earlier, usegmt=True)), 60.0) == 0.0


def test_503_is_retried_and_429_paused() -> None:
    answers = [httpx.Response(503, headers={"Retry-After": "0"}), httpx.Response(200)]

    def handler(request: httpx.Request) -> httpx.Response:
        return answers.pop(0)

    async def go() -> int:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            service = Service("cdx", 10, ServiceLimits(window=1.0))
            return (await service.send(client, "GET", "http://ia.test/cdx")).status_code

    assert asyncio.run(go()) == 200
    assert answers == []


def test_connection_failure_marks_the_service_down() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise httpx.ConnectError("refused", request=request)

    async def go() -> list[str]:
        out = []
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            service = Service("cdx", 10, ServiceLimits(window=1.0))
            for _ in range(3):
                with pytest.raises(Unreachable) as caught:
                    await service.send(client, "GET", "http://ia.test/cdx")
                out.append(str(caught.value))
        return out

    assert asyncio.run(go()) == ["ConnectError: refused"] * 3
    assert calls == 1  # the later calls never left the client


def test_budget_makes_the_next_request_wait() -> None:
    async def go() -> float:
        async with httpx.AsyncClient(
            transport=httpx.MockTransport(lambda request: httpx.Response(200))
        ) as client:
            service = Service("cdx", 2, ServiceLimits(window=0.3))
            start = time.monotonic()
            for _ in range(3):
                await service.send(client, "GET", "http://ia.test/cdx")
            return time.monotonic() - start

    assert asyncio.run(go()) >= 0.3
