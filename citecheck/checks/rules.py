"""The catalogue entry of one rule, and the one way a rule raises a finding.

Every family module declares its rules as ``Rule`` records; the package
gathers them into ``RULES`` so the docs, ``--disable`` and the tests all see
the same ids and severities.
"""

from __future__ import annotations

import re

from citecheck.model import Finding, Location, Rule

__all__ = ["Rule", "one_line", "raise_finding"]


def raise_finding(
    rule: Rule,
    message: str,
    location: Location,
    *,
    note: str | None = None,
    evidence: str = "",
) -> Finding:
    """A finding of ``rule`` with its own severity, so no rule can drift from the catalogue."""
    return rule.finding(message, location, note=note, evidence=evidence)


def one_line(text: str) -> str:
    """Text with its line breaks and runs of spaces folded, for evidence and messages."""
    return re.sub(r"\s+", " ", text).strip()
