"""The ``citecheck`` command line: parse options, run the pipeline, write, exit.

One module per command (``notes``, ``cite``, ``check``, ``archive``, ``sources``), each with
``register(commands)`` adding its sub-parser and a ``run(args)`` returning an
exit code; ``_base`` holds what they share. This module only builds the parser
and turns every expected failure into one line on stderr: exit 2 for what the
user can fix, 130 for Ctrl-C (143 for SIGTERM), 4 (no traceback unless CITECHECK_DEBUG) for a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

# httpx imports its own command line (click, rich, pygments: ~45 ms) when they are
# installed; this command never runs it. ``None`` in sys.modules makes that import
# fail, which httpx expects (it then defines a stub ``httpx.main``). Only when httpx
# is not loaded yet: a library caller's httpx stays as it was.
if "httpx" not in sys.modules and "httpx._main" not in sys.modules:
    sys.modules["httpx._main"] = None  # type: ignore[assignment]  # typeshed knows no None

from citecheck import __version__
from citecheck.cli import archive, batch, check, cite, notes, sources
from citecheck.cli._base import Commands, Parser, UsageError
from citecheck.cli._interrupt import ignore_further_signals, interrupts
from citecheck.errors import CitecheckError
from citecheck.verdict import ExitCode

__all__ = ["build_parser", "main"]

# Each command's module, in the order ``--help`` lists them.
_COMMANDS: tuple[Callable[[Commands], None], ...] = (
    notes.register,
    cite.register,
    check.register,
    archive.register,
    sources.register,
    batch.register,
)


def build_parser() -> Parser:
    """The argument parser, also used by the docs test."""
    parser = Parser(
        prog="citecheck",
        description="Verify the citations and footnotes of a manuscript before it is published.",
        epilog="Example:\n  citecheck check essay.md --format html -o report.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"citecheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for register in _COMMANDS:
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see ``verdict.ExitCode``)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    with interrupts() as stopped:
        try:
            return _run(args)
        except KeyboardInterrupt:
            ignore_further_signals()  # a second Ctrl-C must not make a traceback of this line
            print(
                f"citecheck: interrupted ({stopped.name}); link results so far are kept "
                "in the cache",
                file=sys.stderr,
            )
            return stopped.exit_code


def _run(args: argparse.Namespace) -> int:
    """The command, with every expected failure turned into one line and an exit code."""
    try:
        return int(args.run(args))
    except (UsageError, CitecheckError) as error:
        print(f"citecheck: error: {error}", file=sys.stderr)
        return ExitCode.USAGE
    except BrokenPipeError:
        return ExitCode.OK
    except OSError as error:
        # Writing a report or the bibliography failed (folder missing rights, disk full).
        where = error.filename or "output"
        print(f"citecheck: error: {where}: {error.strerror or error}", file=sys.stderr)
        return ExitCode.USAGE
    except Exception as error:
        if os.environ.get("CITECHECK_DEBUG"):
            raise
        print(
            f"citecheck: internal error: {type(error).__name__}: {error}. This is a bug in "
            "citecheck; rerun with CITECHECK_DEBUG=1 for the traceback and report it. "
            "Link results checked so far are kept in the cache.",
            file=sys.stderr,
        )
        return ExitCode.INTERNAL
