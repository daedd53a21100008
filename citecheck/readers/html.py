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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from bs4.dammit import EncodingDetector
from lxml import etree

from citecheck.errors import ManuscriptSyntaxError
from citecheck.model import Location, Manuscript, NoteMarker, NoteText
from citecheck.readers._text import TextBuilder, keep_link_address, small_number

__all__ = ["read"]

Element = etree._Element

_EPUB_NS = "http://www.idpf.org/2007/ops"

# Never part of the running text.
_SKIP_TAGS = frozenset(
    {"script", "style", "nav", "head", "template", "noscript", "title", "meta", "link", "svg"}
)
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "section", "article", "aside", "header", "footer", "main",
        "table", "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "hr", "address",
        "details", "summary", "form", "fieldset", "caption", "center", "body", "html",
    }
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Blocks a link that merely looks like a note reference cannot land in.
_NOT_NOTES = _HEADINGS | {"body", "html", "main", "article", "section", "header", "nav", "table"}

# Explicit signals that a link is a note reference or a back-link.
_REF_CLASSES = frozenset(
    {
        "footnote-ref",
        "footnoteref",
        "footnote-reference",
        "footnote-link",
        "fn-ref",
        "noteref",
        "sdfootnoteanc",
        "sdendnoteanc",  # LibreOffice
    }
)
_BACK_CLASSES = frozenset(
    {"footnote-back", "footnoteback", "footnote-backref", "backlink", "easy-footnote-to-top"}
)
_WORD_REF_HREF = re.compile(r"^#_(?:ftn|edn)\d+$", re.IGNORECASE)
_WORD_BACK_HREF = re.compile(r"^#_(?:ftn|edn)ref\d+$", re.IGNORECASE)
# Word's div#ftn1 / div#edn1, LibreOffice's div#sdfootnote1 / div#sdendnote1.
_WORD_NOTE_DIV_ID = re.compile(r"^(?:ftn|edn|sdfootnote|sdendnote)\d+$", re.IGNORECASE)
_WRAPPER_WORDS = re.compile(r"foot-?notes|end-?notes|\bnotes\b|rearnotes", re.IGNORECASE)
_NOTES_HEADING = re.compile(
    r"^\s*(?:foot|end)?notes?\s*:?\s*$|^\s*notes and references\s*$", re.IGNORECASE
)

# A printed note label: 1, [1], (12), i, xiv, *, †, a1 ... kept short on purpose.
_LABEL_TEXT = re.compile(
    r"^[\[(]?\s*([0-9]{1,4}|[ivxlcdm]{1,6}|[*†‡§¶#]{1,3}|[a-z]?\d{1,4})\s*[\])]?\.?$",
    re.IGNORECASE,
)
# Fallback markers are numbers or note symbols only: "25<sup>th</sup>" never matches.
_SUP_MARKER = re.compile(r"^\[?\s*(\d{1,4}|[*†‡§¶]{1,3})\s*\]?$")
_LEADING_NUMBER = re.compile(r"^\s*\[?(\d{1,4})[.)\]]?\s+")
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
    note_texts = tuple(_note_text(path, page, note) for note in notes.notes)
    return Manuscript(
        path=path,
        format="html",
        body=body.text,
        markers=body.markers,
        notes=note_texts,
        title=_title(root),
        line_starts=body.line_starts,
        verbatim=body.verbatim,
    )


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------

_XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    remove_comments=True,
    remove_pis=True,
    huge_tree=False,
)


def _decode(data: bytes) -> str:
    """The page's text: by its BOM, its declared charset, else UTF-8, else Windows-1252."""
    detector = EncodingDetector(data, is_html=True)
    for encoding in [*detector.encodings, "windows-1252"]:
        try:
            return detector.markup.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    # (UnicodeDammit would do the same but logs a warning on stderr for every page.)
    return detector.markup.decode("utf-8", errors="replace")


