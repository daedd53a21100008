"""The worker process of ``citecheck.worker``: one pickled job on stdin, its result on stdout."""

from __future__ import annotations

import importlib
import pickle
import signal
import sys
from typing import Any


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent reports Ctrl-C and stops us
    module, name, args = pickle.loads(sys.stdin.buffer.read())
    function: Any = importlib.import_module(module)
    for part in name.split("."):
        function = getattr(function, part)
    try:
        answer = ("ok", function(*args))
    except Exception as error:  # raised again in the parent, as if called there
        answer = ("error", error)
    try:
        data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # an error that does not pickle: its words, at least
        data = pickle.dumps(("error", RuntimeError(f"{type(error).__name__}: {error}")))
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
