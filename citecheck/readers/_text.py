"""Plain text built left to right from a marked-up tree (HTML, Word XML), and styling.

The HTML and DOCX readers both walk a tree and emit words, spaces, line and
paragraph breaks; this builder collapses whitespace the way a reader sees
it, remembers which source line each block came from (``line_starts``), and
applies one rule for keeping a link's address in the text.

Every reader marks the italics of a note the same way: while it builds the
note's text it writes ``ITALIC_ON`` and ``ITALIC_OFF`` (private-use
characters no manuscript prints) where italics start and stop, and
``styled`` turns that text into the note's plain ``text`` and its
``styled`` text (``<i>...</i>``). Superscripts that are not note markers go
through ``superscript``, so an exponent never runs into the digits before it.
"""

from __future__ import annotations

import re

__all__ = [
    "ITALIC_OFF",
    "ITALIC_ON",
    "TextBuilder",
    "add_line_start",
    "keep_link_address",
    "small_number",
    "styled",
    "superscript",
]

ITALIC_ON = "\ue000"
ITALIC_OFF = "\ue001"
_MARKS = dict.fromkeys(map(ord, ITALIC_ON + ITALIC_OFF))

# Soft hyphens, zero-width spaces and BOMs are invisible on the page.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\ufeff"))
_WEB_ADDRESS = re.compile(r"^(?:https?|ftp)://|^www\.|^doi:|^mailto:", re.IGNORECASE)


class TextBuilder:
    """Plain text with collapsed whitespace, built left to right."""

    def __init__(self, block_break: str) -> None:
        self._parts: list[str] = []
        self._size = 0
        self._space = False
        self._break = ""
        self._block_break = block_break
        self._line: int | None = None
        # (offset, source line) where the text of a new block starts.
        self.line_starts: list[tuple[int, int]] = []

    def at_line(self, line: int) -> None:
        """The next text comes from this source line (or paragraph)."""
        self._line = line

    def add(self, text: str) -> None:
        """Append text; runs of whitespace become one space."""
        for token in re.split(r"(\s+)", text.translate(_INVISIBLE)):
            if not token:
                continue
            if token.isspace():
                self._space = True
                continue
            if self._size:
                sep = self._break or (" " if self._space else "")
                self._parts.append(sep)
                self._size += len(sep)
            if self._line is not None:
                if not self.line_starts or self.line_starts[-1][1] != self._line:
                    self.line_starts.append((self._size, self._line))
                self._line = None
            self._parts.append(token)
            self._size += len(token)
            self._space = False
            self._break = ""

    def line_break(self) -> None:
        """A line break before the next word (unless a block break is pending)."""
        if self._break != self._block_break:
            self._break = "\n"

    def block_break(self) -> None:
        """A paragraph break before the next word."""
        self._break = self._block_break

    def space(self) -> None:
        """A space before the next word."""
        self._space = True

    @property
    def offset(self) -> int:
        """Length of the text so far."""
        return self._size

    def since(self, offset: int) -> str:
        """The text from ``offset`` to the end."""
        return "".join(self._parts)[offset:]

    def value(self) -> str:
        """The whole text."""
        return "".join(self._parts)


def keep_link_address(out: TextBuilder, address: str, start: int) -> None:
    """Append " (address)" unless the link's visible text (from ``start``) shows it.

    Citations need the URL, and a note often links words ("the report") to it.
    """
    address = address.strip()
    if not _WEB_ADDRESS.match(address):
        return
    visible = out.since(start).translate(_MARKS).strip()
    shown = address.removeprefix("mailto:")
    if visible.rstrip("/") in {address.rstrip("/"), shown.rstrip("/")} or shown in visible:
        return
    out.add(f" ({address})")


def add_line_start(starts: list[tuple[int, int]], offset: int, line: int) -> None:
    """Record that the text from ``offset`` on came from source ``line``.

    Of two starts at one offset the later line wins (an empty line between).
    """
    if starts and starts[-1][0] == offset:
        starts[-1] = (offset, line)
    else:
        starts.append((offset, line))


_SMALL_NUMBER = re.compile(r"-?[0-9]{1,9}")


