"""Find an existing Wayback Machine capture of a cited URL.

Two Internet Archive endpoints, on two hosts:

* the Availability API (``{wayback_api}/wayback/available``) is a cheap first
  probe. It returns one capture either side of the date, with no status
  filter, and is known to answer ``{"archived_snapshots": {}}`` for URLs that
  *are* archived, so an empty answer means "unknown", never "not archived".
  A non-empty answer with status 200 is kept as a fallback for when the
  CDX fails or disagrees.
* the CDX API (``{wayback_web}/cdx/search/cdx``) lists captures; the choice
  among them is ``choose.choose_capture``. Two bounded range queries (the
  last ones up to the date, then the first ones after it) avoid both listing
  a popular URL's whole history and the undocumented ``sort=closest``.
  When the probe names no capture, or its nearest capture is after the
  date, one query for the URL's first captures usually answers both: none
  at all means nothing to choose; if they reach past the date, they hold
  every capture up to it and the first one after it, so the choice is the
  same as from the two queries; otherwise the two queries follow (one query
  more, when the probe was wrong about an archived URL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from citecheck.archive.choose import (
    CdxRow,
    choose_capture,
    parse_cdx_json,
    period_bounds,
    timestamp_datetime,
    timestamp_text,
)
from citecheck.archive.session import Session
from citecheck.archive.throttle import Unreachable
from citecheck.model import PartialDate, Snapshot

__all__ = ["Found", "find_snapshot", "original_of", "replay_url", "snapshot_stamp"]

# Enough rows either side of the date to step over error pages and revisits.
_ROWS = 25
_FIELDS = "timestamp,original,statuscode,mimetype,digest"
_MEMENTO_PATH = re.compile(r"/web/(\d{14})[a-z_]*/(.+)$")


@dataclass(frozen=True, slots=True)
class Found:
    """The snapshot chosen for a URL (if any), its CDX digest, and what went wrong."""

    snapshot: Snapshot | None
    digest: str = ""
    problems: tuple[str, ...] = ()


class _Failed(Exception):
    """An answer that cannot be used; the message is the problem to report."""


def replay_url(web: str, timestamp: str, original: str, *, flag: str = "") -> str:
    """``{web}/web/{timestamp}{flag}/{original}``; ``flag="id_"`` asks for the original bytes."""
    return f"{web.rstrip('/')}/web/{timestamp}{flag}/{original}"


async def find_snapshot(session: Session, url: str, cited: PartialDate | None) -> Found:
    """The capture to cite for ``url`` near ``cited`` (see ``choose``), never raising."""
    problems: list[str] = []
    probe: Snapshot | None = None
    probe_failure = ""
    # The probe's nearest capture of any status ("" when it named none; None when it
    # did not answer): only a hint for which CDX query to send first.
    nearest: str | None = None
    try:
        probe, nearest = await _availability(session, url, cited)
    except Unreachable:
        # The probe is on another host than the CDX; only the CDX's own
        # failure below decides whether the Wayback Machine is unreachable.
        pass
    except _Failed as error:
        # Worth saying only if the CDX fails too.
        probe_failure = str(error)

    rows: tuple[CdxRow, ...] | None
    try:
        rows = await _cdx_rows(session, url, cited, nearest)
    except Unreachable as error:
        problems.append(f"wayback unreachable: {error}")
        rows = None
    except _Failed as error:
        problems.append(str(error))
        rows = None

    if rows is not None:
        chosen = choose_capture(rows, cited, now=session.now())
        if chosen is not None:
            snapshot = Snapshot(
                url=url,
                archive_url=replay_url(
                    session.settings.wayback_web, chosen.timestamp, chosen.original
                ),
                timestamp=timestamp_datetime(chosen.timestamp),
                provider="wayback",
                http_status=200,
            )
            gap = _days_after(cited, chosen.timestamp)
            if gap is not None:
                problems.append(
                    f"wayback: no capture at or before the cited date {cited_text(cited)}; "
                    f"the first one after it is {gap}"
                )
            return Found(snapshot, chosen.digest, tuple(problems))
        if probe is not None:
            problems.append(
                "wayback: the CDX lists no HTTP 200 capture but the availability API "
                "names one; it is used, unverified"
            )
            return Found(probe, "", tuple(problems))
        problems.append("wayback: no capture with HTTP status 200 found")
        return Found(None, "", tuple(problems))

    if probe is not None:
        problems.append(
            "wayback: snapshot from the availability API (nearest either side of the date, "
            "not checked against the CDX)"
        )
    elif probe_failure:
        problems.append(probe_failure)
    return Found(probe, "", tuple(problems))


def cited_text(cited: PartialDate | None) -> str:
    return "unknown" if cited is None else cited.isoformat()


def _days_after(cited: PartialDate | None, timestamp: str) -> str | None:
    """How long after the cited day (month, year) a capture is, as a reader says it:
    "from the next day (2016-03-11)", "188 days later (2016-09-14)"; None when not after it."""
    if cited is None:
        return None
    _, end = period_bounds(cited)
    if timestamp <= end:
        return None
    taken = timestamp_datetime(timestamp).date()
    # Calendar days: a capture at 08:00 the morning after is a day later, not "0 days".
    days = (taken - timestamp_datetime(end).date()).days
    if days <= 1:
        return f"from the next day ({taken.isoformat()})"
    return f"{days} days later ({taken.isoformat()})"


async def _availability(
    session: Session, url: str, cited: PartialDate | None
) -> tuple[Snapshot | None, str]:
    """The probe's 200 capture (None if it names none), and the timestamp of the
    capture it names whatever its status ("" for none)."""
    params = {"url": url}
    if cited is not None:
        params["timestamp"] = period_bounds(cited)[1]
    endpoint = f"{session.settings.wayback_api.rstrip('/')}/wayback/available"
    response = await session.service("availability").send(
        session.client, "GET", endpoint, params=params, headers={"Accept": "application/json"}
    )
    if response.status_code != 200:
        raise _Failed(f"wayback availability API answered HTTP {response.status_code}")
    try:
        data = response.json()
    except ValueError:
        raise _Failed("wayback availability API answer is not JSON") from None
    closest = data.get("archived_snapshots", {}).get("closest") if isinstance(data, dict) else None
    if not isinstance(closest, dict) or closest.get("available") is False:
        return None, ""
    timestamp = str(closest.get("timestamp", ""))
    if not timestamp.isdigit() or len(timestamp) != 14:
        return None, ""
    # The status is a string and need not be 200: a capture of an error page
    # or a redirect is no copy of the cited work.
    if str(closest.get("status", "")) != "200":
        return None, timestamp
    match = _MEMENTO_PATH.search(str(closest.get("url", "")))
    if match is None:
        return None, timestamp
    return Snapshot(
        url=url,
        archive_url=replay_url(session.settings.wayback_web, timestamp, match.group(2)),
        timestamp=timestamp_datetime(timestamp),
        provider="wayback",
        http_status=200,
    ), timestamp


async def _cdx_rows(
    session: Session, url: str, cited: PartialDate | None, nearest: str | None
) -> tuple[CdxRow, ...]:
    if cited is None:
        return await _cdx_query(session, url, to=timestamp_text(session.now()), last=True)
    start, end = period_bounds(cited)
    if nearest is not None and (nearest == "" or nearest > end):
        # The probe named no capture, or its nearest one is after the date: likely
        # nothing (or little) before it.
        # The URL's first captures, in time order. None at all: nothing to choose, as
        # the range queries would find. Once one usable capture lies after the date,
        # they are a prefix of the history reaching past it: every capture up to the
        # date is among them, and so is the first usable one after it.
        first = await _cdx_query(session, url, last=False)
        if not first or any(row.usable and row.timestamp > end for row in first):
            return first
    rows = await _cdx_query(session, url, to=end, last=True)
    if any(row.usable for row in rows):
        return rows
    return rows + await _cdx_query(session, url, start=start, last=False)


async def _cdx_query(
    session: Session, url: str, *, to: str = "", start: str = "", last: bool
) -> tuple[CdxRow, ...]:
    params: list[tuple[str, str]] = [
        ("url", url),
        ("output", "json"),
        ("fl", _FIELDS),
        # Server-side filters save bandwidth; choose_capture checks again,
        # because folded URL variants and revisits can still slip through.
        ("filter", "statuscode:200"),
        ("filter", "!mimetype:warc/revisit"),
    ]
    if to:
        params.append(("to", to))
    if start:
        params.append(("from", start))
    if last:
        params += [("limit", f"-{_ROWS}"), ("fastLatest", "true")]
    else:
        params.append(("limit", str(_ROWS)))
    endpoint = f"{session.settings.wayback_web.rstrip('/')}/cdx/search/cdx"
    response = await session.service("cdx").send(
        session.client, "GET", endpoint, params=params, headers={"Accept": "application/json"}
    )
    if response.status_code != 200:
        raise _Failed(_cdx_error(response))
    if not response.content.strip():
        return ()
    try:
        return parse_cdx_json(response.json())
    except ValueError as error:
        raise _Failed(f"wayback CDX answer unusable: {error}") from None


def _cdx_error(response: httpx.Response) -> str:
    body = response.text[:2000]
    if "AdministrativeAccessControlException" in body:
        return "wayback: the site is excluded from the Wayback Machine (Blocked Site Error)"
    if "RobotAccessControlException" in body:
        return "wayback: captures of this site are blocked by its robots.txt"
    if response.status_code == 429:
        return "wayback CDX rate limit (HTTP 429) still in force after waiting; try later"
    return f"wayback CDX answered HTTP {response.status_code}"


def snapshot_stamp(snapshot: Snapshot) -> str:
    """The 14-digit timestamp of a snapshot, for replay URLs."""
    return timestamp_text(snapshot.timestamp)


def original_of(snapshot: Snapshot) -> str:
    """The original URL inside a Wayback archive URL (the cited URL if none)."""
    match = _MEMENTO_PATH.search(snapshot.archive_url)
    return match.group(2) if match else snapshot.url
