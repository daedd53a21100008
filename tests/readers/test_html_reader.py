"""The HTML reader on small pages: markers, note text, lines, encodings, safety."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.errors import ManuscriptSyntaxError
from citecheck.readers.html import read


def _page(body: str, *, head: str = "<title>T</title>") -> bytes:
    return f"<!DOCTYPE html>\n<html><head>{head}</head><body>\n{body}\n</body></html>".encode()


def _pandoc_note(n: int, text: str) -> str:
    return (
        f'<li id="fn{n}"><p>{text}<a href="#fnref{n}" class="footnote-back" '
        'role="doc-backlink">↩︎</a></p></li>'
    )


def _pandoc_ref(n: int) -> str:
    return (
        f'<a href="#fn{n}" class="footnote-ref" id="fnref{n}" role="doc-noteref"><sup>{n}</sup></a>'
    )


def test_marker_offset_points_after_the_text_it_follows() -> None:
    page = _page(
        f"<p>First claim.{_pandoc_ref(1)} Second claim,{_pandoc_ref(2)} goes on.</p>"
        f'<section class="footnotes" role="doc-endnotes"><hr /><ol>'
        f"{_pandoc_note(1, 'One.')}{_pandoc_note(2, 'Two.')}</ol></section>"
    )
    manuscript = read("a.html", page)
    assert manuscript.body == "First claim. Second claim, goes on."
    first, second = manuscript.markers
    assert manuscript.body[: first.offset] == "First claim."
    assert manuscript.body[: second.offset] == "First claim. Second claim,"
    assert [(n.label, n.text) for n in manuscript.notes] == [("1", "One."), ("2", "Two.")]
    assert manuscript.format == "html"


def test_ordinals_and_powers_are_not_markers() -> None:
    page = _page(
        "<p>The 25<sup>th</sup> anniversary, the 1<sup>er</sup> mai, 10<sup>6</sup> tons, "
        "3 km<sup>2</sup> of land.<sup>1</sup></p><h2>Notes</h2><ol><li>A note.</li></ol>"
    )
    manuscript = read("a.html", page)
    assert [m.label for m in manuscript.markers] == ["1"]
    # Ordinals read on; exponents keep apart from what they raise (not "106 tons").
    assert "25th anniversary, the 1er mai, 10^6 tons, 3 km^2 of land." in manuscript.body
    assert [n.text for n in manuscript.notes] == ["A note."]


def test_superscripts_without_any_notes_are_not_markers() -> None:
    manuscript = read("a.html", _page("<p>It was the 21<sup>st</sup> time.<sup>1</sup></p>"))
    assert manuscript.markers == ()
    assert manuscript.notes == ()
    assert manuscript.body == "It was the 21st time.^1"


def test_in_page_links_with_numbers_are_not_markers() -> None:
    page = _page(
        '<nav><a href="#s1">1</a></nav><p>See <a href="#s1">section 1</a> and '
        '<a href="#s2">2</a>.</p><h2 id="s1">One</h2><h2 id="s2">Two</h2>'
    )
    manuscript = read("a.html", page)
    assert manuscript.markers == ()
    assert manuscript.notes == ()


def test_body_leaves_out_scripts_styles_navigation_and_the_notes() -> None:
    page = _page(
        f"<nav>Home | About</nav><script>var a = '<p>x</p>';</script><style>p {{}}</style>"
        f"<p>Claim.{_pandoc_ref(1)}</p><noscript>Enable JS</noscript>"
        f'<section class="footnotes"><ol>{_pandoc_note(1, "Note text.")}</ol></section>',
        head="<title>T</title><script>var b;</script>",
    )
    assert read("a.html", page).body == "Claim."


def test_a_notes_heading_goes_with_the_notes() -> None:
    page = _page(
        f"<p>Claim.{_pandoc_ref(1)}</p><h2>Notes</h2>"
        f"<div><ol>{_pandoc_note(1, 'Note text.')}</ol></div>"
    )
    assert read("a.html", page).body == "Claim."


def test_link_addresses_survive_when_not_shown() -> None:
    note = (
        'See <a href="https://example.org/report.pdf">the report</a>, '
        '<a href="https://example.org/a">https://example.org/a</a>, '
        '<a href="other.html">a relative page</a>, '
        '<a href="mailto:desk@example.org">desk@example.org</a> and '
        '<a href="#sec">a section</a>.'
    )
    page = _page(f"<p>Claim.{_pandoc_ref(1)}</p><ol>{_pandoc_note(1, note)}</ol>")
    assert read("a.html", page).notes[0].text == (
        "See the report (https://example.org/report.pdf), https://example.org/a, "
        "a relative page, desk@example.org and a section."
    )


def test_two_markers_for_one_note() -> None:
    page = _page(
        '<p>A.<a href="#fn1" class="footnote-ref" id="r1"><sup>1</sup></a> '
        'B.<a href="#fn1" class="footnote-ref" id="r1b"><sup>1</sup></a></p>'
        '<ol><li id="fn1">The note. <a href="#r1" class="footnote-back">↩</a></li></ol>'
    )
    manuscript = read("a.html", page)
    assert [m.label for m in manuscript.markers] == ["1", "1"]
    assert [n.text for n in manuscript.notes] == ["The note."]


def test_a_reference_to_a_missing_note_is_still_a_marker() -> None:
    page = _page(f"<p>A.{_pandoc_ref(1)} B.{_pandoc_ref(2)}</p><ol>{_pandoc_note(1, 'One.')}</ol>")
    manuscript = read("a.html", page)
    assert [m.label for m in manuscript.markers] == ["1", "2"]
    assert [n.label for n in manuscript.notes] == ["1"]


def test_lines_are_where_the_start_tags_begin() -> None:
    page = (
        b"<html><body>\n"  # 1
        b"<p>First claim.<a\n"  # 2
        b'href="#fn1" class="footnote-ref" id="fnref1"\n'  # 3
        b'role="doc-noteref"><sup>1</sup></a> Then <a href="#fn2"\n'  # 4
        b'class="footnote-ref" id="fnref2"><sup>2</sup></a></p>\n'  # 5
        b"<!-- <a href='#x'\n> a commented tag -->\n"  # 6-7
        b'<ol>\n<li id="fn1"><p>One.</p></li>\n'  # 8-9
        b'<li\nid="fn2"><p>Two.</p></li>\n</ol></body></html>\n'  # 10-11
    )
    manuscript = read("a.html", page)
    assert [m.location.line for m in manuscript.markers] == [2, 4]
    assert [n.location.line for n in manuscript.notes] == [9, 10]
    assert str(manuscript.notes[0].location) == "a.html:9"


def test_raw_is_the_note_source() -> None:
    page = _page(f"<p>A.{_pandoc_ref(1)}</p><ol>{_pandoc_note(1, '<em>Title</em>, 2001.')}</ol>")
    note = read("a.html", page).notes[0]
    assert note.raw.startswith('<li id="fn1">')
    assert "<em>Title</em>" in note.raw
    assert note.text == "Title, 2001."


def test_windows_1252_declared_in_meta() -> None:
    page = (
        '<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">'
        "</head><body><p>\u201cQuoted\u201d text.</p></body></html>"
    ).encode("cp1252")
    assert read("a.htm", page).body == "\u201cQuoted\u201d text."


def test_utf8_without_declaration() -> None:
    page = "<p>Mexico\u2019s Secretar\u00eda de Gobernaci\u00f3n.</p>".encode()
    assert read("a.html", page).body == "Mexico\u2019s Secretar\u00eda de Gobernaci\u00f3n."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_wins_over_a_declared_charset(encoding: str) -> None:
    # A page saved as "Unicode" keeps its <meta charset="utf-8">; the BOM decides.
    note = _pandoc_note(1, "Ley 7, 2001.")
    body = f"<p>Mexico\u2019s Gobernaci\u00f3n.{_pandoc_ref(1)}</p>\n<ol>{note}</ol>"
    page = _page(body, head='<meta charset="utf-8">')
    data = "\ufeff".encode(encoding) + page.decode().encode(encoding)
    manuscript = read("a.html", data)
    assert manuscript.body.startswith("Mexico\u2019s Gobernaci\u00f3n.")
    assert [note.text for note in manuscript.notes] == ["Ley 7, 2001."]


def test_xhtml_self_closing_anchor_does_not_swallow_text() -> None:
    page = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        b'<body><p>One.<a epub:type="noteref" href="#n1" id="r1">1</a><a id="pg2"/> Two.</p>'
        b'<aside epub:type="footnote" id="n1"><p>The note.</p></aside></body></html>'
    )
    manuscript = read("c.xhtml", page)
    assert manuscript.body == "One. Two."
    assert [(n.label, n.text) for n in manuscript.notes] == [("1", "The note.")]


def test_xhtml_that_is_not_well_formed_is_read_as_html() -> None:
    page = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>A&nbsp;b<br></p></body></html>'
    )
    assert read("c.xhtml", page).body == "A b"


def test_xml_entities_are_not_expanded() -> None:
    page = (
        b'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/hostname">'
        b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x&secret;&b;y</p></body></html>'
    )
    body = read("c.xhtml", page).body
    assert "aaaa" not in body
    assert len(body) < 40


@pytest.mark.parametrize("data", [b"", b"   \n", b"<!-- only a comment -->"])
def test_empty_pages_read_as_empty(data: bytes) -> None:
    manuscript = read("e.html", data)
    assert (manuscript.body, manuscript.markers, manuscript.notes) == ("", (), ())


def test_title_prefers_the_title_element() -> None:
    assert read("t.html", _page("<h1>Heading</h1>", head="<title> My  Title </title>")).title == (
        "My Title"
    )
    assert read("t.html", _page("<h1>Heading</h1>", head="")).title == "Heading"


_TAGS = st.sampled_from(
    ["<p>", "</p>", "<sup>", "</sup>", "<a href='#fn1'>", "</a>", "<li id='fn1'>", "<ol>",
     "</ol>", "<a class='footnote-ref' href='#x'>", "1", "2", " text ", "&amp;", "<br>",
     "<?xml ?>", "<!--", "-->", "\x00", "\ufffd", "<aside epub:type='footnote' id='x'>"]
)  # fmt: skip


# Generation may be slow on a busy machine: that is not the reader's failure.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TAGS, max_size=40))
def test_any_tag_soup_reads_without_error(parts: list[str]) -> None:
    try:
        manuscript = read("f.html", "".join(parts).encode())
    except ManuscriptSyntaxError:
        return
    for marker in manuscript.markers:
        assert 0 <= marker.offset <= len(manuscript.body)


def test_line_starts_map_body_offsets_to_source_lines() -> None:
    page = (
        b"<html><body>\n<h1>Title</h1>\n<p>First\nparagraph.</p>\n\n<p>Second.</p>\n</body></html>"
    )
    manuscript = read("a.html", page)
    assert manuscript.body == "Title\n\nFirst paragraph.\n\nSecond."
    assert manuscript.line_starts == ((0, 2), (7, 3), (25, 6))


def test_word_reference_that_prints_nothing_takes_the_anchor_number() -> None:
    page = _page(
        '<p>Claim.<a style="mso-footnote-id:ftn3" href="#_ftn3" name="_ftnref3">'
        '<span class="MsoFootnoteReference"><span style="mso-special-character:footnote">'
        "</span></span></a></p>"
        '<div style="mso-element:footnote-list"><div style="mso-element:footnote" id="ftn3">'
        '<p class="MsoFootnoteText"><a href="#_ftnref3" name="_ftn3"></a> The note.</p>'
        "</div></div>"
    )
    manuscript = read("w.htm", page)
    assert [m.label for m in manuscript.markers] == ["3"]
    assert [(n.label, n.text) for n in manuscript.notes] == [("3", "The note.")]
    assert manuscript.body == "Claim."


def test_a_notes_class_on_the_whole_article_keeps_the_article() -> None:
    page = _page(
        f'<article class="post has-notes"><p>Claim.{_pandoc_ref(1)}</p>'
        f'<p>More text.</p><ol class="footnotes">{_pandoc_note(1, "The note.")}</ol></article>'
    )
    manuscript = read("a.html", page)
    assert manuscript.body == "Claim.\n\nMore text."
    assert [n.text for n in manuscript.notes] == ["The note."]


def test_a_named_notes_section_may_hold_a_back_to_top_link() -> None:
    page = _page(
        f"<p>Claim.{_pandoc_ref(1)}</p><section class='footnotes'><h2>Notes</h2>"
        f"<ol>{_pandoc_note(1, 'The note.')}</ol><p><a href='#top'>Back to top</a></p></section>"
    )
    assert read("a.html", page).body == "Claim."


def test_a_superscript_link_to_a_heading_is_not_a_note() -> None:
    page = _page(
        '<p>As shown in section<sup><a href="#s2">2</a></sup>, it holds.</p>'
        '<h2 id="s2">Results</h2><p>Results text.</p>'
    )
    manuscript = read("a.html", page)
    assert manuscript.markers == ()
    assert manuscript.notes == ()
    assert "Results text." in manuscript.body


def test_undecodable_bytes_are_replaced_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    page = b'<meta charset="utf-8"><p>Caf\xc3\xa9 \x81\xff ok.</p>'
    assert read("a.html", page).body.startswith("Caf")
    assert capsys.readouterr().err == ""
