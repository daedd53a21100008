"""Small units of the links stage: URLs, Retry-After, verdicts, pages, soft-404 comparison."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest

from citecheck.config import LinkSettings
from citecheck.links import check_links, normalise_url, parse_retry_after
from citecheck.links.checker import quota_wait
from citecheck.links.classify import challenge_reason, status_verdict
from citecheck.links.fragments import fragment_note
from citecheck.links.hosts import Gates, host_key
from citecheck.links.page import read_page
from citecheck.links.soft404 import Observation, compare, is_home_page_redirect, says_not_found
from citecheck.links.urls import doi_target
from citecheck.model import LinkStatus


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.ORG:80/a/B?x=1#", "http://example.org/a/B?x=1"),
        ("https://example.org:443", "https://example.org/"),
        ("https://example.org:8443/p?", "https://example.org:8443/p"),
        ("https://example.org/p#Sec", "https://example.org/p#Sec"),
        ("  https://[::1]:80/x ", "https://[::1]:80/x"),
        ("not a url", "not a url"),
    ],
)
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://doi.org/10.1000/xyz.1", "http://r.test/10.1000/xyz.1"),
        ("http://dx.doi.org/10.1000/abc", "http://r.test/10.1000/abc"),
        ("doi:10.1000/abc", "http://r.test/10.1000/abc"),
        ("https://doi.org/", None),
        ("https://example.org/10.1000/abc", None),
        # The resolver's own URL for a DOI (how a citation's DOI is asked) is a DOI link.
        ("HTTP://R.test/10.1000/abc", "http://r.test/10.1000/abc"),
        ("http://r.test/about", None),
    ],
)
def test_doi_target(url: str, expected: str | None) -> None:
    assert doi_target(url, resolver="http://r.test/") == expected


def test_parse_retry_after() -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("7", now=now) == 7.0
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("Thu, 01 Jan 2026 11:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after(None) is None


def test_host_key_ignores_port_and_case() -> None:
    assert host_key("https://User@Example.org:8080/x") == "example.org"
    assert host_key("http://[::1]:8080/x") == "[::1]"


@pytest.mark.parametrize(
    ("status", "verdict"),
    [
        (404, LinkStatus.DEAD),
        (410, LinkStatus.DEAD),
        (400, LinkStatus.DEAD),
        (403, LinkStatus.BLOCKED),
        (401, LinkStatus.BLOCKED),
        (451, LinkStatus.BLOCKED),
        (999, LinkStatus.BLOCKED),
        (429, LinkStatus.BLOCKED),
        (504, LinkStatus.TIMEOUT),
        (500, LinkStatus.DEAD),
    ],
)
def test_status_verdicts(status: int, verdict: LinkStatus) -> None:
    assert status_verdict(status, attempts=1)[0] is verdict


def test_challenge_needs_strong_signal_on_200() -> None:
    article = b"<p>How captcha systems work</p>"
    assert challenge_reason(200, httpx.Headers(), "On captchas", article) is None
    assert challenge_reason(403, httpx.Headers(), "Denied", article) is not None
    assert (
        challenge_reason(200, httpx.Headers({"cf-mitigated": "challenge"}), None, b"") is not None
    )


def test_home_page_redirects() -> None:
    assert is_home_page_redirect("https://a.org/news/1", "https://a.org/")
    assert is_home_page_redirect("https://a.org/news/1", "https://a.org/en/")
    assert not is_home_page_redirect("https://a.org/", "https://a.org/index.html")
    assert not is_home_page_redirect("https://a.org/news/1", "https://a.org/news/one")
    # Language homes are real language codes with their slash (or a region);
    # a one-segment, two-letter page is a page.
    assert is_home_page_redirect("https://a.org/news/1", "https://a.org/pt-BR")
    assert is_home_page_redirect("https://a.org/news/1", "https://a.org/uk/")
    for page in ("/ok", "/tv", "/ai", "/uk", "/ok/", "/tv/", "/ai/", "/xx-yy/"):
        assert not is_home_page_redirect("https://a.org/p308", "https://a.org" + page), page


def test_not_found_titles() -> None:
    assert says_not_found("Page not found | Example")
    assert says_not_found("404 - Example")
    assert not says_not_found("Finding the lost river")
    assert not says_not_found(None)


def test_compare_keeps_different_pages_apart() -> None:
    chrome = "Site menu home about contact. " * 3
    probe = Observation("http://a/x/zz", 200, "http://a/x/zz", False, "Site", chrome + "Sorry")
    same = Observation("http://a/x/q", 200, "http://a/x/q", False, "Site", chrome + "Sorry")
    other = Observation(
        "http://a/x/r",
        200,
        "http://a/x/r",
        False,
        "Site",
        chrome + "A long report on river levels, rainfall and the harvest of 2012 " * 4,
    )
    assert compare(same, probe) is not None
    assert compare(other, probe) is None
    honest = Observation("http://a/x/zz", 404, "http://a/x/zz", False, "Not found", "Sorry")
    assert compare(same, honest) is None


def test_read_page_handles_charsets_and_junk() -> None:
    latin = "<html><head><title>Año</title></head><body>Señal</body></html>".encode("latin-1")
    page = read_page(latin, content_type="text/html; charset=ISO-8859-1", complete=True)
    assert page.title == "Año"
    assert page.text == "Señal"
    assert read_page(b"", content_type="text/html", complete=True).text is None
    broken = read_page(b"%PDF-1.4 garbage", content_type="application/pdf", complete=True)
    assert broken.kind == "pdf"
    assert broken.text is None
    assert read_page(b"\x00\x01", content_type="image/png", complete=True).kind == "other"
    odd = read_page(b"plain", content_type="text/plain; charset=no-such-charset", complete=True)
    assert odd.text == "plain"


def test_mock_transport_head_then_get() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        if request.method == "HEAD":
            return httpx.Response(501)
        return httpx.Response(200, html="<title>Hi</title><p>there</p>")

    settings = LinkSettings(cache_path=None, probe_soft_404=False)
    cited = {"https://a.test/x.pdf": ["1"]}  # a file's URL is asked with HEAD first
    results = asyncio.run(check_links(cited, settings, transport=httpx.MockTransport(handler)))
    assert results[0].status is LinkStatus.ALIVE
    assert results[0].page_title == "Hi"
    assert seen == ["HEAD", "GET"]


def test_mock_transport_page_is_asked_with_one_get() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        return httpx.Response(200, html="<title>Hi</title><p>there</p>")

    settings = LinkSettings(cache_path=None, probe_soft_404=False)
    cited = {"https://a.test/x": ["1"], "https://b.test/report.PDF?v=2": ["2"]}
    results = asyncio.run(check_links(cited, settings, transport=httpx.MockTransport(handler)))
    assert [r.status for r in results] == [LinkStatus.ALIVE, LinkStatus.ALIVE]
    assert sorted(seen) == ["GET", "GET", "HEAD"]  # the page: one GET; the file: HEAD, GET


def test_gates_prefer_the_host_with_most_work() -> None:
    async def scenario() -> list[str]:
        gates = Gates(max_concurrency=1, per_host=2, per_host_limits=())
        busy, light = gates.host("busy"), gates.host("light")
        busy.pending, light.pending = 50, 1
        order: list[str] = []
        hold = asyncio.Event()

        async def use(gate_name: str, wait: bool) -> None:
            async with gates.slot(gates.host(gate_name)):
                order.append(gate_name)
                if wait:
                    await hold.wait()

        first = asyncio.ensure_future(use("light", True))
        await asyncio.sleep(0)
        others = [
            asyncio.ensure_future(use("light", False)),
            asyncio.ensure_future(use("busy", False)),
        ]
        await asyncio.sleep(0)
        hold.set()
        await asyncio.gather(first, *others)
        return order

    assert asyncio.run(scenario()) == ["light", "busy", "light"]


def test_window_grows_until_a_429_sets_the_ceiling() -> None:
    async def scenario() -> list[object]:
        gates = Gates(max_concurrency=10, per_host=8, per_host_limits=(("slow.test", 3),))
        gate = gates.host("h")
        seen: list[object] = [gate.limit, gate.ceiling, gates.host("slow.test").ceiling]
        gate.in_flight = 2
        gate.answered(0.1)
        gate.answered(0.1)  # a full window's worth of answers: grow by one
        seen.append(gate.limit)
        gate.in_flight = 1
        gate.answered(0.1)  # window not full: no growth
        seen.append(gate.limit)
        gate.in_flight = 2  # answers came back since: what counts is when it was sent
        gate.throttle(1.0, sent_with=6)  # sent as the sixth: at most five from now on
        seen += [gate.ceiling, gate.limit]
        gate.limit = gate.ceiling = gate.in_flight = 1
        gate.throttle(2.0, sent_with=1)  # refused alone: a rate limit, pause the host
        loop = asyncio.get_running_loop()
        seen.append(gate.not_before > loop.time() + 1.5)
        return seen

    assert asyncio.run(scenario()) == [2, 8, 3, 3, 3, 5, 3, True]


def test_non_standard_999_is_not_retried_as_a_server_error() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        return httpx.Response(999)

    settings = LinkSettings(cache_path=None)
    results = asyncio.run(
        check_links(
            {"https://li.test/in/x": ["1"]}, settings, transport=httpx.MockTransport(handler)
        )
    )
    assert results[0].status is LinkStatus.BLOCKED
    assert seen == ["GET"]  # asked once, not retried


def test_quota_wait_reads_rate_limit_headers() -> None:
    assert quota_wait(httpx.Headers({"x-ratelimit-remaining": "5"})) is None
    github = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "1800000030"}
    assert quota_wait(httpx.Headers(github), now=1_800_000_000.0) == 30.0
    draft = {"ratelimit-remaining": "0", "ratelimit-reset": "12"}
    assert quota_wait(httpx.Headers(draft)) == 12.0
    assert quota_wait(httpx.Headers({"ratelimit": "limit=10, remaining=0, reset=7"})) == 7.0
    assert quota_wait(httpx.Headers({"ratelimit-remaining": "0"})) == 1.0


def test_github_style_anchor() -> None:
    github = fragment_note("usage", frozenset({"user-content-usage"}), kind="html", complete=True)
    assert github == "; anchor '#usage' found"
    missing = fragment_note("usage", frozenset(), kind="html", complete=False)
    assert missing is not None
    assert "no anchor '#usage' in the part of the page read" in missing
    assert fragment_note(":~:text=x", frozenset(), kind="html", complete=True) is None


def test_refused_once_is_asked_again() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        if len(seen) <= 1:  # the first GET meets a restarting server
            cause = ConnectionRefusedError(111, "Connection refused")
            raise httpx.ConnectError("[Errno 111] Connection refused") from cause
        return httpx.Response(200, html="<title>Back</title><p>up again</p>")

    settings = LinkSettings(cache_path=None, probe_soft_404=False)
    results = asyncio.run(
        check_links({"https://a.test/x": ["1"]}, settings, transport=httpx.MockTransport(handler))
    )
    assert results[0].status is LinkStatus.ALIVE
    assert seen == ["GET", "GET"]


def test_window_grows_only_on_requests_surely_at_the_server_together() -> None:
    async def scenario() -> list[object]:
        gate = Gates(max_concurrency=10, per_host=8, per_host_limits=()).host("h")
        seen: list[object] = []
        gate.in_flight = 1
        seen.append(gate.sending(100.0).surely)  # nothing answered yet: only itself is sure
        gate.answered(0.2, surely=1)  # the fastest answer here takes 0.2 s
        gate.in_flight = 2
        seen.append(gate.sending(100.25).surely)  # the send before is 0.25 s old: maybe done
        seen.append(gate.sending(100.30).surely)  # 0.05 s after the one before: both there
        # Two answers at our full window, but only one was surely full at the server.
        gate.answered(0.2, surely=1)
        gate.answered(0.2, surely=2)
        seen.append(gate.limit)
        gate.answered(0.2, surely=2)  # a window's worth of sure ones: grow
        seen.append(gate.limit)
        return seen

    assert asyncio.run(scenario()) == [1, 1, 2, 2, 3]


def test_a_host_that_finishes_early_anyway_is_not_pushed() -> None:
    async def scenario() -> list[int]:
        gates = Gates(max_concurrency=20, per_host=8, per_host_limits=())
        slow, quick = gates.host("slow.test"), gates.host("quick.test")
        slow.pending, slow.latency = 50, 0.2  # 5 s of work at 2 in flight
        quick.pending, quick.latency = 50, 0.05  # 1.25 s: done long before
        for gate in (slow, quick):
            gate.in_flight = 2
            gate.answered(gate.latency, surely=2)
            gate.answered(gate.latency, surely=2)
        return [slow.limit, quick.limit]

    assert asyncio.run(scenario()) == [3, 2]


def test_a_big_pdf_behind_a_page_like_url_is_not_downloaded() -> None:
    pulled: list[int] = []

    class Chunks(httpx.AsyncByteStream):
        async def __aiter__(self) -> AsyncIterator[bytes]:
            for _ in range(160):  # 10 MiB in all
                pulled.append(1)
                yield b"%PDF" + b"\0" * (64 * 1024 - 4)

    def handler(request: httpx.Request) -> httpx.Response:
        size = str(160 * 64 * 1024)
        headers = {"content-type": "application/pdf", "content-length": size}
        return httpx.Response(200, headers=headers, stream=Chunks())

    settings = LinkSettings(cache_path=None, probe_soft_404=False)
    cited = {"https://a.test/download?id=7": ["1"]}
    results = asyncio.run(check_links(cited, settings, transport=httpx.MockTransport(handler)))
    assert results[0].status is LinkStatus.ALIVE
    assert pulled == []  # its size was declared: not a byte of it was read


def test_soft_404_reason_says_what_was_compared() -> None:
    # A catch-all site echoing the path in its title: the titles differ, the text with the
    # address words taken out is the same. The reason must not claim the pages are the same.
    chrome = "Welcome to our archive, browse the collections below. " * 3
    probe = Observation(
        "http://a/x/zz-probe", 200, "http://a/x/zz-probe", False, "zz probe", chrome + "zz probe"
    )
    cited = Observation(
        "http://a/x/river-report",
        200,
        "http://a/x/river-report",
        False,
        "river report",
        chrome + "river report",
    )
    reason = compare(cited, probe)
    assert reason is not None
    assert "the same as what the site shows" not in reason
    assert "another title ('river report' and 'zz probe')" in reason
    assert re.search(r"a text 9\d% like the site.s answer for a made-up address", reason)
    assert "words of each address taken out" in reason
    chrome_twin = Observation("http://a/x/q", 200, "http://a/x/q", False, "Site", chrome)
    same = compare(
        chrome_twin, Observation("http://a/x/zz", 200, "http://a/x/zz", False, "Site", chrome)
    )
    assert same is not None
    assert "the same title ('Site')" in same
