"""SARIF 2.1.0 report: findings for code-scanning tools (GitHub, GitLab, IDEs).

One run, one result per finding (link outcomes included, as ``link-*``
rules). Each result points at the manuscript by a relative URI and a
1-based start line, and carries the baseline fingerprint under
``partialFingerprints`` so a code-scanning service tracks it across edits.
Findings the baseline accepts are kept, with an external, accepted
suppression, as SARIF intends, rather than dropped.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from citecheck.baseline import Baseline
from citecheck.model import CheckRun, Severity
from citecheck.report._view import (
    FindingView,
    ReportView,
    build_view,
    relative_path,
    rule_description,
)
from citecheck.verdict import LINK_RULES

__all__ = ["FINGERPRINT_KEY", "SARIF_SCHEMA", "report_sarif", "write"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "citecheck/v1"


def _artifact_uri(path: str) -> str:
    """A relative URI when the file is under the working directory."""
    relative = relative_path(path)
    if Path(relative).is_absolute():
        return Path(relative).as_uri()
    return quote(relative, safe="/")


def _utc(value: datetime | None) -> str | None:
    if value is None or value.tzinfo is None:
        return None  # a naive time has no honest UTC reading
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _rules(view: ReportView) -> list[tuple[str, Severity]]:
    rules: dict[str, Severity] = {rule.id: rule.severity for rule in LINK_RULES.values()}
    for item in view.findings:
        rules.setdefault(item.finding.rule, item.finding.severity)
    return list(rules.items())


def _result(item: FindingView, index: int, baseline: Baseline | None) -> dict[str, Any]:
    finding = item.finding
    region: dict[str, Any] = {"startLine": max(finding.location.line, 1)}
    if finding.location.column is not None and finding.location.column >= 1:
        region["startColumn"] = finding.location.column
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": _artifact_uri(finding.location.path)},
        "region": region,
    }
    place: dict[str, Any] = {"physicalLocation": physical}
    if finding.location.page is not None:
        # SARIF regions have no pages: startLine is the line on the page,
        # and the page is told in the location's message and properties.
        place["message"] = {"text": finding.location.line_text}
        place["properties"] = {"page": finding.location.page}
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": finding.severity.value,
        "message": {"text": finding.message},
        "locations": [place],
        "partialFingerprints": {FINGERPRINT_KEY: item.fingerprint},
        "properties": {"note": finding.note, "evidence": finding.evidence},
    }
    if finding.location.page is not None:
        result["properties"]["page"] = finding.location.page
    if finding.notes:
        # One result for a work or page several notes cite: every such note.
        result["properties"]["notes"] = list(finding.notes)
    if item.baselined:
        where = baseline.path if baseline is not None and baseline.path else "the baseline"
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": f"Accepted in {where}."}
        ]
    return result


def report_sarif(view: ReportView) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    rules = _rules(view)
    index = {rule: number for number, (rule, _) in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "citecheck",
        "rules": [
            {
                "id": rule,
                "shortDescription": {"text": rule_description(rule)},
                "defaultConfiguration": {"level": severity.value},
            }
            for rule, severity in rules
        ],
    }
    if view.run.tool_version:
        driver["version"] = view.run.tool_version
    invocation: dict[str, Any] = {"executionSuccessful": True}
    for key, value in (
        ("startTimeUtc", _utc(view.run.started_at)),
        ("endTimeUtc", _utc(view.run.finished_at)),
    ):
        if value is not None:
            invocation[key] = value
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(item, index[item.finding.rule], view.baseline) for item in view.findings
        ],
        "properties": {
            "offline": view.run.offline,
            "archiveSkippedReason": view.run.archive_skipped_reason,
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def write(run: CheckRun, out: TextIO, *, baseline: Baseline | None = None) -> None:
    """Write the SARIF log as JSON."""
    json.dump(report_sarif(build_view(run, baseline=baseline)), out, ensure_ascii=False, indent=2)
    out.write("\n")
