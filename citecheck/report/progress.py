"""Progress of the long stages (links, archive), on stderr.

On an interactive terminal outside CI, a rich progress bar; elsewhere (a
pipe, a file, a CI log), when asked for, one plain line every ``every``
seconds while a stage runs, so a book-length run is not silent for half an
hour. A quick run prints nothing. Apart from ``terminal`` so that a run
writing JSON to a file (or in CI) never imports rich.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from citecheck.model import ArchiveResult, LinkResult, LinkStatus

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

__all__ = ["LineTicker", "LinkProgress", "duration", "make_progress", "progress_enabled"]

# How often a line is written when there is no bar.
LINE_EVERY = 30.0


def progress_enabled(*, enabled: bool, stream: TextIO | None = None) -> bool:
    """Whether a progress bar may be drawn: asked for, a terminal, and not CI."""
    stream = sys.stderr if stream is None else stream
    if not enabled or os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def duration(seconds: float) -> str:
    """Seconds as a reader says them: "45 s", "7 min 20 s", "2 h 5 min"."""
    minutes, rest = divmod(round(seconds), 60)
    if not minutes:
        return f"{rest} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min {rest} s"


@dataclass(slots=True)
class LineTicker:
    """One stage's plain progress lines: at most one every ``every`` seconds."""

    stream: TextIO
    every: float = LINE_EVERY
    clock: Callable[[], float] = time.monotonic
    stage: str = ""
    unit: str = ""
    total: int = 0
    done: int = 0
    _started: float = 0.0
    _last: float = 0.0

    def start(self, stage: str, total: int, unit: str) -> None:
        self.stage, self.total, self.unit, self.done = stage, total, unit, 0
        self._started = self._last = self.clock()

    def advance(self, detail: str = "") -> None:
        self.done += 1
        now = self.clock()
        if now - self._last < self.every:
            return
        self._last = now
        elapsed = now - self._started
        line = f"citecheck: {self.stage} {self.done}/{self.total} {self.unit}"
        if detail:
            line += f" ({detail})"
        line += f", {duration(elapsed)} so far"
        if 0 < self.done < self.total:
            line += f", about {duration(elapsed / self.done * (self.total - self.done))} left"
        self.stream.write(line + "\n")
        self.stream.flush()


@dataclass(slots=True)
class LinkProgress:
    """What ``make_progress`` yields: call it (or ``advance``) once per checked link,
    ``start_archive`` then ``archived`` for the archive stage.

    Being callable, it is itself the ``progress`` callback the pipeline takes.
    """

    _progress: Progress | None = None
    _task: TaskID | None = None
    counts: dict[str, int] = field(default_factory=dict)
    _lines: LineTicker | None = None
    _archive_task: TaskID | None = None
    archive_done: int = 0

    def advance(self, result: LinkResult) -> None:
        """Count one finished link (and move the bar, or tick the lines, when there are)."""
        if not self.counts and self._lines is not None:
            self._lines.start("links", self._lines.total, "URLs checked")
        self.counts[result.status.value] = self.counts.get(result.status.value, 0) + 1
        dead = self.counts.get(LinkStatus.DEAD.value, 0)
        if self._lines is not None:
            self._lines.advance(f"{dead} dead")
        if self._progress is None or self._task is None:
            return
        self._progress.update(
            self._task, advance=1, description=f"links ({dead} dead) {result.url[:60]}"
        )

    def __call__(self, result: LinkResult) -> None:
        self.advance(result)

    def start_archive(self, total: int) -> None:
        """The archive stage begins, for ``total`` URLs."""
        if self._lines is not None:
            self._lines.start("archive", total, "URLs looked up")
        if self._progress is not None:
            self._archive_task = self._progress.add_task("archive", total=total)

    def archived(self, result: ArchiveResult) -> None:
        """One URL's archive record is done."""
        self.archive_done += 1
        if self._lines is not None:
            self._lines.advance()
        if self._progress is not None and self._archive_task is not None:
            self._progress.update(
                self._archive_task, advance=1, description=f"archive {result.url[:60]}"
            )


@contextmanager
def make_progress(
    total: int, *, enabled: bool, stream: TextIO | None = None, lines: bool = False
) -> Iterator[LinkProgress]:
    """Progress for the links and archive stages, on stderr (or ``stream``).

    A bar when ``enabled`` and on a terminal outside CI; otherwise, with
    ``lines``, a plain line every ``LINE_EVERY`` seconds of a stage (``total``
    is the links stage's count, 0 when unknown); else nothing, and
    ``advance`` only counts, so callers need no branch.
    """
    out = sys.stderr if stream is None else stream
    if not progress_enabled(enabled=enabled, stream=out):
        ticker = LineTicker(out, every=LINE_EVERY, total=total) if lines else None
        yield LinkProgress(_lines=ticker)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(file=out),
        transient=True,
    )
    with progress:
        task = progress.add_task("links", total=total)
        yield LinkProgress(progress, task)
