"""Content drift as an editor sees it: a real run (CLI, links and archive stages on loopback
stand-ins) whose cited page changed after the citation gives a ``content-drift`` warning in
every report format; a page that only moved a little gives none."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from archive_standins import ArchiveStandIn, Capture, WebStandIn, html

from citecheck.cli import main

_SENTENCES = (
    "The average commercial wait at the crossing was {wait} minutes in {year}.",
    "Crossings {moved} by {share} percent over the year, driven by {why}.",
    "The port processed {trucks} trucks and employed {staff} officers at the crossing.",
)
_THEN = {
    "wait": 45,
    "year": 2018,
    "moved": "rose",
    "share": 3,
    "why": "manufacturing trade",
    "trucks": "900,000",
}
_NOW = {
    "wait": 95,
    "year": 2021,
    "moved": "fell",
    "share": 12,
    "why": "new inspection rules",
    "trucks": "700,000",
}


def _page(staff: int, **values: object) -> str:
    return html("Border wait times", *(s.format(staff=staff, **values) for s in _SENTENCES))


@pytest.fixture
def essay(
    tmp_path: Path, ia: ArchiveStandIn, web: WebStandIn, monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "true")
    for name in ("CITECHECK_WAYBACK_API", "CITECHECK_WAYBACK_WEB", "CITECHECK_PERMA_API"):
        monkeypatch.delenv(name, raising=False)
    old = _page(600, **_THEN)
    # One page rewritten since (major), one with one figure changed (minor).
    changed = web.page("/reports/wait-times", _page(450, **_NOW))
    touched = web.page("/reports/staff", _page(610, **_THEN))
    for url in (changed, touched):
        ia.add(url, Capture("20190110120000", url, body=old.encode()))
    (tmp_path / "citecheck.toml").write_text(
        f'wayback-api = "{ia.base}"\nwayback-web = "{ia.base}"\nperma-api = "{ia.base}/v1/"\n'
        'warc-dir = "warc"\ndns-canaries = []\nsources = false\n',
        encoding="utf-8",
    )
    manuscript = tmp_path / "essay.md"
    manuscript.write_text(
        "# Waits\n\nThe wait was 45 minutes.[^1] Staffing held.[^2] Again, 45 minutes.[^3]\n\n"
        f'[^1]: SANDAG, "Border Wait Times," accessed March 15, 2020, {changed}.\n'
        f'[^2]: SANDAG, "Staffing," accessed March 15, 2020, {touched}.\n'
        f'[^3]: SANDAG, "Border Wait Times," accessed March 15, 2020, {changed}.\n',
        encoding="utf-8",
    )
    return manuscript


def test_major_drift_is_a_warning_in_every_report(essay: Path, ia: ArchiveStandIn) -> None:
    formats = ("json", "markdown", "html", "sarif", "junit", "github")
    reports = [f"--report={fmt}=out.{fmt}" for fmt in formats]
    code = main(["check", "essay.md", "--no-cache", "--format", "text", "-o", "out.txt", *reports])
    assert code == 0  # a warning; --fail-on error
    copy = f"{ia.base}/web/20190110120000/"
    data = json.loads(Path("out.json").read_text(encoding="utf-8"))
    drifts = [f for f in data["findings"] if f["rule"] == "content-drift"]
    # One finding for the changed page, at its first note, naming both notes.
    assert len(drifts) == 1, data["archives"]
    (drift,) = drifts
    assert drift["severity"] == "warning"
    assert drift["location"]["note"] == "1"
    assert drift["notes"] == ["1", "3"]
    assert "archived copy of 2019-01-10 (cited 2020-03-15)" in drift["message"]
    assert "was «" in drift["message"]
    assert "now «" in drift["message"]
    assert copy in drift["message"]
    assert "/reports/wait-times" in drift["message"]
    assert data["summary"]["findings"]["warning"] == 1
    drift_of = {a["url"].rsplit("/", 1)[-1]: a["drift"] for a in data["archives"]}
    assert drift_of == {"wait-times": "major", "staff": "minor"}
    for fmt in ("txt", "markdown", "html", "github"):
        text = " ".join(Path(f"out.{fmt}").read_text(encoding="utf-8").split())
        assert text.count("content-drift") >= 1, fmt
        assert "/reports/staff has changed" not in text, fmt  # minor drift: silent
    sarif = json.loads(Path("out.sarif").read_text(encoding="utf-8"))
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "content-drift"]
    assert len(results) == 1
    assert results[0]["level"] == "warning"
    assert results[0]["properties"]["notes"] == ["1", "3"]
    junit = ET.parse("out.junit").getroot()
    told = [e.text or "" for e in junit.iter("system-out")]
    assert sum("content-drift" in t for t in told) == 1
    assert junit.get("failures") == "0"


def test_off_a_terminal_the_archive_stage_tells_its_progress(
    essay: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import citecheck.report.progress as progress

    monkeypatch.setattr(progress, "LINE_EVERY", 0.0)  # a line per URL instead of per 30 s
    assert main(["check", "essay.md", "--no-cache", "-o", "out.txt"]) == 0
    err = capsys.readouterr().err
    assert "citecheck: archive 2/2 URLs looked up" in err
    assert "citecheck: links 2/2 URLs checked" in err
    assert main(["check", "essay.md", "--no-cache", "--no-progress", "-o", "out.txt"]) == 0
    assert "citecheck:" not in capsys.readouterr().err
