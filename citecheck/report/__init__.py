"""Reporting: a finished ``CheckRun`` -> a report in one of several formats.

Every writer has the same shape, ``write(run, out, *, baseline=None)``, and
is named in ``REPORTERS``; ``write_report`` is the one switch on format.
Writers only read the run: they never check, fetch or decide exit codes
(that is ``citecheck.verdict``). A baseline, when given, marks the findings
it accepts, and each format shows them as accepted rather than as problems.

Formats: ``text`` (the terminal summary, ``terminal.py``), ``html`` (self-contained page for
editors), ``markdown`` (pull-request comment), ``json`` (schema
``schema/report.schema.json``), ``junit`` (JUnit XML), ``sarif`` (SARIF
2.1.0) and ``github`` (GitHub Actions annotations).
"""

from __future__ import annotations

from typing import Protocol, TextIO

from citecheck._lazy import LazyFunctions
from citecheck.baseline import Baseline
from citecheck.model import CheckRun

__all__ = ["REPORTERS", "Reporter", "write_report"]


class Reporter(Protocol):
    """A report writer: the run in, text to ``out``."""

    def __call__(self, run: CheckRun, out: TextIO, *, baseline: Baseline | None = None) -> None:
        """Write the report of ``run`` to ``out``."""


# Imported when first used: the terminal and HTML writers pull in rich and jinja2.
REPORTERS: LazyFunctions[Reporter] = LazyFunctions(
    {
        "text": "citecheck.report.terminal:write",
        "html": "citecheck.report.html:write",
        "markdown": "citecheck.report.markdown:write",
        "json": "citecheck.report.json:write",
        "junit": "citecheck.report.junit:write",
        "sarif": "citecheck.report.sarif:write",
        "github": "citecheck.report.github:write",
    }
)


def write_report(run: CheckRun, fmt: str, out: TextIO, *, baseline: Baseline | None = None) -> None:
    """Write the report of ``run`` in format ``fmt`` to ``out``.

    Raises:
        ValueError: ``fmt`` is not one of ``REPORTERS`` (the CLI offers only
            those, so this is a programming error, not a user's).
    """
    try:
        writer = REPORTERS[fmt]
    except KeyError:
        known = ", ".join(sorted(REPORTERS))
        raise ValueError(f"unknown report format {fmt!r}; known formats: {known}") from None
    writer(run, out, baseline=baseline)
