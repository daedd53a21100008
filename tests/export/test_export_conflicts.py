"""A work cited in full twice with details that disagree: the export keeps the right one.

A later citation that adds a pinpoint is the "fullest" one, so before this
its details (a wrong year, a wrong volume) went to the .bib. Now the matched
record settles it, or else the first full citation; the entry says which.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import bibtexparser
import pytest

from citecheck.export import export
from citecheck.model import (
    Citation,
    CitationType,
    Location,
    PartialDate,
    Person,
    SourceResult,
    SourceStatus,
    WorkRecord,
)

_WORK: dict[str, Any] = {
    "type": CitationType.ARTICLE,
    "authors": (Person("Okonkwo", "Chidi"), Person("Larsen", "Mette")),
    "title": "Tidal Power and Coastal Grids",
    "container": "Energy Policy Review",
    "volume": "14",
    "issue": "2",
    "pages": "201–19",
    "date": PartialDate(2017),
}


def _cite(index: int, **fields: Any) -> Citation:
    return Citation(
        note=str(index + 1),
        index=index,
        raw="",
        location=Location("essay.md", index + 1),
        work="w1",
        **{**_WORK, **fields},
    )


def _bib(citations: list[Citation], sources: Sequence[SourceResult] = ()) -> dict[str, str]:
    library = bibtexparser.parse_string(export(citations, "bibtex", sources=sources))
    (entry,) = library.entries
    return {f.key: f.value for f in entry.fields}


def _csl(citations: list[Citation], sources: Sequence[SourceResult] = ()) -> dict[str, Any]:
    import json

    (item,) = json.loads(export(citations, "csl-json", sources=sources))
    return dict(item)


@pytest.mark.parametrize(
    ("later", "field", "kept"),
    [
        ({"date": PartialDate(2015), "pinpoint": "210"}, "date", "2017"),
        ({"volume": "41", "pinpoint": "205", "doi": "10.5555/tidal"}, "volume", "14"),
        ({"issue": "3", "pinpoint": "212"}, "number", "2"),
    ],
)
def test_with_no_record_the_first_full_citation_wins_and_says_so(
    later: dict[str, Any], field: str, kept: str
) -> None:
    citations = [_cite(0), _cite(1, **later)]
    entry = _bib(citations)
    assert entry[field] == kept
    assert "the first full citation" in entry["annotation"]
    assert "note 2" in entry["annotation"]
    assert "the first full citation" in _csl(citations)["note"]


def test_a_matched_record_settles_which_citation_is_right() -> None:
    # Note 1 has the wrong year; note 2 agrees with the record.
    citations = [_cite(0, date=PartialDate(2016)), _cite(1, pinpoint="210")]
    record = WorkRecord(
        service="crossref",
        id="10.5555/tidal.2017",
        doi="10.5555/tidal.2017",
        title="Tidal Power and Coastal Grids",
        authors=("Okonkwo", "Larsen"),
        years=(2017,),
    )
    sources = [SourceResult(0, "1", SourceStatus.MATCHED, "", record=record)]
    entry = _bib(citations, sources)
    assert entry["date"] == "2017"
    assert "Crossref record" in entry["annotation"]
    assert "doi:10.5555/tidal.2017" in entry["annotation"]


def test_citations_that_agree_carry_no_remark() -> None:
    entry = _bib([_cite(0), _cite(1, pinpoint="210")])
    assert entry["date"] == "2017"
    assert "annotation" not in entry
