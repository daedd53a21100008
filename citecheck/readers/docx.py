"""Reader for Word documents (.docx): file bytes -> ``Manuscript``.

A .docx is a zip of XML parts. The body comes from the main document part
(``word/document.xml``), the notes from ``word/footnotes.xml`` and
``word/endnotes.xml``; each ``w:footnoteReference`` / ``w:endnoteReference``
in the body is a marker. Labels are the numbers Word prints: footnotes count
1, 2, 3 ... in order of first reference, endnotes count separately in
lower-case roman (i, ii, iii ...), unless the document's note properties set
another format or start. Should an endnote label equal a footnote label, the
endnotes are labelled "e1", "e2" ... instead, so that every label names one
note.

Every part is parsed with lxml without a DTD, without entity resolution and
without network access; a part that declares a DTD is refused. A .docx has
no source lines, so a ``Location``'s line is the 1-based number of the body
paragraph (counting empty paragraphs and table cells); a note's location is
the paragraph holding its first reference.

This module reads the notes and assembles the manuscript; the zip package and
its limits live in ``_docx_package``, the text of a story in ``_docx_story``.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from citecheck.errors import ManuscriptSyntaxError
from citecheck.model import Location, Manuscript, NoteMarker, NoteText
from citecheck.readers._docx_package import (
    _DC,
    Element,
    _Package,
    _prune,
    _Relationships,
    _word_namespace,
)
from citecheck.readers._docx_story import _Ref, _Story
from citecheck.readers._docx_styles import Styles
from citecheck.readers._text import small_number, styled

__all__ = ["read"]


def read(path: str, data: bytes) -> Manuscript:
    """Read a .docx manuscript.

    Raises:
        ManuscriptSyntaxError: not a zip, a truncated or corrupt zip, no
            main document part, or a part that is not well-formed XML.
    """
    package = _Package(path, data)
    main_name = package.main_part_name()
    document = package.xml(main_name, required=True)
    assert document is not None
    w = _word_namespace(path, main_name, document)
    body = document.find(f"{{{w}}}body")
    if body is None:
        raise ManuscriptSyntaxError(path, f"{main_name} has no <w:body>")
    main_rels = package.relationships(main_name)
    notes_parts: dict[str, _NotesPart] = {}
    for kind in ("footnote", "endnote"):
        name = main_rels.part_of_type(f"{kind}s") or f"word/{kind}s.xml"
        root = package.xml(name, required=False)
        if root is not None:
            notes_parts[kind] = _NotesPart(kind, root, package.relationships(name), w)
    settings_name = main_rels.part_of_type("settings") or "word/settings.xml"
    settings = package.xml(settings_name, required=False)
    styles = _styles(package, main_rels.part_of_type("styles") or "word/styles.xml", w)

    _prune(document, w)
    paragraphs = list(body.iter(f"{{{w}}}p"))
    story = _Story(w, None, "\n\n", styles=styles)
    for number, paragraph in enumerate(paragraphs, start=1):
        story.paragraph(paragraph, number=number)
        story.end_paragraph()
    refs = story.refs

    labels = _assign_labels(refs, _note_formats(w, body, settings))
    markers = tuple(
        NoteMarker(label=_label(r, labels), offset=r.offset, location=Location(path, r.paragraph))
        for r in refs
    )
    notes = _read_notes(path, refs, labels, notes_parts, styles)
    return Manuscript(
        path=path,
        format="docx",
        body=story.out.value(),
        markers=markers,
        notes=notes,
        title=_title(package, w, paragraphs),
        line_starts=tuple(story.out.line_starts),
    )


# --------------------------------------------------------------------------
# Notes and their labels
# --------------------------------------------------------------------------


class _NotesPart:
    def __init__(self, kind: str, root: Element, rels: _Relationships, w: str) -> None:
        self.kind = kind
        self.rels = rels
        self.w = w
        _prune(root, w)
        self.by_id: dict[str, Element] = {}
        for note in root.iter(f"{{{w}}}{kind}"):
            if (note.get(f"{{{w}}}type") or "normal") != "normal":
                continue  # separators and continuation notices are not notes
            self.by_id.setdefault(note.get(f"{{{w}}}id") or "", note)


@dataclass(frozen=True)
class _Format:
    style: str
    start: int


def _note_formats(w: str, body: Element, settings: Element | None) -> dict[str, _Format]:
    """Numbering of footnotes and endnotes: the last section's, else the settings'."""
    formats = {"footnote": _Format("decimal", 1), "endnote": _Format("lowerRoman", 1)}
    places: list[Element] = []
    if settings is not None:
        places.append(settings)
    section = body.find(f"{{{w}}}sectPr")
    if section is not None:
        places.append(section)
    for place in places:
        for kind in formats:
            props = place.find(f"{{{w}}}{kind}Pr")
            if props is None:
                continue
            style = props.find(f"{{{w}}}numFmt")
            start = props.find(f"{{{w}}}numStart")
            old = formats[kind]
            start_value = start.get(f"{{{w}}}val") if start is not None else None
            formats[kind] = _Format(
                (style.get(f"{{{w}}}val") if style is not None else None) or old.style,
                _note_start(start_value, old.start),
            )
    return formats


# No manuscript starts its notes past this; a start of 10**9 would make
# labels of millions of letters ("lowerLetter", "chicago") or numerals.
_MAX_NOTE_START = 16383


def _note_start(value: str | None, default: int) -> int:
    start = small_number(value or "")
    return start if start is not None and 0 <= start <= _MAX_NOTE_START else default


def _assign_labels(refs: list[_Ref], formats: dict[str, _Format]) -> dict[tuple[str, str], str]:
    labels: dict[tuple[str, str], str] = {}
    counters = {kind: fmt.start for kind, fmt in formats.items()}
    for ref in refs:
        key = (ref.kind, ref.id)
        if key in labels or ref.custom:
            continue  # Word does not count custom-marked notes
        fmt = formats[ref.kind]
        labels[key] = _number(counters[ref.kind], fmt.style)
        counters[ref.kind] += 1
    footnote_labels = {label for (kind, _), label in labels.items() if kind == "footnote"}
    if any(label in footnote_labels for (kind, _), label in labels.items() if kind == "endnote"):
        for key in labels:
            if key[0] == "endnote":
                labels[key] = f"e{labels[key]}"
    return labels


def _label(ref: _Ref, labels: dict[tuple[str, str], str]) -> str:
    if ref.custom:
        return ref.custom_label or "?"  # a custom mark that prints nothing
    return labels[(ref.kind, ref.id)]


def _number(n: int, style: str) -> str:
    if style in {"lowerRoman", "upperRoman"}:
        text = _roman(n)
        return text if style == "upperRoman" else text.lower()
    if style in {"lowerLetter", "upperLetter"}:
        # Word goes a..z, then aa..zz, aaa...
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter if style == "lowerLetter" else letter.upper()
    if style == "chicago":
        return "*†‡§"[(n - 1) % 4] * ((n - 1) // 4 + 1)
    return str(n)


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _styles(package: _Package, name: str, w: str) -> Styles:
    """The styles part; a damaged or missing one leaves runs as they are formatted directly."""
    try:
        root = package.xml(name, required=False)
    except ManuscriptSyntaxError:
        root = None  # styles only decide italics: the text reads without them
    return Styles(root, w)


def _read_notes(
    path: str,
    refs: list[_Ref],
    labels: dict[tuple[str, str], str],
    parts: dict[str, _NotesPart],
    styles: Styles,
) -> tuple[NoteText, ...]:
    notes: list[NoteText] = []
    seen: set[tuple[str, str]] = set()
    for ref in refs:
        key = (ref.kind, ref.id)
        part = parts.get(ref.kind)
        if key in seen or part is None or ref.id not in part.by_id:
            continue
        seen.add(key)
        element = part.by_id[ref.id]
        story = _Story(part.w, part.rels.external, "\n", styles=styles, italics=True)
        for paragraph in element.iter(f"{{{part.w}}}p"):
            story.paragraph(paragraph)
            story.end_paragraph()
        label = _label(ref, labels)
        text, marked = styled(story.out.value().strip())
        notes.append(
            NoteText(
                label=label,
                text=text,
                location=Location(path, ref.paragraph),
                raw=etree.tostring(element, encoding="unicode"),
                styled=marked,
            )
        )
    return tuple(notes)


def _title(package: _Package, w: str, paragraphs: list[Element]) -> str | None:
    core = package.xml("docProps/core.xml", required=False)
    if core is not None:
        title = core.find(f"{{{_DC}}}title")
        if title is not None and (title.text or "").strip():
            return " ".join((title.text or "").split())
    # Else the first paragraph styled Title, else the first Heading 1 (as HTML's <h1>).
    for wanted in ("title", "heading1"):
        for paragraph in paragraphs:
            style = paragraph.find(f"{{{w}}}pPr/{{{w}}}pStyle")
            if style is None or (style.get(f"{{{w}}}val") or "").lower() != wanted:
                continue
            text = " ".join("".join(t.text or "" for t in paragraph.iter(f"{{{w}}}t")).split())
            if text:
                return text
    return None