def small_number(text: str) -> int | None:
    """``text`` as an int if it is an ASCII number of at most nine digits, else None.

    Note numbers, counters and list starts come from the file: a 5,000-digit
    "number" would stop ``int()`` (Python refuses such conversions) and a
    start of 10**20 would make a billion-letter label. Nine digits is far
    more than any real note number needs; ``str.isdigit`` is not enough
    either, as it accepts superscripts like "²" that ``int()`` refuses.
    """
    text = text.strip()
    return int(text) if _SMALL_NUMBER.fullmatch(text) else None


# --------------------------------------------------------------------------
# Styling: italics and superscripts, the same in every reader
# --------------------------------------------------------------------------

_LOOSE_MARK = re.compile(f"(?<=\\s)([{ITALIC_ON}{ITALIC_OFF}]+)\\s+")
_EDGE_BLANKS = re.compile(f"^([{ITALIC_ON}{ITALIC_OFF}]*)\\s+|\\s+(?=[{ITALIC_ON}{ITALIC_OFF}]*$)")
_ITALIC_RUN = re.compile(f"{ITALIC_ON}([^{ITALIC_ON}{ITALIC_OFF}]*){ITALIC_OFF}")
_ESCAPE = re.compile(r"([\\*])")
_MARK_SPLIT = re.compile(f"([{ITALIC_ON}{ITALIC_OFF}])")


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def styled(marked: str) -> tuple[str, str]:
    """``(text, styled)`` of a note's text holding italic marks.

    ``text`` is the text without the marks. ``styled`` is the text with each
    italic run as ``<i>...</i>`` (blanks at its edges left outside, empty
    runs dropped, runs parted only by blanks joined) and a literal ``*`` or
    ``\\`` escaped, so that the citation parser reads the same words either way.
    Marks that do not pair (an ``ITALIC_ON`` never closed) close at the end.
    A mark between two blanks stands where one blank was; blanks at either
    end of the note go, as readers strip a note's text.
    """
    if ITALIC_ON not in marked:
        text = marked.translate(_MARKS)
        return text, _escape(text)
    # A builder that collapses blanks sees a mark as a word: "a <mark> b"
    # must read "a b", and a note's text starts and ends with a word.
    marked = _LOOSE_MARK.sub(r"\1", marked)
    marked = _EDGE_BLANKS.sub(r"\1", marked)
    text = marked.translate(_MARKS)
    balanced: list[str] = []
    italic = False
    # Marks kept only where they change the state; the text between them as it is
    # (split, not a loop over every character: a note is read once per run).
    for piece in _MARK_SPLIT.split(marked):
        if piece in (ITALIC_ON, ITALIC_OFF):
            wanted = piece == ITALIC_ON
            if wanted != italic:
                balanced.append(piece)
                italic = wanted
            continue
        balanced.append(piece)
    if italic:
        balanced.append(ITALIC_OFF)
    joined = re.sub(f"{ITALIC_OFF}(\\s*){ITALIC_ON}", r"\1", "".join(balanced))
    out: list[str] = []
    position = 0
    for m in _ITALIC_RUN.finditer(joined):
        out.append(_escape(joined[position : m.start()]))
        inner = m.group(1)
        core = inner.strip()
        if core:
            lead = inner[: len(inner) - len(inner.lstrip())]
            tail = inner[len(inner.rstrip()) :]
            out.append(f"{lead}<i>{_escape(core)}</i>{tail}")
        else:
            out.append(inner)
        position = m.end()
    out.append(_escape(joined[position:]))
    return text, "".join(out)


_EXPONENT = re.compile(r"[-−+]?[0-9]+(?:[.,][0-9]+)?")


def superscript(text: str) -> str:
    """A superscript that is no note marker, as plain text.

    An exponent (a number) is written after a caret, so that it stays apart
    from the digits or unit before it: "10^3", "km^2", as LaTeX writes it;
    anything else reads on as printed ("25th", "1er").
    """
    core = text.strip()
    if not _EXPONENT.fullmatch(core):
        return text
    lead = text[: len(text) - len(text.lstrip())]
    return f"{lead}^{core}{text[len(lead) + len(core) :]}"
