"""GitHub Actions annotations: one workflow command per open finding.

Printed to the job log, each line becomes an annotation on the manuscript
line in the pull request's "Files changed" tab::

    ::error file=essay.md,line=40,title=link-dead (note 3)::Dead link https://…

Severities map to ``error``, ``warning`` and ``notice``. Baselined findings
are left out: they were accepted. In an offline run the ``link-unverified``
findings of the links it could not check are left out too, and one notice
without a file says how many links were not checked. The last line is a
plain summary.
"""

from __future__ import annotations

from typing import TextIO

from citecheck.baseline import Baseline
from citecheck.model import CheckRun, Severity
from citecheck.report._view import build_view, note_name, relative_path

__all__ = ["annotation", "write"]

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def _data(text: str) -> str:
    # The runner's own escaping rules for a command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    severity: Severity,
    message: str,
    *,
    file: str | None,
    line: int = 1,
    title: str | None = None,
) -> str:
    """One ``::error file=…,line=…::message`` workflow command line.

    With ``file`` None the annotation belongs to the run, not to a line.
    """
    properties = [] if file is None else [f"file={_property(file)}", f"line={max(line, 1)}"]
    if title:
        properties.append(f"title={_property(title)}")
    command = _COMMAND[severity]
    head = f"::{command} {','.join(properties)}" if properties else f"::{command}"
    return f"{head}::{_data(message)}"


def write(run: CheckRun, out: TextIO, *, baseline: Baseline | None = None) -> None:
    """Write one annotation per open finding, then a summary line."""
    view = build_view(run, baseline=baseline)
    summary = view.summary
    if view.offline:
        # One annotation for the run instead of one per cited URL: offline says nothing per note.
        out.write(
            annotation(
                Severity.NOTE,
                f"Offline run: {view.offline_sentence}.",
                file=None,
                title="citecheck offline run",
            )
            + "\n"
        )
    for item in view.findings:
        if item.baselined or item.offline:
            continue
        finding = item.finding
        where = [] if finding.note is None else [note_name(finding.note)]
        if finding.location.page is not None:
            # Annotations place lines only; a PDF's page goes in the title.
            where.append(f"page {finding.location.page}")
        title = f"{finding.rule} ({' '.join(where)})" if where else finding.rule
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
    links = f"{summary.link_status['dead']} dead and {summary.checked_unverified} unverified links"
    if view.offline:
        links += f" ({summary.offline_links} not checked: offline run)"
    out.write(
        f"citecheck: {summary.findings['error']} errors, {summary.findings['warning']} warnings, "
        f"{links} ({summary.baselined} findings accepted by the baseline)\n"
    )
