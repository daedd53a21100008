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

from collections.abc import Callable, Collection, Iterable

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

__all__ = ["CHECKS", "LINK_FAMILIES", "RULES", "Check", "Rule", "in_family_order", "run_checks"]

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


# The families that read the fetched pages (``run.links``) and not the passages;
# the others read only the text and the citations, so a run can check those
# while the links are asked.
LINK_FAMILIES = frozenset({"sources", "quotes"})


def run_checks(
    run: CheckRun, settings: CheckSettings, *, families: Collection[str] | None = None
) -> tuple[Finding, ...]:
    """Every finding of every enabled rule, in family order, without duplicates.

    A per-head warning is dropped when the ledger already names the same
    figure as a scale slip (the ledger's evidence is the stronger).
    ``families``: only these families (None: all). No rule belongs to two
    families, so runs over parts, joined by ``in_family_order``, give what
    one run gives.

    Raises:
        ConfigError: the ledger named in ``settings`` is missing or malformed.
    """
    disabled = set(settings.disabled_rules)
    wanted = {RULES[r].family for r in RULES if r not in disabled}
    if families is not None:
        wanted &= set(families)
    if not wanted:
        return ()
    # Reading the passages is most of the text checks' time; the families that
    # judge fetched pages do not look at them.
    passages = read_passages(run) if wanted - LINK_FAMILIES else ()
    findings: list[Finding] = []
    seen: set[tuple[str, str, tuple[int, int, int], str | None, str]] = set()
    for family, check in CHECKS.items():
        if family not in wanted:
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


def in_family_order(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings of runs over parts of the families as one ``run_checks`` orders them."""
    order = {family: index for index, family in enumerate(CHECKS)}
    last = len(order)
    return tuple(
        sorted(findings, key=lambda f: order[RULES[f.rule].family] if f.rule in RULES else last)
    )
