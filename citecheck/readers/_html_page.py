"""The HTML reader's page: bytes decoded and parsed, element helpers, ids and document order.

Shared by the note finders (``_html_notes``) and the renderer (``html``).
"""

from __future__ import annotations

import re

from bs4.dammit import EncodingDetector
from lxml import etree

from citecheck.errors import ManuscriptSyntaxError

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
_LEADING_NUMBER = re.compile(r"^\s*\[?(\d{1,4})[.)\]]?\s+")


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
