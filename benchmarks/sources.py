"""Benchmark: 1,000 cited DOIs against a loopback Crossref that enforces 50 requests a second.

The stand-in (``tests/sources/sources_standins.py``) runs in its own process
and holds 1,000 works. It states its limit the way Crossref does
(``X-Rate-Limit-Limit: 50``, ``X-Rate-Limit-Interval: 1s``) and answers 429
with ``Retry-After: 1`` to any request beyond 50 in the last second. The
stage starts at its configured pace (10 a second) and must find the stated
limit from the headers. The floor is 1,000 / 50 = 20 s. The second run uses
the same cache file and must make no request at all.

A loopback OpenAlex (no limit, its own process too) holds the same works,
every tenth retracted: the stage asks it in batches of 50 DOIs after the
Crossref look-ups (``--no-openalex`` skips that check).

Run: ``python benchmarks/sources.py`` (about 25 s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "sources"))

from sources_standins import CrossrefStandIn, OpenAlexStandIn
from works_data import crossref_work

from citecheck.config import SourcesSettings
from citecheck.model import Citation, CitationType, Location, PartialDate, Person
from citecheck.sources import SqliteAnswerCache, look_up_sources

LIMIT = 50


def _works(count: int) -> list[dict[str, object]]:
    return [
        crossref_work(
            f"10.5555/bench.{i}",
            f"Benchmark study number {i} of things",
            [f"Author{i}"],
            2000 + i % 20,
            "Journal of Benchmarks",
            volume=str(i % 40 + 1),
            page=f"{i}-{i + 9}",
        )
        for i in range(count)
    ]


def _serve(count: int, pipe: Connection) -> None:
    server = CrossrefStandIn(_works(count), "127.0.0.1", stated_limit=LIMIT, enforce=LIMIT)
    server.start()
    # OpenAlex holds the same works (every tenth retracted), for the batched retraction check.
    openalex = OpenAlexStandIn(
        [
            {"id": f"https://openalex.org/W{i}", "doi": f"https://doi.org/10.5555/bench.{i}",
             "title": f"Benchmark study number {i} of things", "is_retracted": i % 10 == 0}
            for i in range(count)
        ],
        "127.0.0.1",
    )  # fmt: skip
    openalex.start()
    pipe.send((server.base, openalex.base))
    while pipe.recv() == "report":
        pipe.send(
            {
                "requests": len(server.requests),
                "too_many": server.too_many,
                "openalex_requests": len(openalex.requests),
            }
        )
    server.stop()
    openalex.stop()


def _citations(count: int) -> list[Citation]:
    return [
        Citation(
            note=str(i + 1),
            index=i,
            raw="",
            location=Location("bench.md", i + 1),
            type=CitationType.ARTICLE,
            authors=(Person(f"Author{i}"),),
            title=f"Benchmark study number {i} of things",
            container="Journal of Benchmarks",
            volume=str(i % 40 + 1),
            pages=str(i),
            date=PartialDate(2000 + i % 20),
            doi=f"10.5555/bench.{i}",
        )
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument(
        "--no-openalex", action="store_true", help="skip the batched OpenAlex retraction check"
    )
    args = parser.parse_args()
    mine, theirs = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, args=(args.count, theirs), daemon=True)
    server.start()
    crossref_base, openalex_base = mine.recv()
    settings = SourcesSettings(
        crossref_api=crossref_base,
        openalex_api=openalex_base,
        openalex_retractions=not args.no_openalex,
        mailto="bench@example.org",
    )
    citations = _citations(args.count)
    results: dict[str, object] = {"citations": args.count, "limit_per_second": LIMIT}
    with tempfile.TemporaryDirectory() as folder:
        for run in ("first", "rerun"):
            cache = SqliteAnswerCache(Path(folder) / "links.sqlite3")
            started = time.perf_counter()
            outcome = asyncio.run(look_up_sources(citations, settings, cache=cache))
            wall = time.perf_counter() - started
            cache.close()
            mine.send("report")
            served = mine.recv()
            matched = sum(1 for r in outcome.results if r.status.value == "matched")
            retracted = sum(1 for r in outcome.results if r.record and r.record.retracted)
            results[run] = {
                "wall_s": round(wall, 2),
                "requests_so_far": served["requests"],
                "http_429": served["too_many"],
                "matched": matched,
                "retracted": retracted,
                "openalex_requests_so_far": served["openalex_requests"],
                "requests_this_run": dict(outcome.requests),
            }
    mine.send("stop")
    server.join(timeout=5)
    floor = args.count / LIMIT
    first = results["first"]
    assert isinstance(first, dict)
    results["floor_s"] = floor
    results["ratio_to_floor"] = round(first["wall_s"] / floor, 3)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
