"""APA and MLA books whose title is in italics: the element after it is the publisher.

Made-up works, handed to the parser with their italics (``styled``) and without.
"""

from __future__ import annotations

import pytest

from citecheck.citations import parse_citations
from citecheck.model import Citation, CitationType, Footnote, Location


def _one(styled: str) -> Citation:
    plain = styled.replace("<i>", "").replace("</i>", "")
    note = Footnote(label="1", text=plain, styled=styled, claim="", location=Location("t.md", 1))
    (cite,) = parse_citations((note,))
    return cite


@pytest.mark.parametrize(
    ("styled", "publisher"),
    [
        ("Roe, A. (2001). <i>Harbour towns of the gulf</i>. Tidewater Books.", "Tidewater Books"),
        ("Roe, A., & Doe, B. (2010). <i>Salt and silt</i>. Routledge.", "Routledge"),
        ("Roe, Ann. <i>Harbour Towns of the Gulf</i>. Tidewater Press, 2001.", "Tidewater Press"),
        ("Roe, Ann. <i>Harbour Towns of the Gulf</i>. Gulf State UP, 2001.", "Gulf State UP"),
        ("Roe, Ann. <i>Harbour Towns</i>. Alfred A. Knopf, 1987.", "Alfred A. Knopf"),
    ],
)
def test_an_italic_book_title_then_its_publisher(styled: str, publisher: str) -> None:
    cite = _one(styled)
    assert cite.type is CitationType.BOOK
    assert cite.publisher == publisher
    assert cite.container is None


def test_an_italic_title_in_a_newspaper_keeps_its_paper() -> None:
    cite = _one("Ann Roe, <i>Harbour Towns</i>, Gulf Herald, May 3, 2010.")
    assert cite.container == "Gulf Herald"


def test_an_apa_article_keeps_its_italic_journal() -> None:
    cite = _one("Roe, A. (2001). Harbour towns. <i>Journal of Ports</i>, 12(3), 1–20.")
    assert cite.type is CitationType.ARTICLE
    assert cite.container == "Journal of Ports"
    assert cite.publisher is None
