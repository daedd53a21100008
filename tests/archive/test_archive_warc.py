"""Local WARC captures, read back with warcio's own tools; the manifest; no overwrites."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
from archive_standins import FIXED_NOW, ArchiveStandIn, WebStandIn, html
from warcio.archiveiterator import ArchiveIterator

from citecheck.archive import ServiceLimits, archive_urls
from citecheck.archive.warc import MANIFEST, warc_name
from citecheck.config import ArchiveSettings
from citecheck.model import ArchiveResult, LinkResult, LinkStatus, PartialDate

WARCIO = str(Path(sys.executable).parent / "warcio")


def run(
    cited: dict[str, PartialDate | None],
    settings: ArchiveSettings,
    limits: ServiceLimits,
    *,
    links: dict[str, LinkResult] | None = None,
    now: datetime = FIXED_NOW,
) -> tuple[ArchiveResult, ...]:
    return asyncio.run(archive_urls(cited, settings, links=links, now=now, limits=limits))


def _records(path: Path) -> list[dict[str, object]]:
    out = []
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            out.append(
                {
                    "type": record.rec_type,
                    "uri": record.rec_headers.get_header("WARC-Target-URI"),
                    "date": record.rec_headers.get_header("WARC-Date"),
                    "status": record.http_headers.get_statuscode()
                    if record.http_headers and record.rec_type == "response"
                    else None,
                    "headers": record.http_headers,
                    "body": record.content_stream().read(),
                }
            )
    return out


def _manifest(settings: ArchiveSettings) -> list[dict[str, object]]:
    path = Path(settings.warc_dir) / MANIFEST
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_capture_with_redirect_and_gzip_reads_back(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    page = html("Border report", "The fence was 650 miles long in 2010.")
    final = web.gzipped("/report", page)
    cited = web.redirect("/old-report", "/report")
    (result,) = run({cited: PartialDate(2010)}, settings, limits)

    (capture,) = result.captures
    assert capture.provider == "warc"
    assert capture.archive_url is None
    assert capture.http_status == 200
    assert capture.timestamp == FIXED_NOW
    path = Path(capture.path or "")
    assert path.parent == Path(settings.warc_dir)
    assert path.name == warc_name(cited, FIXED_NOW)
    assert path.name.startswith("20261128073000-")
    assert path.name.endswith(".warc.gz")

    # warcio's own reader: warcinfo, then response+request per hop, then metadata.
    records = _records(path)
    assert [r["type"] for r in records] == [
        "warcinfo",
        "response",
        "request",
        "response",
        "request",
        "metadata",
    ]
    assert [r["uri"] for r in records[1:5]] == [cited, cited, final, final]
    assert records[1]["status"] == "301"
    assert records[3]["status"] == "200"
    assert records[3]["body"] == page.encode()  # content_stream() undoes the gzip
    assert all(str(r["date"]).startswith("2026-11-28T07:30:00") for r in records[1:])
    # The payload is stored as sent: still gzip-encoded.
    response_headers = records[3]["headers"]
    assert response_headers.get_header("Content-Encoding") == "gzip"  # type: ignore[union-attr]
    assert (
        b"citecheck-content-sha256: " + hashlib.sha256(page.encode()).hexdigest().encode()
        in (
            records[5]["body"]  # type: ignore[operator]
        )
    )
    # The response names the server's address; the request points at its response.
    with path.open("rb") as handle:
        headers = [r.rec_headers for r in ArchiveIterator(handle)]
    assert headers[1].get_header("WARC-IP-Address") == "127.0.0.3"
    assert headers[2].get_header("WARC-Concurrent-To") == headers[1].get_header("WARC-Record-ID")
    assert headers[5].get_header("WARC-Refers-To") == headers[3].get_header("WARC-Record-ID")
    check = subprocess.run([WARCIO, "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    # One gzip member per record: the file is a concatenation of members.
    assert path.read_bytes().count(b"\x1f\x8b\x08") >= len(records)

    # The manifest line matches the file and the body.
    (entry,) = _manifest(settings)
    assert entry["url"] == cited
    assert entry["final_url"] == final
    assert entry["redirects"] == [cited]
    assert entry["http_status"] == 200
    assert entry["warc_file"] == path.name
    assert entry["content_sha256"] == hashlib.sha256(page.encode()).hexdigest()
    assert entry["warc_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert capture.sha256 == entry["warc_sha256"]
    assert entry["captured_at"] == FIXED_NOW.isoformat()


def test_warcio_cli_index_and_check(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/plain", html("Plain", "Some text."))
    (result,) = run({url: None}, settings, limits)
    path = result.captures[0].path or ""
    index = subprocess.run(
        [WARCIO, "index", "-f", "warc-type,warc-target-uri,http:status", path],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(line) for line in index.stdout.splitlines()]
    assert [line["warc-type"] for line in lines] == ["warcinfo", "response", "request", "metadata"]
    assert lines[1]["warc-target-uri"] == url
    assert lines[1]["http:status"] == "200"
    check = subprocess.run([WARCIO, "check", "-v", path], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "digest pass" in check.stdout


def test_chunked_answer_is_recorded_without_transfer_encoding(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    page = html("Chunked", "A body sent in small chunks, " * 5)
    url = web.page("/chunked", page, Transfer_Encoding="chunked")
    (result,) = run({url: None}, settings, limits)
    path = Path(result.captures[0].path or "")
    response = _records(path)[1]
    assert response["body"] == page.encode()
    assert response["headers"].get_header("Transfer-Encoding") is None  # type: ignore[union-attr]
    check = subprocess.run([WARCIO, "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_existing_file_is_never_overwritten(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/same", html("Same", "First version."))
    (first,) = run({url: None}, settings, limits)
    path = Path(first.captures[0].path or "")
    before = path.read_bytes()
    web.page("/same", html("Same", "Second version, different bytes."))
    (second,) = run({url: None}, settings, limits)  # same clock: same base name
    numbered = Path(second.captures[0].path or "")
    assert numbered.name == path.name.replace(".warc.gz", "-2.warc.gz")
    assert path.read_bytes() == before
    # A later capture gets its own file; the manifest only grows.
    later = replace_now(FIXED_NOW, seconds=1)
    (third,) = run({url: None}, settings, limits, now=later)
    assert Path(third.captures[0].path or "") not in {path, numbered}
    assert [e["warc_file"] for e in _manifest(settings)] == [
        path.name,
        numbered.name,
        Path(third.captures[0].path or "").name,
    ]
    assert path.read_bytes() == before


def replace_now(moment: datetime, *, seconds: int) -> datetime:
    return moment.replace(second=moment.second + seconds)


def test_only_live_urls_are_captured(
    web: WebStandIn, ia: ArchiveStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    alive = web.page("/alive", html("Alive", "Here."))
    moved = web.page("/moved", html("Moved", "Here too."))
    dead = web.page("/dead", "gone", status=404)
    blocked = web.page("/blocked", html("Blocked", "Bot wall."))
    links = {
        alive: LinkResult(alive, LinkStatus.ALIVE, "200"),
        moved: LinkResult(moved, LinkStatus.REDIRECTED, "301 to ..."),
        dead: LinkResult(dead, LinkStatus.DEAD, "404"),
        blocked: LinkResult(blocked, LinkStatus.BLOCKED, "403 bot wall"),
    }
    results = run(dict.fromkeys(links), settings, limits, links=links)
    captured = {r.url: [c.provider for c in r.captures] for r in results}
    assert captured == {alive: ["warc"], moved: ["warc"], dead: [], blocked: []}
    fetched = {r.path for r in web.requests}
    assert fetched == {"/alive", "/moved"}
    assert len(_manifest(settings)) == 2


def test_error_status_at_capture_time_is_kept_and_said(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/flaky", "<h1>Server error</h1>", status=500)
    (result,) = run({url: None}, settings, limits)
    (capture,) = result.captures
    assert capture.http_status == 500
    assert "warc: the page answered HTTP 500 when captured" in result.problems


def test_body_cap_marks_the_record_truncated(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/big", "x" * 5000, Content_Type="text/plain")
    (result,) = run({url: None}, settings, replace(limits, max_body=1000))
    path = Path(result.captures[0].path or "")
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):  # streamed: read the record in place
            if record.rec_type == "response":
                assert record.rec_headers.get_header("WARC-Truncated") == "length"
                assert record.content_stream().read() == b"x" * 1000
                break
        else:
            raise AssertionError("no response record")
    assert "warc: the body was cut at 1000 bytes" in result.problems


def test_unfetchable_page_is_a_problem(settings: ArchiveSettings, limits: ServiceLimits) -> None:
    url = "ftp://example.org/file.txt"
    (result,) = run({url: None}, settings, limits)
    assert result.captures == ()
    assert "live page not fetched: not an http(s) URL: ftp://example.org/file.txt" in (
        result.problems
    )


def test_warc_provider_off_means_no_file(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/p", html("P", "Text."))
    (result,) = run({url: None}, replace(settings, providers=()), limits)
    assert result.captures == ()
    assert not (Path(settings.warc_dir) / MANIFEST).exists()
    assert web.requests == []  # no date, no drift, no WARC: nothing to fetch


def test_gzip_file_is_readable_as_plain_gzip(
    web: WebStandIn, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    url = web.page("/g", html("G", "Text."))
    (result,) = run({url: None}, settings, limits, now=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    data = gzip.decompress(Path(result.captures[0].path or "").read_bytes())
    assert data.startswith(b"WARC/1.1\r\n")
    assert b"WARC-Type: warcinfo" in data
    assert f"citecheck-cited-url: {url}".encode() in data


def test_a_dripping_page_is_a_problem_not_a_hang(
    dripping_base: str, settings: ArchiveSettings, limits: ServiceLimits
) -> None:
    """A byte every 0.2 s never trips a 1 s read timeout; the capture's 3 s deadline ends it."""
    url = f"{dripping_base}/page"
    (result,) = run({url: None}, settings, replace(limits, timeout=1.0))
    assert result.captures == ()
    assert "live page not fetched: no whole answer within 3 s" in result.problems


