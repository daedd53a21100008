"""Politeness and memory: one pace per service, 429s honoured, answers cached with their age."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sources_standins import CrossrefStandIn, OpenAlexStandIn
from works_data import CROSSREF

from citecheck.config import Settings
from citecheck.model import CheckRun, SourceStatus
from citecheck.sources import MemoryAnswerCache, SqliteAnswerCache
from citecheck.sources.client import Pace

Check = Callable[..., CheckRun]

DOI_NOTE = "Smith, J. (2019). Anything. Journal, 1, 1–2. https://doi.org/{doi}"


def test_the_pace_follows_crossrefs_stated_limit() -> None:
    async def main() -> Pace:
        pace = Pace(5.0)
        pace.follow(httpx.Headers({"X-Rate-Limit-Limit": "50", "X-Rate-Limit-Interval": "1s"}))
        return pace

    pace = asyncio.run(main())
    assert 1 / pace.interval < 50  # a little under the limit, never at it
    assert 1 / pace.interval >= 45


def test_request_starts_keep_the_pace() -> None:
    async def main() -> list[float]:
        pace = Pace(20.0)
        starts: list[float] = []

        async def one() -> None:
            await pace.wait()
            starts.append(time.monotonic())

        await asyncio.gather(*(one() for _ in range(10)))
        return sorted(starts)

    starts = asyncio.run(main())
    # Ten starts at 20 a second span at least nine intervals (the loop may wake a task late,
    # so single gaps can shrink, but the schedule never lets the starts bunch up).
    assert starts[-1] - starts[0] >= 9 * 0.05 * 0.95


def test_a_429_is_retried_after_retry_after_and_not_reported_missing(
    check: Check, crossref: CrossrefStandIn, settings: Settings
) -> None:
    crossref.enforce = 1  # one request a second: the second DOI meets a 429 first
    patient = replace(settings, sources=replace(settings.sources, retries=3))
    run = check(
        "Warren, S. D. (1890). The right to privacy. Harvard Law Review, 4, 193. "
        "https://doi.org/10.2307/1321160",
        "Lindqvist, M. (2018). Urban heat islands and street tree canopy cover. Landscape and "
        "Urban Planning, 170, 10–19. https://doi.org/10.1000/urban.heat.2018",
        settings=patient,
    )
    assert crossref.too_many >= 1
    asked = [r for r in crossref.requests if r.path.startswith("/works/")]
    assert len(asked) >= 3
    # Every repeat of a request came at least Retry-After (1 s) after the one refused.
    by_path: dict[str, list[float]] = {}
    for request in crossref.requests:
        by_path.setdefault(request.path + str(sorted(request.query.items())), []).append(request.at)
    repeats = [b - a for times in by_path.values() for a, b in itertools.pairwise(times)]
    assert repeats
    assert min(repeats) >= 1.0
    assert {r.status for r in run.sources} == {SourceStatus.MATCHED}


def test_a_rerun_is_served_from_the_cache(
    check: Check,
    settings: Settings,
    tmp_path: Path,
    crossref: CrossrefStandIn,
    openalex: OpenAlexStandIn,
) -> None:
    cached = replace(settings, links=replace(settings.links, cache_path=tmp_path / "c.sqlite3"))
    notes = (
        "Warren, S. D. (1890). The right to privacy. Harvard Law Review, 4, 193. "
        "https://doi.org/10.2307/1321160",
        "Smith, J. (2017). A study that nobody wrote. Urban Climate, 20, 1–9.",
    )
    first = check(*notes, settings=cached)
    asked = len(crossref.requests) + len(openalex.requests)
    assert asked > 0
    second = check(*notes, settings=cached)
    assert len(crossref.requests) + len(openalex.requests) == asked  # zero new requests
    assert [r.status for r in second.sources] == [r.status for r in first.sources]
    assert [f.rule for f in second.findings] == [f.rule for f in first.findings]
    # The rerun says its record is a cached answer, and how old: the first run's time.
    assert first.sources[0].from_cache is False
    assert second.sources[0].from_cache is True
    assert second.sources[0].checked_at == first.sources[0].checked_at


def test_the_sqlite_cache_keeps_answers_with_their_age(tmp_path: Path) -> None:
    path = tmp_path / "links.sqlite3"
    fetched = datetime.now(UTC) - timedelta(hours=2)
    with SqliteAnswerCache(path) as cache:
        cache.put("crossref", "/works/10.1/x", '{"status": 200}', fetched)
    with SqliteAnswerCache(path) as cache:
        assert cache.get("crossref", "/works/10.1/x", 3 * 3600) == ('{"status": 200}', fetched)
        assert cache.get("crossref", "/works/10.1/x", 3600) is None  # too old for this caller
        assert cache.get("openalex", "/works/10.1/x", 3 * 3600) is None


def test_the_answer_cache_shares_the_link_caches_file(tmp_path: Path) -> None:
    from citecheck.links.cache import LinkCache

    path = tmp_path / "links.sqlite3"
    with LinkCache(path, max_age=60.0):
        pass
    with SqliteAnswerCache(path) as cache:
        cache.put("crossref", "k", "v", datetime.now(UTC))
    with LinkCache(path, max_age=60.0) as links:
        assert links.history("https://example.org/") == ()
    assert MemoryAnswerCache().get("crossref", "k", 60) is None


def test_an_unreachable_default_service_is_unverified_fast(
    check: Check, settings: Settings
) -> None:
    # A name that cannot resolve (no DNS in tests, or an invalid TLD) must not hang the run.
    nowhere = replace(
        settings,
        sources=replace(
            settings.sources,
            crossref_api="https://api.crossref.invalid",
            openalex_api="https://api.openalex.invalid",
            courtlistener_token=None,
        ),
    )
    started = time.monotonic()
    run = check(DOI_NOTE.format(doi="10.2307/1321160"), settings=nowhere)
    assert time.monotonic() - started < 10
    assert run.sources[0].status is SourceStatus.UNVERIFIED
    assert "work-not-found" not in [f.rule for f in run.findings]


def test_the_stand_in_holds_its_records() -> None:
    assert len({w["DOI"] for w in CROSSREF}) == len(CROSSREF)


def test_answers_of_another_address_are_not_reused(
    check: Check, settings: Settings, tmp_path: Path, crossref: CrossrefStandIn
) -> None:
    """A mirror (another stand-in) at crossref-api is asked, not served the first's answers."""
    cached = replace(settings, links=replace(settings.links, cache_path=tmp_path / "c.sqlite3"))
    note = (
        "Warren, S. D. (1890). The right to privacy. Harvard Law Review, 4, 193. "
        "https://doi.org/10.2307/1321160"
    )
    check(note, settings=cached)
    mirror = CrossrefStandIn(CROSSREF, "127.0.0.24")
    mirror.start()
    try:
        moved = replace(cached, sources=replace(cached.sources, crossref_api=mirror.base))
        check(note, settings=moved)
    finally:
        mirror.stop()
    assert [r for r in mirror.requests if r.path.startswith("/works")]


