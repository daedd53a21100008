"""What a batch's read pass carries to its check pass: each manuscript parsed once."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from citecheck import pipeline
from citecheck.batch import BatchOptions, run_batch
from citecheck.batch.links import check_shard
from citecheck.batch.progress import BatchProgress
from citecheck.batch.records import (
    CarryError,
    decode_archive,
    decode_parsed,
    encode_archive,
    encode_parsed,
)
from citecheck.config import Settings
from citecheck.model import (
    ArchiveResult,
    Capture,
    Drift,
    FootnoteSet,
    PartialDate,
    Snapshot,
)
from citecheck.store import Store, open_store

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


class InlineEngine:
    """The engine's two jobs in this process, so a test can count what they call."""

    workers = 1

    def map_unordered(
        self, job: Callable[[str, Any], Any], paths: Iterable[str], argument: Any
    ) -> Iterator[Any]:
        for path in paths:
            yield job(path, argument)

    def check_urls(
        self,
        shards: Iterable[Sequence[tuple[str, str]]],
        *,
        store: Store,
        batch_id: str,
        settings: Settings,
        advance: Callable[[int], None],
    ) -> None:
        for shard in shards:
            check_shard(store, batch_id, shard, settings, progress=lambda _: advance(1))

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    "name",
    [
        "markdown/multi-paragraph.md",
        "plaintext/continuation.txt",
        "html/pandoc-sample.html",
        "docx/pandoc-sample.docx",
        "latex/nested-braces.tex",
        "pdf/sample-latex.pdf",
    ],
)
def test_a_parse_comes_back_equal(name: str) -> None:
    path = CORPUS / name
    sets = pipeline.read_footnotes([path])
    citations = pipeline.read_citations(sets)
    assert citations or any(s.footnotes for s in sets)
    assert decode_parsed(encode_parsed(sets, citations)) == (sets, citations)


def test_an_archive_result_comes_back_equal() -> None:
    from datetime import UTC, datetime

    when = datetime(2015, 3, 1, 12, 0, tzinfo=UTC)
    result = ArchiveResult(
        url="http://a.test/x",
        citation_date=PartialDate(2015, 2),
        cited_snapshot=Snapshot("http://a.test/x", "http://ia.test/web/2015/x", when),
        captures=(Capture("warc", "http://a.test/x", None, when, sha256="ab", path="p.warc.gz"),),
        drift=Drift.MINOR,
        drift_evidence="J=0.7",
        problems=("wayback: no capture at or before the cited date",),
    )
    assert decode_archive(encode_archive(result)) == result


def test_what_is_not_a_carried_record_is_refused() -> None:
    with pytest.raises(CarryError):
        decode_parsed(b"not compressed")
    sets = pipeline.read_footnotes([CORPUS / "markdown" / "basic.md"])
    body = encode_parsed(sets, ())

    data = json.loads(zlib.decompress(body))
    data["footnote_sets"][0]["manuscript"]["shell"] = "rm -rf /"
    with pytest.raises(CarryError, match="no field 'shell'"):
        decode_parsed(zlib.compress(json.dumps(data).encode()))
    data["footnote_sets"][0]["manuscript"].pop("shell")
    data["footnote_sets"][0]["manuscript"]["markers"] = "not a list"
    with pytest.raises(CarryError):
        decode_parsed(zlib.compress(json.dumps(data).encode()))
    assert isinstance(decode_parsed(body)[0][0], FootnoteSet)


def _essays(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"essay{i}.md").write_text(
            f"Claim {i}.[^1] Another claim.[^2]\n\n"
            f'[^1]: Ann Author, "Report {i}," Example Institute, 2014, http://a.test/{i}.\n'
            f"[^2]: Id. at {i + 2}.\n",
            encoding="utf-8",
        )


