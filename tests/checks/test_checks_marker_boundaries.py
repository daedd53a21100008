"""A note marker after a full stop never glues two sentences together for the checks.

"... a rise of 11 percentage points.[4] The number of routes ... tripled, from
40 to 120." paired the percentage with the next sentence's figures
(``percent-change-mismatch``) when the marker stayed in the text (qa6 #7):
``[4]`` without a notes list, ``^4`` (a ``<sup>4</sup>`` that is no marker in
Markdown or HTML), ``[^4]`` and ``<sup>4</sup>`` left as text. Markers the
readers lift (``<sup>``, ``[^n]``, ``[n]`` with a Notes list, ``\\footnote``)
leave the full stop and the blank after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.checks import run_checks
from citecheck.config import CheckSettings
from citecheck.footnotes import find_footnotes
from citecheck.model import CheckRun, FootnoteSet, Manuscript
from citecheck.readers import read_manuscript

FIRST = (
    "Bus use among older riders rose from 30 percent to 41 percent between 2012 and 2018,"
    " a rise of 11 percentage points."
)
SECOND = "The number of routes served by the city tripled, from 40 to 120."
NUMERIC = {"percent-change-mismatch"}


def _rules(footnotes: FootnoteSet) -> set[str]:
    run = CheckRun(footnote_sets=(footnotes,))
    return {finding.rule for finding in run_checks(run, CheckSettings())} & NUMERIC


@pytest.mark.parametrize("marker", ["[4]", "[^4]", "<sup>4</sup>", "^4", "[4][5]", "”[4]"])
def test_a_marker_left_in_the_text_keeps_the_sentences_apart(marker: str) -> None:
    first = FIRST if not marker.startswith("”") else FIRST.replace("a rise", "“a rise")
    body = f"{first}{marker} {SECOND}"
    manuscript = Manuscript("m.md", "markdown", body, (), ())
    assert _rules(FootnoteSet(manuscript, ())) == set()


def test_the_checks_still_pair_figures_inside_one_sentence() -> None:
    body = f"{FIRST[:-1]}, as {SECOND[0].lower()}{SECOND[1:]}"
    manuscript = Manuscript("m.md", "markdown", body, (), ())
    assert _rules(FootnoteSet(manuscript, ())) == {"percent-change-mismatch"}


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("plain.txt", f"{FIRST}[4] {SECOND}\n\nSources: the city's files.\n"),
        ("notes.md", f"{FIRST}<sup>4</sup> {SECOND}[^1]\n\n[^1]: City, *Bus Survey* (2019).\n"),
        ("brackets.md", f"{FIRST}[4] {SECOND}[^1]\n\n[^1]: City, *Bus Survey* (2019).\n"),
        ("typed.txt", f"{FIRST}[1] {SECOND}[2]\n\nNotes\n\n1. City (2019).\n2. Ibid.\n"),
        ("sup.txt", f"{FIRST}<sup>1</sup> {SECOND}\n\n---\n\n<sup>1</sup> City (2019).\n"),
        ("paper.tex", f"{FIRST}\\footnote{{City (2019).}} {SECOND}\n"),
        ("raised.tex", f"{FIRST}\\textsuperscript{{4}} {SECOND}\\footnote{{City (2019).}}\n"),
    ],
)
def test_every_reader_keeps_the_sentences_apart(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert _rules(find_footnotes(read_manuscript(path))) == set()
