"""Loopback web for the qa4 batch test: 8 hosts on 127.0.0.2-9, run until killed.

Hosts (by domain role): alive, dead (404/410), ratelimited (429 with Retry-After above 4 in
flight), redirecting (301 to the alive host), slow (2 s per answer), mixed (some dead), gone
(connection refused: no server), soft404 (200 "Page not found" for anything).
Writes qa/out/web.json with each host's base URL; counts hits per path into
qa/out/hits.json on SIGTERM / every 2 s.
"""
from __future__ import annotations

import json
import signal
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "links"))
from links_testweb import Response, TestWeb, closed_port, html_page  # noqa: E402

OUT = Path(__file__).parent / "out"
OUT.mkdir(exist_ok=True)
web = TestWeb()
hosts = {}


def page(title: str) -> bytes:
    return html_page(title, f"<p>{title}. " + "Substantial article body text about border policy. " * 30 + "</p>")


alive = web.add_host("127.0.0.2")
import re
REAL = re.compile(r"^(/moved)?/doc/[a-z0-9]+-[0-9]+\.html$")
async def alive_h(req):
    if not REAL.match(req.path):  # a made-up address gets a real 404
        return Response(status=404, body=html_page("Not Found", "<p>No such page.</p>"))
    return Response(body=page("Report " + req.path))
alive.fallback = alive_h
hosts["alive"] = alive.base

dead = web.add_host("127.0.0.3")
async def dead_h(req):
    if req.path.startswith("/gone"):
        return Response(status=410, body=html_page("Gone", "<p>Gone.</p>"))
    return Response(status=404, body=html_page("Not Found", "<p>No such page.</p>"))
dead.fallback = dead_h
hosts["dead"] = dead.base

rl = web.add_host("127.0.0.4")
rl.limit = 2
rl.retry_after = "1"
rl.latency = 0.2
rl.fallback = alive_h
hosts["ratelimited"] = rl.base

redir = web.add_host("127.0.0.5")
async def redir_h(req):
    return Response(status=301, headers={"Location": alive.base + "/moved" + req.path})
redir.fallback = redir_h
hosts["redirecting"] = redir.base

slow = web.add_host("127.0.0.6")
slow.latency = 2.0
slow.fallback = alive_h
hosts["slow"] = slow.base

mixed = web.add_host("127.0.0.7")
async def mixed_h(req):
    if not REAL.match(req.path) or req.path.endswith("7.html") or req.path.endswith("3.html"):
        return Response(status=404, body=html_page("Not Found", "<p>No such page.</p>"))
    return Response(body=page("Mixed " + req.path))
mixed.fallback = mixed_h
hosts["mixed"] = mixed.base

soft = web.add_host("127.0.0.8")
async def soft_h(req):
    return Response(body=html_page("Page not found", "<h1>Sorry, page not found</h1><p>The page you requested could not be found.</p>"))
soft.fallback = soft_h
hosts["soft404"] = soft.base

hosts["refused"] = f"http://127.0.0.9:{closed_port('127.0.0.9')}"

(OUT / "web.json").write_text(json.dumps(hosts, indent=1))


def dump() -> None:
    data = {h.address: {f"{m} {p}": n for (m, p), n in h.requests.items()} for h in web.hosts}
    (OUT / "hits.json").write_text(json.dumps(data, indent=0, sort_keys=True))


stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())
print("ready", flush=True)
while not stop.wait(2):
    dump()
dump()
web.close()
