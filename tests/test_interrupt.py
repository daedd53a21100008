"""Ctrl-C and SIGTERM in the middle of ``citecheck check``: one line, exit 130/143, cache kept.

A real ``citecheck check`` subprocess checks a manuscript whose notes cite
pages on two loopback servers: one answers at once, the other holds every
request until the test lets go. When the fast answers are in the cache the
test interrupts the run, then runs it again and counts, at the servers, which
pages the second run asked for: only those the cache did not hold.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from citecheck.cli._base import emit

ROOT = Path(__file__).resolve().parents[1]
FAST = [f"/fast/{n}" for n in range(1, 7)]
SLOW = [f"/slow/{n}" for n in range(1, 5)]


class _Web:
    """Two loopback servers sharing one request counter; the slow one waits for ``release``."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.release = threading.Event()
        self.servers: list[ThreadingHTTPServer] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, *, body: bool) -> None:
                with web.lock:
                    web.counts[self.path] += 1
                if self.path.startswith("/slow/"):
                    web.release.wait(60)
                page = f"<html><head><title>Page {self.path}</title></head><body>"
                page += f"<p>The report at {self.path} says what the note says.</p>" * 20
                data = (page + "</body></html>").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if body:
                    self.wfile.write(data)

            def do_GET(self) -> None:
                self._answer(body=True)

            def do_HEAD(self) -> None:
                self._answer(body=False)

            def log_message(self, *_: object) -> None:
                pass

        for host in ("127.0.0.2", "127.0.0.3"):
            server = ThreadingHTTPServer((host, 0), Handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers.append(server)

    def url(self, path: str) -> str:
        server = self.servers[1 if path.startswith("/slow/") else 0]
        host, port = server.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def asked(self) -> set[str]:
        """The cited pages asked for since the last call (probes for made-up pages left out)."""
        with self.lock:
            asked = {path for path in self.counts if path in FAST or path in SLOW}
            self.counts.clear()
        return asked

    def close(self) -> None:
        self.release.set()
        for server in self.servers:
            server.shutdown()
            server.server_close()


@pytest.fixture
def web() -> Iterator[_Web]:
    web = _Web()
    yield web
    web.close()


def _manuscript(folder: Path, web: _Web) -> Path:
    paths = [p for pair in zip(FAST, SLOW + SLOW[:2], strict=True) for p in pair]
    body = " ".join(f"Claim {n}.<sup>{n}</sup>" for n in range(1, len(paths) + 1))
    notes = "\n\n".join(
        f"<sup>{n}</sup> Agency, Report {n} (2024), {web.url(path)}."
        for n, path in enumerate(paths, start=1)
    )
    manuscript = folder / "essay.txt"
    manuscript.write_text(f"{body}\n\n---\n\n{notes}\n", encoding="utf-8")
    return manuscript


# Starts a program with SIGINT ignored, as a shell does for a ``&`` job or ``nohup``.
_SIGINT_IGNORED = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


def _start(
    manuscript: Path, cache: Path, report: Path, *, sigint_ignored: bool = False
) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
    env.pop("CITECHECK_DEBUG", None)
    wrapper = [sys.executable, "-c", _SIGINT_IGNORED] if sigint_ignored else []
    command = [
        *wrapper,
        sys.executable,
        "-m",
        "citecheck",
        "check",
        str(manuscript),
        "--cache",
        str(cache),
        "--no-archive",
        # A links test: the look-up services are a closed port here (conftest), which
        # would make every run "unverified" (exit 3) whatever the links say.
        "--no-sources",
        "--timeout",
        "60",
        "--format",
        "json",
        "-o",
        str(report),
    ]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )


def _cached(cache: Path) -> set[str]:
    """The paths the cache holds a verdict for (read while the run writes: WAL allows it)."""
    if not cache.exists():
        return set()
    try:
        with sqlite3.connect(cache, timeout=5) as db:
            rows = db.execute("SELECT url FROM links").fetchall()
    except sqlite3.OperationalError:
        return set()  # the schema is not written yet
    return {"/" + url.split("/", 3)[3] for (url,) in rows}


