"""Exit codes: 0 OK, 1 FAILED, 2 USAGE (the CLI's), 3 UNVERIFIED; link findings."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from citecheck.baseline import Baseline, finding_fingerprint
from citecheck.model import (
    ArchiveResult,
    CheckRun,
    Citation,
    Drift,
    Finding,
    Footnote,
    FootnoteSet,
    LinkResult,
    LinkStatus,
    Location,
    Manuscript,
    PartialDate,
    Severity,
    Snapshot,
)
from citecheck.rules import ALL_RULES
from citecheck.verdict import (
    LINK_RULES,
    ExitCode,
    archive_findings,
    link_findings,
    run_findings,
    verdict,
)

PATH = "essay.md"
SNAPSHOT_TIME = datetime(2010, 1, 1, tzinfo=UTC)


def _run(
    *statuses: LinkStatus, findings: tuple[Finding, ...] = (), offline: bool = False
) -> CheckRun:
    """One note per link status, each note citing its own URL."""
    notes = tuple(
        Footnote(str(i), f"https://h{i}.example/", "", Location(PATH, 10 + i))
        for i in range(1, len(statuses) + 1)
    )
    citations = tuple(
        Citation(n.label, i, n.text, n.location, urls=(n.text,)) for i, n in enumerate(notes)
    )
    links = tuple(
        LinkResult(n.text, status, f"reason {status.value}")
        for n, status in zip(notes, statuses, strict=True)
    )
    manuscript = Manuscript(PATH, "markdown", "", (), ())
    return CheckRun(
        (FootnoteSet(manuscript, notes),),
        citations=citations,
        links=links,
        findings=findings,
        offline=offline,
    )


def _finding(severity: Severity, rule: str = "some-rule") -> Finding:
    return Finding(rule, severity, "message", Location(PATH, 3), "1", "evidence")


def test_exit_code_values_are_the_documented_ones() -> None:
    assert [(c.name, int(c)) for c in ExitCode] == [
        ("OK", 0),
        ("FAILED", 1),
        ("USAGE", 2),
        ("UNVERIFIED", 3),
        ("INTERNAL", 4),
    ]


def test_clean_run_is_ok() -> None:
    run = _run(LinkStatus.ALIVE, LinkStatus.REDIRECTED, LinkStatus.EXCLUDED)
    assert verdict(run, fail_on=Severity.ERROR, baseline=None) is ExitCode.OK


def test_run_without_links_is_ok() -> None:
    assert verdict(_run(), fail_on=Severity.ERROR, baseline=None) is ExitCode.OK


@pytest.mark.parametrize(
    ("severity", "fail_on", "expected"),
    [
        (Severity.ERROR, Severity.ERROR, ExitCode.FAILED),
        (Severity.WARNING, Severity.ERROR, ExitCode.OK),
        (Severity.WARNING, Severity.WARNING, ExitCode.FAILED),
        (Severity.NOTE, Severity.WARNING, ExitCode.OK),
        (Severity.NOTE, Severity.NOTE, ExitCode.FAILED),
        (Severity.ERROR, Severity.NOTE, ExitCode.FAILED),
    ],
)
def test_fail_on_threshold(severity: Severity, fail_on: Severity, expected: ExitCode) -> None:
    run = _run(LinkStatus.ALIVE, findings=(_finding(severity),))
    assert verdict(run, fail_on=fail_on, baseline=None) is expected


def test_dead_link_fails_even_when_the_pipeline_left_out_link_findings() -> None:
    run = _run(LinkStatus.ALIVE, LinkStatus.DEAD)
    assert run.findings == ()
    assert verdict(run, fail_on=Severity.ERROR, baseline=None) is ExitCode.FAILED


def test_soft_dead_is_a_warning() -> None:
    run = _run(LinkStatus.ALIVE, LinkStatus.SOFT_DEAD)
    assert verdict(run, fail_on=Severity.ERROR, baseline=None) is ExitCode.OK
    assert verdict(run, fail_on=Severity.WARNING, baseline=None) is ExitCode.FAILED


def test_redirect_fails_only_on_note() -> None:
    run = _run(LinkStatus.REDIRECTED)
    assert verdict(run, fail_on=Severity.WARNING, baseline=None) is ExitCode.OK
    assert verdict(run, fail_on=Severity.NOTE, baseline=None) is ExitCode.FAILED


@pytest.mark.parametrize("status", [LinkStatus.BLOCKED, LinkStatus.TIMEOUT, LinkStatus.OFFLINE])
def test_all_unverified_is_3_even_with_fail_on_note(status: LinkStatus) -> None:
    run = _run(status, status, LinkStatus.EXCLUDED)
    assert verdict(run, fail_on=Severity.NOTE, baseline=None) is ExitCode.UNVERIFIED


def test_some_unverified_is_still_ok() -> None:
    run = _run(LinkStatus.ALIVE, LinkStatus.BLOCKED)
    assert verdict(run, fail_on=Severity.ERROR, baseline=None) is ExitCode.OK


def test_offline_run_is_3() -> None:
    run = _run(LinkStatus.ALIVE, offline=True)
    assert verdict(run, fail_on=Severity.ERROR, baseline=None) is ExitCode.UNVERIFIED


def test_offline_run_without_links_has_nothing_unverified() -> None:
    assert verdict(_run(offline=True), fail_on=Severity.ERROR, baseline=None) is ExitCode.OK


def test_failure_wins_over_unverified() -> None:
    run = _run(LinkStatus.OFFLINE, findings=(_finding(Severity.ERROR),), offline=True)
    assert verdict(run, fail_on=Severity.ERROR, baseline=None) is ExitCode.FAILED


def test_baseline_accepted_findings_do_not_fail() -> None:
    error = _finding(Severity.ERROR)
    run = _run(LinkStatus.ALIVE, LinkStatus.DEAD, findings=(error,))
    everything = Baseline(frozenset(finding_fingerprint(f) for f in run_findings(run)))
    assert verdict(run, fail_on=Severity.ERROR, baseline=everything) is ExitCode.OK
    only_error = Baseline(frozenset({finding_fingerprint(error)}))
    assert verdict(run, fail_on=Severity.ERROR, baseline=only_error) is ExitCode.FAILED


def test_baseline_survives_the_note_moving_down() -> None:
    run = _run(LinkStatus.DEAD)
    baseline = Baseline(frozenset(finding_fingerprint(f) for f in run_findings(run)))
    moved = replace(
        run,
        citations=tuple(
            replace(c, location=Location(PATH, c.location.line + 25)) for c in run.citations
        ),
    )
    assert link_findings(moved)[0].location.line != link_findings(run)[0].location.line
    assert verdict(moved, fail_on=Severity.ERROR, baseline=baseline) is ExitCode.OK


def test_link_findings_rules_severities_and_places() -> None:
    statuses = list(LinkStatus)
    run = _run(*statuses)
    findings = {f.evidence: f for f in link_findings(run)}
    expected = {
        LinkStatus.DEAD: ("link-dead", Severity.ERROR),
        LinkStatus.SOFT_DEAD: ("link-soft-dead", Severity.WARNING),
        LinkStatus.REDIRECTED: ("link-redirected", Severity.NOTE),
        LinkStatus.BLOCKED: ("link-unverified", Severity.NOTE),
        LinkStatus.TIMEOUT: ("link-unverified", Severity.NOTE),
        LinkStatus.OFFLINE: ("link-unverified", Severity.NOTE),
    }
    assert len(findings) == len(expected)
    for link, citation in zip(run.links, run.citations, strict=True):
        if link.status not in expected:
            assert link.url not in findings
            continue
        finding = findings[link.url]
        assert (finding.rule, finding.severity) == expected[link.status]
        assert LINK_RULES[finding.rule].severity is finding.severity
        assert finding.location == citation.location
        assert finding.note == citation.note
        assert link.reason in finding.message


def test_one_finding_per_citing_note_and_archive_suggested() -> None:
    run = _run(LinkStatus.DEAD)
    url = run.links[0].url
    second = Footnote("2", url, "", Location(PATH, 90))
    run = replace(
        run,
        footnote_sets=(replace(run.footnote_sets[0], footnotes=(*run.footnotes, second)),),
        citations=(*run.citations, Citation("2", 1, url, second.location, urls=(url,))),
        archives=(
            ArchiveResult(
                url,
                None,
                Snapshot(url, "https://web.archive.org/web/2010/" + url, SNAPSHOT_TIME),
            ),
        ),
    )
    findings = link_findings(run)
    assert [(f.note, f.location.line) for f in findings] == [("1", 11), ("2", 90)]
    assert all("https://web.archive.org/web/2010/" in f.message for f in findings)


def test_doi_links_join_their_citation() -> None:
    run = _run()
    note = Footnote("1", "doi:10.1000/XYZ", "", Location(PATH, 5))
    citation = Citation("1", 0, note.text, note.location, doi="10.1000/xyz")
    link = LinkResult("https://doi.org/10.1000/xyz", LinkStatus.DEAD, "HTTP 404")
    run = replace(run, citations=(citation,), links=(link,))
    (finding,) = link_findings(run)
    assert (finding.note, finding.location.line) == ("1", 5)


def test_other_spellings_of_the_same_address_join() -> None:
    run = _run(LinkStatus.DEAD)
    url = run.links[0].url  # https://h1.example/
    second = Footnote("2", "x", "", Location(PATH, 70))
    run = replace(
        run,
        citations=(
            *run.citations,
            Citation("2", 1, "x", second.location, urls=(" HTTPS://H1.example:443/ ",)),
        ),
    )
    assert [f.note for f in link_findings(run)] == ["1", "2"]
    assert url == "https://h1.example/"


def test_link_no_citation_claims_is_still_reported() -> None:
    run = replace(_run(), links=(LinkResult("https://x.example", LinkStatus.DEAD, "gone"),))
    (finding,) = link_findings(run)
    assert finding.location == Location(PATH, 1)
    assert finding.note is None


def test_run_findings_does_not_double_count() -> None:
    run = _run(LinkStatus.DEAD)
    stored = replace(run, findings=link_findings(run))
    assert run_findings(stored) == stored.findings
    assert len(run_findings(run)) == 1


def _moved(link: LinkResult) -> str:
    run = _run(LinkStatus.REDIRECTED)
    (cited,) = run.links
    (finding,) = link_findings(replace(run, links=(replace(link, url=cited.url),)))
    return finding.message


def test_a_permanent_then_temporary_chain_names_one_address_to_cite() -> None:
    a, b, c = "https://h1.example/", "https://h1.example/b", "https://h1.example/c"
    link = LinkResult(
        a,
        LinkStatus.REDIRECTED,
        f"moved permanently (301) to {b}; cite the new address",
        final_url=c,
        redirects=(b, c),
    )
    message = _moved(link)
    assert message == (
        f"Link {a} moved permanently (301) to {b}; cite the new address. That address sends "
        f"readers on to {c} by a temporary redirect; keep {b} in the citation."
    )
    assert "final URL" not in message


def test_a_plain_move_names_its_address_once() -> None:
    a, b = "https://h1.example/", "https://h1.example/new"
    reason = f"moved permanently (308) to {b}; cite the new address"
    link = LinkResult(a, LinkStatus.REDIRECTED, reason, final_url=b, redirects=(b,))
    assert _moved(link) == f"Link {a} {reason}."


def test_a_move_whose_reason_names_no_hop_points_at_the_final_url() -> None:
    a, b = "https://h1.example/", "https://h1.example/new"
    link = LinkResult(a, LinkStatus.REDIRECTED, "moved", final_url=b, redirects=(b,))
    assert _moved(link) == f"Link {a} redirects to {b}: moved. Consider citing {b}."


# -- link advice: one wording in the finding and the link lines ---------------


def test_dead_link_with_a_snapshot_says_cite_the_archived_copy() -> None:
    copy = "https://web.archive.org/web/20100101000000/https://h1.example/"
    run = _run(LinkStatus.DEAD)
    run = replace(
        run,
        links=(replace(run.links[0], reason="the page was not found (404)"),),
        archives=(
            ArchiveResult(
                "https://h1.example/", None, Snapshot("https://h1.example/", copy, SNAPSHOT_TIME)
            ),
        ),
    )
    (finding,) = link_findings(run)
    assert finding.message == (
        f"Dead link https://h1.example/: the page was not found (404). "
        f"Cite the archived copy instead: {copy}"
    )


def test_a_404_reason_gives_no_advice_of_its_own() -> None:
    # The finding adds the advice (naming the copy when there is one): the reason
    # must not also say "find … an archived copy", or a message says it twice.
    from citecheck.links.classify import status_verdict

    for code in (404, 410):
        status, reason = status_verdict(code, attempts=1)
        assert status is LinkStatus.DEAD
        assert "archived" not in reason
        assert ";" not in reason


# -- content drift -------------------------------------------------------------

_PAGE = "https://h1.example/"
_COPY = f"https://web.archive.org/web/20190110120000/{_PAGE}"
_EVIDENCE = (
    "jaccard=0.06 cosine=0.64 simhash=28/64 token_set=0.87 title=1.00 words=37->37; "
    "first change: was «… wait was 45»; now «… wait was 95» (against " + _COPY + ")"
)


def _drifted(drift: Drift | None, *, cited: PartialDate | None = None, notes: int = 1) -> CheckRun:
    when = cited if cited is not None else PartialDate(2020, 3, 15)
    footnotes = tuple(
        Footnote(str(i), f"See {_PAGE}", "", Location(PATH, 10 + i)) for i in range(1, notes + 1)
    )
    citations = tuple(
        Citation(n.label, i, n.text, n.location, urls=(_PAGE,), accessed=when)
        for i, n in enumerate(footnotes)
    )
    snapshot = Snapshot(_PAGE, _COPY, datetime(2019, 1, 10, 12, tzinfo=UTC))
    return CheckRun(
        (FootnoteSet(Manuscript(PATH, "markdown", "", (), ()), footnotes),),
        citations=citations,
        links=(LinkResult(_PAGE, LinkStatus.ALIVE, "200"),),
        archives=(ArchiveResult(_PAGE, when, snapshot, drift=drift, drift_evidence=_EVIDENCE),),
    )


@pytest.mark.parametrize("drift", [Drift.MAJOR, Drift.REPLACED])
def test_material_drift_is_a_warning_naming_date_change_and_copy(drift: Drift) -> None:
    (finding,) = archive_findings(_drifted(drift))
    assert finding.rule == "content-drift"
    assert finding.severity is Severity.WARNING
    assert finding.note == "1"
    assert finding.location == Location(PATH, 11)
    assert "archived copy of 2019-01-10 (cited 2020-03-15)" in finding.message
    assert "was «… wait was 45»; now «… wait was 95»" in finding.message
    assert finding.message.endswith(f"cite it: {_COPY}")
    assert finding.evidence == _PAGE
    assert "content-drift" in ALL_RULES
    # Reports built from a run without stored findings show it too.
    assert finding in run_findings(_drifted(drift))


@pytest.mark.parametrize("drift", [Drift.MINOR, Drift.UNCHANGED, Drift.UNKNOWN, None])
def test_minor_or_unknown_drift_says_nothing(drift: Drift | None) -> None:
    assert archive_findings(_drifted(drift)) == ()


def test_drift_without_a_snapshot_claims_nothing() -> None:
    run = _drifted(Drift.MAJOR)
    run = replace(run, archives=(replace(run.archives[0], cited_snapshot=None),))
    assert archive_findings(run) == ()


def test_drift_from_a_copy_later_than_the_citation_says_the_cited_page_is_unknown() -> None:
    (finding,) = archive_findings(_drifted(Drift.MAJOR, cited=PartialDate(2018, 6)))
    assert "the first one after the cited date 2018-06" in finding.message
    assert "No copy shows the page as cited" in finding.message
    assert "cite it" not in finding.message


def test_a_page_cited_in_several_notes_drifts_once_listing_them() -> None:
    (finding,) = archive_findings(_drifted(Drift.MAJOR, notes=3))
    assert finding.note == "1"
    assert finding.notes == ("1", "2", "3")


def test_a_disabled_rule_is_not_added_back_by_run_findings() -> None:
    run = replace(_run(LinkStatus.DEAD), disabled_rules=("link-dead",))
    assert run_findings(run) == ()
    assert verdict(run, fail_on=Severity.ERROR, baseline=None) is ExitCode.OK
    drifted = replace(_drifted(Drift.MAJOR), disabled_rules=("content-drift",))
    assert run_findings(drifted) == ()
