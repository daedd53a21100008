"""What both SQL backends share: the link cache's and the batch tables' queries.

The interface they implement is ``interface.Store``.

Link verdicts are kept as the link cache has always kept them (``links`` and
``history``); a batch adds its own tables (see ``migrations``): its runs, each
manuscript's stage and result, each manuscript's cited URLs with the year
they were cited, and the batch's verdict on each distinct URL. Everything a
batch learns is committed as it arrives, in small groups (``FLUSH_EVERY``
rows or ``FLUSH_SECONDS``), so an interrupted batch keeps all but the last
moment's work and a rerun repeats none of what was kept.
"""

from __future__ import annotations

import base64
import json
import re
import time
import zlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from citecheck.links.cache import compressed_text, in_groups, trusted_for
from citecheck.model import LinkResult, LinkStatus
from citecheck.store.carried import CarriedQueries
from citecheck.store.interface import ManuscriptRow, RotCount

__all__ = [
    "FLUSH_EVERY",
    "FLUSH_SECONDS",
    "SqlStore",
    "decode_link",
    "encode_link",
    "redact",
]

FLUSH_EVERY = 200
FLUSH_SECONDS = 0.5
_NOT_STORED = {LinkStatus.OFFLINE, LinkStatus.EXCLUDED}


def redact(url: str) -> str:
    """A store URL with its password replaced by ``***``, fit to print."""
    return re.sub(r"(://[^/:@]*:)[^@/]*@", r"\1***@", url)


def encode_link(result: LinkResult) -> str:
    """A verdict as one JSON text (page text zlib-compressed, base-85) for the batch tables."""
    text = result.page_text
    return json.dumps(
        {
            "url": result.url,
            "status": result.status.value,
            "reason": result.reason,
            "http_status": result.http_status,
            "final_url": result.final_url,
            "redirects": list(result.redirects),
            "checked_at": result.checked_at.isoformat() if result.checked_at else None,
            "from_cache": result.from_cache,
            "page_title": result.page_title,
            "page_meta": [list(pair) for pair in result.page_meta],
            "page_text": (
                None if text is None else base64.b85encode(compressed_text(text)).decode()
            ),
        },
        ensure_ascii=False,
    )


def decode_link(data: str) -> LinkResult:
    """The inverse of ``encode_link``."""
    raw = json.loads(data)
    packed = raw["page_text"]
    return LinkResult(
        url=raw["url"],
        status=LinkStatus(raw["status"]),
        reason=raw["reason"],
        http_status=raw["http_status"],
        final_url=raw["final_url"],
        redirects=tuple(raw["redirects"]),
        checked_at=datetime.fromisoformat(raw["checked_at"]) if raw["checked_at"] else None,
        from_cache=raw["from_cache"],
        page_title=raw["page_title"],
        page_meta=tuple((str(k), str(v)) for k, v in raw["page_meta"]),
        page_text=(None if packed is None else zlib.decompress(base64.b85decode(packed)).decode()),
    )


def believed(
    status: LinkStatus,
    http_status: int | None,
    checked_at: datetime,
    *,
    now: datetime,
    max_age: float,
) -> bool:
    """Whether a stored verdict is young enough to reuse (the link cache's rule)."""
    age = (now - checked_at).total_seconds()
    return 0 <= age <= trusted_for(status, http_status, max_age)


def storable(result: LinkResult) -> bool:
    """Fresh verdicts that say something about the URL (not offline, excluded or cached)."""
    return result.status not in _NOT_STORED and not result.from_cache


def _kept_verdict(result: LinkResult) -> str | None:
    return None if result.status is LinkStatus.OFFLINE else encode_link(result)


