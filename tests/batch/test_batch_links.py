"""The local engine's link pass: workers check, the main process alone writes the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from batch_corpus import Corpus

from citecheck.batch import BatchOptions, LocalEngine, run_batch
from citecheck.batch.progress import BatchProgress
from citecheck.config import Settings
from citecheck.store import open_store, sqlite_url
from citecheck.store.base import SqlStore

pytestmark = pytest.mark.timeout(300)


def test_link_workers_send_their_verdicts_to_the_main_process_which_writes_them(
    make_corpus: Callable[..., Corpus], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(manuscripts=8, hosts=4, per_host=4)
    written: list[str] = []  # verdicts recorded in this (the main) process
    real = SqlStore.record_verdict

    def counting(self: SqlStore, batch_id: str, key: str, *args: Any, **kwargs: Any) -> None:
        written.append(key)
        real(self, batch_id, key, *args, **kwargs)

    monkeypatch.setattr(SqlStore, "record_verdict", counting)
    settings = Settings()
    settings = replace(
        settings,
        sources=replace(settings.sources, enabled=False),
        archive=replace(settings.archive, enabled=False),
        links=replace(settings.links, timeout=5.0),
    )
    store = open_store(sqlite_url(tmp_path / "store.sqlite3"), max_age=3600.0)
    progress = BatchProgress()
    try:
        run_batch(
            [str(corpus.folder)],
            settings,
            store,
            LocalEngine(workers=2),  # two link workers, each with a part of the hosts
            batch_id="b",
            options=BatchOptions(),
            progress=progress,
        )
        counts = store.counts("b")
    finally:
        store.close()
    hits = corpus.hits()
    assert set(hits.values()) == {1}  # each URL asked once
    # Every verdict came back and was written here, one by one as it arrived (the bar
    # moved per verdict), not by the workers on their own connections.
    assert sorted(written) == sorted(set(written))
    assert len(written) == len(hits) == 10  # 8 manuscripts citing 3 URLs in a row each
    assert progress.counts["links"] == 10
    assert counts.get("urls:unchecked", 0) == 0
