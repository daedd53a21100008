"""What a batch worker does with one manuscript, wherever it runs.

Two jobs, each a plain function of picklable arguments so a process pool or
a Ray task can run it: ``discover`` reads and parses a manuscript and says
which URLs it cites (and when), which works it needs looked up and which
archived copies; its parse goes to the store (``records``), keyed by the
file's content hash and the parsing code. ``finish``, once the network
passes are done, gets that parse back from the store (it parses nothing
again), runs the checks, writes its reports and returns its counts. What
waits between the two is in the store, never in memory. A manuscript that
cannot be read is a result (``failed``), not an error.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck import pipeline, pipeline_sets
from citecheck.batch.records import (
    CarryError,
    decode_archive,
    decode_parsed,
    encode_citation,
    encode_parsed,
)
from citecheck.batch.sources import AnswersOnly
from citecheck.config import Settings
from citecheck.errors import CitecheckError
from citecheck.links import normalise_url
from citecheck.model import ArchiveResult, CheckRun, Citation, FootnoteSet, LinkStatus, Severity
from citecheck.store import Store, StoreAnswers, open_store
from citecheck.verdict import ExitCode, verdict

__all__ = ["Discovered", "FinishJob", "Finished", "ReadJob", "discover", "finish"]

# A worker opens the store once and keeps it for every manuscript it is given.
_STORES: dict[str, Store] = {}

# Report file endings by format.
_ENDINGS = {"text": "txt", "markdown": "md", "junit": "xml", "github": "txt"}


@dataclass(frozen=True, slots=True)
class ReadJob:
    """What ``discover`` needs besides the manuscript."""

    settings: Settings
    store_url: str = ""  # where an earlier parse may be found ("": parse anyway)
    version: str = ""  # the parsing code (``records.parse_fingerprint``)
    archive: bool = False  # list the (URL, date) pairs to find archived copies of


@dataclass(frozen=True, slots=True)
class Discovered:
    """A manuscript read: (normal URL, URL as cited, year cited) for each distinct URL."""

    path: str
    cited: tuple[tuple[str, str, int | None], ...] = ()
    problem: str | None = None
    internal: bool = False
    # The first citation of each sources lookup this manuscript needs (JSON), with its key.
    lookups: tuple[tuple[str, str], ...] = ()
    content_hash: str | None = None
    # The parse to store under the hash; None when the store holds it already.
    parsed: bytes | None = None
    # (normal URL, cited date or "") for each archived copy wanted.
    archive_keys: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class FinishJob:
    """What ``finish`` needs besides the manuscript: where verdicts and reports are."""

    batch_id: str
    store_url: str
    settings: Settings
    links: bool = True
    sources: bool = False
    reports_dir: str | None = None
    report_formats: tuple[str, ...] = ()
    root: str = ""
    version: str = ""  # the parsing code the read pass used
    # Why no archived copies are given ("": the batch's archive pass ran).
    archive_skipped: str = "archives not requested (--no-archive)"


@dataclass(frozen=True, slots=True)
class Finished:
    """A manuscript checked: its counts (JSON-ready), rank (worse is higher) and exit code."""

    path: str
    stage: str
    result: dict[str, Any] = field(default_factory=dict)
    rank: float = 0.0


def content_hash(path: str) -> str:
    """SHA-256 of the file's bytes (what its stored parse is keyed by).

    Raises:
        OSError: the file cannot be read (the reader then says so properly).
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _earlier_parse(
    job: ReadJob, path: str, digest: str
) -> tuple[tuple[FootnoteSet, ...], tuple[Citation, ...]] | None:
    if not job.store_url or not job.version:
        return None
    body = _store(job.store_url, job.settings).get_parsed(path, digest, job.version)
    if body is None:
        return None
    try:
        return decode_parsed(body)
    except CarryError:
        return None  # another code's, or damaged: parse again


def discover(path: str, job: ReadJob) -> Discovered:
    """Read and parse one manuscript (or find its parse stored) and list what it cites."""
    settings = job.settings
    parsed: bytes | None = None
    try:
        try:
            digest: str | None = content_hash(path)
        except OSError:
            digest = None  # read_manuscript below names the problem
        earlier = _earlier_parse(job, path, digest) if digest else None
        if earlier is not None:
            sets, citations = earlier
        else:
            sets = pipeline.read_footnotes([path])
            citations = pipeline.read_citations(sets)
            parsed = encode_parsed(sets, citations)
    except CitecheckError as error:
        return Discovered(path, problem=str(error))
    except Exception as error:  # a bug on one manuscript must not stop thousands
        return Discovered(
            path, problem=f"internal error: {type(error).__name__}: {error}", internal=True
        )
    years = pipeline_sets.cited_years(citations, doi_resolver=settings.links.doi_resolver)
    lookups: dict[str, str] = {}
    if sources_wanted(settings):
        for citation in pipeline_sets.with_note_contexts(sets, citations):
            key = pipeline_sets.source_lookup_key(citation, settings)
            if key is not None and key not in lookups:
                lookups[key] = encode_citation(citation)
    archive_keys: tuple[tuple[str, str], ...] = ()
    if job.archive:
        archive_keys = tuple(_archive_keys(citations))
    return Discovered(
        path,
        tuple((key, url, year) for key, (url, year) in years.items()),
        lookups=tuple(lookups.items()),
        content_hash=digest,
        parsed=parsed,
        archive_keys=archive_keys,
    )


