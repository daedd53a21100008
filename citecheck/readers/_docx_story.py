"""The .docx reader's stories: the text of the body or of one note (fields, links, symbols).

A note's story also marks its italics (``_text.ITALIC_ON``/``ITALIC_OFF``),
from each run's format (``_docx_styles``); superscripts that are not note
references read as ``_text.superscript`` writes them, in the body too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from citecheck.readers._docx_package import _R_NAMESPACES, Element, _on
from citecheck.readers._docx_styles import PLAIN, RunFormat, Styles
from citecheck.readers._text import (
    ITALIC_OFF,
    ITALIC_ON,
    TextBuilder,
    keep_link_address,
    superscript,
)

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

    def __init__(
        self,
        w: str,
        urls: dict[str, str] | None,
        block_break: str,
        *,
        styles: Styles | None = None,
        italics: bool = False,
    ) -> None:
        # ``urls`` maps hyperlink relationship ids to addresses; None (the body)
        # keeps link text only, since addresses matter in notes, not in claims.
        # ``italics`` marks italic runs in the text (a note's; the body's
        # offsets must hold no marks).
        self.w = w
        self.urls = urls
        self.out = TextBuilder(block_break)
        self.fields: list[_Field] = []
        # Note references met so far (the body only), and one awaiting its custom mark.
        self.refs: list[_Ref] = []
        self._custom_pending: _Ref | None = None
        self._link_starts: dict[Element, int] = {}
        self.styles = styles or Styles(None, w)
        self.italics = italics
        self._paragraph_style: str | None = None
        self._run: RunFormat = PLAIN
        self._run_cs = False
        self._italic = False  # italics are open in the text
        self._raised = False  # the last text written was a superscript

    def paragraph(self, p: Element, *, number: int | None = None) -> None:
        """Render one paragraph; ``number`` is given for body paragraphs."""
        w = self.w
        if number is not None:
            self.out.at_line(number)
        style = p.find(f"{{{w}}}pPr/{{{w}}}pStyle")
        self._paragraph_style = style.get(f"{{{w}}}val") if style is not None else None
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
                elif name == "r":
                    self._run, self._run_cs = PLAIN, False
                continue
            if name == "r":
                self._start_run(node)
            elif name == "hyperlink":
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

    def _start_run(self, run: Element) -> None:
        w = self.w
        props = run.find(f"{{{w}}}rPr")
        self._run = self.styles.run(self._paragraph_style, props)
        self._run_cs = props is not None and any(
            _on_element(props.find(f"{{{w}}}{name}"), w) for name in ("cs", "rtl")
        )

    def _text(self, text: str) -> None:
        if self._in_instruction():
            return  # field instructions are not printed
        if self._custom_pending is not None and text.strip():
            # With customMarkFollows the run after the reference is its printed mark.
            self._custom_pending.custom_label = text.strip()
            self._custom_pending = None
            return
        if not text.strip():
            self.out.add(text)
            return
        if self.italics:
            italic = self._run.italic_for(text, complex_script=self._run_cs)
            if italic != self._italic:
                self.out.add(ITALIC_ON if italic else ITALIC_OFF)
                self._italic = italic
        raised = self._run.superscript
        if raised and not self._raised:
            text = superscript(text)  # "10" then a raised "3": "10^3"
        self._raised = raised
        self.out.add(text)

    def _roman(self) -> None:
        """Close italics before text the note does not print in them (a link's address)."""
        if self._italic:
            self.out.add(ITALIC_OFF)
            self._italic = False

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
            self._roman()
            keep_link_address(self.out, url, fld.result_start)

    def _close_hyperlink(self, node: Element) -> None:
        start = self._link_starts.pop(node, self.out.offset)
        rid = next((node.get(f"{{{r}}}id") for r in _R_NAMESPACES if node.get(f"{{{r}}}id")), None)
        if rid and self.urls is not None and rid in self.urls:
            self._roman()
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


def _on_element(el: Element | None, w: str) -> bool:
    """A boolean property element: present and not switched off."""
    if el is None:
        return False
    value = el.get(f"{{{w}}}val")
    return value is None or _on(value)


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
