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
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from citecheck.errors import ManuscriptSyntaxError
from citecheck.model import Location, Manuscript, NoteMarker, NoteText
from citecheck.readers._text import TextBuilder, keep_link_address, small_number

__all__ = ["read"]

Element = etree._Element

_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # "Strict Open XML"
)
_R_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DC = "http://purl.org/dc/elements/1.1/"

# The XML declaration, comments and processing instructions, then a DOCTYPE.
_PROLOG_DOCTYPE = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE", re.DOTALL
)

# Parts larger than this are refused: a zip bomb, not a manuscript.
_MAX_PART_BYTES = 256 * 1024 * 1024
# Word's XML deflates to a tenth or so of its size; a part past a few
# megabytes that inflates more than a hundredfold is a zip bomb (a 300 KB
# file that unpacks to 100 MB of tiny paragraphs took minutes to read).
_MAX_INFLATION = 100
_INFLATION_FLOOR = 4 * 1024 * 1024

_XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


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

    _prune(document, w)
    paragraphs = list(body.iter(f"{{{w}}}p"))
    story = _Story(w, None, "\n\n")
    for number, paragraph in enumerate(paragraphs, start=1):
        story.paragraph(paragraph, number=number)
        story.end_paragraph()
    refs = story.refs

    labels = _assign_labels(refs, _note_formats(w, body, settings))
    markers = tuple(
        NoteMarker(label=_label(r, labels), offset=r.offset, location=Location(path, r.paragraph))
        for r in refs
    )
    notes = _read_notes(path, refs, labels, notes_parts)
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
# The zip package
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Relationships:
    # rId -> absolute part name (internal) / URL (external)
    internal: dict[str, str] = field(default_factory=dict)
    external: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)

    def part_of_type(self, kind: str) -> str | None:
        """The part a relationship of type ``.../kind`` points at."""
        for rid, type_ in self.types.items():
            if type_.rsplit("/", 1)[-1] == kind and rid in self.internal:
                return self.internal[rid]
        return None


# What zipfile raises on damaged archives: bad headers, CRC and inflate errors,
# "encrypted" or "version 6.4" flags a flipped byte can set.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    ValueError,
    KeyError,
)


