"""The batch summary as one self-contained HTML page with its charts drawn as inline SVG.

Two pictures, the views link-rot studies publish: the share of cited URLs
gone (dead or soft-dead), unverified, moved (redirected) and alive by the
year they were cited, and the same counts for the domains with the most dead links. No script,
no external file: the page opens anywhere, printed or offline.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from html import escape
from typing import TextIO

from citecheck.batch.summary import STATUS_GROUPS, TOP_DOMAINS, BatchSummary, csv_row
from citecheck.store import ManuscriptRow, RotCount

__all__ = ["rot_by_domain_svg", "rot_by_year_svg", "write_html"]

MAX_ROWS = 500  # manuscripts listed on the page; the CSV and JSON have them all
_COLOURS = {
    "rotten": "#c0392b",
    "unverified": "#b7950b",
    "offline": "#7f8c8d",
    "unchecked": "#bdc3c7",
    "moved": "#2e86c1",
    "alive": "#1e8449",
}
_ORDER = ("rotten", "unverified", "offline", "unchecked", "moved", "alive")


def _grouped(rows: Iterable[RotCount]) -> dict[str, dict[str, int]]:
    groups: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(_ORDER, 0))
    for row in rows:
        kind = STATUS_GROUPS.get(row.status)
        if kind is not None:
            groups[row.group][kind] += row.count
    return dict(groups)


def rot_by_year_svg(rows: Iterable[RotCount]) -> str:
    """Stacked bars, one per citation year, each 100% of that year's cited URLs."""
    groups = _grouped(rows)
    years = sorted(groups, key=lambda y: (y == "undated", y))
    if not years:
        return "<p>No cited URLs.</p>"
    bar, gap, height, top, left = 28, 8, 200, 20, 40
    kinds = _present(groups)
    width = max(left + len(years) * (bar + gap) + 10, left + len(kinds) * 110)  # the legend
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + top + 60}"'
        f' role="img" aria-label="Link rot by citation year">'
    ]
    for pct in (0, 50, 100):
        y = top + height - height * pct / 100
        parts.append(
            f'<line x1="{left - 4}" x2="{width}" y1="{y}" y2="{y}" stroke="#ccc"/>'
            f'<text x="{left - 6}" y="{y + 4}" text-anchor="end" font-size="10">{pct}%</text>'
        )
    for i, year in enumerate(years):
        counts = groups[year]
        total = sum(counts.values()) or 1
        x = left + i * (bar + gap)
        y = float(top)
        for kind in _ORDER:
            h = height * counts[kind] / total
            if h:
                share = 100 * counts[kind] / total
                parts.append(
                    f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}"'
                    f' fill="{_COLOURS[kind]}">'
                    f"<title>{escape(year)}: {counts[kind]} {kind} ({share:.0f}%)</title></rect>"
                )
            y += h
        parts.append(
            f'<text x="{x + bar / 2}" y="{top + height + 14}" text-anchor="middle" font-size="10">'
            f"{escape(year)}</text>"
            f'<text x="{x + bar / 2}" y="{top + height + 26}" text-anchor="middle" font-size="9"'
            f' fill="#555">n={sum(counts.values())}</text>'
        )
    parts.append(_legend(left, top + height + 44, kinds))
    parts.append("</svg>")
    return "".join(parts)


def rot_by_domain_svg(rows: Iterable[RotCount]) -> str:
    """Horizontal stacked bars of distinct URLs per domain, the most dead first."""
    groups = _grouped(rows)
    hosts = sorted(groups, key=lambda h: (-groups[h]["rotten"], -sum(groups[h].values()), h))
    if not hosts:
        return "<p>No domain has a dead or soft-dead URL.</p>"
    most = max(sum(c.values()) for c in groups.values()) or 1
    label, row, scale, top = 190, 18, 420, 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label + scale + 80}"'
        f' height="{top + len(hosts) * row + 40}" role="img" aria-label="Link rot by domain">'
    ]
    for i, host in enumerate(hosts):
        counts = groups[host]
        y = top + i * row
        parts.append(
            f'<text x="{label - 6}" y="{y + 12}" text-anchor="end" font-size="11">'
            f"{escape(host[:32])}</text>"
        )
        x = float(label)
        for kind in _ORDER:
            w = scale * counts[kind] / most
            if w:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="{row - 5}"'
                    f' fill="{_COLOURS[kind]}"><title>{escape(host)}: {counts[kind]} {kind}</title>'
                    "</rect>"
                )
            x += w
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + 12}" font-size="10" fill="#555">'
            f"{counts['rotten']}/{sum(counts.values())}</text>"
        )
    parts.append(_legend(label, top + len(hosts) * row + 20, _present(groups)))
    parts.append("</svg>")
    return "".join(parts)


