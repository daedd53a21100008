"""Every report writer shows a PDF finding's page and line (``essay.pdf:p3:12``).

The run is the whole pipeline, offline, on the sample essay typeset by
LibreOffice: its body-text and note findings carry pages. SARIF keeps a
valid region (``startLine`` is the line on the page) and the page goes in
the location's message and the result's properties.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from citecheck.config import Settings
from citecheck.model import CheckRun, Location
from citecheck.pipeline import run_check
from citecheck.report import write_report

PDF = Path(__file__).resolve().parents[1] / "corpus" / "pdf" / "sample-libreoffice.pdf"
SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")


@pytest.fixture(scope="module")
def pdf_run() -> CheckRun:
    settings = Settings()
    run = run_check([PDF], settings, links=False, archive=False)
    assert any(f.location.page for f in run.findings)
    return run


def _report(run: CheckRun, fmt: str) -> str:
    out = io.StringIO()
    write_report(run, fmt, out)
    return out.getvalue()


def _paged(run: CheckRun) -> list[Location]:
    return [f.location for f in run.findings if f.location.page is not None]


def test_location_text_names_the_page() -> None:
    assert str(Location("a.pdf", 12, page=3)) == "a.pdf:p3:12"
    assert str(Location("a.pdf", 12, 4, page=3)) == "a.pdf:p3:12:4"
    assert str(Location("a.md", 12)) == "a.md:12"
    assert Location("a.pdf", 12, page=3).line_text == "page 3, line 12"
    assert Location("a.pdf", 40, page=2).order < Location("a.pdf", 1, page=3).order


def test_html_shows_page_and_line(pdf_run: CheckRun) -> None:
    text = _report(pdf_run, "html")
    for location in _paged(pdf_run):
        assert f":p{location.page}:{location.line}" in text


def test_junit_cases_name_page_and_line(pdf_run: CheckRun) -> None:
    # JUnit fails cases for errors only; every citation case names its place.
    text = _report(pdf_run, "junit")
    assert pdf_run.citations
    for citation in pdf_run.citations:
        assert citation.location.page is not None
        assert f"{citation.location} note {citation.note} [" in text


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_body_findings_say_page_and_line(pdf_run: CheckRun, fmt: str) -> None:
    text = _report(pdf_run, fmt)
    body = [f.location for f in pdf_run.findings if f.note is None and f.location.page]
    assert body
    for location in body:
        assert f"page {location.page}, line {location.line}" in text
    if fmt == "text":
        notes = [f.location for f in pdf_run.footnote_sets[0].footnotes]
        assert all(str(location) in text or location.page for location in notes)


def test_json_locations_have_the_page(pdf_run: CheckRun) -> None:
    data = json.loads(_report(pdf_run, "json"))
    pages = [f["location"].get("page") for f in data["findings"]]
    assert [p for p in pages if p] == [loc.page for loc in _paged(pdf_run)]
    assert all(n["location"]["page"] >= 1 for n in data["notes"])
    schema = json.loads(
        (
            Path(__file__).parents[2] / "citecheck" / "report" / "schema" / "report.schema.json"
        ).read_text(encoding="utf-8")
    )
    from jsonschema import Draft202012Validator

    assert list(Draft202012Validator(schema).iter_errors(data)) == []


def test_sarif_keeps_a_valid_region_and_tells_the_page(pdf_run: CheckRun) -> None:
    data: dict[str, Any] = json.loads(_report(pdf_run, "sarif"))
    validator = Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [e.message for e in validator.iter_errors(data)] == []
    paged = [r for r in data["runs"][0]["results"] if "page" in r["properties"]]
    assert len(paged) == len(_paged(pdf_run))
    for result in paged:
        place = result["locations"][0]
        page = result["properties"]["page"]
        line = place["physicalLocation"]["region"]["startLine"]
        assert place["properties"]["page"] == page
        assert place["message"]["text"] == f"page {page}, line {line}"


def test_github_annotations_name_the_page(pdf_run: CheckRun) -> None:
    text = _report(pdf_run, "github")
    for location in _paged(pdf_run):
        assert re.search(rf",line={location.line},title=[^:]*page {location.page}\)::", text)
