"""The JUnit XML report, parsed with lxml."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from citecheck.baseline import Baseline, finding_fingerprint
from citecheck.model import CheckRun, Finding, Location, Severity
from citecheck.report import write_report


def _xml(run: CheckRun, baseline: Baseline | None = None) -> etree._Element:
    out = io.StringIO()
    write_report(run, "junit", out, baseline=baseline)
    return etree.fromstring(out.getvalue().encode("utf-8"))


_XSD = etree.XMLSchema(etree.parse(str(Path(__file__).with_name("junit-common.xsd"))))


@pytest.mark.parametrize("name", ["full", "offline", "offline-links-only", "empty", "none"])
def test_valid_against_the_common_junit_schema(all_runs: dict[str, CheckRun], name: str) -> None:
    root = _xml(all_runs[name])
    assert _XSD.validate(root), _XSD.error_log


def test_schema_rejects_a_case_without_classname(full_run: CheckRun) -> None:
    root = _xml(full_run)
    del root.find("testsuite/testcase").attrib["classname"]
    assert not _XSD.validate(root)


def _cases(root: etree._Element, suite: str) -> list[etree._Element]:
    return list(root.xpath(f"testsuite[@name='{suite}']/testcase"))


@pytest.mark.parametrize("name", ["full", "offline", "offline-links-only", "empty", "none"])
def test_structure_and_counts_agree(all_runs: dict[str, CheckRun], name: str) -> None:
    root = _xml(all_runs[name])
    assert root.tag == "testsuites"
    total = failures = skipped = 0
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(c.find("failure") is not None for c in cases))
        assert suite.get("skipped") == str(sum(c.find("skipped") is not None for c in cases))
        assert suite.get("errors") == "0"
        for case in cases:
            assert case.get("name")
            assert case.get("classname")
            assert case.get("time") == "0"
        total += len(cases)
        failures += int(suite.get("failures", "0"))
        skipped += int(suite.get("skipped", "0"))
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == (
        str(total),
        str(failures),
        str(skipped),
    )
    assert float(root.get("time", "x")) >= 0


def test_one_case_per_citation_and_per_link(full_run: CheckRun) -> None:
    root = _xml(full_run)
    assert len(_cases(root, "citations: essays/border.md")) == len(full_run.citations)
    links = _cases(root, "links")
    assert [c.get("name") for c in links] == [link.url for link in full_run.links]


def test_dead_link_fails_unverified_skips(full_run: CheckRun) -> None:
    links = {c.get("name"): c for c in _cases(_xml(full_run), "links")}
    dead = links["https://dead.example/story"].find("failure")
    assert dead is not None
    assert dead.get("type") == "link-dead"
    assert "404" in (dead.get("message") or "")
    for url in ("https://walled.example/b", "https://slow.example/x"):
        assert links[url].find("skipped") is not None
    for url in ("https://alive.example/census", "https://soft.example/gone"):
        assert links[url].find("failure") is None
        assert links[url].find("skipped") is None


def test_each_open_error_fails_exactly_once(full_run: CheckRun) -> None:
    root = _xml(full_run)
    failures = root.xpath("//failure")
    types = sorted(f.get("type") for f in failures)
    assert types == ["link-dead", "marker-without-note", "quote-mismatch"]
    # quote-mismatch sits on note 1's only citation; the marker finding has no citation.
    (quote,) = root.xpath("//failure[@type='quote-mismatch']/..")
    assert "note 1 [1] Border People" in quote.get("name")
    (marker,) = root.xpath("//failure[@type='marker-without-note']/..")
    assert marker.getparent().get("name") == "findings: essays/border.md"


def test_error_in_a_note_with_two_citations_goes_to_the_quoted_one(full_run: CheckRun) -> None:
    finding = Finding(
        "doi-invalid", Severity.ERROR, "bad", Location("essays/border.md", 50), "6", "slow.example"
    )
    root = _xml(replace(full_run, findings=(*full_run.findings, finding)))
    (case,) = root.xpath("//failure[@type='doi-invalid']/..")
    assert "https://slow.example/x" in case.get("name")


def test_baselined_dead_link_and_error_do_not_fail(full_run: CheckRun) -> None:
    accepted = [f for f in full_run.findings if f.rule in {"link-dead", "quote-mismatch"}]
    baseline = Baseline(frozenset(finding_fingerprint(f) for f in accepted))
    types = sorted(f.get("type") for f in _xml(full_run, baseline).xpath("//failure"))
    assert types == ["marker-without-note"]


def test_offline_run_skips_every_checked_link(offline_run: CheckRun) -> None:
    root = _xml(offline_run)
    links = _cases(root, "links")
    assert sum(c.find("skipped") is not None for c in links) == 6
    assert not root.xpath("//failure[@type='link-dead']")


def test_control_characters_do_not_break_the_xml(full_run: CheckRun) -> None:
    finding = Finding(
        "odd", Severity.ERROR, "bell \x07 here", Location("essays/border.md", 54), "8", "\x00"
    )
    root = _xml(replace(full_run, findings=(finding,)))
    assert root.xpath("//failure[@type='odd']")


def test_open_warnings_are_told_in_their_citation_case(full_run: CheckRun) -> None:
    root = _xml(full_run)
    told = {
        case.get("name", ""): (case.findtext("system-out") or "") for case in root.iter("testcase")
    }
    (holder,) = [name for name, text in told.items() if "url-date-mismatch" in text]
    assert "note 3" in holder
    assert "citation-unparsed" in " ".join(told.values())
    # Never a failure.
    assert not any(
        f.get("type") in {"url-date-mismatch", "citation-unparsed"} for f in root.iter("failure")
    )
