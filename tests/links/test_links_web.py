"""The checker against a real loopback web: one test per behaviour a citation meets."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import pytest
from links_testweb import Host, Request, Response, closed_port, html_page, http_date, pdf_bytes

from citecheck.config import LinkSettings
from citecheck.links import check_links
from citecheck.model import LinkResult, LinkStatus

NewHost = Callable[[], Host]


def run(
    cited: Mapping[str, Sequence[str]] | Sequence[str], settings: LinkSettings, **options: object
) -> dict[str, LinkResult]:
    mapping = cited if isinstance(cited, Mapping) else {url: ["1"] for url in cited}
    results = asyncio.run(check_links(mapping, settings, **options))  # type: ignore[arg-type]
    return {result.url: result for result in results}


def article(title: str, text: str, **ids: str) -> bytes:
    anchors = "".join(f'<h2 id="{name}">{label}</h2>' for name, label in ids.items())
    return html_page(title, f"<nav>Home About</nav><article><p>{text}</p>{anchors}</article>")


def flaky(failures: int, status: int, **headers: str) -> Callable[[Request], object]:
    """Fails ``failures`` times with ``status`` (any method), then serves a page."""
    seen = {"n": 0}

    async def handler(_: Request) -> Response:
        seen["n"] += 1
        if seen["n"] <= failures:
            return Response(status=status, headers=dict(headers), body=b"try later")
        return Response(body=article("Back again", "The page is here."))

    return handler


# --------------------------------------------------------------------------
# Plain answers
# --------------------------------------------------------------------------


def test_ok_page_is_alive_and_read(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Walls and rivers",
            "datePublished": "2019-03-02",
            "author": [{"@type": "Person", "name": "Ana Ruiz"}],
        }
    )
    head = (
        '<meta name="citation_title" content="Walls and Rivers">'
        '<meta name="citation_author" content="Ruiz, Ana">'
        '<meta name="citation_publication_date" content="2019/03/02">'
        '<meta property="og:title" content="Walls &amp; Rivers">'
        '<meta property="article:published_time" content="2019-03-02T10:00:00Z">'
        f'<script type="application/ld+json">{ld}</script>'
        "<style>body { color: red }</style>"
    )
    site.page("/ok", html_page("Walls and Rivers", "<p>The border runs 3,145 km.</p>", head=head))
    result = run([site.url("/ok")], settings)[site.url("/ok")]
    assert result.status is LinkStatus.ALIVE
    assert result.http_status == 200
    assert result.page_title == "Walls and Rivers"
    meta = dict(result.page_meta)
    assert meta["citation_author"] == "Ruiz, Ana"
    assert meta["og:title"] == "Walls & Rivers"
    assert meta["article:published_time"] == "2019-03-02T10:00:00Z"
    assert meta["jsonld:headline"] == "Walls and rivers"
    assert meta["jsonld:datePublished"] == "2019-03-02"
    assert meta["jsonld:author"] == "Ana Ruiz"
    assert result.page_text == "The border runs 3,145 km."  # no title, no style


@pytest.mark.parametrize(("status", "words"), [(404, "not found"), (410, "gone")])
def test_missing_pages_are_dead(
    new_host: NewHost, settings: LinkSettings, status: int, words: str
) -> None:
    site = new_host()
    site.page("/gone", html_page("Gone", "<p>x</p>"), status=status)
    result = run([site.url("/gone")], settings)[site.url("/gone")]
    assert result.status is LinkStatus.DEAD
    assert result.http_status == status
    assert words in result.reason.lower()


def test_server_error_then_ok_is_retried(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.routes["/flaky"] = flaky(2, 500)  # type: ignore[assignment]
    result = run([site.url("/flaky")], settings)[site.url("/flaky")]
    assert result.status is LinkStatus.ALIVE
    assert site.hits("/flaky", "GET") == 3  # 500, 500, then 200 on the last of three tries


def test_persistent_503_is_dead_after_retries(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page("/down", "maintenance", status=503)
    result = run([site.url("/down")], replace(settings, retries=2))[site.url("/down")]
    assert result.status is LinkStatus.DEAD
    assert result.http_status == 503
    assert "all 3 tries" in result.reason
    assert site.hits("/down", "GET") == 3


@pytest.mark.parametrize(
    ("retry_after", "path", "method"),
    [("1", "/busy", "GET"), ("date", "/busy", "GET"), ("1", "/busy.pdf", "HEAD")],
)
def test_429_waits_as_told_then_succeeds(
    new_host: NewHost, settings: LinkSettings, retry_after: str, path: str, method: str
) -> None:
    site = new_host()
    value = http_date(1) if retry_after == "date" else retry_after
    site.routes[path] = flaky(1, 429, **{"Retry-After": value})  # type: ignore[assignment]
    result = run([site.url(path)], settings)[site.url(path)]
    assert result.status is LinkStatus.ALIVE
    # A page is asked with GET at first contact, a file with HEAD; the 429 is
    # honoured with the same method, not dodged with the other one.
    assert site.hits(path, method) == 2


def test_endless_429_is_unverified_not_dead(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page("/busy", "no", status=429, **{"Retry-After": "0"})
    result = run([site.url("/busy")], replace(settings, retries=1))[site.url("/busy")]
    assert result.status is LinkStatus.BLOCKED
    assert not result.status.verified


@pytest.mark.parametrize("status", [429, 503])
def test_a_wait_longer_than_the_cap_is_blocked_at_once(
    new_host: NewHost, settings: LinkSettings, status: int
) -> None:
    # Asked to come back in an hour with a cap of 3 s: retrying sooner only
    # earns more refusals (and four capped waits for one URL).
    site = new_host()
    site.page("/later", "busy", status=status, **{"Retry-After": "3600"})
    result = run([site.url("/later")], settings)[site.url("/later")]
    assert result.status is LinkStatus.BLOCKED
    assert "asked the checker to wait 3600 s" in result.reason
    assert site.hits("/later") == 1


def test_head_refused_then_get(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()

    @site.route("/nohead.pdf")  # a file's URL: asked with HEAD first
    async def nohead(request: Request) -> Response:
        if request.method == "HEAD":
            return Response(status=405)
        return Response(body=article("Fine", "GET works"))

    result = run([site.url("/nohead.pdf")], settings)[site.url("/nohead.pdf")]
    assert result.status is LinkStatus.ALIVE
    assert site.hits("/nohead.pdf", "HEAD") == 1
    assert site.hits("/nohead.pdf", "GET") == 1


def test_head_that_lies_is_not_believed(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()

    @site.route("/liar.pdf")
    async def liar(request: Request) -> Response:
        if request.method == "HEAD":
            return Response(status=404)
        return Response(body=article("Here after all", "GET says 200"))

    result = run([site.url("/liar.pdf")], settings)[site.url("/liar.pdf")]
    assert result.status is LinkStatus.ALIVE
    assert result.page_title == "Here after all"


@pytest.mark.parametrize(("first", "heads"), [("/p0", 0), ("/p0.pdf", 1)])
def test_host_serving_pages_is_asked_with_get_only(
    new_host: NewHost, settings: LinkSettings, first: str, heads: int
) -> None:
    site = new_host()
    paths = [first, *(f"/p{i}" for i in range(1, 6))]
    for i, path in enumerate(paths):
        site.page(path, article(f"Page {i}", f"text {i}"))
    results = run([site.url(path) for path in paths], settings)
    assert all(r.status is LinkStatus.ALIVE for r in results.values())
    # A page's URL is asked with GET from the first contact; a file's URL with
    # HEAD, until the host shows it serves pages.
    assert sum(n for (method, _), n in site.requests.items() if method == "HEAD") == heads
    assert sum(site.hits(path, "GET") for path in paths) == 6


# --------------------------------------------------------------------------
# Redirects
# --------------------------------------------------------------------------


def test_redirect_chain_is_recorded(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.redirect("/a", "/b", status=302)
    site.redirect("/b", site.url("/c"), status=301)
    site.page("/c", article("Final", "arrived"))
    result = run([site.url("/a")], settings)[site.url("/a")]
    # The first hop is temporary: the cited address stays the right one.
    assert result.status is LinkStatus.ALIVE
    assert result.final_url == site.url("/c")
    assert result.redirects == (site.url("/b"), site.url("/c"))
    assert "temporary (302)" in result.reason


def test_permanent_move_suggests_new_address(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.redirect("/old", "/new/place", status=301)
    site.page("/new/place", article("Moved", "new home"))
    result = run([site.url("/old")], settings)[site.url("/old")]
    assert result.status is LinkStatus.REDIRECTED
    assert result.final_url == site.url("/new/place")
    assert site.url("/new/place") in result.reason


def test_trailing_slash_redirect_is_just_alive(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.redirect("/docs", "/docs/", status=301)
    site.page("/docs/", article("Docs", "index"))
    assert run([site.url("/docs")], settings)[site.url("/docs")].status is LinkStatus.ALIVE


def test_redirect_loop_is_dead(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")
    result = run([site.url("/loop-a")], settings)[site.url("/loop-a")]
    assert result.status is LinkStatus.DEAD
    assert "loop" in result.reason


def test_redirect_to_home_page_is_soft_dead(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page("/", article("Welcome", "Our home page"))
    site.redirect("/reports/2014/annual", "/", status=301)
    result = run([site.url("/reports/2014/annual")], settings)[site.url("/reports/2014/annual")]
    assert result.status is LinkStatus.SOFT_DEAD
    assert "home page" in result.reason


def test_a_redirect_to_a_two_letter_page_is_no_home_page(
    new_host: NewHost, settings: LinkSettings
) -> None:
    # "/ok" is a page (as "/tv" or "/ai"), not a language's home like "/en/".
    site = new_host()
    site.page("/ok", article("Annual Report 2020", "the year in figures"))
    site.page("/en/", article("Welcome", "Our home page"))
    site.redirect("/p308", "/ok", status=308)
    site.redirect("/reports/old", "/en/", status=301)
    moved, home = site.url("/p308"), site.url("/reports/old")
    results = run([moved, home], settings)
    assert results[moved].status is LinkStatus.REDIRECTED
    assert results[moved].page_title == "Annual Report 2020"
    assert results[home].status is LinkStatus.SOFT_DEAD
    assert "home page" in results[home].reason


# --------------------------------------------------------------------------
# Soft 404s
# --------------------------------------------------------------------------


def _soft_404_site(site: Host) -> None:
    template = (
        "<header>Daily Border News · Politics · Economy · Culture · Subscribe</header>"
        "<main>{}</main><footer>© Daily Border News. All rights reserved. Contact us.</footer>"
    )

    async def not_found(request: Request) -> Response:
        return Response(
            body=html_page(
                "Daily Border News",
                template.format(
                    f"<h1>Sorry</h1><p>We could not find {request.path}. It may have moved.</p>"
                ),
            )
        )

    site.fallback = not_found
    story = (
        "<h1>River levels fall</h1><p>The river at the crossing fell two metres this summer, "
        "farmers say, and the new pumps have not helped. Officials met on Tuesday to plan "
        "the next season and promised a report by spring.</p>"
    )
    site.page("/news/river-levels", html_page("Daily Border News", template.format(story)))


def test_soft_404_page_is_soft_dead(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    _soft_404_site(site)
    result = run([site.url("/news/vanished-story")], settings)[site.url("/news/vanished-story")]
    assert result.status is LinkStatus.SOFT_DEAD
    assert "made-up address" in result.reason


def test_real_page_on_soft_404_site_stays_alive(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    _soft_404_site(site)
    results = run([site.url("/news/river-levels"), site.url("/news/vanished-story")], settings)
    assert results[site.url("/news/river-levels")].status is LinkStatus.ALIVE
    assert results[site.url("/news/vanished-story")].status is LinkStatus.SOFT_DEAD
    probes = [p for (_, p) in site.requests if "citecheck-" in p]
    assert len(probes) == 1  # one probe per directory, shared


def test_page_about_404s_on_honest_site_stays_alive(
    new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()  # unknown paths get a real 404 here
    site.page("/blog/errors", article("404 Not Found - what it means", "An explainer."))
    result = run([site.url("/blog/errors")], settings)[site.url("/blog/errors")]
    assert result.status is LinkStatus.ALIVE


def test_not_found_title_without_probe_is_soft_dead(
    new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    site.page("/x", article("Page not found", "Sorry."))
    result = run([site.url("/x")], replace(settings, probe_soft_404=False))[site.url("/x")]
    assert result.status is LinkStatus.SOFT_DEAD


# --------------------------------------------------------------------------
# Bot walls: never dead
# --------------------------------------------------------------------------


def test_bot_walls_are_blocked(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page(
        "/cf",
        html_page("Just a moment...", "<p>Checking your browser</p>"),
        status=403,
        **{"cf-mitigated": "challenge"},
    )
    site.page("/captcha", html_page("Blocked", '<div class="g-recaptcha"></div>'), status=403)
    site.page("/linkedin", "", status=999)
    site.page("/login", "", status=401)
    site.page("/legal", "", status=451)
    site.page("/challenge200", html_page("Just a moment...", "<p>wait</p>"))
    urls = [site.url(p) for p in ("/cf", "/captcha", "/linkedin", "/login", "/legal")]
    urls.append(site.url("/challenge200"))
    results = run(urls, settings)
    for url in urls:
        assert results[url].status is LinkStatus.BLOCKED, (url, results[url].reason)
        assert results[url].reason.startswith("unverified")
    assert "Cloudflare" in results[site.url("/cf")].reason


# --------------------------------------------------------------------------
# Network failures
# --------------------------------------------------------------------------


def test_slow_page_times_out(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()

    @site.route("/slow")
    async def slow(_: Request) -> Response:
        await asyncio.sleep(3)
        return Response(body=b"late")

    result = run([site.url("/slow")], replace(settings, timeout=0.3, retries=1))[site.url("/slow")]
    assert result.status is LinkStatus.TIMEOUT
    assert not result.status.verified


def test_refused_connection_is_dead(settings: LinkSettings) -> None:
    url = f"http://127.0.0.1:{closed_port()}/page"
    result = run([url], settings)[url]
    assert result.status is LinkStatus.DEAD
    assert "refused" in result.reason


# --------------------------------------------------------------------------
# Big bodies, PDFs and fragments
# --------------------------------------------------------------------------


def test_huge_page_is_not_downloaded(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    size = 30 * 1024 * 1024
    chunk = b"<p>" + b"word " * 2000 + b"</p>"

    async def body():  # type: ignore[no-untyped-def]
        sent = 0
        yield b"<html><head><title>Huge</title></head><body>"
        while sent < size:
            yield chunk
            sent += len(chunk)
            if sent >= 1024 * 1024 and sent - len(chunk) < 1024 * 1024:
                # Loopback moves megabytes a millisecond and the kernel buffers up to
                # tcp_rmem's maximum (32 MB here) unread: a pause lets a client that
                # stopped reading close the connection before the rest is pushed into
                # its buffers, so the count below says what it asked for, not the load.
                await asyncio.sleep(0.5)

    @site.route("/huge")
    async def huge(_: Request) -> Response:
        return Response(stream=(size + 46, body))

    result = run([site.url("/huge")], settings)[site.url("/huge")]
    assert result.status is LinkStatus.ALIVE
    assert result.page_title == "Huge"
    # Stopped early: 64 KiB read; the first megabyte went before the pause, the rest never.
    assert site.bytes_sent["/huge"] < 4 * 1024 * 1024


def test_pdf_is_read_when_small_and_skipped_when_big(
    new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    site.page("/report.pdf", pdf_bytes("Border crossings rose in 2012", title="Annual report"))

    @site.route("/big.pdf")
    async def big(_: Request) -> Response:
        return Response(body=b"%PDF-1.4" + b"0" * 2_000_000, content_type="application/pdf")

    small = site.routes["/report.pdf"]

    async def as_pdf(request: Request) -> Response:
        response = await small(request)
        response.content_type = "application/pdf"
        return response

    site.routes["/report.pdf"] = as_pdf
    results = run([site.url("/report.pdf"), site.url("/big.pdf")], settings)
    report = results[site.url("/report.pdf")]
    assert report.status is LinkStatus.ALIVE
    assert report.page_title == "Annual report"
    assert ("pdf:author", "Ada Lovelace") in report.page_meta
    assert "Border crossings rose in 2012" in (report.page_text or "")
    assert results[site.url("/big.pdf")].status is LinkStatus.ALIVE
    assert site.hits("/big.pdf", "GET") == 0  # HEAD said 2 MB of PDF: not fetched


def test_fragments_found_and_missing(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    body = '<h2 id="results">Results</h2><p><a name="old-anchor">Old style</a></p>'
    site.page("/doc", html_page("Doc", body))
    urls = [site.url("/doc#results"), site.url("/doc#old-anchor"), site.url("/doc#nowhere")]
    results = run(urls, settings)
    assert all(r.status is LinkStatus.ALIVE for r in results.values())
    assert "found" in results[site.url("/doc#results")].reason
    assert "found" in results[site.url("/doc#old-anchor")].reason
    assert "no anchor '#nowhere'" in results[site.url("/doc#nowhere")].reason
    assert site.hits("/doc", "GET") == 1  # three citations, one page fetch


# --------------------------------------------------------------------------
# One check per URL, limits
# --------------------------------------------------------------------------


def test_same_url_cited_three_times_is_asked_once(
    new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    site.page("/shared", article("Shared", "cited thrice"))
    upper = site.url("/shared").replace("http://", "HTTP://")
    cited = {site.url("/shared"): ["1"], upper: ["4"], site.url("/shared") + "#": ["9", "1"]}
    results = asyncio.run(check_links(cited, settings))
    assert len(results) == 1
    assert results[0].notes == ("1", "4", "9")
    assert site.hits("/shared") == 1  # one GET: a page is not asked with HEAD first


def test_per_host_limit_is_respected(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.latency = 0.05
    for i in range(15):
        site.page(f"/p{i}", article(f"P{i}", "x"))
    limits = ((site.address, 3),)
    run([site.url(f"/p{i}") for i in range(15)], replace(settings, per_host_limits=limits))
    assert site.max_in_flight <= 3
    assert site.max_in_flight >= 2  # and used


def test_hidden_limit_is_learned_from_429(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.latency = 0.05
    site.limit = 2
    for i in range(24):
        site.page(f"/p{i}", article(f"P{i}", "x"))
    results = run([site.url(f"/p{i}") for i in range(24)], replace(settings, per_host=8))
    assert all(r.status is LinkStatus.ALIVE for r in results.values())
    # One burst teaches the limit: at most per_host - limit refusals, not one per URL.
    assert site.throttled <= 6


def test_global_limit_is_respected(new_host: NewHost, settings: LinkSettings) -> None:
    sites = [new_host() for _ in range(4)]
    for site in sites:
        site.latency = 0.05
        for i in range(6):
            site.page(f"/p{i}", article(f"P{i}", "x"))
    urls = [site.url(f"/p{i}") for site in sites for i in range(6)]
    in_flight = {"now": 0, "max": 0}
    originals = {}
    for site in sites:
        originals[site] = site._handle

        async def counted(request: Request, _site: Host = site) -> Response:
            in_flight["now"] += 1
            in_flight["max"] = max(in_flight["max"], in_flight["now"])
            try:
                return await originals[_site](request)
            finally:
                in_flight["now"] -= 1

        site._handle = counted  # type: ignore[method-assign]
    run(urls, replace(settings, max_concurrency=3))
    assert 2 <= in_flight["max"] <= 3


# --------------------------------------------------------------------------
# DOIs, settings
# --------------------------------------------------------------------------


def test_doi_goes_through_the_configured_resolver(
    new_host: NewHost, settings: LinkSettings
) -> None:
    resolver, publisher = new_host(), new_host()
    resolver.redirect("/10.1234/abc", publisher.url("/article/abc"), status=302)
    publisher.page("/article/abc", article("The article", "abstract"))
    doi_ok, doi_missing = "https://doi.org/10.1234/abc", "https://doi.org/10.1234/nope"
    ours = replace(settings, doi_resolver=resolver.base + "/")
    results = run([doi_ok, doi_missing], ours)
    assert results[doi_ok].status is LinkStatus.ALIVE
    assert results[doi_ok].final_url == publisher.url("/article/abc")
    assert "DOI resolves" in results[doi_ok].reason
    assert results[doi_missing].status is LinkStatus.DEAD
    assert "DOI is not registered" in results[doi_missing].reason


def test_a_doi_as_the_resolvers_url_is_a_doi_and_the_resolver_is_never_probed(
    new_host: NewHost, settings: LinkSettings
) -> None:
    # A citation's DOI is asked as "<resolver>10..."; with a resolver of one's
    # own that spelling must still read as a DOI. A resolver that answers with a
    # page of its own (no redirect) gets no made-up DOI of ours.
    resolver, publisher = new_host(), new_host()
    resolver.redirect("/10.1234/abc", publisher.url("/article/abc"), status=302)
    resolver.page("/10.1234/here", article("Resolver's own page", "about this DOI"))
    resolver.page("/10.1234/gone", "not here", status=404)
    publisher.page("/article/abc", article("The article", "abstract"))
    ours = replace(settings, doi_resolver=resolver.base + "/")
    urls = [resolver.url(p) for p in ("/10.1234/abc", "/10.1234/here", "/10.1234/gone")]
    results = run(urls, ours)
    assert "the DOI resolves to " + publisher.url("/article/abc") in results[urls[0]].reason
    assert results[urls[1]].status is LinkStatus.ALIVE
    assert "DOI is not registered" in results[urls[2]].reason
    asked = {path for _, path in resolver.requests}
    assert asked == {"/10.1234/abc", "/10.1234/here", "/10.1234/gone"}


def test_excludes_and_accepted_status(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page("/teapot", "", status=418)
    ours = replace(settings, excludes=(r"/private/",), accepted_status=(418,))
    results = run([site.url("/private/x"), site.url("/teapot"), "ftp://example.org/f"], ours)
    assert results[site.url("/private/x")].status is LinkStatus.EXCLUDED
    assert results[site.url("/teapot")].status is LinkStatus.ALIVE
    assert results["ftp://example.org/f"].status is LinkStatus.EXCLUDED
    assert site.hits("/private/x") == 0


def test_user_agent_names_citecheck(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    seen: list[str] = []

    @site.route("/ua")
    async def ua(request: Request) -> Response:
        seen.append(request.headers.get("user-agent", ""))
        return Response(body=article("UA", "x"))

    run([site.url("/ua")], settings)
    assert seen
    assert all(agent.startswith("citecheck/") for agent in seen)


def test_progress_reports_each_result(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page("/a", article("A", "x"))
    seen: list[LinkResult] = []
    results = asyncio.run(
        check_links({site.url("/a"): ["1"], site.url("/b"): ["2"]}, settings, progress=seen.append)
    )
    assert sorted(r.url for r in seen) == sorted(r.url for r in results)


def test_head_dropped_by_an_edge_is_not_a_timeout(
    new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()

    @site.route("/edge.pdf")
    async def edge(request: Request) -> Response:
        if request.method == "HEAD":
            await asyncio.sleep(3)  # some CDNs never answer HEAD from datacentres
        return Response(body=article("Edge", "served"))

    url = site.url("/edge.pdf")
    result = run([url], replace(settings, timeout=0.5))[url]
    assert result.status is LinkStatus.ALIVE
    assert site.hits("/edge.pdf", "HEAD") == 1  # not retried: the GET follows at once


def test_head_forbidden_but_get_fine_is_alive(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()

    @site.route("/nohead403.pdf")
    async def nohead(request: Request) -> Response:
        if request.method == "HEAD":
            return Response(status=403)
        return Response(body=article("Open", "to GET"))

    url = site.url("/nohead403.pdf")
    assert run([url], settings)[url].status is LinkStatus.ALIVE
    assert site.hits("/nohead403.pdf", "HEAD") >= 1


def test_no_route_to_the_internet_reports_remote_links_offline(
    monkeypatch: pytest.MonkeyPatch, new_host: NewHost, settings: LinkSettings
) -> None:
    import citecheck.links.checker as checker

    monkeypatch.setattr(checker, "is_network_available", lambda: False)
    site = new_host()  # loopback needs no Internet: still checked
    site.page("/ok", article("Local", "fine"))
    remote = "https://www.example.org/report"
    results = run([remote, site.url("/ok")], settings)
    assert results[remote].status is LinkStatus.OFFLINE
    assert "no route" in results[remote].reason
    assert results[site.url("/ok")].status is LinkStatus.ALIVE


@pytest.mark.parametrize(("path", "method"), [("/api", "GET"), ("/api.csv", "HEAD")])
def test_spent_quota_403_is_retried_after_reset(
    new_host: NewHost, settings: LinkSettings, path: str, method: str
) -> None:
    site = new_host()
    quota = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1"}  # one second, as a delta
    site.routes[path] = flaky(1, 403, **quota)  # type: ignore[assignment]
    result = run([site.url(path)], settings)[site.url(path)]
    assert result.status is LinkStatus.ALIVE
    assert site.hits(path, method) == 2  # the spent quota waited out, not dodged


def test_redirect_to_a_login_page_is_blocked_not_alive(
    new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    site.redirect("/members/report", "/account/login?next=/members/report")
    site.page("/account/login", article("Sign in", "Email Password"))
    result = run([site.url("/members/report")], settings)[site.url("/members/report")]
    assert result.status is LinkStatus.BLOCKED
    assert "login" in result.reason


def test_text_fragment_is_not_reported_as_an_anchor(
    new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    site.page("/essay", article("Essay", "the river fell"))
    url = site.url("/essay#:~:text=river")
    result = run([url], settings)[url]
    assert result.status is LinkStatus.ALIVE
    assert "anchor" not in result.reason


def test_a_cookie_set_on_a_redirect_is_sent_back(new_host: NewHost, settings: LinkSettings) -> None:
    # Cookie walls: the cited address sets a session cookie and redirects to
    # the report, which sends a reader without the cookie back (a loop).
    site = new_host()
    seen: list[str] = []

    @site.route("/start")
    async def start(request: Request) -> Response:
        headers = {"Set-Cookie": "session=ok; Path=/", "Location": "/report"}
        return Response(status=302, headers=headers)

    @site.route("/report")
    async def report(request: Request) -> Response:
        seen.append(request.headers.get("cookie", ""))
        if "session=ok" in request.headers.get("cookie", ""):
            return Response(body=article("Behind the wall", "the report"))
        return Response(status=302, headers={"Location": "/start"})

    result = run([site.url("/start")], settings)[site.url("/start")]
    assert result.status is LinkStatus.ALIVE
    assert result.page_title == "Behind the wall"
    assert seen == ["session=ok"]


def test_a_redirect_back_to_itself_with_a_new_cookie_is_no_loop(
    new_host: NewHost, settings: LinkSettings
) -> None:
    # The address sets a cookie and sends the reader to itself; with the
    # cookie it answers. Only the same address with the same cookies is a loop.
    site = new_host()

    @site.route("/cookie")
    async def cookie(request: Request) -> Response:
        if "sess=1" in request.headers.get("cookie", ""):
            return Response(body=article("Behind the cookie", "the page"))
        return Response(status=302, headers={"Set-Cookie": "sess=1; Path=/", "Location": "/cookie"})

    @site.route("/stubborn")
    async def stubborn(request: Request) -> Response:
        # Sets the same cookie every time and never lets the reader in.
        return Response(status=302, headers={"Set-Cookie": "s=1; Path=/", "Location": "/stubborn"})

    urls = [site.url("/cookie"), site.url("/stubborn")]
    results = run(urls, settings)
    assert results[urls[0]].status is LinkStatus.ALIVE
    assert results[urls[0]].page_title == "Behind the cookie"
    assert results[urls[1]].status is LinkStatus.DEAD
    assert "redirect loop" in results[urls[1]].reason
    assert site.hits("/stubborn") == 2
