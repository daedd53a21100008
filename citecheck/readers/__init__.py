"""Reading: a manuscript file of any supported format -> ``Manuscript``.

All knowledge of file formats lives in this package. Each reader module has
one function, ``read(path, data) -> Manuscript``, and is named in ``READERS``.
The format is chosen by extension, with content sniffing when the extension
says nothing (``.txt``, no extension, an unknown one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from citecheck.errors import InputError
from citecheck.model import Manuscript
from citecheck.readers import docx, html, latex, markdown, plaintext

__all__ = ["READERS", "detect_format", "read_manuscript"]

Reader = Callable[[str, bytes], Manuscript]

READERS: dict[str, Reader] = {
    "plaintext": plaintext.read,
    "markdown": markdown.read,
    "html": html.read,
    "docx": docx.read,
    "latex": latex.read,
}

_BY_EXTENSION = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".tex": "latex",
    ".latex": "latex",
}


def detect_format(path: str, data: bytes) -> str:
    """The reader name for a file, by extension, else by its content."""
    raise NotImplementedError  # filled in by the readers work (issue 2)


def read_manuscript(path: str | Path, *, format: str | None = None) -> Manuscript:
    """Read one manuscript file.

    Raises:
        InputError: the file is missing, empty, binary, truncated or corrupt;
            the message names the file (and line where it applies).
    """
    raise NotImplementedError  # filled in by the readers work (issue 2)
