"""The link cache: one SQLite file, a row per URL and the history of every verdict.

Results are committed as they arrive, grouped: they wait in memory and are
written in one short transaction at most ``GROUP_SECONDS`` apart, and at
close (WAL mode; no write transaction stays open while the event loop runs).
A commit each cost three quarters of the cache's CPU on a big run. An
interrupted run (Ctrl-C, SIGTERM) still closes the cache and keeps everything
it learned; only a killed process (SIGKILL, power) can lose the last quarter
second. How long a verdict is
believed depends on what it proves:

=======================================  ==================================
verdict                                   reused for
=======================================  ==================================
alive, redirected, soft-dead,             ``cache_max_age`` (default 24 h)
dead on a definite 4xx answer
blocked, timeout                          at most 1 hour (unverified: a
                                          warning, never an alarm)
dead without a 4xx (5xx, refused,         never: such failures often pass,
DNS, loop)                                and a stale one would cry wolf
offline, excluded                         never stored: they say nothing
                                          about the URL
=======================================  ==================================

Every fresh verdict is also appended to ``history`` so librarians can see a
link rot over time (``url_history``).
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from citecheck.config import default_cache_path
from citecheck.links.urls import normalise_url
from citecheck.model import LinkResult, LinkStatus

__all__ = [
    "HistoryEntry",
    "LinkCache",
    "cache_problem",
    "link_row",
    "stored_link",
    "trusted_for",
    "url_history",
]

UNVERIFIED_MAX_AGE = 3600.0
_NOT_STORED = {LinkStatus.OFFLINE, LinkStatus.EXCLUDED}
GROUP_SECONDS = 0.25  # the most time between two commits (a caller flushes a quiet tail after it)
_Row = tuple[str, str, int | None, str | None, str, str, str, str | None, str, bytes | None]
# The ``links`` table's columns after ``url``, as every store reads them.
_KEYS_PER_QUERY = 500  # under SQLite's 999 variables of old versions
_T = TypeVar("_T")
LINK_COLUMNS = (
    "status, http_status, final_url, reason, checked_at, redirects,"
    " page_title, page_meta, page_text"
)
_Time = TypeVar("_Time")


def in_groups(keys: Sequence[_T]) -> Iterator[tuple[Sequence[_T], str]]:
    """``keys`` a few hundred at a time, each group with its "?, ?, ..." for ``IN (...)``."""
    for first in range(0, len(keys), _KEYS_PER_QUERY):
        group = keys[first : first + _KEYS_PER_QUERY]
        yield group, ", ".join("?" for _ in group)


@functools.lru_cache(maxsize=1024)
def compressed_text(text: str) -> bytes:
    """A page's text as stored: zlib of its UTF-8.

    Memoised: a batch writes each verdict twice (its batch row and the link
    cache), and compressing the page each time was a few percent of a link
    worker's CPU.
    """
    return zlib.compress(text.encode("utf-8"))


def link_row(
    key: str, result: LinkResult, checked_at: _Time
) -> tuple[str, str, int | None, str | None, str, _Time, str, str | None, str, bytes | None]:
    """A verdict as its ``links`` row; ``checked_at`` as the database keeps times
    (ISO text in SQLite, a timestamp in PostgreSQL)."""
    text = compressed_text(result.page_text) if result.page_text else None
    return (
        key,
        result.status.value,
        result.http_status,
        result.final_url,
        result.reason,
        checked_at,
        json.dumps(list(result.redirects)),
        result.page_title,
        json.dumps([list(pair) for pair in result.page_meta]),
        text,
    )


def stored_link(
    key: str, status: LinkStatus, checked_at: datetime, columns: Sequence[Any]
) -> LinkResult:
    """The verdict a ``links`` row (``LINK_COLUMNS``, status and time already read) holds."""
    text = columns[8]
    return LinkResult(
        url=key,
        status=status,
        reason=columns[3],
        http_status=columns[1],
        final_url=columns[2],
        redirects=tuple(json.loads(columns[5])),
        checked_at=checked_at,
        from_cache=True,
        page_title=columns[6],
        page_meta=tuple((str(k), str(v)) for k, v in json.loads(columns[7])),
        page_text=zlib.decompress(bytes(text)).decode("utf-8") if text is not None else None,
    )


_Entry = tuple[str, str, str, int | None, str]
_SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    url         TEXT PRIMARY KEY,   -- normalised URL, fragment included
    status      TEXT NOT NULL,      -- a LinkStatus value
    http_status INTEGER,
    final_url   TEXT,
    reason      TEXT NOT NULL,
    checked_at  TEXT NOT NULL,      -- ISO 8601, UTC
    redirects   TEXT NOT NULL,      -- JSON list of hop URLs
    page_title  TEXT,
    page_meta   TEXT NOT NULL,      -- JSON list of [name, value]
    page_text   BLOB                -- zlib-compressed UTF-8, or NULL
);
CREATE TABLE IF NOT EXISTS history (
    url         TEXT NOT NULL,
    checked_at  TEXT NOT NULL,
    status      TEXT NOT NULL,
    http_status INTEGER,
    reason      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_url ON history (url, checked_at);
"""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One past verdict on a URL."""

    checked_at: datetime
    status: LinkStatus
    http_status: int | None
    reason: str


def _trusted_for(status: LinkStatus, http_status: int | None, max_age: float) -> float:
    """Seconds a stored verdict is believed (negative: never)."""
    if status in {LinkStatus.ALIVE, LinkStatus.REDIRECTED, LinkStatus.SOFT_DEAD}:
        return max_age
    if status is LinkStatus.DEAD:
        return max_age if http_status is not None and 400 <= http_status < 500 else -1.0
    return min(max_age, UNVERIFIED_MAX_AGE)


def trusted_for(status: LinkStatus, http_status: int | None, max_age: float) -> float:
    """Seconds a stored verdict is believed (negative: never); the rule every store follows."""
    return _trusted_for(status, http_status, max_age)


def _written(key: str, result: LinkResult) -> tuple[_Row, _Entry] | None:
    """A fresh verdict's ``links`` row and history entry; None for one the cache keeps not."""
    if result.status in _NOT_STORED or result.from_cache:
        return None
    checked_at = (result.checked_at or datetime.now(UTC)).isoformat()
    row = link_row(key, result, checked_at)
    return row, (key, checked_at, result.status.value, result.http_status, result.reason)