class _Package:
    """The zip, opened once, with errors that name the file and the problem."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        if data[:4] == b"\xd0\xcf\x11\xe0":
            raise ManuscriptSyntaxError(
                path,
                "not a .docx but an OLE2 file (a Word 97-2003 .doc, or a password-protected "
                ".docx); save it as .docx without a password",
            )
        if not data.startswith(b"PK"):
            raise ManuscriptSyntaxError(path, "not a .docx: the file is not a zip archive")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except _ZIP_ERRORS as exc:
            raise ManuscriptSyntaxError(
                path, f"truncated or corrupt .docx (zip archive unreadable: {exc})"
            ) from None
        self.names = set(self.zip.namelist())

    def read_bytes(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        info = self.zip.getinfo(name)
        if info.file_size > _MAX_PART_BYTES:
            raise ManuscriptSyntaxError(
                self.path, f"part {name} is {info.file_size} bytes uncompressed; refused"
            )
        if (
            info.file_size > _INFLATION_FLOOR
            and info.file_size > _MAX_INFLATION * info.compress_size
        ):
            raise ManuscriptSyntaxError(
                self.path,
                f"part {name} inflates from {info.compress_size} to {info.file_size} bytes, "
                "more than any Word document does (a zip bomb?); refused",
            )
        try:
            return self.zip.read(name)
        except _ZIP_ERRORS as exc:
            raise ManuscriptSyntaxError(
                self.path, f"truncated or corrupt .docx: cannot read part {name} ({exc})"
            ) from None

    def xml(self, name: str, *, required: bool) -> Element | None:
        data = self.read_bytes(name)
        if data is None:
            if required:
                raise ManuscriptSyntaxError(
                    self.path, f"not a Word document: the zip has no {name}"
                )
            return None
        refused = ManuscriptSyntaxError(
            self.path, f"part {name} declares a DTD, which Word never writes; refused"
        )
        # Refused before parsing, so no entity is ever declared, let alone expanded.
        if _PROLOG_DOCTYPE.match(data):
            raise refused
        try:
            tree = etree.ElementTree(etree.fromstring(data, _XML_PARSER))
        except etree.XMLSyntaxError as exc:
            line = exc.lineno if exc.lineno else "?"
            # libxml2's messages end in a line break: the error must stay one line.
            problem = re.sub(r", line \d+, column \d+$", "", str(exc.msg).strip())
            raise ManuscriptSyntaxError(
                self.path, f"malformed XML in part {name}, line {line}: {problem}"
            ) from None
        doctype: str = getattr(tree.docinfo, "doctype", "")  # missing from lxml-stubs
        if doctype or tree.docinfo.internalDTD is not None:
            raise refused  # a prolog the pattern did not see through (UTF-16, say)
        return tree.getroot()

    def main_part_name(self) -> str:
        rels = self.relationships("")
        return rels.part_of_type("officeDocument") or "word/document.xml"

    def relationships(self, part: str) -> _Relationships:
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        root = self.xml(rels_name, required=False)
        result = _Relationships()
        if root is None:
            return result
        for rel in root.iter(f"{{{_PKG_RELS}}}Relationship"):
            rid, target = rel.get("Id"), rel.get("Target")
            if not rid or target is None:
                continue
            result.types[rid] = rel.get("Type") or ""
            if (rel.get("TargetMode") or "").lower() == "external":
                result.external[rid] = target
            elif target.startswith("/"):
                result.internal[rid] = target.lstrip("/")
            else:
                result.internal[rid] = posixpath.normpath(posixpath.join(folder, target))
        return result


def _word_namespace(path: str, name: str, root: Element) -> str:
    namespace = etree.QName(root).namespace or ""
    if namespace not in _W_NAMESPACES or etree.QName(root).localname != "document":
        raise ManuscriptSyntaxError(
            path, f"{name} is not a WordprocessingML document (root <{root.tag}>)"
        )
    return namespace


def _prune(root: Element, w: str) -> None:
    """Remove what Word does not print: deleted revisions, fallback copies."""
    # A w:del inside w:rPr only marks a deleted paragraph mark; removing it is harmless.
    doomed = list(root.iter(f"{{{_MC}}}Fallback", f"{{{w}}}del", f"{{{w}}}moveFrom"))
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


def _on(value: str | None) -> bool:
    return value is not None and value.lower() in {"1", "true", "on"}


# --------------------------------------------------------------------------
# Text of a story (the body, one note)
# --------------------------------------------------------------------------


@dataclass
class _Field:
    instruction: str = ""
    in_result: bool = False
    result_start: int = 0


@dataclass
class _Ref:
    kind: str  # "footnote" or "endnote"
    id: str
    offset: int
    paragraph: int
    custom: bool = False
    custom_label: str | None = None


class _Story:
    """Renders paragraphs of one part, keeping field and hyperlink state."""

    def __init__(self, w: str, urls: dict[str, str] | None, block_break: str) -> None:
        # ``urls`` maps hyperlink relationship ids to addresses; None (the body)
        # keeps link text only, since addresses matter in notes, not in claims.
        self.w = w
        self.urls = urls
        self.out = TextBuilder(block_break)
        self.fields: list[_Field] = []
        # Note references met so far (the body only), and one awaiting its custom mark.
        self.refs: list[_Ref] = []
        self._custom_pending: _Ref | None = None
        self._link_starts: dict[Element, int] = {}

    def paragraph(self, p: Element, *, number: int | None = None) -> None:
        """Render one paragraph; ``number`` is given for body paragraphs."""
        w = self.w
        if number is not None:
            self.out.at_line(number)
        for node, closing in _events(p, w):
            name = etree.QName(node).localname if isinstance(node.tag, str) else ""
            ns = etree.QName(node).namespace if isinstance(node.tag, str) else None
            if ns != w:
                continue
            if closing:
                if name == "hyperlink":
                    self._close_hyperlink(node)
                elif name == "fldSimple" and self.fields:
                    self._close_field(self.fields.pop())
                continue
            if name == "hyperlink":
                self._link_starts[node] = self.out.offset
            elif name == "fldSimple":
                self.fields.append(_Field(node.get(f"{{{w}}}instr") or "", True, self.out.offset))
            elif name == "t":
                self._text(node.text or "")
            elif name == "instrText":
                if self.fields and not self.fields[-1].in_result:
                    self.fields[-1].instruction += node.text or ""
            elif name == "fldChar":
                self._field_char(node.get(f"{{{w}}}fldCharType") or "")
            elif name in {"tab", "ptab"}:
                self._text("\t")
            elif name in {"br", "cr"}:
                if not self._in_instruction():
                    self.out.line_break()
            elif name == "noBreakHyphen":
                self._text("-")
            elif name == "sym":
                self._text(_symbol(node.get(f"{{{w}}}font") or "", node.get(f"{{{w}}}char") or ""))
            elif name in {"footnoteReference", "endnoteReference"} and number is not None:
                if self._in_instruction():
                    continue
                ref = _Ref(
                    kind=name.removesuffix("Reference"),
                    id=node.get(f"{{{w}}}id") or "",
                    offset=self.out.offset,
                    paragraph=number,
                    custom=_on(node.get(f"{{{w}}}customMarkFollows")),
                )
                self.refs.append(ref)
                if ref.custom:
                    self._custom_pending = ref

    def _in_instruction(self) -> bool:
        return any(not f.in_result for f in self.fields)

    def _text(self, text: str) -> None:
        if self._in_instruction():
            return  # field instructions are not printed
        if self._custom_pending is not None and text.strip():
            # With customMarkFollows the run after the reference is its printed mark.
            self._custom_pending.custom_label = text.strip()
            self._custom_pending = None
            return
        self.out.add(text)

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            self.fields[-1].in_result = True
            self.fields[-1].result_start = self.out.offset
        elif kind == "end" and self.fields:
            self._close_field(self.fields.pop())

    def _close_field(self, fld: _Field) -> None:
        if not fld.in_result:
            return
        url = _hyperlink_field_url(fld.instruction)
        if url and self.urls is not None:
            keep_link_address(self.out, url, fld.result_start)

    def _close_hyperlink(self, node: Element) -> None:
        start = self._link_starts.pop(node, self.out.offset)
        rid = next((node.get(f"{{{r}}}id") for r in _R_NAMESPACES if node.get(f"{{{r}}}id")), None)
        if rid and self.urls is not None and rid in self.urls:
            keep_link_address(self.out, self.urls[rid], start)

    def end_paragraph(self) -> None:
        self.out.block_break()


def _events(p: Element, w: str) -> Iterator[tuple[Element, bool]]:
    """Start and end events in document order, staying inside one paragraph.

    Nested paragraphs (text boxes) are rendered as paragraphs of their own;
    properties, hidden runs and deleted text are not printed.
    """
    skip = {f"{{{w}}}{n}" for n in ("p", "pPr", "rPr", "sectPr", "delText")}
    stack: list[tuple[Element, bool]] = [(p, False)]
    first = True
    while stack:
        node, closing = stack.pop()
        if closing:
            yield node, True
            continue
        if not first and node.tag in skip:
            continue
        first = False
        if node.tag == f"{{{w}}}r" and _run_hidden(node, w):
            continue
        yield node, False
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node) if isinstance(child.tag, str))


def _run_hidden(run: Element, w: str) -> bool:
    props = run.find(f"{{{w}}}rPr")
    if props is None:
        return False
    vanish = props.find(f"{{{w}}}vanish")
    if vanish is None:
        return False
    value = vanish.get(f"{{{w}}}val")
    return value is None or _on(value)


def _hyperlink_field_url(instruction: str) -> str | None:
    """The target of ``HYPERLINK "url" \\o "tip"``; None for other fields."""
    tokens = re.findall(r'"[^"]*"|\S+', instruction.strip())
    if not tokens or tokens[0].upper() != "HYPERLINK":
        return None
    takes_argument = {"\\l", "\\o", "\\t"}
    index = 1
    while index < len(tokens):
        token = tokens[index]
        if token.lower() in takes_argument:
            index += 2
            continue
        if token.startswith("\\"):
            index += 1
            continue
        return str(token).strip('"')
    return None


# Word's Symbol font puts its glyphs at these code points (char - 0xF000 when >= 0xF000).
_SYMBOL_GREEK = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖαβχδεφγηιϕκλμνοπθρστυϖωξψζ",
        strict=True,
    )
)
_SYMBOL_OTHER = {
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5E: "⊥",
    0x7E: "∼", 0xA2: "′", 0xA3: "≤", 0xA5: "∞", 0xAB: "↔", 0xAC: "←", 0xAD: "↑",
    0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×",
    0xB5: "∝", 0xB6: "∂", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈",
    0xBC: "…", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD6: "√", 0xD7: "⋅", 0xDB: "⇔",
    0xDE: "⇒",
}  # fmt: skip


def _symbol(font: str, char: str) -> str:
    """The character a ``w:sym`` prints; "" for pictograph fonts we cannot map."""
    try:
        code = int(char, 16)
    except ValueError:
        return ""
    if code >= 0xF000:
        code -= 0xF000
    elif font.lower() != "symbol":
        return chr(code)  # already a Unicode character
    if font.lower() == "symbol":
        letter = chr(code)
        if letter in _SYMBOL_GREEK:
            return _SYMBOL_GREEK[letter]
        if code in _SYMBOL_OTHER:
            return _SYMBOL_OTHER[code]
        return letter if 0x20 <= code < 0x7F else ""
    if font.lower().startswith(("wingdings", "webdings", "zapf")):
        return ""  # pictographs: no faithful plain-text form
    return chr(code) if 0x20 <= code < 0x7F or 0xA0 <= code <= 0xFF else ""


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


def _read_notes(
    path: str,
    refs: list[_Ref],
    labels: dict[tuple[str, str], str],
    parts: dict[str, _NotesPart],
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
        story = _Story(part.w, part.rels.external, "\n")
        for paragraph in element.iter(f"{{{part.w}}}p"):
            story.paragraph(paragraph)
            story.end_paragraph()
        label = _label(ref, labels)
        notes.append(
            NoteText(
                label=label,
                text=story.out.value().strip(),
                location=Location(path, ref.paragraph),
                raw=etree.tostring(element, encoding="unicode"),
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
