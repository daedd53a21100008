"""The batch summary, computed from the store: counts per manuscript, link rot by year and domain.

Written as JSON, CSV, text or a self-contained HTML page (``summary_html``).
Manuscripts come worst first (could not be read, then most errors, then most
warnings); rows are read from the store page by page and written as they
come, so a summary of any size needs little memory.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from citecheck.verdict import ExitCode

if TYPE_CHECKING:  # the store is the caller's; ``check`` registers this module's formats only
    from citecheck.store import ManuscriptRow, RotCount, Store

__all__ = ["STATUS_GROUPS", "SUMMARY_FORMATS", "BatchSummary", "summarise", "write_summary"]

SUMMARY_FORMATS = ("text", "json", "csv", "html")
TOP_DOMAINS = 20

# How link-rot views group the statuses: gone, cannot tell, not asked, moved, fine. A URL the
# batch could not ask for want of a network is "offline", as the manuscripts' own reports
# say ("links not checked (offline)"), not "unverified" (blocked or timed out when asked);
# "unchecked" is a URL no links pass reached (--no-links, or an interrupted batch). A moved
# URL answers, but at another address: a rot audit counts it apart from the alive ones.
STATUS_GROUPS = {
    "dead": "rotten",
    "soft-dead": "rotten",
    "blocked": "unverified",
    "timeout": "unverified",
    "offline": "offline",
    "unchecked": "unchecked",
    "alive": "alive",
    "redirected": "moved",
}
ROTTEN = frozenset(status for status, group in STATUS_GROUPS.items() if group == "rotten")


@dataclass(slots=True)
class BatchSummary:
    """The whole batch in a few numbers (the manuscripts themselves stay in the store)."""

    batch_id: str
    status: str
    manuscripts: int = 0
    failed: int = 0
    totals: Counter[str] = field(default_factory=Counter)
    exit_codes: Counter[int] = field(default_factory=Counter)
    urls: dict[str, int] = field(default_factory=dict)
    by_year: list[RotCount] = field(default_factory=list)
    by_domain: list[RotCount] = field(default_factory=list)
    # Files under the batch's folders (and globs) that citecheck does not read, named.
    skipped: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        """The batch's exit code: 4, 2, 1, 3 or 0, the first that any manuscript earned."""
        for code in (ExitCode.INTERNAL, ExitCode.USAGE, ExitCode.FAILED, ExitCode.UNVERIFIED):
            if self.exit_codes.get(int(code)):
                return int(code)
        return int(ExitCode.OK)

    def as_json(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "status": self.status,
            "exit_code": self.exit_code,
            "manuscripts": self.manuscripts,
            "failed": self.failed,
            "skipped": list(self.skipped),
            "totals": dict(sorted(self.totals.items())),
            "urls": dict(sorted(self.urls.items())),
            "rot_by_year": [_rot_json(r) for r in self.by_year],
            "rot_by_domain": [_rot_json(r) for r in self.by_domain],
        }


def _rot_json(row: RotCount) -> dict[str, Any]:
    return {"group": row.group, "status": row.status, "count": row.count}


def summarise(store: Store, batch_id: str) -> BatchSummary:
    """Totals over every manuscript of the batch (one pass over the store)."""
    summary = BatchSummary(batch_id=batch_id, status=store.run_status(batch_id) or "unknown")
    for row in store.manuscripts(batch_id):
        summary.manuscripts += 1
        summary.exit_codes[int(row.result.get("exit_code", 0))] += 1
        if row.stage == "failed":
            summary.failed += 1
            continue
        for key in ("notes", "citations", "urls"):
            summary.totals[key] += int(row.result.get(key, 0))
        for severity, count in row.result.get("findings", {}).items():
            summary.totals[f"findings:{severity}"] += int(count)
    counts = store.counts(batch_id)
    summary.urls = {k.split(":", 1)[1]: v for k, v in counts.items() if k.startswith("urls:")}
    summary.by_year = store.rot_by_year(batch_id)
    # "The domains with the most dead": a domain with none dead is not one of them.
    by_domain = store.rot_by_domain(batch_id, top=TOP_DOMAINS)
    dead_hosts = {row.group for row in by_domain if row.status in ROTTEN and row.count}
    summary.by_domain = [row for row in by_domain if row.group in dead_hosts]
    return summary


def manuscript_json(row: ManuscriptRow) -> dict[str, Any]:
    return {"path": row.path, "stage": row.stage, **row.result}


_CSV_COLUMNS = (
    "path",
    "stage",
    "exit_code",
    "notes",
    "citations",
    "urls",
    "dead",
    "soft_dead",
    "unverified",
    "offline",
    "redirected",
    "errors",
    "warnings",
    "notices",
    "problem",
)


