"""One CPU-bound job run beside the event loop, in a worker process or a thread.

The links stage is network-bound and runs on the event loop; parsing the
citations and the text checks are CPU-bound. In a thread they hold the GIL
while answers wait to be read (measured on 2,000 notes: the links took 40 %
longer); in a process they use the other core, but starting one costs about
half a second of CPU (a fresh interpreter and its imports), which only a big
job repays.

The process is ``python -m citecheck._worker_child`` with the job pickled on
its stdin and the result on its stdout: not ``multiprocessing``, whose
spawned children re-run the parent's main script (a library caller's script
without a ``__main__`` guard would run again). It runs the citecheck this
process imported, ignores Ctrl-C (the parent reports the interrupt, once),
and is killed when the parent stops waiting for it.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

__all__ = ["CpuWorker", "WorkerFailed"]

R = TypeVar("R")

_CITECHECK_ROOT = str(Path(__file__).resolve().parents[1])


class WorkerFailed(RuntimeError):
    """The worker process died or answered nothing readable (a bug, not bad input)."""


class CpuWorker:
    """``await CpuWorker(in_process=...).run(fn, *args)``: ``fn(*args)`` while the loop goes on.

    In a process, ``fn`` must be a module-level function, and its arguments
    and result must pickle; what it raises is raised here.
    """

    def __init__(self, *, in_process: bool) -> None:
        self.in_process = in_process and bool(sys.executable)

    async def run(self, fn: Callable[..., R], *args: object) -> R:
        if not self.in_process:
            return await asyncio.to_thread(fn, *args)
        job = pickle.dumps((fn.__module__, fn.__qualname__, args), pickle.HIGHEST_PROTOCOL)
        paths = os.environ.get("PYTHONPATH")
        env = os.environ | {
            "PYTHONPATH": _CITECHECK_ROOT + (os.pathsep + paths if paths else ""),
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "citecheck._worker_child",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env,
        )
        try:
            out, err = await process.communicate(job)
        except BaseException:  # cancelled (Ctrl-C, another stage failed): stop it now
            if process.returncode is None:
                process.kill()
                await process.wait()
            raise
        try:
            kind, value = pickle.loads(out)
        except Exception as error:
            detail = err.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
            raise WorkerFailed(
                f"the worker process exited {process.returncode}: {detail[0]}"
            ) from error
        if kind == "error":
            raise cast(BaseException, value)
        return cast(R, value)
