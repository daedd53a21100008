"""The catalogue entry of one rule, and the one way a rule raises a finding.

Every family module declares its rules as ``Rule`` records; the package
gathers them into ``RULES`` so the docs, ``--disable`` and the tests all see
the same ids and severities.
"""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.model import Finding, Location, Severity

__all__ = ["Rule", "raise_finding"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: stable id, fixed severity, the family that runs it, one line of help."""

    id: str
    severity: Severity
    family: str
    summary: str


def raise_finding(
    rule: Rule,
    message: str,
    location: Location,
    *,
    note: str | None = None,
    evidence: str = "",
) -> Finding:
    """A finding of ``rule`` with its own severity, so no rule can drift from the catalogue."""
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=message,
        location=location,
        note=note,
        evidence=evidence,
    )
