"""Benchmark: the batch's link pass alone (20,000 URLs, 200 hosts), and where its time goes.

The same hosts as ``benchmarks/batch.py`` (127.0.0.2 ... 127.0.0.201, 100 URLs
each, latency 50-150 ms, hidden limits 2-12, 429 above), checked as the
batch's link pass checks them: ``LocalEngine.check_urls`` with its worker
processes, each taking a part of the hosts, verdicts written to a SQLite store.
The pool is started (and its workers' imports done) before the clock starts,
as in a batch, whose read pass has used it already.

Beyond the wall time against the hosts' floor, it says why the pass is
longer than the floor: for the hosts that finish last, how long each round of
requests took against the host's own latency. The hosts' server records when
it began and ended each answer; the time between the end of one answer and
the next request on that slot is the client's (reading the answer, judging
it, the event loop getting round to it). A host with a limit of 2 and 100 URLs
needs about 51 rounds: every millisecond of client lag per round is 51 ms on
the run.

Run: ``python benchmarks/batch_links.py`` (about 30 s), ``--json`` for every
figure, ``--workers N`` to override the pool's size.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import plan, serve

from citecheck.batch import LocalEngine
from citecheck.config import Settings
from citecheck.links import normalise_url
from citecheck.store import open_store, sqlite_url

HOSTS = 200
URLS_PER_HOST = 100
SHOWN = 8  # the hosts that finished last, in the report


def _warm(path: str, _: None) -> str:
    """Run in each worker before timing: the link stage's imports, as a batch's read pass does."""
    import citecheck.batch.links
    import citecheck.links.checker  # noqa: F401

    return path


def host_figures(
    hosts: list[tuple[str, float, int]],
    served: dict[str, list[tuple[float, float]]],
    started: float,
) -> list[dict[str, Any]]:
    """Per host: when it finished, its own floor, and the client's lag per round."""
    figures = []
    for address, latency, limit in hosts:
        answers = sorted(served.get(address, []))
        if not answers:
            continue
        rounds = math.ceil(len(answers) / limit)
        span = answers[-1][1] - answers[0][0]
        per_round = span / rounds if rounds > 1 else latency
        # The host's own answer time beyond its latency (its server's loop running late).
        served_for = sum(end - start for start, end in answers) / len(answers)
        figures.append(
            {
                "host": address,
                "limit": limit,
                "latency_ms": round(latency * 1000),
                "answers": len(answers),
                "first_s": round(answers[0][0] - started, 2),
                "finished_s": round(answers[-1][1] - started, 2),
                "own_floor_s": round(math.ceil(URLS_PER_HOST / limit) * latency, 2),
                "round_ms": round(per_round * 1000, 1),
                "client_lag_ms": round((per_round - served_for) * 1000, 1),
                "server_late_ms": round((served_for - latency) * 1000, 1),
            }
        )
    return sorted(figures, key=lambda f: -f["finished_s"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    parser.add_argument("--workers", type=int, default=None, help="link worker processes")
    options = parser.parse_args()

    hosts = plan(HOSTS)
    floor = max(math.ceil(URLS_PER_HOST / limit) * latency for _, latency, limit in hosts)
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=serve, args=(hosts, theirs), daemon=True)
    server.start()
    engine = LocalEngine(workers=options.workers)
    try:
        ports = dict(ours.recv())
        urls = [
            f"http://{address}:{ports[address]}/reports/{n}"
            for n in range(URLS_PER_HOST)
            for address, _, _ in hosts
        ]
        pairs = [(normalise_url(url), url) for url in urls]
        list(engine.map_unordered(_warm, [str(n) for n in range(engine.workers * 2)], None))
        ours.send("timings")
        ours.recv()  # nothing yet; clears the record
        ours.send("stats")
        before = ours.recv()
        with tempfile.TemporaryDirectory() as folder:
            store_url = sqlite_url(Path(folder) / "store.sqlite3")
            open_store(store_url, max_age=1e9).close()  # creates the schema
            store = open_store(store_url, max_age=1e9)
            cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            checked = 0

            def advance(count: int) -> None:
                nonlocal checked
                checked += count

            started = time.monotonic()
            engine.check_urls(
                [pairs], store=store, batch_id="links", settings=Settings(), advance=advance
            )
            wall = time.monotonic() - started
            engine.close()  # the workers' CPU is counted once they have exited
            cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            store.close()
        ours.send("stats")
        after = ours.recv()
        ours.send("timings")
        served: dict[str, list[tuple[float, float]]] = ours.recv()
        ours.send("stop")
    finally:
        engine.close()
        server.join(10)
        if server.is_alive():
            server.terminate()

    per_host = host_figures(hosts, served, started)
    workers_cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (
        cpu_after.ru_stime - cpu_before.ru_stime
    )
    figures = {
        "urls": len(urls),
        "checked": checked,
        "hosts": HOSTS,
        "workers": engine.workers,
        "floor_s": round(floor, 3),
        "wall_s": round(wall, 2),
        "ratio": round(wall / floor, 3),
        "requests": after["requests"] - before["requests"],
        "throttled": after["throttled"] - before["throttled"],
        "workers_cpu_s": round(workers_cpu, 2),
        "hosts_cpu_s": round(after["cpu_s"] - before["cpu_s"], 2),
        "load_average": round(os.getloadavg()[0], 2),
        "last_hosts": per_host[:SHOWN],
    }
    if options.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"{figures['urls']} URLs over {HOSTS} hosts, {figures['workers']} workers: wall "
        f"{figures['wall_s']} s, floor {figures['floor_s']} s, ratio {figures['ratio']}; "
        f"requests {figures['requests']}, 429s {figures['throttled']}; CPU workers "
        f"{figures['workers_cpu_s']} s, hosts {figures['hosts_cpu_s']} s; "
        f"load {figures['load_average']}"
    )
    print("hosts that finished last (round = the time per round of requests at its limit):")
    for f in figures["last_hosts"]:
        print(
            f"  {f['host']:<13} limit {f['limit']:>2}, {f['latency_ms']:>3} ms: first answer "
            f"{f['first_s']:5.2f} s, finished {f['finished_s']:5.2f} s (own floor "
            f"{f['own_floor_s']:.2f} s); round {f['round_ms']} ms, client lag "
            f"{f['client_lag_ms']} ms, server late {f['server_late_ms']} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
