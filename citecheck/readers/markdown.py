"""Reader for Markdown manuscripts with Pandoc/GitHub footnotes.

Notes are ``[^label]`` references in the body and ``[^label]: text``
definitions anywhere in the file; a definition goes on over following
lines, and over further paragraphs indented by four spaces or a tab.
Pandoc inline notes ``^[text]`` (brackets may nest) are numbered by their
place among all note references, as Pandoc prints them; if that number is
already an explicit label, the inline note is labelled ``inline-N``.

A ``.md`` file without any ``[^`` notes but with ``<sup>n</sup>`` markers
is in the plain-text sample's style and is read by that logic; its
Manuscript says ``format="plaintext"``, since its numbers were typed by
hand (which the footnotes stage checks for gaps and order).

Markup becomes plain text: emphasis, headings, list and quote markers go;
``<url>`` keeps the URL; ``[text](url)`` and reference links
``[text][ref]`` become ``text (url)``. HTML comments are dropped, and
so is a leading YAML front matter block, whose ``title:`` is the title.
``line_starts`` has a pair for every source line that gives body text;
``verbatim`` spans the fenced code blocks, kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from citecheck.model import Location, Manuscript, NoteMarker, NoteText
from citecheck.readers._inline import InlineMarker, inline_lines, inline_text
from citecheck.readers._text import add_line_start, styled
from citecheck.readers._text_endnotes import rewrite_endnotes
from citecheck.readers.plaintext import decode_text, read_text

__all__ = ["read"]

_DEFINITION = re.compile(r" {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_RULE = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_YAML_KEY = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")
_YAML_TITLE = re.compile(r"title[ \t]*:[ \t]*(.*)")
# A link reference definition: [label]: url "optional title"
_LINK_DEFINITION = re.compile(r" {0,3}\[(?!\^)([^\]]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+[\"'(].*)?")
_PREFIX = re.compile(r" {0,3}(?:>[ \t]?)*(?:([-+*]|\d{1,9}[.)])[ \t]+)?")
# The delimiter row under a GFM table's header: "|---|:--:|" or "--- | ---".
_TABLE_DELIMITER = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*")


@dataclass(slots=True)
class _Block:
    kind: str  # "text", "heading", "code"
    line: int
    lines: list[str]


@dataclass(slots=True)
class _Definition:
    label: str
    line: int
    lines: list[str] = field(default_factory=list)


def read(path: str, data: bytes) -> Manuscript:
    """Read a Markdown manuscript."""
    # HTML comments vanish, keeping their line ends so that lines still count.
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), decode_text(path, data))
    text, front_title = _front_matter(text)
    if "[^" not in text and "^[" not in text and ("<sup>" in text or _typed_endnotes(text)):
        manuscript = read_text(path, text, format="plaintext")
    else:
        blocks, definitions, links = _split(text)
        manuscript = _build(path, blocks, definitions, links)
    return manuscript if front_title is None else replace(manuscript, title=front_title)


def _typed_endnotes(text: str) -> bool:
    """``[1]`` markers and a numbered "Notes" list, and no ``[1]: url`` link definitions."""
    return _NUMBERED_LINK.search(text) is None and rewrite_endnotes(text) is not None


_NUMBERED_LINK = re.compile(r"^ {0,3}\[\d{1,3}\]:", re.MULTILINE)


def _front_matter(text: str) -> tuple[str, str | None]:
    """Blank out a leading YAML front matter block; its ``title:``, if any.

    The block is Pandoc's: ``---`` on the first line (not followed by a blank
    line), ``key: value`` lines, and a closing ``---`` or ``...`` line. Its
    lines become blank, so line numbers below stay right. Only the title is
    read: a plain or quoted scalar on its own line (a block scalar is not).
    """
    lines = text.split("\n")
    if len(lines) < 3 or lines[0].rstrip() != "---" or not _YAML_KEY.match(lines[1]):
        return text, None
    close = next((i for i in range(2, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        return text, None
    title: str | None = None
    for line in lines[1:close]:
        found = _YAML_TITLE.fullmatch(line.rstrip())
        if found and title is None:
            title = _yaml_scalar(found.group(1))
    return "\n".join([""] * (close + 1) + lines[close + 1 :]), title


def _yaml_scalar(value: str) -> str | None:
    """A YAML scalar as written on one line -> its text (None if it is not one)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner = re.sub(r"\\(.)", r"\1", value[1:-1])
    elif len(value) >= 2 and value[0] == value[-1] == "'":
        inner = value[1:-1].replace("''", "'")
    elif value and value[0] not in "|>&*!%@`{[\"'":
        inner = re.sub(r"\s+#.*", "", value)  # a comment after the value
    else:
        return None
    inner = " ".join(inner.split())
    return inner or None


