"""The sample manuscript, and the same notes from its Markdown and LaTeX forms.

tests/corpus/sample/make_sample.py converts the sample's ``<sup>`` notes to
Pandoc ``[^n]`` Markdown (using the plain-text reader to know which
paragraphs are notes) and asks Pandoc for LaTeX. Whatever the format, the
23 notes must read the same.
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from citecheck.footnotes import find_footnotes
from citecheck.readers import read_manuscript

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "references" / "us-mexico-border-essays.txt"
CONVERTED = ROOT / "tests" / "corpus" / "sample"


def _normalised(text: str) -> str:
    # Pandoc's LaTeX writer spells both ' and ’ as ', so they cannot differ.
    return " ".join(text.replace("’", "'").split())


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sample", CONVERTED / "make_sample.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_yields_its_23_notes_in_order_each_with_its_marker() -> None:
    footnotes = find_footnotes(read_manuscript(SAMPLE))
    assert [f.label for f in footnotes.footnotes] == [str(n) for n in range(1, 24)]
    assert all(f.marker is not None and f.claim for f in footnotes.footnotes)
    assert all(f.marker.line < f.location.line for f in footnotes.footnotes if f.marker)
    assert footnotes.findings == ()


def test_sample_notes_split_by_page_breaks_are_whole() -> None:
    manuscript = read_manuscript(SAMPLE)
    notes = {n.label: n for n in manuscript.notes}
    eleven = notes["11"].text
    assert "New York Times (May 5, 2010), http://www.nytimes.com/2010/05/06/nyregion/" in eleven
    assert eleven.endswith(
        "Reuters (November 5, 2010), http://ca.reuters.com/article/topNews/idCATRE6A44PU20101105"
    )
    seventeen = notes["17"].text
    assert "Competitiveness,” William J. Perry Center for Hemispheric Defense Studies" in seventeen
    assert seventeen.endswith("2013 Edition, No. 3 (October)")
    # The tails are in the notes once, and not in the body.
    assert "2010)," not in manuscript.body
    assert "William J. Perry" not in manuscript.body
    assert sum(n.text.count("idCATRE6A44PU20101105") for n in manuscript.notes) == 1


def test_sample_ordinals_pull_quotes_and_escapes() -> None:
    manuscript = read_manuscript(SAMPLE)
    assert "DEA Observes 25th Anniversary" in manuscript.notes[7].text
    assert "<sup>" not in manuscript.body
    assert "\\$" not in manuscript.body
    assert "$1.3 billion in cross-border trade daily" in manuscript.body
    # A pull quote repeats body text; it is layout, not a second claim.
    assert manuscript.body.count("catastrophically self-defeating blow") == 1


def test_sample_claims_cross_page_breaks() -> None:
    claims = {f.label: f.claim for f in find_footnotes(read_manuscript(SAMPLE)).footnotes}
    assert claims["9"].startswith("From the Zimmerman Telegram (1917) through Kiki Camarena")
    assert claims["9"].endswith(
        "the official reality, in sum, was some cooperation but much "
        "passive/aggressiveness on both sides with the back story one "
        "of significant hostility."
    )
    assert "assessing, analyzing, and comparing risk" in claims["21"]
    assert claims["12"].endswith("toward and across them, rendering the border multi-dimensional.")
    assert claims["1"] == "Alan D. Bersin and Michael D. Huston"


def test_markdown_fixture_is_what_the_converter_makes() -> None:
    made = _converter().to_markdown()
    assert (CONVERTED / "us-mexico-border-essays.md").read_text(encoding="utf-8") == made


@pytest.mark.parametrize("suffix", [".md", ".tex"])
def test_converted_forms_yield_the_same_notes(suffix: str) -> None:
    plain = read_manuscript(SAMPLE)
    other = read_manuscript(CONVERTED / f"us-mexico-border-essays{suffix}")
    assert [n.label for n in other.notes] == [n.label for n in plain.notes]
    assert [_normalised(n.text) for n in other.notes] == [_normalised(n.text) for n in plain.notes]
    assert [m.label for m in other.markers] == [m.label for m in plain.markers]
    pairs = find_footnotes(other)
    assert pairs.findings == ()


def test_markdown_form_gives_the_same_claims() -> None:
    plain = find_footnotes(read_manuscript(SAMPLE)).footnotes
    other = find_footnotes(read_manuscript(CONVERTED / "us-mexico-border-essays.md")).footnotes
    assert [f.claim for f in other] == [f.claim for f in plain]


@pytest.mark.pandoc
def test_pandoc_rebuilds_the_latex_fixture(tmp_path: Path) -> None:
    converter = _converter()
    try:
        latex = converter.to_latex(converter.to_markdown())
    except subprocess.CalledProcessError as exc:  # pragma: no cover - shows pandoc's complaint
        pytest.fail(f"pandoc failed: {exc.stderr}")
    rebuilt = tmp_path / "rebuilt.tex"
    rebuilt.write_text(latex, encoding="utf-8")
    fresh = read_manuscript(rebuilt)
    committed = read_manuscript(CONVERTED / "us-mexico-border-essays.tex")
    assert [(n.label, n.text) for n in fresh.notes] == [(n.label, n.text) for n in committed.notes]
    assert len(fresh.notes) == 23
