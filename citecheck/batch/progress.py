"""The batch's progress bar: one line per phase (read, links, check) with an ETA.

Drawn on stderr only on an interactive terminal outside CI (the rule of
``report.terminal.progress_enabled``); otherwise it only counts.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from citecheck.report.terminal import progress_enabled

__all__ = ["BatchProgress", "batch_progress"]


@dataclass(slots=True)
class BatchProgress:
    """Call ``start(phase, total)`` then ``advance(phase)``; counts are kept either way."""

    _progress: Progress | None = None
    _tasks: dict[str, TaskID] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    # When each phase started and last advanced (monotonic seconds): the benchmark's timings.
    started: dict[str, float] = field(default_factory=dict)
    last: dict[str, float] = field(default_factory=dict)

    def start(self, phase: str, total: int) -> None:
        self.counts.setdefault(phase, 0)
        self.started.setdefault(phase, time.monotonic())
        self.last[phase] = time.monotonic()
        if self._progress is not None and phase not in self._tasks:
            self._tasks[phase] = self._progress.add_task(phase, total=total)

    def advance(self, phase: str, amount: int = 1) -> None:
        self.counts[phase] = self.counts.get(phase, 0) + amount
        self.last[phase] = time.monotonic()
        if self._progress is not None and phase in self._tasks:
            self._progress.update(self._tasks[phase], advance=amount)


@contextmanager
def batch_progress(*, enabled: bool, stream: TextIO | None = None) -> Iterator[BatchProgress]:
    out = sys.stderr if stream is None else stream
    if not progress_enabled(enabled=enabled, stream=out):
        yield BatchProgress()
        return
    progress = Progress(
        TextColumn("{task.description:<6}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(file=out),
    )
    with progress:
        yield BatchProgress(progress)
