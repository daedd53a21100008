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
import re
from collections.abc import Mapping, Sequence
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
from citecheck.sources.cases import courtlistener_busy, look_up_case
from citecheck.sources.client import Answer, Fetcher, Service, problem_of
from citecheck.sources.match import (
    TITLE_ACCEPT,
    TITLE_SAME_WORK,
    cited_isbn,
    compare,
    normal,
    title_testable,
    validate,
)
from citecheck.sources.records import (
    clean_doi,
    crossref_items,
    crossref_list_shape,
    crossref_work,
    crossref_work_shape,
    openalex_list_shape,
    openalex_results,
    openalex_work,
    openalex_work_shape,
)
from citecheck.sources.retractions import Retractions

__all__ = ["SourcesOutcome", "look_up_sources", "plan"]

_SEARCHED = {CitationType.ARTICLE, CitationType.CHAPTER, CitationType.BOOK, CitationType.REPORT}
_NO_DOI_LOOKUP = {CitationType.CASE, CitationType.STATUTE}
_ALWAYS_WARNED = {CitationType.ARTICLE, CitationType.CHAPTER}
# Journal references as Vancouver ("2021;10(2):112-20"), APA ("78(6), 1360") and
# OSCOLA/Bluebook ("(2014) 77 MLR 412", "71 Harv. L. Rev. 593 (1958)") print them.
_JOURNAL_LIKE = re.compile(
    r"\b(?:1[5-9]|20)\d\d\s*;\s*\d+\s*(?:\(\s*\d+\s*\))?\s*:\s*[e\d]"
    r"|\b\d+\s*\(\s*\d+\s*\)\s*[,:]\s*(?:pp?\.\s*)?\d"
    r"|\(\s*(?:1[5-9]|20)\d\d\s*\)\s+\d+\s+[A-Z][A-Za-z.& ]{0,40}?\s\d+"
)
_YEAR = re.compile(r"\b(1[5-9]|20)\d\d\b")


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
    if citation.type is CitationType.OTHER and not citation.urls and _YEAR.search(citation.raw):
        # A reference the parser could not type (a Vancouver "J Clin Epidemiol. 2015;68"):
        # searched with its own text, as Crossref matches raw reference strings.
        return "search", ""
    return None, f"a {citation.type.value} citation: not in a scholarly index"


def warnable(citation: Citation) -> bool:
    """May this citation be reported "not found"? (Absence must mean something.)

    Journal articles and chapters, and books and reports with a DOI or an
    ISBN. An "article" with neither volume, issue, pages nor DOI is a web or
    newspaper piece as far as the indexes go; a "book" with no publisher
    whose note reads like a journal reference ("2021;10(2):112-20",
    "(2014) 77 MLR 412") is an article the parser mistyped.
    """
    if citation.type is CitationType.CHAPTER:
        return True
    if citation.type is CitationType.ARTICLE:
        return bool(citation.volume or citation.issue or citation.pages or citation.doi) or bool(
            _JOURNAL_LIKE.search(citation.raw)
        )
    if citation.type in {CitationType.BOOK, CitationType.REPORT}:
        if citation.doi or cited_isbn(citation):
            return True
        return not (citation.publisher or citation.place) and bool(
            _JOURNAL_LIKE.search(citation.raw)
        )
    return False


def credible_title(title: str | None) -> bool:
    """Does a parsed title look like a title, not like names or numbers a parser mis-cut?"""
    if not title or len(re.findall(r"[^\W\d_]{3,}", title)) < 2:
        return False
    # "M.C. and Meckling", "Okafor C, Brennan M. Vitamin D ...": author lists, not titles.
    return not re.search(r"^[A-Z]\.|\b[A-Z][a-z]+ [A-Z]{1,2}[,.]", title)


def bibliographic_query(citation: Citation) -> str:
    """The reference string for Crossref's ``query.bibliographic``: the note's own text.

    Crossref's matcher is built for raw reference strings, and the note's text
    survives a parse that went wrong; URLs and DOIs are left out (a cited DOI
    has been asked for by itself).
    """
    text = re.sub(r"\S*(?:https?://|doi:|\b10\.\d{4,}/)\S*", " ", citation.raw, flags=re.I)
    text = " ".join(text.split())
    return text or " ".join(p for p in (citation.title or "", citation.container or "") if p)


