"""The answer cache: what each service said, keyed by the request, with when it said it.

The stage asks a cache through the ``AnswerCache`` protocol only, so the
SQLite file here (the link cache's own file, in a table of its own) and a
shared PostgreSQL table are interchangeable. A body is the service's answer
as the stage stores it (text); ``fetched_at`` lets the stage decide how old
an answer may be (``max_age``) and lets reports say how old it is.
"""

from __future__ import annotations

import sqlite3
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

__all__ = ["AnswerCache", "MemoryAnswerCache", "SqliteAnswerCache"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS source_answers (
    service    TEXT NOT NULL,   -- "crossref", "openalex", "courtlistener"
    key        TEXT NOT NULL,   -- the request, without credentials or mailto
    body       BLOB NOT NULL,   -- zlib-compressed UTF-8
    fetched_at TEXT NOT NULL,   -- ISO 8601, UTC
    PRIMARY KEY (service, key)
);
"""


class AnswerCache(Protocol):
    """Where answers are kept between runs."""

    def get(self, service: str, key: str, max_age: float) -> tuple[str, datetime] | None:
        """The stored answer and when it was fetched, if younger than ``max_age`` seconds."""
        ...

    def put(self, service: str, key: str, body: str, fetched_at: datetime) -> None:
        """Store (or replace) the answer to ``key``."""
        ...


def _young_enough(fetched_at: datetime, max_age: float) -> bool:
    age = (datetime.now(UTC) - fetched_at).total_seconds()
    return 0 <= age <= max_age


class SqliteAnswerCache:
    """``AnswerCache`` on SQLite, in the file the links stage uses (WAL, one commit per answer)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=10.0)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._db.commit()

    def __enter__(self) -> SqliteAnswerCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def get(self, service: str, key: str, max_age: float) -> tuple[str, datetime] | None:
        row = self._db.execute(
            "SELECT body, fetched_at FROM source_answers WHERE service = ? AND key = ?",
            (service, key),
        ).fetchone()
        if row is None:
            return None
        try:
            fetched_at = datetime.fromisoformat(row[1])
            body = zlib.decompress(row[0]).decode("utf-8")
        except (ValueError, zlib.error):
            return None
        return (body, fetched_at) if _young_enough(fetched_at, max_age) else None

    def put(self, service: str, key: str, body: str, fetched_at: datetime) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO source_answers VALUES (?, ?, ?, ?)",
                (service, key, zlib.compress(body.encode("utf-8")), fetched_at.isoformat()),
            )


class MemoryAnswerCache:
    """``AnswerCache`` in a dict: for tests and for runs with ``--no-cache`` that batch."""

    def __init__(self) -> None:
        self._answers: dict[tuple[str, str], tuple[str, datetime]] = {}

    def get(self, service: str, key: str, max_age: float) -> tuple[str, datetime] | None:
        found = self._answers.get((service, key))
        return found if found is not None and _young_enough(found[1], max_age) else None

    def put(self, service: str, key: str, body: str, fetched_at: datetime) -> None:
        self._answers[(service, key)] = (body, fetched_at)
