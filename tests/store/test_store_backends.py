"""Both store backends, against a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from citecheck.errors import ConfigError
from citecheck.links.cache import LinkCache
from citecheck.model import LinkResult, LinkStatus
from citecheck.store import LATEST_VERSION, open_store, redact
from citecheck.store.postgres import PostgresStore
from citecheck.store.sqlite import SqliteStore

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


def _result(status: LinkStatus, http: int | None, *, when: datetime = NOW) -> LinkResult:
    return LinkResult(
        url="http://a.test/x",
        status=status,
        reason="because",
        http_status=http,
        checked_at=when,
        page_title="A page",
        page_meta=(("citation_title", "A page"),),
        page_text="some text " * 50,
    )


def test_link_verdicts_keep_the_link_cache_rules(store_url: str) -> None:
    store = open_store(store_url, max_age=3600 * 24)
    try:
        store.put_link("http://a.test/x", _result(LinkStatus.ALIVE, 200))
        store.put_link("http://a.test/gone", _result(LinkStatus.DEAD, 404))
        store.put_link("http://a.test/down", _result(LinkStatus.DEAD, 503))
        store.put_link("http://a.test/off", _result(LinkStatus.OFFLINE, None))
        store.flush()
        alive = store.get_link("http://a.test/x", now=NOW + timedelta(hours=1))
        assert alive is not None
        assert alive.from_cache
        assert alive.page_text == "some text " * 50
        assert alive.page_meta == (("citation_title", "A page"),)
        assert store.get_link("http://a.test/x", now=NOW + timedelta(days=2)) is None
        assert store.get_link("http://a.test/gone", now=NOW + timedelta(hours=1)) is not None
        assert store.get_link("http://a.test/down", now=NOW + timedelta(seconds=1)) is None
        assert store.get_link("http://a.test/off", now=NOW) is None
        store.put_link("http://a.test/x", _result(LinkStatus.DEAD, 410, when=NOW + timedelta(1)))
        history = store.link_history("http://a.test/x")
        assert [h.status for h in history] == [LinkStatus.ALIVE, LinkStatus.DEAD]
    finally:
        store.close()


def test_many_verdicts_are_read_in_one_go_by_the_same_rules(store_url: str) -> None:
    store = open_store(store_url, max_age=3600 * 24)
    try:
        keys = [f"http://a.test/{n}" for n in range(1200)]  # more than one query's worth
        store.put_links([(key, _result(LinkStatus.ALIVE, 200)) for key in keys[:1100]])
        store.put_link("http://a.test/down", _result(LinkStatus.DEAD, 503))
        store.flush()
        asked = [*keys, "http://a.test/down"]
        found = store.get_links(asked, now=NOW + timedelta(hours=1))
        assert sorted(found) == sorted(keys[:1100])  # never stored, or not believed: absent
        assert all(found[key].from_cache for key in keys[:1100])
        assert found[keys[7]].page_text == "some text " * 50
        one_by_one = {k: store.get_link(k, now=NOW + timedelta(hours=1)) for k in asked}
        assert {k: v for k, v in one_by_one.items() if v is not None} == found
        assert store.get_links(asked, now=NOW + timedelta(days=2)) == {}
    finally:
        store.close()


def test_a_batch_is_stored_and_summarised(store_url: str) -> None:
    store = open_store(store_url, max_age=3600)
    try:
        assert store.begin_run("b1", options="{}") is False
        store.record_parsed(
            "b1",
            "one.md",
            [
                ("http://a.test/1", "http://A.test/1", 2019),
                ("http://b.test/2", "http://b.test/2", None),
            ],
        )
        store.record_parsed("b1", "two.md", [("http://a.test/1", "http://a.test/1", 2021)])
        assert store.known_paths("b1", ["one.md", "three.md"]) == {"one.md": "parsed"}
        pending = store.pending_urls("b1", after="", limit=10)
        assert pending == [
            ("http://a.test/1", "http://A.test/1"),
            ("http://b.test/2", "http://b.test/2"),
        ]
        assert store.pending_urls("b1", after="http://a.test/1", limit=10) == pending[1:]
        store.record_verdict("b1", "http://a.test/1", _result(LinkStatus.DEAD, 404))
        store.record_verdict("b1", "http://b.test/2", _result(LinkStatus.OFFLINE, None))
        # Offline says nothing about the URL: still pending, no verdict, never in the cache.
        assert store.pending_urls("b1", after="", limit=10) == [pending[1]]
        found = store.verdicts("b1", ["http://a.test/1", "http://b.test/2"])
        assert list(found) == ["http://a.test/1"]
        assert found["http://a.test/1"].page_text == "some text " * 50
        store.record_result("b1", "one.md", "done", {"dead": 1}, rank=10.0)
        store.record_result("b1", "two.md", "done", {"dead": 0}, rank=1.0)
        store.flush()
        assert [m.path for m in store.manuscripts("b1")] == ["one.md", "two.md"]
        # ... but the summary says "offline", as the manuscripts' reports do, not "unchecked".
        assert store.counts("b1") == {"done": 2, "urls:dead": 1, "urls:offline": 1}
        assert store.get_link("http://b.test/2", now=datetime.now(UTC)) is None
        by_year = {(r.group, r.status): r.count for r in store.rot_by_year("b1")}
        assert by_year == {("2019", "dead"): 1, ("2021", "dead"): 1, ("undated", "offline"): 1}
        by_host = store.rot_by_domain("b1", top=1)
        assert [(r.group, r.status, r.count) for r in by_host] == [("a.test", "dead", 1)]
        # The fresh dead verdict also went to the link cache, with its history.
        assert len(store.link_history("http://a.test/1")) == 1
        assert store.begin_run("b1", options="{}") is True  # unfinished: resumed
        store.finish_run("b1", status="finished", manuscripts=2)
        assert store.begin_run("b1", options="{}") is False  # finished: starts over
        assert list(store.manuscripts("b1")) == []
    finally:
        store.close()


def test_many_manuscripts_come_back_in_pages(store_url: str) -> None:
    store = open_store(store_url, max_age=3600)
    try:
        store.begin_run("b", options="{}")
        for n in range(1203):
            store.record_result("b", f"m{n:04}.md", "done", {"n": n}, rank=float(n % 7))
        store.flush()
        rows = list(store.manuscripts("b"))
        assert len(rows) == 1203
        assert len({r.path for r in rows}) == 1203
        ranks = [r.result["n"] % 7 for r in rows]
        assert ranks == sorted(ranks, reverse=True)
    finally:
        store.close()


def test_answers_for_the_sources_stage(store_url: str) -> None:
    store = open_store(store_url, max_age=3600)
    try:
        fetched = datetime.now(UTC) - timedelta(minutes=5)
        store.put_answer("crossref", "10.1/x", b'{"ok": 1}', fetched)
        assert store.get_answer("crossref", "10.1/x", 3600) == (b'{"ok": 1}', fetched)
        assert store.get_answer("crossref", "10.1/x", 60) is None
        assert store.get_answer("openalex", "10.1/x", 3600) is None
    finally:
        store.close()


def test_an_old_link_cache_file_is_migrated_and_keeps_its_verdicts(tmp_path: Path) -> None:
    path = tmp_path / "links.sqlite3"
    with LinkCache(path, max_age=3600) as cache:  # a cache file as check wrote it before stores
        cache.put("http://a.test/x", _result(LinkStatus.ALIVE, 200))
    store = SqliteStore(path, max_age=24 * 3600)
    try:
        assert store.get_link("http://a.test/x", now=NOW + timedelta(hours=1)) is not None
        assert store.begin_run("b", options="{}") is False
    finally:
        store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(LATEST_VERSION,)]
    with LinkCache(path, max_age=24 * 3600) as cache:  # and check still reads it
        assert cache.get("http://a.test/x", now=NOW + timedelta(hours=1)) is not None


def test_a_postgresql_database_of_an_older_version_is_migrated(fresh_postgres: str) -> None:
    old = PostgresStore(fresh_postgres, max_age=3600, migrate=False)
    assert old.migrate(to=1) == 1
    old.put_link("http://a.test/x", _result(LinkStatus.ALIVE, 200))
    old.close()
    with psycopg.connect(fresh_postgres) as db:
        assert db.execute("SELECT to_regclass('runs')").fetchone() == (None,)
    store = open_store(fresh_postgres, max_age=24 * 3600)
    try:
        assert store.get_link("http://a.test/x", now=NOW + timedelta(hours=1)) is not None
        assert store.begin_run("b", options="{}") is False
    finally:
        store.close()
    with psycopg.connect(fresh_postgres) as db:
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(LATEST_VERSION,)]
    # Opening it again changes nothing.
    open_store(fresh_postgres, max_age=1).close()


def test_the_password_is_never_shown(postgres_url: str) -> None:
    assert (
        redact("postgresql://me:s3cret@db.example:5432/cc")
        == "postgresql://me:***@db.example:5432/cc"
    )
    assert redact("postgresql://me@db/cc") == "postgresql://me@db/cc"
    closed = postgres_url.replace("127.0.0.1:", "127.0.0.1:1").replace("not-a-secret", "s3cret")
    with pytest.raises(ConfigError) as caught:
        open_store(closed.rsplit(":", 1)[0] + ":1/postgres", max_age=1)
    assert "s3cret" not in str(caught.value)


def test_an_unknown_store_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown store"):
        open_store("mysql://u:pw@h/db", max_age=1)


def test_what_one_pass_carries_to_the_next(store_url: str) -> None:
    store = open_store(store_url, max_age=3600)
    try:
        store.begin_run("b1", options="{}")
        body = bytes(range(256)) * 4  # any bytes (compressed JSON in practice)
        store.put_parsed("/j/one.md", "hash-1", "v1", body)
        store.record_parsed(
            "b1", "/j/one.md", [("http://a.test/1", "http://a.test/1", 2020)], content_hash="hash-1"
        )
        store.flush()
        assert store.get_parsed("/j/one.md", "hash-1", "v1") == body
        assert store.get_parsed("/j/one.md", "hash-2", "v1") is None  # the file changed
        assert store.get_parsed("/j/one.md", "hash-1", "v2") is None  # other parsing code
        assert store.parsed_for("b1", "/j/one.md", "v1") == body
        store.put_parsed("/j/one.md", "hash-2", "v1", b"new")  # one row per path
        assert store.parsed_for("b1", "/j/one.md", "v1") is None  # not the one this batch read

        store.record_lookups("b1", [("doi:10.1/a", '{"n": 1}'), ("doi:10.1/b", '{"n": 2}')])
        store.record_lookups("b1", [("doi:10.1/a", '{"n": 3}')])  # the first citation stays
        assert store.pending_lookup_count("b1") == 2
        assert store.pending_lookups("b1", after="", limit=10) == [
            ("doi:10.1/a", '{"n": 1}'),
            ("doi:10.1/b", '{"n": 2}'),
        ]
        store.lookups_done("b1", ["doi:10.1/a"])
        assert store.pending_lookups("b1", after="", limit=10) == [("doi:10.1/b", '{"n": 2}')]

        store.record_archive_keys(
            "b1", [("http://a.test/1", "2020"), ("http://a.test/1", ""), ("http://b.test/", "")]
        )
        store.record_archive_keys("b1", [("http://a.test/1", "2020")])
        assert store.pending_archive_count("b1") == 3
        first = store.pending_archives("b1", after=("", ""), limit=2)
        assert first == [("http://a.test/1", "", None), ("http://a.test/1", "2020", None)]
        assert store.pending_archives("b1", after=first[-1][:2], limit=2) == [
            ("http://b.test/", "", None)
        ]
        store.record_archive("b1", "http://a.test/1", "2020", '{"url": "x"}')
        assert store.pending_archive_count("b1") == 2
        assert store.archive_results(
            "b1", [("http://a.test/1", "2020"), ("http://a.test/1", "")]
        ) == {("http://a.test/1", "2020"): '{"url": "x"}'}

        store.keep_archive("http://a.test/1", "2020", "s1", '{"url": "x"}')
        store.flush()
        assert store.cached_archive("http://a.test/1", "2020", "s1", 60) == '{"url": "x"}'
        assert store.cached_archive("http://a.test/1", "2020", "s2", 60) is None  # other settings
        assert store.cached_archive("http://a.test/1", "2020", "s1", -1) is None  # too old

        store.finish_run("b1", status="finished", manuscripts=1)
        store.begin_run("b1", options="{}")  # a finished batch starts over...
        assert store.pending_lookup_count("b1") == 0
        assert store.pending_archive_count("b1") == 0
        # ... and what lasts beyond a batch is still there.
        assert store.get_parsed("/j/one.md", "hash-2", "v1") == b"new"
        assert store.cached_archive("http://a.test/1", "2020", "s1", 60) is not None
    finally:
        store.close()
