"""The shared sentence splitter: where sentences end, and that both callers agree."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.checks.passages import Sentence, read_passages
from citecheck.footnotes import find_footnotes
from citecheck.model import CheckRun, FootnoteSet, Location, Manuscript, NoteMarker, NoteText
from citecheck.sentences import sentence_spans


def _sentences(text: str, *, one_paragraph: bool = False) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text, one_paragraph=one_paragraph)]


# Text with one sentence per line of the expected list, in both modes.
_CASES = [
    # Titles and reference words lead into what follows.
    ("Dr. Smith arrived. He left.", ["Dr. Smith arrived.", "He left."]),
    ("See p. 45 and cf. Jones on it. It ends.", ["See p. 45 and cf. Jones on it.", "It ends."]),
    ("Smith et al. Report that it grew.", ["Smith et al. Report that it grew."]),
    (
        "Sen. Feinstein and Gov. Brown met. They agreed.",
        ["Sen. Feinstein and Gov. Brown met.", "They agreed."],
    ),
    ("It is, e.g. Mexico, a neighbour.", ["It is, e.g. Mexico, a neighbour."]),
    ("Some words, e.g. origin, go on.", ["Some words, e.g. origin, go on."]),
    # "c." is circa: it leads into its figure, even one with a letter code.
    ("It cost c. A$3m. It was paid.", ["It cost c. A$3m.", "It was paid."]),
    # Company words end a sentence only before a sentence starter.
    ("Acme Inc. The firm grew.", ["Acme Inc.", "The firm grew."]),
    ("Acme Inc. Holdings grew.", ["Acme Inc. Holdings grew."]),
    ("Pens, paper, etc. The shop closed.", ["Pens, paper, etc.", "The shop closed."]),
    # Initials.
    (
        "Alan D. Bersin and Michael D. Huston wrote it. It was read.",
        ["Alan D. Bersin and Michael D. Huston wrote it.", "It was read."],
    ),
    ("They chose Plan B. The others left.", ["They chose Plan B.", "The others left."]),
    # Dotted acronyms inside and at the end of a sentence.
    (
        "He served U.S. Customs and Border Protection. He left in 2011.",
        ["He served U.S. Customs and Border Protection.", "He left in 2011."],
    ),
    ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
    (
        "It was neglected in Washington, D.C. The relationship suffered.",
        ["It was neglected in Washington, D.C.", "The relationship suffered."],
    ),
    ("It ended in the U.K.", ["It ended in the U.K."]),
    # Decimals and numerals.
    (
        "Trade reached $1.3 billion in 2010. It grew 2.5 percent.",
        ["Trade reached $1.3 billion in 2010.", "It grew 2.5 percent."],
    ),
    ("It rose to $2.4. The rest fell.", ["It rose to $2.4.", "The rest fell."]),
    # A numeral does not start a sentence: citations are full of them.
    (
        "Manning, Intermestic Affairs, 55 Foreign Aff. 306 (1977).",
        ["Manning, Intermestic Affairs, 55 Foreign Aff. 306 (1977)."],
    ),
    ("See No. 3 and vol. 2 of it.", ["See No. 3 and vol. 2 of it."]),
    # Ellipses.
    ("He paused… Then he left.", ["He paused…", "Then he left."]),
    ("It went on... and on.", ["It went on... and on."]),
    ("It stopped... The end came.", ["It stopped...", "The end came."]),
    ("The agency . . . is responsible.", ["The agency . . . is responsible."]),
    # Closing quotes and brackets belong to the sentence they close.
    ('He said "it is over." Then he left.', ['He said "it is over."', "Then he left."]),
    ("(It was late.) The next day came.", ["(It was late.)", "The next day came."]),
    ("Trade grew.* Exports fell.", ["Trade grew.*", "Exports fell."]),
    ("“It ended.” “Then what?” he asked.", ["“It ended.”", "“Then what?” he asked."]),
    ("Why? Because! Really.", ["Why?", "Because!", "Really."]),
    # Caseless scripts count as capitals.
    (
        "La frontera cambió en 1848. 北京 y São Paulo discuten.",
        ["La frontera cambió en 1848.", "北京 y São Paulo discuten."],
    ),
    # Spaces around sentences are not part of them.
    ("  One.   Two.  ", ["One.", "Two."]),
    ("", []),
    ("   \n ", []),
    ("No stop at all", ["No stop at all"]),
]


@pytest.mark.parametrize(("text", "expected"), _CASES)
@pytest.mark.parametrize("one_paragraph", [False, True])
def test_sentence_ends(text: str, expected: list[str], one_paragraph: bool) -> None:
    assert _sentences(text, one_paragraph=one_paragraph) == expected


_LONG = (
    "Homeland security works by assessing, analyzing and comparing the many different risks that"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A page break inside a sentence: the rule and the blank lines do not end it.
        (
            "From the Telegram to Proposition 187, the\n\n---\n\nofficial reality was cool.",
            ["From the Telegram to Proposition 187, the\n\n---\n\nofficial reality was cool."],
        ),
        # A long paragraph without a stop goes on after the break, even in capitals.
        (f"{_LONG}\n\nUnited States agencies face.", [f"{_LONG}\n\nUnited States agencies face."]),
        # A finished sentence ends at the break.
        ("It ended here.\n\n---\n\nThe next page.", ["It ended here.", "---", "The next page."]),
        # Headings, list items and short lines without a stop end at their blank line.
        (
            "About the Authors\n\nAlan Bersin serves as Assistant Secretary.",
            ["About the Authors", "Alan Bersin serves as Assistant Secretary."],
        ),
        ("## Trade and growth\n\nTrade grew.", ["## Trade and growth", "Trade grew."]),
        (f"{_LONG}\n\n## Heading", [_LONG, "## Heading"]),
        (f"{_LONG}\n\n- a list item", [_LONG, "- a list item"]),
        ("It ended.\n\n## Next\n\nText goes on.", ["It ended.", "## Next", "Text goes on."]),
        # A line break alone is a space.
        ("The agency spends\n$3.65 billion a year.", ["The agency spends\n$3.65 billion a year."]),
    ],
)
def test_blank_lines_in_running_text(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_one_paragraph_ignores_blank_lines() -> None:
    text = "About the Authors\n\nAlan Bersin serves."
    assert _sentences(text, one_paragraph=True) == [text]
    assert _sentences(text) == ["About the Authors", "Alan Bersin serves."]


def test_spans_are_offsets_into_the_text() -> None:
    assert sentence_spans("  Hi there.  Next one.  ") == [(2, 11), (13, 22)]


_TOKENS = st.sampled_from(
    [
        "word",
        "The",
        "the",
        "Dr.",
        "U.S.",
        "D.C.",
        "Inc.",
        "e.g.",
        "B.",
        "p.",
        "1.3",
        "2010.",
        ".",
        "...",
        "…",
        "!",
        "?",
        '"',
        "”",
        "(",
        ")",
        "*",
        "#",
        "- ",
        "---",
        "北京",
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\n\n---\n\n",
        "\t",
    ]
)
_TEXT = st.one_of(st.lists(_TOKENS, max_size=60).map("".join), st.text(max_size=200))


@settings(derandomize=True, deadline=None, max_examples=300)
@given(text=_TEXT, one_paragraph=st.booleans())
def test_spans_are_ordered_disjoint_and_cover_the_text(text: str, one_paragraph: bool) -> None:
    spans = sentence_spans(text, one_paragraph=one_paragraph)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        # Between sentences there is only space; a sentence is trimmed.
        assert not text[previous_end:start].strip()
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        previous_end = end
    assert not text[previous_end:].strip()


@pytest.mark.parametrize(
    "paragraph",
    [
        "Trade grew in Washington, D.C. The agency spent $1.3 billion in 2010. It was cool.",
        "Dr. Smith of Acme Inc. wrote it. The U.S. Customs agency agreed. It was cool.",
        "He paused… Then “it was over.” The others, e.g. Mexico, left.",
    ],
)
def test_footnote_claims_and_check_sentences_agree(paragraph: str) -> None:
    """Both stages ask the shared splitter, so a claim is one of the checks' sentences."""
    sentences = [s.text for s in _passage_sentences(paragraph)]
    assert len(sentences) == 3
    for sentence in sentences:
        # Put a marker at the end of each sentence in turn.
        offset = paragraph.index(sentence) + len(sentence)
        manuscript = Manuscript(
            "m.txt",
            "plaintext",
            paragraph,
            (NoteMarker("1", offset, Location("m.txt", 1)),),
            (NoteText("1", "A source.", Location("m.txt", 3)),),
        )
        (footnote,) = find_footnotes(manuscript).footnotes
        assert footnote.claim == sentence


def _passage_sentences(body: str) -> tuple[Sentence, ...]:
    manuscript = Manuscript("m.md", "markdown", body, (), ())
    (passage,) = read_passages(CheckRun(footnote_sets=(FootnoteSet(manuscript, ()),)))
    return passage.sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rose 9 points.[9] The count doubled.", ["It rose 9 points.[9]", "The count doubled."]),
        ("It rose.[^a-1] Then it fell.", ["It rose.[^a-1]", "Then it fell."]),
        ("It rose.<sup>12</sup> Then it fell.", ["It rose.<sup>12</sup>", "Then it fell."]),
        ("It rose.^3 Then it fell.", ["It rose.^3", "Then it fell."]),
        ("“It rose.”[3][4] Then it fell.", ["“It rose.”[3][4]", "Then it fell."]),
        # A leading abbreviation still leads, marker or not; a marker needs a blank after it.
        ("See p.[9] The list.", ["See p.[9] The list."]),
        ("It rose.[9]The end.", ["It rose.[9]The end."]),
    ],
)
def test_a_note_marker_left_after_a_stop_keeps_the_boundary(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected
