"""``event_loop.run``: ``asyncio.run``'s behaviour, without formatting the result."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import threading
from collections.abc import Coroutine
from typing import Any

import pytest

from citecheck import event_loop


class _NoRepr:
    """A result nobody should format; it counts the times it was (reprlib swallows errors)."""

    built = 0

    def __repr__(self) -> str:
        _NoRepr.built += 1
        return "<result>"


async def _answer() -> tuple[_NoRepr, int]:
    await asyncio.sleep(0)
    return _NoRepr(), 42


def test_the_result_comes_back_without_its_repr_built() -> None:
    _NoRepr.built = 0
    result, number = event_loop.run(_answer())
    assert isinstance(result, _NoRepr)
    assert number == 42
    assert _NoRepr.built == 0


def test_errors_come_out_as_raised() -> None:
    async def fails() -> None:
        raise ValueError("bad ledger")

    with pytest.raises(ValueError, match="bad ledger"):
        event_loop.run(fails())


def test_each_run_has_its_own_loop() -> None:
    async def loop_id() -> int:
        return id(asyncio.get_running_loop())

    first = event_loop.run(loop_id())
    assert isinstance(first, int)
    with pytest.raises(RuntimeError):
        asyncio.get_running_loop()  # no loop is left running


def test_a_loop_stopped_under_the_run_is_an_interrupt() -> None:
    # What a second Ctrl-C during asyncio.run's cancelling does: it stops the loop before the
    # run's future is done. It was an "internal error" (exit 4) once in a few runs of
    # test_interrupt's second-Ctrl-C test; it is the interrupt it is.
    async def stopped() -> None:
        asyncio.get_running_loop().stop()
        await asyncio.sleep(3600)

    with pytest.raises(KeyboardInterrupt):
        event_loop.run(stopped())


def _cleaning_owner(cleaned: list[str]) -> Coroutine[Any, Any, None]:
    """A task holding something of this thread's (the link cache's SQLite connection):
    its clean-up first waits on the loop (closing a client), then closes it."""

    async def owner() -> None:
        try:
            try:
                await asyncio.sleep(3600)
            finally:
                # The second Ctrl-C comes while the clean-up waits on the loop.
                asyncio.get_running_loop().call_soon(signal.raise_signal, signal.SIGINT)
                await asyncio.sleep(0)
                await asyncio.sleep(0)
        finally:
            cleaned.append(threading.current_thread().name)

    return owner()


def test_a_second_ctrl_c_during_the_clean_up_leaves_no_task_to_a_finalizer() -> None:
    # asyncio.run left such a task suspended when the second Ctrl-C broke its last
    # cancelling: its clean-up ran when the garbage collector finalized it, in whatever
    # thread collected (the progress timer's): SQLite "used from another thread", a
    # flaky test_interrupt. Every task finishes its clean-up here, before run returns.
    cleaned: list[str] = []

    async def main() -> None:
        asyncio.get_running_loop().create_task(_cleaning_owner(cleaned))
        await asyncio.sleep(0)
        signal.raise_signal(signal.SIGINT)  # the first Ctrl-C
        await asyncio.sleep(3600)

    with pytest.raises(KeyboardInterrupt):
        event_loop.run(main())
    collector = threading.Thread(target=gc.collect, name="collector")
    collector.start()
    collector.join()
    assert cleaned == [threading.main_thread().name]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_ctrl_c_while_the_run_winds_up_is_the_interrupt() -> None:
    # The run's own task had finished when the Ctrl-C came: it is still an interrupt.
    cleaned: list[str] = []

    async def main() -> None:
        asyncio.get_running_loop().create_task(_cleaning_owner(cleaned))
        await asyncio.sleep(0)

    with pytest.raises(KeyboardInterrupt):
        event_loop.run(main())
    assert cleaned == [threading.main_thread().name]


def test_a_task_that_will_not_stop_is_closed_here_after_the_wind_up_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(event_loop, "WIND_UP_SECONDS", 0.01)
    cleaned: list[str] = []

    async def stubborn() -> None:
        try:
            while True:
                with contextlib.suppress(asyncio.CancelledError):  # deaf to cancelling
                    await asyncio.sleep(3600)
        finally:
            cleaned.append(threading.current_thread().name)

    async def main() -> None:
        asyncio.get_running_loop().create_task(stubborn())
        await asyncio.sleep(0)
        signal.raise_signal(signal.SIGINT)
        await asyncio.sleep(3600)

    with pytest.raises(KeyboardInterrupt):
        event_loop.run(main())
    assert cleaned == [threading.main_thread().name]
