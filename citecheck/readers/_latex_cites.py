"""LaTeX citations: ``\\footcite`` and kin make notes, ``\\citep`` and kin cite in the text.

A body citation (natbib's ``\\citep``, ``\\citet``, ``\\citealt``,
``\\citeauthor``, biblatex's ``\\parencite``, ``\\textcite``, plain
``\\cite``) prints the work in the text, not in a note; its .bib entry is
still a work the paper cites. Each key cited so becomes one *in-text
citation*: a note labelled ``@key`` (``IN_TEXT`` labels, ``model_text``) at
its first citation, holding the entry as a ``\\footcite`` holds it, with a
marker at every place the key is cited, so that the later stages look the
work up, check its links and export it like any note's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citecheck.model import IN_TEXT, Location, MissingCiteKey, NoteText
from citecheck.readers._latex_commands import _SENTINEL
from citecheck.readers._text import styled

if TYPE_CHECKING:
    from citecheck.readers._latex_parser import _Parser

__all__ = ["body_cite", "footcite"]


def footcite(parser: _Parser, word: str, start: int, sink: list[str]) -> None:
    """``\\footcite[pre][post]{keys}`` and kin: a footnote holding the citation.

    Inside a note there is no footnote to make: biblatex prints the
    citation in parentheses in the note's text, as ``\\parencite`` would.
    """
    cites = cite_arguments(parser, multi=word.endswith("s"))
    missing: list[str] = []
    text = "; ".join(cite_text(parser, pre, post, keys, missing) for pre, post, keys in cites)
    line = parser.line_of(start)
    if parser.note_depth > 0:
        sink.append(f"({text})")
        _record_missing(parser, missing, line, None)
        return
    if word != "footcitetext":
        parser.counter += 1
    label = str(parser.counter)
    _record_missing(parser, missing, line, label)
    if word != "footcitetext":
        sink.append(_SENTINEL)
        parser.markers.append((label, line, parser.path))
    raw = parser.src[start : parser.pos]
    # biblatex closes the note with a period unless it ends with one already.
    text = text if text.endswith((".", "?", "!")) else text + "."
    # The entries are rendered without italics (the .bib holds none).
    plain, marked = styled(text)
    parser.notes.append(NoteText(label, plain, Location(parser.path, line), raw, marked))


def body_cite(parser: _Parser, word: str, start: int, sink: list[str]) -> None:
    """``\\citep[pre][post]{keys}`` and kin: ``[keys, pre, post]`` in the text.

    In the body, each key is also an in-text citation (module docstring); a
    key the .bib lacks is a ``cite-key-not-in-bib`` warning, as for a
    ``\\footcite``. Inside a note the text is all (the note is the citation).
    """
    cites = cite_arguments(parser, multi=word.endswith("s"))
    if parser.bib is None:
        parser.bib = parser.read_bib()
    if parser.note_depth > 0 or parser.body is not sink:
        sink.append("; ".join(_bare(parser, pre, post, keys) for pre, post, keys in cites))
        return  # inside a note the key stands as written: the note is the citation
    sink.append(_printed(parser, word.lower().rstrip("s"), cites))
    line = parser.line_of(start)
    raw = parser.src[start : parser.pos]
    for _, _, keys in cites:
        for key in dict.fromkeys(k.strip() for k in keys.split(",") if k.strip()):
            label = IN_TEXT + key
            if key not in parser.in_text:
                missing: list[str] = []
                text = cite_text(parser, None, None, key, missing)
                parser.in_text.add(key)
                if missing:
                    if not parser.bib_items:  # a thebibliography list prints them
                        _record_missing(parser, missing, line, None)
                    continue
                text = text if text.endswith((".", "?", "!")) else text + "."
                plain, marked = styled(text)
                where = Location(parser.path, line)
                parser.notes.append(NoteText(label, plain, where, raw, marked))
                parser.in_text_noted.add(key)
            if key in parser.in_text_noted:
                sink.append(_SENTINEL)
                parser.markers.append((label, line, parser.path))


# natbib's and biblatex's commands by what they print: "Lund (2001)", "(Lund 2001)",
# "Lund 2001", "Lund", "2001", "(2001)" ("cite" is natbib's author-year \cite).
_TEXTUAL = frozenset(["cite", "citet", "textcite"])
_BARE = frozenset(["citealt", "citealp"])


def _printed(parser: _Parser, word: str, cites: list[tuple[str | None, str | None, str]]) -> str:
    """A body citation as an author-year style prints it, from the .bib's authors and years.

    A key the .bib lacks is printed ``[key, pre, post]``, as before any .bib
    was read (biber prints the bare key too). The printed form keeps the
    sentences around the citation apart as the printed page does: ``[lund2001]
    replied`` read as one sentence with the one before.
    """
    printed: list[str] = []
    for pre, post, keys in cites:
        named = [k.strip() for k in keys.split(",") if k.strip()]
        if not named or any(k not in parser.bib_short for k in named):
            printed.append(_bare(parser, pre, post, keys))
            continue
        works = [parser.bib_short[k] for k in named]
        if word in ("citeauthor",):
            printed.append(", ".join(who for who, _ in works))
            continue
        if word.startswith("citeyear"):
            years = ", ".join(year for _, year in works)
            printed.append(f"({years})" if word == "citeyearpar" else years)
            continue
        pinpoint = f", {note_words(parser, post)}" if post and post.strip() else ""
        lead = f"{note_words(parser, pre)} " if pre and pre.strip() else ""
        if word in _TEXTUAL:
            text = "; ".join(f"{who} ({year})" for who, year in works[:-1])
            who, year = works[-1]
            last = f"{who} ({lead}{year}{pinpoint})"
            printed.append(f"{text}; {last}" if text else last)
            continue
        inner = "; ".join(f"{who} {year}".strip() for who, year in works)
        inner = f"{lead}{inner}{pinpoint}"
        printed.append(inner if word in _BARE else f"({inner})")
    return "; ".join(printed)


def _bare(parser: _Parser, pre: str | None, post: str | None, keys: str) -> str:
    """``[keys, pre, post]``: a citation printed without its .bib entry."""
    extra = [" ".join(n.replace("~", " ").split()) for n in (pre, post) if n and n.strip()]
    return f"[{', '.join([keys.strip(), *extra])}]"


def _record_missing(parser: _Parser, keys: list[str], line: int, label: str | None) -> None:
    where = Location(parser.path, line)
    for key in keys:
        parser.missing_keys.append(MissingCiteKey(key, where, label, parser.bib_searched))


def cite_arguments(parser: _Parser, *, multi: bool) -> list[tuple[str | None, str | None, str]]:
    """(prenote, postnote, keys) of each citation; ``\\...cites`` take several."""
    if multi:
        for _ in range(2):  # (multiprenote)(multipostnote)
            parser.skip_spaces()
            if parser.pos < parser.end and parser.src[parser.pos] == "(":
                close = parser.src.find(")", parser.pos)
                parser.pos = parser.end if close < 0 else close + 1
    cites: list[tuple[str | None, str | None, str]] = []
    while True:
        first, second = parser.optional(), parser.optional()
        pre, post = (first, second) if second is not None else (None, first)
        cites.append((pre, post, parser.raw_group().strip()))
        save = parser.pos
        parser.skip_spaces()
        more = parser.pos < parser.end and parser.src[parser.pos] in "[{"
        parser.pos = save
        if not multi or not more:
            return cites


def cite_text(
    parser: _Parser, pre: str | None, post: str | None, keys: str, missing: list[str]
) -> str:
    """The entries of ``keys`` (from the .bib, or the keys themselves), with the notes.

    The postnote (a pinpoint) follows the last work, before its URL and DOI.
    A key the .bib lacks (or every key, without a .bib) goes to ``missing``.
    """
    if parser.bib is None:
        parser.bib = parser.read_bib()
    bib = parser.bib
    named = [key.strip() for key in keys.split(",") if key.strip()]
    missing.extend(key for key in named if key not in bib)
    works = [bib.get(key, (key, "")) for key in named]
    works = [work for work in works if work[0]]
    if not works:
        return ""
    pieces = [", ".join(p for p in work if p) for work in works[:-1]]
    last, links = works[-1]
    if post and post.strip():
        last = f"{last}, {note_words(parser, post)}"
    pieces.append(", ".join(p for p in (last, links) if p))
    text = "; ".join(pieces)
    if pre and pre.strip():
        text = f"{note_words(parser, pre)} {text}"
    return text


def note_words(parser: _Parser, note: str) -> str:
    """A pre- or postnote as plain text on one line ("p.~12--14" -> "p. 12–14")."""
    words = type(parser)("note", note, includes=False)
    sink: list[str] = []
    words.parse(sink)
    return " ".join("".join(sink).split())
