"""The tests' one minimal-PDF writer (``pdf_objects``): what it writes reads, and no other
test module lays out a PDF file of its own."""

from __future__ import annotations

import io
from pathlib import Path

from pdf_objects import pdf_file, stream
from pypdf import PdfReader

TESTS = Path(__file__).parent


def test_its_files_read_with_their_text_and_information() -> None:
    content = b"BT /F1 18 Tf 40 700 Td (Hello there) Tj ET"
    data = pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Title (A report) >>",
        ],
        info=6,
    )
    reader = PdfReader(io.BytesIO(data), strict=True)  # strict: the offsets must be right
    assert reader.pages[0].extract_text() == "Hello there"
    assert reader.metadata is not None
    assert reader.metadata.title == "A report"


def test_no_other_test_module_writes_a_pdf_of_its_own() -> None:
    writers = [
        str(path.relative_to(TESTS))
        for path in sorted(TESTS.rglob("*.py"))
        if path.name not in {"pdf_objects.py", Path(__file__).name}
        and "startxref" in path.read_text("utf-8")
    ]
    assert writers == []  # build the objects, and let pdf_objects.pdf_file lay them out
