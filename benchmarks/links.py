"""Benchmark: 2,000 cited URLs over 40 loopback hosts with hidden limits, at default settings.

Each host (127.0.0.2 ... 127.0.0.41) has its own latency (50-150 ms) and its
own hidden limit on requests in flight (2-12); above it, it answers 429 with
``Retry-After: 1``. The server runs in a separate process, so the checker's
wall time is honest on a small machine. The floor is what a checker that
knew every hidden limit in advance would need: the slowest host's
``ceil(urls / limit) x latency``. Also measured: the same run's 429s per
host, peak memory, and how fast 100 links finish when the network is down.

``--cli`` times the whole command instead: a generated Markdown manuscript
whose 2,000 notes cite the same URLs, checked by ``citecheck check`` in a
subprocess with a fresh cache (no archive stage), end to end: start-up,
reading the notes, parsing citations, the checks and writing the report.

Run: ``.venv/bin/python benchmarks/links.py [--cli]`` (about 10-20 s; stops by itself).
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
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "links"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # pdf_objects

from links_testweb import Request, Response, TestWeb

from citecheck.config import LinkSettings
from citecheck.links import check_links

HOSTS = 40
URLS = 2000
SEED = 20261128
SERVER_LIFETIME = 180.0  # the server process exits by itself after this, whatever happens


def plan(seed: int = SEED) -> list[tuple[str, float, int]]:
    """(address, latency seconds, hidden limit) per host, the same on every run."""
    rng = random.Random(seed)
    return [
        (f"127.0.0.{2 + i}", round(rng.uniform(0.05, 0.15), 3), rng.randint(2, 12))
        for i in range(HOSTS)
    ]


def serve(hosts: list[tuple[str, float, int]], pipe: Connection) -> None:
    """The server process: 40 hosts until told to stop (or SERVER_LIFETIME passes)."""
    web = TestWeb()
    filler = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20 + "</p>"
    for address, latency, limit in hosts:
        host = web.add_host(address)
        host.latency = latency
        host.limit = limit

        async def page(request: Request) -> Response:
            number = request.path.rsplit("/", 1)[-1]
            if not number.isdigit():
                return Response(status=404, body=b"<title>Not found</title>")
            body = (
                f"<!doctype html><html><head><title>Report {number}</title>"
                f'<meta name="citation_title" content="Report {number}"></head>'
                f"<body><h1 id='top'>Report {number}</h1>{filler}</body></html>"
            )
            return Response(body=body.encode())

        host.fallback = page
    pipe.send([(h.address, h.port) for h in web.hosts])
    if pipe.poll(SERVER_LIFETIME):
        pipe.recv()
    pipe.send(
        {
            "cpu_s": time.process_time(),
        }
        | {
            h.address: {
                "throttled": h.throttled,
                "requests": sum(h.requests.values()),
                "max_in_flight": h.max_in_flight,
            }
            for h in web.hosts
        }
    )
    web.close()


async def _timed_check(
    cited: dict[str, list[str]], settings: LinkSettings
) -> tuple[float, float, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    results = await check_links(cited, settings)
    return time.perf_counter() - started, time.process_time() - cpu, results


class _Unplugged(httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        cause = OSError(101, "Network is unreachable")
        raise httpx.ConnectError("[Errno 101] Network is unreachable") from cause


def offline_figure() -> tuple[float, int]:
    """Seconds for 100 links over 20 hosts when every connection fails: network down."""
    cited = {f"https://site{i % 20}.example.org/page/{i}": [str(i)] for i in range(100)}
    settings = LinkSettings(cache_path=None)
    started = time.perf_counter()
    results = asyncio.run(check_links(cited, settings, transport=_Unplugged()))
    elapsed = time.perf_counter() - started
    return elapsed, sum(1 for r in results if r.status.value == "offline")


_JOURNALS = ("Loopback Review", "Journal of Local Hosts", "Port Quarterly", "The Ephemeral Times")


def manuscript(cited: dict[str, list[str]]) -> str:
    """A Markdown essay with one footnote per URL, each a citation in a common style."""
    sentences: list[str] = []
    notes: list[str] = []
    for number, url in enumerate(cited, start=1):
        sentences.append(f"Finding {number} held across the sample.[^{number}]")
        journal = _JOURNALS[number % len(_JOURNALS)]
        notes.append(
            f'[^{number}]: Ana Ruiz, "Report {number}," *{journal}*, '
            f"March {1 + number % 28}, 2024, {url} (accessed May 2, 2025)."
        )
    paragraphs = [" ".join(sentences[i : i + 10]) for i in range(0, len(sentences), 10)]
    return "# Findings\n\n" + "\n\n".join(paragraphs) + "\n\n" + "\n\n".join(notes) + "\n"


def run_cli(
    cited: dict[str, list[str]], folder: Path, profile: Path | None = None
) -> tuple[float, float, float, dict[str, int]]:
    """``citecheck check`` on the generated manuscript: wall and CPU seconds, peak MB, statuses."""
    essay = folder / "essay.md"
    essay.write_text(manuscript(cited), encoding="utf-8")
    report = folder / "report.json"
    command = [
        sys.executable,
        "-m",
        "citecheck",
        "check",
        str(essay),
        "--no-archive",
        "--no-sources",  # the links stage's figure; benchmarks/sources.py times that stage
        "--no-progress",
        "--cache",
        str(folder / "links.sqlite3"),
        "--format",
        "json",
        "-o",
        str(report),
    ]
    if profile is not None:  # py-spy's raw (collapsed) stacks, to find where the time goes
        command = ["py-spy", "record", "-r", "200", "-f", "raw", "-o", str(profile), "--", *command]
    # Loopback is allowed for loopback citations anyway; the setting says so explicitly.
    env = os.environ | {"CITECHECK_ALLOW_PRIVATE_ADDRESSES": "1", "CI": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=folder, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"citecheck check failed ({done.returncode}): {done.stderr.decode()}")
    data = json.loads(report.read_text(encoding="utf-8"))
    statuses: dict[str, int] = {}
    for link in data.get("links", []):
        statuses[link["status"]] = statuses.get(link["status"], 0) + 1
    return elapsed, cpu, after.ru_maxrss / 1024, statuses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--cli", action="store_true", help="time `citecheck check` end to end")
    parser.add_argument(
        "--profile", type=Path, metavar="PATH", help="with --cli: record it with py-spy to PATH"
    )
    options = parser.parse_args()

    hosts = plan()
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=serve, args=(hosts, theirs), daemon=True)
    server.start()
    try:
        ports = dict(ours.recv())
        per_host = URLS // HOSTS
        cited = {
            f"http://{address}:{ports[address]}/reports/{n}": [str(n)]
            for n in range(per_host)
            for address, _, _ in hosts
        }
        floor = max(math.ceil(per_host / limit) * latency for _, latency, limit in hosts)
        cli_statuses: dict[str, int] = {}
        cli_rss = 0.0
        with tempfile.TemporaryDirectory() as folder:
            if options.cli:
                elapsed, client_cpu, cli_rss, cli_statuses = run_cli(
                    cited, Path(folder), options.profile
                )
                results = ()
            else:
                settings = replace(LinkSettings(), cache_path=Path(folder) / "links.sqlite3")
                elapsed, client_cpu, results = asyncio.run(_timed_check(cited, settings))
        ours.send("stop")
        stats: dict[str, Any] = ours.recv()
        server_cpu = stats.pop("cpu_s")
    finally:
        server.join(10)
        if server.is_alive():
            server.terminate()

    statuses: dict[str, int] = cli_statuses if options.cli else {}
    for result in results:
        statuses[result.status.value] = statuses.get(result.status.value, 0) + 1
    slowest = max(hosts, key=lambda h: math.ceil(per_host / h[2]) * h[1])
    offline_seconds, offline_count = offline_figure()
    figures = {
        "mode": "cli" if options.cli else "library",
        "urls": len(cited),
        "hosts": HOSTS,
        "floor_s": round(floor, 3),
        "slowest_host": {"address": slowest[0], "latency_s": slowest[1], "limit": slowest[2]},
        "wall_s": round(elapsed, 3),
        "ratio": round(elapsed / floor, 3),
        "statuses": statuses,
        "requests": sum(s["requests"] for s in stats.values()),
        "throttled_total": sum(s["throttled"] for s in stats.values()),
        "throttled_per_host": {a: stats[a]["throttled"] for a, _, _ in hosts},
        "throttled_max_per_host": max(s["throttled"] for s in stats.values()),
        "client_cpu_s": round(client_cpu, 2),
        "server_cpu_s": round(server_cpu, 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "peak_rss_mb": round(
            cli_rss if options.cli else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            1,
        ),
        "offline_100_links_s": round(offline_seconds, 3),
        "offline_reported": offline_count,
    }
    if options.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{figures['urls']} URLs over {HOSTS} hosts; statuses {statuses}")
        print(f"floor {floor:.2f} s (slowest host {slowest}); wall {elapsed:.2f} s;")
        print(f"ratio {figures['ratio']:.2f}; requests {figures['requests']};")
        print(
            f"429s {figures['throttled_total']} in all, at most "
            f"{figures['throttled_max_per_host']} on one host"
        )
        print(f"peak RSS {figures['peak_rss_mb']} MB")
        print(
            f"CPU: {'citecheck check' if options.cli else 'checker'} {client_cpu:.2f} s, "
            f"server {server_cpu:.2f} s; "
            f"load average {figures['load_average_1min']}"
        )
        print(f"offline: {offline_count} of 100 links reported offline in {offline_seconds:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
