"""Batches: thousands of manuscripts checked as one run, on one machine or a cluster.

Every manuscript is read in parallel; every distinct URL of the whole batch
is checked once, with one politeness budget per host; progress and results
go to a store (``citecheck.store``) as they arrive, so an interrupted batch
resumes where it stopped; the summary (``summary``) is computed from the
store. Where the work runs is an ``Engine``: a local process pool by
default, or Ray (``citecheck[ray]``). See docs/batch.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citecheck.batch.engines import Engine, LocalEngine
    from citecheck.batch.inputs import find_manuscripts
    from citecheck.batch.run import BatchOptions, batch_id_for, run_batch

# Loaded on first use (PEP 562): ``citecheck check`` registers the batch command's
# options (``batch.summary``) without importing the batch run, the archive stage and Ray.
_HOMES = {
    "Engine": "citecheck.batch.engines",
    "LocalEngine": "citecheck.batch.engines",
    "find_manuscripts": "citecheck.batch.inputs",
    "BatchOptions": "citecheck.batch.run",
    "batch_id_for": "citecheck.batch.run",
    "run_batch": "citecheck.batch.run",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'citecheck.batch' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


__all__ = [
    "BatchOptions",
    "Engine",
    "LocalEngine",
    "batch_id_for",
    "find_manuscripts",
    "run_batch",
]
