"""``Manuscript.line_starts`` from the plain-text, Markdown and LaTeX readers.

A word's body offset, looked up in ``line_starts`` (the last pair whose
offset is at or before it), must give the source line the word is written
on. Each example puts a one-off word on a line after something that changes
the count of lines between source and body (notes cut by a page break, pull
quotes, headings, notes over several lines or paragraphs, comments, CRLF),
and the expected line is counted in the source text itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.errors import ManuscriptSyntaxError
from citecheck.model import Manuscript
from citecheck.readers import latex, markdown, plaintext

_ROOT = Path(__file__).resolve().parents[2]
_SAMPLE = _ROOT / "references" / "us-mexico-border-essays.txt"
_SAMPLE_COPIES = _ROOT / "tests" / "corpus" / "sample"

Reader = Callable[[str, bytes], Manuscript]


def _line_at(manuscript: Manuscript, offset: int) -> int:
    """The source line of a body offset, by ``line_starts``."""
    offsets = [start for start, _ in manuscript.line_starts]
    index = bisect.bisect_right(offsets, offset) - 1
    assert index >= 0, f"no line start at or before offset {offset}"
    return manuscript.line_starts[index][1]


def _source_line(text: str, word: str) -> int:
    """The 1-based line of the one occurrence of ``word`` in ``text``."""
    assert text.count(word) == 1, f"{word!r} must occur once in the source"
    return text.count("\n", 0, text.index(word)) + 1


def _check(reader: Reader, name: str, text: str, words: list[str]) -> Manuscript:
    manuscript = reader(name, text.encode())
    for word in words:
        assert manuscript.body.count(word) == 1, f"{word!r} must occur once in the body"
        offset = manuscript.body.index(word)
        assert _line_at(manuscript, offset) == _source_line(text, word), word
    _assert_well_formed(manuscript, text)
    return manuscript


def _assert_well_formed(manuscript: Manuscript, text: str) -> None:
    lines = text.count("\n") + 1
    offsets = [start for start, _ in manuscript.line_starts]
    assert offsets == sorted(set(offsets)), "offsets must increase"
    for offset, line in manuscript.line_starts:
        assert 0 <= offset <= len(manuscript.body)
        assert 1 <= line <= lines


# --------------------------------------------------------------------------
# Plain text (<sup>n</sup> style)
# --------------------------------------------------------------------------


def test_plaintext_lines_inside_a_paragraph() -> None:
    text = (
        "# Essays on the Border\n"
        "\n"
        "The first line of a paragraph.<sup>1</sup> It goes on\n"
        "over a second line with QUINCE in it\n"
        "and a third with *emphasised* ZEBRA.\n"
        "\n"
        "---\n"
        "\n"
        "<sup>1</sup> Ana Ruiz, *Border Trade* (2012).\n"
    )
    manuscript = _check(plaintext.read, "a.txt", text, ["Essays", "QUINCE", "ZEBRA", "It goes"])
    assert manuscript.line_starts[0] == (0, 1)


def test_plaintext_after_a_page_break_continuation() -> None:
    text = (
        "Trade across the line doubled.<sup>1</sup> Analysts expect\n"
        "\n"
        "---\n"
        "\n"
        "<sup>1</sup> John Smith, *Counting Trucks*, *Trade Quarterly* (May 5,\n"
        "\n"
        "further growth as new crossings open.<sup>2</sup> Some\n"
        "warn that MANGROVE congestion will limit it.\n"
        "\n"
        "---\n"
        "\n"
        "2010), <http://example.org/trucks>; see also Port Authority,\n"
        "*Annual Report*, <http://example.org/report>\n"
        "\n"
        "<sup>2</sup> Luis Gomez, *Freight News*, June 2, 2014.\n"
        "\n"
        "A later paragraph\n"
        "names the PELICAN.\n"
    )
    manuscript = _check(
        plaintext.read, "a.txt", text, ["Analysts", "further", "MANGROVE", "later", "PELICAN"]
    )
    assert "2010), " not in manuscript.body  # the continuation went to note 1


def test_plaintext_after_pull_quotes_and_headings() -> None:
    text = (
        "The border is a line and a flow at once.<sup>1</sup>\n"
        "\n"
        '*"The border is a line and a flow at once."*\n'
        "\n"
        "## A Heading Called OSPREY\n"
        "\n"
        "*\u201cBoth views shape policy.\u201d*\n"
        "\n"
        "> A quoted paragraph\n"
        "> with HERON on its second line.\n"
        "\n"
        "- an item\n"
        "- another with KESTREL\n"
        "\n"
        "Both views shape\n"
        "policy, says the CORMORANT.\n"
        "\n"
        "---\n"
        "\n"
        '<sup>1</sup> Alan Example, "Lines and Flows," *Law Review* 37 (2012).\n'
    )
    _check(plaintext.read, "a.txt", text, ["OSPREY", "HERON", "KESTREL", "CORMORANT"])


def test_plaintext_markup_that_spans_lines() -> None:
    text = (
        "A [report on\n"
        "TAMARIND trade](http://example.org/r) was cited<sup>1</sup> and\n"
        'a <span\nclass="x">tag</span> then SAFFRON, code `a\n'
        "CUMIN b` and\n"
        "<sup>th\nNUTMEG</sup> at last.\n"
        "\n"
        "---\n"
        "\n"
        "<sup>1</sup> A note.\n"
    )
    _check(plaintext.read, "a.txt", text, ["TAMARIND", "was cited", "SAFFRON", "CUMIN", "NUTMEG"])


def test_plaintext_with_crlf_line_ends() -> None:
    text = (
        "# Title\r\n\r\nFirst line,<sup>1</sup>\r\nsecond line with WALNUT.\r\n"
        "\r\n---\r\n\r\n<sup>1</sup> A note that goes on\r\nover two lines.\r\n"
        "\r\nThen ALMOND.\r\n"
    )
    _check(plaintext.read, "a.txt", text, ["Title", "WALNUT", "ALMOND"])


def test_sample_budget_sentence_points_at_its_line() -> None:
    text = _SAMPLE.read_text(encoding="utf-8")
    manuscript = plaintext.read(str(_SAMPLE), _SAMPLE.read_bytes())
    _assert_well_formed(manuscript, text)
    offset = manuscript.body.index("$11 million")
    assert _line_at(manuscript, offset) == _source_line(text, "\\$11 million")


@pytest.mark.parametrize(
    ("name", "reader", "written"),
    [
        ("us-mexico-border-essays.md", markdown.read, "\\$11 million"),
        ("us-mexico-border-essays.tex", latex.read, "\\$11 million"),
    ],
)
def test_sample_copies_point_at_the_line(name: str, reader: Reader, written: str) -> None:
    path = _SAMPLE_COPIES / name
    text = path.read_text(encoding="utf-8")
    manuscript = reader(str(path), path.read_bytes())
    _assert_well_formed(manuscript, text)
    offset = manuscript.body.index("$11 million")
    assert _line_at(manuscript, offset) == _source_line(text, written)


# --------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------


def test_markdown_after_multi_paragraph_notes() -> None:
    text = (
        "Trade doubled in a decade.[^1] Crossings grew as well.[^long]\n"
        "The second line names BAOBAB.\n"
        "\n"
        "[^1]: Ana Ruiz, *Border Trade* (2012).\n"
        "\n"
        "[^long]: The figures come from two sources.\n"
        "\n"
        "    First, the U.S. Census Bureau, *Foreign Trade*,\n"
        "    <https://example.org/census>.\n"
        "\n"
        "\tSecond, a survey of port authorities (2014).\n"
        "\n"
        "Back in the body,\n"
        "a paragraph with CYPRESS.\n"
    )
    _check(markdown.read, "a.md", text, ["Crossings", "BAOBAB", "Back", "CYPRESS"])


def test_markdown_headings_lists_quotes_code_and_comments() -> None:
    text = (
        "Setext Title DAHLIA\n"
        "===================\n"
        "\n"
        "<!-- a comment\n"
        "over three\n"
        "lines -->\n"
        "A paragraph after it[^a] with\n"
        "ELM on the next line.\n"
        "\n"
        "1. first item\n"
        "2. second with FIR\n"
        "\n"
        "> quoted\n"
        "> LARCH\n"
        "\n"
        "```\n"
        "code line one\n"
        "code SPRUCE line\n"
        "```\n"
        "\n"
        "## Heading with ASPEN\n"
        "\n"
        "Text ^[an inline note\n"
        "over two lines] and then\n"
        "the WILLOW, with [a link\n"
        "to BIRCH](http://example.org) too.\n"
        "\n"
        "[^a]: A note.\n"
    )
    _check(
        markdown.read,
        "a.md",
        text,
        ["DAHLIA", "A paragraph", "ELM", "FIR", "LARCH", "SPRUCE", "ASPEN", "WILLOW", "BIRCH"],
    )


def test_markdown_with_crlf_line_ends() -> None:
    text = (
        "# Title\r\n\r\nFirst line[^1]\r\nsecond line with HAZEL.\r\n\r\n"
        "[^1]: A note\r\n    over two lines.\r\n\r\nThen ROWAN.\r\n"
    )
    _check(markdown.read, "a.md", text, ["HAZEL", "ROWAN"])


def test_markdown_sup_style_file_is_read_with_lines() -> None:
    text = "Intro<sup>1</sup> and\nthen OLIVE.\n\n---\n\n<sup>1</sup> A note.\n"
    manuscript = _check(markdown.read, "a.md", text, ["OLIVE"])
    assert manuscript.format == "plaintext"


# --------------------------------------------------------------------------
# LaTeX
# --------------------------------------------------------------------------


def test_latex_after_a_multi_line_footnote() -> None:
    text = (
        "\\documentclass{article}\n"
        "\\title{Rivers and \\emph{Borders}}\n"
        "\\begin{document}\n"
        "\\maketitle\n"
        "\n"
        "\\section{Introduction with POPLAR}\n"
        "\n"
        "The Rio Grande has marked the border.\\footnote{Treaty of\n"
        "  Guadalupe Hidalgo, art.~V (1848),\n"
        "  and more.} Its course has MOVED\n"
        "many times---and each move raised\n"
        "a question of ``SOVEREIGNTY.''\n"
        "% a comment line with a \\footnote{that does not count}\n"
        "Costs rose by 10\\% and \\$5, says \\emph{the\n"
        "SURVEY} of 2004.\n"
        "\n"
        "\\begin{verbatim}\n"
        "verbatim one\n"
        "verbatim QUARTZ\n"
        "\\end{verbatim}\n"
        "Line one\\\\\n"
        "line two with GRANITE\\par BASALT\n"
        "\\end{document}\n"
    )
    _check(
        latex.read,
        "a.tex",
        text,
        ["POPLAR", "Rio", "MOVED", "many", "SOVEREIGNTY", "Costs", "SURVEY", "QUARTZ", "GRANITE"],
    )


def test_latex_with_crlf_line_ends() -> None:
    text = (
        "\\begin{document}\r\nFirst line\\footnote{A note\r\nover\r\nlines.}\r\n"
        "then CEDAR.\r\n\r\nNew paragraph\r\nwith MAPLE.\r\n\\end{document}\r\n"
    )
    _check(latex.read, "a.tex", text, ["First", "CEDAR", "MAPLE"])


def test_latex_fragment_without_document_environment() -> None:
    text = "A fragment.\\footnote{One.}\n\nA second\nparagraph with OAK.\n"
    _check(latex.read, "a.tex", text, ["fragment", "OAK"])


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        (plaintext.read, "A claim.<sup>1</sup>\nNext line\n\n---\n\n<sup>1</sup> Note.\n"),
        (markdown.read, "A claim.[^1]\nNext line\n\n[^1]: Note.\n"),
        (latex.read, "A claim.\\footnote{Note\nover two}\nNext line\n"),
    ],
)
def test_a_line_starts_exactly_at_its_first_character(reader: Reader, text: str) -> None:
    manuscript = reader("a", text.encode())
    assert manuscript.line_starts == (
        (0, 1),
        (manuscript.body.index("Next"), _source_line(text, "Next")),
    )


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

# Lines that touch every way of writing a line; {w} is a word unique to the
# line, so a word found in the body tells which line it came from.
_PLAIN_LINES = [
    "Body text {w} goes on",
    "{w} starts the line",
    "A claim {w}.<sup>{n}</sup> More",
    "",
    "---",
    "# Heading {w}",
    "<sup>{n}</sup> A note {w} text,",
    "> quoted {w}",
    "- item {w}",
    '*"pull quote {w}"*',
    "*emphasis* and `code {w}` and [a link {w}](http://example.org/x)",
    "[a link that goes",
    "on {w}](http://example.org/y) after",
    "text with a hard break {w}\\",
    "<sup>th</sup> ordinal {w}",
]
_MARKDOWN_LINES = [
    "Body text {w} goes on",
    "{w} starts the line",
    "A claim {w}.[^{n}] More",
    "",
    "---",
    "# Heading {w}",
    "[^{n}]: A note {w}",
    "    indented {w}",
    "> quoted {w}",
    "1. item {w}",
    "```",
    "Text ^[inline note {w}",
    "ends {w}] after",
    "<!-- comment {w}",
    "end of comment -->",
    "Setext {w}",
    "=====",
    "[a link that goes",
    "on {w}](http://example.org/y) after",
]
_LATEX_LINES = [
    "Body text {w} goes on",
    "{w} starts the line",
    "A claim {w}.\\footnote{A note {w}} More",
    "",
    "A claim {w}\\footnote{A note",
    "that ends {w}} after",
    "% comment {w}",
    "\\section{Heading {w}}",
    "\\emph{emphasis {w}} and \\textbf{bold",
    "{w}} words",
    "a line break {w}\\\\",
    "\\par {w}",
    "\\begin{itemize}",
    "\\item an item {w}",
    "\\end{itemize}",
]


@st.composite
def _document(draw: st.DrawFn, lines: list[str]) -> tuple[str, str]:
    chosen = draw(st.lists(st.sampled_from(lines), min_size=1, max_size=30))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    filled = [
        line.replace("{w}", f"q{index}z").replace("{n}", str(index % 4 + 1))
        for index, line in enumerate(chosen)
    ]
    return newline.join(filled) + draw(st.sampled_from(["", newline])), newline


def _assert_words_on_their_lines(manuscript: Manuscript, text: str) -> None:
    _assert_well_formed(manuscript, text)
    for word in re.finditer(r"q(\d+)z", manuscript.body):
        assert _line_at(manuscript, word.start()) == int(word.group(1)) + 1, word.group(0)


@settings(max_examples=150, deadline=None)
@given(_document(_PLAIN_LINES))
def test_plaintext_every_body_word_maps_to_its_line(document: tuple[str, str]) -> None:
    text, _ = document
    _assert_words_on_their_lines(plaintext.read("p.txt", text.encode()), text)


@settings(max_examples=150, deadline=None)
@given(_document(_MARKDOWN_LINES))
def test_markdown_every_body_word_maps_to_its_line(document: tuple[str, str]) -> None:
    text, _ = document
    _assert_words_on_their_lines(markdown.read("p.md", text.encode()), text)


@settings(max_examples=150, deadline=None)
@given(_document(_LATEX_LINES), st.booleans())
def test_latex_every_body_word_maps_to_its_line(document: tuple[str, str], wrapped: bool) -> None:
    text, newline = document
    if wrapped:
        text = f"\\begin{{document}}{newline}{text}{newline}\\end{{document}}{newline}"
        # The wrapper moves every line down by one.
        text = re.sub(r"q(\d+)z", lambda m: f"q{int(m.group(1)) + 1}z", text)
    if any(_never_closed(text, found.end()) for found in re.finditer(r"\\footnote\{", text)):
        # A note left open to the end is refused (LaTeX stops there too).
        with pytest.raises(ManuscriptSyntaxError, match="never closed"):
            latex.read("p.tex", text.encode())
        return
    manuscript = latex.read("p.tex", text.encode())
    _assert_words_on_their_lines(manuscript, text)


def _never_closed(text: str, start: int) -> bool:
    """No brace after ``start`` closes the one opened just before it (or \\end ends first)."""
    depth = 1
    for char in re.findall(r"[{}]|\\end\{document\}", text[start:]):
        if len(char) > 1:
            return True
        depth += 1 if char == "{" else -1
        if depth == 0:
            return False
    return True


_ANY_TEXT = st.lists(
    st.sampled_from([*"ab <>[]()^*_`\\{}%$~-#!:\"'\n\r\t", "<sup>", "</sup>", "[^1]"]),
    max_size=120,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_ANY_TEXT, st.sampled_from(["plaintext", "markdown", "latex"]))
def test_line_starts_are_sorted_and_within_the_file(text: str, reader: str) -> None:
    read: Reader = {"plaintext": plaintext.read, "markdown": markdown.read, "latex": latex.read}[
        reader
    ]
    try:
        manuscript = read("x", text.encode())
    except ManuscriptSyntaxError:  # braces nested beyond reason: refused, fine
        return
    decoded = text.replace("\r\n", "\n").replace("\r", "\n")
    _assert_well_formed(manuscript, decoded)
