"""citecheck batch end to end on a loopback web: each URL asked once, reruns ask nothing."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from batch_corpus import Corpus

from citecheck.cli import main

pytestmark = pytest.mark.timeout(300)


def _batch(corpus: Corpus, store: str, *extra: str) -> list[str]:
    return [
        "batch",
        str(corpus.folder),
        "--store",
        store,
        "--no-archive",
        "--no-sources",
        "--no-progress",
        "--timeout",
        "5",
        "--workers",
        "2",
        *extra,
    ]


def test_each_distinct_url_is_asked_once_and_a_rerun_asks_nothing(
    make_corpus: Callable[..., Corpus], store_url: str, tmp_path: Path
) -> None:
    corpus = make_corpus(manuscripts=12, hosts=3, per_host=6)
    summary = tmp_path / "summary.json"
    reports = tmp_path / "reports"
    args = _batch(
        corpus,
        store_url,
        "--format",
        "json",
        "-o",
        str(summary),
        "--reports-dir",
        str(reports),
        "--manuscript-format",
        "json",
        "--manuscript-format",
        "markdown",
        "--report",
        f"csv={tmp_path / 'summary.csv'}",
        "--report",
        f"html={tmp_path / 's.html'}",
    )
    assert main(args) == 1  # the 404s are dead links: errors
    hits = corpus.hits()
    assert len(hits) == 14
    assert set(hits.values()) == {1}, [
        h.requests for h in corpus.hosts
    ]  # 14 distinct URLs, cited 36 times, each asked once

    data = json.loads(summary.read_text("utf-8"))
    assert data["manuscripts"] == 12
    assert data["urls"] == {"alive": 11, "dead": 3}
    assert data["totals"]["citations"] == 36
    rows = data["manuscripts_worst_first"]
    assert len(rows) == 12
    assert rows[0]["links"].get("dead", 0) >= rows[-1]["links"].get("dead", 0)
    dead_cited = sum(r["links"].get("dead", 0) for r in rows)
    assert dead_cited == sum(1 for i in range(12) for k in range(3) if (i + k) % 18 < 3)
    years = {(r["group"], r["status"]) for r in data["rot_by_year"]}
    assert ("2012", "alive") in years
    assert {r["group"] for r in data["rot_by_domain"]} == {h.address for h in corpus.hosts}

    with (tmp_path / "summary.csv").open(encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == 12
    assert {row["stage"] for row in table} == {"done"}
    page = (tmp_path / "s.html").read_text("utf-8")
    assert page.count("<svg") == 2
    assert "<script" not in page
    # Each manuscript's own reports, mirrored under the folder.
    written = sorted(p.name for p in reports.rglob("*.json"))
    assert len(written) == 12
    assert len(list(reports.rglob("*.md.md"))) == 12
    one = json.loads(next(reports.rglob("essay001.md.json")).read_text("utf-8"))
    assert one["summary"]["citations"] == 3

    # The same command again: the batch is finished, so it runs again, from the store.
    assert main(args) == 1
    assert corpus.hits() == hits
    again = json.loads(summary.read_text("utf-8"))
    assert again["urls"] == data["urls"]


def test_offline_batch_asks_nothing_and_exits_3(
    make_corpus: Callable[..., Corpus], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus(manuscripts=4, hosts=2, per_host=3)
    store = f"sqlite:///{tmp_path / 's.sqlite3'}"
    summaries = [f"{fmt}={tmp_path / f'summary.{fmt}'}" for fmt in ("json", "csv", "html")]
    extra = ["--offline", "--format", "text", "--reports-dir", str(tmp_path / "reports")]
    assert main([*_batch(corpus, store), *extra, *(f"--report={s}" for s in summaries)]) == 3
    assert set(corpus.hits().values()) == {0}
    # The summary calls the links "offline", as each manuscript's report does
    # ("links not checked (offline)"), not "unchecked" or "unverified".
    text = capsys.readouterr().out
    assert "(6 offline)" in text
    data = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert data["urls"] == {"offline": 6}
    assert {row["status"] for row in (*data["rot_by_year"], *data["rot_by_domain"])} == {"offline"}
    reports = {
        Path(p).name: json.loads(Path(p).read_text("utf-8"))
        for p in (tmp_path / "reports").rglob("*.json")
    }
    with (tmp_path / "summary.csv").open(encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    for row in table:
        report = reports[Path(row["path"]).name + ".json"]
        assert int(row["offline"]) == report["summary"]["links"]["offline"] > 0
        assert row["unverified"] == "0"
    page = (tmp_path / "summary.html").read_text("utf-8")
    assert "offline (100%)" in page
    assert "unchecked" not in page
    assert "unverified (" not in page


def test_an_unreadable_manuscript_is_reported_and_the_rest_checked(
    make_corpus: Callable[..., Corpus], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus(manuscripts=3, hosts=1, per_host=3)
    (corpus.folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    store = f"sqlite:///{tmp_path / 's.sqlite3'}"
    assert main([*_batch(corpus, store), "--format", "text"]) == 2
    out = capsys.readouterr().out
    line = out.split("worst manuscripts:")[1].splitlines()[1]
    assert "broken.docx" in line
    assert line.count("broken.docx") == 1  # the reader's message names the file already
    assert "4 manuscripts (1 could not be read)" in out


def test_the_text_summary_of_a_clean_batch_lists_no_worst_manuscripts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "clean"
    folder.mkdir()
    for name in ("a.md", "b.md"):
        (folder / name).write_text(
            "A claim.[^1]\n\n[^1]: Jane Doe, *Border Lines* 12 (2001).\n", encoding="utf-8"
        )
    store = f"sqlite:///{tmp_path / 's.sqlite3'}"
    args = ["batch", str(folder), "--store", store, "--no-progress", "--offline"]
    assert main([*args, "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "findings: 0 errors, 0 warnings, 0 notices" in out
    assert "worst manuscripts:" not in out  # no header over an empty list


def test_a_missing_path_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = f"sqlite:///{tmp_path / 's.sqlite3'}"
    assert main(["batch", str(tmp_path / "nowhere"), "--store", store, "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "nowhere: no such file or folder" in err
    assert "Traceback" not in err


def _stored_verdicts(path: Path) -> set[str]:
    """The URLs with a verdict committed in the batch store (what a kill cannot take back)."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT url_key FROM batch_urls WHERE status IS NOT NULL").fetchall()
        finally:
            db.close()
    except sqlite3.OperationalError:  # not made yet, or its tables not yet
        return set()
    return {row[0] for row in rows}


