"""The sources stage: each scholarly citation looked up, validated, compared and enriched.

Which citations are looked up (``plan``):

* any citation with a DOI (except cases and statutes): by DOI, in Crossref
  (``/works/{doi}``), else OpenAlex (``/works/doi:{doi}``);
* articles, chapters, books and reports with a title and no DOI: by a
  bibliographic query (Crossref ``query.bibliographic``, then OpenAlex
  ``search``), the hits validated against the citation (``match``);
* US case citations, in CourtListener's citation-lookup API, only when a
  token is set;
* short forms, newspapers, web pages, statutes and the rest are skipped.

Only articles and chapters, and books and reports cited with a DOI or an
ISBN, can be reported "not found": a book without identifiers, a newspaper
or a grey report is often in no index, and its absence proves nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import quote

import httpx

from citecheck.config import SourcesSettings
from citecheck.model import (
    Citation,
    CitationType,
    SourceResult,
    SourceStatus,
    WorkRecord,
)
from citecheck.sources.cache import AnswerCache
from citecheck.sources.client import Answer, Fetcher, Service
from citecheck.sources.match import (
    TITLE_SAME_WORK,
    cited_first_page,
    cited_isbn,
    compare,
    normal,
    validate,
)
from citecheck.sources.records import (
    clean_doi,
    courtlistener_record,
    crossref_items,
    crossref_work,
    openalex_results,
    openalex_work,
)

__all__ = ["SourcesOutcome", "look_up_sources", "plan"]

_SEARCHED = {CitationType.ARTICLE, CitationType.CHAPTER, CitationType.BOOK, CitationType.REPORT}
_NO_DOI_LOOKUP = {CitationType.CASE, CitationType.STATUTE}
_ALWAYS_WARNED = {CitationType.ARTICLE, CitationType.CHAPTER}
CASE_PATH = "/api/rest/v4/citation-lookup/"


@dataclass(frozen=True, slots=True)
class SourcesOutcome:
    """What the stage returns: results, the citations with DOIs added, what could not be asked."""

    results: tuple[SourceResult, ...]
    citations: tuple[Citation, ...]
    unverified: tuple[str, ...]
    requests: tuple[tuple[str, int], ...] = ()


def plan(citation: Citation, *, case_lookups: bool) -> tuple[str | None, str]:
    """("doi" | "search" | "case" | None, why): how this citation is looked up."""
    if citation.short_form is not None or citation.antecedent is not None:
        return None, "a short form: its full citation is looked up"
    if citation.type is CitationType.CASE:
        if not case_lookups:
            return None, "case citations need a CourtListener token (CITECHECK_COURTLISTENER_TOKEN)"
        if citation.volume and citation.container and citation.pages:
            return "case", ""
        return None, "no volume, reporter and page to look up"
    if citation.doi and citation.type not in _NO_DOI_LOOKUP:
        return "doi", ""
    if citation.type in _SEARCHED and citation.title:
        return "search", ""
    return None, f"a {citation.type.value} citation: not in a scholarly index"


def warnable(citation: Citation) -> bool:
    """May this citation be reported "not found"? (Absence must mean something.)"""
    if citation.type in _ALWAYS_WARNED:
        return True
    if citation.type in {CitationType.BOOK, CitationType.REPORT}:
        return bool(citation.doi or cited_isbn(citation))
    return False


def bibliographic_query(citation: Citation) -> str:
    """The citation as a reference string for Crossref: authors, title, container, numbers."""
    parts = [p.family for p in citation.authors[:3]]
    parts.append(citation.title or "")
    if citation.container:
        parts.append(citation.container)
    if citation.date is not None:
        parts.append(str(citation.date.year))
    parts.extend(x for x in (citation.volume, cited_first_page(citation)) if x)
    return " ".join(p for p in parts if p).strip()


class _Lookups:
    """The services and the per-citation logic, for one call of the stage."""

    def __init__(self, fetcher: Fetcher, settings: SourcesSettings, services: dict[str, Service]):
        self.fetcher = fetcher
        self.settings = settings
        self.crossref = services["crossref"]
        self.openalex = services["openalex"]
        self.courtlistener = services.get("courtlistener")
        self.problems: dict[str, str] = {}

    def _trouble(self, service: Service, answer: Answer) -> None:
        if answer.problem is not None:
            self.problems.setdefault(service.name, answer.problem)
        elif answer.status not in {200, 404}:
            self.problems.setdefault(
                service.name, f"{service.name} answered HTTP {answer.status}; lookups unverified"
            )

    # -- by DOI ------------------------------------------------------------

    async def crossref_doi(self, doi: str) -> tuple[WorkRecord | None, Answer]:
        answer = await self.fetcher.get(self.crossref, f"/works/{quote(doi, safe='/')}")
        self._trouble(self.crossref, answer)
        return (crossref_work(answer.json()) if answer.ok else None), answer

    async def openalex_doi(self, doi: str) -> tuple[WorkRecord | None, Answer]:
        answer = await self.fetcher.get(self.openalex, f"/works/doi:{quote(doi, safe='/')}")
        self._trouble(self.openalex, answer)
        return (openalex_work(answer.json()) if answer.ok else None), answer

    async def by_doi(self, doi: str) -> tuple[WorkRecord | None, bool]:
        """The DOI's record, and whether every index answered (False: unverified)."""
        record, answer = await self.crossref_doi(doi)
        if record is not None:
            return record, True
        other, other_answer = await self.openalex_doi(doi)
        if other is not None:
            return other, True
        return None, answer.status == 404 and other_answer.status == 404

    # -- by query ----------------------------------------------------------

    async def by_search(self, citation: Citation) -> tuple[WorkRecord | None, bool]:
        """The validated best hit, and whether every index answered."""
        params = {
            "query.bibliographic": bibliographic_query(citation),
            "rows": str(self.settings.rows),
        }
        answer = await self.fetcher.get(self.crossref, "/works", params)
        self._trouble(self.crossref, answer)
        if answer.ok:
            found = validate(citation, crossref_items(answer.json()))
            if found is not None:
                return found, True
        search = {"search": normal(citation.title), "per_page": str(self.settings.rows)}
        other = await self.fetcher.get(self.openalex, "/works", search)
        self._trouble(self.openalex, other)
        if other.ok:
            found = validate(citation, openalex_results(other.json()))
            if found is not None:
                return found, True
        return None, answer.ok and other.ok

    async def openalex_retracted(self, record: WorkRecord) -> WorkRecord:
        """Crossref's record, with OpenAlex's ``is_retracted`` added when it says so."""
        if record.service != "crossref" or not record.doi or record.retracted:
            return record
        if not self.settings.openalex_retractions:
            return record
        other, _ = await self.openalex_doi(record.doi)
        if other is not None and other.retracted:
            return replace(
                record,
                retracted=True,
                updates=(*record.updates, ("retraction", "", "openalex", "")),
            )
        return record

    # -- one citation ------------------------------------------------------

    async def look_up(self, citation: Citation) -> SourceResult:
        how, why = plan(citation, case_lookups=self.courtlistener is not None)
        base = SourceResult(
            citation.index, citation.note, SourceStatus.SKIPPED, why, lookup=how or ""
        )
        if how is None:
            return base
        if how == "case":
            return await self.case(citation, base)
        if how == "doi":
            return await self.cited_doi(citation, base)
        return await self.searched(citation, base)

    async def searched(self, citation: Citation, base: SourceResult) -> SourceResult:
        record, answered = await self.by_search(citation)
        if record is None:
            if not answered:
                return replace(base, status=SourceStatus.UNVERIFIED, reason=self._why_unverified())
            return replace(base, status=SourceStatus.NOT_FOUND, reason=self._not_found(citation))
        return await self.matched(citation, base, record)

    async def cited_doi(self, citation: Citation, base: SourceResult) -> SourceResult:
        doi = clean_doi(citation.doi) or ""
        record, answered = await self.by_doi(doi)
        if record is None:
            if not answered:
                return replace(base, status=SourceStatus.UNVERIFIED, reason=self._why_unverified())
            found = (await self.by_search(citation))[0] if citation.title else None
            if found is not None and found.doi and found.doi != doi:
                return replace(
                    await self.matched(citation, base, found, enrich=False),
                    reason=f"the cited DOI {doi} is registered nowhere; the work's is {found.doi}",
                    doi_record=WorkRecord(service="doi", id=doi, doi=doi),
                )
            return replace(
                base,
                status=SourceStatus.NOT_FOUND,
                reason=f"the DOI {doi} is in neither Crossref nor OpenAlex",
            )
        verdict = compare(citation, record)
        other_work = (citation.title is not None and verdict.title < TITLE_SAME_WORK) or (
            citation.title is None
            and {"first author", "year"} <= {field for field, *_ in verdict.differ}
        )
        if not other_work:
            return await self.matched(citation, base, record)
        # The DOI names another work: say which, and find the cited one if we can.
        found = (await self.by_search(citation))[0] if citation.title else None
        if found is not None and found.doi == record.doi:
            found = None
        if found is not None:
            result = await self.matched(citation, base, found, enrich=False)
        else:
            result = replace(base, status=SourceStatus.MATCHED, reason="")
        return replace(
            result,
            reason=f"the cited DOI {doi} is the DOI of another work",
            doi_record=record,
        )

    async def matched(
        self, citation: Citation, base: SourceResult, record: WorkRecord, *, enrich: bool = True
    ) -> SourceResult:
        record = await self.openalex_retracted(record)
        verdict = compare(citation, record)
        added = record.doi if enrich and not citation.doi and record.doi else None
        return replace(
            base,
            status=SourceStatus.MATCHED,
            reason=f"matched in {record.service}" + (f" ({record.doi})" if record.doi else ""),
            record=record,
            mismatches=verdict.differ,
            doi_added=added,
            doi_source=record.service if added else None,
            checked_at=datetime.now(UTC),
        )

    async def case(self, citation: Citation, base: SourceResult) -> SourceResult:
        assert self.courtlistener is not None
        text = f"{citation.volume} {citation.container} {citation.pages}"
        answer = await self.fetcher.post(self.courtlistener, CASE_PATH, {"text": text})
        self._trouble(self.courtlistener, answer)
        entries = answer.json() if answer.ok else None
        if not isinstance(entries, list) or not entries:
            reason = (
                self._why_unverified()
                if not answer.ok
                else (f"CourtListener found no citation in {text!r}")
            )
            return replace(base, status=SourceStatus.UNVERIFIED, reason=reason)
        entry = entries[0] if isinstance(entries[0], dict) else {}
        status = entry.get("status")
        if status == 404:
            return replace(
                base,
                status=SourceStatus.NOT_FOUND,
                reason=str(entry.get("error_message") or f"no case at {text}"),
            )
        clusters = [c for c in entry.get("clusters") or () if isinstance(c, dict)]
        if status in {200, 300} and clusters:
            record = courtlistener_record(clusters[0], base=self.courtlistener.base)
            return replace(
                base,
                status=SourceStatus.MATCHED,
                reason="matched in CourtListener" + (" (several cases)" if status == 300 else ""),
                record=record,
                checked_at=datetime.now(UTC),
            )
        message = entry.get("error_message") or f"status {status}"
        return replace(base, status=SourceStatus.UNVERIFIED, reason=f"CourtListener: {message}")

    def _why_unverified(self) -> str:
        return "unverified: " + ("; ".join(self.problems.values()) or "a service did not answer")

    def _not_found(self, citation: Citation) -> str:
        return "could not be found in Crossref or OpenAlex" + (
            "" if warnable(citation) else " (not unusual for this kind of work)"
        )


