"""Pandoc's HTML and DOCX of a manuscript read like the manuscript itself.

The committed fixtures were made with pandoc 2.17 by these commands (run
in tests/corpus)::

    pandoc -f markdown-smart sample/us-mexico-border-essays.md -s \\
        --metadata title="The Anatomy of a Relationship" -o html/pandoc-sample.html
    pandoc -f markdown-smart sample/us-mexico-border-essays.md -o docx/pandoc-sample.docx
    pandoc -f markdown-smart html/src/pandoc-features.md -s -o html/pandoc-features.html
    pandoc -f markdown-smart html/src/pandoc-features.md -o docx/pandoc-features.docx

The main measure: the sample's 23 notes, read from pandoc's HTML and DOCX,
are the notes the plain-text reader finds in the original essay. The
``pandoc`` tests run the commands again with whatever pandoc is installed
and check the new files read the same as the committed ones.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from citecheck.footnotes import find_footnotes
from citecheck.model import Manuscript
from citecheck.readers import docx, html, plaintext

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
ESSAY = ROOT / "references" / "us-mexico-border-essays.txt"
SAMPLE_MD = CORPUS / "sample" / "us-mexico-border-essays.md"
FEATURES_MD = CORPUS / "html" / "src" / "pandoc-features.md"

READERS = {"html": html.read, "docx": docx.read}

# fixture -> (source, extra pandoc arguments)
BUILDS = {
    "html/pandoc-sample.html": (
        SAMPLE_MD,
        ["-s", "--metadata", "title=The Anatomy of a Relationship"],
    ),
    "docx/pandoc-sample.docx": (SAMPLE_MD, []),
    "html/pandoc-features.html": (FEATURES_MD, ["-s"]),
    "docx/pandoc-features.docx": (FEATURES_MD, []),
}


def _norm(text: str) -> str:
    return " ".join(text.split())


def _read(relative: str) -> Manuscript:
    path = CORPUS / relative
    return READERS[path.suffix.lstrip(".")](relative, path.read_bytes())


def _plain() -> Manuscript:
    return plaintext.read(str(ESSAY), ESSAY.read_bytes())


@pytest.mark.parametrize("fixture", ["html/pandoc-sample.html", "docx/pandoc-sample.docx"])
def test_sample_has_the_plain_text_notes(fixture: str) -> None:
    converted = _read(fixture)
    plain = _plain()
    assert len(plain.notes) == 23
    assert [n.label for n in converted.notes] == [n.label for n in plain.notes]
    assert [_norm(n.text) for n in converted.notes] == [_norm(n.text) for n in plain.notes]
    assert [m.label for m in converted.markers] == [m.label for m in plain.markers]


@pytest.mark.parametrize("fixture", ["html/pandoc-sample.html", "docx/pandoc-sample.docx"])
def test_sample_markers_support_the_same_claims(fixture: str) -> None:
    converted = find_footnotes(_read(fixture))
    plain = find_footnotes(_plain())
    assert not converted.findings
    for ours, theirs in zip(converted.footnotes, plain.footnotes, strict=True):
        # Pandoc turned the essay's "(4) ..." paragraph into a numbered list item,
        # whose number is list markup rather than text: the claim may lose a prefix.
        assert ours.claim, ours.label
        assert _norm(theirs.claim).endswith(_norm(ours.claim)), ours.label
        assert len(ours.claim) > len(theirs.claim) - 5, ours.label


def test_sample_html_and_docx_bodies_match() -> None:
    page, document = _read("html/pandoc-sample.html"), _read("docx/pandoc-sample.docx")
    # Only the HTML has a title block (from --metadata title).
    assert page.title == "The Anatomy of a Relationship"
    assert page.body.startswith(page.title + "\n\n")
    assert _norm(page.body.removeprefix(page.title)) == _norm(document.body)
    for a, b in zip(page.markers, document.markers, strict=True):
        assert _norm(page.body[: a.offset])[-60:] == _norm(document.body[: b.offset])[-60:]


@pytest.mark.pandoc
@pytest.mark.parametrize("fixture", sorted(BUILDS))
def test_pandoc_rebuild_reads_the_same(fixture: str, tmp_path: Path) -> None:
    pandoc = shutil.which("pandoc")
    assert pandoc is not None  # the conftest skips (or fails) when it is missing
    source, extra = BUILDS[fixture]
    target = tmp_path / Path(fixture).name
    subprocess.run(
        [pandoc, "-f", "markdown-smart", str(source), *extra, "-o", str(target)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    rebuilt = READERS[target.suffix.lstrip(".")](fixture, target.read_bytes())
    committed = _read(fixture)
    assert [(n.label, _norm(n.text)) for n in rebuilt.notes] == [
        (n.label, _norm(n.text)) for n in committed.notes
    ]
    assert [m.label for m in rebuilt.markers] == [m.label for m in committed.markers]
    assert _norm(rebuilt.body) == _norm(committed.body)
