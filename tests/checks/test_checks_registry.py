"""The rule catalogue: ids, severities and families agree with what the checks raise."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from checks_corpus import load_cases

from citecheck.checks import CHECKS, RULES, run_checks
from citecheck.config import CheckSettings
from citecheck.model import Severity

DOCS = (Path(__file__).parents[2] / "docs" / "checks.md").read_text("utf-8")


def test_rule_ids_are_stable_kebab_case_and_in_known_families() -> None:
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)+", rule_id)
        assert rule.family in CHECKS
        assert rule.summary.endswith(".")


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_in_the_docs_table_with_its_severity(rule_id: str) -> None:
    row = re.search(rf"^\| `{re.escape(rule_id)}` \| (\w+) \|", DOCS, re.MULTILINE)
    assert row is not None, rule_id
    assert Severity(row.group(1)) is RULES[rule_id].severity


def test_findings_carry_their_rules_severity_and_a_fix(tmp_path: Path) -> None:
    seen = set()
    for case in load_cases():
        ledger = None
        if case.ledger:
            ledger = tmp_path / "facts.toml"
            ledger.write_text(case.ledger, encoding="utf-8")
        for finding in run_checks(case.run, CheckSettings(ledger=ledger)):
            seen.add(finding.rule)
            assert finding.severity is RULES[finding.rule].severity
            assert finding.location.line >= 1
            assert finding.evidence
            # Every message ends with what to do about it.
            assert re.search(
                r"(Check|Correct|Recompute|Quote|Give|Point|Make)[^.]*\.$", finding.message
            ), finding.message
    assert seen == set(RULES)


def test_switching_off_every_rule_of_a_family_skips_it(tmp_path: Path) -> None:
    case = next(c for c in load_cases() if c.id == "rate-per-minute-slip")
    all_arithmetic = tuple(r for r in RULES if RULES[r].family == "arithmetic")
    assert run_checks(case.run, CheckSettings()) != ()
    assert run_checks(case.run, CheckSettings(disabled_rules=all_arithmetic)) == ()


def test_each_family_module_is_loaded_only_when_its_family_runs() -> None:
    # The main process runs only the page families after the links; the text
    # families' patterns (~0.15 s to compile) must not be loaded there.
    script = (
        "import sys\n"
        "from citecheck.checks import LINK_FAMILIES, RULES, run_checks\n"
        "from citecheck.config import CheckSettings\n"
        "from citecheck.model import CheckRun\n"
        "assert len(RULES) >= 25\n"
        "run = CheckRun(footnote_sets=(), citations=(), links=())\n"
        "assert run_checks(run, CheckSettings(), families=LINK_FAMILIES) == ()\n"
        "print(sorted(m for m in sys.modules if m.startswith('citecheck.checks.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded = set(ast.literal_eval(done.stdout))
    assert {"citecheck.checks.quotes", "citecheck.checks.sources"} <= loaded
    assert not loaded & {
        "citecheck.checks.numbers",
        "citecheck.checks.arithmetic",
        "citecheck.checks.passages",
        "citecheck.checks.learned",
    }