def cache_problem(path: Path) -> str | None:
    """Why ``path`` cannot hold the link cache (None: it can).

    The command line asks before a run starts, so a folder, a file that is
    not SQLite (``--cache`` pointing at the wrong file) or a place where no
    file can be made (``/proc``, a read-only disk, a folder that does not
    exist) is one clear line, not a failure in the middle of the links or
    sources stage (both open the file). Only the file's own folder is ever
    created (the default path's folders excepted: ``~/.cache/citecheck``),
    so a mistyped path never leaves a tree of folders at the filesystem's root.
    """
    if path.is_dir():
        return "is a folder, not a link cache file"
    if not path.exists():
        for parent in path.parents:
            if parent.exists():
                if not parent.is_dir():
                    return f"{parent} is a file, not a folder"
                break
        folder = path.parent
        if not folder.exists() and not folder.parent.is_dir() and path != default_cache_path():
            return f"no such folder: {folder.parent} (only the cache file's own folder is created)"
        try:
            folder.mkdir(parents=path == default_cache_path(), exist_ok=True)
            # Made and removed at once: the run creates it again when it writes.
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            path.unlink()
        except FileExistsError:
            pass  # created meanwhile (another run): sqlite will say if it is unusable
        except OSError as error:
            return f"cannot create the link cache in {folder}: {error.strerror or error}"
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
        try:
            db.execute("PRAGMA schema_version").fetchone()
        finally:
            db.close()
    except sqlite3.Error as error:
        return f"cannot open the link cache: {error} (use another file, or delete this one)"
    return None


