"""The links stage's progress bar: drawn with rich on an interactive terminal outside CI.

Apart from ``terminal`` so that a run writing JSON to a file (or in CI) never
imports rich.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from citecheck.model import LinkResult, LinkStatus

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

__all__ = ["LinkProgress", "make_progress", "progress_enabled"]


def progress_enabled(*, enabled: bool, stream: TextIO | None = None) -> bool:
    """Whether a progress bar may be drawn: asked for, a terminal, and not CI."""
    stream = sys.stderr if stream is None else stream
    if not enabled or os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


@dataclass(slots=True)
class LinkProgress:
    """What ``make_progress`` yields: call it (or ``advance``) once per checked link.

    Being callable, it is itself the ``progress`` callback the pipeline takes.
    """

    _progress: Progress | None = None
    _task: TaskID | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def advance(self, result: LinkResult) -> None:
        """Count one finished link (and move the bar, when there is one)."""
        self.counts[result.status.value] = self.counts.get(result.status.value, 0) + 1
        if self._progress is None or self._task is None:
            return
        dead = self.counts.get(LinkStatus.DEAD.value, 0)
        self._progress.update(
            self._task, advance=1, description=f"links ({dead} dead) {result.url[:60]}"
        )

    def __call__(self, result: LinkResult) -> None:
        self.advance(result)


@contextmanager
def make_progress(
    total: int, *, enabled: bool, stream: TextIO | None = None
) -> Iterator[LinkProgress]:
    """A progress bar for the links stage, on stderr (or ``stream``).

    When disabled (asked not to, not a terminal, or ``CI`` is set) it draws
    nothing and ``advance`` only counts, so callers need no branch.
    """
    out = sys.stderr if stream is None else stream
    if not progress_enabled(enabled=enabled, stream=out):
        yield LinkProgress()
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