def _host_of(key: str) -> str:
    rest = key.split("://", 1)[-1]
    host = rest.split("/", 1)[0].split("@")[-1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SqlStore(CarriedQueries):
    """The batch tables' queries, in SQL both SQLite and PostgreSQL speak.

    Subclasses give ``_run`` (one statement), ``_many`` (one statement, many
    rows), ``_rows`` (a query) and ``_commit``; statements use ``?``. The
    tables one pass carries to the next are ``CarriedQueries``'.
    """

    url: str
    flush_every = FLUSH_EVERY

    def __init__(self) -> None:
        self._pending = 0
        self._last_flush = time.monotonic()
        # Verdicts wait here, not in an open transaction: the links stage reports
        # them from its event loop, and on SQLite an open write transaction makes
        # the other link worker's writes block its loop until requests time out
        # and are asked again. ``flush`` writes and commits them in one go.
        # (batch, URL key, verdict, link cache key)
        self._verdicts: list[tuple[str, str, LinkResult, str]] = []
        self._flushing = False

    # -- what a backend provides (and _run, _many, _rows) ---------------------

    def _commit(self) -> None:
        raise NotImplementedError

    def put_link(self, key: str, result: LinkResult) -> None:
        raise NotImplementedError

    def put_links(self, verdicts: Sequence[tuple[str, LinkResult]]) -> None:
        """Many fresh verdicts at once (a backend writes them in fewer statements)."""
        for key, result in verdicts:
            self.put_link(key, result)

    # -- writes, grouped into small commits ----------------------------------

    def _wrote(self, rows: int = 1) -> None:
        if self._flushing:
            return  # a write ``flush`` makes itself: it commits at its end
        self._pending += rows
        if self._pending >= FLUSH_EVERY or time.monotonic() - self._last_flush >= FLUSH_SECONDS:
            self.flush()

    def _written(self) -> None:
        """Before a read of the batch's URLs: the waiting verdicts go in first."""
        if self._verdicts:
            self.flush()

    def flush(self) -> None:
        """Write the waiting verdicts and commit everything written so far."""
        if self._flushing:
            return
        self._flushing = True
        try:
            waiting, self._verdicts = self._verdicts, []
            if waiting:
                # One statement per table for the whole group: a row at a time was
                # a tenth of a link worker's CPU, spent on its event loop.
                self._many(
                    "UPDATE batch_urls SET status = ?, verdict = ?"
                    " WHERE batch_id = ? AND url_key = ?",
                    [
                        (result.status.value, _kept_verdict(result), batch_id, key)
                        for batch_id, key, result, _ in waiting
                    ],
                )
                self.put_links(
                    [(cached, result) for _, _, result, cached in waiting if storable(result)]
                )
            self._commit()
        finally:
            self._flushing = False
        self._pending = 0
        self._last_flush = time.monotonic()

    # -- answers of web services (the sources stage's AnswerCache) ------------

    def get_answer(self, service: str, key: str, max_age: float) -> tuple[bytes, datetime] | None:
        """A stored answer of ``service`` to ``key`` no older than ``max_age`` seconds."""
        rows = self._rows(
            "SELECT body, fetched_at FROM answers WHERE service = ? AND key = ?", (service, key)
        )
        if not rows:
            return None
        body, fetched = rows[0]
        fetched_at = datetime.fromisoformat(str(fetched))
        age = (datetime.now(UTC) - fetched_at).total_seconds()
        return (bytes(body), fetched_at) if 0 <= age <= max_age else None

    def put_answer(self, service: str, key: str, body: bytes, fetched_at: datetime) -> None:
        self._run(
            "INSERT INTO answers (service, key, body, fetched_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (service, key) DO UPDATE"
            " SET body = excluded.body, fetched_at = excluded.fetched_at",
            (service, key, body, fetched_at.isoformat()),
        )
        self._wrote()

    # -- runs -----------------------------------------------------------------

    def begin_run(self, batch_id: str, *, options: str) -> bool:
        """Start the batch, or resume it when an unfinished run of it is stored.

        Returns True when resuming. A finished batch starts over: its
        manuscripts are read and checked again, its URLs' verdicts come from
        the link cache while they are young enough.
        """
        status = self.run_status(batch_id)
        now = datetime.now(UTC).isoformat()
        if status is not None and status != "finished":
            self.flush()
            return True
        for table in (
            "batch_urls",
            "batch_citations",
            "batch_lookups",
            "batch_archives",
            "batch_manuscripts",
            "runs",
        ):
            self._run(f"DELETE FROM {table} WHERE batch_id = ?", (batch_id,))
        self._run(
            "INSERT INTO runs (batch_id, started_at, status, options, manuscripts)"
            " VALUES (?, ?, 'running', ?, 0)",
            (batch_id, now, options),
        )
        self.flush()
        return False

    def finish_run(self, batch_id: str, *, status: str, manuscripts: int) -> None:
        self._run(
            "UPDATE runs SET status = ?, finished_at = ?, manuscripts = ? WHERE batch_id = ?",
            (status, datetime.now(UTC).isoformat(), manuscripts, batch_id),
        )
        self.flush()

    def run_status(self, batch_id: str) -> str | None:
        rows = self._rows("SELECT status FROM runs WHERE batch_id = ?", (batch_id,))
        return str(rows[0][0]) if rows else None

    # -- manuscripts ------------------------------------------------------------

    def known_paths(self, batch_id: str, paths: Sequence[str]) -> dict[str, str]:
        """The stage each of ``paths`` has reached in the batch (absent: not yet read)."""
        if not paths:
            return {}
        marks = ", ".join("?" for _ in paths)
        rows = self._rows(
            f"SELECT path, stage FROM batch_manuscripts WHERE batch_id = ? AND path IN ({marks})",
            (batch_id, *paths),
        )
        return {str(path): str(stage) for path, stage in rows}

    def record_parsed(
        self,
        batch_id: str,
        path: str,
        cited: Sequence[tuple[str, str, int | None]],
        *,
        content_hash: str | None = None,
    ) -> None:
        """A manuscript was read: its (URL key, URL as cited, year cited) triples.

        ``content_hash``: the bytes' hash its parse is stored under (``put_parsed``).
        """
        self._many(
            "INSERT INTO batch_urls (batch_id, url_key, url, host) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (batch_id, url_key) DO NOTHING",
            [(batch_id, key, url, _host_of(key)) for key, url, _ in cited],
        )
        self._many(
            "INSERT INTO batch_citations (batch_id, path, url_key, year) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (batch_id, path, url_key) DO NOTHING",
            [(batch_id, path, key, year) for key, _, year in cited],
        )
        self._run(
            "INSERT INTO batch_manuscripts (batch_id, path, stage, rank, result, content_hash)"
            " VALUES (?, ?, 'parsed', 0, NULL, ?)"
            " ON CONFLICT (batch_id, path) DO UPDATE"
            " SET stage = 'parsed', content_hash = excluded.content_hash",
            (batch_id, path, content_hash),
        )
        self._wrote(1 + 2 * len(cited))

    def record_result(
        self, batch_id: str, path: str, stage: str, result: dict[str, Any], rank: float
    ) -> None:
        """A manuscript is finished (``done``) or could not be read (``failed``)."""
        self._run(
            "INSERT INTO batch_manuscripts (batch_id, path, stage, rank, result)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (batch_id, path) DO UPDATE"
            " SET stage = excluded.stage, rank = excluded.rank, result = excluded.result",
            (batch_id, path, stage, rank, json.dumps(result, ensure_ascii=False)),
        )
        self._wrote()

    def paths_at(self, batch_id: str, stage: str, *, after: str, limit: int) -> list[str]:
        """Manuscripts of the batch at ``stage``, by path, after ``after``."""
        rows = self._rows(
            "SELECT path FROM batch_manuscripts WHERE batch_id = ? AND stage = ? AND path > ?"
            " ORDER BY path LIMIT ?",
            (batch_id, stage, after, limit),
        )
        return [str(row[0]) for row in rows]

    def manuscripts(self, batch_id: str) -> Iterator[ManuscriptRow]:
        """Every manuscript of the batch, the worst first, read in pages."""
        last_rank, last_path = float("inf"), ""
        while True:
            rows = self._rows(
                "SELECT path, stage, rank, result FROM batch_manuscripts"
                " WHERE batch_id = ? AND (rank < ? OR (rank = ? AND path > ?))"
                " ORDER BY rank DESC, path LIMIT 500",
                (batch_id, last_rank, last_rank, last_path),
            )
            if not rows:
                return
            for path, stage, _rank, result in rows:
                yield ManuscriptRow(str(path), str(stage), json.loads(result) if result else {})
            last_path, last_rank = str(rows[-1][0]), float(rows[-1][2])

    # -- URLs -------------------------------------------------------------------

    def pending_urls(self, batch_id: str, *, after: str, limit: int) -> list[tuple[str, str]]:
        """Distinct URLs of the batch with no verdict yet (or only "offline"), after ``after``."""
        self._written()
        rows = self._rows(
            "SELECT url_key, url FROM batch_urls WHERE batch_id = ? AND verdict IS NULL"
            " AND url_key > ? ORDER BY url_key LIMIT ?",
            (batch_id, after, limit),
        )
        return [(str(key), str(url)) for key, url in rows]

    def record_verdict(
        self, batch_id: str, key: str, result: LinkResult, *, cache_key: str | None = None
    ) -> None:
        """The batch's verdict on one URL; a fresh one also goes to the link cache.

        An offline one is kept as the URL's status only (the summary says
        "offline", as the manuscripts' reports do), never as a verdict: it says
        nothing about the URL, and the next run asks again.
        """
        self._verdicts.append((batch_id, key, result, cache_key or key))
        self._wrote()

    def verdicts(self, batch_id: str, keys: Sequence[str]) -> dict[str, LinkResult]:
        self._written()
        found: dict[str, LinkResult] = {}
        for group, marks in in_groups(keys):
            rows = self._rows(
                f"SELECT url_key, verdict FROM batch_urls WHERE batch_id = ?"
                f" AND verdict IS NOT NULL AND url_key IN ({marks})",
                (batch_id, *group),
            )
            found.update((str(key), decode_link(str(verdict))) for key, verdict in rows)
        return found

    # -- the summary --------------------------------------------------------------

    def counts(self, batch_id: str) -> dict[str, int]:
        """Manuscripts by stage, and distinct URLs by status (``urls:<status>``)."""
        self._written()
        counts: dict[str, int] = {}
        for stage, count in self._rows(
            "SELECT stage, COUNT(*) FROM batch_manuscripts WHERE batch_id = ? GROUP BY stage",
            (batch_id,),
        ):
            counts[str(stage)] = int(count)
        for status, count in self._rows(
            "SELECT COALESCE(status, 'unchecked'), COUNT(*) FROM batch_urls"
            " WHERE batch_id = ? GROUP BY COALESCE(status, 'unchecked')",
            (batch_id,),
        ):
            counts[f"urls:{status}"] = int(count)
        return counts

    def rot_by_year(self, batch_id: str) -> list[RotCount]:
        """Citations of URLs by the year they were cited and the URL's status."""
        self._written()
        rows = self._rows(
            "SELECT COALESCE(CAST(c.year AS TEXT), 'undated'), COALESCE(u.status, 'unchecked'),"
            " COUNT(*) FROM batch_citations c JOIN batch_urls u"
            " ON u.batch_id = c.batch_id AND u.url_key = c.url_key"
            " WHERE c.batch_id = ? GROUP BY 1, 2 ORDER BY 1",
            (batch_id,),
        )
        return [RotCount(str(g), str(s), int(n)) for g, s, n in rows]

    def rot_by_domain(self, batch_id: str, *, top: int) -> list[RotCount]:
        """Distinct URLs by host and status, for the ``top`` hosts with the most dead ones."""
        self._written()
        worst = self._rows(
            "SELECT host FROM batch_urls WHERE batch_id = ? GROUP BY host"
            " ORDER BY SUM(CASE WHEN status IN ('dead', 'soft-dead') THEN 1 ELSE 0 END) DESC,"
            " COUNT(*) DESC, host LIMIT ?",
            (batch_id, top),
        )
        hosts = [str(row[0]) for row in worst]
        if not hosts:
            return []
        marks = ", ".join("?" for _ in hosts)
        rows = self._rows(
            f"SELECT host, COALESCE(status, 'unchecked'), COUNT(*) FROM batch_urls"
            f" WHERE batch_id = ? AND host IN ({marks}) GROUP BY 1, 2",
            (batch_id, *hosts),
        )
        order = {host: i for i, host in enumerate(hosts)}
        counts = [RotCount(str(g), str(s), int(n)) for g, s, n in rows]
        return sorted(counts, key=lambda c: (order[c.group], c.status))
