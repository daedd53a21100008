"""Exceptions citecheck raises, for misuse, bad input and configuration.

Expected failures of the things being checked (a dead link, a note that
cannot be parsed) are *values* in the model, never exceptions. What is raised
is for the command line to turn into one clear line and an exit code::

    CitecheckError                  base (path, problem, line); never raised itself
    ├── InputError                  a manuscript cannot be read (exit 2)
    │   ├── UnsupportedFormatError  no reader fits the file
    │   └── ManuscriptSyntaxError   the file is broken at a known line
    └── ConfigError                 bad settings, ledger or baseline (exit 2)
"""

from __future__ import annotations

__all__ = [
    "CitecheckError",
    "ConfigError",
    "InputError",
    "ManuscriptSyntaxError",
    "UnsupportedFormatError",
]


class CitecheckError(Exception):
    """Base class of every error citecheck raises on purpose.

    Every error names the file at fault (and the line, when known), so the
    command line can print ``path:line: problem`` and nothing more.
    """

    def __init__(self, path: str, problem: str, *, line: int | None = None) -> None:
        # Problems quoting a parser's message (lxml's end in "\n") stay one line.
        problem = " ".join(line.strip() for line in problem.splitlines() if line.strip())
        self.path = path
        self.problem = problem
        self.line = line
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt from its parts, so it survives the trip back from a worker process.
        return (_rebuild, (type(self), self.path, self.problem, self.line))


def _rebuild(
    kind: type[CitecheckError], path: str, problem: str, line: int | None
) -> CitecheckError:
    return kind(path, problem, line=line)


class InputError(CitecheckError):
    """A manuscript cannot be read. The message names the file."""


class UnsupportedFormatError(InputError):
    """No reader knows what to do with the file."""


class ManuscriptSyntaxError(InputError):
    """The file is of a known format but broken (truncated, corrupt)."""


class ConfigError(CitecheckError):
    """Settings, a facts ledger or a baseline file is unusable."""
