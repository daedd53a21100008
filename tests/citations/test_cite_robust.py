"""Odd note text never raises: it gives nothing, or a citation with a problem."""

from __future__ import annotations

import pytest
from cite_factories import cite_notes, note
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.citations import parse_citations
from citecheck.citations.fields import parse_piece
from citecheck.citations.split import split_note
from citecheck.model import CitationType

# Characters citations are made of, so random text often looks half like one.
_ALPHABET = st.sampled_from(
    [
        *"abcdefgh ABCDEFGH 0123456789 .,;:()[]<>\"“”‘’'*_-–—/§&\n\t",
        *("See ", "Id.", "Ibid.", "supra note ", "http://", "v. ", "U.S. ", "(1999)", "vol. "),
    ]
)
_NOTE_TEXT = st.lists(_ALPHABET, max_size=80).map("".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NOTE_TEXT)
def test_any_piece_parses_without_raising(text: str) -> None:
    # The field parser is called directly, without the stage's safety net,
    # so a bug here fails the test instead of hiding as a "problem".
    for piece in split_note(text):
        parse_piece(piece)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NOTE_TEXT, max_size=6))
def test_any_manuscript_gives_well_formed_citations(texts: list[str]) -> None:
    cites = parse_citations([note(str(i + 1), t) for i, t in enumerate(texts)])
    seen: list[str] = []
    for position, cite in enumerate(cites):
        assert cite.index == position
        if cite.short_form is not None and cite.antecedent is None:
            # An unresolved short form names no work (and takes no work id).
            assert cite.work == ""
        elif cite.work not in seen:
            seen.append(cite.work)
        if cite.antecedent is not None:
            assert 0 <= cite.antecedent < cite.index
            target = cites[cite.antecedent]
            # Short forms point at full citations and share their work.
            assert target.short_form is None
            assert target.work == cite.work
    assert seen == [f"w{i}" for i in range(1, len(seen) + 1)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   \n\t ", id="whitespace"),
        pytest.param(";;; ; ;", id="only-semicolons"),
        pytest.param("(((((((((", id="unclosed-parens"),
        pytest.param("“An unclosed quotation, Journal 3 (2001)", id="unclosed-quote"),
        pytest.param("*", id="lone-star"),
        pytest.param("<http://", id="broken-url"),
        pytest.param("\x00\x01\x02", id="control-chars"),
        pytest.param("See", id="bare-signal"),
        pytest.param("Smith, supra note 99999999999.", id="huge-note-number"),
        pytest.param("Id. at at at", id="id-garbage"),
    ],
)
def test_odd_notes(text: str) -> None:
    for cite in cite_notes(text):
        assert cite.type in CitationType


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A. " * 3000, id="many-initials"),
        pytest.param("1 A 1, " * 2000, id="bluebook-lookalikes"),
        pytest.param("“" * 5000, id="opening-quotes"),
        pytest.param("(" * 3000 + ")" * 3000, id="deep-parens"),
        pytest.param("Smith, " * 2000 + "supra", id="long-supra"),
        pytest.param("http://x.org/" + "a" * 20000, id="long-url"),
        pytest.param("May 5, " * 3000, id="many-dates"),
    ],
)
def test_long_hostile_notes_finish(text: str) -> None:
    # pytest-timeout stops a catastrophic backtrack; no timing is asserted.
    cite_notes(text)


def test_a_signal_on_unreadable_text_is_not_a_citation() -> None:
    assert cite_notes("See generally the discussion above.") == ()


def test_a_parser_bug_costs_one_citation_not_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import citecheck.citations as stage

    real = stage.parse_piece

    def flaky(piece):  # type: ignore[no-untyped-def]
        if "Boom" in piece.text:
            raise IndexError("a bug")
        return real(piece)

    monkeypatch.setattr(stage, "parse_piece", flaky)
    cites = cite_notes("Boom, “Title,” Journal 3 (2001).", "Ann Lee, Border Towns (2005).")
    assert [c.type for c in cites] == [CitationType.OTHER, CitationType.BOOK]
    assert cites[0].problem == "could not parse this citation (IndexError)"


def test_a_note_with_a_citations_shape_never_vanishes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Whatever the parser misses, a quoted title with a "(..., 2015)" group is
    # reported as an unread citation rather than dropped.
    import citecheck.citations as stage

    monkeypatch.setattr(stage, "parse_piece", lambda piece: None)
    cites = cite_notes('A. Writer, "Some Title" (PhD diss., Rice University, 2015).')
    assert [(c.type, c.problem) for c in cites] == [
        (CitationType.OTHER, "could not read this note as a citation")
    ]
    assert cite_notes("See generally the discussion above, 2015.") == ()


def test_a_spanish_author_before_a_thesis_is_kept() -> None:
    cites = cite_notes(
        "Ana María Núñez de la Peña, *Migration Economy Five* (New York: Norton, 2015).",
        'Ana María Núñez de la Peña, "Migration Economy Seven" (PhD diss., '
        "University of Texas at Austin, 2015).",
    )
    assert [(c.authors[0].family, c.title) for c in cites] == [
        ("Núñez de la Peña", "Migration Economy Five"),
        ("Núñez de la Peña", "Migration Economy Seven"),
    ]