@pytest.mark.parametrize("service", ["crossref", "openalex", "courtlistener"])
def test_each_service_caches_under_its_address_unless_it_is_the_default(service: str) -> None:
    from citecheck.config import SourcesSettings
    from citecheck.sources.stage import _services

    default = SourcesSettings(courtlistener_token="t")
    moved = replace(default, **{f"{service}_api": "http://127.0.0.9:8080/"})
    assert _services(default, "ua")[service].cache_name == service
    assert _services(moved, "ua")[service].cache_name == f"{service} http://127.0.0.9:8080"


def test_429s_slow_the_pace_only_down_to_a_ceiling() -> None:
    from citecheck.sources.client import SLOWEST_INTERVAL

    async def main() -> Pace:
        pace = Pace(10.0)
        for _ in range(40):  # 0.1 x 1.5^40 s would be a day between requests
            pace.pause(0.0)
        return pace

    assert asyncio.run(main()).interval <= SLOWEST_INTERVAL


def _invented(count: int) -> list[str]:
    return [
        f"Nobody, Q. ({2000 + i}). An invented study number {i} of nothing at all. "
        f"Journal of Invented Results, {i + 1}(2), {10 * i + 1}–{10 * i + 9}."
        for i in range(count)
    ]


@pytest.mark.timeout(60)
def test_a_crossref_refusing_everything_ends_the_run_in_seconds(
    check: Check, crossref: CrossrefStandIn, settings: Settings
) -> None:
    crossref.fail_with = 429
    crossref.fail_retry_after = "0"
    patient = replace(settings, sources=replace(settings.sources, retries=3, most_refusals=6))
    started = time.monotonic()
    run = check(*_invented(15), settings=patient)
    assert time.monotonic() - started < 15
    assert {r.status for r in run.sources} == {SourceStatus.UNVERIFIED}
    said = "crossref refused (429 Too Many Requests) 6 times, not asked again in this run"
    assert said in run.sources_unverified
    assert sum(said in r.reason for r in run.sources) >= 10  # the rest were not asked
    assert len(crossref.requests) <= 6 + patient.sources.concurrency
    assert "work-not-found" not in [f.rule for f in run.findings]


@pytest.mark.timeout(60)
def test_a_service_refusing_for_its_budget_is_not_asked_again(
    check: Check, crossref: CrossrefStandIn, settings: Settings
) -> None:
    crossref.fail_with = 429
    crossref.fail_retry_after = "0"
    brief = replace(settings.sources, retries=3, most_refusals=1000, refusal_budget=0.5)
    run = check(*_invented(15), settings=replace(settings, sources=brief))
    assert {r.status for r in run.sources} == {SourceStatus.UNVERIFIED}
    assert any("not asked again in this run" in p for p in run.sources_unverified)
    assert len(crossref.requests) < 45  # 15 look-ups x 3 attempts, had nothing stopped them


@pytest.mark.timeout(60)
def test_a_retry_after_past_the_cap_does_not_hold_the_other_lookups(
    check: Check, crossref: CrossrefStandIn, settings: Settings
) -> None:
    crossref.fail_with = 429
    crossref.fail_retry_after = "3600"  # max_retry_after is 3 s in these tests
    started = time.monotonic()
    run = check(*_invented(6))
    assert time.monotonic() - started < 15
    assert {r.status for r in run.sources} == {SourceStatus.UNVERIFIED}
    assert len(crossref.requests) <= settings.sources.concurrency
    assert any("asked to wait 3600 s" in p for p in run.sources_unverified)


def test_a_refusing_crossref_is_said_even_when_openalex_matched_every_work(
    check: Check, crossref: CrossrefStandIn, settings: Settings
) -> None:
    crossref.fail_with = 429
    crossref.fail_retry_after = "0"
    quick = replace(settings, sources=replace(settings.sources, most_refusals=2))
    note = (
        "Virtanen, A. (2016). Peatland drainage and methane flux in boreal Finland. "
        "Biogeosciences, 13(4), 1201–1214."
    )
    run = check(note, settings=quick)
    assert {r.status for r in run.sources} == {SourceStatus.MATCHED}  # OpenAlex holds it
    assert any("crossref refused" in p for p in run.sources_unverified)
    assert "work-unverified" in [f.rule for f in run.findings]
