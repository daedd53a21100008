"""What a batch's passes carry to each other through the store (schema version 4).

* ``parsed``: each manuscript's notes and citations as the read pass parsed
  them, keyed by path, the file's content hash and the parsing code, so the
  check pass (anywhere on a cluster) parses nothing again, and a rerun reads
  an unchanged file's parse back instead of parsing it;
* ``batch_lookups``: the batch's distinct sources lookups, each with the
  first citation needing it, ``done`` once answered: an interrupted batch
  keeps them, and its rerun asks only for the rest;
* ``batch_archives``: each distinct (URL, cited date) of the batch and its
  archive result once it arrives; ``archives``: those results kept beyond
  the batch, so a finished batch run again asks the archives nothing new.

Rows are opaque text or bytes here (``citecheck.batch.records`` encodes
them); writes are grouped into the store's small commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from citecheck.links.cache import in_groups

__all__ = ["CarriedQueries"]


class CarriedQueries:
    """The carried tables' queries; ``SqlStore`` gives the primitives."""

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _wrote(self, rows: int = 1) -> None:
        raise NotImplementedError

    # -- parses -----------------------------------------------------------------

    def put_parsed(self, path: str, content_hash: str, version: str, body: bytes) -> None:
        """The parse of ``path`` whose bytes hash to ``content_hash`` (one row per path)."""
        self._run(
            "INSERT INTO parsed (path, content_hash, version, body) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash,"
            " version = excluded.version, body = excluded.body",
            (path, content_hash, version, body),
        )
        self._wrote()

    def get_parsed(self, path: str, content_hash: str, version: str) -> bytes | None:
        rows = self._rows(
            "SELECT body FROM parsed WHERE path = ? AND content_hash = ? AND version = ?",
            (path, content_hash, version),
        )
        return bytes(rows[0][0]) if rows else None

    def parsed_for(self, batch_id: str, path: str, version: str) -> bytes | None:
        """The parse the batch's read pass made (or found) of ``path``, if still stored."""
        rows = self._rows(
            "SELECT p.body FROM batch_manuscripts m JOIN parsed p"
            " ON p.path = m.path AND p.content_hash = m.content_hash"
            " WHERE m.batch_id = ? AND m.path = ? AND p.version = ?",
            (batch_id, path, version),
        )
        return bytes(rows[0][0]) if rows else None

    # -- sources lookups ----------------------------------------------------------

    def record_lookups(self, batch_id: str, lookups: Sequence[tuple[str, str]]) -> None:
        """(lookup key, citation JSON) pairs; a key already recorded keeps its first citation."""
        if not lookups:
            return
        self._many(
            "INSERT INTO batch_lookups (batch_id, lookup_key, citation, done)"
            " VALUES (?, ?, ?, 0) ON CONFLICT (batch_id, lookup_key) DO NOTHING",
            [(batch_id, key, citation) for key, citation in lookups],
        )
        self._wrote(len(lookups))

    def pending_lookups(self, batch_id: str, *, after: str, limit: int) -> list[tuple[str, str]]:
        """Lookups not yet answered, by key, after ``after``: (key, citation JSON)."""
        rows = self._rows(
            "SELECT lookup_key, citation FROM batch_lookups WHERE batch_id = ? AND done = 0"
            " AND lookup_key > ? ORDER BY lookup_key LIMIT ?",
            (batch_id, after, limit),
        )
        return [(str(key), str(citation)) for key, citation in rows]

    def lookups_done(self, batch_id: str, keys: Sequence[str]) -> None:
        self._many(
            "UPDATE batch_lookups SET done = 1 WHERE batch_id = ? AND lookup_key = ?",
            [(batch_id, key) for key in keys],
        )
        self._wrote(len(keys))

    # -- archive results -----------------------------------------------------------

    def record_archive_keys(self, batch_id: str, keys: Sequence[tuple[str, str]]) -> None:
        """(normal URL, cited date) pairs a manuscript wants a copy of; "" for undated."""
        if not keys:
            return
        self._many(
            "INSERT INTO batch_archives (batch_id, url_key, cited_date) VALUES (?, ?, ?)"
            " ON CONFLICT (batch_id, url_key, cited_date) DO NOTHING",
            [(batch_id, key, date) for key, date in keys],
        )
        self._wrote(len(keys))

    def pending_archives(
        self, batch_id: str, *, after: tuple[str, str], limit: int
    ) -> list[tuple[str, str, str | None]]:
        """Keys without a result, in order after ``after``: (URL, date, the URL's link status)."""
        rows = self._rows(
            "SELECT a.url_key, a.cited_date, u.status FROM batch_archives a"
            " LEFT JOIN batch_urls u ON u.batch_id = a.batch_id AND u.url_key = a.url_key"
            " WHERE a.batch_id = ? AND a.result IS NULL"
            " AND (a.url_key > ? OR (a.url_key = ? AND a.cited_date > ?))"
            " ORDER BY a.url_key, a.cited_date LIMIT ?",
            (batch_id, after[0], after[0], after[1], limit),
        )
        return [(str(k), str(d), None if s is None else str(s)) for k, d, s in rows]

    def pending_archive_count(self, batch_id: str) -> int:
        rows = self._rows(
            "SELECT COUNT(*) FROM batch_archives WHERE batch_id = ? AND result IS NULL",
            (batch_id,),
        )
        return int(rows[0][0]) if rows else 0

    def pending_lookup_count(self, batch_id: str) -> int:
        rows = self._rows(
            "SELECT COUNT(*) FROM batch_lookups WHERE batch_id = ? AND done = 0", (batch_id,)
        )
        return int(rows[0][0]) if rows else 0

    def record_archive(self, batch_id: str, key: str, date: str, result: str) -> None:
        self._run(
            "UPDATE batch_archives SET result = ?"
            " WHERE batch_id = ? AND url_key = ? AND cited_date = ?",
            (result, batch_id, key, date),
        )
        self._wrote()

    def archive_results(
        self, batch_id: str, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], str]:
        """The stored results of ``keys`` (absent: none yet)."""
        found: dict[tuple[str, str], str] = {}
        urls = sorted({key for key, _ in keys})
        for group, marks in in_groups(urls):
            rows = self._rows(
                f"SELECT url_key, cited_date, result FROM batch_archives WHERE batch_id = ?"
                f" AND result IS NOT NULL AND url_key IN ({marks})",
                (batch_id, *group),
            )
            found.update(((str(k), str(d)), str(r)) for k, d, r in rows)
        return {key: found[key] for key in keys if key in found}

    def cached_archive(self, key: str, date: str, settings: str, max_age: float) -> str | None:
        """A result kept beyond its batch, no older than ``max_age`` seconds."""
        rows = self._rows(
            "SELECT result, archived_at FROM archives"
            " WHERE url_key = ? AND cited_date = ? AND settings = ?",
            (key, date, settings),
        )
        if not rows:
            return None
        result, archived_at = rows[0]
        age = (datetime.now(UTC) - datetime.fromisoformat(str(archived_at))).total_seconds()
        return str(result) if 0 <= age <= max_age else None

    def keep_archive(self, key: str, date: str, settings: str, result: str) -> None:
        self._run(
            "INSERT INTO archives (url_key, cited_date, settings, result, archived_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (url_key, cited_date, settings) DO UPDATE"
            " SET result = excluded.result, archived_at = excluded.archived_at",
            (key, date, settings, result, datetime.now(UTC).isoformat()),
        )
        self._wrote()