class _Lookups:
    """The services and the per-citation logic, for one call of the stage."""

    def __init__(self, fetcher: Fetcher, settings: SourcesSettings, services: dict[str, Service]):
        self.fetcher = fetcher
        self.settings = settings
        self.crossref = services["crossref"]
        self.openalex = services["openalex"]
        self.courtlistener = services.get("courtlistener")
        # Each service's distinct problems, in the order met (usually one: "down").
        self.problems: dict[str, dict[str, None]] = {}
        # The services whose trouble left something unverified: the run's "unverified".
        self.unsettled: set[str] = set()
        self.retractions = Retractions(fetcher, self.openalex, self._retraction_trouble)
        self.origins: dict[tuple[str, str], Answer] = {}

    def _trouble(self, service: Service, answer: Answer) -> None:
        if not answer.answered:
            self.problems.setdefault(service.name, {})[problem_of(service, answer)] = None

    def _retraction_trouble(self, service: Service, answer: Answer) -> None:
        # Unasked, OpenAlex's is_retracted leaves every Crossref match's retraction open.
        self._trouble(service, answer)
        if not answer.answered:
            self.unsettled.add(service.name)

    def unverified(
        self, base: SourceResult, asked: Sequence[tuple[Service, Answer]]
    ) -> SourceResult:
        """``base`` unverified because of the services in ``asked`` that did not answer."""
        failed = [(service, answer) for service, answer in asked if not answer.answered]
        self.unsettled.update(service.name for service, _ in failed)
        why = dict.fromkeys(problem_of(service, answer) for service, answer in failed)
        return replace(
            base,
            status=SourceStatus.UNVERIFIED,
            reason="unverified: " + ("; ".join(why) or "no service was asked"),
        )

    # -- by DOI ------------------------------------------------------------

    async def crossref_doi(self, doi: str) -> tuple[WorkRecord | None, Answer]:
        path = f"/works/{quote(doi, safe='/')}"
        answer = await self.fetcher.get(self.crossref, path, shape=crossref_work_shape)
        self._trouble(self.crossref, answer)
        return self._from(answer, crossref_work(answer.json()) if answer.ok else None), answer

    def _from(self, answer: Answer, record: WorkRecord | None) -> WorkRecord | None:
        """Note which answer (how old, from the cache or not) a record came from."""
        if record is not None:
            self.origins.setdefault((record.service, record.id), answer)
        return record

    def _all_from(self, answer: Answer, records: tuple[WorkRecord, ...]) -> tuple[WorkRecord, ...]:
        for record in records:
            self._from(answer, record)
        return records

    async def openalex_doi(self, doi: str) -> tuple[WorkRecord | None, Answer]:
        path = f"/works/doi:{quote(doi, safe='/')}"
        answer = await self.fetcher.get(self.openalex, path, shape=openalex_work_shape)
        self._trouble(self.openalex, answer)
        return self._from(answer, openalex_work(answer.json()) if answer.ok else None), answer

    async def by_doi(self, doi: str) -> tuple[WorkRecord | None, list[tuple[Service, Answer]]]:
        """The DOI's record, and the indexes that did not answer (some: unverified)."""
        record, answer = await self.crossref_doi(doi)
        if record is not None:
            return record, []
        other, other_answer = await self.openalex_doi(doi)
        if other is not None:
            return other, []
        asked = [(self.crossref, answer), (self.openalex, other_answer)]
        return None, [(service, a) for service, a in asked if not a.answered]

    # -- by query ----------------------------------------------------------

    async def by_search(
        self, citation: Citation
    ) -> tuple[WorkRecord | None, list[tuple[Service, Answer]]]:
        """The validated best hit, and the indexes that did not answer (some: unverified)."""
        params = {
            "query.bibliographic": bibliographic_query(citation),
            "rows": str(self.settings.rows),
        }
        answer = await self.fetcher.get(self.crossref, "/works", params, shape=crossref_list_shape)
        self._trouble(self.crossref, answer)
        if answer.ok:
            found = validate(citation, self._all_from(answer, crossref_items(answer.json())))
            if found is not None:
                return found, []
        title = citation.title if credible_title(citation.title) else bibliographic_query(citation)
        search = {"search": normal(title), "per_page": str(self.settings.rows)}
        other = await self.fetcher.get(self.openalex, "/works", search, shape=openalex_list_shape)
        self._trouble(self.openalex, other)
        if other.ok:
            found = validate(citation, self._all_from(other, openalex_results(other.json())))
            if found is not None:
                return found, []
        # A search is answered only by a result list: a 404 says nothing of the work.
        asked = [(self.crossref, answer), (self.openalex, other)]
        return None, [(service, a) for service, a in asked if not a.ok]

    def watch_retraction(self, record: WorkRecord) -> None:
        """Queue a Crossref match's DOI for OpenAlex's ``is_retracted`` (see ``retractions``)."""
        wanted = self.settings.openalex_retractions and not record.retracted
        if wanted and record.service == "crossref" and record.doi:
            self.retractions.add(record.doi)

    async def openalex_retractions(self, results: list[SourceResult]) -> list[SourceResult]:
        """Crossref matches, with OpenAlex's ``is_retracted`` added where it says so."""
        flagged = await self.retractions.flagged()
        marked = []
        for result in results:
            record = result.record
            if record is not None and record.service == "crossref" and record.doi in flagged:
                notice = ("retraction", "", "openalex", "")
                record = replace(record, retracted=True, updates=(*record.updates, notice))
                result = replace(result, record=record)
            marked.append(result)
        return marked

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
        record, failed = await self.by_search(citation)
        if record is None:
            if failed:
                return self.unverified(base, failed)
            return replace(
                base,
                status=SourceStatus.NOT_FOUND,
                reason=self._not_found(citation),
                absence_matters=warnable(citation),
            )
        return await self.matched(citation, base, record)

    async def cited_doi(self, citation: Citation, base: SourceResult) -> SourceResult:
        doi = clean_doi(citation.doi) or ""
        record, failed = await self.by_doi(doi)
        if record is None:
            if failed:
                return self.unverified(base, failed)
            # A DOI that resolves to nothing is no "wrong DOI": the work is searched for.
            result = await self.searched(citation, base)
            if result.record is not None:
                result = replace(result, reason=f"the cited DOI {doi} is registered nowhere; "
                                 + result.reason)  # fmt: skip
            return result
        verdict = compare(citation, record)
        if verdict.accepted and not verdict.differ:
            return await self.matched(citation, base, record)
        credible = credible_title(citation.title) or verdict.title >= TITLE_ACCEPT
        if not credible and not title_testable(record):
            # The parser lost the title: the DOI is the best evidence of the work.
            return await self.matched(citation, base, record)
        # The DOI's record differs from the citation: is another record the cited work?
        found = (await self.by_search(citation))[0]
        if found is not None and found.doi != record.doi:
            better = compare(citation, found)
            if len(better.differ) < len(verdict.differ) or not verdict.accepted:
                result = await self.matched(citation, base, found, enrich=False)
                return replace(
                    result,
                    reason=f"the cited DOI {doi} is the DOI of another work",
                    doi_record=record,
                )
        if not credible or (verdict.title >= TITLE_SAME_WORK and len(verdict.differ) < 3):
            # With no title of its own to go on, a citation keeps its DOI's record
            # unless another record fits it better (above).
            return await self.matched(citation, base, record)
        return replace(
            base,
            status=SourceStatus.MATCHED,
            reason=f"the cited DOI {doi} is the DOI of another work",
            doi_record=record,
            checked_at=datetime.now(UTC),
        )

    async def matched(
        self, citation: Citation, base: SourceResult, record: WorkRecord, *, enrich: bool = True
    ) -> SourceResult:
        self.watch_retraction(record)
        verdict = compare(citation, record)
        added = record.doi if enrich and not citation.doi and record.doi else None
        origin = self.origins.get((record.service, record.id))
        return replace(
            base,
            status=SourceStatus.MATCHED,
            reason=f"matched in {record.service}" + (f" ({record.doi})" if record.doi else ""),
            record=record,
            mismatches=verdict.mismatches,
            doi_added=added,
            doi_source=record.service if added else None,
            checked_at=origin.fetched_at if origin is not None else datetime.now(UTC),
            from_cache=origin is not None and origin.from_cache,
        )

    async def case(self, citation: Citation, base: SourceResult) -> SourceResult:
        assert self.courtlistener is not None
        result, answer = await look_up_case(self.fetcher, self.courtlistener, citation, base)
        self._trouble(self.courtlistener, answer)
        if not answer.answered:
            return self.unverified(base, [(self.courtlistener, answer)])
        return result

    def _not_found(self, citation: Citation) -> str:
        return "could not be found in Crossref or OpenAlex" + (
            "" if warnable(citation) else " (not unusual for this kind of work)"
        )


