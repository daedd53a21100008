"""Loopback stand-ins for Crossref, OpenAlex and CourtListener, in their wire formats.

Real HTTP servers on 127.0.0.x holding a list of records each:

* ``CrossrefStandIn``: ``GET /works/{doi}`` (the ``work`` envelope, or 404
  with the body ``Resource not found.``) and ``GET /works?query.bibliographic=
  &rows=`` (a ``work-list`` whose ``items`` carry a relevance ``score``),
  ``X-Rate-Limit-Limit``/``X-Rate-Limit-Interval`` on every answer, and
  optionally a real limit (429 with ``Retry-After`` beyond it);
* ``OpenAlexStandIn``: ``GET /works/doi:{doi}`` and ``GET /works?search=``
  (``meta`` + ``results`` with ``relevance_score``);
* ``CourtListenerStandIn``: ``POST /api/rest/v4/citation-lookup/`` (form
  field ``text``, ``Authorization: Token ...``), answering the list of
  citation objects with ``status``/``error_message``/``clusters``: 200 (one
  cluster), 300 (several clusters: ambiguous), 400 (a volume the reporter
  never had), 404, 429 for citations past ``per_request``; a whole request
  answered HTTP 429 with ``wait_until`` while ``throttle`` lasts; citations
  in reporters it does not know are not found in the text at all (eyecite
  extracts only known reporters);
* ``OddStandIn``: a service answering every request 200 with a proxy's HTML
  page (``"html"``) or a JSON envelope of the wrong shape (``"null"``:
  Crossref's ``message`` null, OpenAlex's ``results`` null, no ``id``).

Search ranks every held record by a TF-IDF score of the query's words
against the record's title, authors, container, year, volume and pages: the
stand-in knows nothing about which record a test expects, so a decoy that
shares more words can outrank the right work, as in the real index.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

TOKEN = "cl-token-123"


@dataclass
class Seen:
    at: float
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: str


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


class _Server(ThreadingHTTPServer):
    daemon_threads = True


class StandIn:
    """A loopback server; subclasses answer ``route``."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.requests: list[Seen] = []
        self.lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length).decode("utf-8") if length else ""
                parts = urlsplit(self.path)
                seen = Seen(
                    time.monotonic(),
                    self.command,
                    unquote(parts.path),
                    dict(parse_qsl(parts.query)),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
                status, headers, payload = owner.answer(seen)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = _serve
            do_POST = _serve

        self._server = _Server((host, 0), Handler)
        self.base = f"http://{host}:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    def start(self) -> StandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            self.requests.append(seen)
        return self.route(seen)

    def route(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        raise NotImplementedError


def _json(
    status: int, data: object, headers: Mapping[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    return (
        status,
        {"Content-Type": "application/json", **(headers or {})},
        json.dumps(data).encode(),
    )


class Ranker:
    """TF-IDF over the searchable text of each record."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.docs = [Counter(words(t)) for t in texts]
        df: Counter[str] = Counter()
        for doc in self.docs:
            df.update(doc.keys())
        n = max(1, len(self.docs))
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}

    def rank(self, query: str, limit: int) -> list[tuple[int, float]]:
        terms = Counter(words(query))
        scored = []
        for i, doc in enumerate(self.docs):
            score = sum(self.idf.get(t, 0.0) * min(doc[t], q) for t, q in terms.items() if t in doc)
            if score > 0:
                scored.append((i, round(10 * score, 3)))
        scored.sort(key=lambda pair: -pair[1])
        return scored[:limit]


def _crossref_text(work: Mapping[str, Any]) -> str:
    parts: list[str] = []
    for key in ("title", "subtitle", "container-title", "short-container-title"):
        parts.extend(str(x) for x in work.get(key) or ())
    for person in work.get("author") or ():
        parts.append(str(person.get("family") or person.get("name") or ""))
    for key in ("published-print", "published-online", "issued"):
        with contextlib.suppress(KeyError, IndexError, TypeError):
            parts.append(str(work[key]["date-parts"][0][0]))
    parts.extend(str(work.get(k) or "") for k in ("volume", "page"))
    return " ".join(parts)


class CrossrefStandIn(StandIn):
    """Crossref's REST API over ``works`` (Crossref work messages)."""

    def __init__(
        self,
        works: Iterable[Mapping[str, Any]],
        host: str = "127.0.0.1",
        *,
        stated_limit: int = 50,
        enforce: int | None = None,
        fail_with: int | None = None,
    ) -> None:
        super().__init__(host)
        self.works = [dict(w) for w in works]
        self.by_doi = {str(w["DOI"]).lower(): w for w in self.works if w.get("DOI")}
        self.ranker = Ranker(_crossref_text(w) for w in self.works)
        self.stated_limit = stated_limit
        self.enforce = enforce
        self.fail_with = fail_with
        self.fail_retry_after: str | None = None  # a Retry-After sent with ``fail_with``
        self.too_many = 0
        self._recent: list[float] = []

    def _limit_headers(self) -> dict[str, str]:
        return {"X-Rate-Limit-Limit": str(self.stated_limit), "X-Rate-Limit-Interval": "1s"}

    def route(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        headers = self._limit_headers()
        if self.enforce is not None:
            with self.lock:
                now = time.monotonic()
                self._recent = [t for t in self._recent if now - t < 1.0]
                if len(self._recent) >= self.enforce:
                    self.too_many += 1
                    return 429, {**headers, "Retry-After": "1"}, b"Too Many Requests"
                self._recent.append(now)
        if self.fail_with is not None:
            if self.fail_retry_after is not None:
                headers = {**headers, "Retry-After": self.fail_retry_after}
            return self.fail_with, headers, b"Service Unavailable"
        if seen.path.startswith("/works/"):
            work = self.by_doi.get(seen.path.removeprefix("/works/").lower())
            if work is None:
                return 404, {**headers, "Content-Type": "text/plain"}, b"Resource not found."
            envelope = {
                "status": "ok",
                "message-type": "work",
                "message-version": "1.0.0",
                "message": work,
            }
            return _json(200, envelope, headers)
        if seen.path == "/works":
            query = seen.query.get("query.bibliographic", "")
            rows = int(seen.query.get("rows", "20"))
            ranked = self.ranker.rank(query, rows)
            items = [{**self.works[i], "score": score} for i, score in ranked]
            message = {
                "facets": {},
                "total-results": len(ranked),
                "items": items,
                "items-per-page": rows,
                "query": {"start-index": 0, "search-terms": query},
            }
            envelope = {
                "status": "ok",
                "message-type": "work-list",
                "message-version": "1.0.0",
                "message": message,
            }
            return _json(200, envelope, headers)
        return 404, {"Content-Type": "text/plain"}, b"Resource not found."


def _openalex_text(work: Mapping[str, Any]) -> str:
    parts = [str(work.get("title") or work.get("display_name") or "")]
    for authorship in work.get("authorships") or ():
        parts.append(str((authorship.get("author") or {}).get("display_name") or ""))
    return " ".join(parts)


class OpenAlexStandIn(StandIn):
    """OpenAlex's works API over ``works`` (OpenAlex work objects)."""

    def __init__(self, works: Iterable[Mapping[str, Any]], host: str = "127.0.0.1") -> None:
        super().__init__(host)
        self.works = [dict(w) for w in works]
        self.by_doi = {
            str(w["doi"]).lower().removeprefix("https://doi.org/"): w
            for w in self.works
            if w.get("doi")
        }
        self.by_id = {
            str(w["id"]).removeprefix("https://openalex.org/"): w for w in self.works if w.get("id")
        }
        # OpenAlex's search looks at titles (and abstracts, full text), not at authors.
        self.ranker = Ranker(str(w.get("title") or w.get("display_name") or "") for w in self.works)

    def route(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.path.startswith(("/works/doi:", "/works/https://doi.org/")):
            doi = seen.path.removeprefix("/works/").removeprefix("doi:")
            work = self.by_doi.get(doi.removeprefix("https://doi.org/").lower())
            if work is None:
                return _json(
                    404,
                    {"error": "404 Not Found", "message": "The requested resource was not found."},
                )
            return _json(200, work)
        if seen.path.startswith("/works/W"):
            work = self.by_id.get(seen.path.removeprefix("/works/"))
            if work is None:
                return _json(
                    404,
                    {"error": "404 Not Found", "message": "The requested resource was not found."},
                )
            return _json(200, work)
        if seen.path == "/works" and seen.query.get("filter", "").startswith("doi:"):
            wanted = seen.query["filter"].removeprefix("doi:").lower().split("|")
            if len(wanted) > 50:
                return _json(
                    403, {"error": "Invalid query parameters", "message": "too many values"}
                )
            fields = [f for f in seen.query.get("select", "").split(",") if f]
            found = [self.by_doi[d] for d in wanted if d in self.by_doi]
            if fields:
                found = [{k: w.get(k) for k in fields} for w in found]
            meta = {
                "count": len(found),
                "db_response_time_ms": 3,
                "page": 1,
                "per_page": 50,
                "groups_count": None,
            }
            return _json(200, {"meta": meta, "results": found, "group_by": []})
        if seen.path == "/works":
            per_page = int(seen.query.get("per_page", "25"))
            ranked = self.ranker.rank(seen.query.get("search", ""), per_page)
            results = [{**self.works[i], "relevance_score": score} for i, score in ranked]
            meta = {
                "count": len(ranked),
                "db_response_time_ms": 4,
                "page": 1,
                "per_page": per_page,
                "groups_count": None,
            }
            return _json(200, {"meta": meta, "results": results, "group_by": []})
        return _json(
            404, {"error": "404 Not Found", "message": "The requested resource was not found."}
        )


# volume, reporter, first page; the page ends at a space, comma, bracket or the end, so
# "678 F. Supp. 3d 443" is not read as page 3 of "F. Supp.".
_CASE = re.compile(r"(\d{1,4})\s+([A-Z][A-Za-z0-9.\s]*?[A-Za-z.])\s+(\d{1,5})(?=[\s,;)]|$)")


def case_key(volume: str, reporter: str, page: str) -> str:
    squeezed = re.sub(r"[\s.]", "", reporter).lower()
    return f"{volume} {squeezed} {page}"


# Reporters the stand-in knows besides those of its clusters, with the volumes each has had.
REPORTERS = {
    "us": (1, 610),
    "sct": (1, 150),
    "led": (1, 100),
    "led2d": (1, 220),
    "f": (1, 300),
    "f2d": (1, 999),
    "f3d": (1, 999),
    "f4th": (1, 150),
    "fsupp": (1, 999),
    "fsupp2d": (1, 999),
    "fsupp3d": (1, 800),
}


class CourtListenerStandIn(StandIn):
    """CourtListener's citation-lookup API over ``clusters`` keyed by "volume reporter page"."""

    def __init__(
        self,
        clusters: Mapping[str, Any],
        host: str = "127.0.0.1",
        *,
        per_request: int = 250,
        throttle: int = 0,
        wait: float = 1.0,
    ) -> None:
        super().__init__(host)
        self.per_request = per_request
        self.throttle = throttle  # the next this many requests are answered HTTP 429
        self.wait = wait
        self.reporters = dict(REPORTERS)
        # citation -> its clusters, a list as in the lookup answer (a single cluster: one)
        self.clusters: dict[str, list[dict[str, Any]]] = {}
        for cite, value in clusters.items():
            found = _CASE.search(cite)
            if found:
                listed = value if isinstance(value, list) else [value]
                self.clusters[case_key(*found.groups())] = [dict(c) for c in listed]
                self.reporters.setdefault(case_key(*found.groups()).split()[1], (1, 9999))

    def route(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.path != "/api/rest/v4/citation-lookup/" or seen.method != "POST":
            return _json(404, {"detail": "Not found."})
        if seen.headers.get("authorization") != f"Token {TOKEN}":
            return _json(401, {"detail": "Invalid token."})
        with self.lock:
            throttled = self.throttle > 0
            self.throttle -= 1 if throttled else 0
        if throttled:
            until = datetime.now(UTC) + timedelta(seconds=self.wait)
            detail = f"Request was throttled. Expected available in {self.wait:g} seconds."
            return _json(429, {"detail": detail, "wait_until": until.isoformat()})
        text = dict(parse_qsl(seen.body)).get("text", "")
        answers = []
        for found in _CASE.finditer(text):
            key = case_key(*found.groups())
            volume, reporter, _ = key.split()
            if reporter not in self.reporters:
                continue  # eyecite sees no citation in an unknown reporter
            clusters = self.clusters.get(key) or []
            cite = " ".join(found.groups())
            low, high = self.reporters[reporter]
            if len(answers) >= self.per_request:
                status, message = 429, "Too many citations requested."
                clusters = []
            elif not low <= int(volume) <= high:
                status, message = 400, f"Unable to find a volume {volume} of '{found.group(2)}'."
            elif len(clusters) > 1:
                status, message = 300, ""
            elif clusters:
                status, message = 200, ""
            else:
                status, message = 404, f"Citation not found: '{cite}'"
            answers.append(
                {
                    "citation": found.group(0),
                    "normalized_citations": [cite],
                    "start_index": found.start(),
                    "end_index": found.end(),
                    "status": status,
                    "error_message": message,
                    "clusters": clusters if status in {200, 300} else [],
                }
            )
        return _json(200, answers)


class OddStandIn(StandIn):
    """A service answering 200 with something that is not its API (see the module docstring)."""

    def __init__(self, kind: str, host: str = "127.0.0.1") -> None:
        super().__init__(host)
        self.kind = kind

    def route(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if self.kind == "html":
            page = b"<html><body><h1>502</h1>Proxy error: upstream timed out</body></html>"
            return 200, {"Content-Type": "text/html; charset=utf-8"}, page
        if seen.path.startswith("/works/"):  # one work: Crossref's null message, no OpenAlex id
            return _json(200, {"status": "ok", "message-type": "work", "message": None})
        return _json(
            200, {"status": "ok", "message-type": "work-list", "message": None, "results": None}
        )


def closed_base() -> str:
    """A loopback address nobody listens on: every connection is refused."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
