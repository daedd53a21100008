"""The archive stage: find, request and keep a copy of every cited page.

One public verb, ``archive_urls``. For each cited URL, concurrently:

* the Wayback capture that stands for the cited version is found
  (``wayback``: Availability probe, then CDX; the choice is ``choose``);
* if the URL is live (per the links stage; unknown counts as worth a try):
  today's page is fetched once and kept in a local WARC (``warc``, provider
  "warc", the default; no account needed), compared with the snapshot for
  content drift (``drift``), and, when configured, captured anew by Save
  Page Now 2 (``spn2``; provider "wayback" or ``save_new``, and ``ia_keys``) and Perma.cc
  (``perma``; provider "perma" and ``perma_key``).

Every failure of a remote service or of the network becomes a line in the
result's ``problems``; nothing here raises for them. Rate limits are kept on
the client side (``throttle``). docs/archive.md is the user's guide.

``archiving`` opens the session ``archive_urls`` runs in, for callers that
feed URLs in as they come (a batch: one budget per service for all of them).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

import httpx

from citecheck.archive.drift import measure_drift
from citecheck.archive.perma import create_perma_link
from citecheck.archive.session import Session
from citecheck.archive.spn2 import save_page
from citecheck.archive.throttle import ServiceLimits
from citecheck.archive.warc import FetchFailed, LivePage, capture_to_warc, fetch_live
from citecheck.archive.wayback import Found, find_snapshot
from citecheck.config import ArchiveSettings, LinkSettings
from citecheck.links.urls import request_target
from citecheck.model import ArchiveResult, Capture, Drift, LinkResult, LinkStatus, PartialDate

__all__ = ["Archiver", "ServiceLimits", "archive_urls", "archiving", "limits_for"]

_DEFAULT_USER_AGENT = LinkSettings().user_agent
_LIVE = {LinkStatus.ALIVE, LinkStatus.REDIRECTED}
T = TypeVar("T")


async def archive_urls(
    cited: Mapping[str, PartialDate | None],
    settings: ArchiveSettings,
    *,
    links: Mapping[str, LinkResult] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    now: datetime | None = None,
    user_agent: str = _DEFAULT_USER_AGENT,
    limits: ServiceLimits | None = None,
    doi_resolver: str = "https://doi.org/",
    on_result: Callable[[ArchiveResult], None] | None = None,
) -> tuple[ArchiveResult, ...]:
    """Find, request and keep archived copies of the cited URLs.

    Args:
        cited: each cited URL and the citation's date (access date or
            publication date; None when unknown), used to choose the snapshot.
        settings: providers, service base URLs, keys, ``warc_dir``.
        links: the links stage's verdicts by URL. Only URLs whose verdict is
            alive or redirected (or that have no verdict) are captured and
            compared for drift; dead ones only get their snapshot.
        transport: an httpx transport (tests); the default is the network.
        now: fixes the run's clock (capture times, WARC names, the upper
            bound for undated citations); default the real UTC time.
        user_agent: sent with every request.
        limits: request budgets and waits; default the published limits.
        doi_resolver: where a DOI link's page is fetched (``doi-resolver``),
            as the links stage fetches it (``links.urls.request_target``).
        limits: request budgets and waits; default ``limits_for(settings)``: the
            published limits, the Wayback look-up budgets as the settings give them.
        on_result: called with each URL's result as it is done (progress).

    Returns:
        One ``ArchiveResult`` per cited URL, in the order given.
    """
    async with archiving(
        settings,
        transport=transport,
        now=now,
        user_agent=user_agent,
        limits=limits,
        doi_resolver=doi_resolver,
    ) as archiver:

        async def one(url: str, date: PartialDate | None) -> ArchiveResult:
            result = await archiver.archive(url, date, links.get(url) if links else None)
            if on_result is not None:
                on_result(result)
            return result

        return tuple(await asyncio.gather(*(one(url, date) for url, date in cited.items())))


class Archiver:
    """One session's ``archive``: every call shares its client, budgets and pauses."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._gate = asyncio.Semaphore(max(1, session.limits.concurrency))

    async def archive(
        self, url: str, date: PartialDate | None, link: LinkResult | None = None
    ) -> ArchiveResult:
        """``archive_urls`` for one URL cited at ``date`` (``link``: its verdict, if known)."""
        async with self._gate:
            return await _archive_one(self._session, url, date, link)


