"""The LaTeX reader's parser: one pass over the source to plain text, notes and markers."""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections.abc import Callable

from citecheck.errors import ManuscriptSyntaxError
from citecheck.model import Location, MissingCiteKey, NoteText
from citecheck.readers._latex_cites import body_cite, footcite
from citecheck.readers._latex_commands import (
    _ACCENTS,
    _AUTO_CITES,
    _BREAKS,
    _CITES,
    _CONTROL,
    _DEFINERS,
    _DROP,
    _FOOT_CITES,
    _HEADINGS,
    _INCLUDES,
    _LINE_BREAKS,
    _MAX_DEPTH,
    _REFERENCES,
    _SENTINEL,
    _SHAPE_COMMANDS,
    _SHAPE_DECLARATIONS,
    _SKIP_FIRST,
    _SYMBOLS,
    _TEXT,
    _UNWRAP,
    _URL_ESCAPE,
    _VERBATIM,
)
from citecheck.readers._latex_input import include
from citecheck.readers._text import ITALIC_OFF, ITALIC_ON, small_number, styled, superscript

# A \url or \href whose argument holds a bare %, within a line.
_URL_WITH_PERCENT = re.compile(r"\\(?:url|href)\s*\{[^}\n]*(?<!\\)%")


class _Parser:
    """One pass over the source; notes and markers are collected as it goes."""

    def __init__(self, path: str, source: str, *, includes: bool = True) -> None:
        self.path = path
        self.src = source
        self.pos = 0
        self.end = len(source)
        self.newlines = [found.start() for found in re.finditer("\n", source)]
        self.counter = 0
        self.note_depth = 0
        self.markers: list[tuple[str, int, str]] = []  # label, line, file
        self.notes: list[NoteText] = []
        self.stopped = False
        self.depth = 0
        # The body's sink; while printing into it, (index in the sink, line)
        # pairs record where each source line's text starts.
        self.body: list[str] | None = None
        self.line_starts: list[tuple[int, int]] = []
        self.line_end = -1  # where the line of the last pair ends
        # (first, last) source lines with text of each verbatim block in the
        # body; they become body offsets once the body is collapsed.
        self.verbatim_lines: list[tuple[int, int]] = []
        # biblatex: key -> note text from the .bib (read when the first
        # footnote citation needs it), and whether \autocite is a footnote.
        self.bib: dict[str, tuple[str, str]] | None = None
        self.read_bib: Callable[[], dict[str, tuple[str, str]]] = dict
        self.bib_searched: tuple[str, ...] = ()  # the .bib files read_bib looked in
        self.missing_keys: list[MissingCiteKey] = []  # footnote citations the .bib lacks
        self.autocite_footnotes = False
        # Keys cited in the body's text (\citep ...), and those that became in-text
        # citations (their entry found); whether a thebibliography list holds the works.
        self.in_text: set[str] = set()
        self.bib_short: dict[str, tuple[str, str]] = {}  # key -> (authors, year)
        self.in_text_noted: set[str] = set()
        self.bib_items = "\\bibitem" in source
        # Files being read, outermost first (\input follows them), and the
        # folder no included file may leave (None: not a file, no \input followed).
        self.files = [os.path.realpath(path)]
        self.root = os.path.realpath(os.path.dirname(path) or ".") if includes else None
        self.main_folder = os.path.dirname(path)
        # The font shape is italic here; in a note, its changes are marked in the text.
        self.italic = False

    def line_of(self, index: int) -> int:
        return bisect.bisect_left(self.newlines, index) + 1

    def mark_line(self, sink: list[str], line: int) -> None:
        """The text printed next into the body comes from ``line``."""
        self.line_end = self.newlines[line - 1] if line <= len(self.newlines) else self.end
        if self.line_starts and self.line_starts[-1][0] == len(sink):
            self.line_starts[-1] = (len(sink), line)
        else:
            self.line_starts.append((len(sink), line))

    # -- scanning helpers -------------------------------------------------

    def skip_spaces(self) -> None:
        """Skip blanks and at most one line end (not a paragraph break)."""
        src = self.src
        while self.pos < self.end and src[self.pos] in " \t":
            self.pos += 1
        if self.pos < self.end and src[self.pos] == "\n":
            after = self.pos + 1
            while after < self.end and src[after] in " \t":
                after += 1
            if after >= self.end or src[after] != "\n":
                self.pos = after

    def matching(self, start: int, opener: str, closer: str, *, comments: bool = True) -> int:
        """Index of the closer matching the opener at ``start`` (or the end).

        ``comments=False`` reads ``%`` as a character, as ``\\url`` reads its
        argument in running text.
        """
        depth = 0
        i = start
        src = self.src
        while i < self.end:
            char = src[i]
            if char == "\\":
                i += 2
                continue
            if char == "%" and comments:
                newline = src.find("\n", i)
                i = self.end if newline < 0 else newline + 1
                continue
            if char == opener or (opener == "[" and char == "{"):
                depth += 1
            elif char == closer or (opener == "[" and char == "}"):
                depth -= 1
                if depth == 0:
                    return i
            i += 1
        return self.end

    def optional(self) -> str | None:
        """The raw text of a ``[...]`` argument, if one follows."""
        save = self.pos
        self.skip_spaces()
        if self.pos < self.end and self.src[self.pos] == "[":
            close = self.matching(self.pos, "[", "]")
            raw = self.src[self.pos + 1 : close]
            self.pos = min(close + 1, self.end)
            return raw
        self.pos = save
        return None

    def raw_group(self, *, verbatim: bool = False) -> str:
        """The raw text of the next argument (a braced group or one token).

        A ``verbatim`` argument (a URL) keeps its ``%`` and ``#``.
        """
        self.skip_spaces()
        if self.pos >= self.end:
            return ""
        if self.src[self.pos] == "{":
            close = self.matching(self.pos, "{", "}", comments=not verbatim)
            raw = self.src[self.pos + 1 : close]
            self.pos = min(close + 1, self.end)
            return raw
        control = _CONTROL.match(self.src, self.pos)
        if control:
            self.pos = control.end()
            return control.group(0)
        self.pos += 1
        return self.src[self.pos - 1]

    def group(self, sink: list[str]) -> bool:
        """Print the next argument into ``sink``; False if its brace is never closed."""
        self.skip_spaces()
        if self.pos >= self.end:
            return True
        if self.src[self.pos] == "{":
            self.pos += 1
            return self.parse(sink, in_group=True)
        if self.src[self.pos] == "\\":
            self.enter()
            self.command(sink)
            self.depth -= 1
        else:
            sink.append(self.src[self.pos])
            self.pos += 1
        return True

    def enter(self) -> None:
        """One level deeper; a file nested beyond reason is refused, not a crash."""
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise ManuscriptSyntaxError(
                self.path,
                f"braces or commands nested more than {_MAX_DEPTH} deep",
                line=self.line_of(self.pos),
            )

    def group_text(self) -> str:
        sink: list[str] = []
        self.group(sink)
        return "".join(sink)

    # -- the main loop ----------------------------------------------------

    def parse(self, sink: list[str], *, in_group: bool = False) -> bool:
        """Print up to the group's closing brace (True) or the end (False)."""
        self.enter()
        outer = self.italic
        try:
            return self._parse(sink, in_group=in_group)
        finally:
            self.depth -= 1
            if in_group:
                self.shape(sink, outer)  # a declaration ({\em ...}) ends with its group

    def shape(self, sink: list[str], italic: bool | None) -> None:
        """Switch the shape to italic (True), upright (False) or the other one (None)."""
        wanted = not self.italic if italic is None else italic
        if wanted != self.italic:
            self.italic = wanted
            if self.note_depth:
                sink.append(ITALIC_ON if wanted else ITALIC_OFF)

    def _parse(self, sink: list[str], *, in_group: bool) -> bool:
        src = self.src
        # The body's lines are the main file's: an included file's text counts
        # from its \input line (marked before it is read).
        body = sink is self.body and len(self.files) == 1
        while self.pos < self.end and not self.stopped:
            # Each turn prints one token that starts at pos; a comparison
            # with the current line's end keeps this cheap.
            if body and self.pos > self.line_end:
                self.mark_line(sink, self.line_of(self.pos))
            char = src[self.pos]
            if char == "}":
                self.pos += 1
                if in_group:
                    return True
            elif char == "{":
                self.pos += 1
                self.parse(sink, in_group=True)
            elif char == "\\":
                self.command(sink)
            elif char == "%":
                newline = src.find("\n", self.pos)
                self.pos = self.end if newline < 0 else newline + 1
                while self.pos < self.end and src[self.pos] in " \t":
                    self.pos += 1
            elif char == "\n":
                self.pos += 1
                after = self.pos
                while after < self.end and src[after] in " \t":
                    after += 1
                if after < self.end and src[after] == "\n":
                    sink.append("\n\n")
                    while after < self.end and src[after] in " \t\n":
                        after += 1
                    self.pos = after
                else:
                    sink.append(" ")
            elif char == "-":
                run = 1
                while self.pos + run < self.end and src[self.pos + run] == "-" and run < 3:
                    run += 1
                sink.append({1: "-", 2: "–", 3: "—"}[run])
                self.pos += run
            elif char in "`'":
                if src.startswith(char * 2, self.pos):
                    sink.append("“" if char == "`" else "”")
                    self.pos += 2
                else:
                    sink.append("‘" if char == "`" else "'")
                    self.pos += 1
            elif char in "~&":
                sink.append(" ")
                self.pos += 1
            elif char == "$":
                self.pos += 1  # math delimiters; the content is kept
            else:
                text = _TEXT.match(src, self.pos)
                assert text is not None
                sink.append(text.group(0))
                self.pos = text.end()
        return False

    def command(self, sink: list[str]) -> None:
        start = self.pos
        control = _CONTROL.match(self.src, self.pos)
        if control is None:  # a lone backslash at the very end
            self.pos = self.end
            return
        self.pos = control.end()
        word, symbol = control.group(1), control.group(2)
        if word is None:
            self._symbol(symbol, sink)
            return
        if word in ("footnote", "footnotemark", "footnotetext"):
            self._footnote(word, start, sink)
        elif word in _FOOT_CITES or (word in _AUTO_CITES and self.autocite_footnotes):
            footcite(self, word, start, sink)
        elif word in _INCLUDES:
            include(self, word, start, sink)
        elif word in _SYMBOLS:
            sink.append(_SYMBOLS[word])
            self._eat_spaces_after_word()
        elif len(word) == 1 and word in _ACCENTS:
            sink.append(self._accent(word))
        elif word in _SHAPE_COMMANDS:
            outer = self.italic
            self.shape(sink, _SHAPE_COMMANDS[word])
            self.group(sink)
            self.shape(sink, outer)
        elif word in _SHAPE_DECLARATIONS:
            self.shape(sink, _SHAPE_DECLARATIONS[word])
            self._eat_spaces_after_word()
        elif word == "textsuperscript":
            raised: list[str] = []
            self.group(raised)
            sink.append(superscript("".join(raised)))
        elif word in _HEADINGS:
            self.optional()
            sink.append("\n\n")
            self.group(sink)
            sink.append("\n\n")
        elif word in _UNWRAP:
            self.optional()
            if word in _SKIP_FIRST:
                self.raw_group()
            if word == "enquote":
                sink.append("“")
            self.group(sink)
            if word == "enquote":
                sink.append("”")
            if word == "texorpdfstring":
                self.raw_group()
        elif word in ("url", "nolinkurl"):
            sink.append(_URL_ESCAPE.sub(r"\1", self._url()))
        elif word == "href":
            url = _URL_ESCAPE.sub(r"\1", self._url())
            text = " ".join(self.group_text().split())
            sink.append(url if text in ("", url) else f"{text} ({url})")
        elif word in _CITES:
            body_cite(self, word, start, sink)
        elif word in _REFERENCES:
            self.raw_group()
            sink.append("?")
        elif word in ("setcounter", "addtocounter"):
            counter = self.raw_group().strip()
            value = self.raw_group().strip()
            number = small_number(value)
            if counter == "footnote" and number is not None:
                self.counter = number + (self.counter if word == "addtocounter" else 0)
        elif word in ("stepcounter", "refstepcounter"):
            if self.raw_group().strip() == "footnote":
                self.counter += 1
        elif word in _DROP:
            for _ in range(_DROP[word]):
                self.optional()
                self.raw_group()
            self.optional()
        elif word in _DEFINERS:
            self.raw_group()
            self.optional()
            self.optional()
            self.raw_group()
        elif word in ("def", "gdef", "edef", "xdef"):
            self.raw_group()
            brace = self.src.find("{", self.pos)
            self.pos = self.end if brace < 0 else brace
            self.raw_group()
        elif word == "begin":
            self._begin(sink)
        elif word == "end":
            name = self.raw_group().strip()
            if name == "document":
                self.stopped = True
            sink.append("\n\n")
        elif word in _BREAKS:
            sink.append("\n\n")
            if word == "item":
                label = self.optional()
                if label:
                    sink.append(label + " ")
            self._eat_spaces_after_word()
        elif word in _LINE_BREAKS:
            sink.append("\n")
        else:
            self._eat_spaces_after_word()  # unknown: drop it, keep its arguments' text

    def _url(self) -> str:
        """A URL argument: LaTeX reads it verbatim in running text, where ``%``
        is a character; inside a note's argument it was read already, and a
        bare ``%`` there starts a comment (a LaTeX error that the unclosed
        note then reports)."""
        return self.raw_group(verbatim=self.note_depth == 0).strip()

    def _eat_spaces_after_word(self) -> None:
        while self.pos < self.end and self.src[self.pos] in " \t":
            self.pos += 1

    def _symbol(self, symbol: str, sink: list[str]) -> None:
        if symbol == "\\":
            sink.append("\n")
            if self.pos < self.end and self.src[self.pos] == "*":
                self.pos += 1
            self.optional()
        elif symbol in _ACCENTS:
            sink.append(self._accent(symbol))
        elif symbol in ("(", ")", "[", "]"):
            pass  # math delimiters
        elif symbol == "\n":
            sink.append(" ")
        else:
            sink.append(_SYMBOLS.get(symbol, symbol))

    def _accent(self, accent: str) -> str:
        base = self.group_text() or " "
        # Accents go on a dotless i or j ("\\'{\\i}"); Unicode composes them on i, j.
        base = {"ı": "i", "ȷ": "j"}.get(base[:1], base[:1]) + base[1:]
        return unicodedata.normalize("NFC", base[:1] + _ACCENTS[accent] + base[1:])

    def _begin(self, sink: list[str]) -> None:
        name = self.raw_group().strip()
        if name in _VERBATIM:
            closing = f"\\end{{{name}}}"
            stop = self.src.find(closing, self.pos)
            stop = self.end if stop < 0 else stop
            if name != "comment":
                self._verbatim(self.src[self.pos : stop], sink)
            self.pos = min(stop + len(closing), self.end)
            return
        self.optional()
        if name in ("tabular", "tabular*", "tabularx", "array", "minipage"):
            if name in ("tabular*", "tabularx", "minipage"):
                self.raw_group()
            if name != "minipage":
                self.raw_group()
        sink.append("\n\n")

    def _verbatim(self, text: str, sink: list[str]) -> None:
        """Print a verbatim block, which keeps its lines."""
        kept = text.strip("\n")
        sink.append("\n\n")
        if sink is not self.body or len(self.files) > 1:
            sink.append(kept)
        else:
            line = self.line_of(self.pos + len(text) - len(text.lstrip("\n")))
            written: list[int] = []
            for number, piece in enumerate(kept.split("\n")):
                if number:
                    sink.append("\n")
                self.mark_line(sink, line + number)
                sink.append(piece)
                if piece.strip():
                    written.append(line + number)
            if written:
                self.verbatim_lines.append((written[0], written[-1]))
            self.line_end = -1  # the parser's next token finds its own line
        sink.append("\n\n")

    def _footnote(self, word: str, start: int, sink: list[str]) -> None:
        number = self.optional()
        label = number.strip() if number is not None else None
        if label is None and word != "footnotetext":
            self.counter += 1
        if label is None:
            label = str(self.counter)
        line = self.line_of(start)
        if word != "footnotetext" and self.note_depth == 0:
            sink.append(_SENTINEL)
            self.markers.append((label, line, self.path))
        if word == "footnotemark":
            return
        self.skip_spaces()
        raw_start = self.pos
        note: list[str] = []
        # A note is set upright whatever the text around its marker (\normalfont).
        outer, self.italic = self.italic, False
        self.note_depth += 1
        closed = self.group(note)
        self.note_depth -= 1
        self.italic = outer
        if not closed:
            # LaTeX stops with "File ended while scanning use of \@footnotetext";
            # reading on would make the rest of the document one note.
            bare_percent = _URL_WITH_PERCENT.search(self.src, raw_start, self.pos)
            hint = "; in a note, a % in \\url must be written \\%" if bare_percent else ""
            raise ManuscriptSyntaxError(
                self.path,
                f"the \\{word} here is never closed: its text runs to the end of the"
                f" document (check its braces{hint})",
                line=line,
            )
        raw = self.src[raw_start : self.pos]
        if raw.startswith("{") and raw.endswith("}"):
            raw = raw[1:-1]
        text, marked = styled(" ".join("".join(note).split()))
        self.notes.append(NoteText(label, text, Location(self.path, line), raw.strip(), marked))
