"""Reading: a manuscript file of any supported format -> ``Manuscript``.

All knowledge of file formats lives in this package. Each reader module has
one function, ``read(path, data) -> Manuscript``, and is named in ``READERS``.
The format is chosen by extension, with content sniffing when the extension
says nothing (``.txt``, no extension, an unknown one).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePath

from citecheck._lazy import LazyFunctions
from citecheck.errors import InputError, UnsupportedFormatError
from citecheck.model import Manuscript

__all__ = ["EXTENSIONS", "READERS", "detect_format", "read_manuscript"]

Reader = Callable[[str, bytes], Manuscript]

# Imported when first used: the PDF and HTML readers pull in pdfminer and bs4.
READERS: LazyFunctions[Reader] = LazyFunctions(
    {
        "plaintext": "citecheck.readers.plaintext:read",
        "markdown": "citecheck.readers.markdown:read",
        "html": "citecheck.readers.html:read",
        "docx": "citecheck.readers.docx:read",
        "latex": "citecheck.readers.latex:read",
        "pdf": "citecheck.readers.pdf:read",
    }
)

_BY_EXTENSION = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".tex": "latex",
    ".latex": "latex",
    ".pdf": "pdf",
}
# Every extension a reader is chosen by, and .txt (plain text, sniffed): what a folder holds.
EXTENSIONS = frozenset({".txt", *_BY_EXTENSION})


_SNIFF_BYTES = 64 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
# A PDF may have junk before its header; readers look within the first 1 KB.
_PDF_MAGIC = b"%PDF-"


def _is_pdf(data: bytes) -> bool:
    return _PDF_MAGIC in data[:1024]


def _is_docx(data: bytes) -> bool:
    """A zip archive holding ``word/document.xml`` (checked without unpacking)."""
    if not data.startswith(_ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        # A truncated .docx still says who it is in its first entry's name.
        return b"word/" in data[:_SNIFF_BYTES] or b"[Content_Types].xml" in data[:_SNIFF_BYTES]


# Zip-based formats that are not Word documents, by their ``mimetype`` entry (EPUB and
# OpenDocument put it first) or their OOXML part: each named, with what to do instead.
_ZIP_KINDS = {
    "application/epub+zip": "the file is an EPUB book, which citecheck does not read as one"
    " file; its chapters are XHTML, which it reads: unzip the book and check them"
    " (citecheck batch 'book/**/*.xhtml')",
    "application/vnd.oasis.opendocument.text": "the file is an OpenDocument text (.odt), which"
    " citecheck does not read; save it as a Word document (.docx) and check that",
    "xl/": "the file is an Excel workbook, not a manuscript",
    "ppt/": "the file is a PowerPoint presentation, not a manuscript",
}


def _zip_problem(data: bytes) -> str:
    """What a zip archive that is not a Word document is, in one line for its reader."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            kind = ""
            if "mimetype" in names:
                kind = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        names, kind = [], ""
    if kind not in _ZIP_KINDS:
        kind = next(
            (part for part in ("xl/", "ppt/") if any(n.startswith(part) for n in names)), ""
        )
    return _ZIP_KINDS.get(kind, "the file is a zip archive but not a Word document (.docx)")


def _sniff(data: bytes) -> str:
    """The reader name that the content suggests."""
    if _is_docx(data):
        return "docx"
    if _is_pdf(data):
        return "pdf"
    head = data[:_SNIFF_BYTES].decode("utf-8", errors="replace")
    start = head.lstrip("\ufeff \t\r\n")[:1024].lower()
    if start.startswith(("<!doctype html", "<html")) or "<html" in start[:512]:
        return "html"
    text = data.decode("utf-8", errors="replace")
    if "\\documentclass" in text or "\\footnote{" in text or "\\begin{document}" in text:
        return "latex"
    if _MARKDOWN_NOTE.search(text):
        return "markdown"
    return "plaintext"


_MARKDOWN_NOTE = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:", re.MULTILINE)


def detect_format(path: str, data: bytes) -> str:
    """The reader name for a file, by extension, else by its content.

    The extension decides unless the content contradicts it: a ``.docx``
    that is not a zip, or a text extension on a zip, is read by what the
    content is. ``.txt``, no extension and unknown extensions are sniffed:
    a zip with ``word/document.xml`` is docx, ``%PDF-`` in the first
    kilobyte is pdf, ``<html``/``<!DOCTYPE html``
    is html, ``\\documentclass``/``\\footnote{`` is latex, a ``[^x]:``
    definition is markdown, anything else plaintext.
    """
    by_extension = _BY_EXTENSION.get(PurePath(path).suffix.lower())
    if by_extension is None:
        return _sniff(data)
    is_zip = data.startswith(_ZIP_MAGIC)
    if (by_extension == "docx") != is_zip:
        return _sniff(data)
    if (by_extension == "pdf") != _is_pdf(data):
        return _sniff(data)  # a PDF named .txt, or text named .pdf
    return by_extension


def read_manuscript(path: str | Path, *, format: str | None = None) -> Manuscript:
    """Read one manuscript file.

    ``format`` names a reader and skips detection. A file without notes is
    not an error: it gives a Manuscript with no notes.

    Raises:
        InputError: the file is missing, a directory, empty, binary, not
            UTF-8 (the line is named), truncated or corrupt; the message
            names the file (and line where it applies).
        UnsupportedFormatError: ``format`` names no reader, or the file is
            an archive that is not a Word document.
    """
    name = str(path)
    if format is not None and format not in READERS:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormatError(name, f"unknown format {format!r} (known: {known})")
    data = _read_bytes(name)
    if not data.strip():
        raise InputError(name, "the file is empty")
    chosen = format or detect_format(name, data)
    if chosen != "docx" and data.startswith(_ZIP_MAGIC):
        raise UnsupportedFormatError(name, _zip_problem(data))
    # A UTF-16 page with a BOM is the HTML reader's to decode; text is UTF-8 only.
    bom16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if chosen not in ("docx", "pdf") and b"\x00" in data and not (chosen == "html" and bom16):
        from citecheck.readers.plaintext import utf16_problem

        problem = utf16_problem(data)
        if problem is not None:
            raise InputError(name, problem)
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(name, "the file is binary (it contains NUL bytes), not text", line=line)
    return READERS[chosen](name, data)


def _read_bytes(name: str) -> bytes:
    """The file's bytes, or an InputError a person can act on."""
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a manuscript file") from None
    except PermissionError:
        raise InputError(name, "permission denied; cannot read the file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read the file: {exc.strerror or exc}") from None
