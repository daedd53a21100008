"""``run``: ``asyncio.run`` for the stages, without asyncio formatting the result.

On Python 3.11 and 3.12, ``asyncio.run`` puts its Ctrl-C handler back with
``signal.signal``, whose enum lookup of the old handler fails and formats
``repr(task)``, the task's result included, twice (CPython issue 112559).
For a run's results that is the repr of every citation and verdict: ~20,000
dataclass reprs and ~40 ms of a 2,000-note command spent on text nobody
reads. Here the result is handed over beside the task, so the task's result
is ``None``. Ctrl-C, cancellation and errors behave as with ``asyncio.run``.
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

    asyncio.run(hand_over())
    return handed[0]
