"""Finding the cited snapshot against the IA stand-in: availability, CDX, limits, failures."""

from __future__ import annotations

import asyncio
import random
import socket
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from archive_standins import FIXED_NOW, ArchiveStandIn, Capture, Reply

from citecheck.archive import ServiceLimits, archive_urls
from citecheck.archive.choose import CdxRow, choose_capture, period_bounds
from citecheck.config import ArchiveSettings
from citecheck.model import ArchiveResult, LinkResult, LinkStatus, PartialDate

DEAD = "http://127.0.0.3:9/gone"  # never fetched: the links stage says it is dead


def _dead(url: str) -> dict[str, LinkResult]:
    return {url: LinkResult(url=url, status=LinkStatus.DEAD, reason="HTTP 404", http_status=404)}


def run(
    cited: dict[str, PartialDate | None],
    settings: ArchiveSettings,
    limits: ServiceLimits,
    *,
    dead: bool = True,
) -> tuple[ArchiveResult, ...]:
    links: dict[str, LinkResult] = {}
    if dead:
        for url in cited:
            links.update(_dead(url))
    return asyncio.run(archive_urls(cited, settings, links=links, now=FIXED_NOW, limits=limits))


def _history(ia: ArchiveStandIn, url: str) -> None:
    ia.add(
        url,
        Capture("20100105000000", url, "200"),
        Capture("20110301000000", url, "200"),
        Capture("20110601000000", url, "404"),
        Capture("20110701000000", url, "302", "text/html"),
        Capture("20110801000000", url, "-", "warc/revisit"),
        Capture("20130101000000", url, "200"),
    )


