"""Italics and superscripts carried by the text readers: Markdown, plain text, HTML, LaTeX.

Every reader gives a note's italics the same way, as its ``styled`` text
(``<i>...</i>``), and writes a superscript that is no marker as ``^n``.
"""

from __future__ import annotations

import random
import re

import pytest

from citecheck.footnotes import find_footnotes
from citecheck.readers import _text, html, latex, markdown, plaintext
from citecheck.readers._text import ITALIC_OFF, ITALIC_ON, styled, superscript

# --------------------------------------------------------------------------
# The shared helpers
# --------------------------------------------------------------------------


def test_styled_marks_runs_and_escapes_what_the_parser_would_read_as_markup() -> None:
    marked = f"See {ITALIC_ON}Border Games {ITALIC_OFF}, p*  and C:\\x"
    assert styled(marked) == (
        "See Border Games , p*  and C:\\x",
        "See <i>Border Games</i> , p\\*  and C:\\\\x",
    )


def _styled_by_characters(marked: str) -> tuple[str, str]:
    """The reading before the marks were balanced piece by piece: the reference."""
    if ITALIC_ON not in marked:
        text = marked.translate(_text._MARKS)
        return text, _text._escape(text)
    # A builder that collapses blanks sees a mark as a word: "a <mark> b"
    # must read "a b", and a note's text starts and ends with a word.
    marked = _text._LOOSE_MARK.sub(r"\1", marked)
    marked = _text._EDGE_BLANKS.sub(r"\1", marked)
    text = marked.translate(_text._MARKS)
    balanced: list[str] = []
    italic = False
    for char in marked:
        if char in (ITALIC_ON, ITALIC_OFF):
            wanted = char == ITALIC_ON
            if wanted != italic:
                balanced.append(char)
                italic = wanted
            continue
        balanced.append(char)
    if italic:
        balanced.append(ITALIC_OFF)
    joined = re.sub(f"{ITALIC_OFF}(\\s*){ITALIC_ON}", r"\1", "".join(balanced))
    out: list[str] = []
    position = 0
    for m in _text._ITALIC_RUN.finditer(joined):
        out.append(_text._escape(joined[position : m.start()]))
        inner = m.group(1)
        core = inner.strip()
        if core:
            lead = inner[: len(inner) - len(inner.lstrip())]
            tail = inner[len(inner.rstrip()) :]
            out.append(f"{lead}<i>{_text._escape(core)}</i>{tail}")
        else:
            out.append(inner)
        position = m.end()
    out.append(_text._escape(joined[position:]))
    return text, "".join(out)


def test_styled_reads_any_mix_of_marks_as_a_walk_over_every_character() -> None:
    # The marks are balanced over the pieces between them, not one character at a time:
    # the same text and runs for any mix of marks, blanks, stars, backslashes and words.
    rng = random.Random(11)
    alphabet = [ITALIC_ON, ITALIC_OFF, " ", "  ", "*", "\\", "a", "Bc", ","]
    for _ in range(5000):
        marked = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert styled(marked) == _styled_by_characters(marked), repr(marked)


def test_styled_joins_runs_parted_by_blanks_and_balances_stray_marks() -> None:
    marked = f"{ITALIC_ON} War;{ITALIC_OFF} {ITALIC_ON}Peace{ITALIC_OFF}{ITALIC_OFF}, {ITALIC_ON}x"
    text, marked_out = styled(marked)
    assert text == "War; Peace, x"
    assert marked_out == "<i>War; Peace</i>, <i>x</i>"


def test_a_mark_between_two_blanks_leaves_one_blank() -> None:
    assert styled(f"a {ITALIC_ON} b {ITALIC_OFF} c") == ("a b c", "a <i>b</i> c")


@pytest.mark.parametrize(
    ("raised", "reads"),
    [("3", "^3"), (" -2 ", " ^-2 "), ("1.5", "^1.5"), ("th", "th"), ("er", "er"), ("*", "*")],
)
def test_superscript_puts_a_caret_before_numbers_only(raised: str, reads: str) -> None:
    assert superscript(raised) == reads


# --------------------------------------------------------------------------
# Markdown and the <sup> plain-text style
# --------------------------------------------------------------------------


def _md_note(source: str) -> tuple[str, str]:
    note = markdown.read("a.md", f"Claim.[^1]\n\n[^1]: {source}\n".encode()).notes[0]
    return note.text, note.styled


