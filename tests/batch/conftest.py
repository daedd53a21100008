"""Fixtures for the batch tests: a loopback web and a folder of manuscripts citing it."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "links"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "archive"))

from archive_standins import ArchiveStandIn
from batch_corpus import Corpus
from links_testweb import Host, Request, Response, TestWeb, html_page

# Addresses no other test folder uses, so counters never mix.
_ADDRESSES = (f"127.1.{a}.{b}" for a, b in itertools.product(range(1, 250), range(2, 250)))


def _serve(host: Host) -> None:
    async def page(request: Request) -> Response:
        if request.path.endswith("/gone"):
            return Response(status=404, body=html_page("Not Found", "<p>gone</p>"))
        title = request.path.rsplit("/", 1)[-1]
        return Response(body=html_page(f"Report {title}", f"<p>Report {title}.</p>" * 20))

    host.fallback = page


@pytest.fixture
def ia(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[ArchiveStandIn]:
    """The Wayback stand-in of tests/archive, named by the environment (workers read it too)."""
    server = ArchiveStandIn("127.1.251.2")
    server.start()
    monkeypatch.setenv("CITECHECK_WAYBACK_API", server.base)
    monkeypatch.setenv("CITECHECK_WAYBACK_WEB", server.base)
    monkeypatch.chdir(tmp_path)  # local WARC copies go under the working folder
    yield server
    server.stop()


@pytest.fixture
def web() -> Iterator[TestWeb]:
    server = TestWeb()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def make_corpus(web: TestWeb, tmp_path: Path) -> Callable[..., Corpus]:
    """``make_corpus(manuscripts, hosts, urls_per_host)``: Markdown manuscripts citing the web.

    Manuscript i cites URLs i, i+1 and i+2 (mod all URLs) of the hosts in
    turn, so every URL is cited by up to three manuscripts; the first URL
    of each host answers 404. ``paths`` lists the URLs cited.
    """

    def make(
        manuscripts: int = 12, hosts: int = 3, per_host: int = 6, latency: float = 0.0
    ) -> Corpus:
        made = [web.add_host(next(_ADDRESSES)) for _ in range(hosts)]
        for host in made:
            host.latency = latency
            _serve(host)
        urls: list[str] = []
        paths: list[str] = []
        for n in range(per_host):
            for host in made:
                leaf = "gone" if n == 0 else str(n)
                path = f"/{host.address}/reports/{leaf}"
                urls.append(host.url(path))
                paths.append(path)
        cited_paths: set[str] = set()
        folder = tmp_path / "manuscripts"
        (folder / "vol1").mkdir(parents=True)
        for i in range(manuscripts):
            cited = [urls[(i + k) % len(urls)] for k in range(3)]
            cited_paths.update(paths[(i + k) % len(urls)] for k in range(3))
            notes = "\n".join(
                f'[^{k + 1}]: Ann Author, "Report {i}-{k}," Example Institute,'
                f" {2010 + (i + k) % 9},"
                f" {url} (accessed May 1, {2012 + (i + k) % 9})."
                for k, url in enumerate(cited)
            )
            body = " ".join(f"Claim {k + 1}.[^{k + 1}]" for k in range(3))
            where = folder / ("vol1" if i % 2 else "") / f"essay{i:03}.md"
            where.write_text(f"# Essay {i}\n\n{body}\n\n{notes}\n", encoding="utf-8")
        return Corpus(folder, made, [p for p in paths if p in cited_paths])

    return make
