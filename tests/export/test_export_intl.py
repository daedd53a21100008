"""OSCOLA, AGLC and German citations, parsed then exported, read back clean.

Notes in those conventions go through ``parse_citations`` (the real parser,
rules and CRF), then out as biblatex and CSL-JSON, and back in through
bibtexparser, pybtex (strict), the CSL 1.0.2 schema and citeproc-py.
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
from citeproc import Citation as CslCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from jsonschema import Draft7Validator

from citecheck.citations import parse_citations
from citecheck.export import export
from citecheck.model import Citation, Footnote, Location

SCHEMA = json.loads((Path(__file__).parent / "csl-data.json").read_text(encoding="utf-8"))

NOTES = (
    "S Walby, ‘Is Citizenship Gendered?’ (1994) 28 Sociology 379, 381.",
    "See J Jowell, ‘Beyond the Rule of Law’ [1988] PL 10.",
    "R (Miller) v Secretary of State for Exiting the European Union [2017] UKSC 5 [43].",
    "Mabo v Queensland (No 2) (1992) 175 CLR 1, 42.",
    "R Cotterrell, The Sociology of Law (2nd edn, Butterworths 1992) 120.",
    "Vgl. Müller, NJW 2005, 1234 (1236).",
    "BVerfGE 65, 1 (43) – Volkszählung.",
    "Schmidt, in: Maunz/Dürig, GG, Art. 20 Rn. 12.",
    "Walby (n 1) 385.",
)


def _parsed() -> tuple[Citation, ...]:
    notes = [
        Footnote(label=str(i), text=t, claim="", location=Location("essay.md", i))
        for i, t in enumerate(NOTES, start=1)
    ]
    return parse_citations(notes)


def _csl() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(export(_parsed(), "csl-json"))
    return items


def _by_title(items: list[dict[str, Any]], title: str) -> dict[str, Any]:
    (item,) = [i for i in items if i.get("title") == title]
    return item


def test_bibtexparser_reads_every_entry() -> None:
    library = bibtexparser.parse_string(export(_parsed(), "bibtex"))
    assert library.failed_blocks == []
    # One entry per work: the "(n 1)" short form adds none.
    assert len(library.entries) == len(NOTES) - 1
    walby = next(e for e in library.entries if e["title"] == "Is Citizenship Gendered?")
    assert walby["journaltitle"] == "Sociology"
    assert walby["volume"] == "28"
    assert walby["pages"].startswith("379")
    assert any("Müller" in e.fields_dict["author"].value for e in library.entries if "author" in e)


def test_pybtex_reads_the_bib_without_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    pybtex.errors.set_strict_mode(True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = pybtex.database.parse_string(export(_parsed(), "bibtex"), "bibtex")
    assert capsys.readouterr() == ("", "")
    kinds = sorted(e.type for e in data.entries.values())
    assert kinds.count("jurisdiction") == 3  # the English, Australian and German cases
    assert "book" in kinds
    assert "article" in kinds


def test_csl_json_validates_and_keeps_the_fields() -> None:
    items = _csl()
    validator = Draft7Validator(SCHEMA)
    assert [e.message for e in validator.iter_errors(items)] == []
    walby = _by_title(items, "Is Citizenship Gendered?")
    assert walby["type"] == "article-journal"
    assert walby["container-title"] == "Sociology"
    assert walby["issued"] == {"date-parts": [[1994]]}
    miller = _by_title(items, "R (Miller) v Secretary of State for Exiting the European Union")
    assert miller["type"] == "legal_case"
    assert miller["container-title"] == "UKSC"
    mabo = _by_title(items, "Mabo v Queensland (No 2)")
    assert (mabo["volume"], mabo["container-title"]) == ("175", "CLR")
    lueth = _by_title(items, "Volkszählung")
    assert (lueth["container-title"], lueth["volume"]) == ("BVerfGE", "65")
    commentary = next(i for i in items if i.get("container-title") == "Maunz/Dürig, GG")
    assert commentary["type"] == "chapter"
    assert commentary["author"] == [{"family": "Schmidt"}]


@pytest.mark.filterwarnings("ignore:The following arguments for Reference are unsupported")
def test_citeproc_renders_them() -> None:
    items = _csl()
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(CslCitation([CitationItem(item["id"])]))
    text = "\n".join(str(entry) for entry in bibliography.bibliography())
    for expected in ("Walby, S.", "Is Citizenship Gendered?", "Sociology", "Müller", "Cotterrell"):
        assert expected in text
