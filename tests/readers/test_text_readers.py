"""Properties of the plain-text, Markdown and LaTeX readers beyond the corpus.

The central promise of the plain-text reader: however page breaks cut the
notes, every note comes back whole, once, and nothing of a note is left in
the body. Hypothesis builds the pages.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.errors import InputError
from citecheck.readers import latex, markdown, plaintext

_BODY_WORDS = st.sampled_from(["border", "trade", "flows", "policy", "river", "ports"])
_NOTE_WORDS = st.sampled_from(["Smith", "Report", "vol.", "2010", "Press", "Review", "pp."])


@st.composite
def _paginated(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """A sup-style manuscript: pages of body, then notes, some cut by the page end."""
    count = draw(st.integers(min_value=1, max_value=12))
    notes = [
        " ".join(draw(st.lists(_NOTE_WORDS, min_size=3, max_size=12))) + "." for _ in range(count)
    ]
    pages: list[str] = []
    label = 1
    carry: str | None = None  # the rest of a note cut by the previous page
    while label <= count or carry is not None:
        on_page = draw(st.integers(min_value=0 if carry else 1, max_value=3))
        labels = list(range(label, min(label + on_page, count + 1)))
        words = " ".join(draw(st.lists(_BODY_WORDS, min_size=2, max_size=6)))
        body = " ".join(f"The {words} matter.<sup>{n}</sup>" for n in labels) or f"The {words}."
        block = [f"{body} And the {words}", "---"]
        if carry is not None:
            block.append(carry)
            carry = None
        for n in labels:
            text = notes[n - 1]
            words_in_note = text.split()
            cut = draw(st.integers(min_value=0, max_value=len(words_in_note) - 1))
            if n == labels[-1] and n < count and cut > 0 and draw(st.booleans()):
                block.append(f"<sup>{n}</sup> " + " ".join(words_in_note[:cut]) + ",")
                carry = " ".join(words_in_note[cut:])
                notes[n - 1] = " ".join(words_in_note[:cut]) + ", " + carry
            else:
                block.append(f"<sup>{n}</sup> {text}")
        pages.append("\n\n".join(block))
        label += len(labels)
        if not labels and carry is None and label > count:
            break
    return "\n\n".join(pages) + "\n", notes, [str(n) for n in range(1, count + 1)]


@settings(max_examples=60, deadline=None)
@given(_paginated())
def test_page_breaks_never_lose_or_duplicate_note_text(
    case: tuple[str, list[str], list[str]],
) -> None:
    text, notes, labels = case
    manuscript = plaintext.read("book.txt", text.encode("utf-8"))
    assert [n.label for n in manuscript.notes] == labels
    assert [n.text for n in manuscript.notes] == notes
    assert [m.label for m in manuscript.markers] == labels
    for word in ("Smith", "Report", "Press", "Review"):
        assert word not in manuscript.body


def test_marker_offsets_point_just_after_the_marked_text() -> None:
    sources = {
        plaintext: b"# Title\n\nA *claim*.<sup>1</sup> More \\$5.\n\n---\n\n<sup>1</sup> Note.\n",
        markdown: b"# Title\n\nA *claim*.[^1] More \\$5.\n\n[^1]: Note.\n",
        latex: b"\\section{Title}\n\nA \\emph{claim}.\\footnote{Note.} More \\$5.\n",
    }
    for reader, data in sources.items():
        manuscript = reader.read("m", data)
        (marker,) = manuscript.markers
        assert manuscript.body[: marker.offset].endswith("A claim."), reader.__name__
        assert manuscript.body[marker.offset :].startswith(" More $5."), reader.__name__
        assert marker.location.line == 3, reader.__name__
        assert manuscript.title == "Title" or reader is latex


def test_markdown_definition_ends_at_an_unindented_paragraph() -> None:
    data = b"Claim.[^1]\n\n[^1]: First line\nlazy line.\n\n    Second paragraph.\n\nBody again.\n"
    manuscript = markdown.read("m.md", data)
    assert manuscript.notes[0].text == "First line lazy line. Second paragraph."
    assert manuscript.body.endswith("Body again.")
    assert "Second paragraph" not in manuscript.body


def test_markdown_inline_note_with_nested_brackets_and_escapes() -> None:
    data = b"Claim.^[See [a [nested] title](http://x.org/a_(b)) and \\] too.] After.\n"
    manuscript = markdown.read("m.md", data)
    assert manuscript.notes[0].text == "See a [nested] title (http://x.org/a_(b)) and ] too."
    assert manuscript.body == "Claim. After."
    assert manuscript.notes[0].label == manuscript.markers[0].label == "1"


def test_markdown_underscores_in_words_and_urls_stay() -> None:
    data = b"Claim.[^1]\n\n[^1]: _Title_ in snake_case, http://x.org/a_b_c and __bold__.\n"
    assert markdown.read("m.md", data).notes[0].text == (
        "Title in snake_case, http://x.org/a_b_c and bold."
    )


def test_markdown_unpaired_underscores_and_escapes_become_their_characters() -> None:
    # "C#_code" opens no emphasis that anything closes: the underscore is text;
    # a backslash before ASCII punctuation gives the character, before a letter stays.
    data = (
        b"Claim.[^1]\n\n[^1]: *Profits: 100% of C#_code and C#\\_code, \\#1 \\*x\\* \\[y\\]"
        b" \\backslash*, _T_ and _a_b_.\n"
    )
    assert markdown.read("m.md", data).notes[0].text == (
        "Profits: 100% of C#_code and C#_code, #1 *x* [y] \\backslash, T and a_b."
    )


def test_latex_comments_escapes_and_footnote_numbering() -> None:
    data = (
        b"\\documentclass{article}\n\\title{A \\& B}\n\\begin{document}\n"
        b"Up 10\\% today.\\footnote{Source, p.~4 % a comment }\n"
        b"  --- see \\url{http://x.org/a\\_b}.} Then\\footnotemark[7] and\\footnotemark.\n"
        b"\\footnotetext[7]{Seven.}\\footnotetext{Two.}\n\\end{document}\n"
    )
    manuscript = latex.read("m.tex", data)
    assert manuscript.title == "A & B"
    assert [(n.label, n.text) for n in manuscript.notes] == [
        ("1", "Source, p. 4 — see http://x.org/a_b."),
        ("7", "Seven."),
        ("2", "Two."),
    ]
    assert [m.label for m in manuscript.markers] == ["1", "7", "2"]
    assert manuscript.body == "Up 10% today. Then and."
    assert manuscript.notes[0].location.line == 4


_PIECES = [
    *"ab Z.,;:!?\n\t-_*`'\"“”\\{}[]()^<>/%$&~#|1239",
    *("<sup>", "</sup>", "<sup>1</sup>", "[^1]", "[^x]:", "^[", "---", "\\footnote"),
    *("\\footnotemark", "\\footnotetext", "\\url", "\\begin{document}", "http://", "    "),
]
_NOISE = st.lists(st.sampled_from(_PIECES), max_size=200).map("".join)


@settings(max_examples=150, deadline=None)
@given(_NOISE)
def test_any_text_reads_without_a_crash(text: str) -> None:
    from citecheck.errors import InputError
    from citecheck.footnotes import find_footnotes

    for reader in (plaintext, markdown, latex):
        try:
            manuscript = reader.read("noise", text.encode("utf-8"))
        except InputError:
            continue  # a clear error is allowed; a crash is not
        for marker in manuscript.markers:
            assert 0 <= marker.offset <= len(manuscript.body)
            assert marker.location.line >= 1
        footnotes = find_footnotes(manuscript)
        assert len(footnotes.footnotes) == len(manuscript.notes)


def test_latex_nesting_beyond_reason_is_a_clear_error() -> None:
    from citecheck.errors import ManuscriptSyntaxError

    deep = b"Text " + b"{" * 5000 + b"x" + b"}" * 5000
    with pytest.raises(ManuscriptSyntaxError, match=r"^deep\.tex:1: .* nested more than 100 deep$"):
        latex.read("deep.tex", deep)


def test_the_benchmark_book_reads_back_whole() -> None:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "benchmarks" / "read.py"
    spec = importlib.util.spec_from_file_location("read_benchmark", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text, expected = module.build(300)
    manuscript = plaintext.read("book.txt", text.encode("utf-8"))
    assert [n.text for n in manuscript.notes] == expected
    assert any("\n" in n.raw for n in manuscript.notes)  # some notes were cut by a page


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("bom", [True, False])
def test_utf16_is_named_and_refused(encoding: str, bom: bool) -> None:
    text = "The claim.[^1]\n\n[^1]: Ana Ruiz, Rivers 4 (2001).\n"
    data = ("\ufeff" if bom else "").encode(encoding) + text.encode(encoding)
    for reader in (plaintext.read, markdown.read, latex.read):
        with pytest.raises(InputError, match=r"UTF-16.*save it as UTF-8"):
            reader("essay.md", data)


def test_nul_bytes_that_are_not_utf16_are_left_to_the_registry() -> None:
    assert plaintext.utf16_problem(b"The claim.\x00 Another line with text.\n") is None
    assert plaintext.utf16_problem("Caf\u00e9 text.\n".encode()) is None
