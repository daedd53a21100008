"""The tests' one writer of minimal PDF files: numbered objects, their cross-reference table
and the trailer. Each test builds its own objects (pages, fonts, images); this lays them out."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["pdf_file", "stream"]


def stream(content: bytes, *, entries: bytes = b"", newline: bool = True) -> bytes:
    """A stream object: its dictionary (``/Length`` and ``entries``), then ``content``."""
    head = b"<< " + (entries + b" " if entries else b"") + b"/Length %d >>\nstream\n"
    return head % len(content) + content + (b"\n" if newline else b"") + b"endstream"


def pdf_file(objects: Sequence[bytes], *, info: int | None = None) -> bytes:
    """A PDF 1.4 file of ``objects`` (object n is ``objects[n - 1]``, object 1 the catalog),
    with ``info`` the number of its document information dictionary, if any."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    described = b" /Info %d 0 R" % info if info is not None else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, described)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
