"""The sources stage in a batch: each distinct lookup asked once for the whole batch."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sources"))

from sources_standins import CrossrefStandIn, OpenAlexStandIn
from works_data import CROSSREF, OPENALEX

from citecheck.cli import main

PRIVACY = "Samuel D. Warren & Louis D. Brandeis, The Right to Privacy, 4 Harv. L. Rev. 193 (1890)."
JERGAS = (
    "Jergas, H., & Baethge, C. (2015). Quotation accuracy in medical journal articles. "
    "Journal of Clinical Epidemiology, 68(3), 255–260."
)
WAKEFIELD = (
    "Wakefield, A. J., et al. (1998). Ileal-lymphoid-nodular hyperplasia, non-specific colitis, "
    "and pervasive developmental disorder in children. The Lancet, 351(9103), 637–641. "
    "https://doi.org/10.1016/S0140-6736(97)11096-0"
)


@pytest.fixture
def services(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[CrossrefStandIn, OpenAlexStandIn]]:
    crossref = CrossrefStandIn(CROSSREF, "127.1.250.2")
    openalex = OpenAlexStandIn(OPENALEX, "127.1.250.3")
    crossref.start()
    openalex.start()
    # The workers are new processes: they read the services' addresses from the environment.
    monkeypatch.setenv("CITECHECK_CROSSREF_API", crossref.base)
    monkeypatch.setenv("CITECHECK_OPENALEX_API", openalex.base)
    monkeypatch.setenv("CITECHECK_MAILTO", "editor@example.org")
    yield crossref, openalex
    crossref.stop()
    openalex.stop()


@pytest.mark.timeout(300)
def test_each_distinct_lookup_is_asked_once_for_the_whole_batch(
    services: tuple[CrossrefStandIn, OpenAlexStandIn], store_url: str, tmp_path: Path
) -> None:
    crossref, openalex = services
    works = [PRIVACY, JERGAS, WAKEFIELD]
    folder = tmp_path / "issues"
    folder.mkdir()
    for i in range(6):
        notes = [works[i % 3], works[(i + 1) % 3]]
        body = " ".join(f"Claim {k}.[^{k}]" for k in (1, 2))
        text = "\n".join(f"[^{k}]: {note}" for k, note in enumerate(notes, 1))
        (folder / f"essay{i}.md").write_text(f"{body}\n\n{text}\n", encoding="utf-8")
    summary = tmp_path / "summary.json"
    args = [
        "batch",
        str(folder),
        "--store",
        store_url,
        "--no-links",
        "--no-progress",
        "--workers",
        "2",
        "--format",
        "json",
        "-o",
        str(summary),
    ]
    code = main(args)
    asked = Counter((s.path, tuple(sorted(s.query.items()))) for s in crossref.requests)
    asked.update((s.path, tuple(sorted(s.query.items()))) for s in openalex.requests)
    assert asked
    assert set(asked.values()) == {1}, asked
    data = json.loads(summary.read_text("utf-8"))
    assert data["manuscripts"] == 6
    assert data["totals"]["citations"] == 12
    # Wakefield's retraction is found in the four manuscripts citing it.
    rows = data["manuscripts_worst_first"]
    assert sum(1 for r in rows if r["findings"]["error"]) == 4
    assert code == 1
    before = len(crossref.requests) + len(openalex.requests)
    assert main(args) == 1  # and again from the store: no service is asked
    assert len(crossref.requests) + len(openalex.requests) == before


def _stored_answers(path: Path) -> set[str]:
    """The Crossref answers committed in the store (what a kill cannot take back)."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT key FROM answers WHERE service LIKE 'crossref%'").fetchall()
        finally:
            db.close()
    except sqlite3.OperationalError:  # not made yet, or its tables not yet
        return set()
    return {unquote(str(row[0])).lower() for row in rows}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("how", ["ctrl-c", "killed"])
