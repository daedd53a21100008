"""The batch summary's views from a store's rows: moved links."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from citecheck.batch.summary import write_summary
from citecheck.store import ManuscriptRow, RotCount


class _Rows:
    """The few store calls the summary makes, answered from lists (no database needed)."""

    def __init__(self, rows: list[ManuscriptRow], years: list[RotCount], domains: list[RotCount]):
        self.rows, self.years, self.domains = rows, years, domains

    def run_status(self, batch_id: str) -> str:
        return "finished"

    def manuscripts(self, batch_id: str) -> Iterator[ManuscriptRow]:
        return iter(self.rows)

    def counts(self, batch_id: str) -> dict[str, int]:
        return {"urls:alive": 25, "urls:redirected": 6, "urls:dead": 2}

    def rot_by_year(self, batch_id: str) -> list[RotCount]:
        return self.years

    def rot_by_domain(self, batch_id: str, *, top: int) -> list[RotCount]:
        return self.domains[: top * 10]


def _store() -> Any:
    done = ManuscriptRow(
        "/j/vol1/a.md",
        "done",
        {
            "exit_code": 1,
            "notes": 4,
            "citations": 5,
            "urls": 3,
            "links": {"dead": 1, "redirected": 2},
            "findings": {"error": 1},
        },
    )
    gone = ManuscriptRow(
        "/j/vol1/empty.md",
        "failed",
        {"exit_code": 2, "problem": "/j/vol1/empty.md: the file is empty"},
    )
    bad = ManuscriptRow(
        "/j/vol1/l.txt",
        "failed",
        {"exit_code": 2, "problem": "/j/vol1/l.txt:5: not valid UTF-8: byte 0xE9"},
    )
    years = [
        RotCount("2004", "alive", 25),
        RotCount("2004", "redirected", 6),
        RotCount("2010", "dead", 2),
    ]
    domains = [
        RotCount("gone.org", "dead", 2),
        RotCount("moved.org", "redirected", 6),
        RotCount("fine.org", "alive", 25),
    ]
    return _Rows([gone, bad, done], years, domains)


def _write(fmt: str) -> str:
    out = io.StringIO()
    write_summary(_store(), "b1", fmt, out)
    return out.getvalue()


def test_moved_links_are_their_own_segment_and_column_in_the_html() -> None:
    page = _write("html")
    # By year: 2004's 31 URLs are 25 alive and 6 moved, not "31 alive".
    assert "2004: 25 alive (81%)" in page
    assert "2004: 6 moved (19%)" in page
    assert re.search(r'fill="#2e86c1"/><text [^>]*>moved</text>', page)  # in the legend
    assert "<th>offline</th><th>redirected</th>" in page
    row = re.search(r"<tr><td>/j/vol1/a\.md</td>(.*?)</tr>", page)
    assert row is not None
    cells = re.findall(r"<td>(.*?)</td>", row.group(1))
    assert cells[:10] == ["1", "4", "5", "3", "1", "0", "0", "0", "2", "1"]
