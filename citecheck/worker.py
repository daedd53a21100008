"""One CPU-bound job run beside the event loop, in a worker process or a thread.

The links stage is network-bound and runs on the event loop; parsing the
citations and the text checks are CPU-bound. In a thread they hold the GIL
while answers wait to be read (measured on 2,000 notes: the links took 40 %
longer); in a process they use the other core, but starting one costs about
half a second of CPU (a fresh interpreter and its imports), which only a big
job repays. The process is spawned (not forked: the parent may have threads),
ignores Ctrl-C (the parent reports the interrupt, once) and is stopped when
the parent leaves early.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import signal
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from types import TracebackType
from typing import ParamSpec, TypeVar

__all__ = ["CpuWorker"]

P = ParamSpec("P")
R = TypeVar("R")


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class CpuWorker:
    """``async with CpuWorker(in_process=...) as worker: await worker.run(fn, *args)``.

    In a process, ``fn`` and its arguments and result must pickle.
    """

    def __init__(self, *, in_process: bool) -> None:
        self._in_process = in_process
        self._executor: Executor | None = None

    async def __aenter__(self) -> CpuWorker:
        if not self._in_process:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="citecheck-cpu")
        else:
            self._executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_ignore_interrupts,
            )
        return self

    async def run(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """``fn(*args)`` in the worker; the loop goes on meanwhile."""
        assert self._executor is not None, "use CpuWorker in 'async with'"
        if kwargs:
            raise TypeError("CpuWorker.run takes positional arguments only")
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if kind is None:
            executor.shutdown(wait=True)
            return
        # Leaving early (an error, Ctrl-C): the job's result is not wanted.
        if isinstance(executor, ProcessPoolExecutor):
            for process in list(executor._processes.values()):  # no public way to stop them
                process.terminate()
        executor.shutdown(wait=False, cancel_futures=True)
