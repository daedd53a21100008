"""The archive pass of a batch, against the loopback Wayback stand-in of tests/archive.

Each distinct (URL, cited date) of the batch is looked up once, all in one
session (one budget per service), each result stored as it arrives, reused
by a resumed or repeated batch, and carried into each manuscript's report.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from batch_corpus import Corpus

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "archive"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sources"))

from archive_standins import ArchiveStandIn, Capture, html
from sources_standins import CrossrefStandIn, OpenAlexStandIn
from test_batch_carry import InlineEngine
from test_batch_sources import JERGAS, PRIVACY, WAKEFIELD
from works_data import CROSSREF, OPENALEX

from citecheck.archive import ServiceLimits
from citecheck.batch import BatchOptions, run_batch
from citecheck.batch.progress import BatchProgress
from citecheck.cli import main
from citecheck.config import Settings
from citecheck.links import normalise_url
from citecheck.store import open_store

pytestmark = pytest.mark.timeout(300)


def archived(ia: ArchiveStandIn, corpus: Corpus) -> None:
    """A 2011 capture of every cited page but the second host's (never archived)."""
    for path in corpus.paths:
        host = next(h for h in corpus.hosts if path.startswith(f"/{h.address}/"))
        if host is corpus.hosts[1]:
            continue
        url = normalise_url(host.url(path))
        title = path.rsplit("/", 1)[-1]
        body = html(f"Report {title}", *[f"Report {title}."] * 20).encode()
        ia.add(url, Capture("20110301120000", url, body=body))


def lookups(ia: ArchiveStandIn) -> Counter[tuple[str, str]]:
    """Availability probes by (URL, date asked near): one per (URL, date) looked up."""
    return Counter(
        (r.param("url") or "", r.param("timestamp") or "") for r in ia.hits("/wayback/available")
    )


def _batch(corpus: Corpus, store: str, *extra: str) -> list[str]:
    return [
        "batch",
        str(corpus.folder),
        "--store",
        store,
        "--no-sources",
        "--no-progress",
        "--timeout",
        "5",
        "--workers",
        "2",
        *extra,
    ]


def test_each_url_and_date_is_looked_up_once_and_reports_carry_the_copies(
    make_corpus: Callable[..., Corpus], ia: ArchiveStandIn, tmp_path: Path
) -> None:
    corpus = make_corpus(manuscripts=6, hosts=2, per_host=3)
    archived(ia, corpus)
    store = f"sqlite:///{tmp_path / 's.sqlite3'}"
    reports = tmp_path / "reports"
    args = _batch(corpus, store, "--reports-dir", str(reports), "--format", "json")
    assert main(args) == 1  # the 404s

    looked_up = lookups(ia)
    cited = Counter()  # (URL, date) pairs as the manuscripts cite them
    for essay in sorted(corpus.folder.rglob("*.md")):
        pairs = set()
        for line in essay.read_text("utf-8").splitlines():
            if "(accessed May 1, " in line:
                url = line.split(" http", 1)[1].split(" (accessed", 1)[0].rstrip(",")
                year = line.rsplit(", ", 1)[1][:4]
                pairs.add((normalise_url("http" + url), f"{year}0501235959"))
        cited.update(pairs)
    assert set(looked_up) == set(cited)
    assert set(looked_up.values()) == {1}, looked_up  # once each, however many cite it
    assert max(cited.values()) > 1  # and some were cited by several manuscripts

    one = json.loads(next(reports.rglob("essay001.md.json")).read_text("utf-8"))
    archives = {a["url"]: a for a in one["archives"]}
    assert len(archives) == 3
    first_host = f"/{corpus.hosts[0].address}/"
    for url, entry in archives.items():
        if first_host in url:
            assert entry["cited_snapshot"]["archive_url"].startswith(ia.base + "/web/2011")
        else:
            assert entry["cited_snapshot"] is None
            assert "wayback: no capture with HTTP status 200 found" in entry["problems"]
    live = [a for a in archives.values() if a["captures"]]
    assert live
    assert all(c["provider"] == "warc" for a in live for c in a["captures"])
    assert (tmp_path / ".citecheck" / "archive" / "manifest.jsonl").exists()

    # The same command again: a finished batch starts over, its archive results kept.
    before = len(ia.requests)
    assert main(args) == 1
    assert len(ia.requests) == before
    again = json.loads(next(reports.rglob("essay001.md.json")).read_text("utf-8"))
    assert again["archives"] == one["archives"]


