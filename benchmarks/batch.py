"""Benchmark: a batch of 5,000 manuscripts (100,000 citations, 20,000 distinct URLs, 200 hosts).

Each host (127.0.0.2 ... 127.0.0.201) has its own latency (50-150 ms) and a
hidden limit on requests in flight (2-12), above which it answers 429 with
``Retry-After: 1``, as in ``benchmarks/links.py``; the hosts run in a
separate process that counts every GET per path. Each manuscript (Markdown,
20 notes) cites 20 URLs; every URL is cited by 5 manuscripts. Measured per
run: wall time per pass (read, links, check) and in all, the link pass
against the hosts' floor (the slowest host's ``ceil(urls / limit) x
latency``: what a checker that knew every hidden limit would need), GETs at
the servers (each distinct URL must be fetched once), peak memory.

A URL counts as fetched when a GET for it is answered (a 429 is not an
answer; the checker's HEAD and its soft-404 probe of a made-up page per
folder are counted apart). Runs, in order: local engine + SQLite store;
the same again from the store (must ask the web for nothing); local engine
+ PostgreSQL; Ray engine (a local cluster) + PostgreSQL. PostgreSQL and
Ray runs are skipped when the server binaries or Ray are missing.

Run: ``python benchmarks/batch.py`` (a few minutes), ``--quick`` for 500
manuscripts over 40 hosts, ``--json`` for every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "links"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from links_testweb import Request, Response, TestWeb
from postgres_server import postgres_bin, running_postgres

from citecheck.batch import BatchOptions, LocalEngine, run_batch
from citecheck.batch.engines import Engine
from citecheck.batch.progress import BatchProgress
from citecheck.config import Settings
from citecheck.store import open_store, sqlite_url

SEED = 20261206
SERVER_LIFETIME = 1800.0  # the server process exits by itself after this, whatever happens
NOTES_PER_MANUSCRIPT = 20
CITED_BY = 5


def plan(hosts: int, seed: int = SEED) -> list[tuple[str, float, int]]:
    """(address, latency seconds, hidden limit) per host, the same on every run."""
    rng = random.Random(seed)
    return [
        (f"127.0.0.{2 + i}", round(rng.uniform(0.05, 0.15), 3), rng.randint(2, 12))
        for i in range(hosts)
    ]


def serve(hosts: list[tuple[str, float, int]], pipe: Connection) -> None:
    """The server process: every host until told to stop; answers "stats" with GETs per path."""
    web = TestWeb()
    answered: Counter[str] = Counter()  # GETs answered (not 429): a URL fetched
    # (start, end) in monotonic seconds of every request answered (not 429), per host:
    # how long the host itself took, against the client's time between requests.
    served: dict[str, list[tuple[float, float]]] = {}
    filler = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 10 + "</p>"
    for address, latency, limit in hosts:
        host = web.add_host(address)
        host.limit = limit

        async def page(request: Request, latency: float = latency) -> Response:
            started = time.monotonic()
            await asyncio.sleep(latency)
            served.setdefault(request.host.address, []).append((started, time.monotonic()))
            number = request.path.rsplit("/", 1)[-1]
            if request.method == "GET":
                answered[f"{request.host.address}{request.path}"] += 1
            if not number.isdigit():
                return Response(status=404, body=b"<title>Not found</title>")
            body = f"<!doctype html><title>Report {number}</title><h1>Report {number}</h1>{filler}"
            return Response(body=body.encode())

        host.fallback = page
    pipe.send([(h.address, h.port) for h in web.hosts])
    deadline = time.monotonic() + SERVER_LIFETIME
    while time.monotonic() < deadline and pipe.poll(deadline - time.monotonic()):
        message = pipe.recv()
        if message == "timings":
            pipe.send(dict(served))
            served.clear()
            continue
        if message != "stats":
            break
        requests = sum(sum(h.requests.values()) for h in web.hosts)
        pipe.send(
            {
                "answered": Counter(answered),
                "requests": requests,
                "throttled": sum(h.throttled for h in web.hosts),
                # The hosts' own CPU (every thread of this process): on one machine they
                # share the cores with the checker, so the pass's ceiling depends on it.
                "cpu_s": time.process_time(),
            }
        )
    web.close()


def write_manuscripts(folder: Path, urls: list[str], manuscripts: int) -> None:
    """Markdown manuscripts of 20 notes; URL n is cited by manuscripts spread over the batch."""
    rng = random.Random(SEED)
    order = list(range(len(urls)))
    rng.shuffle(order)
    for m in range(manuscripts):
        volume = folder / f"vol{m // 500:02}"
        volume.mkdir(parents=True, exist_ok=True)
        notes = []
        for k in range(NOTES_PER_MANUSCRIPT):
            url = urls[order[(m * NOTES_PER_MANUSCRIPT + k) % len(urls)]]
            year = 2005 + (m + k) % 18
            notes.append(
                f'[^{k + 1}]: Ann Author{m % 97}, "Report {m}-{k}," Example Institute {k}, '
                f"{year}, {url} (accessed May {1 + k % 28}, {year + 1})."
            )
        body = " ".join(f"Claim {k + 1} of essay {m}.[^{k + 1}]" for k in range(len(notes)))
        (volume / f"essay{m:05}.md").write_text(
            f"# Essay {m}\n\n{body}\n\n" + "\n".join(notes) + "\n", encoding="utf-8"
        )


def _commit() -> str:
    """The code measured (empty outside a git checkout, e.g. a ``git archive`` copy)."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _cpu() -> tuple[float, float]:
    """User + system CPU seconds of this process and of its ended children (the pool)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _stats(pipe: Connection) -> dict[str, Any]:
    pipe.send("stats")
    answer: dict[str, Any] = pipe.recv()
    return answer


def one_run(
    name: str,
    folder: Path,
    store_url: str,
    engine: Engine,
    pipe: Connection,
    floor: float,
) -> dict[str, Any]:
    settings = Settings()
    # No sources or archive stand-ins here: those passes are off (they would ask the Internet).
    settings = replace(
        settings,
        sources=replace(settings.sources, enabled=False),
        archive=replace(settings.archive, enabled=False),
    )
    before = _stats(pipe)
    load_before = os.getloadavg()[0]
    cpu_before = _cpu()
    progress = BatchProgress()
    store = open_store(store_url, max_age=settings.links.cache_max_age)
    started = time.perf_counter()
    try:
        run_batch(
            [str(folder)],
            settings,
            store,
            engine,
            batch_id="benchmark",
            options=BatchOptions(),
            progress=progress,
        )
    finally:
        engine.close()
    wall = time.perf_counter() - started
    cpu_after = _cpu()  # after close: the pool's workers have ended and are counted
    counts = store.counts("benchmark")
    store.close()
    after = _stats(pipe)
    answered = after["answered"] - before["answered"]
    # The soft-404 probe asks one made-up page per folder of a host: not a cited URL.
    cited = Counter({p: n for p, n in answered.items() if "/citecheck-" not in p})
    phases = {
        phase: round(progress.last[phase] - progress.started[phase], 2)
        for phase in progress.started
    }
    links_s = phases.get("links", 0.0)
    return {
        "run": name,
        "wall_s": round(wall, 2),
        "phases_s": phases,
        "links_ratio_to_floor": round(links_s / floor, 3) if links_s else None,
        "total_ratio_to_floor": round(wall / floor, 3),
        "requests": after["requests"] - before["requests"],
        "cited_urls_fetched": len(cited),
        "most_fetches_one_url": max(cited.values(), default=0),
        "soft404_probes": sum(answered.values()) - sum(cited.values()),
        "throttled": after["throttled"] - before["throttled"],
        "hosts_cpu_s": round(after["cpu_s"] - before["cpu_s"], 2),
        "manuscripts_done": counts.get("done", 0),
        "url_statuses": {k[5:]: v for k, v in counts.items() if k.startswith("urls:")},
        "peak_rss_main_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_worker_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
        "main_cpu_s": round(cpu_after[0] - cpu_before[0], 1),
        "workers_cpu_s": round(cpu_after[1] - cpu_before[1], 1),
        "load_average_1min_before": round(load_before, 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="500 manuscripts over 40 hosts")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--manuscripts",
        type=int,
        default=0,
        help="fewer (or more) manuscripts citing the same URLs: cheaper text passes, the same"
        " link pass and floor (default 5,000; 500 with --quick)",
    )
    parser.add_argument(
        "--runs",
        default="sqlite,rerun,postgresql,ray",
        help="which runs, comma-separated (default: all four)",
    )
    options = parser.parse_args()
    manuscripts, host_count = (500, 40) if options.quick else (5000, 200)
    distinct = manuscripts * NOTES_PER_MANUSCRIPT // CITED_BY
    if options.manuscripts:
        # The URLs and hosts stay those of the default size: each is cited by fewer
        # (or more) manuscripts, round-robin, so the link pass and its floor are unchanged.
        manuscripts = options.manuscripts
    per_host = distinct // host_count
    runs = options.runs.split(",")

    hosts = plan(host_count)
    floor = max(math.ceil(per_host / limit) * latency for _, latency, limit in hosts)
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=serve, args=(hosts, theirs), daemon=True)
    server.start()
    results: list[dict[str, Any]] = []
    try:
        ports = dict(ours.recv())
        urls = [
            f"http://{address}:{ports[address]}/reports/{n}"
            for n in range(per_host)
            for address, _, _ in hosts
        ]
        with tempfile.TemporaryDirectory(prefix="citecheck-bench-") as work:
            folder = Path(work) / "manuscripts"
            started = time.perf_counter()
            write_manuscripts(folder, urls, manuscripts)
            generated = time.perf_counter() - started
            store = sqlite_url(Path(work) / "store.sqlite3")
            if "sqlite" in runs:
                results.append(one_run("local+sqlite", folder, store, LocalEngine(), ours, floor))
            if "rerun" in runs:
                results.append(
                    one_run("rerun from the store", folder, store, LocalEngine(), ours, floor)
                )
            binaries = postgres_bin()
            wants_pg = {"postgresql", "ray"} & set(runs)
            if wants_pg and binaries is not None:
                import psycopg

                with running_postgres(binaries) as server_url:
                    with psycopg.connect(server_url, autocommit=True) as db:
                        db.execute(b"CREATE DATABASE local_run")
                        db.execute(b"CREATE DATABASE ray_run")
                    base = server_url.rsplit("/", 1)[0]
                    if "postgresql" in runs:
                        results.append(
                            one_run(
                                "local+postgresql",
                                folder,
                                f"{base}/local_run",
                                LocalEngine(),
                                ours,
                                floor,
                            )
                        )
                    if "ray" in runs:
                        from citecheck.batch.ray_engine import RayEngine

                        os.environ.setdefault("RAY_AUTH_MODE", "disabled")
                        engine = RayEngine(num_cpus=os.cpu_count() or 2)
                        results.append(
                            one_run(
                                "ray+postgresql", folder, f"{base}/ray_run", engine, ours, floor
                            )
                        )
        ours.send("stop")
    finally:
        server.join(10)
        if server.is_alive():
            server.terminate()

    slowest = max(hosts, key=lambda h: math.ceil(per_host / h[2]) * h[1])
    figures = {
        "manuscripts": manuscripts,
        "citations": manuscripts * NOTES_PER_MANUSCRIPT,
        "commit": _commit(),
        "distinct_urls": len(urls),
        "hosts": host_count,
        "floor_s": round(floor, 3),
        "slowest_host": {"address": slowest[0], "latency_s": slowest[1], "limit": slowest[2]},
        "generate_s": round(generated, 2),
        "cpus": os.cpu_count(),
        "runs": results,
    }
    if options.json:
        print(json.dumps(figures, indent=2))
    else:
        print(
            f"{manuscripts} manuscripts, {figures['citations']} citations, {len(urls)} distinct"
            f" URLs over {host_count} hosts; hosts' floor {floor:.2f} s (slowest {slowest})"
        )
        for r in results:
            print(
                f"{r['run']:>22}: wall {r['wall_s']:.1f} s {r['phases_s']}; links/floor"
                f" {r['links_ratio_to_floor']}; requests {r['requests']}, cited URLs fetched"
                f" {r['cited_urls_fetched']} (at most {r['most_fetches_one_url']} times each),"
                f" probes {r['soft404_probes']}; 429s {r['throttled']};"
                f" hosts' CPU {r['hosts_cpu_s']} s;"
                f" done {r['manuscripts_done']}; peak RSS main {r['peak_rss_main_mb']} MB,"
                f" worker {r['peak_rss_worker_mb']} MB; CPU main {r['main_cpu_s']} s, workers"
                f" {r['workers_cpu_s']} s; load {r['load_average_1min_before']} ->"
                f" {r['load_average_1min']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
