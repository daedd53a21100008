"""The fetched page's title against the cited one, end to end on a loopback site."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from citecheck.checks.sources import check_sources
from citecheck.cli import main
from citecheck.config import CheckSettings
from citecheck.model import (
    CheckRun,
    Citation,
    CitationType,
    LinkResult,
    LinkStatus,
    Location,
)

_TITLES = {
    "/titled": "Completely Different Title",
    "/home": "Home",
    "/site": "Border Review",
}


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        title = _TITLES.get(self.path.split("?", 1)[0])
        code = 200 if title is not None else 404
        words = "text here about something. " * 30
        head = f"<head><title>{title or 'Not Found'}</title></head>"
        page = f"<html>{head}<body>{words}</body></html>"
        body = page.encode()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.9", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.9:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_short_unrelated_page_title_is_reported_on_loopback(
    tmp_path: Path, site: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    manuscript = tmp_path / "title.md"
    manuscript.write_text(
        "A claim.[^1]\n\n"
        '[^1]: Jane Roe, "Mexican Customs Budget Figures," *Border Review*, March 3, 2018, '
        f"{site}/titled.\n",
        encoding="utf-8",
    )
    args = ["check", str(manuscript), "--no-archive", "--no-sources", "--no-cache"]
    main([*args, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    rules = [finding["rule"] for finding in report["findings"]]
    assert rules == ["page-title-mismatch"], report["findings"]


def _title_findings(page_title: str, **cited: str) -> list[str]:
    url = "http://127.0.0.9/a"
    citation = Citation(
        "1",
        0,
        "raw",
        Location("m.md", 1),
        type=CitationType.WEBPAGE,
        title="Mexican Customs Budget Figures",
        urls=(url,),
        **cited,  # type: ignore[arg-type]
    )
    link = LinkResult(url, LinkStatus.ALIVE, "200", page_title=page_title)
    run = CheckRun((), (citation,), (link,))
    return [f.rule for f in check_sources(run, (), CheckSettings())]


@pytest.mark.parametrize(
    ("page_title", "cited"),
    [
        ("Home", {}),
        ("Home | DHS", {}),
        ("Welcome to Example", {}),
        ("Border Review", {"container": "Border Review"}),
        ("The Border Review", {"publisher": "Border Review Press"}),
    ],
)
def test_a_site_name_for_a_title_is_not_compared(page_title: str, cited: dict[str, str]) -> None:
    assert _title_findings(page_title, **cited) == []


@pytest.mark.parametrize(
    "page_title", ["Completely Different Title", "Obama Welcomes Mexican President"]
)
def test_a_short_headline_of_another_work_is_reported(page_title: str) -> None:
    assert _title_findings(page_title) == ["page-title-mismatch"]
