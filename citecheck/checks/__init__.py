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

import importlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from citecheck.checks.catalogue import FAMILIES, LINK_FAMILIES, PER_HEAD, RULES, SCALE_SLIP
from citecheck.checks.rules import Rule
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Finding

if TYPE_CHECKING:
    from citecheck.checks.passages import Passage

__all__ = ["CHECKS", "LINK_FAMILIES", "RULES", "Check", "Rule", "in_family_order", "run_checks"]

Check = Callable[[CheckRun, "tuple[Passage, ...]", CheckSettings], Iterable[Finding]]

# Each family's check, by module and function: a module is loaded the first
# time its family runs (the text families' patterns take ~0.15 s to compile,
# which a process that runs only the page checks should not pay).
_CHECK_FUNCTIONS: dict[str, tuple[str, str]] = {
    "arithmetic": ("citecheck.checks.arithmetic", "check_arithmetic"),
    "percentages": ("citecheck.checks.percentages", "check_percentages"),
    "scale": ("citecheck.checks.scale", "check_scale"),
    "ledger": ("citecheck.checks.ledger", "check_ledger"),
    "sources": ("citecheck.checks.sources", "check_sources"),
    "quotes": ("citecheck.checks.quotes", "check_quotes"),
    "across-notes": ("citecheck.checks.across_notes", "check_across_notes"),
    "notes": ("citecheck.checks.notes", "check_notes"),
}


class _Checks(Mapping[str, Check]):
    """Family -> check, in family order, each loaded on first use."""

    def __getitem__(self, family: str) -> Check:
        module, function = _CHECK_FUNCTIONS[family]
        check: Check = getattr(importlib.import_module(module), function)
        return check

    def __iter__(self) -> Iterator[str]:
        return iter(FAMILIES)

    def __len__(self) -> int:
        return len(FAMILIES)


CHECKS: Mapping[str, Check] = _Checks()


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
    passages: tuple[Passage, ...] = ()
    if wanted - LINK_FAMILIES:
        from citecheck.checks.passages import read_passages

        passages = read_passages(run)
    findings: list[Finding] = []
    seen: set[tuple[str, str, tuple[int, int, int], str | None, str]] = set()
    for family in FAMILIES:
        if family not in wanted:
            continue
        for finding in CHECKS[family](run, passages, settings):
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
    slips = {(f.location, f.note) for f in findings if f.rule == SCALE_SLIP.id}
    return tuple(
        f for f in findings if not (f.rule == PER_HEAD.id and (f.location, f.note) in slips)
    )


def in_family_order(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings of runs over parts of the families as one ``run_checks`` orders them."""
    order = {family: index for index, family in enumerate(FAMILIES)}
    last = len(order)
    return tuple(
        sorted(findings, key=lambda f: order[RULES[f.rule].family] if f.rule in RULES else last)
    )
