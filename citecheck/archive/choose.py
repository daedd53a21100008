"""Pick the Wayback capture that stands for what the author saw.

Pure functions over CDX rows, kept apart from the network so the rule can be
tested on its own:

* only captures whose HTTP status was exactly 200 count: error pages
  (4xx/5xx), redirects (3xx) and revisit records (status ``-``) are skipped;
* with a citation date, the last such capture at or before the end of the
  date's period (a year-only date covers the whole year), else the first one
  after it;
* with no citation date, the most recent such capture up to ``now``: the
  copy closest to when the manuscript is being checked, which is the best
  guess at what an undated citation meant and what a reader would be sent to.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from citecheck.model import PartialDate

__all__ = [
    "CdxRow",
    "choose_capture",
    "parse_cdx_json",
    "period_bounds",
    "timestamp_datetime",
    "timestamp_text",
]


@dataclass(frozen=True, slots=True)
class CdxRow:
    """One CDX line. Every value is text, as the CDX server sends it."""

    timestamp: str
    original: str
    statuscode: str
    mimetype: str = ""
    digest: str = ""

    @property
    def usable(self) -> bool:
        """A real 200 capture: not an error page, redirect or revisit."""
        return (
            self.statuscode == "200"
            and self.mimetype != "warc/revisit"
            and len(self.timestamp) == 14
            and self.timestamp.isdigit()
        )


def parse_cdx_json(data: object) -> tuple[CdxRow, ...]:
    """Rows of an ``output=json`` answer: a header row of field names, then rows.

    Tolerates the empty answer (``[]``) and the resume-key tail (an empty
    row followed by a one-element row).

    Raises:
        ValueError: the answer is not an array of string arrays with a header
            naming ``timestamp``, ``original`` and ``statuscode``.
    """
    if not isinstance(data, list):
        raise ValueError("CDX answer is not a JSON array")
    if not data:
        return ()
    header = data[0]
    if not isinstance(header, list) or not all(isinstance(name, str) for name in header):
        raise ValueError("CDX answer has no header row")
    where = {name: position for position, name in enumerate(header)}
    for needed in ("timestamp", "original", "statuscode"):
        if needed not in where:
            raise ValueError(f"CDX header row lacks {needed!r}")
    rows: list[CdxRow] = []
    for row in data[1:]:
        if not isinstance(row, list) or len(row) != len(header):
            # The resume-key tail ([], [key]) and anything malformed.
            continue

        def field(name: str, row: list[object] = row) -> str:
            position = where.get(name)
            return "" if position is None else str(row[position])

        rows.append(
            CdxRow(
                timestamp=field("timestamp"),
                original=field("original"),
                statuscode=field("statuscode"),
                mimetype=field("mimetype"),
                digest=field("digest"),
            )
        )
    return tuple(rows)


def period_bounds(date: PartialDate) -> tuple[str, str]:
    """The first and last 14-digit timestamps inside a partial date's period."""
    month_first = date.month or 1
    month_last = date.month or 12
    day_first = date.day or 1
    day_last = date.day or calendar.monthrange(date.year, month_last)[1]
    return (
        f"{date.year:04d}{month_first:02d}{day_first:02d}000000",
        f"{date.year:04d}{month_last:02d}{day_last:02d}235959",
    )


def timestamp_text(moment: datetime) -> str:
    """A datetime as a 14-digit UTC Wayback timestamp."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y%m%d%H%M%S")


def timestamp_datetime(timestamp: str) -> datetime:
    """A 14-digit Wayback timestamp (shorter ones padded) as an aware UTC datetime.

    Raises:
        ValueError: not digits, or not a real date.
    """
    if not timestamp.isdigit() or not 4 <= len(timestamp) <= 14:
        raise ValueError(f"not a Wayback timestamp: {timestamp!r}")
    padded = timestamp + "0101000000"[len(timestamp) - 4 :] if len(timestamp) < 14 else timestamp
    return datetime.strptime(padded, "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def choose_capture(
    rows: Sequence[CdxRow], cited: PartialDate | None, *, now: datetime
) -> CdxRow | None:
    """The capture to cite (rules in the module docstring), or None."""
    usable = sorted((row for row in rows if row.usable), key=lambda row: row.timestamp)
    if cited is None:
        limit = timestamp_text(now)
        before = [row for row in usable if row.timestamp <= limit]
        return before[-1] if before else None
    _, end = period_bounds(cited)
    before = [row for row in usable if row.timestamp <= end]
    if before:
        return before[-1]
    after = [row for row in usable if row.timestamp > end]
    return after[0] if after else None
