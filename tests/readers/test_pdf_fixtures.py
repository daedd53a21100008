"""The committed PDF fixtures are what tests/corpus/pdf/make_fixtures.py makes.

Typesetters embed dates and font subsets, so the bytes differ from run to
run; what must not differ is what the reader makes of them: rebuilt with
today's tools, each producer's PDF gives the committed fixture's notes.
Skipped unless pandoc, pdflatex, soffice and chromium are installed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from citecheck.readers import read_manuscript

PDFS = Path(__file__).resolve().parents[1] / "corpus" / "pdf"


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_fixtures", PDFS / "make_fixtures.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.typesetters
@pytest.mark.timeout(300)
@pytest.mark.parametrize("producer", ["latex", "libreoffice", "chromium"])
def test_rebuilt_sample_reads_like_the_committed_one(producer: str, tmp_path: Path) -> None:
    maker = _maker()
    out = tmp_path / f"sample-{producer}.pdf"
    if producer == "latex":
        maker.latex_pdf(maker.SAMPLE_MD, out)
    elif producer == "libreoffice":
        maker.libreoffice_pdf(maker.SAMPLE_DOCX, out)
    else:
        maker.chromium_pdf(maker.SAMPLE_HTML, out)
    fresh = read_manuscript(out)
    committed = read_manuscript(PDFS / f"sample-{producer}.pdf")
    assert len(fresh.notes) == 23
    assert [(n.label, n.text) for n in fresh.notes] == [(n.label, n.text) for n in committed.notes]
