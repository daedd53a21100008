"""The pre-commit hooks and the documented GitHub Actions workflow stay usable.

They are only ever run by other tools, so nothing else would notice an
option that the CLI renamed or a workflow that no longer parses.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from citecheck.cli import build_parser

ROOT = Path(__file__).parents[2]


def _parses(command: str, files: list[str]) -> None:
    words = shlex.split(command)
    assert words[0] == "citecheck"
    build_parser().parse_args([*words[1:], *files])  # argparse exits 2 on a bad option


def _hooks() -> list[dict[str, Any]]:
    hooks: list[dict[str, Any]] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    return hooks


def test_hooks_are_well_formed_and_their_entries_parse() -> None:
    hooks = _hooks()
    assert [h["id"] for h in hooks] == ["citecheck", "citecheck-no-links"]
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= hook.keys()
        assert hook["language"] == "python"
        assert hook["require_serial"] is True
        _parses(hook["entry"], ["essay.md"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("chapters/one.md", True),
        ("essay.docx", True),
        ("paper.tex", True),
        ("notes.txt", True),
        ("setup.py", False),
        ("picture.png", False),
    ],
)
def test_hook_file_pattern(name: str, expected: bool) -> None:
    for hook in _hooks():
        assert bool(re.search(hook["files"], name)) is expected


def _workflow() -> dict[str, Any]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)
    workflows = [yaml.safe_load(b) for b in blocks if b.startswith("name: citecheck")]
    assert len(workflows) == 1
    workflow: dict[str, Any] = workflows[0]
    return workflow


def test_documented_workflow() -> None:
    workflow = _workflow()
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["citecheck"]["steps"]
    uses = {s.get("uses", "").split("@")[0]: s for s in steps}
    cache = uses["actions/cache"]
    assert cache["with"]["path"] == "~/.cache/citecheck"
    upload = uses["github/codeql-action/upload-sarif"]
    assert upload["with"]["sarif_file"] == "citecheck.sarif"
    assert upload["if"].startswith("always()")
    check = next(s for s in steps if s.get("id") == "check")
    script = check["run"]
    # Exit 3 is a warning; any other failure fails the job.
    assert '3) echo "::warning' in script
    assert '*) exit "$status"' in script
    command = re.search(r"^\s*(citecheck check .*?)\n\s*status=", script, re.M | re.S)
    assert command is not None
    line = command.group(1).replace("\\\n", " ")
    line = re.sub(r"\$\( \[ -f citecheck-baseline.json \] && echo (.*?) \)", r"\1", line)
    line = line.replace("$MANUSCRIPTS", "").replace('"$GITHUB_STEP_SUMMARY"', "summary.md")
    args = build_parser().parse_args([*shlex.split(line)[1:], "essay.md"])
    assert args.format == "github"
    assert args.report == [
        "sarif=citecheck.sarif",
        "markdown=summary.md",
        "html=citecheck-report.html",
    ]
    assert args.fail_on == "error"
    assert str(args.baseline) == "citecheck-baseline.json"
