"""Reader for HTML manuscripts: file bytes -> ``Manuscript``.

HTML has no single footnote element, so the reader follows the links that
every producer draws between a note reference and its note: Pandoc
(``a.footnote-ref`` -> ``li#fn1``), Word's "Save as HTML" (``#_ftn1`` /
``#_edn1`` anchors), WordPress footnote blocks and plugins, EPUB
``epub:type="noteref"`` -> ``aside``. A link is a note reference when it
says so (class, role, ``epub:type``, Word's anchor names) or when it looks
like one (a short label in a superscript) and points inside the document.
The note is the block the link lands in; links pointing back at the
reference are the note's back-links and are dropped.

When no such links exist, a fallback reads bare ``<sup>n</sup>`` markers
with notes that start with the same superscript or sit in a list under a
"Notes" heading.

Source lines come from the parser (``sourceline``). The page is parsed with
lxml's HTML parser (BeautifulSoup's lxml builder drops source lines); bs4's
``EncodingDetector`` lists the candidate encodings. Well-formed XHTML (EPUB content
documents) is parsed as XML without loading a DTD or resolving entities.

This module reads and renders; the parsed page and its element helpers live
in ``_html_page``, the note finders in ``_html_notes``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from citecheck.model import Location, Manuscript, NoteMarker, NoteText
from citecheck.readers._html_notes import _find_linked_notes, _find_superscript_notes, _Note, _Notes
from citecheck.readers._html_page import (
    _BLOCK_TAGS,
    _CELL_TAGS,
    _LEADING_NUMBER,
    _SKIP_TAGS,
    Element,
    _classes,
    _decode,
    _Page,
    _parse,
    _tag,
    _text_of,
)
from citecheck.readers._text import (
    ITALIC_OFF,
    ITALIC_ON,
    TextBuilder,
    keep_link_address,
    styled,
    superscript,
)

__all__ = ["read"]

_WEB_LINK = re.compile(r"(?:https?://|www\.)\S", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"\s*(?:\[\s*\]|\(\s*\))")
_BACK_ARROWS = frozenset("↩↑⤴⤶\ufe0e\ufe0f")


def read(path: str, data: bytes) -> Manuscript:
    """Read an HTML (or XHTML) manuscript.

    Raises:
        ManuscriptSyntaxError: the bytes cannot be parsed as HTML at all.
    """
    source = _decode(data)
    root = _parse(path, data, source)
    if root is None:
        return Manuscript(path=path, format="html", body="", markers=(), notes=(), title=None)
    page = _Page(root, source)
    notes = _find_linked_notes(page)
    if not notes.refs:
        notes = _find_superscript_notes(page)
    body = _render_body(path, page, notes)
    italics = _Italics(root)
    note_texts = tuple(_note_text(path, page, note, italics) for note in notes.notes)
    return Manuscript(
        path=path,
        format="html",
        body=body.text,
        markers=body.markers,
        notes=note_texts,
        title=_title(root),
        line_starts=body.line_starts,
        verbatim=body.verbatim,
        body_links=body.links,
    )


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------


def _walk(
    el: Element,
    out: TextBuilder,
    *,
    skip: set[Element],
    on_marker: dict[Element, str] | None = None,
    marks: list[tuple[Element, str, int]] | None = None,
    with_urls: bool = False,
    links: list[tuple[str, int]] | None = None,
    line_of: Callable[[Element], int] | None = None,
    verbatim: list[tuple[int, int]] | None = None,
    italics: _Italics | None = None,
) -> None:
    """Render ``el`` (not its tail) as plain text into ``out``.

    An explicit stack instead of recursion: pages nest deeper than Python's
    recursion limit more often than one would think. ``verbatim`` gets the
    (start, end) offsets of each ``<pre>`` block: code, not prose. With
    ``italics`` (a note's text), italic runs are marked in the text. ``links``
    gets (address, offset after the linked words) of each web link.
    Superscripts that are no marker read as ``superscript`` writes them.
    """
    stack: list[tuple[Element, bool]] = [(el, False)]
    root = el
    link_starts: dict[Element, int] = {}
    pre_starts: dict[Element, int] = {}
    # The italics in force outside each open element that changed them.
    outer_italic: dict[Element, bool] = {}
    italic = False
    while stack:
        node, closing = stack.pop()
        tag = _tag(node)
        if closing:
            if verbatim is not None and node in pre_starts:
                verbatim.append((pre_starts.pop(node), out.offset))
            if tag in _BLOCK_TAGS:
                out.block_break()
            elif tag in _CELL_TAGS:
                out.space()
            if links is not None and tag == "a":
                address = _unwrap_redirect((node.get("href") or "").strip())
                if _WEB_LINK.match(address):
                    links.append((address, out.offset))
            if with_urls and tag == "a":
                if italic:
                    out.add(ITALIC_OFF)  # the address is no part of the italics
                _append_url(node, out, link_starts.pop(node, out.offset))
                if italic:
                    out.add(ITALIC_ON)
            if node in outer_italic:
                italic = outer_italic.pop(node)
                out.add(ITALIC_ON if italic else ITALIC_OFF)
            if node is not root and node.tail:
                out.add(node.tail)
            continue
        if not tag or node in skip or tag in _SKIP_TAGS:
            if node is not root and node.tail:
                out.add(node.tail)
            continue
        if on_marker is not None and node in on_marker:
            if marks is not None:
                marks.append((node, on_marker[node], out.offset))
            if node is not root and node.tail:
                out.add(node.tail)
            continue
        if tag == "br":
            out.line_break()
            if node.tail:
                out.add(node.tail)
            continue
        if tag in _BLOCK_TAGS:
            out.block_break()
            if line_of is not None:
                out.at_line(line_of(node))
        if tag == "a":
            link_starts[node] = out.offset
        if tag == "pre" and verbatim is not None and not pre_starts:
            pre_starts[node] = out.offset  # the outermost <pre> of a nest
        if italics is not None:
            wanted = italics.of(node, italic)
            if wanted != italic:
                outer_italic[node] = italic
                italic = wanted
                out.add(ITALIC_ON if italic else ITALIC_OFF)
        if tag == "sup" and _exponent(node, on_marker):
            out.add("^")
        if node.text:
            out.add(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node)))


def _exponent(sup: Element, on_marker: dict[Element, str] | None) -> bool:
    """Is this superscript a number that is no note marker (10<sup>3</sup>)?"""
    if on_marker and any(d in on_marker for d in sup.iter()):
        return False
    return superscript(_text_of(sup)).startswith("^")


class _Italics:
    """What the page prints in italics: the tags browsers italicise, and ``font-style``.

    An element's own ``style="font-style: ..."`` decides first, then a class
    that the page's ``<style>`` sets in italics or upright (as Google Docs
    exports write ``.c3{font-style:italic}``), then the tag; else the
    element is as its parent.
    """

    TAGS = frozenset({"i", "em", "cite", "var", "dfn"})

    def __init__(self, root: Element) -> None:
        # class -> (place of its last rule in the page, italic): a later rule wins.
        self.classes: dict[str, tuple[int, bool]] = {}
        rules = (m for style in root.iter("style") for m in _CSS_RULE.finditer(style.text or ""))
        for place, m in enumerate(rules):
            found = _FONT_STYLE.search(m.group(2))
            if found is not None:
                self.classes[m.group(1).lower()] = (place, found.group(1).lower() != "normal")

    def of(self, el: Element, parent: bool) -> bool:
        declared = _FONT_STYLE.search(el.get("style") or "")
        if declared is not None:
            return declared.group(1).lower() != "normal"
        if self.classes:
            ruled = [self.classes[name] for name in _classes(el) if name in self.classes]
            if ruled:
                return max(ruled)[1]
        return True if _tag(el) in self.TAGS else parent


# ".c3{...}" or ".c3, .c7 {...}": simple class rules only.
_CSS_RULE = re.compile(r"\.([\w-]+)\s*\{([^{}]*)\}")
_FONT_STYLE = re.compile(r"font-style\s*:\s*(italic|oblique|normal)\b", re.IGNORECASE)


def _append_url(link: Element, out: TextBuilder, start: int) -> None:
    """Keep a link's address when the visible text does not show it."""
    keep_link_address(out, _unwrap_redirect(link.get("href") or ""), start)