def test_each_manuscript_is_parsed_once_and_an_unchanged_one_not_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "issues"
    _essays(folder, 5)
    parsed: list[str] = []
    real = pipeline.read_footnotes

    def counting(paths: Sequence[str | Path]) -> tuple[FootnoteSet, ...]:
        parsed.extend(str(p) for p in paths)
        return real(paths)

    monkeypatch.setattr(pipeline, "read_footnotes", counting)
    settings = Settings()
    settings = replace(settings, sources=replace(settings.sources, enabled=False))
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    reports = tmp_path / "reports"
    options = BatchOptions(links=False, reports_dir=reports, report_formats=("json",))

    def run() -> None:
        store = open_store(url, max_age=settings.links.cache_max_age)
        try:
            run_batch(
                [str(folder)],
                settings,
                store,
                InlineEngine(),
                batch_id="b",
                options=options,
                progress=BatchProgress(),
            )
        finally:
            store.close()

    monkeypatch.chdir(tmp_path)
    run()
    assert sorted(Path(p).name for p in parsed) == [f"essay{i}.md" for i in range(5)]
    first = json.loads((reports / "issues" / "essay3.md.json").read_text("utf-8"))
    assert first["summary"]["citations"] == 2

    parsed.clear()
    run()  # finished: it runs again, every parse from the store
    assert parsed == []
    again = json.loads((reports / "issues" / "essay3.md.json").read_text("utf-8"))
    assert again["citations"] == first["citations"]  # the same report from the stored parse
    assert again["findings"] == first["findings"]

    (folder / "essay2.md").write_text(
        "Changed.[^1]\n\n[^1]: Bo Li, Other Report (2019).\n", encoding="utf-8"
    )
    run()
    assert [Path(p).name for p in parsed] == ["essay2.md"]  # only the changed file


def test_a_batch_believes_a_dois_cached_verdict_only_from_its_own_resolver(
    tmp_path: Path,
) -> None:
    import httpx

    from citecheck.model import LinkResult, LinkStatus

    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(404)

    doi = "https://doi.org/10.1234/abc"
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}", max_age=3600.0)
    try:
        store.put_link(doi, LinkResult(doi, LinkStatus.ALIVE, "the DOI resolves", http_status=200))
        store.flush()
        settings = Settings()
        transport = httpx.MockTransport(answer)
        assert check_shard(store, "b", [(doi, doi)], settings, transport=transport) == 0
        other = replace(settings, links=replace(settings.links, doi_resolver="http://127.0.0.9/"))
        assert check_shard(store, "b", [(doi, doi)], other, transport=transport) == 1
        assert asked
        assert asked[0].startswith("http://127.0.0.9/10.1234/abc")
        # Its verdict is kept under that resolver's address, the doi.org one untouched.
        assert check_shard(store, "b", [(doi, doi)], other, transport=transport) == 0
        assert check_shard(store, "b", [(doi, doi)], settings, transport=transport) == 0
    finally:
        store.close()


@pytest.mark.parametrize(
    ("stage", "name"),
    [
        ("links", "doi_resolver"),
        ("sources", "crossref_api"),
        ("sources", "openalex_api"),
        ("sources", "courtlistener_api"),
        ("archive", "wayback_api"),
        ("archive", "wayback_web"),
        ("archive", "perma_api"),
    ],
)
def test_a_batch_asked_at_another_address_is_another_batch(stage: str, name: str) -> None:
    """Resuming would reuse the batch's verdicts, answers and copies: not another address's."""
    from citecheck.batch.run import batch_id_for

    settings = Settings()
    moved = replace(settings, **{stage: replace(getattr(settings, stage), **{name: "http://x/"})})
    paced = replace(settings, archive=replace(settings.archive, cdx_per_minute=5))
    same = batch_id_for(["essays"], settings, BatchOptions())
    assert batch_id_for(["essays"], moved, BatchOptions()) != same
    assert batch_id_for(["essays"], paced, BatchOptions()) == same  # pace is not an address