_DEFAULTS = SourcesSettings()


def _services(settings: SourcesSettings, user_agent: str) -> dict[str, Service]:
    polite = f" (mailto:{settings.mailto})" if settings.mailto else ""
    agent = {"User-Agent": user_agent + polite, "Accept": "application/json"}
    mailto = {"mailto": settings.mailto} if settings.mailto else {}
    services = {
        "crossref": Service(
            "crossref",
            settings.crossref_api,
            default_base=_DEFAULTS.crossref_api,
            rate=settings.rate,
            concurrency=settings.concurrency,
            headers=agent,
            params=mailto,
        ),
        "openalex": Service(
            "openalex",
            settings.openalex_api,
            default_base=_DEFAULTS.openalex_api,
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
            default_base=_DEFAULTS.courtlistener_api,
            rate=min(settings.rate, 1.0),
            concurrency=1,
            headers={**agent, "Authorization": f"Token {settings.courtlistener_token}"},
            credential="the courtlistener-token setting or CITECHECK_COURTLISTENER_TOKEN",
            busy=courtlistener_busy,
        )
    return services


async def look_up_sources(
    citations: Sequence[Citation],
    settings: SourcesSettings,
    *,
    cache: AnswerCache | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    user_agent: str = "citecheck",
    context: Mapping[int, str] | None = None,
) -> SourcesOutcome:
    """Look every eligible citation up; return results and the DOI-enriched citations.

    Identical lookups (the same DOI, the same query) are made once, however
    many citations need them. A service that cannot be asked makes its
    lookups unverified, and is named once in ``unverified``. ``context`` maps
    a citation's index to the text matching may read instead of its ``raw``
    (the whole note, when the note cites only that work).
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
            deadline=3 * settings.timeout,  # as the links stage: a drip cannot hold a lookup
            most_refusals=settings.most_refusals,
            refusal_budget=settings.refusal_budget,
        )
        lookups = _Lookups(fetcher, settings, services)
        # Matching reads the whole note when the note cites one work (a splitter may
        # cut a reference in two); the citations handed back keep their own text.
        contexts = context or {}
        seen = [replace(c, raw=contexts.get(c.index, c.raw)) for c in citations]
        found = await asyncio.gather(*(lookups.look_up(c) for c in seen))
        results = await lookups.openalex_retractions(list(found))
    for service in services.values():
        # A service down or refusing was not asked for the rest of the run, even where
        # another index matched the work (Crossref's correction notices went unread):
        # the run says so, it never ends in "no problems found".
        if service.down is not None:
            lookups.problems.setdefault(service.name, {})[
                problem_of(service, Answer(None, problem=service.down))
            ] = None
            lookups.unsettled.add(service.name)
    enriched = tuple(
        replace(c, doi=r.doi_added) if r.doi_added else c
        for c, r in zip(citations, results, strict=True)
    )
    return SourcesOutcome(
        results=tuple(results),
        citations=enriched,
        unverified=tuple(
            problem
            for name, problems in lookups.problems.items()
            if name in lookups.unsettled
            for problem in problems
        ),
        requests=tuple((s.name, s.requests) for s in services.values()),
    )
