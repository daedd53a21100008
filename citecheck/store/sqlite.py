"""The SQLite store: the link cache file, with the batch tables beside its own.

Link verdicts go through ``LinkCache`` itself, so a store file is a link
cache ``check`` reads as before and a link cache file is a store (taken to
be schema version 1 and migrated). One writer at a time: fine for one
machine, where a batch's workers only read it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from citecheck.errors import ConfigError
from citecheck.links.cache import HistoryEntry, LinkCache
from citecheck.model import LinkResult
from citecheck.store.base import SqlStore
from citecheck.store.migrations import MIGRATIONS

__all__ = ["SqliteStore", "schema_version"]


def schema_version(db: sqlite3.Connection) -> int:
    """The file's schema version: 0 for a new file, 1 for a link cache made before stores."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "schema_version" in tables:
        row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)
    return 1 if "links" in tables else 0


class SqliteStore(SqlStore):
    """A store in one SQLite file (WAL mode, as the link cache)."""

    def __init__(
        self, path: Path, *, max_age: float, migrate: bool = True, read_only: bool = False
    ) -> None:
        super().__init__()
        self.url = f"sqlite:///{path}"
        self._cache: LinkCache | None = None
        try:
            if read_only:
                # A worker's reader: WAL readers never wait for the writer, nor it for them.
                self._db = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, timeout=10.0)
                return
            self._cache = LinkCache(path, max_age=max_age)
        except (sqlite3.Error, OSError) as error:
            raise ConfigError(str(path), f"cannot open the store: {error}") from None
        self._db = self._cache.connection
        if migrate:
            self.migrate()

    def _links(self) -> LinkCache:
        if self._cache is None:
            raise RuntimeError("this store was opened read-only")
        return self._cache

    def migrate(self, *, to: int | None = None) -> int:
        """Apply the migrations above the file's version (up to ``to``); the version reached."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")  # one process migrates; the others wait, then see it done
        try:
            current = schema_version(db)
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            for migration in MIGRATIONS:
                if migration.version <= current or (to is not None and migration.version > to):
                    continue
                for statement in migration.sqlite.split(";"):
                    if statement.strip():
                        db.execute(statement)
                current = migration.version
            db.execute("DELETE FROM schema_version")
            db.execute("INSERT INTO schema_version VALUES (?)", (current,))
            db.commit()
        except BaseException:
            db.rollback()
            raise
        return current

    def close(self) -> None:
        if self._cache is None:
            self._db.close()
            return
        self.flush()
        self._cache.close()

    def put_answer(self, service: str, key: str, body: bytes, fetched_at: datetime) -> None:
        if self._cache is None:
            return  # a worker's reader keeps nothing; the batch's main process stores answers
        super().put_answer(service, key, body, fetched_at)

    def get_link(self, key: str, *, now: datetime) -> LinkResult | None:
        return self._links().get(key, now=now)

    def get_links(self, keys: Sequence[str], *, now: datetime) -> dict[str, LinkResult]:
        return self._links().get_many(keys, now=now)

    def put_link(self, key: str, result: LinkResult) -> None:
        self._links().put(key, result, commit=False)  # committed with the batch's next group
        self._wrote()

    def put_links(self, verdicts: Sequence[tuple[str, LinkResult]]) -> None:
        self._links().put_many(verdicts)  # committed with the batch's next group
        self._wrote(len(verdicts))

    def link_history(self, key: str) -> tuple[HistoryEntry, ...]:
        return self._links().history(key)

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._db.execute(sql, params)

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._db.executemany(sql, rows)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, params).fetchall()

    def _commit(self) -> None:
        self._db.commit()
