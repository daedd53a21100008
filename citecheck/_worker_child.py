"""The worker process of ``citecheck.worker``: one pickled job on stdin, its result on stdout."""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import signal
import sys
import traceback
from typing import Any

# The parent's event loop is latency-bound (each answer read late holds a
# host's slot longer); this job has slack. When they compete for a core, the
# loop should win: measured on the 2,000-link benchmark at load 3.4-4.0, wall
# 8.5-9.3 s at the same priority, 5.8-6.1 s (one run 12.9 s) at niceness 5.
_NICENESS = 5


def _yield_to_the_parent() -> None:
    with contextlib.suppress(AttributeError, OSError):  # no nice() here, or not allowed
        os.nice(_NICENESS)


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent reports Ctrl-C and stops us
    _yield_to_the_parent()
    module, name, args = pickle.loads(sys.stdin.buffer.read())
    function: Any = importlib.import_module(module)
    for part in name.split("."):
        function = getattr(function, part)
    try:
        answer = ("ok", function(*args))
    except Exception as error:  # raised again in the parent, as if called there
        # The traceback stays here; its text goes along as a note (notes pickle),
        # so CITECHECK_DEBUG shows where in the worker a bug was.
        error.add_note("In the worker process:\n" + "".join(traceback.format_exception(error)))
        answer = ("error", error)
    try:
        data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # an error that does not pickle: its words, at least
        data = pickle.dumps(("error", RuntimeError(f"{type(error).__name__}: {error}")))
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
