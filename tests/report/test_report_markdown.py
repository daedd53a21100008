"""The Markdown pull-request comment."""

from __future__ import annotations

import io
import re
from dataclasses import replace

from citecheck.model import (
    CheckRun,
    Finding,
    Footnote,
    FootnoteSet,
    Location,
    Manuscript,
    Severity,
)
from citecheck.report import markdown as markdown_report
from citecheck.report import write_report


def _md(run: CheckRun) -> str:
    out = io.StringIO()
    write_report(run, "markdown", out)
    return out.getvalue()


def test_summary_table_then_problem_notes_only(full_run: CheckRun) -> None:
    text = _md(full_run)
    assert text.startswith("## citecheck report\n\n| | Count |\n|---|---:|\n")
    assert "| Dead links | 1 |" in text
    assert "| Unverified links | 2 |" in text
    assert "| Errors | 3 |" in text
    assert "<summary><b>essays/border.md:44</b> note 3: 1 warning, 1 dead link</summary>" in text
    assert "<summary><b>essays/border.md:50</b> note 6: 1 unverified link</summary>" in text
    summaries = re.findall(r"<summary><b>([^<]+)</b> ([^:]+):", text)
    # Notes 2 (alive link, no findings) and 8 (nothing) have no problems.
    assert [where for _, where in summaries] == [
        "note 1",
        "note 3",
        "note 4",
        "note 5",
        "note 6",
        "note 7",
        "body text",
    ]
    # The notes with problems, then the notices, collapsed.
    assert text.count("<details>") == text.count("</details>") == 7 + 1
    problems, _, notices = text.partition("### Notices")
    assert problems.count("<details>") == 7
    assert "border.md:48: <code>ibid-after-two-works</code>: Ibid. follows a note" in notices
    assert "_3 more notices about links: see their notes above._" in notices
    assert "Problems in 7 notes" in text


def test_dead_link_shows_reason_and_archived_copy(full_run: CheckRun) -> None:
    text = _md(full_run)
    # The link-dead finding's own words (docs/reports.md), the address as code.
    assert (
        "- Link <code>https://dead.example/story</code>: **dead**, HTTP 404 Not Found. "
        "Cite the archived copy instead: "
        "<code>https://web.archive.org/web/20070315000000/https://dead.example/story</code>"
    ) in text
    # Without a copy, the same advice as the finding's.
    assert (
        "- Link <code>https://soft.example/gone</code>: **soft-dead**, HTTP 200 but the page "
        "says 'Page not found'. Replace the URL or cite an archived copy."
    ) in text


def test_manuscript_text_is_escaped(full_run: CheckRun) -> None:
    text = _md(full_run)
    assert "<script>" not in text
    assert "<b>bold</b>" not in text
    assert r'Claim &lt;script&gt;alert\("x"\)&lt;/script&gt; &amp; &lt;b&gt;bold' in text
    assert r"\*star\*" in text
    # Inside <code> too: GitHub applies Markdown within inline HTML.
    assert r'(evidence: <code>&lt;script&gt;alert\("x"\)' in text
    assert "*star*" not in text.replace(r"\*star\*", "")
    assert r"\|" in text
    assert "東京" in text


def test_clean_run_says_so(empty_run: CheckRun) -> None:
    assert _md(empty_run).rstrip().endswith("No problems found.")


def test_offline_run_warns(offline_run: CheckRun) -> None:
    text = _md(offline_run)
    assert "**Offline run:**" in text
    assert "Archive stage skipped: offline run" in text


def test_long_reports_stay_under_the_comment_limit(full_run: CheckRun) -> None:
    path = "long.md"
    notes = tuple(
        Footnote(str(i), "n" * 200, "claim", Location(path, 10 + i)) for i in range(1, 401)
    )
    findings = tuple(
        Finding("x", Severity.ERROR, "m" * 300, Location(path, 10 + i), str(i))
        for i in range(1, 401)
    )
    manuscript = Manuscript(path, "markdown", "", (), ())
    run = replace(
        full_run,
        footnote_sets=(FootnoteSet(manuscript, notes),),
        citations=(),
        links=(),
        archives=(),
        findings=findings,
    )
    text = _md(run)
    assert len(text) <= markdown_report.MAX_CHARS
    match = re.search(r"_(\d+) more notes with problems did not fit", text)
    assert match is not None
    shown = text.count("<details>")
    assert shown > 50
    # Every problem note is either shown whole or counted as left out.
    assert shown == text.count("</details>")
    assert shown + int(match.group(1)) == 400