@pytest.mark.parametrize("how", ["ctrl-c", "killed"])
def test_an_interrupted_batch_resumes_and_repeats_nothing_stored(
    make_corpus: Callable[..., Corpus], tmp_path: Path, how: str
) -> None:
    # Slow hosts, so Ctrl-C lands while the links are being checked.
    corpus = make_corpus(manuscripts=60, hosts=3, per_host=30, latency=1.0)
    db = tmp_path / "s.sqlite3"
    command = [
        sys.executable,
        "-m",
        "citecheck",
        *_batch(corpus, f"sqlite:///{db}"),
        "--format",
        "json",
        "-o",
        str(tmp_path / "summary.json"),
    ]
    env = {**os.environ, "CITECHECK_DEBUG": ""}
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not _stored_verdicts(db) and time.monotonic() < deadline:
        time.sleep(0.1)
    if how == "ctrl-c":
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert process.returncode == 130, err
        assert "interrupted" in err
    else:  # no chance to tidy up: only what was committed survives
        process.kill()
        assert process.wait(timeout=60) == -signal.SIGKILL
        time.sleep(2)  # its pool's workers notice and exit by themselves
        assert process.stderr is not None
        process.stderr.close()
    kept = {urlsplit(key).path for key in _stored_verdicts(db)}
    first = corpus.hits()
    assert 1 <= len(kept) < len(first)

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    assert rerun.returncode == 1, rerun.stderr
    assert "resumed batch" in rerun.stderr
    hits = corpus.hits()
    for path, count in hits.items():
        if path in kept:
            assert count == first[path] == 1, path  # stored before the interrupt: not asked again
        assert count >= 1, path
    # Only what was in flight at the interrupt (asked, never stored) may be asked twice.
    assert sum(hits.values()) <= len(hits) + (sum(first.values()) - len(kept))
    data = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert data["manuscripts"] == 60
    assert data["status"] == "finished"
    assert sum(data["urls"].values()) == len(hits)
