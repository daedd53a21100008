"""Plain text with ``[n]`` (or ``^n``) markers and a numbered list of notes at the end.

Reports typed in a word processor or exported as text often number their
notes by hand: ``[1]`` after the sentence (or ``^1``), and at the end a
heading ``Notes`` (``Endnotes``, ``Footnotes``, or ``References`` used as
notes) over a list of ``1.``, ``1`` or ``[1]`` items. The PDF reader reads
that layout; here it is rewritten line for line into the ``<sup>n</sup>``
style, so that the plain-text reader reads it with every rule it already
has and every line keeps its number.

The layout is taken only when the file has no ``<sup>n</sup>`` notes, the
heading stands on a line of its own, a numbered item follows it, and at
least one marker above the heading has the number of an item: a numbered
list under "Notes" that no marker points to stays body text. Items are
numbered in sequence; a number out of sequence starts an item only when a
marker has it (so a wrapped line starting "1983 ..." goes on the item above).
The list ends at a paragraph that starts without an item number (the
"References" that follows, an appendix), which goes on as body text.
"""

from __future__ import annotations

import re

__all__ = ["rewrite_endnotes"]

_SUP_NOTE = re.compile(r"^[ \t]{0,3}<sup>\s*(?:\d+|[*†‡§¶]+)\s*</sup>", re.MULTILINE)
_HEADING = re.compile(
    r"[ \t]{0,3}(?:#{1,6}[ \t]+)?(?:\*\*|__)?"
    r"(?:end[ \t]?notes|foot[ \t]?notes|notes(?:[ \t]+and[ \t]+references)?|references)"
    r"(?:\*\*|__)?[ \t]*:?[ \t]*#*[ \t]*",
    re.IGNORECASE,
)
# An item's label: "1.", "1)", "[1]", or "1" before a blank; then the note's text.
_ITEM = re.compile(r"[ \t]{0,3}(?:\[(\d{1,3})\]|(\d{1,3})[.)]|(\d{1,3})(?=[ \t]))[ \t]+(?=\S)")
# Body markers: "[3]", "[3, 4]", "[3-5]" (not a link's "[3](" or "[3][", nor a
# definition's "[3]:"), and "^3" after a word or a stop (never after a digit:
# "10^3" is an exponent).
_BRACKET = re.compile(
    r"(?<![\d\[\\])(?:(?<=\S)[ \t]+)?\[(\d{1,3}(?:[ \t]*[,–-][ \t]*\d{1,3}){0,9})\](?![(\[:])"
)
_CARET = re.compile(r"(?<=[^\s\d^\\])\^(\d{1,3})(?![\d^])")
_FENCE = re.compile(r"[ \t]{0,3}(?:```|~~~)")
_RANGE_LIMIT = 20


def rewrite_endnotes(text: str) -> str | None:
    """``text`` in the ``<sup>n</sup>`` style, or None when it has no such list of notes."""
    if _SUP_NOTE.search(text) or ("[" not in text and "^" not in text):
        return None
    lines = text.split("\n")
    code = _code_lines(lines)
    for index, line in enumerate(lines):
        if index in code or not _HEADING.fullmatch(line):
            continue
        body_labels = {label for n in range(index) if n not in code for label in _labels(lines[n])}
        items = _items(lines, index + 1, body_labels)
        if not items or not body_labels & {label for _, label in items}:
            continue
        out = [line if n in code else _sup_markers(line) for n, line in enumerate(lines[:index])]
        out.append("")  # the heading: no body text of its own
        out.extend(lines[index + 1 :])
        for at, label in items:
            item = _ITEM.match(out[at])
            assert item is not None
            out[at] = f"<sup>{label}</sup> {out[at][item.end() :]}"
        return "\n".join(out)
    return None


def _code_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines inside fenced code blocks (fences included)."""
    inside = False
    code: set[int] = set()
    for index, line in enumerate(lines):
        fence = _FENCE.match(line) is not None
        if inside or fence:
            code.add(index)
        if fence:
            inside = not inside
    return code


def _items(lines: list[str], start: int, markers: set[str]) -> list[tuple[int, str]]:
    """(line index, label) of each item of the list that opens at ``start``."""
    items: list[tuple[int, str]] = []
    previous = 0
    style = ""
    blank = False
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip():
            blank = True
            continue
        item = _ITEM.match(line)
        if item is not None:
            label = next(group for group in item.groups() if group)
            number = int(label)
            kind = "[" if item.group(1) else ("." if item.group(2) else " ")
            if not items:
                if number == 0:
                    return []
            elif kind != style or not (
                number == previous + 1 or (number > previous and label in markers)
            ):
                item = None
        if item is not None:
            items.append((index, str(number)))
            previous, style = number, kind
        elif not items or blank:
            break  # a paragraph without a number ends the list (or there is none)
        blank = False
    return items


def _labels(line: str) -> list[str]:
    """The labels of the markers a body line holds (code spans left out)."""
    labels: list[str] = []
    for piece in line.split("`")[::2]:
        for m in _BRACKET.finditer(piece):
            labels.extend(_expand(m.group(1)))
        labels.extend(m.group(1) for m in _CARET.finditer(piece))
    return labels


def _expand(inner: str) -> list[str]:
    """ "3, 5-7" -> ["3", "5", "6", "7"] (a range past twenty numbers is no marker)."""
    labels: list[str] = []
    for part in re.split(r"[ \t]*,[ \t]*", inner):
        ends = re.split(r"[ \t]*[–-][ \t]*", part)
        low, high = int(ends[0]), int(ends[-1])
        if not 0 < low <= high or high - low > _RANGE_LIMIT or len(ends) > 2:
            return []
        labels.extend(str(n) for n in range(low, high + 1))
    return labels


def _sup_markers(line: str) -> str:
    """The line with its markers written ``<sup>n</sup>`` (code spans untouched).

    The blank before a bracket goes with it ("in seconds [1]." reads "in
    seconds."), as a raised number sits against the word.
    """
    pieces = line.split("`")
    for at in range(0, len(pieces), 2):
        piece = _BRACKET.sub(
            lambda m: "".join(f"<sup>{n}</sup>" for n in _expand(m.group(1))) or m.group(0),
            pieces[at],
        )
        pieces[at] = _CARET.sub(r"<sup>\1</sup>", piece)
    return "`".join(pieces)