def _unwrap_redirect(href: str) -> str:
    """The real address behind Google's click-tracking links (Google Docs exports)."""
    try:
        parts = urlsplit(href)
    except ValueError:  # "https://[::1": not a URL we can unwrap; keep it as written
        return href
    if parts.netloc in {"www.google.com", "google.com"} and parts.path == "/url":
        target = parse_qs(parts.query).get("q", [""])[0]
        if target.startswith(("http://", "https://")):
            return target
    return href


def _render_body(path: str, page: _Page, notes: _Notes) -> _Body:
    body_el = page.root.find("body")
    start = body_el if body_el is not None else page.root
    out = TextBuilder("\n\n")
    marks: list[tuple[Element, str, int]] = []
    verbatim: list[tuple[int, int]] = []
    links: list[tuple[str, int]] = []
    _walk(
        start,
        out,
        skip=notes.excluded,
        on_marker=notes.refs,
        marks=marks,
        links=links,
        line_of=page.line,
        verbatim=verbatim,
    )
    markers = tuple(
        NoteMarker(label=label, offset=offset, location=Location(path, page.line(el)))
        for el, label, offset in marks
    )
    spans = tuple((a, b) for a, b in verbatim if b > a)
    return _Body(out.value(), markers, tuple(out.line_starts), spans, tuple(links))


@dataclass(frozen=True)
class _Body:
    text: str
    markers: tuple[NoteMarker, ...]
    line_starts: tuple[tuple[int, int], ...]
    verbatim: tuple[tuple[int, int], ...] = ()
    links: tuple[tuple[str, int], ...] = ()


def _note_text(path: str, page: _Page, note: _Note, italics: _Italics) -> NoteText:
    out = TextBuilder("\n")
    # (Markers inside a note were already left out of ``notes.refs``: they print as text.)
    _walk(note.container, out, skip=note.drop, with_urls=True, italics=italics)
    marked = _EMPTY_BRACKETS.sub("", out.value()).strip()
    if note.strip_number:
        marked = _LEADING_NUMBER.sub("", marked, count=1)
    text, marked = styled(_drop_back_arrows(marked))
    raw = etree.tostring(note.container, encoding="unicode", method="html", with_tail=False)
    return NoteText(
        label=note.label,
        text=text,
        location=Location(path, page.line(note.container)),
        raw=raw.strip(),
        styled=marked,
    )


def _drop_back_arrows(text: str) -> str:
    # A back-link whose href we could not follow still prints its arrow at the end.
    while text and text[-1] in _BACK_ARROWS:
        text = text[:-1].rstrip()
    return text


def _title(root: Element) -> str | None:
    for candidate in _title_candidates(root):
        text = _text_of(candidate)
        if text:
            return text
    return None


def _title_candidates(root: Element) -> Iterable[Element]:
    yield from root.iter("title")
    yield from (h for h in root.iter("h1") if "title" in _classes(h))
    yield from root.iter("h1")
