"""Ask the Wayback Machine for a fresh capture with Save Page Now 2 (SPN2).

SPN2 is asynchronous: ``POST {wayback_web}/save`` (form-encoded, with
``Authorization: LOW access:secret``) answers a ``job_id``, and
``GET {wayback_web}/save/status/{job_id}`` is polled with a growing, bounded
wait until ``success`` or ``error``. Its quirks, all handled here:

* errors come back with HTTP 200, on the POST as well as on the poll
  (``{"status": "error", "status_ext": "error:...", "message": ...}``);
* a repeated request returns the same ``job_id`` (polled once per run);
* an answer may carry only a ``message`` and no ``job_id``;
* 429 (too many requests) and per-day limits; 401 (bad keys) and the daily
  bandwidth errors stop every further save of the run.

A fresh capture can take hours to show up in the CDX, so success is the SPN2
``timestamp`` and ``original_url``, never a CDX look-up.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from citecheck.archive.choose import timestamp_datetime
from citecheck.archive.session import Session, json_object
from citecheck.archive.throttle import Unreachable
from citecheck.archive.wayback import replay_url
from citecheck.model import Capture

__all__ = ["save_page"]

_Outcome = tuple[Capture | None, tuple[str, ...]]

# status_ext codes after which no further save of this run can succeed.
_STOP_RUN = ("error:max-daily-bandwidth", "error:unauthorized")


async def save_page(session: Session, url: str) -> _Outcome:
    """Capture ``url`` with SPN2 and wait (bounded) for the result; never raises."""
    if session.stopped.get("save"):
        return None, (session.stopped["save"],)
    web = session.settings.wayback_web.rstrip("/")
    headers = _headers(session)
    form = {
        "url": url,
        # Skips the "is this the first capture" check, which SPN2 says is slow.
        "skip_first_archive": "1",
        # A capture from the last day is as good as a new one for a citation,
        # and spares the per-URL daily quota on re-runs.
        "if_not_archived_within": "86400",
    }
    try:
        response = await session.service("save").send(
            session.client, "POST", f"{web}/save", data=form, headers=headers
        )
    except Unreachable as error:
        return None, (f"wayback unreachable: {error}",)
    if response.status_code == 401:
        return None, (
            _stop(
                session,
                f"wayback save: keys refused (HTTP 401): {_message(response)} "
                "(check ia-keys or CITECHECK_IA_KEYS)",
            ),
        )
    if response.status_code == 429:
        return None, ("wayback save: rate limited (HTTP 429) after waiting; not captured",)
    if response.status_code == 502:
        return None, ("wayback save: Save Page Now is down (HTTP 502)",)
    if response.status_code != 200:
        return None, (f"wayback save answered HTTP {response.status_code}",)
    data = json_object(response)
    if data is None:
        return None, ("wayback save: the answer is not JSON",)
    if data.get("status") == "error":
        return None, (_refusal(session, data),)
    job_id = data.get("job_id")
    if not isinstance(job_id, str) or not job_id:
        message = data.get("message") or "no job id and no message"
        return None, (f"wayback save: no job started: {message}",)

    # One poll per job: SPN2 returns the same job for a repeated request.
    task = session.save_jobs.get(job_id)
    if task is None:
        task = asyncio.ensure_future(_poll(session, job_id, url))
        session.save_jobs[job_id] = task
    capture, problems = await task
    if capture is not None and capture.url != url:
        capture = replace(capture, url=url)
    return capture, problems


def _headers(session: Session) -> dict[str, str]:
    return {"Authorization": f"LOW {session.settings.ia_keys}", "Accept": "application/json"}


def _message(response: Any) -> str:
    data = json_object(response)
    if data and isinstance(data.get("message"), str):
        return str(data["message"])
    return str(response.text[:200]).strip() or "no message"


def _stop(session: Session, problem: str) -> str:
    session.stopped["save"] = problem
    return problem


def _refusal(session: Session, data: dict[str, Any]) -> str:
    code = str(data.get("status_ext") or "error")
    message = str(data.get("message") or "").strip()
    text = f"wayback save refused: {code}" + (f": {message}" if message else "")
    if code == "error:too-many-daily-captures":
        return (
            "wayback save: this URL has reached its captures for today "
            "(error:too-many-daily-captures); an existing capture stands"
        )
    if code.startswith(_STOP_RUN):
        return _stop(session, text + " (no further saves this run)")
    return text


async def _poll(session: Session, job_id: str, url: str) -> _Outcome:
    limits = session.limits
    web = session.settings.wayback_web.rstrip("/")
    delay = limits.poll_first
    waited = 0.0
    last = "pending"
    while waited < limits.poll_budget:
        await asyncio.sleep(delay)
        waited += delay
        delay = min(delay * 1.5, limits.poll_max)
        try:
            response = await session.service("save-status").send(
                session.client, "GET", f"{web}/save/status/{job_id}", headers=_headers(session)
            )
        except Unreachable as error:
            return None, (f"wayback unreachable: {error}",)
        data = json_object(response) if response.status_code == 200 else None
        if data is None:
            # A failed poll is not a failed capture; keep asking within the budget.
            last = f"status check answered HTTP {response.status_code}"
            continue
        status = data.get("status")
        if status == "success":
            return _success(session, data, url, web)
        if status == "error":
            return None, (_refusal(session, data),)
        last = str(status or "no status")
    return None, (
        f"wayback save: job {job_id} still {last} after {waited:.0f} s; "
        "the capture may appear later",
    )


def _success(session: Session, data: dict[str, Any], url: str, web: str) -> _Outcome:
    timestamp = str(data.get("timestamp") or "")
    original = str(data.get("original_url") or url)
    try:
        when = timestamp_datetime(timestamp)
    except ValueError:
        return None, (f"wayback save: success without a usable timestamp ({timestamp!r})",)
    status = data.get("http_status")
    return (
        Capture(
            provider="wayback",
            url=url,
            archive_url=replay_url(web, timestamp, original),
            timestamp=when,
            http_status=status if isinstance(status, int) else None,
        ),
        (),
    )
