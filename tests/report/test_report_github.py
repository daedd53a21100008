"""GitHub Actions workflow-command annotations."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from citecheck.baseline import Baseline, finding_fingerprint
from citecheck.model import CheckRun, Location, Severity
from citecheck.report import write_report
from citecheck.report.github import annotation


def _lines(run: CheckRun, baseline: Baseline | None = None) -> list[str]:
    out = io.StringIO()
    write_report(run, "github", out, baseline=baseline)
    return out.getvalue().splitlines()


def test_one_annotation_per_finding_then_summary(full_run: CheckRun) -> None:
    lines = _lines(full_run)
    assert len(lines) == len(full_run.findings) + 1
    assert lines[-1].startswith("citecheck: 3 errors, 3 warnings, 1 dead and 2 unverified")
    dead = next(line for line in lines if "link-dead" in line)
    assert dead.startswith("::error file=essays/border.md,line=44,title=link-dead (note 3)::")
    assert any(line.startswith("::warning ") for line in lines)
    assert any(line.startswith("::notice ") for line in lines)


def test_escaping_of_properties_and_message() -> None:
    line = annotation(
        Severity.ERROR, "50% done\nnext line", file="a,b:c.md", line=3, title="t: x, y"
    )
    assert line == "::error file=a%2Cb%3Ac.md,line=3,title=t%3A x%2C y::50%25 done%0Anext line"


def test_baselined_findings_are_not_annotated(full_run: CheckRun) -> None:
    baseline = Baseline(frozenset(finding_fingerprint(f) for f in full_run.findings))
    lines = _lines(full_run, baseline)
    assert lines == [
        "citecheck: 0 errors, 0 warnings, 1 dead and 2 unverified links "
        f"({len(full_run.findings)} findings accepted by the baseline)"
    ]


def test_absolute_paths_under_the_working_directory_become_relative(
    full_run: CheckRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = replace(full_run.findings[0], location=Location(str(tmp_path / "ch" / "a.md"), 7))
    outside = replace(full_run.findings[0], location=Location("/elsewhere/b.md", 8))
    lines = _lines(replace(full_run, findings=(inside, outside), links=()))
    assert lines[0].startswith("::error file=ch/a.md,line=7,")
    assert lines[1].startswith("::error file=/elsewhere/b.md,line=8,")