class LinkCache:
    """An open cache file. Use as a context manager; all methods are quick and synchronous."""

    def __init__(self, path: Path, *, max_age: float, all_folders: bool = True) -> None:
        path.parent.mkdir(parents=all_folders, exist_ok=True)
        self._max_age = max_age
        self._db = sqlite3.connect(path, timeout=10.0)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives a killed process
        self._db.executescript(_SCHEMA)
        self._db.commit()
        self._rows: dict[str, _Row] = {}  # verdicts waiting for their group's commit
        self._history: list[_Entry] = []
        self._committed_at = time.monotonic()

    def __enter__(self) -> LinkCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.flush()
        self._db.close()

    @property
    def uncommitted(self) -> bool:
        """Verdicts wait for their group's commit (``flush`` them within ``GROUP_SECONDS``)."""
        return bool(self._rows or self._history)

    def flush(self) -> None:
        """Write and commit the verdicts ``put`` keeps waiting, in one short transaction."""
        if self._rows or self._history:
            rows, entries = list(self._rows.values()), self._history
            self._rows, self._history = {}, []
            try:
                self._write(rows, entries)
                self._db.commit()
            except BaseException:
                self._db.rollback()
                raise
        self._committed_at = time.monotonic()

    @property
    def connection(self) -> sqlite3.Connection:
        """The open database, for a store that keeps more tables in the same file."""
        return self._db

    def get(self, key: str, *, now: datetime) -> LinkResult | None:
        """The stored verdict for ``key`` if it is young enough to believe."""
        if self._rows:
            self.flush()  # rare: a verdict of this run asked for again
        row = self._db.execute(f"SELECT {LINK_COLUMNS} FROM links WHERE url = ?", (key,)).fetchone()
        return None if row is None else self._believed(key, row, now)

    def get_many(self, keys: Sequence[str], *, now: datetime) -> dict[str, LinkResult]:
        """``get`` for many keys, a few hundred a query: each believed key with its verdict."""
        if self._rows:
            self.flush()
        found: dict[str, LinkResult] = {}
        for group, marks in in_groups(keys):
            query = f"SELECT url, {LINK_COLUMNS} FROM links WHERE url IN ({marks})"
            for key, *row in self._db.execute(query, group):
                if (result := self._believed(key, row, now)) is not None:
                    found[key] = result
        return found

    def _believed(self, key: str, row: Sequence[Any], now: datetime) -> LinkResult | None:
        try:
            status = LinkStatus(row[0])
            checked_at = datetime.fromisoformat(row[4])
        except ValueError:
            return None
        age = (now - checked_at).total_seconds()
        if age < 0 or age > _trusted_for(status, row[1], self._max_age):
            return None
        return stored_link(key, status, checked_at, row)

    def put(self, key: str, result: LinkResult, *, commit: bool = True) -> None:
        """Store a fresh verdict and append it to the history.

        ``commit=False`` writes now and leaves the commit to the caller (a
        store that groups many writes into one transaction). Otherwise the
        rows wait in memory and are written and committed with those of the
        last ``GROUP_SECONDS`` (and at ``flush``/``close``): a write
        transaction never stays open while the event loop runs, since another
        connection to this file in the same process (the sources stage's
        answers) would then block the loop waiting for the lock.
        """
        written = _written(key, result)
        if written is None:
            return
        row, entry = written
        if not commit:
            self._write([row], [entry])
            return
        self._rows[key] = row
        self._history.append(entry)
        if time.monotonic() - self._committed_at >= GROUP_SECONDS:
            self.flush()

    def put_many(self, verdicts: Iterable[tuple[str, LinkResult]]) -> None:
        """``put(..., commit=False)`` for many verdicts: written now, in one statement each."""
        written = [w for key, result in verdicts if (w := _written(key, result)) is not None]
        if written:
            self._write([row for row, _ in written], [entry for _, entry in written])

    def _write(self, rows: list[_Row], entries: list[_Entry]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
        self._db.executemany("INSERT INTO history VALUES (?, ?, ?, ?, ?)", entries)

    def history(self, key: str) -> tuple[HistoryEntry, ...]:
        rows = self._db.execute(
            "SELECT checked_at, status, http_status, reason FROM history"
            " WHERE url = ? ORDER BY checked_at, rowid",
            (key,),
        ).fetchall()
        return tuple(
            HistoryEntry(
                checked_at=datetime.fromisoformat(row[0]),
                status=LinkStatus(row[1]),
                http_status=row[2],
                reason=row[3],
            )
            for row in rows
        )


def url_history(cache_path: Path, url: str) -> tuple[HistoryEntry, ...]:
    """Every verdict the cache at ``cache_path`` holds for ``url``, oldest first.

    ``url`` may be spelled as cited; it is normalised the way the checker
    stores it. A missing cache file means no history (an empty tuple).
    """
    if not cache_path.exists():
        return ()
    with LinkCache(cache_path, max_age=0.0) as cache:
        return cache.history(normalise_url(url))
