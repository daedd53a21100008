"""``event_loop.run``: ``asyncio.run``'s behaviour, without formatting the result."""

from __future__ import annotations

import asyncio

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
