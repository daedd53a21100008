"""``citecheck sources`` and the stage inside ``citecheck check``: options, outputs, secrets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sources_standins import TOKEN, CourtListenerStandIn, CrossrefStandIn, OpenAlexStandIn

from citecheck.cli import main

ESSAY = (
    "Privacy.[^1] Invented.[^2] Case.[^3]\n\n"
    "[^1]: Samuel D. Warren & Louis D. Brandeis, The Right to Privacy, 4 Harv. L. Rev. 193 "
    "(1890).\n"
    "[^2]: Smith, J. (2017). A study that nobody wrote. Urban Climate, 20, 1–9.\n"
    "[^3]: Brown v. Board of Education, 349 U.S. 999 (1955).\n"
)


@pytest.fixture
def essay(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    crossref: CrossrefStandIn,
    openalex: OpenAlexStandIn,
    courtlistener: CourtListenerStandIn,
) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("CITECHECK_CROSSREF_API", crossref.base)
    monkeypatch.setenv("CITECHECK_OPENALEX_API", openalex.base)
    monkeypatch.setenv("CITECHECK_COURTLISTENER_API", courtlistener.base)
    monkeypatch.setenv("CITECHECK_COURTLISTENER_TOKEN", TOKEN)
    monkeypatch.setenv("CITECHECK_MAILTO", "editor@example.org")
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "essay.md"
    path.write_text(ESSAY, encoding="utf-8")
    return path


def test_sources_json(essay: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["sources", str(essay), "--format", "json"])
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert [r["status"] for r in data["sources"]] == ["matched", "not-found", "not-found"]
    assert sorted(f["rule"] for f in data["findings"]) == ["case-not-found", "work-not-found"]
    assert data["citations"][0]["doi"] == "10.2307/1321160"
    assert data["sources"][0]["doi_source"] == "crossref"
    assert code == 0  # warnings only; --fail-on error
    assert TOKEN not in out + err


def test_sources_text_and_fail_on(essay: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["sources", str(essay), "--fail-on", "warning"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "[work-not-found]" in out
    assert "could not be found in Crossref or OpenAlex" in out
    assert "DOI added from crossref: 10.2307/1321160" in out
    assert TOKEN not in out + err


def test_sources_can_export_the_enriched_bibliography(essay: Path, tmp_path: Path) -> None:
    bib = tmp_path / "out.bib"
    csl = tmp_path / "out.json"
    main(["sources", str(essay), "--export", f"bibtex={bib}", "--export", f"csl-json={csl}"])
    assert "10.2307/1321160" in bib.read_text("utf-8")
    assert json.loads(csl.read_text("utf-8"))[0]["DOI"] == "10.2307/1321160"


def test_check_runs_the_stage_by_default(
    essay: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bib = tmp_path / "essay.bib"
    main(["check", str(essay), "--format", "json", "--no-archive", "--bib", str(bib)])
    out, err = capsys.readouterr()
    report = json.loads(out)
    rules = sorted(f["rule"] for f in report["findings"])
    assert "work-not-found" in rules
    assert "case-not-found" in rules
    assert report["sources"]["skipped_reason"] is None
    assert "10.2307/1321160" in bib.read_text("utf-8")
    assert TOKEN not in out + err


def test_no_sources_turns_the_stage_off(
    essay: Path, capsys: pytest.CaptureFixture[str], crossref: CrossrefStandIn
) -> None:
    main(["check", str(essay), "--format", "json", "--no-archive", "--no-sources"])
    report = json.loads(capsys.readouterr().out)
    assert report["sources"]["results"] == []
    assert "--no-sources" in report["sources"]["skipped_reason"]
    assert crossref.requests == []


def test_offline_skips_the_stage(
    essay: Path, capsys: pytest.CaptureFixture[str], crossref: CrossrefStandIn
) -> None:
    main(["check", str(essay), "--format", "json", "--offline"])
    report = json.loads(capsys.readouterr().out)
    assert report["sources"]["skipped_reason"].startswith("offline")
    assert crossref.requests == []
    code = main(["sources", str(essay), "--offline"])
    assert code == 3
    assert crossref.requests == []


def test_a_note_without_a_citation_is_said_not_dropped(
    essay: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    essay.write_text(
        ESSAY.replace("Case.[^3]", "Case.[^3] Thanks.[^4]")
        + "[^4]: I thank the anonymous reviewers for their patience.\n",
        encoding="utf-8",
    )
    main(["sources", str(essay)])
    lines = capsys.readouterr().out.splitlines()
    (said,) = [i for i, line in enumerate(lines) if "note 4" in line]
    assert "skipped" in lines[said]
    assert "no citation found in this note" in lines[said + 1]
    assert "note 3" in "\n".join(lines[:said])  # in note order, after note 3's result
    main(["sources", str(essay), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["no_citation"] == [{"path": str(essay), "line": 6, "note": "4"}]


AGENCIES = (
    "Rules.[^1] Guidance.[^2] Advice.[^3]\n\n"
    "[^1]: Fed. Commc'ns Comm'n, Broadband Deployment Across Rural Counties 14 (2016), "
    "https://fcc.example.gov/broadband.pdf.\n"
    "[^2]: Exec. Off. of the President, Harbour Safety: Lessons, Tasks, Next Steps 33 (2011).\n"
    "[^3]: Cong. Rsch. Serv., Drones and the Fourth Amendment 7 (2019).\n"
)


def test_agency_reports_without_a_doi_are_never_work_not_found(
    essay: Path, capsys: pytest.CaptureFixture[str], crossref: CrossrefStandIn
) -> None:
    # Bluebook bodies ("Fed. Commc'ns Comm'n") are one corporate author and "Title 14
    # (2016)" a report with a pinpoint; before round 15 each was an "article" by "Fed"
    # in a "journal" named by the title, and a false work-not-found warning.
    essay.write_text(AGENCIES, encoding="utf-8")
    main(["check", str(essay), "--format", "json", "--offline"])
    offline = json.loads(capsys.readouterr().out)
    assert [c["type"] for c in offline["citations"]] == ["report"] * 3
    assert [[a["family"] for a in c["authors"]] for c in offline["citations"]] == [
        ["Fed. Commc'ns Comm'n"],
        ["Exec. Off. of the President"],
        ["Cong. Rsch. Serv."],
    ]
    main(["check", str(essay), "--format", "json"])
    online = json.loads(capsys.readouterr().out)
    # Looked up, not found, and no warning: a report without a DOI may well be unindexed.
    assert [r["status"] for r in online["sources"]["results"]] == ["not-found"] * 3
    assert "work-not-found" not in [f["rule"] for f in online["findings"]]
    assert [f["rule"] for f in online["findings"]] == [f["rule"] for f in offline["findings"]]
