"""Pages that move their reader by themselves (a meta refresh, a Refresh header, a lone script),
against a real loopback web: followed as redirects are, judged where they land."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence

from links_testweb import Host, html_page

from citecheck.config import LinkSettings
from citecheck.links import check_links
from citecheck.model import LinkResult, LinkStatus

NewHost = Callable[[], Host]


def run(
    cited: Mapping[str, Sequence[str]] | Sequence[str], settings: LinkSettings
) -> dict[str, LinkResult]:
    mapping = cited if isinstance(cited, Mapping) else {url: ["1"] for url in cited}
    results = asyncio.run(check_links(mapping, settings))
    return {result.url: result for result in results}


MOVED = "<p>This page has moved.</p>"


def refreshing(content: str, *, body: str = MOVED, where: str = "", title: str = "") -> bytes:
    meta = f'<meta http-equiv="refresh" content="{content}">'
    if where == "noscript":
        meta = f"<noscript>{meta}</noscript>"
    return html_page(title or ("Moved" if body == MOVED else "Rainfall"), body, head=meta)


def article(title: str, text: str) -> bytes:
    return html_page(title, f"<nav>Home About</nav><article><p>{text}</p></article>")


# A page with content of its own (no notice of a move): its delayed refresh is no move for good.
STORY = (
    "<article><h1>Rainfall in the basin</h1><p>"
    + "The river authority measured the rainfall at forty stations across the basin "
    "each month and compared the totals with the long-run average for the season. "
    * 8
    + "</p></article>"
)


def test_an_immediate_meta_refresh_is_a_move(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page("/reports/old", refreshing("0; url=/reports/new"))
    site.page("/reports/new", article("Annual report 2020", "the year in figures"))
    cited = site.url("/reports/old")
    result = run([cited], settings)[cited]
    assert result.status is LinkStatus.REDIRECTED
    assert result.final_url == site.url("/reports/new")
    assert result.redirects == (site.url("/reports/new"),)
    assert "meta refresh" in result.reason
    assert site.url("/reports/new") in result.reason
    assert result.page_title == "Annual report 2020"  # the final page is the one read


def test_a_meta_refresh_to_the_home_page_is_soft_dead(
    new_host: NewHost, settings: LinkSettings
) -> None:
    # The removed-page pattern, judged as a 301 of a deep link to "/" is.
    site = new_host()
    site.page("/", article("Welcome", "Our home page"))
    site.page("/reports/2014/annual", refreshing("1;URL='/'"))
    cited = site.url("/reports/2014/annual")
    result = run([cited], settings)[cited]
    assert result.status is LinkStatus.SOFT_DEAD
    assert "home page" in result.reason
    assert "meta refresh" in result.reason


def test_what_is_no_move(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page("/", article("Welcome", "Our home page"))
    site.page("/elsewhere", article("Elsewhere", "another page"))
    pages = {
        # A long delay on a page with content: readers read it first.
        "/slow": refreshing("30; url=/elsewhere", body=STORY),
        "/noscript": refreshing("0; url=/", where="noscript"),  # scripts run in browsers
        "/reload": refreshing("0"),  # reloads itself
        "/self": refreshing("0; url=/self#top"),
        "/data": refreshing("0; url=data:text/html,hello"),  # browsers stay on the page
        "/bare-url": refreshing("url=/elsewhere"),  # no delay: browsers ignore it
    }
    for path, body in pages.items():
        site.page(path, body)
    results = run([site.url(path) for path in pages], settings)
    for path in pages:
        result = results[site.url(path)]
        assert result.status is LinkStatus.ALIVE, (path, result.reason)
        assert result.final_url is None, path
        assert result.redirects == (), path
    assert site.hits("/elsewhere") == 0
    assert site.hits("/") == 0


def test_a_refresh_header_is_a_move(new_host: NewHost, settings: LinkSettings) -> None:
    site = new_host()
    site.page("/old", article("Old", "moved"), Refresh="0; url=/new")
    site.page("/new", article("New", "here now"))
    result = run([site.url("/old")], settings)[site.url("/old")]
    assert result.status is LinkStatus.REDIRECTED
    assert "Refresh header" in result.reason
    assert result.final_url == site.url("/new")


def test_a_page_that_is_only_a_redirect_script_is_a_move(
    new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    site.page("/", article("Welcome", "Our home page"))
    site.page("/new", article("New", "here now"))
    site.page("/js-move", html_page("", '<script>window.location = "/new";</script>'))
    site.page("/js-home", html_page("", "<script>location.replace('/')</script>"))
    # Scripts beside content, conditional or computed are left alone.
    site.page(
        "/js-content",
        html_page("Story", "<p>The story.</p><script>location.href = '/new'</script>"),
    )
    site.page("/js-if", html_page("", "<script>if (old) location = '/new'</script>"))
    site.page("/js-data", html_page("", '<script type="application/json">location="/new"</script>'))
    urls = {path: site.url(path) for path in ("/js-move", "/js-home", "/js-content", "/js-if")}
    urls["/js-data"] = site.url("/js-data")
    results = run(list(urls.values()), settings)
    moved = results[urls["/js-move"]]
    assert moved.status is LinkStatus.REDIRECTED
    assert "script" in moved.reason
    assert moved.final_url == site.url("/new")
    home = results[urls["/js-home"]]
    assert home.status is LinkStatus.SOFT_DEAD
    assert "home page" in home.reason
    for path in ("/js-content", "/js-if", "/js-data"):
        assert results[urls[path]].status is LinkStatus.ALIVE, path
        assert results[urls[path]].final_url is None, path


def test_a_refresh_to_a_private_address_is_not_followed(
    new_host: NewHost, settings: LinkSettings
) -> None:
    # The address policy holds for a refresh as for a 3xx: loopback was cited, 169.254 was not.
    site = new_host()
    site.page("/meta", refreshing("0; url=http://169.254.169.254/latest/meta-data/"))
    result = run([site.url("/meta")], settings)[site.url("/meta")]
    assert result.status is LinkStatus.EXCLUDED
    assert "169.254.169.254" in result.reason
    assert "meta refresh" in result.reason


def test_refreshes_share_the_redirect_budget_and_loop_check(
    new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    site.page("/a", refreshing("0; url=/b"))
    site.page("/b", refreshing("0; url=/a"))
    for step in range(12):
        site.page(f"/chain/{step}", refreshing(f"0; url=/chain/{step + 1}"))
    site.redirect("/mixed", "/chain/2", status=301)
    loop, chain, mixed = site.url("/a"), site.url("/chain/0"), site.url("/mixed")
    results = run([loop, chain, mixed], settings)
    assert results[loop].status is LinkStatus.DEAD
    assert "loop" in results[loop].reason
    assert results[chain].status is LinkStatus.DEAD
    assert "more than 10 redirects" in results[chain].reason
    # A 3xx and the refreshes after it count against one budget of 10.
    assert "more than 10 redirects" in results[mixed].reason
    assert site.hits("/chain/11") == 0


def test_a_refresh_past_the_byte_limit_is_never_read(
    new_host: NewHost, settings: LinkSettings
) -> None:
    # The body read stays bounded: a refresh after max_bytes is not seen (nor is it by a
    # checker that reads no further), and the page is judged as it stands.
    site = new_host()
    padding = "<p>" + "x" * (settings.max_bytes + 1024) + "</p>"
    late = html_page("Long", padding + '<meta http-equiv="refresh" content="0; url=/new">')
    site.page("/long", late)
    site.page("/new", article("New", "here now"))
    result = run([site.url("/long")], settings)[site.url("/long")]
    assert result.status is LinkStatus.ALIVE
    assert site.hits("/new") == 0


def test_a_delayed_refresh_is_a_temporary_move(new_host: NewHost, settings: LinkSettings) -> None:
    """As browsers and search engines read it: a refresh after a delay (> 0 s) is a 302, not
    a 301; the cited page is still the one that answers, and the reason says so."""
    site = new_host()
    site.page("/new", article("Annual report 2020", "the year in figures"))
    for delay in (1, 3, 5):
        site.page(f"/wait{delay}", refreshing(f"{delay}; url=/new", body=STORY))
    site.redirect("/old", "/wait3", status=301)
    cited = {delay: site.url(f"/wait{delay}") for delay in (1, 3, 5)}
    results = run([*cited.values(), site.url("/old")], settings)
    for delay, url in cited.items():
        result = results[url]
        assert result.status is LinkStatus.ALIVE, (delay, result.reason)
        assert result.final_url == site.url("/new")
        assert f"temporary redirect (a meta refresh after {delay} s)" in result.reason
        assert "cite the new address" not in result.reason
    # Only the permanent move before the delayed refresh is one to follow.
    moved = results[site.url("/old")]
    assert moved.status is LinkStatus.REDIRECTED
    assert f"to {site.url('/wait3')};" in moved.reason


def test_a_notice_of_the_move_moves_at_any_delay(new_host: NewHost, settings: LinkSettings) -> None:
    """A page that only says it moved (or shows next to nothing) sends every reader on, however
    long it waits first (WCAG F40's "you'll be transported to our new site"): cite the new page."""
    site = new_host()
    site.page("/", article("Welcome", "Our home page"))
    site.page("/new", article("Annual report 2020", "the year in figures"))
    notices = {
        "/moved3": refreshing("3; url=/new"),  # "This page has moved."
        "/moved10": refreshing(
            "10; url=/new",
            body="<p>Our reports have a new address. Please update your bookmarks; you will "
            "be taken there in ten seconds, or follow <a href='/new'>this link</a>.</p>",
        ),
        "/blank600": html_page("", "", head='<meta http-equiv="refresh" content="600;url=/new">'),
        "/redirecting": refreshing("15; URL='/new'", body="<p>Redirecting&hellip;</p>"),
    }
    for path, body in notices.items():
        site.page(path, body)
    site.page("/header", b"<p>Moved.</p>", Refresh="20; url=/new")
    # The removed-page pattern after a wait: a notice refreshed to the home page.
    site.page("/reports/2014/annual", refreshing("20; url=/", body="<p>This page has moved.</p>"))
    cited = [site.url(path) for path in (*notices, "/header", "/reports/2014/annual")]
    results = run(cited, settings)
    for path in (*notices, "/header"):
        result = results[site.url(path)]
        assert result.status is LinkStatus.REDIRECTED, (path, result.reason)
        assert result.final_url == site.url("/new"), path
        assert "cite the new address" in result.reason, path
    assert "after 10 s (the page says it has moved)" in results[site.url("/moved10")].reason
    assert "after 600 s (the page shows nothing else)" in results[site.url("/blank600")].reason
    assert "Refresh header" in results[site.url("/header")].reason
    gone = results[site.url("/reports/2014/annual")]
    assert gone.status is LinkStatus.SOFT_DEAD, gone.reason
    assert "home page" in gone.reason


def test_a_delayed_refresh_of_a_page_with_content_is_no_move(
    new_host: NewHost, settings: LinkSettings
) -> None:
    site = new_host()
    site.page("/next", article("Next", "another story"))
    pages = {
        # A periodic self-refresh never moves, however empty the page.
        "/ticker": refreshing("60", body="<p>Scores</p>"),
        "/self": refreshing("60; url=/self", body="<p>Redirecting</p>"),
        # Content of its own: a long article that says "has moved", a gallery of images.
        "/story": refreshing(
            "300; url=/next", body=STORY + "<p>The gauge has moved to the north bank.</p>" * 2
        ),
        "/gallery": refreshing("30; url=/next", body="<img src='/a.jpg'><img src='/b.jpg'>"),
    }
    for path, body in pages.items():
        site.page(path, body)
    results = run([site.url(path) for path in pages], settings)
    for path in pages:
        result = results[site.url(path)]
        assert result.status is LinkStatus.ALIVE, (path, result.reason)
        assert result.redirects == (), path
    assert site.hits("/next") == 0
