"""The batch's sources stage: each distinct lookup (a DOI, a bibliographic query) asked once.

While manuscripts are read, the first citation of each lookup key goes to
a spool file (pickled records, in a temporary folder of this process: never
shared, never read by anyone else); then the spool is looked up chunk by
chunk, one sources call at a time, so each service has one politeness budget
for the batch, and every answer lands in the store's ``answers`` table.
When each manuscript is checked its lookups are answered from there.
The spool is lost on an interrupt; lookups of manuscripts read before it
are then made when those manuscripts are checked (and answers still reused).
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from citecheck import pipeline
from citecheck.config import Settings
from citecheck.model import Citation
from citecheck.store import Store, StoreAnswers

__all__ = ["LookupSpool", "look_up_spooled"]

CHUNK = 2000  # citations per sources call


class LookupSpool:
    """Distinct lookups seen so far: their keys in memory, their citations on disk."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="citecheck-batch-")
        self._path = Path(self._folder.name) / "lookups.pickle"
        self._file = self._path.open("ab")
        self._keys: set[str] = set()

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, citation: Citation) -> None:
        if key not in self._keys:
            self._keys.add(key)
            pickle.dump(citation, self._file)

    def chunks(self, size: int = CHUNK) -> Iterator[list[Citation]]:
        self._file.flush()
        with self._path.open("rb") as handle:
            chunk: list[Citation] = []
            while True:
                try:
                    chunk.append(pickle.load(handle))  # our own file, written above
                except EOFError:
                    break
                if len(chunk) == size:
                    yield chunk
                    chunk = []
            if chunk:
                yield chunk

    def close(self) -> None:
        self._file.close()
        self._folder.cleanup()


def look_up_spooled(
    spool: LookupSpool, store: Store, settings: Settings, *, advance: Callable[[int], None]
) -> None:
    """Every spooled lookup, answered into the store."""
    answers = StoreAnswers(store)
    for chunk in spool.chunks():
        try:
            pipeline.look_up_source_set(chunk, settings, cache=answers)
        finally:
            store.flush()
        advance(len(chunk))
