"""The whole run, one way: read -> footnotes -> citations -> links (+ sources) -> archive -> checks.

This is the only module that imports every stage (with ``pipeline_sets``, its
steps for many manuscripts at once, which ``citecheck.batch`` uses). It owns the one
``asyncio.run`` of a run (links and archive are async inside), joins link
results back to the notes that cite them, and gathers every finding into one
``CheckRun`` for the report writers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from citecheck import __version__, event_loop
from citecheck.config import Settings
from citecheck.early_links import join, noted_urls, without_cited_doi
from citecheck.footnotes import find_footnotes
from citecheck.links import check_links, normalise_url
from citecheck.links.urls import doi_link
from citecheck.model import (
    ArchiveResult,
    CheckRun,
    Citation,
    Finding,
    FootnoteSet,
    LinkResult,
    LinkStatus,
    PartialDate,
)
from citecheck.readers import read_manuscript
from citecheck.text_stages import TextStages, parse_and_check, read_citations
from citecheck.verdict import archive_findings, link_findings
from citecheck.worker import CpuWorker

if TYPE_CHECKING:
    # The archive and sources stages (and httpx) are imported where a run uses them:
    # ``citecheck check --no-archive`` then never loads the archive's modules, and
    # the citations and checks load in the worker that parses while links are asked.
    import httpx

    from citecheck.sources import SourcesOutcome

__all__ = [
    "cited_dates",
    "cited_urls",
    "noted_urls",
    "read_citations",
    "read_footnotes",
    "run_check",
    "run_sources",
    "urls_of",
    "with_findings",
]

Progress = Callable[[LinkResult], None]


class ArchiveProgress(Protocol):
    """Told when the archive stage starts (how many URLs) and as each URL is done."""

    def start_archive(self, total: int) -> None: ...

    def archived(self, result: ArchiveResult) -> None: ...


# From this many notes the citations are parsed in a worker process, below it
# in a thread: a process costs ~0.5 s of CPU to start, parsing and the text
# checks ~1 ms a note (see benchmarks/README.md, links).
PARSE_IN_PROCESS_AT = 400


def read_footnotes(paths: Sequence[str | Path]) -> tuple[FootnoteSet, ...]:
    """Read each manuscript and pair its markers with its notes."""
    return tuple(find_footnotes(read_manuscript(path)) for path in paths)


def _note_name(citation: Citation, *, many_files: bool) -> str:
    # With several manuscripts, "3" alone would be ambiguous in link results.
    if many_files:
        return f"{Path(citation.location.path).name}:{citation.note}"
    return citation.note


def urls_of(citation: Citation, doi_resolver: str) -> Iterable[str]:
    """The citation's URLs, and its DOI as ``https://doi.org/…`` unless a URL names it.

    The DOI link is what the reports show (the author's ``doi:10.1/x`` is that
    DOI); the links stage asks it of ``doi_resolver``, which is never shown.
    """
    yield from citation.urls
    if citation.doi:
        yield from without_cited_doi((doi_link(citation.doi),), citation.urls, doi_resolver)


def cited_urls(
    citations: Sequence[Citation], *, doi_resolver: str = "https://doi.org/"
) -> dict[str, tuple[str, ...]]:
    """Every distinct URL cited (DOIs as ``https://doi.org/…`` links), with the notes citing it."""
    many_files = len({c.location.path for c in citations}) > 1
    notes: dict[str, list[str]] = {}
    for citation in citations:
        for url in urls_of(citation, doi_resolver):
            labels = notes.setdefault(url, [])
            name = _note_name(citation, many_files=many_files)
            if name not in labels:
                labels.append(name)
    return {url: tuple(labels) for url, labels in notes.items()}


def cited_dates(citations: Sequence[Citation]) -> dict[str, PartialDate | None]:
    """For each cited URL, the date to look for an archived copy near.

    The access date says when the author saw the page, so it wins over the
    publication date; with several citations of one URL the earliest counts.
    URLs are keyed in their normal spelling (``normalise_url``), the key the
    links stage joins on, so two spellings of one address are one entry.
    """
    dates: dict[str, PartialDate | None] = {}
    for citation in citations:
        when = citation.accessed or citation.date
        for cited in citation.urls:
            url = normalise_url(cited)
            known = dates.get(url)
            if url not in dates or (when is not None and (known is None or when < known)):
                dates[url] = when
    return dates


def _import_final_stages() -> None:
    # Only the page families run here; the text families run in the worker.
    import citecheck.checks.quotes
    import citecheck.checks.sources
    import citecheck.sources  # noqa: F401


async def _network_stages(
    parsing: asyncio.Future[TextStages],
    settings: Settings,
    *,
    early: dict[str, tuple[str, ...]] | None,
    archive: bool,
    transport: httpx.AsyncBaseTransport | None,
    progress: Progress | None,
    archive_progress: ArchiveProgress | None = None,
) -> tuple[tuple[LinkResult, ...], tuple[ArchiveResult, ...], str | None]:

    def check(urls: dict[str, tuple[str, ...]]) -> Awaitable[tuple[LinkResult, ...]]:
        return check_links(urls, settings.links, transport=transport, progress=progress)

    if early:
        # The URLs the notes show are checked while the citations are parsed;
        # then the verdicts are joined to them, and any URL only they cite is checked.
        found = await check(early)
        citations = (await parsing).citations
        joined = join(early, found, cited_urls(citations, doi_resolver=settings.links.doi_resolver))
        links = joined.results(await check(joined.to_check) if joined.to_check else ())
    else:
        citations = (await parsing).citations
        links = await check(cited_urls(citations, doi_resolver=settings.links.doi_resolver))
    offline = settings.links.offline or (
        bool(links) and all(link.status is LinkStatus.OFFLINE for link in links)
    )
    if not archive or not settings.archive.enabled:
        return links, (), "archives not requested (--no-archive)"
    if offline:
        return links, (), "offline: no archive was asked"
    from citecheck.archive import archive_urls

    by_url = {normalise_url(link.url): link for link in links}
    dates = cited_dates(citations)
    if archive_progress is not None:
        archive_progress.start_archive(len(dates))
    archives = await archive_urls(
        dates,
        settings.archive,
        links=by_url,
        transport=transport,
        user_agent=settings.links.user_agent,
        doi_resolver=settings.links.doi_resolver,
        on_result=archive_progress.archived if archive_progress is not None else None,
    )
    return links, archives, None


def note_contexts(
    footnote_sets: Sequence[FootnoteSet], citations: Sequence[Citation]
) -> dict[int, str]:
    """For each citation that is its note's only full citation, the whole note's text."""
    texts = {(n.location.path, n.label): n.text for s in footnote_sets for n in s.footnotes}
    full: dict[tuple[str, str], list[Citation]] = {}
    for citation in citations:
        if citation.short_form is None and citation.antecedent is None:
            full.setdefault((citation.location.path, citation.note), []).append(citation)
    return {
        cited[0].index: texts[key]
        for key, cited in full.items()
        if len(cited) == 1 and key in texts
    }


async def run_sources(
    citations: Sequence[Citation],
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    footnote_sets: Sequence[FootnoteSet] = (),
) -> SourcesOutcome:
    """The sources stage, with its answers cached in the link cache's file."""
    from citecheck.sources import SqliteAnswerCache, look_up_sources

    path = settings.links.cache_path
    cache = SqliteAnswerCache(path) if path is not None else None
    try:
        return await look_up_sources(
            citations,
            settings.sources,
            cache=cache,
            transport=transport,
            user_agent=settings.links.user_agent,
            context=note_contexts(footnote_sets, citations),
        )
    finally:
        if cache is not None:
            cache.close()


async def _all_stages(
    footnote_sets: tuple[FootnoteSet, ...],
    citations: tuple[Citation, ...] | None,
    settings: Settings,
    *,
    text_checks: bool,
    links: bool,
    sources: bool,
    archive: bool,
    transport: httpx.AsyncBaseTransport | None,
    progress: Progress | None,
    archive_progress: ArchiveProgress | None = None,
) -> tuple[
    TextStages,
    tuple[LinkResult, ...],
    tuple[ArchiveResult, ...],
    str | None,
    SourcesOutcome | None,
]:
    """The citations (parsed in a worker process unless given) and the network stages, overlapped.

    Parsing and the text checks are CPU work; the links are waiting on the
    network; so the links the notes show start at once, on the event loop,
    while the worker parses. Links (then archives) and sources ask different
    services and run side by side once the citations they need are known.
    """
    early = (
        noted_urls(footnote_sets, doi_resolver=settings.links.doi_resolver)
        if links and citations is None
        else None
    )
    notes = sum(len(s.footnotes) for s in footnote_sets)
    worker = CpuWorker(in_process=citations is None and notes >= PARSE_IN_PROCESS_AT)
    parsing: asyncio.Future[TextStages]
    if citations is not None:
        parsing = asyncio.get_running_loop().create_future()
        parsing.set_result(TextStages(citations))
    else:
        checks = settings.checks if text_checks else None
        parsing = asyncio.ensure_future(worker.run(parse_and_check, footnote_sets, checks))
    # What the run needs once the answers are in is imported while they are awaited.
    warming = asyncio.get_running_loop().run_in_executor(None, _import_final_stages)

    async def link_stages() -> tuple[tuple[LinkResult, ...], tuple[ArchiveResult, ...], str | None]:
        if not links:
            return (), (), "links not checked"
        return await _network_stages(
            parsing,
            settings,
            early=early,
            archive=archive,
            transport=transport,
            progress=progress,
            archive_progress=archive_progress,
        )

    async def source_stage() -> SourcesOutcome | None:
        if not sources:
            return None
        return await run_sources(
            (await parsing).citations,
            settings,
            transport=transport,
            footnote_sets=footnote_sets,
        )

    # ``parsing`` is gathered too, so a bad ledger stops the run at once.
    parsed, (found, archives, skipped), outcome, _ = await asyncio.gather(
        parsing, link_stages(), source_stage(), warming
    )
    return parsed, found, archives, skipped, outcome


def _sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(
        sorted(findings, key=lambda f: (f.location.path, f.location.order, -f.severity.rank))
    )


def with_findings(
    run: CheckRun,
    settings: Settings,
    *,
    checks: bool,
    text_findings: tuple[Finding, ...] | None = None,
) -> CheckRun:
    """The run with every stage's findings gathered, the disabled rules left out, sorted.

    ``text_findings``: the checks' findings that need no fetched page, when
    they were found beside the network stages; the others are found here.
    """
    from citecheck.checks import LINK_FAMILIES, in_family_order, run_checks
    from citecheck.sources import work_findings

    findings: list[Finding] = [f for s in run.footnote_sets for f in s.findings]
    if checks and text_findings is not None:
        link_checks = run_checks(run, settings.checks, families=LINK_FAMILIES)
        findings.extend(in_family_order((*text_findings, *link_checks)))
    elif checks:
        findings.extend(run_checks(run, settings.checks))
    findings.extend(link_findings(run))
    findings.extend(archive_findings(run))
    findings.extend(work_findings(run.citations, run.sources, run.sources_unverified))
    disabled = set(settings.checks.disabled_rules)
    kept = (f for f in findings if f.rule not in disabled)
    return replace(
        run,
        findings=_sorted_findings(kept),
        finished_at=datetime.now(UTC),
        disabled_rules=tuple(sorted(disabled)),
    )


def run_check(
    paths: Sequence[str | Path],
    settings: Settings,
    *,
    links: bool = True,
    archive: bool = True,
    transport: httpx.AsyncBaseTransport | None = None,
    checks: bool = True,
    progress: Progress | None = None,
    archive_progress: ArchiveProgress | None = None,
    footnote_sets: Sequence[FootnoteSet] | None = None,
    citations: Sequence[Citation] | None = None,
    sources: bool = True,
) -> CheckRun:
    """Run every stage on the manuscripts and return what the run found.

    Args:
        paths: manuscript files, read in order.
        settings: the run's settings.
        links: check the cited URLs (off: parse and check text only).
        archive: look for and make archived copies of the cited URLs.
        transport: an httpx transport for tests (loopback or mock).
        checks: run the consistency checks.
        progress: called once per link result as it arrives.
        archive_progress: told when the archive stage starts and as each URL is done.
        footnote_sets: already-read manuscripts, to skip reading again.
        citations: already-parsed citations of ``footnote_sets``.
        sources: look the cited works up (Crossref, OpenAlex, CourtListener);
            skipped in an offline run and when ``settings.sources.enabled`` is off.

    Raises:
        InputError: a manuscript cannot be read.
        ConfigError: the ledger or other settings are unusable.
    """
    started = datetime.now(UTC)
    sets = tuple(footnote_sets) if footnote_sets is not None else read_footnotes(paths)
    given = tuple(citations) if citations is not None else None
    link_results: tuple[LinkResult, ...] = ()
    archives: tuple[ArchiveResult, ...] = ()
    skipped: str | None = "links not checked"
    sources_skipped: str | None = None
    if not sources or not settings.sources.enabled:
        sources_skipped = "sources not looked up (--no-sources)"
    elif settings.links.offline:
        sources_skipped = "offline: no source was looked up"
    wanted = sources_skipped is None
    outcome: SourcesOutcome | None = None
    text_findings: tuple[Finding, ...] | None = None
    if links or wanted:
        parsed_now, link_results, archives, skipped, outcome = event_loop.run(
            _all_stages(
                sets,
                given,
                settings,
                # The sources stage adds DOIs to the citations the checks read: then they wait.
                text_checks=checks and not wanted,
                links=links,
                sources=wanted,
                archive=archive,
                transport=transport,
                progress=progress,
                archive_progress=archive_progress,
            )
        )
        parsed, text_findings = parsed_now.citations, parsed_now.findings
    else:
        parsed = given if given is not None else read_citations(sets)
    offline = settings.links.offline or (
        bool(link_results) and all(r.status is LinkStatus.OFFLINE for r in link_results)
    )
    if outcome is not None:
        parsed = outcome.citations  # DOIs of matched works added (frozen records replaced)
    run = CheckRun(
        footnote_sets=sets,
        citations=parsed,
        links=link_results,
        archives=archives,
        offline=offline,
        archive_skipped_reason=skipped,
        started_at=started,
        tool_version=__version__,
        sources=outcome.results if outcome is not None else (),
        sources_unverified=outcome.unverified if outcome is not None else (),
        sources_skipped_reason=sources_skipped,
    )
    return with_findings(run, settings, checks=checks, text_findings=text_findings)
