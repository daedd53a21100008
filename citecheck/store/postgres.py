"""The PostgreSQL store (psycopg 3): one database shared by every worker of a batch.

The same tables as the SQLite store, so the same queries; link verdicts keep
the link cache's rules (how long each kind is believed, a history row per
fresh verdict). Migrations run under an advisory lock, so workers that open
the store at once migrate it once. The URL's password is never printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from citecheck.errors import ConfigError
from citecheck.links.cache import LINK_COLUMNS, HistoryEntry, in_groups, link_row, stored_link
from citecheck.model import LinkResult, LinkStatus
from citecheck.store.base import SqlStore, believed, redact, storable
from citecheck.store.migrations import MIGRATIONS

__all__ = ["PostgresStore"]

_MIGRATION_LOCK = 0x63697465  # any fixed number: pg_advisory_xact_lock's key for "migrating"


def _pg(sql: str) -> str:
    # The shared queries are written with ?; psycopg takes %s.
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SqlStore):
    """A store in a PostgreSQL database."""

    def __init__(
        self, url: str, *, max_age: float, migrate: bool = True, autocommit: bool = False
    ) -> None:
        super().__init__()
        self.url = url
        self._max_age = max_age
        try:
            import psycopg
        except ImportError:
            raise ConfigError(
                redact(url),
                "the PostgreSQL store needs psycopg: pip install 'citecheck[postgresql]'",
            ) from None
        try:
            # A worker's reader commits each statement: no transaction left open between queries.
            self._db = psycopg.connect(url, connect_timeout=10, autocommit=autocommit)
        except psycopg.Error as error:
            message = redact(str(error).strip().splitlines()[0] if str(error) else repr(error))
            raise ConfigError(redact(url), f"cannot reach the store: {message}") from None
        if migrate:
            self.migrate()

    def schema_version(self) -> int:
        with self._db.cursor() as cursor:
            cursor.execute("SELECT to_regclass('schema_version') IS NOT NULL")
            row = cursor.fetchone()
            if not row or not row[0]:
                return 0
            cursor.execute("SELECT MAX(version) FROM schema_version")
            found = cursor.fetchone()
        self._db.commit()
        return int(found[0] or 0) if found else 0

    def migrate(self, *, to: int | None = None) -> int:
        """Apply the migrations above the database's version (up to ``to``); the version reached."""
        self._db.commit()
        with self._db.transaction(), self._db.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            cursor.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            cursor.execute("SELECT MAX(version) FROM schema_version")
            row = cursor.fetchone()
            current = int(row[0] or 0) if row else 0
            for migration in MIGRATIONS:
                if migration.version <= current or (to is not None and migration.version > to):
                    continue
                for statement in migration.postgresql.split(";"):
                    if statement.strip():
                        cursor.execute(statement.encode())
                current = migration.version
            cursor.execute("DELETE FROM schema_version")
            cursor.execute("INSERT INTO schema_version VALUES (%s)", (current,))
        return current

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._db.close()

    # -- the link cache ---------------------------------------------------------

    def get_link(self, key: str, *, now: datetime) -> LinkResult | None:
        rows = self._rows(f"SELECT {LINK_COLUMNS} FROM links WHERE url = ?", (key,))
        return self._believed(key, rows[0], now) if rows else None

    def get_links(self, keys: Sequence[str], *, now: datetime) -> dict[str, LinkResult]:
        # A few hundred keys a query: one round trip each was most of a worker's start.
        found: dict[str, LinkResult] = {}
        for group, marks in in_groups(keys):
            rows = self._rows(
                f"SELECT url, {LINK_COLUMNS} FROM links WHERE url IN ({marks})", tuple(group)
            )
            for key, *columns in rows:
                if (result := self._believed(key, columns, now)) is not None:
                    found[key] = result
        return found

    def _believed(self, key: str, columns: Sequence[Any], now: datetime) -> LinkResult | None:
        try:
            status = LinkStatus(columns[0])
        except ValueError:
            return None
        checked_at = columns[4]
        if not believed(status, columns[1], checked_at, now=now, max_age=self._max_age):
            return None
        return stored_link(key, status, checked_at, columns)

    def put_link(self, key: str, result: LinkResult) -> None:
        """Store a fresh verdict and append it to the history."""
        self.put_links([(key, result)])

    def put_links(self, verdicts: Sequence[tuple[str, LinkResult]]) -> None:
        fresh = [(key, result, result.checked_at or datetime.now(UTC)) for key, result in verdicts]
        fresh = [(key, result, at) for key, result, at in fresh if storable(result)]
        if not fresh:
            return
        self._many(
            "INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET"
            " status = excluded.status, http_status = excluded.http_status,"
            " final_url = excluded.final_url, reason = excluded.reason,"
            " checked_at = excluded.checked_at, redirects = excluded.redirects,"
            " page_title = excluded.page_title, page_meta = excluded.page_meta,"
            " page_text = excluded.page_text",
            [link_row(key, result, at) for key, result, at in fresh],
        )
        self._many(
            "INSERT INTO history (url, checked_at, status, http_status, reason)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (key, at, result.status.value, result.http_status, result.reason)
                for key, result, at in fresh
            ],
        )
        self._wrote(len(fresh))

    def link_history(self, key: str) -> tuple[HistoryEntry, ...]:
        rows = self._rows(
            "SELECT checked_at, status, http_status, reason FROM history"
            " WHERE url = ? ORDER BY checked_at, id",
            (key,),
        )
        return tuple(
            HistoryEntry(
                checked_at=row[0], status=LinkStatus(row[1]), http_status=row[2], reason=row[3]
            )
            for row in rows
        )

    # -- what SqlStore needs --------------------------------------------------------

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._db.execute(_pg(sql).encode(), params)

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._db.cursor() as cursor:
            cursor.executemany(_pg(sql).encode(), list(rows))

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._db.cursor() as cursor:
            cursor.execute(_pg(sql).encode(), params)
            return cursor.fetchall()

    def _commit(self) -> None:
        self._db.commit()
