"""The facts ledger: schema validation with file and line, and the sample's ledger."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_sample import LEDGER

from citecheck.checks import run_checks
from citecheck.checks.ledger import load_ledger
from citecheck.config import CheckSettings
from citecheck.errors import ConfigError
from citecheck.model import CheckRun, PartialDate

GOOD = """
[[fact]]
subject = "CBP operating budget"
value = 11.2e9
unit = "USD"
tolerance = 0.1
source = "DHS"
"""


def test_sample_ledger_loads() -> None:
    facts = {fact.id: fact for fact in load_ledger(LEDGER)}
    assert set(facts) == {"cbp-budget", "cbp-workforce", "border-length", "guadalupe-hidalgo"}
    assert facts["border-length"].bounds() == pytest.approx((1954 * 0.98, 1954 * 1.02))
    assert facts["guadalupe-hidalgo"].date == PartialDate(1848, 2, 2)
    assert all(fact.source and fact.url for fact in facts.values())


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (GOOD + "\n[[fact]]\nsubject = 'x'\nsource = 's'\n", 9, "exactly one of 'value' or 'date'"),
        (GOOD.replace('unit = "USD"', 'unit = "dollars"'), 2, "unit 'dollars'"),
        (GOOD.replace('source = "DHS"', ""), 2, "'source'"),
        (GOOD.replace("tolerance = 0.1", "tolerance = 10"), 2, "relative"),
        (GOOD.replace("value = 11.2e9", 'value = "11.2 billion"'), 2, "must be a number"),
        (GOOD + "\n[[fact]]\nsubject = 'x'\ndate = 'May 1848'\nsource = 's'\n", 9, "ISO date"),
        (GOOD + "colour = 'red'\n", 2, "unknown key 'colour'"),
        (GOOD.replace("[[fact]]", "[[facts]]"), None, "unknown top-level key 'facts'"),
    ],
)
def test_bad_ledger_names_file_and_line(
    tmp_path: Path, text: str, line: int | None, problem: str
) -> None:
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_ledger(path)
    assert raised.value.path == str(path)
    assert raised.value.line == line
    assert problem in raised.value.problem


def test_ledger_that_is_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "facts.toml"
    path.write_text(GOOD + "\nvalue = = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_ledger(path)
    assert raised.value.line == 9
    assert "not valid TOML" in str(raised.value)


def test_missing_ledger_is_a_config_error(tmp_path: Path) -> None:
    settings = CheckSettings(ledger=tmp_path / "nowhere.toml")
    with pytest.raises(ConfigError, match="cannot read the facts ledger"):
        run_checks(CheckRun(footnote_sets=()), settings)