@asynccontextmanager
async def archiving(
    settings: ArchiveSettings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    now: datetime | None = None,
    user_agent: str = _DEFAULT_USER_AGENT,
    limits: ServiceLimits | None = None,
    doi_resolver: str = "https://doi.org/",
) -> AsyncIterator[Archiver]:
    """An ``Archiver`` for as many URLs as come, within one budget per service.

    The arguments are ``archive_urls``'.
    """
    limits = limits or limits_for(settings)
    timeout = httpx.Timeout(limits.timeout, connect=limits.connect_timeout)
    async with httpx.AsyncClient(
        transport=transport, timeout=timeout, headers={"User-Agent": user_agent}
    ) as client:
        yield Archiver(
            Session(
                client=client,
                settings=settings,
                limits=limits,
                fixed_now=now,
                doi_resolver=doi_resolver,
            )
        )


def limits_for(settings: ArchiveSettings) -> ServiceLimits:
    """The published limits, with the Wayback look-up budgets the settings give
    (raised only for a private mirror: ``config`` refuses more for archive.org)."""
    return replace(
        ServiceLimits(),
        cdx=settings.cdx_per_minute,
        availability=settings.availability_per_minute,
    )


async def _archive_one(
    session: Session, url: str, cited: PartialDate | None, link: LinkResult | None
) -> ArchiveResult:
    settings = session.settings
    live = link is None or link.status in _LIVE
    found, unmatched = await _cited_copy(session, url, cited, live)
    problems = list(found.problems)
    captures: list[Capture] = []
    drift: Drift | None = None
    evidence = ""
    if live:
        remote: list[Callable[[], Awaitable[_Outcome]]] = []
        # Naming "wayback" as a provider asks for new Wayback captures, as --save does.
        if settings.save_new or "wayback" in settings.providers:
            if settings.ia_keys:
                remote.append(
                    lambda: _guarded(
                        session.once("save", url, lambda: save_page(session, url)),
                        lambda why: (None, (f"wayback save: {why}",)),
                    )
                )
            else:
                problems.append("wayback save: asked for, but no keys (CITECHECK_IA_KEYS)")
        if "perma" in settings.providers:
            if settings.perma_key:
                remote.append(
                    lambda: _guarded(
                        session.once("perma", url, lambda: create_perma_link(session, url)),
                        lambda why: (None, (f"perma: {why}",)),
                    )
                )
            else:
                problems.append("perma: provider chosen but no API key (CITECHECK_PERMA_KEY)")
        local_job = _local(session, url, cited, found, unmatched)
        if remote and cited is not None and found.snapshot is not None:
            # Drift will be measured: a page that replaced the cited one (a parked
            # domain, a notice) is not captured, as a dead one is not; an editor
            # pasting that link would archive the wrong content.
            local = await local_job
            if local[2] is Drift.REPLACED:
                remote = []
                problems += _not_captured(settings)
            outcomes = await asyncio.gather(*(make() for make in remote))
        else:
            local, outcomes = await asyncio.gather(
                local_job, asyncio.gather(*(make() for make in remote))
            )
        local_capture, local_problems, drift, evidence = local
        if local_capture is not None:
            captures.append(local_capture)
        problems += local_problems
        for capture, more in outcomes:
            if capture is not None:
                captures.append(capture)
            problems += more
    return ArchiveResult(
        url=url,
        citation_date=cited,
        cited_snapshot=found.snapshot,
        captures=tuple(captures),
        drift=drift,
        drift_evidence=evidence,
        problems=tuple(problems),
    )


_NOT_THE_CITED_PAGE = "not captured: today's page is not the one cited (content drift: replaced)"


def _not_captured(settings: ArchiveSettings) -> list[str]:
    """Why each new capture asked for was not made of a replaced page."""
    said = []
    if settings.save_new or "wayback" in settings.providers:
        said.append(f"wayback save: {_NOT_THE_CITED_PAGE}")
    if "perma" in settings.providers:
        said.append(f"perma: {_NOT_THE_CITED_PAGE}")
    return said