def _parse(path: str, data: bytes, source: str) -> Element | None:
    if _looks_like_xhtml(data):
        try:
            root = etree.fromstring(data, _XML_PARSER)
        except etree.XMLSyntaxError:
            root = None  # many ".xhtml" pages are not well-formed; the HTML parser copes
        if root is not None:
            _drop_namespaces(root)
            return root
    # Re-encoded as UTF-8, without an XML declaration that might name another
    # encoding; line breaks are kept, so source lines stay true.
    text = re.sub(
        r"\A(\s*)<\?xml[^>]*\?>",
        lambda m: m.group(1) + "\n" * m.group(0).count("\n", len(m.group(1))),
        source,
        count=1,
    )
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except (etree.ParserError, etree.XMLSyntaxError) as exc:
        raise ManuscriptSyntaxError(path, f"cannot parse as HTML: {exc}") from None
    return root


def _looks_like_xhtml(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") or b'xmlns="http://www.w3.org/1999/xhtml"' in head


def _drop_namespaces(root: Element) -> None:
    """Make an XHTML tree look like an HTML one: bare tag names, epub:type kept."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag.startswith("{"):
            el.tag = etree.QName(el).localname
        for key in map(str, el.attrib):
            if key.startswith("{"):
                qname = etree.QName(key)
                if qname.namespace == _EPUB_NS and qname.localname == "type":
                    # lxml refuses "epub:type" as a plain name; "data-epub-type" stands in.
                    el.set("data-epub-type", el.attrib[key])
    etree.cleanup_namespaces(root)


def _epub_type(el: Element) -> str:
    return (el.get("epub:type") or el.get("data-epub-type") or "").lower()


def _classes(el: Element) -> set[str]:
    return set((el.get("class") or "").lower().split())


def _tag(el: Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _text_of(el: Element) -> str:
    return " ".join("".join(str(t) for t in el.itertext()).split())


def _parser_line(el: Element) -> int:
    line = el.sourceline
    return line if isinstance(line, int) and line > 0 else 1


# A start tag, with quoted attribute values that may hold ">" or line breaks.
_START_TAG = re.compile(r"""<([A-Za-z][A-Za-z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _start_lines(source: str) -> dict[tuple[str, int], list[int]]:
    """(tag, line where its start tag ends) -> lines where those start tags begin.

    libxml2 reports the line where a start tag *ends*; editors want the line
    where it begins, which differs whenever a producer wraps long tags.
    """
    # Comments blanked out (keeping their line breaks) so tags inside them do not count.
    source = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    starts: dict[tuple[str, int], list[int]] = {}
    line = 1
    position = 0
    for match in _START_TAG.finditer(source):
        line += source.count("\n", position, match.start())
        end_line = line + match.group(0).count("\n")
        starts.setdefault((match.group(1).lower(), end_line), []).append(line)
        position = match.start()
    return starts


# --------------------------------------------------------------------------
# The page: ids, document order
# --------------------------------------------------------------------------


class _Page:
    """Lookups over one parsed page."""

    def __init__(self, root: Element, source: str) -> None:
        self.root = root
        self.order: dict[Element, int] = {}
        self.targets: dict[str, Element] = {}
        self._starts = _start_lines(source)
        self._nth: dict[Element, tuple[tuple[str, int], int]] = {}
        seen: dict[tuple[str, int], int] = {}
        for index, el in enumerate(root.iter()):
            if not isinstance(el.tag, str):
                continue
            self.order[el] = index
            key = (_tag(el).split(":")[-1], _parser_line(el))
            self._nth[el] = (key, seen.get(key, 0))
            seen[key] = seen.get(key, 0) + 1
            for name in (el.get("id"), el.get("name") if _tag(el) == "a" else None):
                if name:
                    self.targets.setdefault(name, el)
        self._complete = {
            key for key, count in seen.items() if len(self._starts.get(key, ())) == count
        }

    def line(self, el: Element) -> int:
        """The source line where ``el``'s start tag begins."""
        key, nth = self._nth.get(el, (("", 0), 0))
        if key in self._complete:
            return self._starts[key][nth]
        return _parser_line(el)  # the tags on that line could not be matched one to one

    def target(self, el: Element) -> Element | None:
        href = (el.get("href") or "").strip()
        if not href.startswith("#") or len(href) < 2:
            return None
        return self.targets.get(href[1:])


def _enclosing(el: Element | None, candidates: set[Element]) -> Element | None:
    """The nearest of ``candidates`` that is ``el`` or holds it."""
    node = el
    while node is not None:
        if node in candidates:
            return node
        node = node.getparent()
    return None


def _contains(outer: Element, inner: Element) -> bool:
    node: Element | None = inner
    while node is not None:
        if node is outer:
            return True
        node = node.getparent()
    return False


# --------------------------------------------------------------------------
# Finding notes
# --------------------------------------------------------------------------


@dataclass
class _Note:
    container: Element
    label: str
    # Elements inside the container that are not note text (back-links, labels).
    drop: set[Element] = field(default_factory=set)
    strip_number: bool = False


@dataclass
class _Notes:
    # marker element in the body -> label
    refs: dict[Element, str] = field(default_factory=dict)
    notes: list[_Note] = field(default_factory=list)
    # containers and the sections around them, left out of the body
    excluded: set[Element] = field(default_factory=set)


def _find_linked_notes(page: _Page) -> _Notes:
    found = _Notes()
    links: list[Element] = []
    for el in page.root.iter("a"):
        if not (el.get("href") or "").startswith("#"):
            continue
        if page.target(el) is not None:
            links.append(el)
        elif _says_note_ref(el) and not _is_back_link(page, el):
            # A reference whose note is missing is still a marker: the footnotes
            # stage reports it as a marker without a note.
            found.refs[_marker_element(el)] = _label_of(el, None)
    backs = {el for el in links if _is_back_link(page, el)}
    by_container: dict[Element, _Note] = {}
    for link in links:
        if link in backs or not _is_note_ref(page, link, backs):
            continue
        target = page.target(link)
        assert target is not None  # links were filtered on it
        container = _note_container(target)
        if _contains(container, link):
            continue  # a link to its own block (a permalink), not a note
        if _tag(container) in _NOT_NOTES and not _says_note_ref(link):
            continue  # "section<sup><a href="#s2">2</a></sup>" points at a heading
        marker = _marker_element(link)
        label = _label_of(link, target)
        found.refs[marker] = label
        if container not in by_container:
            by_container[container] = _Note(container=container, label=label)
    # A note inside another note's block is the same note's second paragraph.
    all_blocks = set(by_container)
    containers = [c for c in by_container if _enclosing(c.getparent(), all_blocks) is None]
    markers = set(found.refs)
    for index, container in enumerate(containers):
        wider = _note_div(container, all_blocks, markers)
        if wider is not container:
            by_container[wider] = by_container.pop(container)
            by_container[wider].container = wider
            containers[index] = wider
    containers.sort(key=lambda c: page.order.get(c, 0))
    blocks = set(containers)
    for back in backs:
        holder = _enclosing(back, blocks)
        if holder is not None:
            by_container[holder].drop.add(back)
    found.notes = [by_container[c] for c in containers]
    # Markers inside notes (a note citing another note) are left as note text.
    found.refs = {m: label for m, label in found.refs.items() if _enclosing(m, blocks) is None}
    found.excluded = _notes_sections(page, containers)
    return found


def _is_back_link(page: _Page, link: Element) -> bool:
    """A link from a note back to its reference ("↩", Word's "[1]" in the note)."""
    if _classes(link) & _BACK_CLASSES or link.get("role") == "doc-backlink":
        return True
    href = link.get("href") or ""
    if _WORD_BACK_HREF.match(href):
        return True
    target = page.target(link)
    if target is None:
        return False
    # The target is (or holds) a link that comes back to a block holding this link.
    forward = target if _tag(target) == "a" and target.get("href") else target.find(".//a[@href]")
    if forward is None:
        return False
    landing = page.target(forward)
    if landing is None or not _contains(_note_container(landing), link):
        return False
    # Word's pairs point at each other; the later one is the back-link.
    return page.order.get(target, 0) < page.order.get(link, 0)


def _says_note_ref(link: Element) -> bool:
    """The producer marked this link as a note reference."""
    if _classes(link) & _REF_CLASSES or link.get("role") == "doc-noteref":
        return True
    if "noteref" in _epub_type(link):
        return True
    if _WORD_REF_HREF.match(link.get("href") or ""):
        return True
    return any(
        "msofootnotereference" in _classes(s) or "msoendnotereference" in _classes(s)
        for s in link.iter("span")
    )


def _is_note_ref(page: _Page, link: Element, backs: set[Element]) -> bool:
    if _says_note_ref(link):
        return True
    text = _text_of(link)
    if not _LABEL_TEXT.match(text):
        return False
    # A short label that some back-link returns to is a note reference.
    ids = {v for el in _ancestors_and_self(link, 3) for v in (el.get("id"), el.get("name")) if v}
    if any((b.get("href") or "")[1:] in ids for b in backs):
        return True
    in_sup = any(_tag(el) == "sup" for el in _ancestors_and_self(link, 3))
    return in_sup or link.find(".//sup") is not None


def _ancestors_and_self(el: Element, depth: int) -> Iterator[Element]:
    node: Element | None = el
    for _ in range(depth + 1):
        if node is None:
            return
        yield node
        node = node.getparent()


def _note_container(target: Element) -> Element:
    """The block a note link lands in: the note itself."""
    node = target
    while _tag(node) not in _BLOCK_TAGS and node.getparent() is not None:
        parent = node.getparent()
        assert parent is not None
        node = parent
    # A paragraph of a note whose block (li, aside, Word's div#ftn1) holds the rest.
    while _tag(node) in {"p", "div"}:
        parent = node.getparent()
        if parent is None or not _is_note_block(parent):
            break
        node = parent
    return node


def _note_div(paragraph: Element, notes: set[Element], markers: set[Element]) -> Element:
    """The plain <div> a note's first paragraph opens, when it holds that note alone.

    Google Docs and similar exports wrap each note, paragraphs and all, in a
    <div> without a name; the link lands in its first paragraph.
    """
    parent = paragraph.getparent()
    if _tag(paragraph) != "p" or parent is None or _tag(parent) != "div":
        return paragraph
    children = [c for c in parent if isinstance(c.tag, str)]
    if children[0] is not paragraph or any(_tag(c) != "p" for c in children):
        return paragraph
    if (parent.text or "").strip():
        return paragraph
    for el in parent.iter():
        if (el in notes and el is not paragraph) or el in markers:
            return paragraph
    return parent


def _is_note_block(el: Element) -> bool:
    tag = _tag(el)
    if tag in {"li", "aside", "dd"}:
        return True
    if tag == "div":
        if _WORD_NOTE_DIV_ID.match(el.get("id") or ""):
            return True
        style = (el.get("style") or "").replace(" ", "").lower()
        return (
            "mso-element:footnote" in style or "mso-element:endnote" in style
        ) and "list" not in style
    return False


def _marker_element(link: Element) -> Element:
    """The outermost inline element that is nothing but the reference."""
    node = link
    text = _text_of(link)
    while True:
        parent = node.getparent()
        if parent is None or _tag(parent) in _BLOCK_TAGS or _tag(parent) in _CELL_TAGS:
            return node
        if _text_of(parent) != text:
            return node
        node = parent


def _label_of(link: Element, target: Element | None) -> str:
    text = _text_of(link)
    label = text.strip().strip("[]()").rstrip(".").strip()
    if label:
        return label
    # Nothing printed (Word with supportFootnotes): the number in the anchor name.
    name = (target.get("id") or target.get("name") or "") if target is not None else ""
    digits = re.search(r"(\d+)$", name or (link.get("href") or ""))
    return digits.group(1) if digits else "?"


def _notes_sections(page: _Page, containers: list[Element]) -> set[Element]:
    """The containers plus the lists and sections around them (and their heading)."""
    excluded: set[Element] = set(containers)
    candidates: list[Element] = []
    for container in containers:
        parent = container.getparent()
        for _ in range(3):
            if parent is None or _tag(parent) in {"body", "html"}:
                break
            candidates.append(parent)
            parent = parent.getparent()
    # Innermost first, so a section counts its already-excluded list as notes.
    candidates.sort(key=lambda el: -_depth(el))
    for wrapper in dict.fromkeys(candidates):
        if _is_notes_wrapper(wrapper, excluded):
            excluded.add(wrapper)
            heading = wrapper.getprevious()
            if (
                heading is not None
                and _tag(heading) in _HEADINGS | {"p"}
                and _NOTES_HEADING.match(_text_of(heading))
            ):
                excluded.add(heading)
    return excluded


def _depth(el: Element) -> int:
    return sum(1 for _ in el.iterancestors())


def _is_notes_wrapper(el: Element, excluded: set[Element]) -> bool:
    """Whether ``el`` is a notes section: notes plus rules, breaks and a heading.

    A wrapper that names itself (class "footnotes", role "doc-endnotes",
    Word's footnote-list) may also hold links, a "Back to top" say; other
    text keeps it in the body, so a class never takes a whole article out.
    """
    children = [c for c in el if isinstance(c.tag, str)]
    if not any(c in excluded for c in children):
        return False
    signal = " ".join(
        (el.get("class") or "", el.get("id") or "", el.get("role") or "", _epub_type(el))
    )
    style = (el.get("style") or "").replace(" ", "").lower()
    named = (
        bool(_WRAPPER_WORDS.search(signal))
        or "doc-endnotes" in signal
        or "doc-footnotes" in signal
        or "mso-element:footnote-list" in style
        or "mso-element:endnote-list" in style
    )
    if (el.text or "").strip():
        return False
    for child in children:
        if (child.tail or "").strip():
            return False
        if child in excluded or _tag(child) in {"hr", "br"} or not _text_of(child):
            continue
        if _tag(child) in _HEADINGS and _NOTES_HEADING.match(_text_of(child)):
            continue
        if named and _only_links(child):
            continue
        return False
    return True


def _only_links(el: Element) -> bool:
    """All of the element's text is link text ("Back to top")."""
    linked = "".join(_text_of(a) for a in el.iter("a"))
    return linked.replace(" ", "") == _text_of(el).replace(" ", "")


# --------------------------------------------------------------------------
# Fallback: bare <sup>n</sup> markers
# --------------------------------------------------------------------------


def _find_superscript_notes(page: _Page) -> _Notes:
    sups = [s for s in page.root.iter("sup") if _is_sup_marker(s)]
    if not sups:
        return _Notes()
    found = _Notes()
    leading: set[Element] = set()
    for sup in sups:
        block = _enclosing_block(sup)
        if block is not None and _starts_block(block, sup):
            leading.add(sup)
            label = _sup_label(sup)
            found.notes.append(_Note(container=block, label=label, drop={sup}))
    if not found.notes:
        found.notes = _notes_under_heading(page)
    if not found.notes:
        return _Notes()  # superscripts without notes are powers, ordinals, anything
    containers = [n.container for n in found.notes]
    blocks = set(containers)
    for sup in sups:
        if sup in leading or _enclosing(sup, blocks) is not None:
            continue
        found.refs[sup] = _sup_label(sup)
    found.notes.sort(key=lambda n: page.order.get(n.container, 0))
    found.excluded = _notes_sections(page, containers)
    return found


def _is_sup_marker(sup: Element) -> bool:
    if not _SUP_MARKER.match(_text_of(sup)):
        return False
    if any(_tag(a) == "a" for a in sup.iterancestors()) or sup.find(".//a") is not None:
        return False
    # "10<sup>6</sup>" is a power, not a note; so are "km<sup>2</sup>", "mc<sup>2</sup>".
    before = _text_before(sup)
    if before and before[-1].isdigit():
        return False
    unit = re.search(r"(?:^|[\s(])([A-Za-z]{1,2})$", before)
    return not (unit and _text_of(sup) in {"2", "3"})


def _text_before(el: Element) -> str:
    previous = el.getprevious()
    if previous is not None:
        return previous.tail or _text_of(previous)
    parent = el.getparent()
    return (parent.text or "") if parent is not None else ""


def _sup_label(sup: Element) -> str:
    return _text_of(sup).strip("[] ")


def _enclosing_block(el: Element) -> Element | None:
    for ancestor in el.iterancestors():
        if _tag(ancestor) in _BLOCK_TAGS:
            return ancestor
    return None


def _starts_block(block: Element, el: Element) -> bool:
    """Whether ``el`` is the first thing printed in ``block``."""
    node = el
    while node is not block:
        parent = node.getparent()
        if parent is None:
            return False
        if (parent.text or "").strip():
            return False
        for sibling in parent:
            if sibling is node:
                break
            if _text_of(sibling) or (sibling.tail or "").strip():
                return False
        node = parent
    return True


def _notes_under_heading(page: _Page) -> list[_Note]:
    """Notes listed after a "Notes" heading: an <ol>, or paragraphs "1. ..."."""
    for heading in page.root.iter(*_HEADINGS):
        if not _NOTES_HEADING.match(_text_of(heading)):
            continue
        following = [s for s in heading.itersiblings() if isinstance(s.tag, str)]
        notes: list[_Note] = []
        for sibling in following:
            if _tag(sibling) in _HEADINGS:
                break
            if _tag(sibling) == "ol" and not notes:
                start = small_number(sibling.get("start") or "1")
                start = 1 if start is None or start < 0 else start
                items = [li for li in sibling if _tag(li) == "li"]
                return [_Note(container=li, label=str(start + i)) for i, li in enumerate(items)]
            match = _LEADING_NUMBER.match(_text_of(sibling))
            if _tag(sibling) == "p" and match:
                notes.append(_Note(container=sibling, label=match.group(1), strip_number=True))
        if notes:
            return notes
    return []


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
    line_of: Callable[[Element], int] | None = None,
    verbatim: list[tuple[int, int]] | None = None,
) -> None:
    """Render ``el`` (not its tail) as plain text into ``out``.

    An explicit stack instead of recursion: pages nest deeper than Python's
    recursion limit more often than one would think. ``verbatim`` gets the
    (start, end) offsets of each ``<pre>`` block: code, not prose.
    """
    stack: list[tuple[Element, bool]] = [(el, False)]
    root = el
    link_starts: dict[Element, int] = {}
    pre_starts: dict[Element, int] = {}
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
            if with_urls and tag == "a":
                _append_url(node, out, link_starts.pop(node, out.offset))
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
        if node.text:
            out.add(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node)))


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
    _walk(
        start,
        out,
        skip=notes.excluded,
        on_marker=notes.refs,
        marks=marks,
        line_of=page.line,
        verbatim=verbatim,
    )
    markers = tuple(
        NoteMarker(label=label, offset=offset, location=Location(path, page.line(el)))
        for el, label, offset in marks
    )
    spans = tuple((a, b) for a, b in verbatim if b > a)
    return _Body(out.value(), markers, tuple(out.line_starts), spans)


@dataclass(frozen=True)
class _Body:
    text: str
    markers: tuple[NoteMarker, ...]
    line_starts: tuple[tuple[int, int], ...]
    verbatim: tuple[tuple[int, int], ...] = ()


def _note_text(path: str, page: _Page, note: _Note) -> NoteText:
    out = TextBuilder("\n")
    # (Markers inside a note were already left out of ``notes.refs``: they print as text.)
    _walk(note.container, out, skip=note.drop, with_urls=True)
    text = _EMPTY_BRACKETS.sub("", out.value()).strip()
    if note.strip_number:
        text = _LEADING_NUMBER.sub("", text, count=1)
    text = _drop_back_arrows(text)
    raw = etree.tostring(note.container, encoding="unicode", method="html", with_tail=False)
    return NoteText(
        label=note.label,
        text=text,
        location=Location(path, page.line(note.container)),
        raw=raw.strip(),
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
