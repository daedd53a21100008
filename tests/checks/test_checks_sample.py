"""The sample essay: exactly the findings an editor would agree with, and nothing else.

The sample is read by the project's reader and citation parser (see
checks_sample.py); no links are fetched, so page and quote rules have
nothing to compare and must stay silent.
"""

from __future__ import annotations

import pytest
from checks_sample import LEDGER, ROOT, manuscript_run, sample_run

from citecheck.checks import run_checks
from citecheck.config import CheckSettings
from citecheck.model import Finding, Severity


def _by_rule(findings: tuple[Finding, ...]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.rule, []).append(finding)
    return grouped


def test_sample_findings_without_ledger() -> None:
    findings = _by_rule(run_checks(sample_run(), CheckSettings()))

    # Nothing but the three real problems.
    assert sorted(findings) == [
        "implausible-per-head",
        "rate-restatement-mismatch",
        "url-date-off-by-one",
    ]
    (budget,) = findings["implausible-per-head"]
    assert budget.severity is Severity.WARNING
    assert "more than $11 million" in budget.message
    assert "58,000-employee" in budget.message
    assert "$190 per employee" in budget.message
    assert "likely 'billion' for 'million'" in budget.message
    # The bio is after the last marker; without reader line_starts the line is
    # estimated from markers and lands in the authors' section (241-249).
    assert 235 < budget.location.line <= 249

    (nyt,) = findings["url-date-off-by-one"]
    assert nyt.note == "11"
    assert nyt.severity is Severity.NOTE
    assert "2010-05-06" in nyt.message
    assert "2010-05-05" in nyt.message
    assert "nytimes.com" in nyt.evidence

    # "$1.3 billion ... daily or more than $1 million dollars a minute": a day's
    # $1.3 billion is at most $0.975 million a minute, even read as truncated.
    (rate,) = findings["rate-restatement-mismatch"]
    assert rate.location.line == 138
    assert "“$1.3 billion” a day" in rate.message
    assert "“more than $1 million dollars” a minute" in rate.message


def test_sample_correct_arithmetic_raises_nothing() -> None:
    findings = run_checks(sample_run(), CheckSettings())
    evidence = " ".join(f.evidence + f.message for f in findings)
    # Six fold ($80bn -> more than $500bn), doubled ($510bn -> $1.178tn; $8,469 ->
    # $16,734), the respectively pair and the Reuters date are all fine.
    for fine in ("six fold", "$1.178 trillion", "$16,734", "$294.2 billion", "20101105"):
        assert fine not in evidence


def test_sample_with_ledger_names_the_source() -> None:
    findings = _by_rule(run_checks(sample_run(), CheckSettings(ledger=LEDGER)))

    assert sorted(findings) == [
        "ledger-scale-slip",
        "rate-restatement-mismatch",
        "url-date-off-by-one",
    ]
    (slip,) = findings["ledger-scale-slip"]
    assert slip.severity is Severity.ERROR
    assert "factor of 1,000" in slip.message
    assert "$11.2 billion" in slip.message
    assert "Budget in Brief" in slip.message
    # 1,969 miles is within the ledger's 2 % of IBWC's 1,954; 1848 is right.
    assert not any("border" in f.message for f in findings["ledger-scale-slip"])


def test_sample_rules_can_be_switched_off() -> None:
    settings = CheckSettings(
        disabled_rules=("implausible-per-head", "url-date-off-by-one", "rate-restatement-mismatch")
    )
    assert run_checks(sample_run(), settings) == ()


@pytest.mark.parametrize(
    "path",
    [
        "tests/corpus/sample/us-mexico-border-essays.md",
        "tests/corpus/sample/us-mexico-border-essays.tex",
        "tests/corpus/html/pandoc-sample.html",
        "tests/corpus/docx/pandoc-sample.docx",
    ],
)
def test_same_findings_in_every_format(path: str) -> None:
    """The sample converted to Markdown, LaTeX, HTML and DOCX raises the same three."""
    source = ROOT / path
    if not source.exists():
        pytest.skip(f"{path} is not in this checkout")
    findings = run_checks(manuscript_run(source), CheckSettings())
    assert sorted((f.rule, f.note) for f in findings) == [
        ("implausible-per-head", None),
        ("rate-restatement-mismatch", None),
        ("url-date-off-by-one", "11"),
    ]
