"""Links in the body text: said to be unchecked in the reports, checked with ``--body-links``.

Before, an inline ``[text](url)``, a bare URL or an ``<a href>`` in the body
was never checked and no report said so: a dead one gave "no problems found"
(qa6 #8).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from citecheck.cli import main
from citecheck.footnotes import body_urls, find_footnotes, with_body_links
from citecheck.model import CheckRun
from citecheck.readers import read_manuscript
from citecheck.report import write_report


def _set(tmp_path: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return find_footnotes(read_manuscript(path))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "post.md",
            "See [my post](http://127.0.0.1:9/a) and http://127.0.0.1:9/b. The [map][m] too.\n\n"
            "```\ncurl http://127.0.0.1:9/in-code\n```\n\n[m]: http://127.0.0.1:9/c\n",
        ),
        (
            "page.html",
            "<html><body><p>See <a href='http://127.0.0.1:9/a'>my post</a>, "
            "http://127.0.0.1:9/b and <a href='http://127.0.0.1:9/c'>the map</a>.</p>"
            "<pre>curl http://127.0.0.1:9/in-code</pre></body></html>",
        ),
        (
            "paper.tex",
            "\\begin{document}\nSee \\href{http://127.0.0.1:9/a}{my post}, \\url{http://127.0.0.1:9/b}"
            " and\n\\url{http://127.0.0.1:9/c}.\n\\begin{verbatim}\ncurl http://127.0.0.1:9/in-code\n"
            "\\end{verbatim}\n\\end{document}\n",
        ),
    ],
)
def test_every_reader_s_body_links_are_found_outside_code(
    tmp_path: Path, name: str, text: str
) -> None:
    footnotes = _set(tmp_path, name, text)
    urls = [url for url, _ in body_urls(footnotes.manuscript)]
    assert urls == [f"http://127.0.0.1:9/{page}" for page in "abc"]


def test_body_links_become_notes_at_their_lines_unless_a_note_cites_them(tmp_path: Path) -> None:
    text = (
        "# Notes on rent\n\nRents rose, as [the survey](http://127.0.0.1:9/survey) shows.[^1]\n"
        "Wages did not\n(see http://127.0.0.1:9/wages).\n\n"
        "[^1]: City Survey (2020), http://127.0.0.1:9/survey.\n"
    )
    footnotes = with_body_links(_set(tmp_path, "rent.md", text))
    assert [(f.label, f.text, f.location.line) for f in footnotes.footnotes] == [
        ("1", "City Survey (2020), http://127.0.0.1:9/survey.", 7),
        ("body:1", "http://127.0.0.1:9/wages", 5),
    ]
    assert footnotes.footnotes[1].claim == "Wages did not (see http://127.0.0.1:9/wages)."


def test_the_reports_say_how_many_body_links_were_not_checked(tmp_path: Path) -> None:
    text = "See http://127.0.0.1:9/a and http://127.0.0.1:9/b, also http://127.0.0.1:9/a.\n"
    footnotes = _set(tmp_path, "post.md", text)
    for fmt, said in (
        ("text", "2 links in the body text were not checked; --body-links checks them"),
        ("markdown", "> 2 links in the body text were not checked; --body-links checks them"),
        ("html", '<p class="banner">2 links in the body text were not checked; --body-links'),
    ):
        out = tmp_path / f"report.{fmt}"
        with out.open("w", encoding="utf-8") as handle:
            write_report(CheckRun(footnote_sets=(footnotes,)), fmt, handle)
        assert said in out.read_text(encoding="utf-8"), fmt
    with (tmp_path / "checked.md").open("w", encoding="utf-8") as handle:
        write_report(CheckRun(footnote_sets=(with_body_links(footnotes),)), "markdown", handle)
    # The summary's notes count leaves the body links out; nothing checked, nothing said yet.
    assert "| Notes | 0 |" in (tmp_path / "checked.md").read_text(encoding="utf-8")


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        alive = self.path == "/alive"
        body = b"<html><head><title>A page</title></head><body>Text.</body></html>"
        self.send_response(200 if alive else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.send_response(200 if self.path == "/alive" else 404)
        self.send_header("Content-Type", "text/html")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CI", "true")
    server = ThreadingHTTPServer(("127.0.0.9", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.9:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("how", ["flag", "setting"])
def test_body_links_flag_checks_them_and_a_dead_one_fails_the_run(
    tmp_path: Path, site: str, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(
        f"I wrote [a post]({site}/gone) on it.\n\nThe data are at {site}/alive for all.[^1]\n\n"
        f"[^1]: Ann Lee, *Report* (2020), {site}/alive.\n",
        encoding="utf-8",
    )
    args = ["check", str(essay), "--no-archive", "--no-sources", "--no-progress"]
    assert main([*args, "--format", "json"]) == 0  # not asked: the body link is not checked
    capsys.readouterr()
    if how == "flag":
        args.append("--body-links")
    else:
        (tmp_path / "citecheck.toml").write_text("body-links = true\n", encoding="utf-8")
    code = main([*args, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    dead = {link["url"]: link for link in report["links"]}[f"{site}/gone"]
    assert (dead["status"], dead["notes"]) == ("dead", ["body:1"])
    (finding,) = [f for f in report["findings"] if f["rule"] == "link-dead"]
    assert finding["location"]["line"] == 1
