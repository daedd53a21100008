"""The batch's progress: one bar per phase (read, links, works, archive, check) with an ETA.

The bars are drawn on stderr only on an interactive terminal outside CI (the
rule of ``report.progress.progress_enabled``); elsewhere (a pipe, a file, a CI
log) one plain line per phase every ``LINE_EVERY`` seconds while it runs, as
``check``'s long stages write, so a batch of hours is not silent; with
``--no-progress`` it only counts.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
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

from citecheck.report.progress import LINE_EVERY, duration, progress_enabled

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
    _lines: _Lines | None = None

    def start(self, phase: str, total: int) -> None:
        self.counts.setdefault(phase, 0)
        self.started.setdefault(phase, time.monotonic())
        self.last[phase] = time.monotonic()
        if self._progress is not None and phase not in self._tasks:
            self._tasks[phase] = self._progress.add_task(phase, total=total)
        if self._lines is not None:
            self._lines.start(phase, total)

    def advance(self, phase: str, amount: int = 1) -> None:
        self.counts[phase] = self.counts.get(phase, 0) + amount
        self.last[phase] = time.monotonic()
        if self._progress is not None and phase in self._tasks:
            self._progress.update(self._tasks[phase], advance=amount)
        if self._lines is not None:
            self._lines.advance(phase, self.counts[phase])


# What each phase counts, in its plain lines.
_UNITS = {
    "read": "manuscripts read",
    "links": "URLs checked",
    "works": "look-ups made",
    "archive": "archived copies looked up",
    "check": "manuscripts checked",
}


@dataclass(slots=True)
class _Lines:
    """Plain progress lines: per phase, at most one every ``every`` seconds, and one at its
    end when it wrote any (the works and archive phases run side by side, each has its own)."""

    stream: TextIO
    every: float = LINE_EVERY
    clock: Callable[[], float] = time.monotonic
    totals: dict[str, int] = field(default_factory=dict)
    started: dict[str, float] = field(default_factory=dict)
    written: dict[str, float] = field(default_factory=dict)  # when its last line was written
    ended: set[str] = field(default_factory=set)

    def start(self, phase: str, total: int) -> None:
        self.totals[phase] = total
        self.started.setdefault(phase, self.clock())

    def advance(self, phase: str, done: int) -> None:
        now = self.clock()
        total = self.totals.get(phase, 0)
        began = self.started.setdefault(phase, now)
        if phase in self.ended:
            return
        if 0 < total <= done:
            self.ended.add(phase)
            if phase not in self.written:
                return  # a quick phase: no line at all
        elif now - self.written.get(phase, began) < self.every:
            return
        self.written[phase] = now
        elapsed = now - began
        line = f"citecheck: batch {phase} {done}/{total} {_UNITS.get(phase, '')}".rstrip()
        line += f", {duration(elapsed)} so far"
        if 0 < done < total:
            line += f", about {duration(elapsed / done * (total - done))} left"
        self.stream.write(line + "\n")
        self.stream.flush()


@contextmanager
def batch_progress(
    *,
    enabled: bool,
    stream: TextIO | None = None,
    every: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[BatchProgress]:
    """Bars on a terminal outside CI; elsewhere lines every ``every`` seconds of a phase;
    nothing when not ``enabled`` (``--no-progress``)."""
    out = sys.stderr if stream is None else stream
    if not progress_enabled(enabled=enabled, stream=out):
        gap = LINE_EVERY if every is None else every
        lines = _Lines(out, every=gap, clock=clock) if enabled else None
        yield BatchProgress(_lines=lines)
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
