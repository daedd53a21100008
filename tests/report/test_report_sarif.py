"""The SARIF report, validated against the vendored official 2.1.0 schema."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from citecheck.baseline import Baseline, finding_fingerprint
from citecheck.checks import RULES as CHECK_RULES
from citecheck.model import CheckRun
from citecheck.report import write_report
from citecheck.report.sarif import FINGERPRINT_KEY

SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    data = SCHEMA.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SCHEMA_SHA256, "vendored schema was modified"
    schema = json.loads(data)
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def _sarif(run: CheckRun, baseline: Baseline | None = None) -> dict[str, Any]:
    out = io.StringIO()
    write_report(run, "sarif", out, baseline=baseline)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


@pytest.mark.parametrize("name", ["full", "offline", "offline-links-only", "empty", "none"])
def test_valid_against_official_schema(
    validator: Draft4Validator, all_runs: dict[str, CheckRun], name: str
) -> None:
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(_sarif(all_runs[name]))]
    assert errors == []


def test_schema_catches_a_broken_log(validator: Draft4Validator, full_run: CheckRun) -> None:
    data = _sarif(full_run)
    data["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(data)


def test_results_and_rules(full_run: CheckRun) -> None:
    run = _sarif(full_run)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "citecheck"
    assert driver["version"] == "0.1.0"
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["link-dead"]["defaultConfiguration"]["level"] == "error"
    assert rules["link-soft-dead"]["defaultConfiguration"]["level"] == "warning"
    # Check rules take the catalogue's help line; unknown ids are put in words.
    assert rules["url-date-mismatch"]["shortDescription"]["text"] == (
        CHECK_RULES["url-date-mismatch"].summary
    )
    assert rules["quote-mismatch"]["shortDescription"]["text"] == "Quote mismatch"
    results = run["results"]
    assert len(results) == len(full_run.findings)
    for result, finding in zip(results, full_run.findings, strict=True):
        assert result["ruleId"] == finding.rule
        assert driver["rules"][result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] == finding.severity.value
        assert result["message"]["text"] == finding.message
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "essays/border.md"
        assert location["region"]["startLine"] == finding.location.line
        assert result["partialFingerprints"][FINGERPRINT_KEY] == finding_fingerprint(finding)
        assert "suppressions" not in result


def test_baselined_results_are_suppressed_not_dropped(full_run: CheckRun) -> None:
    accepted = full_run.findings[0]
    baseline = Baseline(frozenset({finding_fingerprint(accepted)}), "citecheck-baseline.json")
    results = _sarif(full_run, baseline)["runs"][0]["results"]
    assert len(results) == len(full_run.findings)
    suppressed = [r for r in results if "suppressions" in r]
    assert len(suppressed) == 1
    assert suppressed[0]["ruleId"] == accepted.rule
    assert suppressed[0]["suppressions"][0]["status"] == "accepted"


def test_absolute_path_under_cwd_becomes_relative(
    full_run: CheckRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from citecheck.model import Location

    monkeypatch.chdir(tmp_path)
    finding = full_run.findings[0]
    moved = replace(finding, location=Location(str(tmp_path / "my essay.md"), 7))
    run = replace(full_run, findings=(moved,))
    uri = _sarif(run)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"
    ]["uri"]
    assert uri == "my%20essay.md"
