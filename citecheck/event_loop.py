"""``run``: ``asyncio.run`` for the stages, without asyncio formatting the result.

On Python 3.11 and 3.12, ``asyncio.run`` puts its Ctrl-C handler back with
``signal.signal``, whose enum lookup of the old handler fails and formats
``repr(task)``, the task's result included, twice (CPython issue 112559).
For a run's results that is the repr of every citation and verdict: ~20,000
dataclass reprs and ~40 ms of a 2,000-note command spent on text nobody
reads. Here the result is handed over beside the task, so the task's result
is ``None``. Ctrl-C, cancellation and errors behave as with ``asyncio.run``,
except that a loop stopped under the run is an interrupt (see ``run``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

__all__ = ["run"]

T = TypeVar("T")


def run(main: Coroutine[Any, Any, T]) -> T:
    """Run ``main`` in a new event loop, as ``asyncio.run``, and return its result."""
    handed: list[T] = []

    async def hand_over() -> None:
        handed.append(await main)

    try:
        asyncio.run(hand_over())
    except RuntimeError as error:
        # A second Ctrl-C while asyncio.run is cancelling the first one's tasks stops the
        # loop under them ("Event loop stopped before Future completed"). Nothing here
        # stops a loop otherwise: the run was interrupted, and must say so, not "bug".
        if str(error).startswith("Event loop stopped before Future completed"):
            raise KeyboardInterrupt from None
        raise
    return handed[0]
