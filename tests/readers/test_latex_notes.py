"""LaTeX notes as LaTeX makes them: verbatim URLs, unclosed notes, biblatex footnote citations."""

from __future__ import annotations

import pytest

from citecheck.errors import ManuscriptSyntaxError
from citecheck.model import Manuscript
from citecheck.readers import latex


def _read(text: str, path: str = "p.tex") -> Manuscript:
    return latex.read(path, text.encode())


def test_a_percent_in_a_body_url_is_a_character_not_a_comment() -> None:
    # LaTeX reads \url's argument verbatim in running text: % and # are literal.
    text = (
        "\\begin{document}\n"
        "See \\url{http://127.0.0.1:8765/a%20b#x} for the data.\\footnote{Roe, Q (2002).}\n\n"
        "Later \\href{http://127.0.0.1:8765/c%41}{the page}.\\footnote{Poe, R (2003).}\n"
        "\\end{document}\n"
    )
    manuscript = _read(text)
    assert [n.text for n in manuscript.notes] == ["Roe, Q (2002).", "Poe, R (2003)."]
    assert "http://127.0.0.1:8765/a%20b#x for the data." in manuscript.body
    assert "the page (http://127.0.0.1:8765/c%41)" in manuscript.body


def test_an_escaped_percent_in_a_note_url_is_kept() -> None:
    text = "Claim.\\footnote{Doe, \\url{http://127.0.0.1:8765/a\\%20b}.} Next.\\footnote{Roe.}\n"
    notes = _read(text).notes
    assert [n.text for n in notes] == ["Doe, http://127.0.0.1:8765/a%20b.", "Roe."]


def test_a_note_that_is_never_closed_is_refused_not_swallowing_the_document() -> None:
    # In a note's argument a bare % starts a comment, so the note's brace is
    # never closed: LaTeX stops, and the rest of the file must not become note 1.
    text = (
        "\\begin{document}\n"
        "A claim.\\footnote{Doe, \\url{http://127.0.0.1:8765/a%20b}.} Next.\\footnote{Roe.}\n\n"
        "A later paragraph.\\footnote{Poe.}\n"
        "\\end{document}\n"
    )
    with pytest.raises(ManuscriptSyntaxError) as raised:
        _read(text, "pct.tex")
    assert str(raised.value).startswith("pct.tex:2: the \\footnote here is never closed")
    with pytest.raises(ManuscriptSyntaxError, match="never closed"):
        _read("Claim.\\footnote{An open note\n\nand more text.\n")
