"""The batch's sources stage: each distinct lookup (a DOI, a bibliographic query) asked once.

While manuscripts are read, the first citation of each lookup key goes to
the store (``batch_lookups``); then the pending lookups are read back chunk
by chunk and asked, one sources call at a time, so each service has one
politeness budget for the batch. Every answer lands in the store's
``answers`` table as it arrives, and a chunk's lookups are marked done once
it is through. An interrupted batch keeps both: its rerun takes up the
lookups not marked done, and those among them whose answers had arrived are
answered from the store, so only the rest are asked. When each manuscript
is checked its lookups are answered from there, and only from there
(``AnswersOnly``): a lookup the pass got no answer for (its service was down
or refused) is not asked again by every check worker, outside the batch's
one budget per service; it is unverified, and the next batch asks it.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from citecheck.batch.records import CarryError, decode_citation
from citecheck.config import Settings
from citecheck.model import Citation
from citecheck.store import Store, StoreAnswers

__all__ = ["AnswersOnly", "looking_up_pending"]

CHUNK = 2000  # citations per sources call


class AnswersOnly(httpx.AsyncBaseTransport):
    """The check pass's transport for sources: nothing leaves; the store has the answers."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(
            "not asked again when checking: the batch's lookups pass got no answer",
            request=request,
        )


async def looking_up_pending(
    store: Store, batch_id: str, settings: Settings, *, advance: Callable[[int], None]
) -> None:
    """Every lookup of the batch not yet done, answered into the store.

    A coroutine: the archive pass, which asks other services, runs beside it.
    """
    from citecheck.sources import look_up_sources

    answers = StoreAnswers(store)
    after = ""
    while chunk := store.pending_lookups(batch_id, after=after, limit=CHUNK):
        after = chunk[-1][0]
        citations: list[Citation] = []
        for _, text in chunk:
            try:
                citations.append(decode_citation(text))
            except CarryError:
                continue  # written by other code: its manuscript's check asks it itself
        try:
            await look_up_sources(
                citations, settings.sources, cache=answers, user_agent=settings.links.user_agent
            )
        finally:
            store.flush()
        store.lookups_done(batch_id, [key for key, _ in chunk])
        store.flush()
        advance(len(chunk))
