"""What a batch worker does with one manuscript, wherever it runs.

Two jobs, each a plain function of picklable arguments so a process pool or
a Ray task can run it: ``discover`` reads a manuscript and says which URLs
it cites (and when); ``finish`` reads it again once its URLs have verdicts,
runs the checks, writes its reports and returns its counts. Reading twice
keeps the batch's memory flat: nothing parsed waits between the two.
A manuscript that cannot be read is a result (``failed``), not an error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck import pipeline
from citecheck.config import Settings
from citecheck.errors import CitecheckError
from citecheck.links import normalise_url
from citecheck.model import CheckRun, Citation, Severity
from citecheck.store import Store, StoreAnswers, open_store
from citecheck.verdict import ExitCode, verdict

__all__ = ["Discovered", "FinishJob", "Finished", "discover", "finish"]

# A worker opens the store once and keeps it for every manuscript it is given.
_STORES: dict[str, Store] = {}

# Report file endings by format.
_ENDINGS = {"text": "txt", "markdown": "md", "junit": "xml", "github": "txt"}


@dataclass(frozen=True, slots=True)
class Discovered:
    """A manuscript read: (normal URL, URL as cited, year cited) for each distinct URL."""

    path: str
    cited: tuple[tuple[str, str, int | None], ...] = ()
    problem: str | None = None
    internal: bool = False
    # The first citation of each sources lookup this manuscript needs, with its key.
    lookups: tuple[tuple[str, Citation], ...] = ()


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


@dataclass(frozen=True, slots=True)
class Finished:
    """A manuscript checked: its counts (JSON-ready), rank (worse is higher) and exit code."""

    path: str
    stage: str
    result: dict[str, Any] = field(default_factory=dict)
    rank: float = 0.0


def discover(path: str, settings: Settings) -> Discovered:
    """Read one manuscript and list the URLs it cites."""
    try:
        sets = pipeline.read_footnotes([path])
        citations = pipeline.read_citations(sets)
    except CitecheckError as error:
        return Discovered(path, problem=str(error))
    except Exception as error:  # a bug on one manuscript must not stop thousands
        return Discovered(
            path, problem=f"internal error: {type(error).__name__}: {error}", internal=True
        )
    years = pipeline.cited_years(citations, doi_resolver=settings.links.doi_resolver)
    lookups: dict[str, Citation] = {}
    if sources_wanted(settings):
        for citation in pipeline.with_note_contexts(sets, citations):
            key = pipeline.source_lookup_key(citation, settings)
            if key is not None:
                lookups.setdefault(key, citation)
    return Discovered(
        path,
        tuple((key, url, year) for key, (url, year) in years.items()),
        lookups=tuple(lookups.items()),
    )


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


def finish(path: str, job: FinishJob) -> Finished:
    """Check one manuscript with its URLs' stored verdicts; write its reports."""
    from citecheck.cli.check import write_reports  # the CLI's writer, so reports match `check`

    try:
        sets = pipeline.read_footnotes([path])
        citations = pipeline.read_citations(sets)
        verdicts = None
        if job.links:
            keys = [
                normalise_url(url)
                for url in pipeline.cited_urls(
                    citations, doi_resolver=job.settings.links.doi_resolver
                )
            ]
            verdicts = _store(job.store_url, job.settings).verdicts(job.batch_id, keys)
        outcome = None
        if job.sources:
            answers = StoreAnswers(_store(job.store_url, job.settings))
            outcome = pipeline.look_up_source_set(
                citations, job.settings, cache=answers, footnote_sets=sets
            )
        run = pipeline.check_with_links(
            sets,
            citations,
            verdicts,
            job.settings,
            skipped_reason="links not checked" if not job.links else "archives: not run by batch",
            sources=outcome,
            sources_skipped_reason=_sources_skipped(job.settings),
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
