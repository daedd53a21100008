"""Progress of the long stages (links, archive), on stderr.

On an interactive terminal outside CI, a rich progress bar; elsewhere (a
pipe, a file, a CI log), when asked for, one plain line every ``every``
seconds while a stage runs (from a timer: a stalled stage says so too), and
one at its end, so a book-length run is not silent for half an hour. A quick
run prints nothing. Apart from ``terminal`` so that a run
writing JSON to a file (or in CI) never imports rich.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from citecheck.model import ArchiveResult, LinkResult, LinkStatus

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

__all__ = [
    "LineTicker",
    "LinkProgress",
    "Ticker",
    "duration",
    "make_progress",
    "progress_enabled",
    "ticking",
]

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


class Ticker:
    """A daemon thread calling ``tick`` every few seconds until ``stop``.

    Progress lines come from here, not only from finished look-ups: a pass
    that stalls (a rate window, a long ``Retry-After``) still says so every
    ``LINE_EVERY`` seconds, and lines do not bunch up when look-ups finish
    together.
    """

    def __init__(self, tick: Callable[[], None], every: float) -> None:
        self._tick = tick
        # Lines are at most a few seconds late; waking seldom keeps the thread from
        # allocating (and so from running the garbage collector) while the run works.
        self._gap = min(5.0, every / 4)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="citecheck-progress", daemon=True)

    def start(self) -> Ticker:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self._gap):
            self._tick()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5.0)


@contextmanager
def ticking(tick: Callable[[], None], every: float) -> Iterator[None]:
    """``tick`` from a timer while the block runs (no timer for ``every`` <= 0)."""
    timer = Ticker(tick, every).start() if every > 0 else None
    try:
        yield
    finally:
        if timer is not None:
            timer.stop()


@dataclass(slots=True)
class LineTicker:
    """One stage's plain progress lines: one every ``every`` seconds while it runs (``tick``,
    from a timer, whether or not anything finished), and a closing line at its end when it
    wrote any."""

    stream: TextIO
    every: float = LINE_EVERY
    clock: Callable[[], float] = time.monotonic
    stage: str = ""
    unit: str = ""
    total: int = 0
    done: int = 0
    detail: str = ""
    _started: float = 0.0
    _last: float = 0.0
    _running: bool = False
    _wrote: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, stage: str, total: int, unit: str) -> None:
        self.close()  # the stage before, if it was still open
        with self._lock:
            self.stage, self.total, self.unit, self.done = stage, total, unit, 0
            self.detail = ""
            self._started = self._last = self.clock()
            self._running, self._wrote = True, False

    def advance(self, detail: str = "") -> None:
        with self._lock:
            self.done += 1
            self.detail = detail
            ended = 0 < self.total <= self.done
            if not ended:
                self._due()
        if ended:
            self.close()

    def tick(self) -> None:
        """A line if the stage runs and none was written for ``every`` seconds."""
        with self._lock:
            self._due()

    def close(self) -> None:
        """The stage's closing line, when it wrote any; then it is over."""
        with self._lock:
            if self._running and self._wrote:
                self._write(self.clock(), closing=True)
            self._running = False

    def _due(self) -> None:
        now = self.clock()
        if self._running and now - self._last >= self.every:
            self._write(now)

    def _write(self, now: float, *, closing: bool = False) -> None:
        self._last, self._wrote = now, True
        elapsed = now - self._started
        line = f"citecheck: {self.stage} {self.done}/{self.total} {self.unit}"
        if self.detail:
            line += f" ({self.detail})"
        if closing:
            line += f", {duration(elapsed)} in all"
        else:
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
        if self._lines is not None and self._lines.stage != "links":
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
        if not lines:
            yield LinkProgress()
            return
        ticker = LineTicker(out, every=LINE_EVERY, total=total)
        if total:
            ticker.start("links", total, "URLs checked")  # silent from its start on, not its end
        with ticking(ticker.tick, ticker.every):
            yield LinkProgress(_lines=ticker)
        ticker.close()
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
