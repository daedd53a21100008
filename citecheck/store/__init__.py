"""Stores: where link verdicts, their history and batch progress are kept.

One interface (``Store``), two backends: SQLite, the embedded default (the
link cache file ``check`` has always used, same tables and format), and
PostgreSQL, shared by every worker of a batch on one machine or a cluster.
A store is named by a URL: ``sqlite:///path/to/file.sqlite3`` or
``postgresql://user:password@host:5432/db`` (``sqlite:///rel/path`` is
relative to the working folder, ``sqlite:////abs/path`` absolute, as in
SQLAlchemy); ``open_store`` opens it and
brings its schema up to date (``migrations``). ``redact`` shows a store URL
without its password, the only way one is ever printed.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.errors import ConfigError
from citecheck.store.answers import StoreAnswers
from citecheck.store.base import redact
from citecheck.store.interface import ManuscriptRow, RotCount, Store
from citecheck.store.migrations import LATEST_VERSION

__all__ = [
    "LATEST_VERSION",
    "ManuscriptRow",
    "RotCount",
    "Store",
    "StoreAnswers",
    "open_store",
    "redact",
    "sqlite_url",
    "store_files",
]

# SQLite's files beside the database: the write-ahead log, its index, a rollback journal.
_SQLITE_SIBLINGS = ("-wal", "-shm", "-journal")


def sqlite_url(path: Path) -> str:
    """The store URL of a SQLite file."""
    return f"sqlite:///{path.expanduser().resolve()}"


def store_files(url: str) -> tuple[Path, ...]:
    """The files a store keeps on this machine (a SQLite file and its siblings; none for a
    server), so a batch walking the folder that holds them never takes them for its input."""
    if not url.startswith("sqlite:///"):
        return ()
    path = Path(url.removeprefix("sqlite:///")).resolve()
    return (path, *(path.with_name(path.name + end) for end in _SQLITE_SIBLINGS))


def open_store(url: str, *, max_age: float, reader: bool = False, writer: bool = False) -> Store:
    """Open the store at ``url`` (migrating its schema) with link verdicts believed ``max_age`` s.

    A ``reader`` (a batch worker that only reads verdicts) neither migrates
    nor takes a writer's lock; the batch's main process has migrated already.
    A ``writer`` (a batch worker writing link verdicts beside others) does not
    migrate either, and commits in small groups so no writer waits long.

    Raises:
        ConfigError: the URL names no known backend, or the database cannot be reached.
    """
    if url.startswith("sqlite:///"):
        from citecheck.store.sqlite import SqliteStore

        # As SQLAlchemy spells them: sqlite:///relative/path, sqlite:////absolute/path.
        path = Path(url.removeprefix("sqlite:///")).resolve()
        store = SqliteStore(path, max_age=max_age, migrate=not (reader or writer), read_only=reader)
        if writer:
            store.flush_every = 20
        return store
    if url.startswith(("postgresql://", "postgres://")):
        from citecheck.store.postgres import PostgresStore

        return PostgresStore(
            url, max_age=max_age, migrate=not (reader or writer), autocommit=reader
        )
    raise ConfigError(
        "store",
        f"unknown store {redact(url)!r}: use sqlite:///PATH or postgresql://USER@HOST/DB",
    )
