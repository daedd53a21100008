"""The REPORTERS registry and write_report."""

from __future__ import annotations

import io

import pytest

from citecheck.model import CheckRun
from citecheck.report import REPORTERS, write_report


def test_every_documented_format_is_registered() -> None:
    assert set(REPORTERS) == {"text", "html", "markdown", "json", "junit", "sarif", "github"}


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
@pytest.mark.parametrize("name", ["full", "offline", "offline-links-only", "empty", "none"])
def test_every_writer_writes_every_run(all_runs: dict[str, CheckRun], fmt: str, name: str) -> None:
    out = io.StringIO()
    write_report(all_runs[name], fmt, out)
    assert out.getvalue().strip()


def test_unknown_format_names_the_known_ones(full_run: CheckRun) -> None:
    with pytest.raises(ValueError, match=r"unknown report format 'pdf'.*html.*sarif"):
        write_report(full_run, "pdf", io.StringIO())
