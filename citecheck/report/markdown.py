"""Markdown report: a pull-request comment an editor can read in a minute.

A summary table, then only the notes with problems (open errors and
warnings; dead, soft-dead and unverified links), each in a collapsible
``<details>`` block, then the notices in one collapsed list. An offline run
says once that its links were not checked; its unchecked links make no note
a problem and get no line.
Manuscript text is escaped for both Markdown and HTML, since GitHub renders
the two together. The comment stays under GitHub's 65,536-character limit:
notes that do not fit are counted, not cut in half.
"""

from __future__ import annotations

import html
import re
from typing import TextIO

from citecheck.baseline import Baseline
from citecheck.model import CheckRun
from citecheck.report._view import LinkView, NoteView, ReportView, build_view, note_name
from citecheck.verdict import LINK_RULES, link_advice

__all__ = ["MAX_CHARS", "report_markdown", "write"]

MAX_CHARS = 60_000  # GitHub rejects comments over 65,536 characters; keep room.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _text(value: str) -> str:
    """Escape manuscript text for one line of GitHub Markdown."""
    flat = " ".join(value.split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def _code(value: str) -> str:
    # Markdown still applies inside inline HTML, so escape for both here too.
    return f"<code>{_text(value)}</code>"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _table(view: ReportView) -> list[str]:
    s = view.summary
    rows = [
        ("Manuscripts", s.manuscripts),
        ("Notes", s.notes),
        ("Citations", s.citations),
        *((name[:1].upper() + name[1:], count) for name, count in view.summary_rows),
        ("Dead links", s.link_status["dead"]),
        ("Soft-dead links", s.link_status["soft-dead"]),
        ("Unverified links", s.checked_unverified),
        ("Redirected links", s.link_status["redirected"]),
        ("Errors", s.findings["error"]),
        ("Warnings", s.findings["warning"]),
        ("Notices", s.findings["note"]),
        ("Accepted by baseline", s.baselined),
    ]
    return ["| | Count |", "|---|---:|", *(f"| {name} | {count} |" for name, count in rows)]


def _link_line(link_view: LinkView) -> str:
    link = link_view.link
    line = f"- Link {_code(link.url)}: **{link.status.value}**"
    if link.reason:
        line += f", {_text(link.reason.rstrip('.'))}"
    copy = link_view.snapshot_url
    advice = link_advice(link.status, copy)
    if advice:
        # The finding's own words, the archived copy's address as code.
        words = advice.removesuffix(copy) if copy else advice
        line += f". {_text(words)}" + (f" {_code(copy)}" if copy and words != advice else "")
    return line


def _note_block(note: NoteView) -> str:
    # Link findings are shown as link lines (with the archived copy) instead.
    findings = [
        f
        for f in note.open_findings
        if f.finding.severity.value != "note" and f.finding.rule not in LINK_RULES
    ]
    links = note.problem_links
    counts = {"error": 0, "warning": 0}
    for item in findings:
        counts[item.finding.severity.value] += 1
    parts = [_plural(counts["error"], "error"), _plural(counts["warning"], "warning")]
    parts = [p for p in parts if not p.startswith("0 ")]
    groups: dict[str, int] = {}
    for link_view in links:
        groups[link_view.status_group] = groups.get(link_view.status_group, 0) + 1
    parts += [_plural(count, f"{group} link") for group, count in groups.items()]
    if note.label is not None:
        place = f"<b>{html.escape(str(note.location))}</b> {_text(note_name(note.label))}"
    else:
        place = f"<b>{html.escape(note.location.path)}</b> body text"
    lines = ["<details>", f"<summary>{place}: {', '.join(parts)}</summary>", ""]
    if note.footnote is not None and note.footnote.claim:
        lines += [f"> {_text(note.footnote.claim)}", ""]
    if note.footnote is not None:
        lines += [f"Note: {_text(note.footnote.text)}", ""]
    for item in findings:
        finding = item.finding
        # Body-text findings each have their own line; a note's share the note's unless
        # they stand elsewhere (a figure in the sentence citing the note).
        own = note.label is None or finding.location.line != note.location.line
        at = f"{finding.location.line_text}: " if own else ""
        line = f"- {at}**{finding.severity.value}** {_code(finding.rule)}: {_text(finding.message)}"
        if finding.evidence:
            line += f" (evidence: {_code(finding.evidence)})"
        lines.append(line)
    lines += [_link_line(link) for link in links]
    lines += ["", "</details>", ""]
    return "\n".join(lines)


def _notices_block(view: ReportView) -> list[str]:
    """The notices an editor may want to see, collapsed: counted in the table, listed here."""
    notices = view.notices
    if not notices:
        return []
    lines = ["<details>", f"<summary>{_plural(len(notices), 'notice')}</summary>", ""]
    for item in notices:
        finding = item.finding
        where = html.escape(str(finding.location))
        lines.append(f"- {where}: {_code(finding.rule)}: {_text(finding.message)}")
    if view.link_notices:
        where = "the offline line above" if view.offline else "their notes above"
        lines += ["", f"_{_plural(view.link_notices, 'more notice')} about links: see {where}._"]
    return [*lines, "", "</details>", ""]


def report_markdown(view: ReportView) -> str:
    """The whole comment as text."""
    run = view.run
    head = ["## citecheck report", "", *_table(view), ""]
    if view.offline:
        head += [f"> **Offline run:** {_text(view.offline_sentence)}.", ""]
    if run.archive_skipped_reason:
        head += [f"> Archive stage skipped: {_text(run.archive_skipped_reason)}", ""]
    if view.body_links_sentence:
        head += [f"> {_text(view.body_links_sentence)} (docs/links.md)", ""]

    notes = view.problem_notes
    if not notes:
        clean = (
            f"No problems found ({view.unchecked_words})." if view.offline else "No problems found."
        )
        return "\n".join([*head, clean, "", *_notices_block(view)])
    body = [f"### Problems in {_plural(len(notes), 'note')}", ""]
    used = sum(len(line) + 1 for line in head + body)
    left_out = 0
    for note in notes:
        block = _note_block(note)
        if used + len(block) > MAX_CHARS:
            left_out += 1
            continue
        body.append(block)
        used += len(block) + 1
    if left_out:
        body.append(
            f"_{_plural(left_out, 'more note')} with problems did not fit in this comment; "
            "see the HTML or JSON report._"
        )
        body.append("")
    notices = _notices_block(view)
    if notices and used + sum(len(line) + 1 for line in notices) <= MAX_CHARS:
        body += ["### Notices", "", *notices]
    return "\n".join(head + body)


def write(run: CheckRun, out: TextIO, *, baseline: Baseline | None = None) -> None:
    """Write the Markdown report."""
    out.write(report_markdown(build_view(run, baseline=baseline)))
