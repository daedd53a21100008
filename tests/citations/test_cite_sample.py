"""The first sample manuscript, read by the real reader, parsed end to end.

Only fields a careful editor is sure of are asserted; notes 1, 4, 5, 9, 19,
20 and 23 are prose and must give nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cite_factories import assert_fields

from citecheck.citations import parse_citations
from citecheck.footnotes import find_footnotes
from citecheck.model import Citation
from citecheck.readers import read_manuscript
from citecheck.serialize import citation_json

SAMPLE = Path(__file__).parents[2] / "references" / "us-mexico-border-essays.txt"


@pytest.fixture(scope="module")
def cites() -> tuple[Citation, ...]:
    footnotes = find_footnotes(read_manuscript(SAMPLE)).footnotes
    assert len(footnotes) == 23
    return parse_citations(footnotes)


def _in_note(cites: tuple[Citation, ...], label: str) -> list[Citation]:
    return [c for c in cites if c.note == label]


@pytest.mark.parametrize("label", ["1", "4", "5", "9", "19", "20", "23"])
def test_prose_notes_cite_nothing(cites: tuple[Citation, ...], label: str) -> None:
    assert _in_note(cites, label) == []


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        pytest.param(
            "2",
            [
                {
                    "type": "newspaper",
                    "signal": "see",
                    "authors": ["Ellingwood"],
                    "given": ["Ken"],
                    "container": "Los Angeles Times",
                    "date": "2001-09-14",
                },
                {
                    "type": "newspaper",
                    "authors": ["Ellingwood"],
                    "container": "Los Angeles Times",
                    "date": "2001-11-26",
                },
            ],
            id="note-2-two-newspaper-articles",
        ),
        pytest.param(
            "6",
            [
                {
                    "signal": "see",
                    "authors": ["Bersin"],
                    "title": "El Tercer Pais: Reinventing the U.S.-Mexico Border",
                    "volume": "48",
                    "container": "Stanford Law Review",
                    "pages": "1413",
                    "date": "1995",
                }
            ],
            id="note-6-law-review",
        ),
        pytest.param(
            "7",
            [
                {"type": "book", "authors": ["Boghardt"], "given": ["Thomas"], "date": "2012"},
                {
                    "signal": "see also",
                    "authors": ["Chalkley"],
                    "container": "Southwestern Studies",
                    "date": "1998",
                },
            ],
            id="note-7-book-and-journal",
        ),
        pytest.param(
            "8",
            [
                {
                    "signal": "see also",
                    "authors": ["U.S. Drug Enforcement Administration"],
                    "corporate": [True],
                    "urls": ["http://www.dea.gov/divisions/hq/2010/pr030410p.html"],
                }
            ],
            id="note-8-prose-then-webpage",
        ),
        pytest.param(
            "10",
            [
                {"type": "book", "authors": ["Kissinger"], "date": "2014"},
                {
                    "signal": "see also",
                    "authors": ["Gross"],
                    "title": "The Peace of Westphalia",
                    "container": "The American Journal of International Law",
                    "volume": "42",
                    "date": "1948",
                },
            ],
            id="note-10",
        ),
        pytest.param(
            "11",
            [
                {
                    "authors": ["Mazzetti", "Shane"],
                    "container": "New York Times",
                    "date": "2010-05-05",
                    "urls": ["http://www.nytimes.com/2010/05/06/nyregion/06bomb.html"],
                },
                {
                    "authors": ["Solomon", "Steward"],
                    "container": "Reuters",
                    "date": "2010-11-05",
                    "urls": ["http://ca.reuters.com/article/topNews/idCATRE6A44PU20101105"],
                },
            ],
            id="note-11-split-over-a-page",
        ),
        pytest.param(
            "12",
            [
                {
                    "signal": "see",
                    "authors": ["Bersin"],
                    "title": "Lines and Flows: The Beginning and End of Borders",
                    "container": "Brooklyn Journal of International Law",
                    "volume": "37",
                    "issue": "2",
                    "date": "2012",
                }
            ],
            id="note-12-lead-in-prose",
        ),
        pytest.param(
            "13",
            [
                {
                    "authors": ["U.S. Census Bureau"],
                    "urls": ["https://www.census.gov/foreign-trade/balance/c2010.html"],
                }
            ],
            id="note-13",
        ),
        pytest.param(
            "14",
            [{"type": "presentation", "authors": ["Rosenberg"], "date": "2014"}],
            id="note-14-presentation",
        ),
        pytest.param(
            "15",
            [
                {
                    "type": "report",
                    "authors": ["Goldman Sachs"],
                    "series": "Global Economics Paper",
                    "number": "153",
                    "date": "2007-03",
                }
            ],
            id="note-15-report",
        ),
        pytest.param(
            "16",
            [
                {"authors": ["Booth", "Miroff"], "date": "2012-12-21"},
                {
                    "type": "book",
                    "authors": ["De La Calle", "Rubio"],
                    "place": "Washington, DC",
                    "publisher": "Woodrow Wilson Center Mexico Institute",
                    "date": "2012",
                },
                {"type": "article", "container": "Foreign Affairs", "date": "2013-03"},
                {"type": "book", "publisher": "Oxford University Press", "date": "2013"},
            ],
            id="note-16-four-works",
        ),
        pytest.param(
            "18",
            [
                {
                    "authors": ["Manning"],
                    "given": ["Bayless"],
                    "title": "The Congress, The Executive and Intermestic Affairs: Three Proposals",
                    "container": "Foreign Affairs",
                    "volume": "55",
                    "pages": "306",
                    "pinpoint": "309",
                    "date": "1977",
                }
            ],
            id="note-18-bluebook",
        ),
        pytest.param(
            "21",
            [
                {
                    "signal": "see",
                    "pinpoint": "15",
                    "urls": [
                        "http://www.dhs.gov/sites/default/files/publications/2014-qhsr-final-508.pdf"
                    ],
                }
            ],
            id="note-21-page-of-report",
        ),
        pytest.param(
            "22",
            [{"authors": ["O’Neil"], "et_al": True, "date": "2014"}],
            id="note-22-et-al",
        ),
    ],
)
def test_sample_notes(
    cites: tuple[Citation, ...], label: str, expected: list[dict[str, Any]]
) -> None:
    found = _in_note(cites, label)
    assert len(found) == len(expected), [c.raw for c in found]
    for cite, fields in zip(found, expected, strict=True):
        assert_fields(cite, fields)


def test_sample_indexes_work_ids_and_json(cites: tuple[Citation, ...]) -> None:
    assert [c.index for c in cites] == list(range(len(cites)))
    # Work ids are numbered in order of first appearance.
    seen: list[str] = []
    for c in cites:
        if c.work not in seen:
            seen.append(c.work)
    assert seen == [f"w{i}" for i in range(1, len(seen) + 1)]
    # Note 3 names the 2014 QHSR that note 21 cites with its URL.
    (qhsr_3,) = _in_note(cites, "3")
    (qhsr_21,) = _in_note(cites, "21")
    assert qhsr_3.work == qhsr_21.work
    for c in cites:
        data = citation_json(c)
        assert data["note"] == c.note
        assert data["work"] == c.work
