"""Consistency checks: a run's text, citations and fetched pages -> findings.

One public verb, ``run_checks``. Each family of rules lives in its own
module and is named in ``CHECKS``; every rule is catalogued in ``RULES``
(stable id, severity, family, one line of help), which the docs and
``--disable`` use. Numbers are read once (``numbers``) and shared.

Rules fire only when no reading of the printed figures fits (see
``numbers`` for the interval rules); a check that cannot decide stays
silent rather than guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from citecheck.checks import (
    across_notes,
    arithmetic,
    ledger,
    notes,
    percentages,
    quotes,
    scale,
    sources,
)
from citecheck.checks.passages import Passage, read_passages
from citecheck.checks.rules import Rule
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Finding

__all__ = ["CHECKS", "RULES", "Check", "Rule", "run_checks"]

Check = Callable[[CheckRun, tuple[Passage, ...], CheckSettings], Iterable[Finding]]

CHECKS: dict[str, Check] = {
    "arithmetic": arithmetic.check_arithmetic,
    "percentages": percentages.check_percentages,
    "scale": scale.check_scale,
    "ledger": ledger.check_ledger,
    "sources": sources.check_sources,
    "quotes": quotes.check_quotes,
    "across-notes": across_notes.check_across_notes,
    "notes": notes.check_notes,
}

RULES: dict[str, Rule] = {
    rule.id: rule
    for module in (arithmetic, percentages, scale, ledger, sources, quotes, across_notes, notes)
    for rule in module.RULES
}


def run_checks(run: CheckRun, settings: CheckSettings) -> tuple[Finding, ...]:
    """Every finding of every enabled rule, in family order, without duplicates.

    A per-head warning is dropped when the ledger already names the same
    figure as a scale slip (the ledger's evidence is the stronger).

    Raises:
        ConfigError: the ledger named in ``settings`` is missing or malformed.
    """
    disabled = set(settings.disabled_rules)
    families = {RULES[r].family for r in RULES if r not in disabled}
    passages = read_passages(run)
    findings: list[Finding] = []
    seen: set[tuple[str, str, tuple[int, int, int], str | None, str]] = set()
    for family, check in CHECKS.items():
        if family not in families:
            continue
        for finding in check(run, passages, settings):
            key = (
                finding.rule,
                finding.location.path,
                finding.location.order,
                finding.note,
                finding.message,
            )
            if finding.rule in disabled or key in seen:
                continue
            seen.add(key)
            findings.append(finding)
    slips = {(f.location, f.note) for f in findings if f.rule == ledger.SCALE_SLIP.id}
    return tuple(
        f for f in findings if not (f.rule == scale.PER_HEAD.id and (f.location, f.note) in slips)
    )