def _split(text: str) -> tuple[list[_Block], list[_Definition], dict[str, str]]:
    """Body blocks, footnote definitions and link references, in document order."""
    links: dict[str, str] = {}
    blocks: list[_Block] = []
    definitions: list[_Definition] = []
    paragraph: _Block | None = None
    note: _Definition | None = None
    note_blank = False  # a blank line inside the current definition
    fence: str | None = None
    lines = text.split("\n")
    rows = _table_rows(lines)
    for index, raw in enumerate(lines):
        number = index + 1
        line = raw.rstrip()
        if fence is not None:
            assert paragraph is not None
            if line.strip().startswith(fence):
                fence = None
                paragraph = None
            else:
                paragraph.lines.append(raw)
            continue
        if note is not None:
            if not line.strip():
                note_blank = True
                continue
            if raw.startswith(("    ", "\t")):
                if note_blank:
                    note.lines.append("")
                note.lines.append(raw[4:] if raw.startswith("    ") else raw[1:])
                note_blank = False
                continue
            if not note_blank and not _DEFINITION.match(line) and not _starts_block(line):
                note.lines.append(line.strip())  # a lazy continuation line
                continue
            note = None
        definition = _DEFINITION.fullmatch(line)
        if definition:
            note = _Definition(definition.group(1), number, [definition.group(2)])
            note_blank = False
            definitions.append(note)
            paragraph = None
            continue
        if not line.strip():
            paragraph = None
            continue
        reference = _LINK_DEFINITION.fullmatch(line)
        if reference and paragraph is None:
            links.setdefault(" ".join(reference.group(1).lower().split()), reference.group(2))
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            paragraph = _Block("code", number + 1, [])
            blocks.append(paragraph)
            continue
        heading = _HEADING.fullmatch(line)
        if heading:
            blocks.append(_Block("heading", number, [heading.group(1) or ""]))
            paragraph = None
            continue
        if paragraph is not None and paragraph.kind == "text" and _SETEXT.fullmatch(line):
            paragraph.kind = "heading"  # the underline of a setext heading
            paragraph = None
            continue
        if _RULE.fullmatch(line):
            paragraph = None
            continue
        if index in rows:
            # A table row is its own paragraph (the delimiter row, none): joined into
            # one, a table read as a single sentence of dozens of figures, and a
            # "total" in one cell summed every other cell.
            if rows[index]:
                blocks.append(_Block("text", number, [line]))
            paragraph = None
            continue
        prefix = _PREFIX.match(line)
        marker = prefix.group(1) if prefix else None
        # A number followed by a dot only opens a list at a paragraph's start
        # ("2010. More" inside a paragraph is text); a bullet always does.
        starts_item = marker is not None and (paragraph is None or not marker[0].isdigit())
        content = line[prefix.end() :] if prefix and (starts_item or marker is None) else line
        if paragraph is None or starts_item:
            paragraph = _Block("text", number, [content])
            blocks.append(paragraph)
        else:
            paragraph.lines.append(content)
    return blocks, definitions, links