def test_an_interrupted_batch_keeps_its_lookups_and_asks_only_the_rest(
    tmp_path: Path, how: str
) -> None:
    # Crossref states 3 requests a second: 48 distinct DOIs take the works pass over 15 s.
    crossref = CrossrefStandIn([], "127.1.250.4", stated_limit=3)
    crossref.start()
    try:
        folder = tmp_path / "issues"
        folder.mkdir()
        for m in range(48):  # manuscript m cites DOIs m, m+1, m+2: each DOI thrice
            notes = [
                f'[^{k}]: Ann Author, "Paper {(m + k) % 48}," Journal of Tests 3 (2015): 1-9,'
                f" https://doi.org/10.5555/test.{(m + k) % 48}."
                for k in range(3)
            ]
            body = " ".join(f"Claim {k}.[^{k}]" for k in range(3))
            (folder / f"essay{m}.md").write_text(
                f"{body}\n\n" + "\n".join(notes) + "\n", encoding="utf-8"
            )
        db = tmp_path / "s.sqlite3"
        command = [
            sys.executable,
            "-m",
            "citecheck",
            "batch",
            str(folder),
            "--store",
            f"sqlite:///{db}",
            "--no-links",
            "--no-progress",
            "--workers",
            "2",
            "--format",
            "json",
            "-o",
            str(tmp_path / "summary.json"),
        ]
        env = {
            **os.environ,
            "CITECHECK_DEBUG": "",
            "CITECHECK_CROSSREF_API": crossref.base,
            "CITECHECK_MAILTO": "editor@example.org",
        }
        process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while len(_stored_answers(db)) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        if how == "ctrl-c":
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=60)
            assert process.returncode == 130, err
        else:  # only what was committed survives
            process.kill()
            assert process.wait(timeout=60) == -signal.SIGKILL
            time.sleep(2)
            assert process.stderr is not None
            process.stderr.close()
        kept = _stored_answers(db)

        def asked() -> Counter[str]:
            return Counter(
                s.path.lower() for s in crossref.requests if s.path.startswith("/works/")
            )

        first = asked()
        assert 5 <= len(kept) < 48, len(kept)
        assert kept <= set(first)
        # Every distinct lookup of the batch survived the interrupt, waiting in the store.
        store = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            ((waiting,),) = store.execute("SELECT COUNT(*) FROM batch_lookups").fetchall()
        finally:
            store.close()
        assert waiting == 48

        rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
        # OpenAlex is a closed port (conftest) and Crossref holds none of the DOIs: the
        # works stay unverified, and the batch says so (exit 3), as check and sources do.
        assert rerun.returncode == 3, rerun.stderr
        assert "resumed batch" in rerun.stderr
        hits = asked()
        assert len(hits) == 48  # every DOI asked, in one run or the other
        for path in kept:
            assert hits[path] == 1, path  # answered before the interrupt: not asked again
        # Only what was in flight at the interrupt (asked, its answer not kept) is asked twice.
        assert sum(hits.values()) <= 48 + (sum(first.values()) - len(kept))
        data = json.loads((tmp_path / "summary.json").read_text("utf-8"))
        assert data["manuscripts"] == 48
        assert data["status"] == "finished"
    finally:
        crossref.stop()


class _Refusing:
    """A Crossref and OpenAlex stand-in that is down for maintenance: 503 for everything."""

    def __init__(self, address: str) -> None:
        import http.server
        import threading

        self.requests = 0
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.requests += 1
                body = b'{"status": "error", "message": "down for maintenance"}'
                self.send_response(503)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer((address, 0), Handler)
        self.base = f"http://{address}:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.mark.timeout(300)
def test_lookups_the_batch_got_no_answer_for_are_not_asked_again_by_each_manuscript(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    down = _Refusing("127.1.250.6")
    try:
        monkeypatch.setenv("CITECHECK_CROSSREF_API", down.base)
        monkeypatch.setenv("CITECHECK_OPENALEX_API", down.base)
        folder = tmp_path / "issues"
        folder.mkdir()
        for m in range(8):  # every manuscript cites the same two works
            notes = "\n".join(f"[^{k}]: {work}" for k, work in enumerate((JERGAS, PRIVACY), 1))
            (folder / f"essay{m}.md").write_text(f"A.[^1] B.[^2]\n\n{notes}\n", encoding="utf-8")
        summary = tmp_path / "summary.json"
        args = ["batch", str(folder), "--store", f"sqlite:///{tmp_path / 's.sqlite3'}"]
        args += ["--no-links", "--no-progress", "--workers", "2", "--format", "json"]
        args += ["-o", str(summary), "--config", str(tmp_path / "citecheck.toml")]
        (tmp_path / "citecheck.toml").write_text("sources-retries = 0\n", encoding="utf-8")
        main(args)
        # The lookups pass asks each service until it is known to be down; the eight
        # manuscripts' checks then ask nothing (before: each asked again).
        assert 1 <= down.requests <= 4, down.requests
        data = json.loads(summary.read_text("utf-8"))
        assert data["manuscripts"] == 8
    finally:
        down.stop()