@pytest.mark.parametrize(
    ("source", "styled_text"),
    [
        ("Jane Roe, *War; Peace; and the Border* (2001).", "<i>War; Peace; and the Border</i>"),
        ("Jane Roe, _War; Peace; and the Border_ (2001).", "<i>War; Peace; and the Border</i>"),
        ("Jane Roe, ***War; Peace*** (2001).", "<i>War; Peace</i>"),
        ("Jane Roe, <em>War; Peace</em> (2001).", "<i>War; Peace</i>"),
        ("Jane Roe, <cite>War; Peace</cite> (2001).", "<i>War; Peace</i>"),
    ],
)
def test_markdown_emphasis_reaches_the_note_as_italics(source: str, styled_text: str) -> None:
    text, marked = _md_note(source)
    assert text.startswith("Jane Roe, War; Peace")
    assert styled_text in marked


def test_markdown_bold_is_not_italic_and_snake_case_stays() -> None:
    text, marked = _md_note("Roe, **Strong** and file_name_here, *Title*.")
    assert text == "Roe, Strong and file_name_here, Title."
    assert marked == "Roe, Strong and file_name_here, <i>Title</i>."


def test_markdown_underscores_pair_beside_unicode_punctuation() -> None:
    # CommonMark counts “ and ” as punctuation: “_Title_” is emphasis.
    text, marked = _md_note("Roe, “_The N-11_,” Paper No. 153.")
    assert text == "Roe, “The N-11,” Paper No. 153."
    assert marked == "Roe, “<i>The N-11</i>,” Paper No. 153."


def test_markdown_note_with_a_link_keeps_its_italics() -> None:
    # The raw source ("[text](url)") no longer says what the text says; the styled text does.
    text, marked = _md_note("Roe, *Fences* (2001), [online](https://example.org/f).")
    assert text == "Roe, Fences (2001), online (https://example.org/f)."
    assert marked == "Roe, <i>Fences</i> (2001), online (https://example.org/f)."


def test_markdown_superscripts_keep_apart_from_the_digits_before_them() -> None:
    manuscript = markdown.read(
        "a.md", b"Trade rose 10<sup>3</sup> fold over 3 km^2^ of land.[^1]\n\n[^1]: Area in m^2^.\n"
    )
    assert "Trade rose 10^3 fold over 3 km^2 of land." in manuscript.body
    assert manuscript.notes[0].text == "Area in m^2."
    assert [m.label for m in manuscript.markers] == ["1"]


def test_plaintext_note_cut_by_a_page_break_keeps_its_italics_across_the_cut() -> None:
    text = (
        "A claim.<sup>1</sup>\n\n---\n\n<sup>1</sup> Jane Roe, *War; Peace;\n\n"
        "Body text of the next page.\n\n---\n\nand the Border* (2001).\n\n"
        "<sup>2</sup> Second note.\n"
    )
    notes = plaintext.read("a.txt", text.encode()).notes
    assert notes[0].text == "Jane Roe, War; Peace; and the Border (2001)."
    assert notes[0].styled == "Jane Roe, <i>War; Peace; and the Border</i> (2001)."


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def _html_note(note: str, *, head: str = "") -> tuple[str, str]:
    page = (
        f"<!DOCTYPE html><html><head><title>T</title>{head}</head><body>"
        '<p>Claim.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref">'
        '<sup>1</sup></a></p><section class="footnotes" role="doc-endnotes"><ol>'
        f'<li id="fn1"><p>{note}<a href="#fnref1" class="footnote-back" '
        'role="doc-backlink">↩︎</a></p></li></ol></section></body></html>'
    )
    found = html.read("a.html", page.encode()).notes[0]
    return found.text, found.styled


@pytest.mark.parametrize(
    "italic",
    [
        "<i>War; Peace</i>",
        "<em>War; Peace</em>",
        "<cite>War; Peace</cite>",
        '<span style="font-style: italic">War; Peace</span>',
        '<span class="c3">War; Peace</span>',
    ],
)
def test_html_italics_of_every_kind_reach_the_note(italic: str) -> None:
    text, marked = _html_note(
        f"Jane Roe, {italic} (2001).", head="<style>.c1{color:red}.c3{font-style:italic}</style>"
    )
    assert text == "Jane Roe, War; Peace (2001)."
    assert marked == "Jane Roe, <i>War; Peace</i> (2001)."