def _present(groups: dict[str, dict[str, int]]) -> tuple[str, ...]:
    """The groups any bar shows, in order (rotten, unverified and alive always), for the legend."""
    always = {"rotten", "unverified", "alive"}
    return tuple(k for k in _ORDER if k in always or any(counts[k] for counts in groups.values()))


def _legend(x: int, y: int, kinds: tuple[str, ...]) -> str:
    items = []
    for i, kind in enumerate(kinds):
        at = x + i * 110
        items.append(
            f'<rect x="{at}" y="{y - 9}" width="10" height="10" fill="{_COLOURS[kind]}"/>'
            f'<text x="{at + 14}" y="{y}" font-size="11">{kind}</text>'
        )
    return "".join(items)


_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
table{border-collapse:collapse;font-size:12px}td,th{border-bottom:1px solid #ddd;padding:3px 6px;
text-align:right}td:first-child,th:first-child{text-align:left;word-break:break-all}
.failed td{color:#c0392b}.totals td{text-align:left}h2{margin-top:1.6em}
"""


def _rows_html(rows: Iterator[ManuscriptRow]) -> tuple[str, int]:
    out: list[str] = []
    more = 0
    for n, row in enumerate(rows):
        if n >= MAX_ROWS:
            more += 1
            continue
        cells = csv_row(row)
        klass = ' class="failed"' if row.stage == "failed" else ""
        # A manuscript never read has no counts: a dash, not an empty cell to misread as 0.
        cells = [cell if cell != "" or i in (0, 14) else "—" for i, cell in enumerate(cells)]
        (
            path,
            _stage,
            code,
            notes,
            cits,
            urls,
            dead,
            soft,
            unver,
            offline,
            redirected,
            err,
            warn,
            note,
            problem,
        ) = cells
        shown = (
            path,
            code,
            notes,
            cits,
            urls,
            dead,
            soft,
            unver,
            offline,
            redirected,
            err,
            warn,
            note,
            problem,
        )
        out.append(f"<tr{klass}>" + "".join(f"<td>{escape(str(c))}</td>" for c in shown) + "</tr>")
    return "".join(out), more


def write_html(summary: BatchSummary, rows: Iterator[ManuscriptRow], out: TextIO) -> None:
    """The whole page: totals, the two charts, the manuscripts worst first."""
    t = summary.totals
    listed, more = _rows_html(rows)
    urls = ", ".join(f"{n} {escape(s)}" for s, n in sorted(summary.urls.items()))
    out.write(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>citecheck batch {escape(summary.batch_id)}</title><style>{_STYLE}</style>"
        "</head><body>"
        f"<h1>citecheck batch summary</h1><table class='totals'>"
        f"<tr><td>batch</td><td>{escape(summary.batch_id)} ({escape(summary.status)})</td></tr>"
        f"<tr><td>manuscripts</td><td>{summary.manuscripts}"
        f" ({summary.failed} could not be read)</td></tr>"
        f"<tr><td>notes / citations</td><td>{t['notes']} / {t['citations']}</td></tr>"
        f"<tr><td>distinct URLs</td><td>{sum(summary.urls.values())} ({urls or 'none'})</td></tr>"
        f"<tr><td>findings</td><td>{t['findings:error']} errors, {t['findings:warning']} warnings,"
        f" {t['findings:note']} notices</td></tr>"
        f"<tr><td>exit code</td><td>{summary.exit_code}</td></tr></table>"
        "<h2>Link rot by citation year</h2><p>Share of the URLs cited in each year (access date,"
        " else publication date) that are gone (dead or soft-dead), could not be verified"
        " (blocked or timed out), were not checked (offline), moved (redirected permanently to"
        " another address that answers), or answer where they were cited (alive).</p>"
        f"{rot_by_year_svg(summary.by_year)}"
        "<h2>Link rot by domain</h2><p>Distinct URLs of the domains with the most dead links"
        f" (gone / all; at most {TOP_DOMAINS}, domains with none gone left out).</p>"
        f"{rot_by_domain_svg(summary.by_domain)}"
        "<h2>Manuscripts, worst first</h2><table><tr><th>manuscript</th><th>exit</th><th>notes</th>"
        "<th>citations</th><th>URLs</th><th>dead</th><th>soft-dead</th><th>unverified</th>"
        "<th>offline</th><th>redirected</th><th>errors</th><th>warnings</th><th>notices</th><th>problem</th></tr>"
        f"{listed}</table>"
    )
    if more:
        out.write(f"<p>… and {more} more manuscripts (all are in the CSV and JSON summaries).</p>")
    out.write("</body></html>\n")
