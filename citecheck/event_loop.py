"""``run``: ``asyncio.run`` for the stages, without asyncio formatting the result,
and with every task's clean-up done before it returns.

On Python 3.11 and 3.12, ``asyncio.run`` puts its Ctrl-C handler back with
``signal.signal``, whose enum lookup of the old handler fails and formats
``repr(task)``, the task's result included, twice (CPython issue 112559).
For a run's results that is the repr of every citation and verdict: ~20,000
dataclass reprs and ~40 ms of a 2,000-note command spent on text nobody
reads. Here the result is handed over beside the task, so the task's result
is ``None``.

A second Ctrl-C while ``asyncio.run`` cancels the first one's tasks breaks
that cancelling off and closes the loop with tasks still suspended in their
clean-up (the links stage's, which closes the link cache). Their clean-up
then ran whenever the garbage collector finalized them, in whichever thread
collected (the progress timer's, an executor's): SQLite refused a connection
"used from another thread" and unwritten verdicts could be lost. Here every
task left is cancelled and run to its end on the loop, in this thread, with
Ctrl-C and SIGTERM held off meanwhile (for at most ``WIND_UP_SECONDS``) and
raised once it is done. Ctrl-C, cancellation and errors otherwise behave as
with ``asyncio.run``; a loop stopped under the run is an interrupt.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Coroutine, Iterator
from types import FrameType
from typing import Any, TypeVar

__all__ = ["WIND_UP_SECONDS", "run"]

T = TypeVar("T")

# The longest the tasks left after an interrupt get to finish their clean-up
# (closing clients and caches takes milliseconds; this only bounds a stuck one).
WIND_UP_SECONDS = 5.0
_STOPPED = "Event loop stopped before Future completed"


def run(main: Coroutine[Any, Any, T]) -> T:
    """Run ``main`` in a new event loop, as ``asyncio.run``, and return its result."""
    handed: list[T] = []

    async def hand_over() -> None:
        handed.append(await main)

    runner = asyncio.Runner()
    try:
        try:
            runner.run(hand_over())
        finally:
            with _held_interrupts() as held:
                _wind_up(runner.get_loop())
            runner.close()
    except RuntimeError as error:
        # A second Ctrl-C while the first one's cancelling is under way stops the loop
        # under it. Nothing here stops a loop otherwise: the run was interrupted.
        if str(error).startswith(_STOPPED):
            raise KeyboardInterrupt from None
        raise
    if held:
        raise KeyboardInterrupt
    return handed[0]


def _wind_up(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel every task left on ``loop`` and run them to their end, here."""
    # A few rounds: a run_until_complete broken off by Ctrl-C may have left its
    # callback that stops the loop, which then stops the next round once.
    for _ in range(3):
        tasks = asyncio.all_tasks(loop)
        try:
            loop.run_until_complete(_cancelled(tasks))
        except RuntimeError as error:
            if not str(error).startswith(_STOPPED):
                raise
            continue
        if not asyncio.all_tasks(loop):
            return
    for task in asyncio.all_tasks(loop):
        # Stuck past the bound: its clean-up runs now, in this thread, not in a finalizer's.
        with contextlib.suppress(RuntimeError):  # it awaited again in its clean-up
            task.get_coro().close()


async def _cancelled(tasks: set[asyncio.Task[Any]]) -> None:
    for task in tasks:
        task.cancel()
    if not tasks:
        return  # still one turn of the loop: a stale stop callback runs now
    await asyncio.wait(tasks, timeout=WIND_UP_SECONDS)
    loop = asyncio.get_running_loop()
    for task in tasks:
        if task.done() and not task.cancelled() and task.exception() is not None:
            # As asyncio.run says of a task failing while it is cancelled.
            loop.call_exception_handler(
                {
                    "message": "unhandled exception during asyncio.run() shutdown",
                    "exception": task.exception(),
                    "task": task,
                }
            )


@contextlib.contextmanager
def _held_interrupts() -> Iterator[list[int]]:
    """While inside, a Ctrl-C (or SIGTERM through it, see ``cli._interrupt``) is noted,
    not raised; the list says whether one came."""
    held: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield held
        return
    previous = signal.getsignal(signal.SIGINT)
    if previous is not signal.default_int_handler:
        yield held  # SIGINT ignored (a ``&`` job) or someone else's: left alone
        return

    def hold(signum: int, frame: FrameType | None) -> None:
        held.append(signum)

    try:
        signal.signal(signal.SIGINT, hold)
    except ValueError:  # signals not available to this interpreter
        yield held
        return
    try:
        yield held
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
