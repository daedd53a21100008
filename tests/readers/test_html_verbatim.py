"""``<pre>`` in an HTML manuscript is kept but is no prose: the checks read no figures there."""

from __future__ import annotations

from pathlib import Path

from citecheck import pipeline
from citecheck.config import Settings
from citecheck.readers import html

SLIP = (
    "The budget of $8 million was split into $1 million for staff, $2 million for rent"
    " and $2 million for travel."
)


def _page(body: str) -> bytes:
    head = "<!DOCTYPE html>\n<html><head><title>R</title></head><body>\n"
    return f"{head}{body}\n</body></html>".encode()


def _sums(tmp_path: Path, body: str) -> list[str]:
    essay = tmp_path / "essay.html"
    essay.write_bytes(_page(body))
    run = pipeline.run_check([essay], Settings(), links=False, archive=False, sources=False)
    return [f.message for f in run.findings if f.rule == "sum-mismatch"]


def test_pre_blocks_are_spanned_as_verbatim() -> None:
    manuscript = html.read(
        "r.html", _page("<p>Before.</p><pre>total = 8\nparts = 1 + 2</pre><p>After.</p>")
    )
    spans = [manuscript.body[a:b].strip() for a, b in manuscript.verbatim]
    assert len(spans) == 1
    assert "total = 8" in spans[0]
    assert "Before" not in spans[0]
    assert "After" not in spans[0]


def test_a_slip_in_a_paragraph_is_found(tmp_path: Path) -> None:
    assert _sums(tmp_path, f"<h1>Report</h1><p>{SLIP}</p>") != []


def test_the_same_words_in_a_pre_block_are_not_read(tmp_path: Path) -> None:
    assert (
        _sums(tmp_path, f"<h1>Report</h1><p>An example:</p><pre>{SLIP}</pre><p>The end.</p>") == []
    )
