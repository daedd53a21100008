"""OpenAlex's ``is_retracted`` for works matched in Crossref, asked in batches."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from citecheck.sources.client import Answer, Fetcher, Service
from citecheck.sources.records import openalex_list_shape, openalex_results

__all__ = ["BATCH", "Retractions"]

BATCH = 50  # DOIs in one OpenAlex filter (its limit for OR-ed values)


class Retractions:
    """OpenAlex's ``is_retracted`` for Crossref matches, asked in batches as matches arrive.

    DOIs are sent 50 at a time (``filter=doi:a|b|...``, OpenAlex's limit for
    OR-ed values) as soon as 50 are waiting, so the questions overlap the
    Crossref look-ups; the remainder goes when every citation is matched. Each
    DOI's answer is cached on its own (``is_retracted/{doi}``), so a rerun asks
    nothing even though its batches would be cut differently.
    """

    def __init__(
        self, fetcher: Fetcher, openalex: Service, trouble: Callable[[Service, Answer], None]
    ) -> None:
        self._fetcher = fetcher
        self._openalex = openalex
        self._trouble = trouble
        self._waiting: list[str] = []
        self._seen: set[str] = set()
        self._known: set[str] = set()
        self._asked: list[asyncio.Future[set[str]]] = []

    def add(self, doi: str) -> None:
        if doi in self._seen:
            return
        self._seen.add(doi)
        stored = self._fetcher.recall(self._openalex, f"is_retracted/{doi}")
        if stored is not None:
            if stored == "true":
                self._known.add(doi)
            return
        self._waiting.append(doi)
        if len(self._waiting) >= BATCH:
            self._send()

    def _send(self) -> None:
        chunk, self._waiting = sorted(self._waiting), []
        self._asked.append(asyncio.ensure_future(self._ask(chunk)))

    async def _ask(self, chunk: list[str]) -> set[str]:
        params = {
            "filter": "doi:" + "|".join(chunk),
            "per_page": str(BATCH),
            "select": "id,doi,is_retracted",
        }
        answer = await self._fetcher.get(
            self._openalex, "/works", params, store=False, shape=openalex_list_shape
        )
        self._trouble(self._openalex, answer)
        if not answer.ok:
            return set()
        flagged = {
            r.doi for r in openalex_results(answer.json()) if r.retracted and r.doi is not None
        }
        for doi in chunk:
            value = "true" if doi in flagged else "false"
            self._fetcher.remember(self._openalex, f"is_retracted/{doi}", value)
        return flagged

    async def flagged(self) -> set[str]:
        if self._waiting:
            self._send()
        answers = await asyncio.gather(*self._asked)
        return set(self._known).union(*answers)