_Outcome = tuple[Capture | None, tuple[str, ...]]
_LocalOutcome = tuple[Capture | None, list[str], Drift | None, str]


async def _cited_copy(
    session: Session, url: str, cited: PartialDate | None, live: bool
) -> tuple[Found, str]:
    """The snapshot standing for the cited page, and why drift cannot be measured ("" if it can).

    A DOI address is archived as the resolver's redirect, never as a page (the
    CDX lists no 200 capture of it), and today's page is the one it resolves to:
    so for a DOI link whose page is fetched, the snapshot is that page's.
    """
    target, is_doi = request_target(url, resolver=session.doi_resolver)
    if is_doi and live and _fetches_page(session.settings, cited):
        try:
            page = await _live_page(session, url, target)
        except FetchFailed:
            page = None  # said by _local, which awaits the same fetch
        if page is not None and page.final.url != target:
            landing = page.final.url
            found = await _snapshot(session, landing, cited)
            said = f"the DOI resolves to {landing}"
            if found.snapshot is not None:
                note = f"wayback: {said}; the archived copy is that page's"
                return Found(found.snapshot, found.digest, (note, *found.problems)), ""
            # The DOI address's own captures are redirects: not asked about.
            why = (
                f"{said}, and the Wayback has no archived copy of that page near the "
                "citation date (a DOI address is archived as the resolver's redirect, "
                "not as a page)"
            )
            return Found(None, "", found.problems), why
    return await _snapshot(session, url, cited), ""


async def _snapshot(session: Session, url: str, cited: PartialDate | None) -> Found:
    return await _guarded(
        find_snapshot(session, url, cited), lambda why: Found(None, problems=(f"wayback: {why}",))
    )


def _fetches_page(settings: ArchiveSettings, cited: PartialDate | None) -> bool:
    """Whether today's page is fetched at all: for the WARC, or to measure drift."""
    return "warc" in settings.providers or cited is not None


async def _live_page(session: Session, url: str, target: str) -> LivePage:
    """Today's page of ``url`` (fetched at ``target``), once per session while remembered."""
    return await session.once("live", url, lambda: fetch_live(session, target))


async def _local(
    session: Session, url: str, cited: PartialDate | None, found: Found, unmatched: str = ""
) -> _LocalOutcome:
    """Fetch today's page once: keep it in a WARC and compare it with the snapshot.

    ``unmatched``: why no snapshot can stand for the fetched page, if known.
    """
    wants_warc = "warc" in session.settings.providers
    wants_drift = cited is not None
    no_copy = unmatched or "no archived copy near the citation date"
    if not wants_warc:
        if not wants_drift:
            return None, [], None, ""
        if found.snapshot is None:
            # Nothing to compare with and nothing to keep: spare the fetch.
            return None, [], Drift.UNKNOWN, no_copy
    page: LivePage | None = None
    failure = ""
    # A DOI link's page is fetched where the links stage fetches it (the resolver).
    target, _ = request_target(url, resolver=session.doi_resolver)
    try:
        page = await _live_page(session, url, target)
    except FetchFailed as error:
        failure = str(error)
    problems: list[str] = []
    capture: Capture | None = None
    if page is None:
        problems.append(f"live page not fetched: {failure}")
    elif wants_warc:
        # One record per URL: a later date's result names the first one's capture.
        live = page
        capture, more = await session.once(
            "warc", url, lambda: capture_to_warc(session, live, cited, url)
        )
        problems += more
    if not wants_drift:
        return capture, problems, None, ""
    if found.snapshot is None:
        return capture, problems, Drift.UNKNOWN, no_copy
    if page is None:
        return capture, problems, Drift.UNKNOWN, f"today's page not fetched: {failure}"
    drift, evidence = await _guarded(
        measure_drift(session, found.snapshot, found.digest, page),
        lambda why: (Drift.UNKNOWN, f"archived copy not fetched: {why}"),
    )
    return capture, problems, drift, evidence


async def _guarded(job: Awaitable[T], fallback: Callable[[str], T]) -> T:
    """Await ``job``; an HTTP failure its callee did not foresee becomes its fallback."""
    try:
        return await job
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        return fallback(f"{type(error).__name__}: {error}")
