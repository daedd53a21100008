"""Ctrl-C and SIGTERM: stop the run cleanly, whichever stage it is in.

The first Ctrl-C goes to whoever handles SIGINT at that moment: inside the
links stage ``asyncio.run`` cancels the checks (each result already stored
stays in the cache), elsewhere Python raises ``KeyboardInterrupt``. SIGTERM
is passed to the same handler, so a CI job's timeout or ``kill`` stops the
run the same way, even when SIGINT is ignored (a ``&`` job, ``nohup``).
Once the interrupt is being reported, further signals are ignored, so a
second Ctrl-C during clean-up cannot turn the one-line message into a
traceback.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

__all__ = ["Interrupts", "ignore_further_signals", "interrupts"]


@dataclass
class Interrupts:
    """Which signal stopped the run (None: none did, or it was Ctrl-C)."""

    terminated: bool = False

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as shells report a process stopped by it."""
        return 128 + (signal.SIGTERM if self.terminated else signal.SIGINT)

    @property
    def name(self) -> str:
        return "SIGTERM" if self.terminated else "Ctrl-C"


@contextmanager
def interrupts() -> Iterator[Interrupts]:
    """While inside, SIGTERM acts as Ctrl-C does and is remembered."""
    state = Interrupts()

    def on_term(signum: int, frame: FrameType | None) -> None:
        state.terminated = True
        handler = signal.getsignal(signal.SIGINT)
        if callable(handler):
            handler(signal.SIGINT, frame)  # asyncio's (cancel the run) or Python's (raise)
        else:
            # SIG_DFL, or SIG_IGN: a ``&`` job or ``nohup`` starts with Ctrl-C ignored
            # (and asyncio then leaves SIGINT alone), but SIGTERM must still stop the run.
            raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread (citecheck called as a library): leave it
        yield state
        return
    try:
        yield state
    finally:
        if signal.getsignal(signal.SIGTERM) is not signal.SIG_IGN:  # see ignore_further_signals
            signal.signal(signal.SIGTERM, previous)


def ignore_further_signals() -> None:
    """From here on the run only reports and exits: Ctrl-C and SIGTERM change nothing.

    Not undone: the process is about to exit, and a handler put back before
    it has would let a second Ctrl-C raise in the interpreter's shutdown.
    A second Ctrl-C that arrived while ``asyncio.run`` was cancelling the
    stages leaves a task whose ``KeyboardInterrupt`` nobody retrieves, and
    asyncio would log it (with a traceback) at exit: the run is over, so
    asyncio's logger is silenced too.
    """
    logging.getLogger("asyncio").setLevel(logging.CRITICAL + 1)
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    except ValueError:
        pass
