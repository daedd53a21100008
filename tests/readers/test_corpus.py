"""Every named corpus manuscript reads to its expected notes, claims and findings.

One runner for all five formats. Each ``tests/corpus/<format>/<case>.<ext>``
has ``<case>.expected.json``:
``format`` (what detection chose), ``notes`` (exactly the list of
``citecheck notes --format json``, paths relative to tests/corpus) and
``findings`` (rule, severity, note label and line of each footnote finding).
After a deliberate change, rewrite them with CITECHECK_REGEN_CORPUS=1 and
review the diff by hand. The HTML and DOCX fixtures are built from sources in
their ``src/`` folders, which are not cases themselves.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from citecheck.footnotes import find_footnotes
from citecheck.readers import read_manuscript
from citecheck.serialize import note_json

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FORMATS = ("plaintext", "markdown", "latex", "html", "docx")
CASES = sorted(
    path
    for folder in FORMATS
    for path in (CORPUS / folder).iterdir()
    if path.is_file() and not path.name.endswith(".json")
)


def _expected_path(case: Path) -> Path:
    return case.with_name(case.name.rsplit(".", 1)[0] + ".expected.json")


def _reading(case: Path) -> dict[str, Any]:
    footnotes = find_footnotes(read_manuscript(case.relative_to(CORPUS).as_posix()))
    return {
        "format": footnotes.manuscript.format,
        "notes": [note_json(f) for f in footnotes.footnotes],
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity.value,
                "note": f.note,
                "line": f.location.line,
            }
            for f in footnotes.findings
        ],
    }


def test_every_format_has_cases() -> None:
    for folder in FORMATS:
        assert sum(c.parent.name == folder for c in CASES) >= 5, folder


def test_every_case_has_expectations() -> None:
    missing = [c.name for c in CASES if not _expected_path(c).exists()]
    assert not missing


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    actual = _reading(case)
    expected_path = _expected_path(case)
    if os.environ.get("CITECHECK_REGEN_CORPUS") == "1":
        text = json.dumps(actual, indent=2, ensure_ascii=False) + "\n"
        expected_path.write_text(text, encoding="utf-8")
    assert expected_path.exists(), f"no {expected_path.name}; run with CITECHECK_REGEN_CORPUS=1"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected
