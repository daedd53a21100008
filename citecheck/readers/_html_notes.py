"""The HTML reader's note finders: linked note references, and bare superscripts as a fallback.

A link is a note reference when it says so (class, role, ``epub:type``,
Word's anchor names) or when it looks like one and points inside the page;
the note is the block it lands in. Without such links, ``<sup>n</sup>``
markers pair with notes that start with the same superscript or sit in a
list under a "Notes" heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from citecheck.readers._html_page import (
    _BLOCK_TAGS,
    _CELL_TAGS,
    _HEADINGS,
    _LEADING_NUMBER,
    Element,
    _classes,
    _contains,
    _enclosing,
    _epub_type,
    _Page,
    _tag,
    _text_of,
)
from citecheck.readers._text import small_number

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
