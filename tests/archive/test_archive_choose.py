"""Which capture stands for the cited version: table-driven on CDX rows."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from citecheck.archive.choose import (
    CdxRow,
    choose_capture,
    parse_cdx_json,
    period_bounds,
    timestamp_datetime,
)
from citecheck.model import PartialDate

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
URL = "http://example.org/report"

ROWS = (
    CdxRow("20090301000000", URL, "200"),
    CdxRow("20110615120000", URL, "200"),
    CdxRow("20111201000000", URL, "404"),  # error page, nearer the date
    CdxRow("20111215000000", URL, "302"),  # redirect, nearer still
    CdxRow("20111220000000", URL, "-", "warc/revisit"),  # revisit record
    CdxRow("20120110000000", URL, "503"),  # error inside the cited month
    CdxRow("20120320000000", URL, "200"),
    CdxRow("20140101000000", URL, "200"),
    CdxRow("20270101000000", URL, "200"),  # after "now"
)


@pytest.mark.parametrize(
    ("cited", "expected"),
    [
        # The last 200 at or before the date, skipping the 404, 302 and revisit.
        (PartialDate(2012, 1, 5), "20110615120000"),
        # A month date covers the whole month: the 503 on Jan 10 is skipped.
        (PartialDate(2012, 1), "20110615120000"),
        # A year date covers the whole year: the March 2012 capture counts.
        (PartialDate(2012), "20120320000000"),
        (PartialDate(2012, 3, 20), "20120320000000"),
        # Nothing before: the first 200 after.
        (PartialDate(2008, 6, 1), "20090301000000"),
        (PartialDate(2030), "20270101000000"),
        # No date: the most recent 200 up to now (the 2027 row is ignored).
        (None, "20140101000000"),
    ],
)
def test_choice(cited: PartialDate | None, expected: str) -> None:
    chosen = choose_capture(ROWS, cited, now=NOW)
    assert chosen is not None
    assert chosen.timestamp == expected


def test_only_errors_and_redirects_gives_nothing() -> None:
    rows = (
        CdxRow("20100101000000", URL, "404"),
        CdxRow("20110101000000", URL, "301"),
        CdxRow("20120101000000", URL, "-", "warc/revisit"),
    )
    assert choose_capture(rows, PartialDate(2011), now=NOW) is None
    assert choose_capture(rows, None, now=NOW) is None


def test_order_of_rows_does_not_matter() -> None:
    assert choose_capture(tuple(reversed(ROWS)), PartialDate(2012, 1, 5), now=NOW) == ROWS[1]


def test_period_bounds() -> None:
    assert period_bounds(PartialDate(2012)) == ("20120101000000", "20121231235959")
    assert period_bounds(PartialDate(2012, 2)) == ("20120201000000", "20120229235959")
    assert period_bounds(PartialDate(2010, 5, 5)) == ("20100505000000", "20100505235959")


def test_timestamp_datetime() -> None:
    assert timestamp_datetime("20130919044612") == datetime(2013, 9, 19, 4, 46, 12, tzinfo=UTC)
    assert timestamp_datetime("2013") == datetime(2013, 1, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="timestamp"):
        timestamp_datetime("2013-09-19")


def test_parse_cdx_json_with_header_row_and_resume_key() -> None:
    data = [
        ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
        [
            "org,archive)/",
            "19970126045828",
            "http://www.archive.org:80/",
            "text/html",
            "200",
            "Q4YULN754FHV2U6Q5JUT6Q2P57WEWNNY",
            "1415",
        ],
        ["org,archive)/", "19971011050034", "http://www.archive.org:80/", "warc/revisit", "-",
         "-", "-"],
        [],
        ["org%2Carchive%29%2F+19980109140106%21"],
    ]  # fmt: skip
    rows = parse_cdx_json(data)
    assert [row.timestamp for row in rows] == ["19970126045828", "19971011050034"]
    assert rows[0].statuscode == "200"
    assert rows[0].digest == "Q4YULN754FHV2U6Q5JUT6Q2P57WEWNNY"
    assert rows[0].usable
    assert not rows[1].usable


def test_parse_cdx_json_empty_and_bad() -> None:
    assert parse_cdx_json([]) == ()
    with pytest.raises(ValueError, match="array"):
        parse_cdx_json({"rows": []})
    with pytest.raises(ValueError, match="statuscode"):
        parse_cdx_json([["timestamp", "original"]])
