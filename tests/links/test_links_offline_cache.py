"""Offline runs, unresolvable hosts and the SQLite cache."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from links_testweb import Host, Request, Response, html_page

from citecheck.config import LinkSettings
from citecheck.links import check_links, url_history
from citecheck.links.cache import LinkCache
from citecheck.model import LinkResult, LinkStatus

NewHost = Callable[[], Host]


class Unplugged(httpx.AsyncBaseTransport):
    """A machine whose network is down: every connection fails, and counts."""

    def __init__(self) -> None:
        self.attempts = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        cause = OSError(101, "Network is unreachable")
        raise httpx.ConnectError("[Errno 101] Network is unreachable") from cause


class NoSuchNames(httpx.AsyncBaseTransport):
    """The real network for loopback, a local NXDOMAIN for ``.invalid`` names.

    No DNS query leaves the machine: the failure is made here, shaped as
    httpx reports a real one (ConnectError caused by socket.gaierror).
    """

    def __init__(self) -> None:
        self._real = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host.endswith(".invalid"):
            cause = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            raise httpx.ConnectError("[Errno -2] Name or service not known") from cause
        return await self._real.handle_async_request(request)

    async def aclose(self) -> None:
        await self._real.aclose()


def test_unresolvable_host_is_dead(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page("/ok", html_page("Fine", "<p>here</p>"))
    gone, fine = "https://www.vanished-press.invalid/story", site.url("/ok")
    results = asyncio.run(
        check_links({gone: ["2"], fine: ["3"]}, settings, transport=NoSuchNames())
    )
    by_url = {r.url: r for r in results}
    assert by_url[gone].status is LinkStatus.DEAD
    assert "does not exist" in by_url[gone].reason
    assert by_url[fine].status is LinkStatus.ALIVE


def test_broken_dns_is_offline_not_dead(
    settings: LinkSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A resolver that answers NXDOMAIN for every name (sandboxes, captive
    # portals) must not turn every cited host into a dead link.
    asked: list[tuple[str, ...]] = []

    async def knows_nothing(names: tuple[str, ...]) -> bool:
        asked.append(names)
        return False

    monkeypatch.setattr("citecheck.links.offline._resolves_any", knows_nothing)
    cited = {f"https://press{i}.invalid/story/{i}": [str(i)] for i in range(12)}
    results = asyncio.run(check_links(cited, settings, transport=NoSuchNames()))
    assert {r.status for r in results} == {LinkStatus.OFFLINE}
    assert all("DNS" in r.reason for r in results)
    assert len(asked) == 1  # the canaries are asked once per run, not per host


def test_dns_check_can_be_switched_off(settings: LinkSettings) -> None:
    plain = replace(settings, dns_canaries=())
    results = asyncio.run(
        check_links({"https://gone.invalid/x": ["1"]}, plain, transport=NoSuchNames())
    )
    assert results[0].status is LinkStatus.DEAD


def test_network_down_reports_offline_for_every_link(settings: LinkSettings) -> None:
    transport = Unplugged()
    cited = {f"https://site{i % 20}.example.org/page/{i}": [str(i)] for i in range(100)}
    results = asyncio.run(check_links(cited, settings, transport=transport))
    assert len(results) == 100
    assert {r.status for r in results} == {LinkStatus.OFFLINE}
    assert all("network" in r.reason for r in results)
    # Detected on the first hosts: the other links were never attempted.
    assert transport.attempts <= 10


def test_offline_setting_sends_nothing(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page("/ok", html_page("Fine", "<p>here</p>"))
    results = asyncio.run(check_links({site.url("/ok"): ["1"]}, replace(settings, offline=True)))
    assert results[0].status is LinkStatus.OFFLINE
    assert sum(site.requests.values()) == 0


def test_offline_is_never_cached(tmp_path: Path, settings: LinkSettings) -> None:
    ours = replace(settings, cache_path=tmp_path / "links.sqlite3")
    asyncio.run(check_links({"https://a.example.org/x": ["1"]}, ours, transport=Unplugged()))
    with sqlite3.connect(tmp_path / "links.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM links").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM history").fetchone() == (0,)


def test_cache_reuses_fresh_results(
    tmp_path: Path, new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    site.page("/ok", html_page("Fine", "<p>here</p>"))
    site.page("/gone", "", status=404)
    ours = replace(settings, cache_path=tmp_path / "links.sqlite3")
    cited = {site.url("/ok"): ["1"], site.url("/gone"): ["2"]}
    first = asyncio.run(check_links(cited, ours))
    asked = sum(site.requests.values())
    second = asyncio.run(check_links(cited, ours))
    assert sum(site.requests.values()) == asked  # nothing asked again
    assert all(r.from_cache for r in second)
    assert not any(r.from_cache for r in first)
    assert [(r.status, r.http_status, r.page_title, r.page_text) for r in second] == [
        (r.status, r.http_status, r.page_title, r.page_text) for r in first
    ]


def test_history_tracks_rot(tmp_path: Path, new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    state = {"alive": True}

    @site.route("/story")
    async def story(_: Request) -> Response:
        if state["alive"]:
            return Response(body=html_page("Story", "<p>text</p>"))
        return Response(status=410)

    ours = replace(settings, cache_path=tmp_path / "c.sqlite3", cache_max_age=0.0)
    url = site.url("/story")
    asyncio.run(check_links({url: ["1"]}, ours))
    state["alive"] = False
    asyncio.run(check_links({url: ["1"]}, ours))
    history = url_history(tmp_path / "c.sqlite3", url.replace("http://", "HTTP://"))
    assert [(h.status, h.http_status) for h in history] == [
        (LinkStatus.ALIVE, 200),
        (LinkStatus.DEAD, 410),
    ]
    assert history[0].checked_at <= history[1].checked_at
    assert url_history(tmp_path / "missing.sqlite3", url) == ()


def test_each_result_is_committed_as_it_arrives(
    tmp_path: Path, new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    for i in range(5):
        site.page(f"/p{i}", html_page(f"P{i}", "<p>x</p>"))
    path = tmp_path / "links.sqlite3"
    seen: list[LinkResult] = []

    def interrupt(result: LinkResult) -> None:
        seen.append(result)
        if len(seen) == 2:
            raise KeyboardInterrupt  # the editor pressed Ctrl-C

    cited = {site.url(f"/p{i}"): ["1"] for i in range(5)}
    with pytest.raises(KeyboardInterrupt):
        asyncio.run(check_links(cited, replace(settings, cache_path=path), progress=interrupt))
    with sqlite3.connect(path) as db:
        stored = {row[0] for row in db.execute("SELECT url FROM links")}
    assert stored == {r.url for r in seen}


def test_cache_trusts_unverified_verdicts_briefly(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    with LinkCache(tmp_path / "c.sqlite3", max_age=24 * 3600) as cache:
        for url, status, code in [
            ("http://a.test/alive", LinkStatus.ALIVE, 200),
            ("http://a.test/gone", LinkStatus.DEAD, 404),
            ("http://a.test/wall", LinkStatus.BLOCKED, 403),
            ("http://a.test/slow", LinkStatus.TIMEOUT, None),
            ("http://a.test/refused", LinkStatus.DEAD, None),
        ]:
            cache.put(
                url,
                LinkResult(url=url, status=status, reason="r", http_status=code, checked_at=now),
            )
        later = now + timedelta(hours=2)
        assert cache.get("http://a.test/alive", now=later) is not None
        assert cache.get("http://a.test/gone", now=later) is not None
        assert cache.get("http://a.test/wall", now=later) is None
        assert cache.get("http://a.test/slow", now=later) is None
        assert cache.get("http://a.test/refused", now=later) is None
        assert cache.get("http://a.test/refused", now=now + timedelta(seconds=1)) is None
        assert cache.get("http://a.test/wall", now=now + timedelta(minutes=10)) is not None
        assert cache.get("http://a.test/alive", now=now + timedelta(days=2)) is None


def test_cached_verdict_follows_new_accepted_status(
    tmp_path: Path, new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    site.page("/members", "", status=401)
    ours = replace(settings, cache_path=tmp_path / "c.sqlite3")
    url = site.url("/members")
    first = asyncio.run(check_links({url: ["1"]}, ours))
    assert first[0].status is LinkStatus.BLOCKED
    again = asyncio.run(check_links({url: ["1"]}, replace(ours, accepted_status=(401,))))
    assert again[0].status is LinkStatus.ALIVE


def test_dns_knowing_nothing_is_found_before_any_request(
    settings: LinkSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No transport: the real client. Route present, DNS empty: every named
    # host is offline at once, and no request is even attempted.
    async def knows_nothing(names: tuple[str, ...]) -> bool:
        assert names == ("example.com",)
        return False

    def no_client(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a request was attempted")

    monkeypatch.setattr("citecheck.links.checker.is_network_available", lambda: True)
    monkeypatch.setattr("citecheck.links.checker.dns_answers", knows_nothing)
    monkeypatch.setattr("citecheck.links.checker._check_all", no_client)
    plain = replace(settings, dns_canaries=("example.com",))
    cited = {f"https://press{i}.invalid/story/{i}": [str(i)] for i in range(100)}
    results = asyncio.run(check_links(cited, plain))
    assert {r.status for r in results} == {LinkStatus.OFFLINE}
    assert "DNS knows no name" in results[0].reason


def test_fresh_verdicts_are_committed_in_groups_and_a_failed_write_keeps_the_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citecheck.links import cache as cache_module

    path = tmp_path / "links.sqlite3"
    now = datetime.now(UTC)

    def result(n: int, meta: tuple[tuple[str, object], ...] = ()) -> LinkResult:
        url = f"https://example.org/{n}"
        return LinkResult(url, LinkStatus.ALIVE, "ok", 200, checked_at=now, page_meta=meta)  # type: ignore[arg-type]

    def stored() -> int:
        with sqlite3.connect(path) as db:
            return int(db.execute("SELECT count(*) FROM links").fetchone()[0])

    monkeypatch.setattr(cache_module, "GROUP_SECONDS", 3600.0)
    cache = LinkCache(path, max_age=86400)
    cache.put(result(1).url, result(1))
    cache.put(result(2).url, result(2))
    assert stored() == 0  # waiting for the group's commit
    with pytest.raises(TypeError):  # a value the row cannot hold: this write fails alone
        cache.put(result(3).url, result(3, (("title", object()),)))
    cache.put(result(4).url, result(4))
    cache.close()
    assert stored() == 3
    monkeypatch.setattr(cache_module, "GROUP_SECONDS", 0.0)  # a group per write
    with LinkCache(path, max_age=86400) as cache:
        cache.put(result(5).url, result(5))
        assert stored() == 4


def test_waiting_verdicts_hold_no_lock_on_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sources stage writes its answers to the same file from the same event loop: a write
    # transaction left open between two commits made it wait for the lock (and the loop with it).
    from citecheck.links import cache as cache_module

    monkeypatch.setattr(cache_module, "GROUP_SECONDS", 3600.0)
    path = tmp_path / "links.sqlite3"
    now = datetime.now(UTC)
    with LinkCache(path, max_age=86400) as cache:
        result = LinkResult("https://example.org/a", LinkStatus.ALIVE, "ok", 200, checked_at=now)
        cache.put(result.url, result)
        assert cache.uncommitted
        other = sqlite3.connect(path, timeout=0.1)
        try:
            other.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT)")
            other.execute("INSERT INTO answers VALUES ('doi:10.1/x')")
            other.commit()  # "database is locked" if the cache held a write transaction
        finally:
            other.close()
        assert cache.get(result.url, now=now) is not None  # its own waiting verdict, flushed


def test_a_dois_cached_verdict_is_its_resolvers_own(
    tmp_path: Path, new_host: NewHost, settings: LinkSettings
) -> None:
    """A verdict on a DOI asked of one resolver never stands for another's answer."""
    first, second, publisher = new_host(), new_host(), new_host()
    first.redirect("/10.1234/abc", publisher.url("/article/abc"), status=302)
    publisher.page("/article/abc", html_page("The article", "<p>abstract</p>"))
    second.page("/10.1234/abc", "", status=404)  # this resolver does not know it
    doi = "https://doi.org/10.1234/abc"
    cached = replace(settings, cache_path=tmp_path / "links.sqlite3")
    (one,) = asyncio.run(check_links({doi: ["1"]}, replace(cached, doi_resolver=first.base + "/")))
    assert one.status is LinkStatus.ALIVE
    (two,) = asyncio.run(check_links({doi: ["1"]}, replace(cached, doi_resolver=second.base + "/")))
    assert not two.from_cache
    assert two.status is LinkStatus.DEAD
    # Back at the first resolver: its own verdict, from the cache.
    (three,) = asyncio.run(
        check_links({doi: ["1"]}, replace(cached, doi_resolver=first.base + "/"))
    )
    assert three.from_cache
    assert three.status is LinkStatus.ALIVE
