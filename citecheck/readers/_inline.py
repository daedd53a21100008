"""Markdown inline markup -> plain text, note markers lifted out (shared by the text readers)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from citecheck.readers._text import ITALIC_OFF, ITALIC_ON, add_line_start, superscript

__all__ = ["InlineMarker", "inline_lines", "inline_text"]


@dataclass(frozen=True, slots=True)
class InlineMarker:
    """A note marker lifted out of a run of inline text.

    ``offset`` points into the converted text, ``source`` into the source
    run (for line numbers). ``inline_note`` holds the source of a Pandoc
    inline note ``^[...]``; its ``label`` is "" until the reader numbers it.
    """

    label: str
    offset: int
    source: int
    inline_note: str | None = None


_SENTINEL = "\x00"

# The lookahead lets the engine skip plain text fast (6x on long paragraphs).
_INLINE = re.compile(
    r"(?=[\\<^\[!`*_])"
    r"(?P<esc>\\[!-/:-@\[-`{-~])"
    r"|<(?P<auto>(?:https?|ftp|mailto):[^<>\s]+)>"
    r"|<sup>(?P<sup>[^<]*)</sup>"
    r"|(?P<inline_note>\^\[)"
    r"|(?P<ref>\[\^(?P<ref_label>[^\]\s]+)\])"
    r"|!?\[(?P<link_text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<link_url>(?:[^()\s]|\([^()\s]*\))+)"
    r"(?:\s+\"[^\"]*\")?\)"
    r"|!?\[(?P<ref_text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\[(?P<ref_key>[^\[\]]*)\]"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<code>`+)"
    r"|(?P<stars>\*+)"
    r"|(?P<unders>_+)"
    r"|\^(?P<pandoc_sup>[^\s^\[\]]+)\^"
)
# Superscript markers: digits, or the classic symbol sequence.
_SUP_MARKER = re.compile(r"\s*(\d+|[*†‡§¶]+)\s*")


def inline_text(
    source: str,
    *,
    sup_markers: bool = False,
    markdown_notes: bool = False,
    links: Mapping[str, str] | None = None,
    italics: bool = False,
) -> tuple[str, list[InlineMarker]]:
    """Markdown inline markup -> plain text, and the markers found in it.

    The same as ``inline_lines`` without the line starts. With ``italics``
    (a note's text), italic emphasis is marked in the text
    (``_text.ITALIC_ON``/``ITALIC_OFF``): ``*x*``, ``_x_``, ``***x***``,
    ``<i>``, ``<em>``, ``<cite>``; ``**bold**`` is not italic.
    """
    text, markers, _ = inline_lines(
        source, sup_markers=sup_markers, markdown_notes=markdown_notes, links=links, italics=italics
    )
    return text, markers


def inline_lines(
    source: str,
    *,
    sup_markers: bool = False,
    markdown_notes: bool = False,
    links: Mapping[str, str] | None = None,
    code_spans: list[tuple[int, int]] | None = None,
    italics: bool = False,
) -> tuple[str, list[InlineMarker], list[tuple[int, int]]]:
    """Markdown inline markup -> plain text, its markers and its line starts.

    Escapes are undone, emphasis and HTML tags removed, code spans kept
    verbatim, ``<url>`` autolinks kept as the URL and ``[text](url)`` written
    as ``text (url)`` so that no URL is lost; ``[text][ref]`` does the same
    with the URL that ``links`` (reference definitions) gives. With ``sup_markers``,
    ``<sup>n</sup>`` is a note marker; with ``markdown_notes``, ``[^label]``
    and ``^[inline note]`` are. Markers are removed from the text and
    returned with their offsets. ``code_spans``, when given, gets the
    (start, end) offsets of the code spans' text. A superscript that is no
    marker reads as ``_text.superscript`` writes it ("10^3"). ``italics``
    marks italic emphasis (see ``inline_text``); offsets and line starts
    then count the marks, so only a note's text asks for them.

    The line starts are ``(offset, lines)`` pairs, offsets increasing: the
    text from ``offset`` on was read ``lines`` lines below the first line of
    ``source``. Every line after the first that gives text has one. Text
    inside a construct that spans lines and loses some of its line ends (a
    tag, a link title, an inline note) counts from where the construct starts.
    """
    out: list[str] = []
    markers: list[tuple[str, int, str | None]] = []  # label, source pos, inline note
    starts: list[tuple[int, int]] = []
    size = 0  # length of the text so far, sentinels included
    seen = 0  # line ends in source[:pos]
    pos = 0
    end = len(source)
    # Found once per source: a search per construct from where it opens made
    # a file of 2,000 unclosed "^[" or "`" take minutes (quadratic time).
    brackets: dict[int, int] | None = None
    emphasis: dict[int, tuple[bool, int]] | None = None
    stars: dict[int, tuple[bool, int]] | None = None
    unclosed: dict[str, int] = {}
    while pos < end:
        m = _INLINE.search(source, pos)
        stop = end if m is None else m.start()
        # Plain text is copied as it is, so its line ends map one to one.
        newline = source.find("\n", pos, stop)
        while newline >= 0:
            seen += 1
            add_line_start(starts, size - len(markers) + newline + 1 - pos, seen)
            newline = source.find("\n", newline + 1, stop)
        out.append(source[pos:stop])
        size += stop - pos
        if m is None:
            break
        pos = m.end()
        kind = m.lastgroup
        appended = len(out)
        # Line starts inside the piece: (piece offset, lines below m.start()).
        within: list[tuple[int, int]] | None = None
        if kind == "esc":
            out.append(m.group(0)[1])
        elif kind == "auto":
            out.append(m.group("auto"))
        elif kind == "sup":
            inner = m.group("sup")
            marker = _SUP_MARKER.fullmatch(inner) if sup_markers else None
            if marker is not None:
                markers.append((marker.group(1), m.start(), None))
                out.append(_SENTINEL)
            else:
                text, _, within = inline_lines(inner)
                raised = superscript(text)
                if raised != text:  # "^" before the exponent
                    within = [(at + len(raised) - len(text), lines) for at, lines in within]
                out.append(raised)
        elif kind == "inline_note":
            if brackets is None:
                brackets = _bracket_pairs(source)
            close = brackets.get(m.end() - 1, -1)
            if not markdown_notes or close < 0:
                out.append(m.group(0))
            else:
                markers.append(("", m.start(), source[m.end() : close]))
                out.append(_SENTINEL)
                pos = close + 1
        elif kind == "ref":
            if markdown_notes:
                markers.append((m.group("ref_label"), m.start(), None))
                out.append(_SENTINEL)
            else:
                out.append(m.group(0))
        elif kind == "link_url":
            text, within = _link_text(m.group("link_text"))
            url = m.group("link_url")
            out.append(url if text in ("", url) else f"{text} ({url})")
            within = within if text not in ("", url) else []
        elif kind == "ref_key":
            key = " ".join((m.group("ref_key") or m.group("ref_text")).lower().split())
            target = (links or {}).get(key)
            if target is None:
                out.append(m.group(0))
            else:
                text, within = _link_text(m.group("ref_text"))
                out.append(target if text in ("", target) else f"{text} ({target})")
                within = within if text not in ("", target) else []
        elif kind == "tag":
            if italics and (tag := _ITALIC_TAG.fullmatch(m.group("tag"))) is not None:
                out.append(ITALIC_OFF if tag.group(1) else ITALIC_ON)
        elif kind == "code":
            ticks = m.group(0)
            # A run of ticks not found after one place is not found after a later one.
            close = -1 if pos >= unclosed.get(ticks, end + 1) else source.find(ticks, pos)
            if close < 0:
                unclosed[ticks] = min(pos, unclosed.get(ticks, end + 1))
            if close < 0:
                out.append(ticks)
            else:
                text, within = _stripped(source[pos:close], None)
                out.append(text)
                pos = close + len(ticks)
                if code_spans is not None and text:
                    at = size - len(markers)  # the text's offset once markers are lifted
                    code_spans.append((at, at + len(text)))
        elif kind in ("stars", "unders") and _in_url(source, m.start()):
            out.append(m.group(0))  # part of a bare URL
        elif kind == "stars":
            # Emphasis hugs a word; a lone "*" between spaces is text.
            before = source[m.start() - 1] if m.start() > 0 else " "
            after = source[pos] if pos < end else " "
            if before.isspace() and after.isspace():
                out.append(m.group(0))
            elif italics:
                if stars is None:
                    stars = _emphasis_pairs(source, "*")
                out.append(_italic_mark(stars.get(m.start())))
        elif kind == "unders":
            # Only underscores that open or close a pair are emphasis: those
            # inside words (snake_case) or left unpaired ("C#_code") are text.
            if emphasis is None:
                emphasis = _emphasis_pairs(source, "_")
            if m.start() not in emphasis:
                out.append(m.group(0))
            elif italics:
                out.append(_italic_mark(emphasis[m.start()]))
        elif kind == "pandoc_sup":
            out.append(superscript(m.group("pandoc_sup")))
        else:  # pragma: no cover - every alternative is named above
            out.append(m.group(0))
        piece = out[-1] if len(out) > appended else ""
        size += len(piece)
        lost = source.count("\n", m.start(), pos)
        if lost:
            kept = piece.count("\n")
            if within is not None:
                first = size - len(piece) - len(markers)
                for start, lines in within:
                    add_line_start(starts, first + start, seen + lines)
                seen += lost
                if not within or within[-1][1] < lost:  # line ends after the text
                    add_line_start(starts, size - len(markers), seen)
            elif kept == lost:
                # Every line end survived, in order (no branch makes new ones).
                first = size - len(piece) - len(markers)
                newline = piece.find("\n")
                while newline >= 0:
                    seen += 1
                    add_line_start(starts, first + newline + 1, seen)
                    newline = piece.find("\n", newline + 1)
            else:
                seen += lost
                add_line_start(starts, size - len(markers), seen)
    text, lifted = _lift_markers("".join(out), markers)
    return text, lifted, starts


def _link_text(source: str) -> tuple[str, list[tuple[int, int]]]:
    """A link's text as plain text, stripped, with its line starts."""
    text, _, starts = inline_lines(source)
    return _stripped(text, starts)


def _stripped(text: str, starts: list[tuple[int, int]] | None) -> tuple[str, list[tuple[int, int]]]:
    """``text.strip()`` with its line starts moved along.

    ``starts`` None means ``text`` is source (a code span), whose line ends
    are its line starts. A start in the stripped blanks moves to the nearest
    kept character.
    """
    if starts is None:
        starts = []
        newline = text.find("\n")
        while newline >= 0:
            starts.append((newline + 1, len(starts) + 1))
            newline = text.find("\n", newline + 1)
    kept = text.strip()
    lead = len(text) - len(text.lstrip())
    return kept, [(min(max(at - lead, 0), len(kept)), lines) for at, lines in starts]


def _in_url(source: str, index: int) -> bool:
    """Is ``index`` inside a bare URL (a word holding "://" before it)?"""
    word_start = max(source.rfind(" ", 0, index), source.rfind("\n", 0, index)) + 1
    return source.find("://", word_start, index) >= 0


_BRACKET_OR_ESCAPE = re.compile(r"\\.|[\[\]]", re.DOTALL)
_RUN_OR_ESCAPE = {char: re.compile(rf"\\.|{re.escape(char)}+", re.DOTALL) for char in "*_"}
_ITALIC_TAG = re.compile(r"<(/?)(?:i|em|cite|var|dfn)(?:\s[^<>]*)?>", re.IGNORECASE)


def _punctuation(char: str) -> bool:
    """CommonMark's punctuation: ASCII punctuation and Unicode's P and S categories."""
    return unicodedata.category(char)[0] in "PS"


def _italic_mark(pair: tuple[bool, int] | None) -> str:
    """The italic mark a paired emphasis run stands for ("" for bold or no pair)."""
    if pair is None or pair[1] % 2 == 0:
        return ""  # "**bold**" is no italics
    return ITALIC_ON if pair[0] else ITALIC_OFF


def _emphasis_pairs(source: str, char: str) -> dict[int, tuple[bool, int]]:
    """Starts of the ``*`` or ``_`` runs that open or close emphasis, as CommonMark pairs them.

    Each start maps to (opens, the pair's length): odd lengths (``*x*``,
    ``***x***``) are italic, even ones bold. A run can open when it is
    left-flanking (a word character or punctuation follows it, not a blank)
    and, for ``_``, does not sit inside a word; it can close in the mirror
    case. Each closer pairs with the nearest open opener; a run left without
    a partner is text. One pass with a stack.
    """
    paired: dict[int, tuple[bool, int]] = {}
    open_at: list[tuple[int, int]] = []
    for m in _RUN_OR_ESCAPE[char].finditer(source):
        if m.group(0)[0] == "\\" or _in_url(source, m.start()):
            continue
        before = source[m.start() - 1] if m.start() > 0 else " "
        after = source[m.end()] if m.end() < len(source) else " "
        left = not after.isspace() and (
            not _punctuation(after) or before.isspace() or _punctuation(before)
        )
        right = not before.isspace() and (
            not _punctuation(before) or after.isspace() or _punctuation(after)
        )
        if char == "_":
            opens = left and (not right or _punctuation(before))
            closes = right and (not left or _punctuation(after))
        else:
            opens, closes = left, right
        if closes and open_at:
            start, size = open_at.pop()
            length = min(size, len(m.group(0)))
            paired[start] = (True, length)
            paired[m.start()] = (False, length)
        elif opens:
            open_at.append((m.start(), len(m.group(0))))
    return paired


def _bracket_pairs(source: str) -> dict[int, int]:
    """Index of each ``[`` -> index of the ``]`` closing it (an escaped one counts for neither).

    One pass with a stack gives, for every ``[``, the first ``]`` where the
    brackets between them balance: what a scan from that ``[`` would find.
    """
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    for m in _BRACKET_OR_ESCAPE.finditer(source):
        char = m.group(0)
        if char == "[":
            open_at.append(m.start())
        elif char == "]" and open_at:
            pairs[open_at.pop()] = m.start()
    return pairs


def _lift_markers(
    text: str, found: list[tuple[str, int, str | None]]
) -> tuple[str, list[InlineMarker]]:
    """Remove the sentinels standing for markers and record their offsets."""
    if not found:
        return text, []
    pieces = text.split(_SENTINEL)
    markers: list[InlineMarker] = []
    offset = 0
    for piece, (label, source, note) in zip(pieces, found, strict=False):
        offset += len(piece)
        markers.append(InlineMarker(label, offset, source, note))
    return "".join(pieces), markers
