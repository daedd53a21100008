"""The HTML report, read back with lxml (the browser test runs it for real)."""

from __future__ import annotations

import io
import re

import pytest
from lxml import html as lxml_html

from citecheck.baseline import Baseline, finding_fingerprint
from citecheck.model import CheckRun
from citecheck.report import write_report


def _page(run: CheckRun, baseline: Baseline | None = None) -> str:
    out = io.StringIO()
    write_report(run, "html", out, baseline=baseline)
    return out.getvalue()


def _tree(text: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(text)


@pytest.mark.parametrize("name", ["full", "offline", "offline-links-only", "empty", "none"])
def test_self_contained(all_runs: dict[str, CheckRun], name: str) -> None:
    text = _page(all_runs[name])
    tree = _tree(text)
    assert text.startswith("<!DOCTYPE html>")
    # No external assets: no src/href to stylesheets, scripts, images or fonts.
    assert not tree.xpath("//script[@src] | //link | //img | //iframe")
    assert "@import" not in text
    assert "url(" not in text
    assert len(tree.xpath("//style")) == 1
    assert "@media print" in text
    assert len(tree.xpath("//script")) == 1


def test_summary_counts(full_run: CheckRun) -> None:
    tree = _tree(_page(full_run))
    counts = {
        li.get("data-count"): li.xpath("string(span[@class='count'])")
        for li in tree.xpath("//ul[@class='summary']/li[@data-count]")
    }
    assert counts == {
        "dead": "1",
        "soft-dead": "1",
        "unverified": "2",
        "redirected": "1",
        "error": "3",
        "warning": "3",
        "note": "4",
        "baselined": "0",
    }


def test_note_by_note_with_citations_links_and_findings(full_run: CheckRun) -> None:
    tree = _tree(_page(full_run))
    notes = tree.xpath("//section[contains(@class,'note')]")
    assert [n.get("id") for n in notes] == [
        *(f"note-1-{i}" for i in range(1, 9)),
        "note-1-general",
    ]
    note3 = tree.get_element_by_id("note-1-3")
    assert note3.xpath("string(.//blockquote)") == "The fence went up in 2007."
    assert "status-dead" in note3.get("data-tags")
    assert "sev-warning" in note3.get("data-tags")
    fields = dict(
        zip(
            note3.xpath(".//dl/dt/text()"),
            [d.text_content() for d in note3.xpath(".//dl/dd")],
            strict=True,
        )
    )
    assert fields["type"] == "newspaper"
    assert fields["authors"] == "Jane Roe"
    assert fields["container"] == "Example News"
    assert fields["date"] == "2007-03"
    (link,) = note3.xpath(".//li[@class='link']")
    assert link.get("data-status") == "dead"
    assert "HTTP 404 Not Found" in link.text_content()
    rules = note3.xpath(".//li[contains(@class,'finding')]/code[@class='rule']/text()")
    assert sorted(rules) == ["link-dead", "url-date-mismatch"]
    assert "2008" in note3.xpath("string(.//li[contains(@class,'sev-warning')]//q)")


def test_place_in_manuscript_is_linked(full_run: CheckRun) -> None:
    tree = _tree(_page(full_run))
    anchor = tree.get_element_by_id("note-1-1").xpath(".//h3//a")[0]
    assert anchor.text == "essays/border.md:40"
    assert re.fullmatch(r"file:///.*/essays/border\.md", anchor.get("href"))


def test_robust_links_and_archive(full_run: CheckRun) -> None:
    tree = _tree(_page(full_run))
    (cited,) = tree.xpath("//li[@class='link']/a[@href='https://dead.example/story']")
    assert cited.get("data-versionurl") == (
        "https://web.archive.org/web/20070315000000/https://dead.example/story"
    )
    assert cited.get("data-versiondate") == "2007-03-15"
    (archived,) = tree.xpath("//a[@data-originalurl='https://dead.example/story']")
    assert archived.get("href") == cited.get("data-versionurl")
    note2 = tree.get_element_by_id("note-1-2")
    text = note2.text_content()
    assert "Captured by warc" in text
    assert "Drift since then: minor" in text
    (warc,) = note2.xpath(".//a[contains(@href,'alive-example-census.warc.gz')]")
    assert warc.get("href").startswith("file:///")
    # No snapshot: said so, and no Robust Links attributes invented.
    note4 = tree.get_element_by_id("note-1-4")
    assert "No archived copy" in note4.text_content()
    assert not note4.xpath(".//a[@data-versionurl]")
    assert "no snapshot in the Wayback Machine" in note4.text_content()


def test_everything_is_escaped(full_run: CheckRun) -> None:
    text = _page(full_run)
    assert '<script>alert("x")</script>' not in text
    assert "<b>bold</b>" not in text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in text
    tree = _tree(text)
    assert len(tree.xpath("//script")) == 1  # only our own
    assert not tree.xpath("//b")
    note7 = tree.get_element_by_id("note-1-7")
    assert "東京 ☃" in note7.text_content()
    # A javascript: URL is shown as text, never as a link.
    assert not tree.xpath("//a[starts-with(normalize-space(@href),'javascript')]")
    assert "javascript:alert(1)" in note7.xpath("string(.//span[@class='url'])")


def test_filters_exist_and_start_hidden_for_no_js(full_run: CheckRun) -> None:
    tree = _tree(_page(full_run))
    form = tree.get_element_by_id("filters")
    assert form.get("hidden") is not None  # without JS: no dead controls, all notes shown
    values = form.xpath(".//input/@value")
    assert {"sev-error", "sev-warning", "sev-note", "status-dead", "status-unverified"} <= set(
        values
    )
    assert not tree.xpath("//section[@hidden]")


def test_baselined_finding_is_marked(full_run: CheckRun) -> None:
    first = full_run.findings[0]
    tree = _tree(_page(full_run, Baseline(frozenset({finding_fingerprint(first)}))))
    (row,) = tree.xpath("//li[contains(@class,'baselined')]")
    assert row.get("data-tag") == "baselined"
    assert "accepted in baseline" in row.text_content()


def test_offline_and_empty_runs_say_so(offline_run: CheckRun, no_run: CheckRun) -> None:
    assert "Offline run: 6 links not checked, so none is known to be alive." in _page(offline_run)
    assert "This run read no manuscript." in _page(no_run)
