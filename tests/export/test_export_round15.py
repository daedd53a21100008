"""Round 15's Bluebook forms reach the exports (notes in, .bib and CSL-JSON out).

Made-up works: a journal named with commas, a book's publisher and edition in
its date parenthesis, an agency report, a case cited in two reporters.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import bibtexparser
from jsonschema import Draft7Validator

from citecheck.citations import parse_citations
from citecheck.export import export
from citecheck.model import Footnote, Location

HERE = Path(__file__).parent
NOTES = (
    "Ann Roe, Silt: A Model, 10 Int'l J. Ports, Rivers & Coastal Sys. 557, 560 (2002).",
    "Bea Doe, Harbour Law 45 (Oxford Univ. Press 2d ed. 2015).",
    "Fed. Commc'ns Comm'n, Broadband Deployment Across Rural Counties 14 (2016).",
    "Roe v. Harbour Bd., 590 U.S. 12, 20, 140 S. Ct. 1500, 1507 (2020).",
    "Roe v. Harbour Bd., 140 S. Ct. 1500, 1509 (2020).",
)


def _citations() -> Any:
    notes = [Footnote(str(i), t, "", Location("essay.md", i)) for i, t in enumerate(NOTES, 1)]
    return parse_citations(notes)


def test_bibtex_carries_the_round15_fields() -> None:
    library = bibtexparser.parse_string(export(_citations(), "bibtex"))
    assert library.failed_blocks == []
    entries = {e["title"]: e for e in library.entries}
    assert len(library.entries) == 4  # the case cited twice is one entry
    article = entries["Silt: A Model"]
    assert article.entry_type == "article"
    assert (article["journaltitle"], article["volume"], article["pages"]) == (
        "Int'l J. Ports, Rivers \\& Coastal Sys.",  # escaped for LaTeX
        "10",
        "557",
    )
    book = entries["Harbour Law"]
    assert (book.entry_type, book["publisher"], book["edition"]) == (
        "book",
        "Oxford Univ. Press",
        "2",
    )
    report = entries["Broadband Deployment Across Rural Counties"]
    assert report.entry_type == "report"
    assert report["author"] == "{Fed. Commc'ns Comm'n}"
    case = entries["Roe v. Harbour Bd"]
    assert (case["journaltitle"], case["volume"], case["pages"]) == ("U.S.", "590", "12")
    assert case["note"] == "140 S. Ct. 1500"


def test_csl_json_carries_the_round15_fields() -> None:
    items = json.loads(export(_citations(), "csl-json"))
    schema = json.loads((HERE / "csl-data.json").read_text(encoding="utf-8"))
    assert list(Draft7Validator(schema).iter_errors(items)) == []
    by_title = {i["title"]: i for i in items}
    assert len(items) == 4
    article = by_title["Silt: A Model"]
    assert (article["container-title"], article["volume"]) == (
        "Int'l J. Ports, Rivers & Coastal Sys.",
        "10",
    )
    assert by_title["Harbour Law"]["publisher"] == "Oxford Univ. Press"
    assert by_title["Broadband Deployment Across Rural Counties"]["type"] == "report"
    case = by_title["Roe v. Harbour Bd"]
    assert "Parallel citation: 140 S. Ct. 1500" in case["note"].splitlines()
