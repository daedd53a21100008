"""Batches: thousands of manuscripts checked as one run, on one machine or a cluster.

Every manuscript is read in parallel; every distinct URL of the whole batch
is checked once, with one politeness budget per host; progress and results
go to a store (``citecheck.store``) as they arrive, so an interrupted batch
resumes where it stopped; the summary (``summary``) is computed from the
store. Where the work runs is an ``Engine``: a local process pool by
default, or Ray (``citecheck[ray]``). See docs/batch.md.
"""

from __future__ import annotations

from citecheck.batch.engines import Engine, LocalEngine
from citecheck.batch.inputs import find_manuscripts
from citecheck.batch.run import BatchOptions, batch_id_for, run_batch

__all__ = [
    "BatchOptions",
    "Engine",
    "LocalEngine",
    "batch_id_for",
    "find_manuscripts",
    "run_batch",
]
