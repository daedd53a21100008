"""US case citations in CourtListener's citation-lookup API: one citation a request.

The API answers a list of citation objects, each with a ``status`` of its
own: 200 (found: its ``clusters``), 300 (ambiguous: several clusters match),
400 (a citation it cannot read, such as an unknown reporter), 404 (no such
case) and 429 (more citations than it looks up in one request). Only 200 is
a match and only 404 claims absence; 300 and 400 leave the citation
unverified with CourtListener's own words, never a guess at one of the
cases. A 429, for the whole request (its body says ``wait_until``) or for
the citation, is the politeness path: wait, slow down, ask again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from citecheck.model import Citation, SourceResult, SourceStatus
from citecheck.sources.client import Answer, Fetcher, Service
from citecheck.sources.records import case_list_shape, courtlistener_record

__all__ = ["CASE_PATH", "courtlistener_busy", "look_up_case"]

CASE_PATH = "/api/rest/v4/citation-lookup/"
_SHOWN = 3  # ambiguous cases named in a reason


def courtlistener_busy(status: int, text: str) -> float | None:
    """CourtListener's "slow down": seconds to wait (0.0: not said), None when it is not one."""
    try:
        document = json.loads(text)
    except ValueError:
        document = None
    if status == 429:
        until = document.get("wait_until") if isinstance(document, Mapping) else None
        if isinstance(until, str):
            try:
                when = datetime.fromisoformat(until)
            except ValueError:
                return 0.0
            when = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
            return max(0.0, (when - datetime.now(UTC)).total_seconds())
        return 0.0
    throttled = isinstance(document, list) and any(
        isinstance(e, Mapping) and e.get("status") == 429 for e in document
    )
    return 0.0 if status == 200 and throttled else None


def _name(cluster: Mapping[str, Any]) -> str:
    name = str(cluster.get("case_name") or "an unnamed case")
    filed = str(cluster.get("date_filed") or "")[:4]
    return f"{name} ({filed})" if filed.isdigit() else name


async def look_up_case(
    fetcher: Fetcher, service: Service, citation: Citation, base: SourceResult
) -> tuple[SourceResult, Answer]:
    """The verdict on one case citation, and the answer it came from.

    When the answer is not ``answered`` the caller makes the result
    unverified with the service's problem; the result here is then unused.
    """
    text = f"{citation.volume} {citation.container} {citation.pages}"
    answer = await fetcher.post(service, CASE_PATH, {"text": text}, shape=case_list_shape)
    if not answer.ok:
        return base, answer
    listed = answer.json()
    entries = [e for e in listed if isinstance(e, Mapping)] if isinstance(listed, list) else []
    if not entries:
        reason = f"unverified: CourtListener found no case citation in {text!r}"
        return replace(base, status=SourceStatus.UNVERIFIED, reason=reason), answer
    entry = entries[0]
    status = entry.get("status")
    message = str(entry.get("error_message") or "").strip()
    clusters = [c for c in entry.get("clusters") or () if isinstance(c, Mapping)]
    if status == 404:
        reason = message or f"no case at {text}"
        found = replace(base, status=SourceStatus.NOT_FOUND, reason=reason, absence_matters=True)
        return found, answer
    if status == 200 and clusters:
        record = courtlistener_record(clusters[0], base=service.base)
        matched = replace(
            base,
            status=SourceStatus.MATCHED,
            reason="matched in CourtListener",
            record=record,
            checked_at=answer.fetched_at or datetime.now(UTC),
            from_cache=answer.from_cache,
        )
        return matched, answer
    if status == 300:
        names = "; ".join(_name(c) for c in clusters[:_SHOWN])
        more = f" and {len(clusters) - _SHOWN} more" if len(clusters) > _SHOWN else ""
        reason = f"unverified: several cases match {text} in CourtListener ({names}{more})"
        if not clusters:
            reason = f"unverified: several cases match {text} in CourtListener"
    elif status == 400:
        reason = f"unverified: CourtListener cannot read {text!r}" + (
            f": {message}" if message else ""
        )
    else:
        reason = f"unverified: CourtListener answered status {status} for {text!r}" + (
            f": {message}" if message else ""
        )
    return replace(base, status=SourceStatus.UNVERIFIED, reason=reason), answer
