"""Offline runs, format by format.

An offline run leaves every link ``offline``. The human-facing reports
(text, markdown, html, github) say so once, with the count, and list a note
only for a real finding; the machine reports (json, sarif, junit) keep every
finding. Online runs, with their blocked and timed-out links, are unchanged.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from citecheck.model import CheckRun, LinkStatus
from citecheck.report import write_report
from citecheck.report._view import build_view
from citecheck.verdict import link_findings

UNCHECKED = 6  # links of the offline fixtures left "offline" (the two excluded ones stay excluded)
BANNER = f"{UNCHECKED} links not checked, so none is known to be alive"


def _write(run: CheckRun, fmt: str) -> str:
    out = io.StringIO()
    write_report(run, fmt, out)
    return out.getvalue()


def _lines(run: CheckRun) -> list[str]:
    return [" ".join(line.split()) for line in _write(run, "text").splitlines()]


# --- the view every writer reads ---------------------------------------------------------------


def test_view_marks_unchecked_links_and_their_findings(offline_links_only_run: CheckRun) -> None:
    view = build_view(offline_links_only_run)
    assert view.summary.offline_links == UNCHECKED
    assert sum(link.offline for link in view.links) == UNCHECKED
    assert all(not link.offline for link in view.links if link.link.status is LinkStatus.EXCLUDED)
    assert len(view.findings) == UNCHECKED
    assert all(item.offline for item in view.findings)
    assert view.problem_notes == ()
    assert view.summary.problems_found == 0
    # The machine count is what it always was: the JSON report still counts them.
    assert view.summary.problems == UNCHECKED


def test_offline_status_in_an_online_run_is_still_a_problem(full_run: CheckRun) -> None:
    # Only a run that was offline as a whole is quieted; one odd link is per-link news.
    links = tuple(
        replace(link, status=LinkStatus.OFFLINE) if link.status is LinkStatus.BLOCKED else link
        for link in full_run.links
    )
    view = build_view(replace(full_run, links=links))
    assert view.summary.offline_links == 0
    assert "5" in {note.label for note in view.problem_notes}


# --- terminal ----------------------------------------------------------------------------------


def test_text_offline_links_only_lists_no_note(offline_links_only_run: CheckRun) -> None:
    lines = _lines(offline_links_only_run)
    assert sum(BANNER in line for line in lines) == 1
    assert not [line for line in lines if " note " in line or line.startswith("link ")]
    assert not [line for line in lines if "offline https://" in line]
    assert lines[-1] == "no problems found (the links were not checked)"


def test_text_offline_with_real_findings_lists_only_those_notes(offline_run: CheckRun) -> None:
    text = _write(offline_run, "text")
    lines = _lines(offline_run)
    problems, _, notices = "\n".join(lines).partition("\nnotices (")
    headers = [line for line in problems.splitlines() if line.startswith("essays/border.md")]
    # The notices follow the problems, each on its line: not links, not a note's header.
    assert "essays/border.md:48 ibid-after-two-works: Ibid. follows a note" in notices
    assert "link-unverified" not in notices
    assert headers == [
        "essays/border.md:40 note 1",
        "essays/border.md:44 note 3",
        "essays/border.md:52 note 7",
        "essays/border.md body text",
    ]
    assert "warning url-date-mismatch: The URL's date (2008) is later than" in " ".join(lines)
    assert sum(BANNER in line for line in lines) == 1
    assert "link offline" not in text
    assert "no problems found" not in text


def test_text_online_run_still_lists_blocked_and_timeout(full_run: CheckRun) -> None:
    lines = _lines(full_run)
    assert "essays/border.md:48 note 5" in lines
    assert "link blocked https://walled.example/b: HTTP 403 with a bot challenge page" in lines
    assert "essays/border.md:50 note 6" in lines
    assert any(line.startswith("link timeout https://slow.example/x") for line in lines)
    assert not any("not checked" in line for line in lines)


# --- markdown ----------------------------------------------------------------------------------


def test_markdown_offline_links_only_lists_no_note(offline_links_only_run: CheckRun) -> None:
    text = _write(offline_links_only_run, "markdown")
    assert text.count(BANNER) == 1
    assert "<details>" not in text
    assert "### Problems" not in text
    assert text.rstrip().endswith("No problems found (the links were not checked).")


def test_markdown_offline_with_real_findings(offline_run: CheckRun) -> None:
    text = _write(offline_run, "markdown")
    assert text.count(BANNER) == 1
    assert "### Problems in 4 notes" in text
    block = text.split("<summary><b>essays/border.md:44</b> note 3: 1 warning</summary>")[1]
    block = block.split("</details>")[0]
    assert "**warning** <code>url-date-mismatch</code>" in block
    assert "offline" not in block  # no per-link line in a note listed for other reasons
    assert "essays/border.md:42" not in text  # note 2 only cites a URL
    assert "**offline**" not in text


def test_markdown_online_run_still_lists_blocked_and_timeout(full_run: CheckRun) -> None:
    text = _write(full_run, "markdown")
    assert "note 5: 1 unverified link" in text
    assert "**blocked**, HTTP 403 with a bot challenge page" in text
    assert "**timeout**" in text
    assert "not checked" not in text


# --- html --------------------------------------------------------------------------------------


def _tree(run: CheckRun) -> Any:
    return lxml_html.fromstring(_write(run, "html"))


def test_html_offline_links_only_marks_no_note(offline_links_only_run: CheckRun) -> None:
    tree = _tree(offline_links_only_run)
    assert tree.get_element_by_id("offline").text_content().count(BANNER) == 1
    assert not tree.xpath("//section[contains(concat(' ', @class, ' '), ' problem ')]")
    # The links are still there, each in the "offline" group with its own filter box.
    rows = tree.xpath("//li[@class='link'][@data-status='offline']")
    assert len(rows) == UNCHECKED
    assert {row.get("data-tag") for row in rows} == {"status-offline"}
    assert tree.xpath("//form[@id='filters']//input[@value='status-offline']")
    findings = tree.xpath("//li[contains(@class,'finding')]")
    assert findings
    assert {row.get("data-tag") for row in findings} == {"status-offline"}
    for section in tree.xpath("//section[contains(@class,'note')]"):
        tags = section.get("data-tags").split()
        assert "status-unverified" not in tags
        assert "sev-note" not in tags


def test_html_offline_with_real_findings(offline_run: CheckRun) -> None:
    tree = _tree(offline_run)
    problems = tree.xpath("//section[contains(concat(' ', @class, ' '), ' problem ')]/@id")
    assert problems == ["note-1-1", "note-1-3", "note-1-7", "note-1-general"]
    note3 = tree.get_element_by_id("note-1-3")
    assert note3.xpath(".//li[@data-tag='sev-warning']//code[@class='rule']/text()") == [
        "url-date-mismatch"
    ]
    # Note 5's ibid notice stays a notice; its two unchecked links are in the offline group.
    note5 = tree.get_element_by_id("note-1-5")
    assert note5.get("data-tags").split() == ["sev-note", "status-offline"]


def test_html_online_run_unchanged(full_run: CheckRun) -> None:
    tree = _tree(full_run)
    note5 = tree.get_element_by_id("note-1-5")
    assert "problem" in note5.get("class").split()
    assert "status-unverified" in note5.get("data-tags").split()
    assert not tree.xpath("//input[@value='status-offline']")
    assert not tree.xpath("//*[@id='offline']")


# --- github annotations ------------------------------------------------------------------------


def test_github_offline_links_only_is_one_notice_and_the_summary(
    offline_links_only_run: CheckRun,
) -> None:
    lines = _write(offline_links_only_run, "github").splitlines()
    assert lines == [
        f"::notice title=citecheck offline run::Offline run: {BANNER}.",
        "citecheck: 0 errors, 0 warnings, 0 dead and 0 unverified links "
        f"({UNCHECKED} not checked: offline run) (0 findings accepted by the baseline)",
    ]


def test_github_offline_with_real_findings(offline_run: CheckRun) -> None:
    lines = _write(offline_run, "github").splitlines()
    assert not [line for line in lines if "link-unverified" in line]
    real = [f for f in offline_run.findings if f.rule != "link-unverified"]
    assert len(lines) == 1 + len(real) + 1
    assert lines[0].startswith("::notice title=citecheck offline run::")
    assert any(
        line.startswith("::warning file=essays/border.md,line=44,title=url-date-mismatch (note 3)")
        for line in lines
    )


def test_github_online_run_still_annotates_blocked_and_timeout(full_run: CheckRun) -> None:
    lines = _write(full_run, "github").splitlines()
    unverified = [line for line in lines if "title=link-unverified" in line]
    assert len(unverified) == 2
    assert any("walled.example" in line for line in unverified)
    assert not any("offline run" in line for line in lines)


# --- machine formats keep everything -----------------------------------------------------------


def test_json_and_sarif_keep_every_offline_finding(offline_links_only_run: CheckRun) -> None:
    report = json.loads(_write(offline_links_only_run, "json"))
    rules = [f["rule"] for f in report["findings"]]
    assert rules == ["link-unverified"] * UNCHECKED
    sarif = json.loads(_write(offline_links_only_run, "sarif"))
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["link-unverified"] * UNCHECKED


@pytest.mark.parametrize("fixture", ["offline_links_only_run", "offline_run"])
def test_junit_skips_every_unchecked_link(fixture: str, request: pytest.FixtureRequest) -> None:
    run: CheckRun = request.getfixturevalue(fixture)
    root = etree.fromstring(_write(run, "junit").encode("utf-8"))
    (links,) = root.findall("testsuite[@name='links']")
    skipped = [str(node.get("message")) for node in links.findall("testcase/skipped")]
    assert len(skipped) == UNCHECKED
    assert all(message.startswith("offline: ") for message in skipped)
    assert links.get("skipped") == str(UNCHECKED)
    assert links.find("testcase/failure") is None


# --- an offline run with a links cache ---------------------------------------------------------


@pytest.fixture
def cached_offline_run(full_run: CheckRun) -> CheckRun:
    """The full run offline, with every link but the timed-out one and the excluded
    ones read from the links cache (checked on two days)."""
    days = (datetime(2026, 11, 30, 9, tzinfo=UTC), datetime(2026, 12, 7, 18, tzinfo=UTC))
    links = tuple(
        link
        if link.status is LinkStatus.EXCLUDED
        else replace(link, status=LinkStatus.OFFLINE, reason="offline run: not checked")
        if link.status is LinkStatus.TIMEOUT
        else replace(link, from_cache=True, checked_at=days[index % 2])
        for index, link in enumerate(full_run.links)
    )
    base = replace(
        full_run,
        links=links,
        findings=tuple(f for f in full_run.findings if not f.rule.startswith("link-")),
        offline=True,
    )
    return replace(base, findings=(*base.findings, *link_findings(base)))


def test_cached_links_count_as_checked_in_every_human_format(
    cached_offline_run: CheckRun,
) -> None:
    summary = build_view(cached_offline_run).summary
    statuses = [link.status for link in cached_offline_run.links]
    total = len(statuses)
    unchecked = statuses.count(LinkStatus.OFFLINE)
    cached = sum(link.from_cache for link in cached_offline_run.links)
    blocked = statuses.count(LinkStatus.BLOCKED)
    assert (unchecked, blocked) == (1, 1)
    assert cached == total - unchecked - 2  # the two excluded links
    assert (summary.offline_links, summary.cached_links) == (unchecked, cached)
    sentence = (
        f"1 link not checked (not in the cache), so not known to be alive; {cached} from the "
        "cache (checked between 2026-11-30 and 2026-12-07)"
    )
    text = " ".join(_write(cached_offline_run, "text").split())
    assert f"offline run: {sentence}" in text
    assert f"links {total} links not checked (offline) 1 links from the cache {cached}" in text
    assert f"unverified links {blocked} " in text
    markdown = _write(cached_offline_run, "markdown")
    assert "| Links not checked (offline) | 1 |" in markdown
    assert f"| Links from the cache | {cached} |" in markdown
    assert f"| Unverified links | {blocked} |" in markdown
    assert "none is known to be alive" not in markdown
    escaped = sentence.replace("(", r"\(").replace(")", r"\)")
    assert f"> **Offline run:** {escaped}." in markdown
    tree = _tree(cached_offline_run)
    assert tree.get_element_by_id("offline").text_content() == f"Offline run: {sentence}."
    (row,) = tree.xpath("//li[@data-count='unverified']/span[@class='count']/text()")
    assert row == str(blocked)
    github = _write(cached_offline_run, "github").splitlines()
    assert github[0] == f"::notice title=citecheck offline run::Offline run: {sentence}."
    assert f"and {blocked} unverified links (1 not checked: offline run)" in github[-1]
    # The JSON keeps the machine count: the blocked link and the unchecked one.
    links = json.loads(_write(cached_offline_run, "json"))["summary"]["links"]
    assert (links["unverified"], links["offline"]) == (blocked + unchecked, unchecked)
