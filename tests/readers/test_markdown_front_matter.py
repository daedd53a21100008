"""Markdown YAML front matter: skipped as text, its title the manuscript's."""

from __future__ import annotations

import pytest

from citecheck.readers import markdown

_FRONT = (
    "---\n"
    "title: {title}\n"
    "date: 2019-05-04\n"
    "abstract: |\n"
    "  Trade reached $534.5 billion: imports of $294.2 billion.\n"
    "{close}\n"
    "\n"
    "# The Heading\n"
    "\n"
    "The body has a claim.[^1]\n"
    "\n"
    "[^1]: Jane Doe, *A Book* (2001).\n"
)


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ('"Budget \\"Slips\\""', 'Budget "Slips"'),
        ("'Budget ''Slips'''", "Budget 'Slips'"),
        ("Budget Slips: A Study  # a comment", "Budget Slips: A Study"),
    ],
)
@pytest.mark.parametrize("close", ["---", "..."])
def test_front_matter_is_skipped_and_gives_the_title(written: str, title: str, close: str) -> None:
    text = _FRONT.format(title=written, close=close)
    manuscript = markdown.read("m.md", text.encode())
    assert manuscript.title == title
    assert manuscript.body == "The Heading\n\nThe body has a claim."
    assert "534.5" not in manuscript.body
    assert [n.location.line for n in manuscript.notes] == [12]
    assert manuscript.markers[0].location.line == 10
    assert manuscript.line_starts[0] == (0, 8)


def test_a_title_that_is_not_a_one_line_scalar_leaves_the_heading_as_title() -> None:
    text = _FRONT.format(title="|", close="---").replace("date:", "  Block Title\ndate:", 1)
    manuscript = markdown.read("m.md", text.encode())
    assert manuscript.title == "The Heading"
    assert "Block Title" not in manuscript.body


def test_a_rule_at_the_start_is_not_front_matter() -> None:
    # "---" then prose (no "key:" line) is a thematic break, and the text stays.
    text = "---\nThe body has a claim.[^1]\n\n---\n\n[^1]: A note.\n"
    manuscript = markdown.read("m.md", text.encode())
    assert manuscript.body == "The body has a claim."
    assert manuscript.title is None


def test_front_matter_before_the_sup_style_is_skipped_too() -> None:
    text = "---\ntitle: Sup Style\n---\nA claim.<sup>1</sup>\n\n<sup>1</sup> A note, 2001.\n"
    manuscript = markdown.read("m.md", text.encode())
    assert manuscript.format == "plaintext"
    assert manuscript.title == "Sup Style"
    assert "title" not in manuscript.body
    assert [n.location.line for n in manuscript.notes] == [6]