def test_snapshot_before_the_date_skips_errors_and_redirects(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    _history(ia, DEAD)
    (result,) = run({DEAD: PartialDate(2011, 9, 1)}, settings, limits)
    assert result.cited_snapshot is not None
    assert result.cited_snapshot.archive_url == f"{ia.base}/web/20110301000000/{DEAD}"
    assert result.cited_snapshot.timestamp == datetime(2011, 3, 1, tzinfo=UTC)
    assert result.cited_snapshot.provider == "wayback"
    assert result.captures == ()  # dead: nothing to capture
    assert result.drift is None
    # The CDX request is the documented one.
    (cdx,) = ia.hits("/cdx/search/cdx")
    assert cdx.param("url") == DEAD
    assert cdx.param("output") == "json"
    assert cdx.param("fl") == "timestamp,original,statuscode,mimetype,digest"
    assert cdx.params("filter") == ["statuscode:200", "!mimetype:warc/revisit"]
    assert cdx.param("to") == "20110901235959"
    # Availability was asked first, with the date as its timestamp.
    (probe,) = ia.hits("/wayback/available")
    assert probe.param("timestamp") == "20110901235959"
    assert probe.at <= cdx.at


def test_client_side_filter_when_the_server_ignores_filters(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    ia.cdx_ignores_filters = True
    _history(ia, DEAD)
    (result,) = run({DEAD: PartialDate(2011, 9, 1)}, settings, limits)
    assert result.cited_snapshot is not None
    assert result.cited_snapshot.timestamp == datetime(2011, 3, 1, tzinfo=UTC)


def test_first_after_the_date_when_nothing_before(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    _history(ia, DEAD)
    (result,) = run({DEAD: PartialDate(2009, 6)}, settings, limits)
    assert result.cited_snapshot is not None
    assert result.cited_snapshot.timestamp == datetime(2010, 1, 5, tzinfo=UTC)
    assert any("first one after it is 189 days later (2010-01-05)" in p for p in result.problems)
    # The probe named a 200 capture after the date, so one query for the URL's first
    # captures answers (it reaches past the date): not two range queries.
    (query,) = ia.hits("/cdx/search/cdx")
    assert (query.param("to"), query.param("from"), query.param("limit")) == (None, None, "25")


def test_a_url_never_archived_costs_one_cdx_query(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    (result,) = run({DEAD: PartialDate(2009, 6)}, settings, limits)
    assert result.cited_snapshot is None
    assert len(ia.hits("/cdx/search/cdx")) == 1


def test_captures_only_before_the_date_keep_the_range_query(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    # The probe names a capture before the date: the last ones up to it answer.
    _history(ia, DEAD)
    (result,) = run({DEAD: PartialDate(2014)}, settings, limits)
    assert result.cited_snapshot is not None
    assert result.cited_snapshot.timestamp == datetime(2013, 1, 1, tzinfo=UTC)
    (query,) = ia.hits("/cdx/search/cdx")
    assert query.param("to") == "20141231235959"


@pytest.mark.parametrize("loose", [False, True], ids=["filtered", "server-ignores-filters"])
@pytest.mark.parametrize("probe", [True, False], ids=["probe-answers", "probe-empty"])
def test_the_chosen_snapshot_is_the_rules_choice_over_the_whole_history(
    ia: ArchiveStandIn,
    settings: ArchiveSettings,
    limits: ServiceLimits,
    loose: bool,
    probe: bool,
) -> None:
    # Random histories (statuses, revisits, many captures either side of the date, an
    # availability API that answers or not): the snapshot chosen is the rule's choice
    # over every capture, and no URL costs more CDX queries than the two range queries.
    ia.cdx_ignores_filters = loose
    rnd = random.Random(7)
    cited: dict[str, PartialDate | None] = {}
    truth: dict[str, tuple[str | None, int]] = {}
    for i in range(60):
        url = f"http://127.0.0.3:9/h{i}"
        captures = [
            Capture(
                f"{rnd.randint(2005, 2024)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}000000",
                url,
                rnd.choice(["200", "200", "200", "404", "302", "-"]),
                "warc/revisit" if rnd.random() < 0.1 else "text/html",
            )
            for _ in range(rnd.randint(0, 40))
        ]
        ia.add(url, *captures)
        date = PartialDate(rnd.randint(2004, 2025), rnd.choice([None, rnd.randint(1, 12)]))
        cited[url] = date
        rows = [CdxRow(c.timestamp, c.original, c.statuscode, c.mimetype) for c in captures]
        chosen = choose_capture(rows, date, now=FIXED_NOW)
        end = period_bounds(date)[1]
        usable_before = sum(1 for r in rows if r.usable and r.timestamp <= end)
        truth[url] = (chosen.timestamp if chosen else None, 1 if usable_before else 2)
    ia.availability_empty = not probe
    results = run(cited, settings, replace(limits, cdx=10_000, availability=10_000))
    asked = 0
    for result in results:
        expected, _ = truth[result.url]
        got = result.cited_snapshot
        assert (got.archive_url.split("/web/")[1][:14] if got else None) == expected, result
        queries = [q for q in ia.hits("/cdx/search/cdx") if q.param("url") == result.url]
        # One more than the range queries only when the probe's hint was wrong.
        assert len(queries) <= 3
        asked += len(queries)
    if probe:  # with a probe that answers, fewer queries than the two range queries took
        assert asked < sum(before for _, before in truth.values()), asked


def test_no_date_takes_the_most_recent_200(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    _history(ia, DEAD)
    ia.add(DEAD, Capture("20140101000000", DEAD, "500"))
    (result,) = run({DEAD: None}, settings, limits)
    assert result.cited_snapshot is not None
    assert result.cited_snapshot.timestamp == datetime(2013, 1, 1, tzinfo=UTC)
    (cdx,) = ia.hits("/cdx/search/cdx")
    assert cdx.param("to") == "20261128073000"
    assert "timestamp" not in dict(ia.hits("/wayback/available")[0].query)


def test_empty_availability_means_unknown_not_unarchived(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    ia.availability_empty = True
    _history(ia, DEAD)
    (result,) = run({DEAD: PartialDate(2011)}, settings, limits)
    assert result.cited_snapshot is not None
    assert result.cited_snapshot.timestamp == datetime(2011, 3, 1, tzinfo=UTC)


def test_never_archived(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    (result,) = run({DEAD: PartialDate(2011)}, settings, limits)
    assert result.cited_snapshot is None
    assert result.problems == ("wayback: no capture with HTTP status 200 found",)


def test_availability_is_the_fallback_when_the_cdx_fails(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    _history(ia, DEAD)
    ia.script("/cdx/", *[Reply(500, b"boom")] * 3)
    (result,) = run({DEAD: PartialDate(2010, 2)}, settings, limits)
    assert result.cited_snapshot is not None
    # The availability answer (nearest either side, status 200) is used and flagged.
    assert result.cited_snapshot.timestamp == datetime(2010, 1, 5, tzinfo=UTC)
    assert "wayback CDX answered HTTP 500" in result.problems
    assert any("availability API" in p for p in result.problems)


def test_availability_answer_of_an_error_page_is_not_used(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    ia.add(DEAD, Capture("20110601000000", DEAD, "404"))
    ia.cdx_blocked = True
    (result,) = run({DEAD: PartialDate(2011, 6, 1)}, settings, limits)
    assert result.cited_snapshot is None
    assert result.problems == (
        "wayback: the site is excluded from the Wayback Machine (Blocked Site Error)",
    )


def test_429_waits_for_retry_after_then_succeeds(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    _history(ia, DEAD)
    ia.script("/cdx/", Reply(429, b"slow down", {"Retry-After": "1"}))
    (result,) = run({DEAD: PartialDate(2011)}, settings, limits)
    assert result.cited_snapshot is not None
    first, second = ia.hits("/cdx/")
    # The server saw the retry no sooner than Retry-After allowed.
    assert second.at - first.at >= 1.0


def test_429_that_persists_becomes_a_problem(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    _history(ia, DEAD)
    ia.script("/cdx/", *[Reply(429, b"slow down", {"Retry-After": "0"})] * 3)
    (result,) = run({DEAD: PartialDate(2011)}, settings, replace(limits, retries=2))
    assert len(ia.hits("/cdx/")) == 3  # one try and two retries, no more
    assert any("429" in p for p in result.problems)
    # The availability probe's nearest capture is a revisit record: not used.
    assert result.cited_snapshot is None


def test_retry_after_longer_than_allowed_is_not_waited_for(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    _history(ia, DEAD)
    ia.script("/cdx/", Reply(429, b"come back tomorrow", {"Retry-After": "86400"}))
    (result,) = run({DEAD: PartialDate(2011)}, settings, limits)
    assert len(ia.hits("/cdx/")) == 1
    assert any("429" in p for p in result.problems)


def test_rate_limit_is_kept_at_the_server(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    urls = [f"http://127.0.0.3:9/page{i}" for i in range(6)]
    for url in urls:
        ia.add(url, Capture("20100101000000", url, "200"))
    window = 1.0
    budget = 2
    tight = replace(limits, window=window, cdx=budget, availability=budget)
    links = {u: r for url in urls for u, r in _dead(url).items()}
    results = asyncio.run(
        archive_urls(dict.fromkeys(urls, PartialDate(2011)), settings, links=links,
                     now=FIXED_NOW, limits=tight)
    )  # fmt: skip
    assert all(r.cited_snapshot is not None for r in results)
    for prefix in ("/cdx/", "/wayback/available"):
        times = sorted(r.at for r in ia.hits(prefix))
        assert len(times) == len(urls)
        # No window at the server ever held more than `budget` requests: any
        # budget+1 consecutive arrivals span at least the window, less the
        # trip from client to server, which a loaded machine can stretch by a
        # few hundred ms for one request (it flaked at 0.8). A client that
        # ignored the budget would show spans near 0.
        spans = [times[i + budget] - times[i] for i in range(len(times) - budget)]
        assert min(spans) >= window * 0.6, spans


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.4", 0))
        return int(sock.getsockname()[1])


def test_unreachable_wayback_is_a_problem_not_an_exception(
    settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    nowhere = f"http://127.0.0.4:{_closed_port()}"
    offline = replace(settings, wayback_api=nowhere, wayback_web=nowhere)
    urls = [DEAD, DEAD + "2"]
    links = {u: r for url in urls for u, r in _dead(url).items()}
    results = asyncio.run(
        archive_urls(dict.fromkeys(urls, PartialDate(2011)), offline, links=links,
                     now=FIXED_NOW, limits=limits)
    )  # fmt: skip
    for result in results:
        assert result.cited_snapshot is None
        assert len(result.problems) == 1
        assert result.problems[0].startswith("wayback unreachable: ")


def test_unreachable_availability_alone_does_not_stop_the_cdx(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    _history(ia, DEAD)
    probe_down = replace(settings, wayback_api=f"http://127.0.0.4:{_closed_port()}")
    (result,) = run({DEAD: PartialDate(2011, 9, 1)}, probe_down, limits)
    assert result.cited_snapshot is not None
    assert result.cited_snapshot.timestamp == datetime(2011, 3, 1, tzinfo=UTC)
    assert result.problems == ()


def test_failed_probe_is_not_reported_when_the_cdx_answers(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    _history(ia, DEAD)
    ia.script("/wayback/available", *[Reply(500, b"probe down")] * 3)
    (result,) = run({DEAD: PartialDate(2011, 9, 1)}, settings, limits)
    assert result.cited_snapshot is not None
    assert result.problems == ()


def test_failed_probe_and_failed_cdx_are_both_reported(
    ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    _history(ia, DEAD)
    ia.script("/wayback/available", *[Reply(500, b"probe down")] * 3)
    ia.script("/cdx/", *[Reply(502, b"cdx down")] * 3)
    (result,) = run({DEAD: PartialDate(2011, 9, 1)}, settings, limits)
    assert result.cited_snapshot is None
    assert result.problems == (
        "wayback CDX answered HTTP 502",
        "wayback availability API answered HTTP 500",
    )


def test_malformed_service_address_is_a_problem(
    settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    broken = replace(settings, wayback_api="http://[::1", wayback_web="http://[::1")
    (result,) = run({DEAD: PartialDate(2011)}, broken, limits)
    assert result.cited_snapshot is None
    assert len(result.problems) == 1
    assert result.problems[0].startswith("wayback: ")


@pytest.mark.parametrize(
    ("cited", "taken", "said"),
    [
        (PartialDate(2016, 3, 10), "20160311080000", "from the next day (2016-03-11)"),
        (PartialDate(2020, 1, 14), "20200115000100", "from the next day (2020-01-15)"),
        (PartialDate(2017, 6), "20170701120000", "from the next day (2017-07-01)"),
        (PartialDate(2017, 6, 19), "20170622120000", "3 days later (2017-06-22)"),
    ],
)
def test_a_capture_after_the_cited_date_says_how_long_after_in_calendar_days(
    ia: ArchiveStandIn,
    settings: ArchiveSettings,
    limits: ServiceLimits,
    cited: PartialDate,
    taken: str,
    said: str,
) -> None:
    ia.add(DEAD, Capture(taken, DEAD, body=b"<html><title>x</title><p>y</p></html>"))
    (result,) = run({DEAD: cited}, settings, limits)
    assert any(f"the first one after it is {said}" in p for p in result.problems), result.problems
    assert not any("0 day" in p for p in result.problems)