class _LoopbackOnly(httpx.AsyncHTTPTransport):
    """The network, loopback only: any other host is refused here and remembered."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.host.startswith("127."):
            self.refused.append(str(request.url))
            raise httpx.ConnectError("not on loopback", request=request)
        return await super().handle_async_request(request)


def test_a_doi_link_is_fetched_at_the_resolver_never_at_doi_org(
    settings: ArchiveSettings, limits: ServiceLimits, web: WebStandIn, tmp_path: Path
) -> None:
    resolver = WebStandIn("127.0.0.4")
    resolver.start()
    try:
        landing = web.page("/landing/x", html("Article", "The landing page of the article."))
        resolver.redirect("/10.1000/x", landing, status=302)
        guard = _LoopbackOnly()
        cited = {"https://doi.org/10.1000/x": PartialDate(2020, 3, 1)}
        (result,) = asyncio.run(
            archive_urls(
                cited,
                settings,
                now=FIXED_NOW,
                limits=limits,
                transport=guard,
                doi_resolver=resolver.base + "/",
            )
        )
    finally:
        resolver.stop()
    assert guard.refused == []
    assert [r.path for r in resolver.requests] == ["/10.1000/x"]
    assert not any("live page not fetched" in p for p in result.problems)
    assert [c.provider for c in result.captures] == ["warc"]
    # Recorded as cited (the DOI), with the resolver's address as a field of its own.
    (entry,) = _manifest(settings)
    assert entry["url"] == "https://doi.org/10.1000/x"
    assert entry["fetched_url"] == resolver.base + "/10.1000/x"
    assert entry["final_url"] == landing
    assert result.captures[0].url == "https://doi.org/10.1000/x"
    with open(result.captures[0].path or "", "rb") as stream:
        info = next(iter(ArchiveIterator(stream)))
        assert info.rec_type == "warcinfo"
        fields = info.content_stream().read().decode()
    assert "citecheck-cited-url: https://doi.org/10.1000/x" in fields
    assert f"citecheck-fetched-url: {resolver.base}/10.1000/x" in fields
