"""The batch's progress: one bar per phase (read, links, works, archive, check) with an ETA.

The bars are drawn on stderr only on an interactive terminal outside CI (the
rule of ``report.progress.progress_enabled``); elsewhere (a pipe, a file, a CI
log) one plain line per phase every ``LINE_EVERY`` seconds while it runs (from
a timer, whether or not anything finished) and one at its end, as ``check``'s
long stages write, so a batch of hours is not silent; with
``--no-progress`` it only counts.
"""

from __future__ import annotations

import sys
import threading
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

from citecheck.report.progress import LINE_EVERY, duration, progress_enabled, ticking

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
    """Plain progress lines: per phase, one every ``every`` seconds while it runs (``tick``,
    from a timer, whether or not anything finished), and one at its end when it wrote any
    (the works and archive phases run side by side, each has its own)."""

    stream: TextIO
    every: float = LINE_EVERY
    clock: Callable[[], float] = time.monotonic
    totals: dict[str, int] = field(default_factory=dict)
    done: dict[str, int] = field(default_factory=dict)
    started: dict[str, float] = field(default_factory=dict)
    written: dict[str, float] = field(default_factory=dict)  # when its last line was written
    ended: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, phase: str, total: int) -> None:
        with self._lock:
            self.totals[phase] = total
            self.done.setdefault(phase, 0)
            self.started.setdefault(phase, self.clock())

    def advance(self, phase: str, done: int) -> None:
        with self._lock:
            now = self.clock()
            self.done[phase] = done
            self.started.setdefault(phase, now)
            if phase in self.ended:
                return
            if 0 < self.totals.get(phase, 0) <= done:
                self._end(phase, now)
            else:
                self._due(phase, now)

    def tick(self) -> None:
        """A line for each running phase that wrote none for ``every`` seconds."""
        with self._lock:
            now = self.clock()
            for phase in list(self.started):
                if phase not in self.ended:
                    self._due(phase, now)

    def close(self) -> None:
        """The closing line of every phase still open that wrote any."""
        with self._lock:
            now = self.clock()
            for phase in list(self.started):
                if phase not in self.ended:
                    self._end(phase, now)

    def _due(self, phase: str, now: float) -> None:
        if now - self.written.get(phase, self.started[phase]) >= self.every:
            self._write(phase, now, closing=False)

    def _end(self, phase: str, now: float) -> None:
        self.ended.add(phase)
        if phase in self.written:  # a quick phase: no line at all
            self._write(phase, now, closing=True)

    def _write(self, phase: str, now: float, *, closing: bool) -> None:
        self.written[phase] = now
        done, total = self.done.get(phase, 0), self.totals.get(phase, 0)
        elapsed = now - self.started[phase]
        line = f"citecheck: batch {phase} {done}/{total} {_UNITS.get(phase, '')}".rstrip()
        if closing:
            line += f", {duration(elapsed)} in all"
        else:
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
    timer: bool = True,
) -> Iterator[BatchProgress]:
    """Bars on a terminal outside CI; elsewhere lines every ``every`` seconds of a phase
    (from a timer thread; ``timer=False``: only as the phases advance, for tests that
    drive ``tick`` themselves) and one at its end; nothing when not ``enabled``."""
    out = sys.stderr if stream is None else stream
    if not progress_enabled(enabled=enabled, stream=out):
        if not enabled:
            yield BatchProgress()
            return
        gap = LINE_EVERY if every is None else every
        lines = _Lines(out, every=gap, clock=clock)
        with ticking(lines.tick, gap if timer else 0.0):
            yield BatchProgress(_lines=lines)
        lines.close()
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