def _table_rows(lines: list[str]) -> dict[int, bool]:
    """Line index -> True for each row of a GFM table, False for its delimiter row.

    A table is a line holding "|" above a delimiter row, and the non-blank
    lines holding "|" that follow.
    """
    rows: dict[int, bool] = {}
    for index in range(1, len(lines)):
        if index in rows or "|" not in lines[index - 1] or not lines[index - 1].strip():
            continue
        if not _TABLE_DELIMITER.fullmatch(lines[index].rstrip()):
            continue
        rows[index - 1] = True
        rows[index] = False
        below = index + 1
        while below < len(lines) and lines[below].strip() and "|" in lines[below]:
            rows[below] = True
            below += 1
    return rows


def _starts_block(line: str) -> bool:
    """Does the line open a heading, rule or fence (ending a lazy note)?"""
    return bool(_HEADING.fullmatch(line) or _RULE.fullmatch(line) or _FENCE.match(line))


def _note(label: str, source: str, links: dict[str, str], location: Location) -> NoteText:
    """A note's source -> its text on one line, and that text with its italics."""
    paragraphs = [p for p in source.split("\n\n") if p.strip()]
    marked = " ".join(
        " ".join(inline_text(p, links=links, italics=True)[0].split()) for p in paragraphs
    )
    text, marked = styled(marked)
    return NoteText(label, text, location, source, marked)


def _build(
    path: str, blocks: list[_Block], definitions: list[_Definition], links: dict[str, str]
) -> Manuscript:
    explicit = {d.label for d in definitions}
    pieces: list[str] = []
    markers: list[NoteMarker] = []
    notes: list[NoteText] = []
    line_starts: list[tuple[int, int]] = []
    verbatim: list[tuple[int, int]] = []
    offset = 0
    title: str | None = None
    for block in blocks:
        source = "\n".join(block.lines)
        found: list[InlineMarker] = []
        code: list[tuple[int, int]] = []
        if block.kind == "code":
            plain = source
            starts = _code_starts(source)
        else:
            plain, found, starts = inline_lines(
                source, markdown_notes=True, links=links, code_spans=code
            )
        if block.kind == "heading" and title is None and plain.strip():
            title = " ".join(plain.split())
        if pieces:
            offset += 2
        # A block's lines are consecutive source lines from block.line on.
        if plain:
            add_line_start(line_starts, offset, block.line)
            for start, lines in starts:
                add_line_start(line_starts, offset + start, block.line + lines)
        for marker in found:
            line = block.line + source.count("\n", 0, marker.source)
            label = marker.label
            if marker.inline_note is not None:
                number = len(markers) + 1
                label = str(number) if str(number) not in explicit else f"inline-{number}"
                notes.append(_note(label, marker.inline_note, links, Location(path, line)))
            markers.append(NoteMarker(label, offset + marker.offset, Location(path, line)))
        if block.kind == "code" and plain:
            verbatim.append((offset, offset + len(plain)))
        verbatim.extend((offset + a, offset + b) for a, b in code)
        pieces.append(plain)
        offset += len(plain)
    for definition in definitions:
        raw = "\n".join(definition.lines).strip("\n")
        notes.append(_note(definition.label, raw, links, Location(path, definition.line)))
    notes.sort(key=lambda n: n.location.line)
    return Manuscript(
        path=path,
        format="markdown",
        body="\n\n".join(pieces),
        markers=tuple(markers),
        notes=tuple(notes),
        title=title,
        line_starts=tuple(line_starts),
        verbatim=tuple(verbatim),
    )


def _code_starts(source: str) -> list[tuple[int, int]]:
    """Line starts of a code block, which the body keeps verbatim."""
    starts: list[tuple[int, int]] = []
    newline = source.find("\n")
    while newline >= 0:
        starts.append((newline + 1, len(starts) + 1))
        newline = source.find("\n", newline + 1)
    return starts
