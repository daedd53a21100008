"""Loopback stand-ins for qa6: the cited web (127.0.0.61:8061), Crossref (127.0.0.62:8062),
OpenAlex (127.0.0.63:8063). Pages come from out/pages.json (written by make.py).

Web routes: /p/<slug> 200 page (title/author/date/body from pages.json); /gone/... 404;
/moved/<slug> 301 -> /p/<slug>; /soft/... 200 "Page not found"; /doi/<doi> 302 -> /p/doi-<doi>.
Every request is logged to out/requests.log (one line each) so a run's traffic can be counted.
Run: setsid python qa6/web.py &   (stop: kill the pid in out/web.pid)
"""
from __future__ import annotations

import html
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests" / "sources"))
from sources_standins import CrossrefStandIn, OpenAlexStandIn  # noqa: E402

OUT = HERE / "out"
LOG = OUT / "requests.log"
LOCK = threading.Lock()


def log(line: str) -> None:
    with LOCK, LOG.open("a") as f:
        f.write(f"{time.time():.3f} {line}\n")


def page(p: dict) -> bytes:
    meta = ""
    if p.get("author"):
        meta += f'<meta name="author" content="{html.escape(p["author"])}">'
    if p.get("date"):
        meta += f'<meta property="article:published_time" content="{p["date"]}">'
    body = "".join(f"<p>{html.escape(x)}</p>" for x in p.get("body", []))
    filler = "<p>" + ("This page is part of the archive of public documents. " * 15) + "</p>"
    return (f"<!DOCTYPE html><html><head><title>{html.escape(p['title'])}</title>{meta}</head>"
            f"<body><nav>Home | Publications | About</nav><main><h1>{html.escape(p['title'])}</h1>"
            f"{body}{filler}</main><footer>Contact us</footer></body></html>").encode()


class Web(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):  # noqa: ANN002
        pass

    def send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        hs = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        for k, v in hs.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        log(f"web {self.command} {self.path}")
        pages = json.loads((OUT / "pages.json").read_text())
        path = unquote(urlsplit(self.path).path)
        if path.startswith("/p/") and path[3:] in pages:
            return self.send(200, page(pages[path[3:]]))
        if path.startswith("/moved/"):
            return self.send(301, b"", {"Location": "/p/" + path[len("/moved/"):]})
        if path.startswith("/doi/"):
            doi = path[5:].lower()
            if "doi-" + doi in pages:
                return self.send(302, b"", {"Location": "/p/doi-" + doi})
            return self.send(404, b"<html><title>DOI Not Found</title></html>")
        if path.startswith("/soft/"):
            return self.send(200, b"<html><head><title>Page not found</title></head><body>"
                             b"<h1>Sorry, we couldn't find that page.</h1></body></html>")
        return self.send(404, b"<html><head><title>404 Not Found</title></head><body>"
                         b"<h1>Not Found</h1><p>The requested URL was not found.</p></body></html>")


class LoggedCrossref(CrossrefStandIn):
    def route(self, seen):  # type: ignore[no-untyped-def]
        log(f"crossref {seen.path} {seen.query}")
        return super().route(seen)


class LoggedOpenAlex(OpenAlexStandIn):
    def route(self, seen):  # type: ignore[no-untyped-def]
        log(f"openalex {seen.path} {seen.query}")
        return super().route(seen)


def main() -> None:
    records = json.loads((OUT / "records.json").read_text())
    cr = LoggedCrossref(records["crossref"], "127.0.0.62").start()
    oa = LoggedOpenAlex(records["openalex"], "127.0.0.63").start()
    web = ThreadingHTTPServer(("127.0.0.61", 8061), Web)
    web.daemon_threads = True
    (OUT / "bases.json").write_text(json.dumps(
        {"web": "http://127.0.0.61:8061", "crossref": cr.base, "openalex": oa.base}))
    (OUT / "web.pid").write_text(str(os.getpid()))
    web.serve_forever()


if __name__ == "__main__":
    main()