def _wait_for(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def _interrupted_run(
    tmp_path: Path, web: _Web, signals: tuple[signal.Signals, ...], *, sigint_ignored: bool = False
) -> tuple[int, str, set[str], Path, Path, Path]:
    manuscript = _manuscript(tmp_path, web)
    cache = tmp_path / "links.sqlite"
    report = tmp_path / "report.json"
    process = _start(manuscript, cache, report, sigint_ignored=sigint_ignored)
    try:
        # Every fast answer stored, and the slow host holding a request (it is
        # asked one at a time until it has answered once).
        _wait_for(lambda: set(FAST) <= _cached(cache) and bool(set(SLOW) & web.counts.keys()), 60)
        for each in signals:
            process.send_signal(each)
            time.sleep(0.02)
        _, stderr = process.communicate(timeout=15)  # promptly, though the slow pages still wait
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode, stderr, _cached(cache), manuscript, cache, report


def _one_clean_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.timeout(120)
def test_ctrl_c_exits_130_keeps_the_cache_and_the_next_run_asks_only_the_rest(
    tmp_path: Path, web: _Web
) -> None:
    code, stderr, cached, manuscript, cache, report = _interrupted_run(
        tmp_path, web, (signal.SIGINT,)
    )
    assert code == 130
    line = _one_clean_line(stderr)
    assert line.startswith("citecheck: interrupted")
    assert cached == set(FAST)  # every answer that arrived; none of the pages still waiting
    assert not report.exists()  # no report, half-written or not
    web.asked()

    web.release.set()  # the slow pages answer at once now
    again = _start(manuscript, cache, report)
    _, stderr = again.communicate(timeout=60)
    assert again.returncode in (0, 1), stderr
    assert web.asked() == set(SLOW)  # only what the cache did not hold
    assert _cached(cache) == set(FAST) | set(SLOW)
    assert report.exists()


@pytest.mark.timeout(120)
def test_a_second_ctrl_c_during_cleanup_still_exits_promptly(tmp_path: Path, web: _Web) -> None:
    code, stderr, cached, *_ = _interrupted_run(tmp_path, web, (signal.SIGINT, signal.SIGINT))
    assert code == 130
    assert _one_clean_line(stderr).startswith("citecheck: interrupted")
    assert cached == set(FAST)


@pytest.mark.timeout(120)
def test_sigterm_is_treated_like_ctrl_c_and_exits_143(tmp_path: Path, web: _Web) -> None:
    code, stderr, cached, *_ = _interrupted_run(tmp_path, web, (signal.SIGTERM,))
    assert code == 143
    assert _one_clean_line(stderr).startswith("citecheck: interrupted")
    assert cached == set(FAST)


@pytest.mark.timeout(120)
def test_sigterm_stops_a_run_started_with_sigint_ignored(tmp_path: Path, web: _Web) -> None:
    # A ``&`` job or ``nohup`` starts with SIGINT ignored; a job timeout's SIGTERM still stops it.
    code, stderr, cached, _, _, report = _interrupted_run(
        tmp_path, web, (signal.SIGTERM,), sigint_ignored=True
    )
    assert code == 143
    assert _one_clean_line(stderr).startswith("citecheck: interrupted (SIGTERM)")
    assert cached == set(FAST)
    assert not report.exists()


def test_an_interrupted_report_leaves_the_old_one_in_place(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "essay.json"
    emit(target, lambda out: out.write("the old report\n"))

    def interrupted(out: object) -> None:
        out.write("half of the new")  # type: ignore[attr-defined]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        emit(target, interrupted)
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["essay.json"]  # no temporary left

    with pytest.raises(KeyboardInterrupt):
        emit(tmp_path / "new.json", interrupted)
    assert not (tmp_path / "new.json").exists()
