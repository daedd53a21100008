"""The store's schema, as ordered migrations, and bringing a database up to date.

``schema_version`` holds one number; ``migrate`` applies every migration
above it, in order, each in its own transaction with the new number, so a
database of any older version (or none) ends at ``LATEST_VERSION``. Version
1 is the link cache as ``check`` has always written it: a SQLite cache file
made before stores existed has its tables and no ``schema_version``, and is
taken to be version 1.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LATEST_VERSION", "MIGRATIONS", "Migration"]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    summary: str
    sqlite: str
    postgresql: str


_BATCH_TABLES = """
CREATE TABLE runs (
    batch_id    TEXT PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL,      -- running, finished, interrupted
    options     TEXT NOT NULL,      -- what the batch was asked, JSON
    manuscripts INTEGER NOT NULL
);
CREATE TABLE batch_manuscripts (
    batch_id TEXT NOT NULL,
    path     TEXT NOT NULL,
    stage    TEXT NOT NULL,         -- parsed, done, failed
    rank     DOUBLE PRECISION NOT NULL,  -- higher is worse: the summary's order
    result   TEXT,                  -- JSON counts, once done or failed
    PRIMARY KEY (batch_id, path)
);
CREATE INDEX batch_manuscripts_rank ON batch_manuscripts (batch_id, rank, path);
CREATE TABLE batch_urls (
    batch_id TEXT NOT NULL,
    url_key  TEXT NOT NULL,         -- normalised URL, as in links
    url      TEXT NOT NULL,         -- the first spelling cited
    host     TEXT NOT NULL,
    status   TEXT,                  -- NULL until checked
    verdict  TEXT,                  -- the LinkResult, JSON
    PRIMARY KEY (batch_id, url_key)
);
CREATE TABLE batch_citations (
    batch_id TEXT NOT NULL,
    path     TEXT NOT NULL,
    url_key  TEXT NOT NULL,
    year     INTEGER,               -- when it was cited (accessed, else published)
    PRIMARY KEY (batch_id, path, url_key)
);
"""

# Version 4: what one pass carries to the next, so no pass repeats another's work.
_CARRIED = """
ALTER TABLE batch_manuscripts ADD COLUMN content_hash TEXT;
CREATE TABLE parsed (
    path         TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,     -- SHA-256 of the file's bytes when parsed
    version      TEXT NOT NULL,     -- the parsing code (citecheck.batch.records.parse_fingerprint)
    body         {blob} NOT NULL    -- notes and citations, compressed JSON
);
CREATE TABLE batch_lookups (
    batch_id   TEXT NOT NULL,
    lookup_key TEXT NOT NULL,       -- what the sources stage asks (pipeline.source_lookup_key)
    citation   TEXT NOT NULL,       -- the first citation needing it, JSON
    done       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (batch_id, lookup_key)
);
CREATE TABLE batch_archives (
    batch_id   TEXT NOT NULL,
    url_key    TEXT NOT NULL,       -- normalised URL, as in batch_urls
    cited_date TEXT NOT NULL,       -- the date to look for a copy near (ISO, '' when undated)
    result     TEXT,                -- the ArchiveResult, JSON, NULL until looked up
    PRIMARY KEY (batch_id, url_key, cited_date)
);
CREATE TABLE archives (
    url_key     TEXT NOT NULL,
    cited_date  TEXT NOT NULL,
    settings    TEXT NOT NULL,      -- digest of the archive settings that shape a result
    result      TEXT NOT NULL,
    archived_at TEXT NOT NULL,
    PRIMARY KEY (url_key, cited_date, settings)
);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "the link cache: a verdict per URL and the history of every verdict",
        """
CREATE TABLE IF NOT EXISTS links (
    url TEXT PRIMARY KEY, status TEXT NOT NULL, http_status INTEGER, final_url TEXT,
    reason TEXT NOT NULL, checked_at TEXT NOT NULL, redirects TEXT NOT NULL,
    page_title TEXT, page_meta TEXT NOT NULL, page_text BLOB
);
CREATE TABLE IF NOT EXISTS history (
    url TEXT NOT NULL, checked_at TEXT NOT NULL, status TEXT NOT NULL,
    http_status INTEGER, reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_url ON history (url, checked_at);
""",
        """
CREATE TABLE links (
    url TEXT PRIMARY KEY, status TEXT NOT NULL, http_status INTEGER, final_url TEXT,
    reason TEXT NOT NULL, checked_at TIMESTAMPTZ NOT NULL, redirects TEXT NOT NULL,
    page_title TEXT, page_meta TEXT NOT NULL, page_text BYTEA
);
CREATE TABLE history (
    id BIGSERIAL PRIMARY KEY, url TEXT NOT NULL, checked_at TIMESTAMPTZ NOT NULL,
    status TEXT NOT NULL, http_status INTEGER, reason TEXT NOT NULL
);
CREATE INDEX history_url ON history (url, checked_at);
""",
    ),
    Migration(
        2, "batches: runs, manuscripts, cited URLs and verdicts", _BATCH_TABLES, _BATCH_TABLES
    ),
    Migration(
        3,
        "answers of web services (Crossref, OpenAlex) for the sources stage",
        "CREATE TABLE answers (service TEXT NOT NULL, key TEXT NOT NULL, body BLOB NOT NULL,"
        " fetched_at TEXT NOT NULL, PRIMARY KEY (service, key));",
        "CREATE TABLE answers (service TEXT NOT NULL, key TEXT NOT NULL, body BYTEA NOT NULL,"
        " fetched_at TEXT NOT NULL, PRIMARY KEY (service, key));",
    ),
    Migration(
        4,
        "carried between a batch's passes: parses, sources lookups, archive results",
        _CARRIED.replace("{blob}", "BLOB"),
        _CARRIED.replace("{blob}", "BYTEA"),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