def problem_text(row: ManuscriptRow) -> str:
    """A failed manuscript's problem without its path, which the row's path column holds."""
    problem = str(row.result.get("problem", ""))
    if not problem.startswith(f"{row.path}:"):
        return problem
    rest = problem[len(row.path) + 1 :]
    line, colon, after = rest.partition(":")
    if colon and line.isdigit():  # "essay.txt:5: not valid UTF-8" -> "line 5: not valid ..."
        return f"line {line}:{after}"
    return rest.strip()


def csv_row(row: ManuscriptRow) -> list[object]:
    result = row.result
    if row.stage == "failed":  # never read or checked: no counts, not counts of 0
        return [row.path, row.stage, result.get("exit_code", ""), *[""] * 11, problem_text(row)]
    links = result.get("links", {})
    found = result.get("findings", {})
    unverified = sum(links.get(s, 0) for s in ("blocked", "timeout"))
    return [
        row.path,
        row.stage,
        result.get("exit_code", ""),
        result.get("notes", ""),
        result.get("citations", ""),
        result.get("urls", ""),
        links.get("dead", 0),
        links.get("soft-dead", 0),
        unverified,
        links.get("offline", 0),
        links.get("redirected", 0),
        found.get("error", 0),
        found.get("warning", 0),
        found.get("note", 0),
        result.get("problem", ""),
    ]


def _write_json(summary: BatchSummary, rows: Iterator[ManuscriptRow], out: TextIO) -> None:
    head = json.dumps(summary.as_json(), ensure_ascii=False, indent=2)
    out.write(head[:-2] + ',\n  "manuscripts_worst_first": [')
    for n, row in enumerate(rows):
        out.write(
            ("," if n else "") + "\n    " + json.dumps(manuscript_json(row), ensure_ascii=False)
        )
    out.write("\n  ]\n}\n")


def _write_csv(rows: Iterator[ManuscriptRow], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for row in rows:
        writer.writerow(csv_row(row))


def _write_text(summary: BatchSummary, rows: Iterator[ManuscriptRow], out: TextIO) -> None:
    t = summary.totals
    out.write(
        f"citecheck batch {summary.batch_id} ({summary.status}): {summary.manuscripts} manuscripts"
        f" ({summary.failed} could not be read), {t['notes']} notes, {t['citations']} citations\n"
    )
    if summary.skipped:
        out.write(f"skipped (not read by citecheck): {len(summary.skipped)} files\n")
    urls = ", ".join(f"{n} {status}" for status, n in sorted(summary.urls.items()))
    out.write(f"distinct URLs: {sum(summary.urls.values())} ({urls or 'none'})\n")
    out.write(
        f"findings: {_count(t['findings:error'], 'error')}, "
        f"{_count(t['findings:warning'], 'warning')}, {_count(t['findings:note'], 'notice')};"
        f" exit code {summary.exit_code}\n"
    )
    for shown, row in enumerate(rows):
        if shown == 20:
            out.write("  (every manuscript is in --format csv or json)\n")
            break
        found = row.result.get("findings", {})
        if row.stage != "failed" and not (found.get("error") or found.get("warning")):
            break  # worst first: the rest have notices at most
        if shown == 0:
            out.write("worst manuscripts:\n")
        if row.stage == "failed":
            problem = str(row.result.get("problem"))
            # The reader's message names the file already ("essay.md:3: ...").
            out.write(
                f"  {problem if problem.startswith(row.path) else f'{row.path}: {problem}'}\n"
            )
            continue
        out.write(
            f"  {row.path}: {_count(found.get('error', 0), 'error')}, "
            f"{_count(found.get('warning', 0), 'warning')}, "
            f"{_count(row.result.get('links', {}).get('dead', 0), 'dead link')}\n"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def write_summary(
    store: Store, batch_id: str, fmt: str, out: TextIO, *, skipped: tuple[str, ...] = ()
) -> BatchSummary:
    """Write the summary of ``batch_id`` in ``fmt`` (one of ``SUMMARY_FORMATS``).

    ``skipped``: the files the batch's paths hold that it does not read (not in the store:
    they follow from the paths, which the command walks again each run).
    """
    summary = summarise(store, batch_id)
    summary.skipped = skipped
    rows = store.manuscripts(batch_id)
    if fmt == "json":
        _write_json(summary, rows, out)
    elif fmt == "csv":
        _write_csv(rows, out)
    elif fmt == "html":
        from citecheck.batch.summary_html import write_html

        write_html(summary, rows, out)
    elif fmt == "text":
        _write_text(summary, rows, out)
    else:
        raise ValueError(
            f"no batch summary format {fmt!r}; use one of {', '.join(SUMMARY_FORMATS)}"
        )
    return summary
