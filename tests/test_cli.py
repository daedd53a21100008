"""The command line end to end: contracts of each command, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from citecheck.cli import build_parser, main

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "references" / "us-mexico-border-essays.txt"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user config, cache or archive folder leaks in or out of a test."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CI", "true")


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --------------------------------------------------------------------------
# notes
# --------------------------------------------------------------------------


def test_notes_json_contract_on_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["notes", str(SAMPLE), "--format", "json"], capsys)
    assert code == 0
    notes = json.loads(out)["notes"]
    assert [n["label"] for n in notes] == [str(i) for i in range(1, 24)]
    for note in notes:
        assert set(note) == {"label", "text", "claim", "location"}
        assert set(note["location"]) == {"path", "line"}
        assert note["location"]["line"] >= 1
    # Notes 11 and 17 are split by a page break in the sample; they come back whole.
    assert "(May 5, 2010)" in notes[10]["text"].replace(",  ", ", ")
    assert "UPS Crash" in notes[10]["text"]
    assert "Regional Insights" in notes[16]["text"]
    assert "lines stretched on miles beyond sight" in notes[1]["claim"]


def test_notes_text_lists_every_note(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["notes", str(SAMPLE)], capsys)
    assert code == 0
    assert out.rstrip().endswith("23 notes")


# --------------------------------------------------------------------------
# cite
# --------------------------------------------------------------------------


def test_cite_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["cite", str(SAMPLE), "--format", "json"], capsys)
    assert code == 0
    citations = json.loads(out)["citations"]
    required = {
        "note", "type", "authors", "title", "container", "volume", "issue", "pages",
        "pinpoint", "date", "publisher", "url", "doi", "signal", "short_form", "work",
    }  # fmt: skip
    assert citations
    for citation in citations:
        assert required <= set(citation)
    manning = [c for c in citations if c["note"] == "18"]
    assert manning[0]["volume"] == "55"
    assert manning[0]["pinpoint"] == "309"
    assert manning[0]["date"] == "1977"


def test_cite_bibtex_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "out" / "sample.bib"
    code, _, _ = run_cli(["cite", str(SAMPLE), "--format", "bibtex", "-o", str(out_file)], capsys)
    assert code == 0
    text = out_file.read_text("utf-8")
    assert "@article{" in text or "@book{" in text


# --------------------------------------------------------------------------
# Errors: one line naming the file, exit 2, never a traceback
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("missing.md", None, id="missing"),
        pytest.param("empty.md", b"", id="empty"),
        pytest.param("binary.txt", b"\x00\x01\x02\x03 not text \x00", id="binary"),
        pytest.param("broken.docx", b"PK\x03\x04 truncated zip", id="corrupt-docx"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, _, err = run_cli(["notes", str(path)], capsys)
    assert code == 2
    assert str(path) in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_unwritable_output_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "notes.json"
    code, _, err = run_cli(["notes", str(SAMPLE), "--format", "json", "-o", str(target)], capsys)
    assert code == 2
    assert str(blocker) in err
    assert "Traceback" not in err


def test_output_under_a_file_says_the_file_is_not_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "good.toml"
    blocker.write_text("fail-on = 'error'\n", encoding="utf-8")
    for target in (blocker / "r.txt", blocker / "deeper" / "r.txt"):
        code, _, err = run_cli(["notes", str(SAMPLE), "-o", str(target)], capsys)
        assert code == 2
        assert (
            err == f"citecheck: error: {blocker}: is a file, not a folder (cannot write {target})\n"
        )
    assert blocker.read_text(encoding="utf-8") == "fail-on = 'error'\n"


def test_a_bug_is_one_line_and_exit_4(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr("citecheck.pipeline.read_footnotes", broken)
    code, _, err = run_cli(["notes", str(SAMPLE)], capsys)
    assert code == 4
    assert "internal error: ZeroDivisionError: simulated bug" in err
    assert "Traceback" not in err
    monkeypatch.setenv("CITECHECK_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["notes", str(SAMPLE)])


def test_a_bad_exclude_option_is_one_line_naming_the_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run_cli(["check", str(SAMPLE), "--offline", "--exclude", "("], capsys)
    assert code == 2
    assert err.startswith("citecheck: error: --exclude: not a valid regular expression '('")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("value", ["0", "-1", "nan"])
def test_a_timeout_not_above_zero_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code, _, err = run_cli(["check", str(SAMPLE), "--offline", "--timeout", value], capsys)
    assert code == 2
    assert err.startswith("citecheck: error: --timeout must be more than 0 seconds")


def test_a_bad_setting_in_a_config_file_is_one_line_naming_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "limits.toml"
    config.write_text("[host-limits]\n'127.0.0.1' = 'two'\n", encoding="utf-8")
    code, _, err = run_cli(["check", str(SAMPLE), "--offline", "--config", str(config)], capsys)
    assert code == 2
    assert err.startswith(f"citecheck: error: {config}: 'host-limits': '127.0.0.1'")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("kind", ["not-sqlite", "folder", "under-a-file"])
def test_an_unusable_cache_is_one_line_naming_it_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    cache = tmp_path / "links.sqlite3"
    if kind == "not-sqlite":
        cache.write_bytes(bytes(range(256)) * 8)
    elif kind == "folder":
        cache.mkdir()
    else:
        cache.write_text("a file", encoding="utf-8")
        cache = cache / "links.sqlite3"
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = run_cli(["check", str(SAMPLE), "--offline", "--cache", str(cache)], capsys)
    assert code == 2, err
    assert err.startswith(f"citecheck: error: {cache}: ")
    assert "internal error" not in err
    assert len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing created or changed
    if kind == "not-sqlite":
        assert "file is not a database" in err
        assert cache.read_bytes() == bytes(range(256)) * 8


@pytest.mark.parametrize("kind", ["folders-missing", "no-file-can-be-made"])
def test_a_cache_path_where_no_file_can_be_made_is_one_line_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    if kind == "folders-missing":
        cache = tmp_path / "no" / "such" / "links.sqlite3"
    else:
        if not Path("/proc/self").is_dir():
            pytest.skip("needs Linux's /proc, where no file can be created even by root")
        cache = Path("/proc/citecheck-test-links.sqlite3")
    code, _, err = run_cli(["check", str(SAMPLE), "--offline", "--cache", str(cache)], capsys)
    assert code == 2, err
    assert err.startswith(f"citecheck: error: {cache}: ")
    assert "internal error" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "no").exists()  # never a tree of folders made for a mistyped path


def test_a_cache_path_gets_its_own_missing_folder_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "new" / "links.sqlite3"
    code, _, err = run_cli(["check", str(SAMPLE), "--offline", "--cache", str(cache)], capsys)
    assert code != 2, err
    assert cache.is_file()


def test_one_unreadable_manuscript_of_several_stops_the_run_saying_nothing_was_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 truncated zip")
    report = tmp_path / "out.txt"
    options = ["--no-links", "-o", str(report)]
    code, _, err = run_cli(["check", str(SAMPLE), str(empty), *options], capsys)
    assert code == 2
    assert err.startswith(f"citecheck: error: {empty}: ")
    assert "nothing was checked" in err
    assert len(err.strip().splitlines()) == 1
    assert not report.exists()
    code, _, err = run_cli(["check", str(SAMPLE), str(empty), str(broken), *options], capsys)
    assert code == 2
    assert err.startswith(f"citecheck: error: {empty}: ")
    assert "1 more of the 3 cannot be read either" in err
    assert not report.exists()


def test_a_manuscript_given_twice_is_read_and_counted_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SAMPLE.parent)
    args = ["check", "--no-links", "--format", "json"]
    _, once, _ = run_cli([*args, SAMPLE.name], capsys)
    _, thrice, _ = run_cli([*args, SAMPLE.name, SAMPLE.name, f"./{SAMPLE.name}"], capsys)
    summary = json.loads(thrice)["summary"]
    assert summary["manuscripts"] == 1
    assert summary == json.loads(once)["summary"]


def test_unknown_option_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", str(SAMPLE), "--format", "pdf"])
    assert caught.value.code == 2


def test_bad_report_spec_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["check", str(SAMPLE), "--offline", "--report", "pdf=x.pdf"], capsys)
    assert code == 2
    assert "--report" in err


def test_disabling_an_unknown_rule_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["check", str(SAMPLE), "--no-links", "--disable", "no-such"], capsys)
    assert code == 2
    assert "no-such" in err


def test_a_mistyped_rule_in_the_config_names_the_file_and_the_closest_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.citecheck]\ndisable = ['sum-mismach']\n", encoding="utf-8")
    code, _, err = run_cli(["check", str(SAMPLE), "--no-links"], capsys)
    assert code == 2
    assert err.startswith(f"citecheck: error: {config}: 'disable': no such rule")
    assert "'sum-mismach'" in err
    assert "did you mean 'sum-mismatch'?" in err
    config.unlink()
    code, _, err = run_cli(["check", str(SAMPLE), "--no-links", "--disable", "link-ded"], capsys)
    assert code == 2
    assert err.startswith("citecheck: error: --disable: no such rule")
    assert "did you mean 'link-dead'?" in err


def test_disabled_rule_raises_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", str(SAMPLE), "--no-links", "--format", "json"]
    _, out, _ = run_cli(args, capsys)
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "implausible-per-head" in rules
    _, out, _ = run_cli([*args, "--disable", "implausible-per-head"], capsys)
    assert "implausible-per-head" not in {f["rule"] for f in json.loads(out)["findings"]}


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli([], capsys)
    assert code == 2
    assert "usage:" in err


def test_every_command_help_ends_with_an_example() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) == {"notes", "cite", "check", "archive", "sources", "batch"}
    for name, sub in commands.items():
        assert "Example:\n  citecheck " + name in sub.format_help()


# --------------------------------------------------------------------------
# check: offline, exit codes, reports
# --------------------------------------------------------------------------


def test_offline_check_exits_3_and_reports_every_link_offline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(["check", str(SAMPLE), "--offline", "--format", "json"], capsys)
    report = json.loads(out)
    assert report["links"]
    assert {link["status"] for link in report["links"]} == {"offline"}
    assert report["offline"] is True
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert code == (1 if errors else 3)


def test_check_without_links_writes_all_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "check",
        str(SAMPLE),
        "--no-links",
        "--no-sources",
        "--format",
        "json",
        "-o",
        "run.json",
    ]
    for fmt, name in (("html", "r.html"), ("sarif", "r.sarif"), ("junit", "r.xml"),
                      ("markdown", "r.md")):  # fmt: skip
        args += ["--report", f"{fmt}={name}"]
    args += ["--bib", "refs/sample.bib"]
    code, _, err = run_cli(args, capsys)
    assert code in (0, 1), err
    for name in ("run.json", "r.html", "r.sarif", "r.xml", "r.md", "refs/sample.bib"):
        assert (tmp_path / name).stat().st_size > 0, name
    assert json.loads((tmp_path / "r.sarif").read_text("utf-8"))["version"] == "2.1.0"


def test_sample_scale_slip_is_found(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(["check", str(SAMPLE), "--no-links", "--format", "json"], capsys)
    findings = json.loads(out)["findings"]
    assert any("11 million" in (f["evidence"] + f["message"]) for f in findings)


def test_fail_on_and_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Without the look-up services (a closed port here: exit 3 whatever the findings).
    base = ["check", str(SAMPLE), "--no-links", "--no-sources", "--format", "json"]
    base += ["--fail-on", "note"]
    code, out, _ = run_cli(base, capsys)
    assert json.loads(out)["findings"]
    assert code == 1
    code, _, _ = run_cli([*base, "--write-baseline", "accepted.json"], capsys)
    assert code == 0
    code, _, _ = run_cli([*base, "--baseline", "accepted.json"], capsys)
    assert code == 0


# --------------------------------------------------------------------------
# check against a loopback web: the real client, end to end
# --------------------------------------------------------------------------


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/article":
            body = b"<html><head><title>An article</title></head><body><p>Text.</p></body></html>"
            self.send_response(200)
        else:
            body = b"<html><body>No such page</body></html>"
            self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.send_response(200 if self.path == "/article" else 404)
        self.send_header("Content-Type", "text/html")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


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


def test_check_finds_a_dead_link_on_loopback(
    tmp_path: Path, site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    manuscript = tmp_path / "essay.md"
    manuscript.write_text(
        "Trade grew.[^1] It grew again.[^2]\n\n"
        f"[^1]: Jane Roe, *An Article*, Example Times (May 5, 2010), <{site}/article>.\n"
        f"[^2]: John Doe, *Gone Page*, Example Times (June 1, 2011), <{site}/gone>.\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(["check", str(manuscript), "--no-archive", "--format", "json"], capsys)
    links = {link["url"]: link for link in json.loads(out)["links"]}
    assert links[f"{site}/article"]["status"] == "alive"
    assert links[f"{site}/gone"]["status"] == "dead"
    assert links[f"{site}/gone"]["notes"] == ["2"]
    assert code == 1, err


def test_python_dash_m_works() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "citecheck", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("citecheck ")


def test_archive_command_keeps_a_local_copy_and_packages_wacz(
    tmp_path: Path, site: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Wayback lookup always runs: point it at a closed loopback port, never the Internet.
    monkeypatch.setenv("CITECHECK_WAYBACK_API", "http://127.0.0.1:9")
    monkeypatch.setenv("CITECHECK_WAYBACK_WEB", "http://127.0.0.1:9")
    manuscript = tmp_path / "essay.md"
    manuscript.write_text(
        "Trade grew.[^1]\n\n"
        f"[^1]: Jane Roe, *An Article*, Example Times (May 5, 2010), <{site}/article>.\n",
        encoding="utf-8",
    )
    args = ["archive", str(manuscript), "--format", "json", "--warc-dir", "warcs"]
    code, out, err = run_cli([*args, "--wacz", "cited.wacz"], capsys)
    assert code == 0, err
    (entry,) = json.loads(out)["archives"]
    assert entry["url"] == f"{site}/article"
    assert entry["citation_date"] == "2010-05-05"
    (capture,) = [c for c in entry["captures"] if c["provider"] == "warc"]
    assert Path(capture["path"]).is_file()
    assert len(capture["sha256"]) == 64
    assert any("wayback" in problem for problem in entry["problems"])
    assert (tmp_path / "cited.wacz").stat().st_size > 0
    # A WACZ is never overwritten.
    code, _, err = run_cli([*args, "--wacz", "cited.wacz"], capsys)
    assert code == 2
    assert "never overwritten" in err


def test_an_offline_check_draws_no_progress_bar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Offline, every link is "offline" at once: the bar only flashed on a terminal.
    from citecheck.cli import check as check_command

    asked: list[bool] = []

    def progress_enabled(*, enabled: bool) -> bool:
        asked.append(enabled)
        return False

    monkeypatch.setattr(check_command, "progress_enabled", progress_enabled)
    essay = tmp_path / "essay.md"
    essay.write_text("A claim.[^1]\n\n[^1]: See https://example.org/a.\n", encoding="utf-8")
    assert main(["check", str(essay), "--offline", "-o", str(tmp_path / "r.txt")]) == 3
    assert asked == [False]
