"""Every command, format, status, rule and exit code is documented; a test fails when one is not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from citecheck.cli import build_parser
from citecheck.export import EXPORTERS
from citecheck.model import LinkStatus
from citecheck.report import REPORTERS
from citecheck.rules import ALL_RULES
from citecheck.verdict import ExitCode

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text("utf-8")
DOCS = {path.name: path.read_text("utf-8") for path in (ROOT / "docs").glob("*.md")}
ALL_DOCS = README + "\n".join(DOCS.values())


def test_every_command_is_in_the_readme() -> None:
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        assert f"citecheck {name}" in README, name


def test_every_report_format_is_documented() -> None:
    for fmt in REPORTERS:
        assert f"`{fmt}`" in README, fmt
        assert fmt in DOCS["reports.md"], fmt


def test_every_export_format_is_documented() -> None:
    for fmt in EXPORTERS:
        assert fmt in DOCS["export.md"], fmt
        assert fmt in README, fmt


@pytest.mark.parametrize("status", list(LinkStatus), ids=str)
def test_every_link_status_is_documented(status: LinkStatus) -> None:
    assert f"`{status.value}`" in DOCS["links.md"]
    assert f"`{status.value}`" in README


def test_every_rule_is_documented() -> None:
    assert len(ALL_RULES) > 20
    missing = sorted(rule for rule in ALL_RULES if f"`{rule}`" not in ALL_DOCS)
    assert missing == []


def test_no_finding_is_raised_outside_the_catalogue() -> None:
    # Findings are made with Rule.finding / raise_finding; a literal rule id
    # passed to Finding(...) would escape the catalogue, the docs and --disable.
    for source in (ROOT / "citecheck").rglob("*.py"):
        if source.name == "model.py":
            continue
        text = source.read_text("utf-8")
        assert not re.search(r"\bFinding\(\s*(rule=)?\"", text), source


def test_every_exit_code_is_in_the_readme() -> None:
    for code in ExitCode:
        assert re.search(rf"^\| {code.value} \|", README, re.MULTILINE), code


def test_readme_keeps_its_two_commands() -> None:
    assert "pip install . && citecheck check references/" in README
    assert "pip install -e '.[test,ray]' && python -m pytest -q" in README
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "python -m pytest -q" in ci
    assert "pip install -q -e '.[test,ray]'" in ci


def test_every_doc_linked_from_the_readme() -> None:
    for name in DOCS:
        assert f"docs/{name}" in README, name
