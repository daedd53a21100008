"""Inline code in the plain-text style is kept as written but is no prose."""

from __future__ import annotations

from citecheck.readers import plaintext


def test_inline_code_spans_are_spanned_as_verbatim() -> None:
    manuscript = plaintext.read(
        "a.txt", b"Body `code 5`<sup>1</sup> and `more 6`.\n\n---\n\n<sup>1</sup> A note.\n"
    )
    assert [manuscript.body[a:b] for a, b in manuscript.verbatim] == ["code 5", "more 6"]
