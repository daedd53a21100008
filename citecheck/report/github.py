"""GitHub Actions annotations: one workflow command per open finding.

Printed to the job log, each line becomes an annotation on the manuscript
line in the pull request's "Files changed" tab::

    ::error file=essay.md,line=40,title=link-dead (note 3)::Dead link https://…

Severities map to ``error``, ``warning`` and ``notice``. Baselined findings
are left out: they were accepted. The last line is a plain summary.
"""

from __future__ import annotations

from typing import TextIO

from citecheck.baseline import Baseline
from citecheck.model import CheckRun, Severity
from citecheck.report._view import build_view, relative_path

__all__ = ["annotation", "write"]

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def _data(text: str) -> str:
    # The runner's own escaping rules for a command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    severity: Severity, message: str, *, file: str, line: int, title: str | None = None
) -> str:
    """One ``::error file=…,line=…::message`` workflow command line."""
    properties = [f"file={_property(file)}", f"line={max(line, 1)}"]
    if title:
        properties.append(f"title={_property(title)}")
    return f"::{_COMMAND[severity]} {','.join(properties)}::{_data(message)}"


def write(run: CheckRun, out: TextIO, *, baseline: Baseline | None = None) -> None:
    """Write one annotation per open finding, then a summary line."""
    view = build_view(run, baseline=baseline)
    for item in view.findings:
        if item.baselined:
            continue
        finding = item.finding
        title = finding.rule if finding.note is None else f"{finding.rule} (note {finding.note})"
        out.write(
            annotation(
                finding.severity,
                finding.message,
                file=relative_path(finding.location.path),
                line=finding.location.line,
                title=title,
            )
            + "\n"
        )
    summary = view.summary
    out.write(
        f"citecheck: {summary.findings['error']} errors, {summary.findings['warning']} warnings, "
        f"{summary.link_status['dead']} dead and {summary.unverified} unverified links "
        f"({summary.baselined} findings accepted by the baseline)\n"
    )
