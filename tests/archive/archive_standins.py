"""Loopback stand-ins for the archive services and for the cited web.

Real HTTP servers on 127.0.0.x, speaking the wire formats of
shared/research/archiving.md:

* ``ia`` (127.0.0.2): the Internet Archive's Availability API, CDX server
  (IA's array-of-arrays JSON with its header row, ``filter``/``from``/``to``/
  ``limit``), Save Page Now 2 (``/save``, ``/save/status/<job>``, with its
  quirks) and replay (``/web/<ts>id_/<url>``), plus Perma.cc's ``/v1/`` API;
* ``web`` (127.0.0.3): the cited pages, with redirects, gzip and chunked
  answers.

Every request is recorded (arrival time, method, path, query, headers,
body) so tests can count and inspect what citecheck sent.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

IA_KEYS = "access:secret"
PERMA_KEY = "perma-key-123"
PERMA_FOLDER = 27
SPN_TIMESTAMP = "20261128073000"


@dataclass
class Recorded:
    at: float
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes

    def param(self, name: str) -> str | None:
        values = [value for key, value in self.query if key == name]
        return values[0] if values else None

    def params(self, name: str) -> list[str]:
        return [value for key, value in self.query if key == name]


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class _Server(ThreadingHTTPServer):
    daemon_threads = True


class StandIn:
    """A server on one loopback address; subclasses route requests."""

    def __init__(self, host: str) -> None:
        self.requests: list[Recorded] = []
        # Scripted replies taken before normal routing: path prefix -> replies.
        self.scripted: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                record = Recorded(
                    at=time.monotonic(),
                    method=self.command,
                    path=parts.path,
                    query=parse_qsl(parts.query, keep_blank_values=True),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                )
                with owner._lock:
                    owner.requests.append(record)
                    reply = owner._take_scripted(self.path)
                if reply is None:
                    reply = owner.route(record, self.path)
                if reply.headers.get("Transfer-Encoding") == "chunked":
                    self._send_chunked(reply)
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(reply.body)

            def _send_chunked(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                for start in range(0, len(reply.body), 7):
                    piece = reply.body[start : start + 7]
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")

            do_GET = do_POST = do_HEAD = _handle

        self.server = _Server((host, 0), Handler)
        self.host = host
        self.port = self.server.server_address[1]
        self.base = f"http://{host}:{self.port}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def script(self, prefix: str, *replies: Reply) -> None:
        self.scripted.setdefault(prefix, []).extend(replies)

    def _take_scripted(self, path: str) -> Reply | None:
        for prefix, queue in self.scripted.items():
            if path.startswith(prefix) and queue:
                return queue.pop(0)
        return None

    def route(self, record: Recorded, raw_path: str) -> Reply:
        return Reply(404, b"not found")

    def hits(self, prefix: str, method: str | None = None) -> list[Recorded]:
        return [
            r
            for r in self.requests
            if r.path.startswith(prefix) and (method is None or r.method == method)
        ]


def _json(data: object, status: int = 200) -> Reply:
    return Reply(status, json.dumps(data).encode(), {"Content-Type": "application/json"})


@dataclass
class Capture:
    """One capture the stand-in archive holds."""

    timestamp: str
    original: str
    statuscode: str = "200"
    mimetype: str = "text/html"
    body: bytes = b""
    digest: str = ""


class ArchiveStandIn(StandIn):
    """Internet Archive (availability, CDX, SPN2, replay) and Perma.cc."""

    def __init__(self, host: str) -> None:
        super().__init__(host)
        self.captures: dict[str, list[Capture]] = {}
        # Behave like IA's availability API on a bad day: answer {} always.
        self.availability_empty = False
        # Serve CDX rows without applying filter= (as a looser CDX server would).
        self.cdx_ignores_filters = False
        self.cdx_blocked = False
        self.spn_pending_polls = 2
        self.spn_polls: dict[str, int] = {}
        self.perma_links: list[dict[str, Any]] = []
        self.perma_job_polls: dict[str, int] = {}

    def add(self, url: str, *captures: Capture) -> None:
        self.captures.setdefault(url, []).extend(captures)
        self.captures[url].sort(key=lambda c: c.timestamp)

    def route(self, record: Recorded, raw_path: str) -> Reply:
        path = record.path
        if path == "/wayback/available":
            return self._available(record)
        if path == "/cdx/search/cdx":
            return self._cdx(record)
        if path == "/save" and record.method == "POST":
            return self._save(record)
        if path.startswith("/save/status/"):
            return self._save_status(record, path.removeprefix("/save/status/"))
        if path.startswith("/web/"):
            return self._replay(raw_path)
        if path == "/v1/archives/" and record.method == "POST":
            return self._perma_create(record)
        if path.startswith("/v1/capture_jobs/"):
            return self._perma_job(record, path.removeprefix("/v1/capture_jobs/").strip("/"))
        return Reply(404, b"not found")

    # -- Availability ------------------------------------------------------

    def _available(self, record: Recorded) -> Reply:
        url = record.param("url") or ""
        answer: dict[str, Any] = {"url": url, "archived_snapshots": {}}
        captures = self.captures.get(url, [])
        if self.availability_empty or not captures:
            return _json(answer)
        wanted = record.param("timestamp")
        if wanted:
            wanted = wanted.ljust(14, "0")
            # Closest either side, any status: the real API's behaviour.
            best = min(captures, key=lambda c: abs(int(c.timestamp) - int(wanted)))
        else:
            best = captures[-1]
        answer["archived_snapshots"] = {
            "closest": {
                "available": True,
                "url": f"http://web.archive.org/web/{best.timestamp}/{best.original}",
                "timestamp": best.timestamp,
                "status": best.statuscode,
            }
        }
        return _json(answer)

    # -- CDX ---------------------------------------------------------------

    def _cdx(self, record: Recorded) -> Reply:
        if self.cdx_blocked:
            return Reply(
                403,
                b"org.archive.wayback.exception.AdministrativeAccessControlException: "
                b"Blocked Site Error",
                {"Content-Type": "text/plain"},
            )
        url = record.param("url") or ""
        fields = (record.param("fl") or "urlkey,timestamp,original,mimetype,statuscode").split(",")
        rows = list(self.captures.get(url, []))
        start = record.param("from")
        if start:
            rows = [c for c in rows if c.timestamp >= start.ljust(14, "0")]
        end = record.param("to")
        if end:
            rows = [c for c in rows if c.timestamp <= end.ljust(14, "9")]
        if not self.cdx_ignores_filters:
            for spec in record.params("filter"):
                negate = spec.startswith("!")
                name, _, pattern = spec.lstrip("!").partition(":")
                rows = [
                    c
                    for c in rows
                    if bool(re.fullmatch(pattern, str(getattr(c, name, "")))) != negate
                ]
        limit = record.param("limit")
        if limit:
            count = int(limit)
            rows = rows[count:] if count < 0 else rows[:count]
        if not rows:
            return Reply(200, b"[]", {"Content-Type": "application/json"})

        def value(c: Capture, name: str) -> str:
            if name == "urlkey":
                return "test)/"
            if name == "length":
                return str(len(c.body))
            return str(getattr(c, name))

        table = [fields, *([value(c, name) for name in fields] for c in rows)]
        return _json(table)

    # -- Replay ------------------------------------------------------------

    def _replay(self, raw_path: str) -> Reply:
        match = re.match(r"/web/(\d{14})(id_)?/(.+)$", raw_path)
        if match is None:
            return Reply(400, b"bad replay path")
        timestamp, _, original = match.groups()
        for captures in self.captures.values():
            for capture in captures:
                if capture.timestamp == timestamp and capture.original == original:
                    when = datetime.strptime(timestamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
                    return Reply(
                        int(capture.statuscode) if capture.statuscode.isdigit() else 200,
                        capture.body,
                        {
                            "Content-Type": capture.mimetype,
                            "Memento-Datetime": when.strftime("%a, %d %b %Y %H:%M:%S GMT"),
                            "Link": f'<{original}>; rel="original"',
                        },
                    )
        return Reply(404, b"Wayback Machine has not archived that URL.")

    # -- Save Page Now 2 ---------------------------------------------------

    @staticmethod
    def job_id(url: str) -> str:
        # SPN2 hands back the same job for the same page: fold a trailing slash.
        return "spn2-" + hashlib.sha1(url.rstrip("/").encode()).hexdigest()

    def _save(self, record: Recorded) -> Reply:
        if record.headers.get("authorization") != f"LOW {IA_KEYS}":
            return _json({"message": "You need to be logged in to use Save Page Now."}, 401)
        form = parse_qs(record.body.decode())
        url = form.get("url", [""])[0]
        if "spn-daily" in url:
            return _json(
                {
                    "status": "error",
                    "status_ext": "error:too-many-daily-captures",
                    "message": "This URL has been already captured 5 times today.",
                }
            )
        if "spn-busy" in url:
            return Reply(429, b"Too Many Requests", {"Retry-After": "0"})
        if "spn-message" in url:
            return _json({"message": "You have already reached the limit of active sessions."})
        if "spn-bandwidth" in url:
            return _json(
                {
                    "status": "error",
                    "status_ext": "error:max-daily-bandwidth",
                    "message": "Daily bandwidth exceeded.",
                }
            )
        return _json({"url": url, "job_id": self.job_id(url)})

    def _save_status(self, record: Recorded, job_id: str) -> Reply:
        if record.headers.get("authorization") != f"LOW {IA_KEYS}":
            return _json({"message": "You need to be logged in to use Save Page Now."}, 401)
        url = next(
            (
                parse_qs(r.body.decode()).get("url", [""])[0]
                for r in self.requests
                if r.path == "/save"
                and r.body
                and self.job_id(parse_qs(r.body.decode()).get("url", [""])[0]) == job_id
            ),
            None,
        )
        if url is None:
            return _json({"status": "error", "status_ext": "error:job-failed", "message": "?"})
        polls = self.spn_polls[job_id] = self.spn_polls.get(job_id, 0) + 1
        if "spn-forever" in url or polls <= self.spn_pending_polls:
            return _json({"status": "pending", "job_id": job_id, "resources": []})
        if "spn-notfound" in url:
            return _json(
                {
                    "status": "error",
                    "exception": "404",
                    "status_ext": "error:not-found",
                    "job_id": job_id,
                    "message": "The server cannot find the requested resource.",
                    "resources": [],
                }
            )
        return _json(
            {
                "status": "success",
                "job_id": job_id,
                "original_url": url,
                "timestamp": SPN_TIMESTAMP,
                "duration_sec": 6.2,
                "http_status": 200,
                "resources": [url],
                "counters": {"embeds": 0, "outlinks": 0},
            }
        )

    # -- Perma.cc ----------------------------------------------------------

    def _perma_create(self, record: Recorded) -> Reply:
        if record.headers.get("authorization") != f"ApiKey {PERMA_KEY}":
            return _json({"detail": "Invalid token."}, 401)
        try:
            body = json.loads(record.body)
        except ValueError:
            return _json({"error": ["JSON parse error"]}, 400)
        url = body.get("url", "")
        if body.get("folder") not in (None, PERMA_FOLDER):
            return _json({"folder": ["Folder not found."]}, 400)
        if "perma-quota" in url:
            return _json(
                {
                    "error": [
                        "Perma can't create this link. You've reached your usage limit. "
                        "Visit your Usage Plan page for information and plan options."
                    ]
                },
                400,
            )
        if "perma-bad" in url:
            return _json({"url": ["Couldn't resolve domain."]}, 400)
        guid = f"{len(self.perma_links) + 1:04d}-ABCD"
        pending = "perma-pending" in url
        link = {
            "guid": guid,
            "creation_timestamp": "2026-11-28T07:31:19.516152Z",
            "url": url,
            "title": "A page",
            "description": None,
            "warc_size": None,
            "warc_download_url": f"https://api.perma.cc/v1/archives/{guid}/download",
            "captures": [
                {
                    "role": "primary",
                    "status": "pending" if pending else "success",
                    "url": url,
                    "record_type": "response",
                    "content_type": "text/html",
                    "user_upload": False,
                }
            ],
            "queue_time": None,
            "capture_time": None,
            "notes": "",
            "is_private": False,
            "private_reason": None,
            "user_deleted": False,
            "archive_timestamp": "2026-11-29T07:31:19.516152Z",
            "organization": None,
        }
        self.perma_links.append(link)
        return _json(link, 201)

    def _perma_job(self, record: Recorded, guid: str) -> Reply:
        if record.headers.get("authorization") != f"ApiKey {PERMA_KEY}":
            return _json({"detail": "Invalid token."}, 401)
        polls = self.perma_job_polls[guid] = self.perma_job_polls.get(guid, 0) + 1
        return _json(
            {
                "guid": guid,
                "status": "in_progress" if polls < 2 else "completed",
                "message": "",
                "submitted_url": "",
                "attempt": 1,
                "step_count": 3.0,
                "step_description": "Saving web archive file",
                "capture_start_time": "2026-11-28T07:31:20Z",
                "capture_end_time": None,
                "queue_position": 0,
                "title": "",
                "user_deleted": False,
            }
        )


class WebStandIn(StandIn):
    """The cited web: path -> reply, with a few built-in behaviours."""

    def __init__(self, host: str) -> None:
        super().__init__(host)
        self.pages: dict[str, Reply] = {}

    def page(self, path: str, body: bytes | str, *, status: int = 200, **headers: str) -> str:
        data = body.encode() if isinstance(body, str) else body
        merged = {"Content-Type": "text/html; charset=utf-8"}
        merged.update({name.replace("_", "-"): value for name, value in headers.items()})
        self.pages[path] = Reply(status, data, merged)
        return self.base + path

    def gzipped(self, path: str, body: str) -> str:
        self.pages[path] = Reply(
            200,
            gzip.compress(body.encode()),
            {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
        )
        return self.base + path

    def redirect(self, path: str, target: str, status: int = 301) -> str:
        self.pages[path] = Reply(status, b"", {"Location": target})
        return self.base + path

    def route(self, record: Recorded, raw_path: str) -> Reply:
        return self.pages.get(raw_path) or Reply(404, b"<h1>Not found</h1>")


FIXED_NOW = datetime(2026, 11, 28, 7, 30, 0, tzinfo=UTC)


def html(title: str, *paragraphs: str, nav: str = "Home | About | Contact") -> str:
    """A page with boilerplate around its paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title><style>p {{ color: red }}</style></head>"
        f"<body><nav>{nav}</nav><header>Site header</header><main>{body}</main>"
        f"<footer>Copyright footer</footer><script>var x = 1;</script></body></html>"
    )
