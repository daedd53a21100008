"""Save Page Now 2 and Perma.cc against their stand-ins, quirks and error paths included."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import parse_qs

from archive_standins import (
    FIXED_NOW,
    IA_KEYS,
    PERMA_FOLDER,
    PERMA_KEY,
    SPN_TIMESTAMP,
    ArchiveStandIn,
    Capture,
    Reply,
    WebStandIn,
    html,
)

from citecheck.archive import ServiceLimits, archive_urls
from citecheck.config import ArchiveSettings
from citecheck.model import ArchiveResult
from citecheck.serialize import archive_json


def run(
    urls: list[str], settings: ArchiveSettings, limits: ServiceLimits
) -> tuple[ArchiveResult, ...]:
    # No links verdicts: every URL counts as worth capturing.
    return asyncio.run(archive_urls(dict.fromkeys(urls), settings, now=FIXED_NOW, limits=limits))


def _spn(settings: ArchiveSettings) -> ArchiveSettings:
    return replace(settings, providers=(), save_new=True, ia_keys=IA_KEYS)


def _perma(settings: ArchiveSettings, folder: int | None = PERMA_FOLDER) -> ArchiveSettings:
    return replace(settings, providers=("perma",), perma_key=PERMA_KEY, perma_folder=folder)


# -- Save Page Now 2 ------------------------------------------------------------


def test_spn2_job_is_polled_to_success(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/save-me", html("Save me", "Text."))
    (result,) = run([url], _spn(settings), limits)
    (capture,) = result.captures
    assert capture.provider == "wayback"
    assert capture.archive_url == f"{ia.base}/web/{SPN_TIMESTAMP}/{url}"
    assert capture.timestamp == datetime(2026, 11, 28, 7, 30, tzinfo=UTC)
    assert capture.http_status == 200
    assert [p for p in result.problems if "save" in p] == []
    (post,) = ia.hits("/save", "POST")
    assert post.headers["authorization"] == f"LOW {IA_KEYS}"
    assert post.headers["accept"] == "application/json"
    assert post.headers["content-type"] == "application/x-www-form-urlencoded"
    form = parse_qs(post.body.decode())
    assert form["url"] == [url]
    assert form["skip_first_archive"] == ["1"]
    polls = ia.hits("/save/status/")
    assert len(polls) == ia.spn_pending_polls + 1
    assert polls[0].path == f"/save/status/{ArchiveStandIn.job_id(url)}"
    assert all(p.headers["authorization"] == f"LOW {IA_KEYS}" for p in polls)


def test_spn2_same_job_for_a_repeated_request_is_polled_once(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    one = web.page("/twin", html("Twin", "Text."))
    two = web.page("/twin/", html("Twin", "Text."))
    first, second = run([one, two], _spn(settings), limits)
    assert len(ia.hits("/save", "POST")) == 2
    assert len(ia.hits("/save/status/")) == ia.spn_pending_polls + 1
    assert [c.url for c in first.captures] == [one]
    assert [c.url for c in second.captures] == [two]


def test_spn2_error_reported_by_the_status_poll(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/spn-notfound", html("x", "y"))
    (result,) = run([url], _spn(settings), limits)
    assert result.captures == ()
    assert (
        "wayback save refused: error:not-found: The server cannot find the requested resource."
        in result.problems
    )


def test_spn2_error_with_http_200_on_the_post(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/spn-daily", html("x", "y"))
    (result,) = run([url], _spn(settings), limits)
    assert result.captures == ()
    assert any("error:too-many-daily-captures" in p for p in result.problems)
    assert ia.hits("/save/status/") == []


def test_spn2_message_without_job_id(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/spn-message", html("x", "y"))
    (result,) = run([url], _spn(settings), limits)
    assert (
        "wayback save: no job started: You have already reached the limit of active sessions."
        in result.problems
    )


def test_spn2_429_backs_off_then_gives_up(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/spn-busy", html("x", "y"))
    (result,) = run([url], _spn(settings), replace(limits, retries=1))
    assert len(ia.hits("/save", "POST")) == 2
    assert "wayback save: rate limited (HTTP 429) after waiting; not captured" in result.problems


def test_spn2_bad_keys_stop_further_saves(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    urls = [web.page(f"/k{i}", html("x", "y")) for i in range(3)]
    results = run(
        urls, replace(_spn(settings), ia_keys="wrong:keys"), replace(limits, concurrency=1)
    )
    assert len(ia.hits("/save", "POST")) == 1
    for result in results:
        assert (
            "wayback save: keys refused (HTTP 401): You need to be logged in to use Save Page Now. "
            "(check ia-keys or CITECHECK_IA_KEYS)" in result.problems
        )


def test_spn2_daily_bandwidth_stops_further_saves(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    urls = [web.page("/spn-bandwidth", html("x", "y")), web.page("/after", html("x", "y"))]
    results = run(urls, _spn(settings), replace(limits, concurrency=1))
    assert len(ia.hits("/save", "POST")) == 1
    assert all(any("error:max-daily-bandwidth" in p for p in r.problems) for r in results)


def test_spn2_still_pending_after_the_budget(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/spn-forever", html("x", "y"))
    (result,) = run([url], _spn(settings), replace(limits, poll_budget=0.2))
    assert result.captures == ()
    job = ArchiveStandIn.job_id(url)
    assert any(p.startswith(f"wayback save: job {job} still pending") for p in result.problems)


def test_spn2_needs_keys(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/p", html("x", "y"))
    (result,) = run([url], replace(settings, save_new=True), limits)
    assert "wayback save: asked for, but no keys (CITECHECK_IA_KEYS)" in result.problems
    assert ia.hits("/save") == []


def test_naming_the_wayback_provider_asks_for_a_capture(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/p", html("x", "y"))
    asked = replace(settings, providers=("wayback",), ia_keys=IA_KEYS)
    (result,) = run([url], asked, limits)
    assert [c.provider for c in result.captures] == ["wayback"]
    assert len([h for h in ia.hits("/save") if h.method == "POST" and h.path == "/save"]) == 1
    (quiet,) = run([url], replace(settings, providers=("warc",), ia_keys=IA_KEYS), limits)
    assert "wayback" not in [c.provider for c in quiet.captures]


def test_spn2_status_poll_failure_is_retried_within_the_budget(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/flaky-status", html("x", "y"))
    ia.script("/save/status/", Reply(500, b"oops"))
    (result,) = run([url], _spn(settings), limits)
    assert [c.provider for c in result.captures] == ["wayback"]


# -- Perma.cc -------------------------------------------------------------------


def test_perma_link_created(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/cite", html("Cite", "Text."))
    (result,) = run([url], _perma(settings), limits)
    (capture,) = result.captures
    assert capture.provider == "perma"
    assert capture.archive_url == "https://perma.cc/0001-ABCD"
    assert capture.timestamp == datetime(2026, 11, 28, 7, 31, 19, 516152, tzinfo=UTC)
    (post,) = ia.hits("/v1/archives/", "POST")
    assert post.headers["authorization"] == f"ApiKey {PERMA_KEY}"
    assert post.headers["content-type"] == "application/json"
    assert json.loads(post.body) == {"url": url, "folder": PERMA_FOLDER}
    assert post.param("folder") is None  # in the body, never the query
    assert [p for p in result.problems if "perma" in p] == []
    # The JSON shape of `citecheck archive`.
    data = archive_json(result)
    assert data["captures"][0]["archive_url"] == "https://perma.cc/0001-ABCD"
    json.dumps(data)


def test_perma_pending_capture_is_polled(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/perma-pending", html("x", "y"))
    (result,) = run([url], _perma(settings), limits)
    assert [c.provider for c in result.captures] == ["perma"]
    assert len(ia.hits("/v1/capture_jobs/0001-ABCD/")) == 2
    assert [p for p in result.problems if "perma" in p] == []


def test_perma_without_folder_sends_no_folder(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/nofolder", html("x", "y"))
    run([url], _perma(settings, folder=None), limits)
    (post,) = ia.hits("/v1/archives/", "POST")
    assert json.loads(post.body) == {"url": url}


def test_perma_bad_key_stops_further_links(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    urls = [web.page(f"/k{i}", html("x", "y")) for i in range(2)]
    results = run(urls, replace(_perma(settings), perma_key="nope"), replace(limits, concurrency=1))
    assert len(ia.hits("/v1/archives/")) == 1
    for result in results:
        assert (
            "perma: API key refused (HTTP 401): Invalid token. "
            "(check perma-key or CITECHECK_PERMA_KEY)" in result.problems
        )


def test_perma_folder_not_found(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/f", html("x", "y"))
    (result,) = run([url], _perma(settings, folder=99), limits)
    assert (
        "perma refused: folder: Folder not found. (no further Perma links this run)"
        in result.problems
    )


def test_perma_quota_and_url_errors(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    bad = web.page("/perma-bad", html("x", "y"))
    quota = web.page("/perma-quota", html("x", "y"))
    after = web.page("/after-quota", html("x", "y"))
    first, second, third = run(
        [bad, quota, after], _perma(settings), replace(limits, concurrency=1)
    )
    assert "perma refused: url: Couldn't resolve domain." in first.problems
    assert any("reached your usage limit" in p for p in second.problems)
    assert any("reached your usage limit" in p for p in third.problems)
    assert len(ia.hits("/v1/archives/")) == 2  # nothing sent after the quota ran out


def test_perma_needs_a_key(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/p", html("x", "y"))
    (result,) = run([url], replace(settings, providers=("perma",)), limits)
    assert "perma: provider chosen but no API key (CITECHECK_PERMA_KEY)" in result.problems


def test_all_providers_together(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/all", html("All", "Text."))
    every = replace(_perma(_spn(settings)), providers=("warc", "perma"))
    (result,) = run([url], every, limits)
    assert sorted(c.provider for c in result.captures) == ["perma", "warc", "wayback"]


def test_perma_unreachable(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/u", html("x", "y"))
    closed = replace(_perma(settings), perma_api="http://127.0.0.4:9/v1/")
    (result,) = run([url], closed, limits)
    assert any(p.startswith("perma unreachable: ") for p in result.problems)


def test_a_url_cited_with_several_dates_is_saved_linked_and_fetched_once(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    # A batch: many manuscripts cite one URL, each at its own date. The snapshot is
    # chosen per date; the saving, the Perma.cc link (a quota) and the live page are one.
    from citecheck.archive import archiving
    from citecheck.model import PartialDate

    url = web.page("/cited-often", html("Often", "Text."))
    every = replace(_perma(_spn(settings)), providers=("warc", "perma"))

    async def three_dates() -> list[ArchiveResult]:
        async with archiving(every, now=FIXED_NOW, limits=limits) as archiver:
            dates = (PartialDate(2019), PartialDate(2021, 5), PartialDate(2024, 2, 1))
            return list(await asyncio.gather(*(archiver.archive(url, d) for d in dates)))

    results = asyncio.run(three_dates())
    assert [r.citation_date for r in results] == [
        PartialDate(2019),
        PartialDate(2021, 5),
        PartialDate(2024, 2, 1),
    ]
    assert len(ia.hits("/save", "POST")) == 1
    assert len(ia.hits("/v1/archives", "POST")) == 1
    assert len(web.hits("/cited-often", "GET")) == 1
    for result in results:
        assert sorted(c.provider for c in result.captures) == ["perma", "warc", "wayback"]
    assert len({c.archive_url for r in results for c in r.captures if c.provider == "warc"}) == 1


def test_shared_work_is_remembered_for_the_latest_urls_only() -> None:
    import functools

    import httpx

    from citecheck.archive import session as session_module
    from citecheck.archive.session import Session

    made: list[str] = []

    async def scenario() -> None:
        async with httpx.AsyncClient() as client:
            session = Session(client=client, settings=ArchiveSettings(), limits=ServiceLimits())

            async def make(url: str) -> str:
                made.append(url)
                return url.upper()

            for n in range(300):
                url = f"u{n}"
                assert await session.once("live", url, functools.partial(make, url)) == url.upper()
            assert len(session.per_url["live"]) == session_module._REMEMBERED
            await session.once("live", "u299", lambda: make("u299"))  # remembered: not made again
            await session.once("live", "u0", lambda: make("u0"))  # forgotten: made again

    asyncio.run(scenario())
    assert made.count("u299") == 1
    assert made.count("u0") == 2


# -- A page that replaced the cited one is not captured ------------------------

_REPORT = html(
    "Border wait times at San Ysidro",
    "Average northbound wait times at the San Ysidro port of entry rose to 45 minutes in 2018.",
    "Commercial crossings grew by three percent, led by manufacturing trade with Tijuana.",
    "Staffing levels held at six hundred officers across both shifts during the period.",
)
_PARKED = html(
    "privacylab.example",
    "This domain may be for sale. Buy this domain today with our secure checkout.",
    "Related searches: cheap flights, car insurance, online casino bonus offers.",
)


def test_a_page_that_replaced_the_cited_one_gets_no_new_capture(
    ia: ArchiveStandIn, web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    from citecheck.model import Drift, PartialDate

    parked = web.page("/report-parked", _PARKED)
    kept = web.page("/report-kept", _REPORT)
    for url in (parked, kept):
        ia.add(url, Capture("20190110120000", url, body=_REPORT.encode()))
    both = replace(_perma(_spn(settings)), providers=("perma",))
    cited = PartialDate(2020, 3, 15)
    replaced, unchanged = asyncio.run(
        archive_urls({parked: cited, kept: cited}, both, now=FIXED_NOW, limits=limits)
    )
    assert replaced.drift is Drift.REPLACED
    assert replaced.captures == ()
    said = "not captured: today's page is not the one cited (content drift: replaced)"
    assert f"wayback save: {said}" in replaced.problems
    assert f"perma: {said}" in replaced.problems
    saved = [parse_qs(p.body.decode())["url"] for p in ia.hits("/save", "POST")]
    assert saved == [[kept]]  # only the page still the cited one
    assert [json.loads(p.body)["url"] for p in ia.hits("/v1/archives/", "POST")] == [kept]
    assert unchanged.drift is not Drift.REPLACED
    assert sorted(c.provider for c in unchanged.captures) == ["perma", "wayback"]
