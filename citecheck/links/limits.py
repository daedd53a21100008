"""What a server says about its limits: ``Retry-After`` and rate-limit quota headers."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

__all__ = ["parse_retry_after", "quota_wait"]


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP-date."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def quota_wait(headers: httpx.Headers, *, now: float | None = None) -> float | None:
    """Seconds until a used-up rate-limit quota refills, or None when it is not used up.

    Reads GitHub's ``X-RateLimit-Remaining``/``X-RateLimit-Reset`` (epoch
    seconds) and the IETF draft's ``RateLimit-Remaining``/``RateLimit-Reset``
    (delta seconds) or ``RateLimit: remaining=0, reset=30``.
    """
    fields = {
        key.strip().lower(): value.strip()
        for key, _, value in (
            part.partition("=") for part in headers.get("ratelimit", "").split(",")
        )
    }
    remaining = fields.get("remaining") or headers.get("ratelimit-remaining")
    remaining = remaining or headers.get("x-ratelimit-remaining")
    if remaining is None or remaining.strip() != "0":
        return None
    reset = fields.get("reset") or headers.get("ratelimit-reset")
    reset = reset or headers.get("x-ratelimit-reset")
    try:
        value = float(reset or "")
    except ValueError:
        return 1.0  # used up, refill time unknown: a short pause
    if value > 1e9:  # an epoch time, as GitHub sends
        return max(0.0, value - (time.time() if now is None else now))
    return max(0.0, value)
