"""The .docx reader's run formatting: which text Word prints in italics, which raised.

A run's italics come from its direct formatting (``w:rPr/w:i``), else from
its character style (``w:rStyle``, such as "Emphasis") and its paragraph's
style (``w:pStyle``), each looked up through its ``w:basedOn`` chain in
``word/styles.xml``. Italic is a *toggle* property (ECMA-376 17.7.3): in
direct formatting its value holds (``w:i w:val="0"`` turns italics off);
in a style chain the nearest value holds, and the paragraph style's and
the character style's values are combined by exclusive or, so "Emphasis"
inside an italic paragraph prints upright, as Word prints it. ``w:iCs`` is
the same for complex-script text (Arabic, Hebrew, the Indic scripts), which
``w:i`` does not govern. ``w:vertAlign`` (superscript) is an ordinary
property: the last value set wins.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from citecheck.readers._docx_package import Element, _on

__all__ = ["RunFormat", "Styles"]

_MAX_CHAIN = 32  # basedOn links followed at most (a loop is no style)


@dataclass(frozen=True, slots=True)
class RunFormat:
    """How a run prints: italic (for ordinary and for complex-script text), raised."""

    italic: bool = False
    italic_cs: bool = False
    superscript: bool = False

    def italic_for(self, text: str, *, complex_script: bool = False) -> bool:
        """Whether ``text`` in this run prints in italics."""
        if complex_script or _complex_script(text):
            return self.italic_cs
        return self.italic


PLAIN = RunFormat()


@dataclass(frozen=True, slots=True)
class _Props:
    italic: bool | None = None
    italic_cs: bool | None = None
    vert: str | None = None


def _toggle(props: Element | None, name: str, w: str) -> bool | None:
    if props is None:
        return None
    el = props.find(f"{{{w}}}{name}")
    if el is None:
        return None
    value = el.get(f"{{{w}}}val")
    return True if value is None else _on(value)


def _props(props: Element | None, w: str) -> _Props:
    vert = props.find(f"{{{w}}}vertAlign") if props is not None else None
    return _Props(
        _toggle(props, "i", w),
        _toggle(props, "iCs", w),
        None if vert is None else vert.get(f"{{{w}}}val"),
    )


class Styles:
    """The styles part, read once: run formats by paragraph style and run properties."""

    def __init__(self, root: Element | None, w: str) -> None:
        self.w = w
        self._own: dict[str, _Props] = {}
        self._based_on: dict[str, str] = {}
        self.default_paragraph: str | None = None
        self._defaults = _Props()
        self._chains: dict[str, _Props] = {}
        if root is None:
            return
        defaults = root.find(f"{{{w}}}docDefaults/{{{w}}}rPrDefault/{{{w}}}rPr")
        self._defaults = _props(defaults, w)
        for style in root.iter(f"{{{w}}}style"):
            style_id = style.get(f"{{{w}}}styleId")
            if not style_id or style_id in self._own:
                continue
            self._own[style_id] = _props(style.find(f"{{{w}}}rPr"), w)
            based = style.find(f"{{{w}}}basedOn")
            if based is not None and based.get(f"{{{w}}}val"):
                self._based_on[style_id] = based.get(f"{{{w}}}val") or ""
            if style.get(f"{{{w}}}type") == "paragraph" and _on(style.get(f"{{{w}}}default")):
                self.default_paragraph = self.default_paragraph or style_id

    def _chain(self, style_id: str | None) -> _Props:
        """A style's own values, each taken from the nearest style of its chain that sets it."""
        if not style_id:
            return _Props()
        cached = self._chains.get(style_id)
        if cached is not None:
            return cached
        italic = italic_cs = None
        vert: str | None = None
        current: str | None = style_id
        seen: set[str] = set()
        while current and current not in seen and len(seen) < _MAX_CHAIN:
            seen.add(current)
            own = self._own.get(current)
            if own is not None:
                italic = own.italic if italic is None else italic
                italic_cs = own.italic_cs if italic_cs is None else italic_cs
                vert = own.vert if vert is None else vert
            current = self._based_on.get(current)
        found = _Props(italic, italic_cs, vert)
        self._chains[style_id] = found
        return found

    def run(self, paragraph_style: str | None, props: Element | None) -> RunFormat:
        """The format of a run with these properties in a paragraph of this style."""
        w = self.w
        paragraph = self._chain(paragraph_style or self.default_paragraph)
        style = props.find(f"{{{w}}}rStyle") if props is not None else None
        character = self._chain(style.get(f"{{{w}}}val") if style is not None else None)
        direct = _props(props, w)

        def toggled(default: bool | None, *levels: bool | None) -> bool:
            value = bool(default)
            for level in levels:
                value ^= bool(level)
            return value

        italic = direct.italic
        if italic is None:
            italic = toggled(self._defaults.italic, paragraph.italic, character.italic)
        italic_cs = direct.italic_cs
        if italic_cs is None:
            italic_cs = toggled(self._defaults.italic_cs, paragraph.italic_cs, character.italic_cs)
        vert = next(
            (
                v
                for v in (direct.vert, character.vert, paragraph.vert, self._defaults.vert)
                if v is not None
            ),
            None,
        )
        return RunFormat(italic, italic_cs, vert == "superscript")


def _complex_script(text: str) -> bool:
    """Does the text hold right-to-left, Indic or South-East Asian letters (complex scripts)?"""
    for char in text:
        code = ord(char)
        if code < 0x0590:
            continue
        if unicodedata.bidirectional(char) in ("R", "AL") or 0x0900 <= code <= 0x0DFF:
            return True
        if 0x0E00 <= code <= 0x0EFF or 0x1000 <= code <= 0x109F or 0x1780 <= code <= 0x17FF:
            return True
    return False
