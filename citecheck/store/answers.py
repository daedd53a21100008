"""The sources stage's ``AnswerCache`` on a store: service answers shared by a whole batch."""

from __future__ import annotations

from datetime import datetime

from citecheck.store.interface import Store

__all__ = ["StoreAnswers"]


class StoreAnswers:
    """``AnswerCache`` (``citecheck.sources.cache``) kept in a store's ``answers`` table."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, service: str, key: str, max_age: float) -> tuple[str, datetime] | None:
        found = self._store.get_answer(service, key, max_age)
        return None if found is None else (found[0].decode("utf-8"), found[1])

    def put(self, service: str, key: str, body: str, fetched_at: datetime) -> None:
        self._store.put_answer(service, key, body.encode("utf-8"), fetched_at)
