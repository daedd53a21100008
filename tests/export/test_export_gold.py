"""Export every hand-labelled gold citation: a broad, realistic round trip.

The 188 citations of ``tests/citations/gold`` (cases, statutes, corporate
authors, accents, URLs with ``_ % # & ?``, short forms) are built into
``Citation`` records here, exported, and read back by bibtexparser, pybtex
(strict) and the CSL schema validator.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import bibtexparser
import pybtex.database
import pybtex.errors
import pytest
from jsonschema import Draft7Validator

from citecheck.export import export
from citecheck.model import Citation, CitationType, Location, PartialDate, Person, ShortForm

GOLD = Path(__file__).parents[1] / "citations" / "gold"
SCHEMA = json.loads((Path(__file__).parent / "csl-data.json").read_text(encoding="utf-8"))


def _date(text: str | None) -> PartialDate | None:
    return None if not text else PartialDate(*(int(p) for p in text.split("-")))


def _manuscript(path: Path) -> tuple[Citation, ...]:
    """One gold file as the parser should return it, works linked."""
    out: list[Citation] = []
    where: dict[tuple[str, int], int] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        note = json.loads(line)
        for n, cite in enumerate(note["citations"]):
            antecedent = cite.get("antecedent")
            target = None if antecedent is None else where[(antecedent["note"], antecedent["n"])]
            index = len(out)
            where[(note["label"], n)] = index
            out.append(
                Citation(
                    note=note["label"],
                    index=index,
                    raw=note["text"],
                    location=Location(path.name, index + 1),
                    type=CitationType(cite["type"]),
                    authors=tuple(
                        Person(a["family"], a.get("given"), bool(a.get("corporate")))
                        for a in cite.get("authors", ())
                    ),
                    title=cite.get("title"),
                    container=cite.get("container"),
                    volume=cite.get("volume"),
                    issue=cite.get("issue"),
                    pages=cite.get("pages"),
                    pinpoint=cite.get("pinpoint"),
                    date=_date(cite.get("date")),
                    accessed=_date(cite.get("accessed")),
                    publisher=cite.get("publisher"),
                    series=cite.get("series"),
                    number=cite.get("number"),
                    urls=(cite["url"],) if cite.get("url") else (),
                    doi=cite.get("doi"),
                    signal=cite.get("signal"),
                    short_form=ShortForm(cite["short_form"]) if cite.get("short_form") else None,
                    antecedent=target,
                    work=out[target].work if target is not None else f"{path.stem}-{index}",
                )
            )
    return tuple(out)


def _works(citations: tuple[Citation, ...]) -> int:
    exportable = {
        c.work
        for c in citations
        if c.short_form is None and (c.title or c.authors or c.container or c.urls)
    }
    return len(exportable)


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.jsonl")), ids=lambda p: p.stem)
def test_gold_round_trips(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    citations = _manuscript(path)
    bib = export(citations, "bibtex")
    library = bibtexparser.parse_string(bib)
    assert library.failed_blocks == []
    assert len(library.entries) == _works(citations)
    pybtex.errors.set_strict_mode(True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = pybtex.database.parse_string(bib, "bibtex")
    assert capsys.readouterr() == ("", "")
    assert len(data.entries) == len(library.entries)
    # Every URL comes back exactly as cited.
    urls = {c.url for c in citations if c.url and c.short_form is None}
    assert {e["url"] for e in library.entries if "url" in e.fields_dict} <= urls
    items: list[dict[str, Any]] = json.loads(export(citations, "csl-json"))
    assert [e.message for e in Draft7Validator(SCHEMA).iter_errors(items)] == []
    assert [i["id"] for i in items] == [e.key for e in library.entries]
