"""--engine ray on a local Ray cluster, sharing a PostgreSQL store: each URL still asked once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from archive_standins import ArchiveStandIn
from batch_corpus import Corpus
from test_batch_archive import archived, lookups

from citecheck.batch.engines import host_parts

if (
    os.environ.get("CITECHECK_REQUIRE_TOOLS") != "1"
):  # CI installs citecheck[ray]: there it must run
    pytest.importorskip("ray")


def test_urls_of_one_host_go_to_one_actor_and_the_actors_get_equal_counts() -> None:
    # The Ray engine splits each shard with the local engine's host_parts.
    pairs = [
        (f"http://h{n}.test/a/{m}", f"http://h{n}.test/a/{m}") for n in range(20) for m in range(5)
    ]
    parts = host_parts(pairs, 4)
    for n in range(20):
        holding = [i for i, part in enumerate(parts) if any(f"//h{n}.test/" in k for k, _ in part)]
        assert len(holding) == 1
    assert sorted(len(part) for part in parts) == [25, 25, 25, 25]


@pytest.mark.timeout(300)
def test_a_batch_on_a_local_ray_cluster(
    make_corpus: Callable[..., Corpus], fresh_postgres: str, tmp_path: Path
) -> None:
    corpus = make_corpus(manuscripts=10, hosts=4, per_host=4)
    summary = tmp_path / "summary.json"
    command = [
        sys.executable,
        "-m",
        "citecheck",
        "batch",
        str(corpus.folder),
        "--engine",
        "ray",
        "--store",
        fresh_postgres,
        "--no-archive",
        "--no-sources",
        "--no-progress",
        "--timeout",
        "5",
        "--format",
        "json",
        "-o",
        str(summary),
    ]
    # A small local cluster of its own (no dashboard), ended with the command.
    env = {**os.environ, "RAY_NUM_CPUS": "2", "RAY_AUTH_MODE": "disabled"}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=280)
    assert done.returncode == 1, done.stderr[-3000:]
    hits = corpus.hits()
    assert set(hits.values()) == {1}, hits
    data = json.loads(summary.read_text("utf-8"))
    assert data["manuscripts"] == 10
    assert data["urls"] == {"alive": 8, "dead": 4}  # each host's first URL is gone
    assert "not-a-secret" not in done.stderr + done.stdout


@pytest.mark.timeout(300)
def test_the_archive_pass_on_a_local_ray_cluster(
    make_corpus: Callable[..., Corpus], ia: ArchiveStandIn, fresh_postgres: str, tmp_path: Path
) -> None:
    corpus = make_corpus(manuscripts=6, hosts=2, per_host=3)
    archived(ia, corpus)
    reports = tmp_path / "reports"
    command = [
        sys.executable,
        "-m",
        "citecheck",
        "batch",
        str(corpus.folder),
        "--engine",
        "ray",
        "--store",
        fresh_postgres,
        "--no-sources",
        "--no-progress",
        "--timeout",
        "5",
        "--reports-dir",
        str(reports),
    ]
    env = {**os.environ, "RAY_NUM_CPUS": "2", "RAY_AUTH_MODE": "disabled"}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=280)
    assert done.returncode == 1, done.stderr[-3000:]
    looked_up = lookups(ia)
    assert looked_up
    assert set(looked_up.values()) == {1}, looked_up
    one = json.loads(next(reports.rglob("essay001.md.json")).read_text("utf-8"))
    assert len(one["archives"]) == 3
    assert any(a["cited_snapshot"] for a in one["archives"])