def _archive_keys(citations: Sequence[Citation]) -> list[tuple[str, str]]:
    """(normal URL, date) for each URL as ``check`` archives it: one date per URL a manuscript."""
    return [
        (url, "" if date is None else date.isoformat())
        for url, date in pipeline.cited_dates(citations).items()
    ]


def sources_wanted(settings: Settings) -> bool:
    """Whether the sources stage runs: asked for, and not offline."""
    return settings.sources.enabled and not settings.links.offline


def _sources_skipped(settings: Settings) -> str | None:
    if not settings.sources.enabled:
        return "sources not looked up (--no-sources)"
    if settings.links.offline:
        return "offline: no source was looked up"
    return None


def _store(url: str, settings: Settings) -> Store:
    store = _STORES.get(url)
    if store is None:
        store = _STORES[url] = open_store(url, max_age=settings.links.cache_max_age, reader=True)
    return store


def report_path(reports_dir: str, root: str, path: str, fmt: str) -> Path:
    """Where a manuscript's report goes: its path under ``root``, mirrored under the folder."""
    source = Path(path)
    try:
        relative = source.relative_to(root) if root else Path(*source.parts[1:])
    except ValueError:
        relative = Path(*source.parts[1:])
    return Path(reports_dir) / f"{relative}.{_ENDINGS.get(fmt, fmt)}"


def _counts(run: CheckRun, code: int) -> dict[str, Any]:
    findings = Counter(f.severity.value for f in run.findings)
    links = Counter(link.status.value for link in run.links)
    return {
        "notes": sum(len(s.footnotes) for s in run.footnote_sets),
        "citations": len(run.citations),
        "urls": len(run.links),
        "links": dict(sorted(links.items())),
        "findings": {s.value: findings.get(s.value, 0) for s in Severity},
        "exit_code": code,
    }


def _parsed(path: str, job: FinishJob) -> tuple[tuple[FootnoteSet, ...], tuple[Citation, ...]]:
    """The read pass's parse of ``path`` from the store; parsed afresh only when it is gone.

    (Gone: the file was read by other code, e.g. a batch resumed after an upgrade.)
    """
    body = _store(job.store_url, job.settings).parsed_for(job.batch_id, path, job.version)
    if body is not None:
        try:
            return decode_parsed(body)
        except CarryError:
            pass
    sets = pipeline.read_footnotes([path])
    return sets, pipeline.read_citations(sets)


def _archives(
    store: Store, job: FinishJob, citations: Sequence[Citation], offline: bool
) -> tuple[tuple[ArchiveResult, ...], str | None]:
    """The manuscript's archive results from the batch's archive pass, and why none if none."""
    if not job.links:
        return (), "links not checked"
    if job.archive_skipped:
        return (), job.archive_skipped
    if offline:
        return (), "offline: no archive was asked"
    keys = _archive_keys(citations)
    found = store.archive_results(job.batch_id, keys)
    results: list[ArchiveResult] = []
    for key in keys:
        text = found.get(key)
        if text is not None:
            try:
                results.append(decode_archive(text))
            except CarryError:
                continue
    return tuple(results), None


def finish(path: str, job: FinishJob) -> Finished:
    """Check one manuscript with its URLs' stored verdicts; write its reports."""
    from citecheck.cli.check import write_reports  # the CLI's writer, so reports match `check`

    try:
        sets, citations = _parsed(path, job)
        store = _store(job.store_url, job.settings)
        verdicts = None
        offline = job.settings.links.offline
        if job.links:
            keys = [
                normalise_url(url)
                for url in pipeline.cited_urls(
                    citations, doi_resolver=job.settings.links.doi_resolver
                )
            ]
            verdicts = store.verdicts(job.batch_id, keys)
            reached = [verdicts.get(key) for key in keys]
            offline = offline or (
                bool(keys)
                and all(link is None or link.status is LinkStatus.OFFLINE for link in reached)
            )
        archives, archive_skipped = _archives(store, job, citations, offline)
        outcome = None
        if job.sources:
            answers = StoreAnswers(store)
            outcome = pipeline_sets.look_up_source_set(
                citations, job.settings, cache=answers, footnote_sets=sets, transport=AnswersOnly()
            )
        run = pipeline_sets.check_with_links(
            sets,
            citations,
            verdicts,
            job.settings,
            skipped_reason=archive_skipped,
            sources=outcome,
            sources_skipped_reason=_sources_skipped(job.settings),
            archives=archives,
        )
        code = int(verdict(run, fail_on=job.settings.fail_on, baseline=None))
        if job.reports_dir is not None:
            for fmt in job.report_formats:
                out = report_path(job.reports_dir, job.root, path, fmt)
                write_reports(run, fmt, out, (), baseline=None)
    except CitecheckError as error:
        return failed(path, str(error), internal=False)
    except Exception as error:
        return failed(path, f"internal error: {type(error).__name__}: {error}", internal=True)
    counts = _counts(run, code)
    found = counts["findings"]
    rank = found["error"] * 1e6 + found["warning"] * 1e3 + found["note"]
    return Finished(path, "done", counts, rank)


def failed(path: str, problem: str, *, internal: bool) -> Finished:
    """A manuscript that could not be read or checked: first in the summary."""
    code = ExitCode.INTERNAL if internal else ExitCode.USAGE
    return Finished(path, "failed", {"problem": problem, "exit_code": int(code)}, 1e12)
