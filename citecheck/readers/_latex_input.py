"""``\\input`` and ``\\include`` in the LaTeX parser: the named file is read in place."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from citecheck.errors import ManuscriptSyntaxError
from citecheck.readers.plaintext import decode_text

if TYPE_CHECKING:
    from citecheck.readers._latex_parser import _Parser

__all__ = ["include"]

_FILE_NAME = re.compile(r"[^\s{}%\\]+")


def include(parser: _Parser, word: str, start: int, sink: list[str]) -> None:
    """Read the named file in place, as LaTeX does.

    Looked for beside the including file, then beside the main file,
    ``.tex`` added when missing; only files under the main file's folder,
    and never one already being read. One that cannot be followed is an
    error naming it, as it is for LaTeX.
    """
    line = parser.line_of(start)
    parser.skip_spaces()
    bare = _FILE_NAME.match(parser.src, parser.pos)  # TeX's own "\\input chapter2"
    if bare is not None and parser.src[parser.pos] != "{":
        name = bare.group(0)
        parser.pos = bare.end()
    else:
        name = parser.raw_group().strip()
    if not name or parser.root is None:
        return
    # Beside the including file, then (as LaTeX itself looks) beside the main file.
    folders = dict.fromkeys([os.path.dirname(parser.path), parser.main_folder])
    candidates = []
    for folder in folders:
        shown = os.path.normpath(os.path.join(folder, name))
        candidates += [shown] if shown.endswith(".tex") else [shown + ".tex", shown]
    found = next((c for c in candidates if os.path.isfile(c)), None)
    if found is None:
        raise ManuscriptSyntaxError(
            parser.path, f"\\{word}{{{name}}}: no such file {candidates[0]}", line=line
        )
    real = os.path.realpath(found)
    if not real.startswith(parser.root + os.sep):
        raise ManuscriptSyntaxError(
            parser.path,
            f"\\{word}{{{name}}} is not followed: {found} is outside the main file's"
            " folder (check it on its own)",
            line=line,
        )
    if real in parser.files:
        raise ManuscriptSyntaxError(
            parser.path,
            f"\\{word}{{{name}}} includes {found}, which is already being read (a cycle)",
            line=line,
        )
    try:
        with open(found, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise ManuscriptSyntaxError(
            parser.path,
            f"\\{word}{{{name}}}: {found} cannot be read ({error.strerror})",
            line=line,
        ) from None
    if not data.strip():
        return  # an empty file prints nothing (decoding would call it an error)
    source = decode_text(found, data)
    if sink is parser.body and len(parser.files) == 1:
        parser.mark_line(sink, line)
    if word == "include":
        sink.append("\n\n")
    saved = (parser.path, parser.src, parser.pos, parser.end, parser.newlines)
    parser.path, parser.src, parser.pos, parser.end = found, source, 0, len(source)
    parser.newlines = [m.start() for m in re.finditer("\n", source)]
    parser.files.append(real)
    try:
        parser.parse(sink)
    finally:
        parser.files.pop()
        parser.path, parser.src, parser.pos, parser.end, parser.newlines = saved
        parser.line_end = -1  # the next token of this file marks its own line
    if word == "include":
        sink.append("\n\n")
