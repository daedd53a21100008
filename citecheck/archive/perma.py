"""Create a Perma.cc link for a cited URL (law journals' usual archive).

``POST {perma_api}archives/`` with ``Authorization: ApiKey KEY`` and a JSON
body ``{"url": ..., "folder": ...}`` (the folder must be in the body: as a
query parameter it is silently ignored and the link lands in the personal
quota). A 201 carries the archive object (``guid``, ``creation_timestamp``,
``captures[]``); the public link is ``https://perma.cc/GUID``. While the
primary capture is pending, ``GET {perma_api}capture_jobs/GUID/`` is polled
within a small budget. Errors are DRF validation errors: non-field ones under
``"error"``, field ones under the field's name; a bad key is 401/403. A bad
key, a missing folder and a used-up quota stop Perma for the rest of the run.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from citecheck.archive.session import Session, json_object
from citecheck.archive.throttle import Unreachable
from citecheck.model import Capture

__all__ = ["PERMA_LINK", "create_perma_link"]

PERMA_LINK = "https://perma.cc/"

_Outcome = tuple[Capture | None, tuple[str, ...]]


async def create_perma_link(session: Session, url: str) -> _Outcome:
    """Ask Perma.cc to archive ``url``; never raises."""
    if session.stopped.get("perma"):
        return None, (session.stopped["perma"],)
    base = _base(session)
    body: dict[str, Any] = {"url": url}
    if session.settings.perma_folder is not None:
        body["folder"] = session.settings.perma_folder
    try:
        response = await session.service("perma").send(
            session.client, "POST", f"{base}archives/", json=body, headers=_headers(session)
        )
    except Unreachable as error:
        return None, (f"perma unreachable: {error}",)
    data = json_object(response)
    if response.status_code in {401, 403}:
        detail = _messages(data) or response.reason_phrase
        return None, (
            _stop(
                session,
                f"perma: API key refused (HTTP {response.status_code}): {detail} "
                "(check perma-key or CITECHECK_PERMA_KEY)",
            ),
        )
    if response.status_code == 400:
        detail = _messages(data) or "bad request"
        problem = f"perma refused: {detail}"
        # A missing folder or a used-up quota fails every further link too.
        if data is not None and ("folder" in data or "limit" in detail.lower()):
            return None, (_stop(session, problem + " (no further Perma links this run)"),)
        return None, (problem,)
    if response.status_code not in {200, 201}:
        return None, (f"perma answered HTTP {response.status_code}",)
    if data is None or not isinstance(data.get("guid"), str) or not data["guid"]:
        return None, ("perma: the answer has no guid",)
    guid = str(data["guid"])
    capture = Capture(
        provider="perma",
        url=url,
        archive_url=f"{PERMA_LINK}{guid}",
        timestamp=_when(data.get("creation_timestamp")),
    )
    primary = _primary_status(data)
    if primary == "failed":
        return capture, (f"perma: the capture of {url} failed ({PERMA_LINK}{guid})",)
    if primary == "pending":
        return capture, await _wait_for_job(session, guid)
    return capture, ()


def _base(session: Session) -> str:
    base = session.settings.perma_api
    return base if base.endswith("/") else base + "/"


def _headers(session: Session) -> dict[str, str]:
    return {"Authorization": f"ApiKey {session.settings.perma_key}", "Accept": "application/json"}


def _messages(data: dict[str, Any] | None) -> str:
    """DRF errors as one line: non-field errors first, then ``field: message``."""
    if not data:
        return ""
    parts: list[str] = []
    for key, value in data.items():
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if not isinstance(text, str):
                continue
            parts.append(text if key in {"error", "detail"} else f"{key}: {text}")
    return "; ".join(parts)


def _stop(session: Session, problem: str) -> str:
    session.stopped["perma"] = problem
    return problem


def _when(value: object) -> datetime:
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return datetime.now(UTC)


def _primary_status(data: dict[str, Any]) -> str | None:
    for capture in data.get("captures") or ():
        if isinstance(capture, dict) and capture.get("role") == "primary":
            return str(capture.get("status") or "")
    return None


async def _wait_for_job(session: Session, guid: str) -> tuple[str, ...]:
    """Poll the capture job until it ends or the budget is spent."""
    limits = session.limits
    delay, waited = min(1.0, limits.poll_first), 0.0
    status = "pending"
    while waited < limits.perma_poll_budget:
        await asyncio.sleep(delay)
        waited += delay
        delay = min(delay * 2, limits.poll_max)
        try:
            response = await session.service("perma").send(
                session.client,
                "GET",
                f"{_base(session)}capture_jobs/{guid}/",
                headers=_headers(session),
            )
        except Unreachable as error:
            return (f"perma unreachable: {error}",)
        data = json_object(response) if response.status_code == 200 else None
        if data is None:
            continue
        status = str(data.get("status") or "")
        if status == "completed":
            return ()
        if status in {"failed", "invalid", "deleted"}:
            message = str(data.get("message") or "").strip()
            return (f"perma: capture job {guid} {status}" + (f": {message}" if message else ""),)
    return (f"perma: capture {PERMA_LINK}{guid} still {status}; check it later",)