@pytest.mark.parametrize(
    ("classes", "styled_text"),
    [("c1 c3", "Jane Roe, War; Peace (2001)."), ("c3 c1", "Jane Roe, War; Peace (2001).")],
)
def test_html_the_later_class_rule_wins_whatever_the_order_of_classes(
    classes: str, styled_text: str
) -> None:
    # .c3 sets italics, the later .c1 rule sets them upright: as in a browser.
    head = "<style>.c3{font-style:italic}.c1{font-style:normal}</style>"
    assert (
        _html_note(f'Jane Roe, <span class="{classes}">War; Peace</span> (2001).', head=head)[1]
        == styled_text
    )


def test_html_upright_inside_italics_and_link_addresses_are_not_italic() -> None:
    text, marked = _html_note(
        '<i>Title with <span style="font-style:normal">Upright</span> words</i>, '
        '<i><a href="https://example.org/t">the page</a></i>.'
    )
    assert text == "Title with Upright words, the page (https://example.org/t)."
    assert marked == (
        "<i>Title with</i> Upright <i>words</i>, <i>the page</i> (https://example.org/t)."
    )


def test_html_exponents_in_body_and_notes_but_markers_stay_markers() -> None:
    page = (
        "<!DOCTYPE html><html><body><p>It grew 10<sup>6</sup> times.<sup>1</sup></p>"
        "<p><sup>1</sup> Area of 3 km<sup>2</sup>.</p></body></html>"
    )
    manuscript = html.read("a.html", page.encode())
    assert [m.label for m in manuscript.markers] == ["1"]
    assert manuscript.body == "It grew 10^6 times."
    assert [n.text for n in manuscript.notes] == ["Area of 3 km^2."]


# --------------------------------------------------------------------------
# LaTeX
# --------------------------------------------------------------------------


def _tex_note(note: str, body: str = "Claim.") -> tuple[str, str]:
    source = f"\\begin{{document}}\n{body}\\footnote{{{note}}}\n\\end{{document}}\n"
    found = latex.read("a.tex", source.encode()).notes[0]
    return found.text, found.styled


@pytest.mark.parametrize(
    "italic",
    [
        "\\emph{War; Peace}",
        "\\textit{War; Peace}",
        "\\textsl{War; Peace}",
        "{\\em War; Peace}",
        "{\\itshape War; Peace}",
        "\\mkbibemph{War; Peace}",
    ],
)
def test_latex_italics_of_every_kind_reach_the_note(italic: str) -> None:
    assert _tex_note(f"Jane Roe, {italic} (2001).") == (
        "Jane Roe, War; Peace (2001).",
        "Jane Roe, <i>War; Peace</i> (2001).",
    )


def test_latex_emph_inside_italics_is_upright_and_shapes_end_with_their_group() -> None:
    text, marked = _tex_note("\\textit{Law and \\emph{Order} today}, {\\em X} and {\\upshape Y}.")
    assert text == "Law and Order today, X and Y."
    assert marked == "<i>Law and</i> Order <i>today</i>, <i>X</i> and Y."


def test_a_latex_note_starts_upright_whatever_surrounds_its_marker() -> None:
    text, marked = _tex_note("Roe, \\emph{Fences}.", body="{\\itshape Claim in italics.}")
    assert marked == "Roe, <i>Fences</i>."
    assert text == "Roe, Fences."


def test_latex_textsuperscript_is_an_exponent_or_an_ordinal() -> None:
    source = (
        "\\begin{document}\nIt grew 10\\textsuperscript{6} times on the "
        "25\\textsuperscript{th} day.\\footnote{In m\\textsuperscript{2}.}\n\\end{document}\n"
    )
    manuscript = latex.read("a.tex", source.encode())
    assert manuscript.body == "It grew 10^6 times on the 25th day."
    assert manuscript.notes[0].text == "In m^2."


# --------------------------------------------------------------------------
# Through the footnotes stage
# --------------------------------------------------------------------------


def test_the_footnotes_stage_hands_the_styled_text_on() -> None:
    manuscript = markdown.read("a.md", b"Claim.[^1]\n\n[^1]: Roe, *Fences*.\n")
    (footnote,) = find_footnotes(manuscript).footnotes
    assert footnote.styled == "Roe, <i>Fences</i>."
    assert footnote.raw == "Roe, *Fences*."
