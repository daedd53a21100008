"""The pipeline's steps for sets of manuscripts at once (``citecheck.batch``).

A batch checks each distinct URL once and looks each work up once for the
whole repository, then checks each manuscript with those verdicts: the same
stages as ``pipeline.run_check``, cut where the batch shares their work.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from citecheck import __version__, event_loop, pipeline
from citecheck.config import Settings
from citecheck.links import check_links, normalise_url
from citecheck.model import (
    ArchiveResult,
    CheckRun,
    Citation,
    FootnoteSet,
    LinkResult,
    LinkStatus,
)

if TYPE_CHECKING:
    import httpx

    from citecheck.sources import AnswerCache, SourcesOutcome

__all__ = [
    "check_url_set",
    "check_url_shards",
    "check_with_links",
    "cited_years",
    "look_up_source_set",
    "source_lookup_key",
    "with_note_contexts",
]


def cited_years(
    citations: Sequence[Citation], *, doi_resolver: str = "https://doi.org/"
) -> dict[str, tuple[str, int | None]]:
    """Each cited URL (DOIs as doi.org links) by its normal spelling: (first spelling, year).

    The year is when it was cited: the access date's, else the publication
    date's; with several citations of one URL the earliest counts.
    """
    years: dict[str, tuple[str, int | None]] = {}
    for citation in citations:
        when = citation.accessed or citation.date
        year = when.year if when is not None else None
        for url in pipeline.urls_of(citation, doi_resolver):
            key = normalise_url(url)
            spelled, known = years.get(key, (url, None))
            if key not in years or (year is not None and (known is None or year < known)):
                years[key] = (spelled, year)
    return years


def check_url_set(
    urls: Sequence[str],
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: pipeline.Progress | None = None,
) -> tuple[LinkResult, ...]:
    """The network stages for a set of distinct URLs, outside any one manuscript.

    One ``check_links`` call: one budget per host for all of them. The caller
    keeps the verdicts (``progress`` sees each as it arrives); notes are not
    known here and are joined back per manuscript by ``check_with_links``.
    """
    return event_loop.run(
        check_links(dict.fromkeys(urls, ()), settings.links, transport=transport, progress=progress)
    )


def check_with_links(
    footnote_sets: Sequence[FootnoteSet],
    citations: Sequence[Citation],
    verdicts: dict[str, LinkResult] | None,
    settings: Settings,
    *,
    checks: bool = True,
    skipped_reason: str | None,
    sources: SourcesOutcome | None = None,
    sources_skipped_reason: str | None = None,
    archives: Sequence[ArchiveResult] = (),
) -> CheckRun:
    """The checks of ``run_check`` on manuscripts whose links were checked elsewhere.

    ``verdicts`` holds the link results by normal URL spelling (None: links
    not checked); each cited URL gets its verdict with this run's spelling
    and notes, or an offline result when none was reached. ``archives``: the
    archive stage's results for these manuscripts, made elsewhere too.
    """
    started = datetime.now(UTC)
    links: list[LinkResult] = []
    if verdicts is not None:
        seen: set[str] = set()
        cited = pipeline.cited_urls(citations, doi_resolver=settings.links.doi_resolver)
        for url, notes in cited.items():
            key = normalise_url(url)
            if key in seen:
                continue
            seen.add(key)
            found = verdicts.get(key)
            if found is None:
                found = LinkResult(
                    url=url, status=LinkStatus.OFFLINE, reason="offline: not checked in this batch"
                )
            links.append(replace(found, url=url, notes=notes))
    offline = settings.links.offline or (
        bool(links) and all(r.status is LinkStatus.OFFLINE for r in links)
    )
    run = CheckRun(
        footnote_sets=tuple(footnote_sets),
        citations=sources.citations if sources is not None else tuple(citations),
        links=tuple(links),
        archives=tuple(archives),
        offline=offline,
        archive_skipped_reason=skipped_reason,
        started_at=started,
        tool_version=__version__,
        sources=sources.results if sources is not None else (),
        sources_unverified=sources.unverified if sources is not None else (),
        sources_skipped_reason=sources_skipped_reason,
    )
    return pipeline.with_findings(run, settings, checks=checks)


def source_lookup_key(citation: Citation, settings: Settings) -> str | None:
    """What the sources stage would ask for ``citation`` (None: nothing to look up).

    Two citations with one key are one lookup: a batch asks each key once.
    """
    from citecheck.sources.stage import bibliographic_query, plan

    kind, _ = plan(citation, case_lookups=bool(settings.sources.courtlistener_token))
    if kind is None:
        return None
    if kind == "doi":
        return f"doi:{(citation.doi or '').lower()}"
    if kind == "case":
        return f"case:{citation.volume} {citation.container} {citation.pages}"
    return f"search:{bibliographic_query(citation)}"


def look_up_source_set(
    citations: Sequence[Citation],
    settings: Settings,
    *,
    cache: AnswerCache | None,
    transport: httpx.AsyncBaseTransport | None = None,
    footnote_sets: Sequence[FootnoteSet] = (),
) -> SourcesOutcome:
    """The sources stage for citations gathered from many manuscripts, answers kept in ``cache``.

    ``footnote_sets``: the citations' manuscripts, when they are one run's
    (the stage may then read a whole note; see ``note_contexts``).
    """
    from citecheck.sources import look_up_sources

    return event_loop.run(
        look_up_sources(
            citations,
            settings.sources,
            cache=cache,
            transport=transport,
            user_agent=settings.links.user_agent,
            context=pipeline.note_contexts(footnote_sets, citations) if footnote_sets else None,
        )
    )


def with_note_contexts(
    footnote_sets: Sequence[FootnoteSet], citations: Sequence[Citation]
) -> tuple[Citation, ...]:
    """The citations as the sources stage reads them (a note citing one work: the whole note).

    Such a citation looked up on its own later asks exactly what it would
    have asked with its manuscript.
    """
    contexts = pipeline.note_contexts(footnote_sets, citations)
    return tuple(replace(c, raw=contexts.get(c.index, c.raw)) for c in citations)


def check_url_shards(
    shards: Sequence[Sequence[str]],
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: pipeline.Progress | None = None,
) -> tuple[LinkResult, ...]:
    """``check_url_set`` for shards of URLs that share no host, all at once.

    One ``check_links`` call per shard, side by side in one event loop: each
    host is in one shard only, so it still has one politeness budget, and no
    single call grows past what the links stage handles briskly.
    """

    async def all_shards() -> tuple[LinkResult, ...]:
        done = await asyncio.gather(
            *(
                check_links(
                    dict.fromkeys(shard, ()),
                    settings.links,
                    transport=transport,
                    progress=progress,
                )
                for shard in shards
                if shard
            )
        )
        return tuple(result for results in done for result in results)

    return event_loop.run(all_shards())
