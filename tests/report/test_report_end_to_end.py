"""Every report from a real run: the CLI, the pipeline and a loopback web.

A manuscript with a live and a dead link is checked for real (httpx against
a local HTTP server); each report format is then checked against its schema
or parser, and the baseline round trip is driven through the command line.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, Draft202012Validator
from lxml import etree
from lxml import html as lxml_html

from citecheck.cli import main

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


class _Site(BaseHTTPRequestHandler):
    def _answer(self, *, body: bool) -> None:
        found = self.path == "/article"
        page = (
            b"<html><head><title>An article</title></head><body><p>Trade grew.</p></body></html>"
            if found
            else b"<html><body>No such page</body></html>"
        )
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        if body:
            self.wfile.write(page)

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.10", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.10:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def essay(tmp_path: Path, site: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CI", "true")
    manuscript = tmp_path / "essay.md"
    manuscript.write_text(
        "# Trade\n\nTrade grew.[^1] It grew by < 5% & more.[^2]\n\n"
        f"[^1]: Jane Roe, *An Article*, Example Times (May 5, 2010), <{site}/article>.\n"
        f"[^2]: John Doe, *Gone Page*, Example Times (June 1, 2011), <{site}/gone>.\n",
        encoding="utf-8",
    )
    return manuscript


def _check(*args: str) -> int:
    return main(["check", "essay.md", "--no-archive", "--no-cache", *args])


def test_every_format_from_a_real_run(essay: Path, site: str) -> None:
    reports = {fmt: f"out.{fmt}" for fmt in ("json", "html", "markdown", "junit", "github", "text")}
    extra = [f"--report={fmt}={path}" for fmt, path in reports.items()]
    code = _check("--format", "sarif", "-o", "out.sarif", *extra)
    assert code == 1  # the dead link is an error

    sarif = json.loads(Path("out.sarif").read_text(encoding="utf-8"))
    sarif_schema = json.loads((HERE / "sarif-schema-2.1.0.json").read_bytes())
    assert list(Draft4Validator(sarif_schema).iter_errors(sarif)) == []
    dead = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "link-dead"]
    assert len(dead) == 1
    where = dead[0]["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "essay.md"
    assert where["region"]["startLine"] == 6  # the line of note 2

    report = json.loads(Path("out.json").read_text(encoding="utf-8"))
    schema_path = ROOT / "citecheck" / "report" / "schema" / "report.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(report)) == []
    assert report["summary"]["links"]["dead"] == 1
    assert report["summary"]["links"]["alive"] == 1

    junit = etree.parse("out.junit")
    xsd = etree.XMLSchema(etree.parse(str(HERE / "junit-common.xsd")))
    assert xsd.validate(junit), xsd.error_log
    assert junit.xpath("//testsuite[@name='links']/testcase[failure]/@name") == [f"{site}/gone"]

    page = lxml_html.parse("out.html").getroot()
    assert page.get_element_by_id("note-1-2").xpath(".//li[@data-status='dead']")
    assert "It grew by < 5% & more." in page.get_element_by_id("note-1-2").text_content()

    markdown = Path("out.markdown").read_text(encoding="utf-8")
    assert f"<code>{site}/gone</code>: **dead**" in markdown
    github = Path("out.github").read_text(encoding="utf-8")
    assert "::error file=essay.md,line=6,title=link-dead (note 2)::" in github
    assert "dead links" in Path("out.text").read_text(encoding="utf-8")


def test_baseline_round_trip_through_the_cli(essay: Path) -> None:
    assert _check("--format", "json", "-o", "first.json") == 1
    assert _check("--write-baseline", "citecheck-baseline.json") == 0
    assert _check("--baseline", "citecheck-baseline.json", "--format", "json", "-o", "r.json") == 0
    findings = json.loads(Path("r.json").read_text(encoding="utf-8"))["findings"]
    assert findings
    assert all(f["baselined"] for f in findings)

    # A paragraph added above the notes moves every line; the baseline still holds.
    essay.write_text("Preface.\n\n" + essay.read_text(encoding="utf-8"), encoding="utf-8")
    assert _check("--baseline", "citecheck-baseline.json") == 0


def test_broken_baseline_is_a_usage_error(essay: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("bad.json").write_text('{"version": 1,\n "findings": [,]}\n', encoding="utf-8")
    assert _check("--baseline", "bad.json") == 2
    assert "bad.json:2: baseline is not valid JSON" in capsys.readouterr().err
