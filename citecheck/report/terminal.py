"""Terminal report: a short summary and the problems, for a person at a shell.

Written with rich to the given stream: colours and box drawing when it is a
terminal, plain text (no escape codes) when it is a file, a pipe or a CI log.
``make_progress`` (in ``progress``, re-exported here) is the links stage's
progress bar, shown only on an interactive terminal outside CI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from citecheck.baseline import Baseline
from citecheck.model import CheckRun
from citecheck.report.progress import LinkProgress, make_progress, progress_enabled
from citecheck.verdict import LINK_RULES, link_advice

if TYPE_CHECKING:
    # rich and the report view (which lists every rule, so imports every check)
    # are imported when a terminal report is written: the batch command imports
    # this module for its progress bar, and most runs write no text report.
    from rich.console import Console
    from rich.table import Table

    from citecheck.report._view import ReportView

__all__ = ["LinkProgress", "make_progress", "progress_enabled", "write"]


def _note_name(label: str) -> str:
    """ "note 3", "in-text citation @key", "body link 2" (``_view.note_name``, imported late)."""
    from citecheck.report._view import note_name

    return note_name(label)


_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}


def _console(out: TextIO) -> Console:
    from rich.console import Console

    is_tty = out.isatty() if hasattr(out, "isatty") else False
    return Console(
        file=out,
        force_terminal=is_tty,
        no_color=not is_tty,
        highlight=False,
        emoji=False,
        width=None if is_tty else 100,
    )


def _summary_table(view: ReportView) -> Table:
    from rich.table import Table

    s = view.summary
    table = Table(title="citecheck", show_header=False, box=None, pad_edge=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("notes", s.notes, ""),
        ("citations", s.citations, ""),
        *((name, count, "") for name, count in view.summary_rows),
        ("dead links", s.link_status["dead"], "bold red"),
        ("soft-dead links", s.link_status["soft-dead"], "yellow"),
        ("unverified links", s.checked_unverified, "magenta"),
        ("errors", s.findings["error"], "bold red"),
        ("warnings", s.findings["warning"], "yellow"),
        ("notices", s.findings["note"], "cyan"),
        ("accepted by baseline", s.baselined, "dim"),
    ]
    for name, count, style in rows:
        table.add_row(name, str(count), style=style if count else "")
    return table


def _offline_line(view: ReportView) -> str:
    return f"offline run: {view.offline_sentence}"


def _render(view: ReportView, console: Console) -> None:
    from rich.markup import escape

    console.print(_summary_table(view))
    if view.offline:
        # One line for all of them: an offline link says nothing about its note.
        console.print(f"[magenta]{_offline_line(view)}[/]")
    if view.body_links_sentence:
        console.print(f"[yellow]{escape(view.body_links_sentence)}[/]")
    if view.run.archive_skipped_reason and view.run.links:  # no link: no archive to want
        console.print(f"archive stage skipped: {escape(view.run.archive_skipped_reason)}")
    for note in view.problem_notes:
        if note.label is not None:
            header = f"[bold]{escape(str(note.location))}[/] {escape(_note_name(note.label))}"
        else:
            header = f"[bold]{escape(note.location.path)}[/] body text"
        console.print(f"\n{header}")
        for item in note.open_findings:
            finding = item.finding
            if finding.severity.value == "note" or finding.rule in LINK_RULES:
                continue  # link findings are the link lines below
            style = _STYLE[finding.severity.value]
            # A finding in the body has its own line; the group header only names the file
            # (or the note, whose line is not where a figure in the citing sentence stands).
            own = note.label is None or finding.location.line != note.location.line
            line = f"{finding.location.line_text}: " if own else ""
            console.print(
                f"  {line}[{style}]{finding.severity.value}[/] {escape(finding.rule)}: "
                f"{escape(finding.message)}"
            )
        for link_view in note.problem_links:
            link = link_view.link
            advice = link_advice(link.status, link_view.snapshot_url)
            said = link.reason.rstrip(".") + (f". {advice}" if advice else "")
            console.print(f"  link [bold]{link.status.value}[/] {escape(link.url)}: {escape(said)}")
    for item in view.open_unplaced:
        finding = item.finding
        console.print(f"{escape(str(finding.location))} {finding.rule}: {escape(finding.message)}")
    if view.notices:
        console.print(f"\n[cyan]notices[/] ({len(view.notices)})")
        for item in view.notices:
            finding = item.finding
            console.print(
                f"  {escape(str(finding.location))} {escape(finding.rule)}: "
                f"{escape(finding.message)}"
            )
    if view.summary.problems_found == 0:
        tail = f" ({view.unchecked_words})" if view.offline else ""
        console.print(f"\nno problems found{tail}")


def write(run: CheckRun, out: TextIO, *, baseline: Baseline | None = None) -> None:
    """Write the summary and the problems, note by note."""
    from citecheck.report._view import build_view

    _render(build_view(run, baseline=baseline), _console(out))
