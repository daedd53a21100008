"""The batch summary's views from a store's rows: moved links, failed manuscripts, domains."""

from __future__ import annotations

import csv
import io
import json
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


def test_a_failed_manuscript_shows_no_counts_and_its_problem_without_its_path() -> None:
    page = _write("html")
    row = re.search(r'<tr class="failed"><td>/j/vol1/empty\.md</td>(.*?)</tr>', page)
    assert row is not None
    cells = re.findall(r"<td>(.*?)</td>", row.group(1))
    assert cells == ["2", *["—"] * 11, "the file is empty"]
    table = list(csv.DictReader(io.StringIO(_write("csv"))))
    assert table[0]["notes"] == table[0]["dead"] == table[0]["errors"] == ""
    assert table[0]["problem"] == "the file is empty"
    assert table[1]["problem"] == "line 5: not valid UTF-8: byte 0xE9"
    assert table[2]["dead"] == "1"
    # JSON keeps the reader's whole message.
    data = json.loads(_write("json"))
    assert data["manuscripts_worst_first"][0]["problem"] == "/j/vol1/empty.md: the file is empty"


def test_the_domains_with_the_most_dead_leave_out_domains_with_none_dead() -> None:
    data = json.loads(_write("json"))
    assert {row["group"] for row in data["rot_by_domain"]} == {"gone.org"}
    page = _write("html")
    view = page.split("<h2>Link rot by domain")[1].split("<h2>Manuscripts")[0]
    assert "gone.org" in view
    assert "fine.org" not in view
    assert "moved.org" not in view
