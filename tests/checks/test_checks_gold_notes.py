"""Well-formed notes in five citation styles raise nothing but real URL-date notes.

The citation team's gold files (tests/citations/gold/) hold 177 hand-checked
notes (Chicago, Bluebook, reports and web pages, APA/MLA, the sample) in
correct citation practice. Parsed by the project's citation parser, they
must not make the note-level rules cry wolf: a short form the parser could
not resolve but that plainly names an earlier citation stays silent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.checks import run_checks
from citecheck.citations import parse_citations
from citecheck.config import CheckSettings
from citecheck.model import CheckRun, Footnote, FootnoteSet, Location, Manuscript

GOLD = Path(__file__).parents[1] / "citations" / "gold"
# The only slips in these notes: NYT URLs a day after the cited print date.
EXPECTED = {
    "chicago": [("url-date-off-by-one", "7")],
    "sample": [("url-date-off-by-one", "11")],
}


@pytest.mark.parametrize("style", ["chicago", "bluebook", "reports_web", "apa_mla", "sample"])
def test_gold_notes_raise_only_real_findings(style: str) -> None:
    path = GOLD / f"{style}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not in this checkout")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    notes = tuple(
        Footnote(row["label"], row["text"], "", Location(f"{style}.md", number))
        for number, row in enumerate((r for r in rows if "label" in r), start=1)
    )
    manuscript = Manuscript(f"{style}.md", "markdown", "", (), ())
    run = CheckRun((FootnoteSet(manuscript, notes),), citations=parse_citations(notes))
    found = [(f.rule, f.note) for f in run_checks(run, CheckSettings())]
    assert found == EXPECTED.get(style, [])