def test_no_archive_and_offline_ask_no_archive(
    make_corpus: Callable[..., Corpus], ia: ArchiveStandIn, tmp_path: Path
) -> None:
    corpus = make_corpus(manuscripts=3, hosts=1, per_host=3)
    store = f"sqlite:///{tmp_path / 's.sqlite3'}"
    reports = tmp_path / "reports"
    assert main([*_batch(corpus, store, "--no-archive", "--reports-dir", str(reports))]) == 1
    one = json.loads(next(reports.rglob("essay001.md.json")).read_text("utf-8"))
    assert one["archives"] == []
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"  # no verdicts kept from the run above
    assert main([*_batch(corpus, fresh, "--offline")]) == 3
    assert ia.requests == []


class _StopAfter(BatchProgress):
    """Ctrl-C once ``count`` archive results have arrived."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def advance(self, phase: str, amount: int = 1) -> None:
        BatchProgress.advance(self, phase, amount)
        if phase == "archive" and self.counts["archive"] >= self.count:
            raise KeyboardInterrupt


def _settings() -> Settings:
    settings = Settings()
    return replace(settings, sources=replace(settings.sources, enabled=False))


def _run_inline(
    corpus: Corpus,
    settings: Settings,
    url: str,
    limits: ServiceLimits,
    progress: BatchProgress,
    *,
    max_age: float,
) -> None:
    """The batch ``b`` over the corpus, in this process, with the archive's ``limits``."""
    store = open_store(url, max_age=max_age)
    try:
        run_batch(
            [str(corpus.folder)],
            settings,
            store,
            InlineEngine(),
            batch_id="b",
            options=BatchOptions(archive_limits=limits),
            progress=progress,
        )
    finally:
        store.close()


def test_one_budget_for_the_batch_and_an_interrupt_keeps_what_arrived(
    make_corpus: Callable[..., Corpus], ia: ArchiveStandIn, tmp_path: Path
) -> None:
    corpus = make_corpus(manuscripts=8, hosts=2, per_host=4)
    archived(ia, corpus)
    settings = _settings()
    settings = replace(
        settings,
        archive=replace(settings.archive, wayback_api=ia.base, wayback_web=ia.base),
    )
    # Two availability probes and three CDX queries a second, for the whole batch.
    limits = ServiceLimits(window=1.0, availability=2, cdx=3, replay=50, timeout=5.0)
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"

    def run(progress: BatchProgress) -> None:
        _run_inline(corpus, settings, url, limits, progress, max_age=settings.links.cache_max_age)

    with pytest.raises(KeyboardInterrupt):
        run(_StopAfter(3))
    kept = set(lookups(ia))
    assert len(kept) >= 3

    start = len(ia.requests)
    run(BatchProgress())
    looked_up = lookups(ia)
    assert len(looked_up) > len(kept)
    # What arrived before the interrupt is not asked again; in flight then, at most once more.
    assert sum(looked_up.values()) <= len(looked_up) + 64
    over = [k for k in kept if looked_up[k] > 1]
    assert len(over) <= len(kept) - 3, over
    # One budget per service: never more than its share in any window, across manuscripts.
    rerun = ia.requests[start:]
    for path, budget in (("/wayback/available", 2), ("/cdx/search/cdx", 3)):
        times = sorted(r.at for r in rerun if r.path == path)
        assert len(times) > budget
        for i in range(budget, len(times)):
            assert times[i] - times[i - budget] >= 0.75, (path, times)  # 1 s, less jitter