def _services(settings: SourcesSettings, user_agent: str) -> dict[str, Service]:
    polite = f" (mailto:{settings.mailto})" if settings.mailto else ""
    agent = {"User-Agent": user_agent + polite, "Accept": "application/json"}
    mailto = {"mailto": settings.mailto} if settings.mailto else {}
    services = {
        "crossref": Service(
            "crossref",
            settings.crossref_api,
            rate=settings.rate,
            concurrency=settings.concurrency,
            headers=agent,
            params=mailto,
        ),
        "openalex": Service(
            "openalex",
            settings.openalex_api,
            rate=settings.rate,
            concurrency=settings.concurrency,
            headers=agent,
            params=mailto,
        ),
    }
    if settings.courtlistener_token:
        services["courtlistener"] = Service(
            "courtlistener",
            settings.courtlistener_api,
            rate=min(settings.rate, 1.0),
            concurrency=1,
            headers={**agent, "Authorization": f"Token {settings.courtlistener_token}"},
        )
    return services


async def look_up_sources(
    citations: Sequence[Citation],
    settings: SourcesSettings,
    *,
    cache: AnswerCache | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    user_agent: str = "citecheck",
) -> SourcesOutcome:
    """Look every eligible citation up; return results and the DOI-enriched citations.

    Identical lookups (the same DOI, the same query) are made once, however
    many citations need them. A service that cannot be asked makes its
    lookups unverified, and is named once in ``unverified``.
    """
    services = _services(settings, user_agent)
    timeout = httpx.Timeout(settings.timeout, connect=settings.connect_timeout)
    async with httpx.AsyncClient(
        transport=transport, timeout=timeout, follow_redirects=True
    ) as client:
        fetcher = Fetcher(
            client,
            cache,
            retries=settings.retries,
            max_retry_after=settings.max_retry_after,
            found_max_age=settings.cache_max_age,
            not_found_max_age=settings.not_found_max_age,
        )
        lookups = _Lookups(fetcher, settings, services)
        results = await asyncio.gather(*(lookups.look_up(c) for c in citations))
    enriched = tuple(
        replace(c, doi=r.doi_added) if r.doi_added else c
        for c, r in zip(citations, results, strict=True)
    )
    return SourcesOutcome(
        results=tuple(results),
        citations=enriched,
        unverified=tuple(lookups.problems.values()),
        requests=tuple((s.name, s.requests) for s in services.values()),
    )
