"""Sentences: where the sentences of running text begin and end.

Two stages need sentences. The footnotes stage takes the sentence a note
marker sits in as the note's *claim*; the checks stage cuts the body and
each note into sentences and compares the figures inside one sentence (or
its neighbours). Both ask ``sentence_spans`` and so share one idea of where
a sentence ends:

* a full stop, "!", "?" or an ellipsis, perhaps with closing quotes or
  brackets, then a space and a word in capitals ("... in 2010." ends; "e.g.
  origin", "No. 3" and "$1.3 billion" go on). A numeral does not start a
  sentence: style guides spell such numbers out, while citations are full of
  "Cong. 23" and "L. Rev. 112";
* not after a title or a reference word that leads into what follows
  ("Dr.", "p.", "cf.", "et al.");
* after an initial, a dotted acronym or a company word ("D.", "U.S.",
  "Inc.") only when a sentence starter follows: "Washington, D.C. The ..."
  ends, "U.S. Customs" does not.

By default the text may hold several paragraphs, so a blank line may end a
sentence too. A blank line after a heading, a list item, a short paragraph
or final punctuation ends one; a page break cutting a sentence (a blank
line, perhaps a ``---`` rule, text going on in lower case or a long
paragraph without a stop) does not. With ``one_paragraph=True`` the caller
has already cut the text into paragraphs and line breaks are plain spaces.

The scan is one pass of a regular expression with bounded look-backs, so
the time grows linearly with the text.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["sentence_spans"]


def sentence_spans(text: str, *, one_paragraph: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence of ``text``, in order.

    A span starts at the sentence's first non-space character and ends
    after its last (closing quotes and brackets included), so the spans do
    not overlap and cover every non-space character. Pass
    ``one_paragraph=True`` for text that is one paragraph: blank lines then
    do not end sentences.
    """
    pattern = _STOP if one_paragraph else _STOP_OR_BLANK
    spans: list[tuple[int, int]] = []
    cursor = 0  # where the current sentence began, untrimmed
    for match in pattern.finditer(text):
        if match.lastgroup == "stop":
            if not _is_end(text, match):
                continue
        elif not _blank_line_ends(text, cursor, match):
            continue
        _append(spans, text, cursor, match.end())
        cursor = match.end()
    _append(spans, text, cursor, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add ``text[start:end]`` without its surrounding space, if anything is left."""
    chunk = text[start:end]
    kept = chunk.strip()
    if kept:
        first = start + len(chunk) - len(chunk.lstrip())
        spans.append((first, first + len(kept)))


# --------------------------------------------------------------------------
# The end-of-sentence test
# --------------------------------------------------------------------------

_CLOSERS = "\"”’'»)\\]*"
_OPENERS = "\"“‘'(«\\[*#"
# Note markers a reader left in the text ("points.[9] The", "[^9]", "<sup>9</sup>",
# "^9"): after a stop they belong to the sentence before and hide no boundary.
_MARKERS = r"(?:\[\^?[\w.-]{1,20}\]|<sup>[^<>\n]{1,12}</sup>|\^\d{1,3}(?![\d.,]))"
_STOP_TEXT = rf"(?P<stop>[.!?…]+[{_CLOSERS}]*(?:{_MARKERS}[{_CLOSERS}]*)*(?=\s|$))"
_STOP: Final = re.compile(_STOP_TEXT)
# The leading lookahead lets the engine skip to candidate characters quickly.
_STOP_OR_BLANK: Final = re.compile(rf"(?=[.!?…\n])(?:{_STOP_TEXT}|(?P<blank>\n\s*\n))")
_FOLLOWING: Final = re.compile(rf"\s*[{_OPENERS}]*(\w*)")
_LOOK_BACK = 40

# The abbreviations we know, lower case without their final stop. A word
# that *leads* (a title, a reference word, a month) is always followed by
# what it qualifies, so it never ends a sentence. A word that *may end*
# closes a sentence when a sentence starter follows: "... Acme Inc. The ...".
_LEADS = False
_MAY_END = True
_ABBREVIATIONS: Final[dict[str, bool]] = {
    **dict.fromkeys(
        (
            # titles
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "st",
            "sen",
            "rep",
            "gov",
            "gen",
            "col",
            "capt",
            "lt",
            "sgt",
            "hon",
            "rev",
            "fr",
            # reference words
            "no",
            "nos",
            "vol",
            "vols",
            "p",
            "pp",
            "cf",
            "vs",
            "v",
            "art",
            "sec",
            "fig",
            "figs",
            "ch",
            "chap",
            "ed",
            "eds",
            "al",
            "op",
            "cit",
            "id",
            "ibid",
            "e.g",
            "i.e",
            "approx",
            "est",
            "ca",
            "dept",
            "univ",
            "assn",
            # months
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        ),
        _LEADS,
    ),
    **dict.fromkeys(
        # "mio", "mrd", "md": German and French scales ("2,8 Mrd. EUR"), also at an end
        ("etc", "inc", "co", "ltd", "corp", "bros", "jr", "sr", "ave", "mio", "mrd", "md"),
        _MAY_END,
    ),
}
# Words that start sentences: after "U.S.", "D." or "Inc." one of these means
# the abbreviation also ended the sentence ("... Washington, D.C. The ...").
_STARTERS: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "in",
        "on",
        "at",
        "as",
        "by",
        "for",
        "from",
        "with",
        "after",
        "before",
        "but",
        "and",
        "or",
        "yet",
        "so",
        "however",
        "moreover",
        "thus",
        "there",
        "here",
        "we",
        "they",
        "he",
        "she",
        "i",
        "our",
        "their",
        "his",
        "her",
        "one",
        "when",
        "while",
        "if",
        "although",
        "since",
        "because",
        "during",
        "despite",
        "each",
        "many",
        "most",
        "some",
        "such",
        "what",
        "which",
        "who",
        "why",
        "how",
        # Openers that point back at figures ("... from the U.S. Together they ...").
        "together",
        "combined",
        "altogether",
        "overall",
        "meanwhile",
        "today",
        "still",
        "also",
        "both",
    ]
)


def _is_end(text: str, stop: re.Match[str]) -> bool:
    """Whether the punctuation ``stop`` ends a sentence (module docstring)."""
    following = _FOLLOWING.match(text, stop.end())
    assert following is not None  # the pattern matches the empty string
    next_word = following.group(1)
    if not next_word:
        # The end of the text ends it; a dash or a rule after the stop is
        # left to the blank-line test. Money opens sentences of messages:
        # "... is £45 total. £20 from Dave, ...".
        if following.end() >= len(text):
            return True
        return _lower_case_end(text, stop, stop.group("stop"))
    punctuation = stop.group("stop")
    if not (next_word[0].isalpha() and not next_word[0].islower()):
        # "e.g. origin", "... limited", "No. 3" go on; caseless scripts
        # (Chinese, Arabic...) count as capitals. Posts and messages open
        # sentences in lower case: "... with 60 employees. that's $1.5bn".
        return _lower_case_end(text, stop, punctuation)

    if punctuation[0] != "." or punctuation.startswith(".."):
        return True  # "!", "?" and ellipses have no abbreviation to spare
    # A bounded look-back keeps the scan linear on text without spaces.
    before = text[max(0, stop.start() - _LOOK_BACK) : stop.start()]
    word = "" if not before or before[-1].isspace() else before.rsplit(None, 1)[-1]
    word = word.lstrip(_OPENERS)
    if word == "c":
        return False  # "c. A$3m", "c. 1850": circa, lower case, leads like "ca."
    bare = word.lower()
    kind = _ABBREVIATIONS.get(bare)
    if kind is _LEADS:
        return False
    initial = len(word) == 1 and word.isupper()
    acronym = "." in word and all(part.isalpha() and len(part) <= 2 for part in word.split("."))
    if initial or acronym or kind is _MAY_END:
        return next_word.lower() in _STARTERS
    return True


# Lower-case openers of informal text, a pronoun or demonstrative that only
# begins a clause: after a plain word's stop they begin a sentence.
_LOWER_OPENER: Final = re.compile(
    r"\s+(?:(?:that['’]?s|this|that|it['’]s|it|we|they|there['’]s|here['’]s|so|which)\b"
    r"|[$£€¥₹]\d)"
)


def _lower_case_end(text: str, stop: re.Match[str], punctuation: str) -> bool:
    """ "... last yr with 60 employees. that's $1.5bn per employee": a stop,
    then a lower-case opener or a sum of money, after a plain word (no
    abbreviation, initial or acronym, no ellipsis)."""
    if punctuation.startswith(("..", "…")) or not _LOWER_OPENER.match(text, stop.end()):
        return False
    before = text[max(0, stop.start() - _LOOK_BACK) : stop.start()]
    word = "" if not before or before[-1].isspace() else before.rsplit(None, 1)[-1]
    word = word.lstrip(_OPENERS).rstrip(_CLOSERS)
    if len(word) < 2 or "." in word or word.lower() in _ABBREVIATIONS:
        return False
    if word[0].isupper() and len(word) <= 5:
        return False  # "Cong. $5", "Stat. so": a short capitalised word may be an abbreviation
    return word[-1].isalnum()


# --------------------------------------------------------------------------
# Blank lines: paragraph ends, headings and page breaks
# --------------------------------------------------------------------------

_RULE_LINES: Final = re.compile(r"^(?:[ \t]*(?:-{3,}|\*{3,}|_{3,})?[ \t]*\n)*\s*")
_PARAGRAPH_BREAK: Final = re.compile(r"\n\s*\n")
_BLANK_LOOK_BACK = 2000
_BLANK_LOOK_AHEAD = 300
# A paragraph this short without a stop is a heading or a caption, not a
# sentence cut by a page break.
_SHORT_PARAGRAPH = 12


def _blank_line_ends(text: str, cursor: int, blank: re.Match[str]) -> bool:
    """Whether a blank line ends the sentence begun at ``cursor``."""
    before = text[max(cursor, blank.start() - _BLANK_LOOK_BACK) : blank.start()].rstrip()
    last_line = before.rsplit("\n", 1)[-1].lstrip()
    after = text[blank.end() : blank.end() + 5].lstrip()
    if last_line.startswith("|") or after.startswith("|"):
        return True  # a table row ("| ... |") is never half of a sentence
    # Skip page-break rules ("---") to see how the text goes on.
    following = _RULE_LINES.sub("", text[blank.end() : blank.end() + _BLANK_LOOK_AHEAD], count=1)
    if following[:1].islower():
        return False  # "... the\n\n---\n\nofficial reality": one sentence
    paragraph = _PARAGRAPH_BREAK.split(before)[-1]
    # A page break inside a sentence leaves a blank line with no full stop
    # before it, after a long paragraph; headings (short lines without a
    # stop), list items and finished sentences do end there.
    return (
        before.endswith((".", "!", "?", ":", '"', "”", ")", "*"))
        or last_line.startswith(("#", "-", "*"))
        or after.startswith(("#", "- ", "* "))
        or len(paragraph.split()) <= _SHORT_PARAGRAPH
    )