def test_the_works_and_archive_passes_run_side_by_side(
    make_corpus: Callable[..., Corpus], ia: ArchiveStandIn, tmp_path: Path
) -> None:
    # Different services, each with its own budget: neither pass waits for the other.
    corpus = make_corpus(manuscripts=4, hosts=2, per_host=3)
    archived(ia, corpus)
    for i, work in enumerate((PRIVACY, JERGAS, WAKEFIELD)):  # works for the sources pass
        (corpus.folder / f"works{i}.md").write_text(f"A claim.[^1]\n\n[^1]: {work}\n", "utf-8")
    crossref = CrossrefStandIn(CROSSREF, "127.1.251.5", stated_limit=1)  # one a second
    openalex = OpenAlexStandIn(OPENALEX, "127.1.251.6")
    crossref.start()
    openalex.start()
    try:
        settings = Settings()
        settings = replace(
            settings,
            sources=replace(
                settings.sources, crossref_api=crossref.base, openalex_api=openalex.base
            ),
            archive=replace(settings.archive, wayback_api=ia.base, wayback_web=ia.base),
        )
        limits = ServiceLimits(window=1.0, availability=1, cdx=2, replay=50, timeout=5.0)
        url = f"sqlite:///{tmp_path / 's.sqlite3'}"
        _run_inline(corpus, settings, url, limits, BatchProgress(), max_age=0.0)
        works = sorted(r.at for r in crossref.requests)
        archives = sorted(r.at for r in ia.requests if r.path == "/wayback/available")
        assert len(works) >= 3
        assert len(archives) >= 3
        # Each pass takes seconds at its budget; they overlap instead of one after the other.
        assert archives[0] < works[-1]
        assert works[0] < archives[-1]
    finally:
        crossref.stop()
        openalex.stop()


def test_archive_results_kept_under_another_doi_resolver_are_not_reused(
    make_corpus: Callable[..., Corpus], ia: ArchiveStandIn, tmp_path: Path
) -> None:
    """A finished batch run again asks nothing, unless doi-resolver (where DOI pages are
    fetched) changed: results made against another resolver are not believed."""
    corpus = make_corpus(manuscripts=2, hosts=2, per_host=2)
    archived(ia, corpus)
    settings = _settings()
    settings = replace(
        settings, archive=replace(settings.archive, wayback_api=ia.base, wayback_web=ia.base)
    )
    limits = ServiceLimits(window=1.0, replay=50, timeout=5.0)
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"

    def run(settings: Settings) -> int:
        ia.requests.clear()
        _run_inline(corpus, settings, url, limits, BatchProgress(), max_age=3600.0)
        return len(lookups(ia))

    assert run(settings) > 0
    assert run(settings) == 0  # kept
    other = replace(settings, links=replace(settings.links, doi_resolver="http://127.0.0.9/"))
    assert run(other) > 0


@pytest.mark.parametrize(
    "change",
    [
        {"providers": ("warc", "perma")},
        {"save_new": True},
        {"wayback_api": "http://127.0.0.9"},
        {"wayback_web": "http://127.0.0.9"},
        {"perma_api": "http://127.0.0.9/v1/"},
        {"perma_key": "k"},
        {"perma_folder": 3},
        {"ia_keys": "a:b"},
        {"warc_dir": Path("elsewhere")},
        {"doi_resolver": "http://127.0.0.9/"},
    ],
    ids=lambda change: next(iter(change)),
)
def test_every_setting_that_changes_what_is_fetched_is_in_the_archive_fingerprint(
    change: dict[str, object],
) -> None:
    from citecheck.batch.archive import settings_digest
    from citecheck.config import ArchiveSettings

    default = ArchiveSettings()
    resolver = str(change.pop("doi_resolver", "https://doi.org/"))
    assert settings_digest(replace(default, **change), doi_resolver=resolver) != (
        settings_digest(default)
    )
    # What only paces the look-ups does not.
    assert settings_digest(replace(default, cdx_per_minute=5)) == settings_digest(default)
