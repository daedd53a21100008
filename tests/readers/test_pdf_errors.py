"""Bad PDFs: one clear line naming the file and the reason, exit 2, never a traceback.

Encrypted, damaged, truncated and scanned (image-only) files each get their
own message. Bit flips and truncations of the real fixtures must end in a
manuscript or that one line: never an internal error (exit 4).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pdf_objects import pdf_file, stream
from pypdf import PdfWriter

from citecheck.cli import main
from citecheck.errors import InputError
from citecheck.readers import read_manuscript

PDFS = Path(__file__).resolve().parents[1] / "corpus" / "pdf"
SMALL = [
    PDFS / "cases" / "html-pandoc1.pdf",
    PDFS / "cases" / "latex-optional-number.pdf",
    PDFS / "cases" / "markdown-links.pdf",
]


def _image_only_pdf() -> bytes:
    """A one-page PDF that draws a 2x2 grey image and has no text (a scan)."""
    image = b"\x00\x80\x80\x00"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
    ]
    content = b"q 500 0 0 700 56 46 cm /Im1 Do Q"
    objects.append(stream(content))
    image_entries = b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
    objects.append(stream(image, entries=image_entries + b" /BitsPerComponent 8"))
    return pdf_file(objects)


def _encrypted(tmp_path: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=SMALL[0])
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_password_protected_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    path = _encrypted(tmp_path, "secret")
    with pytest.raises(InputError, match=r"locked\.pdf: the PDF is encrypted"):
        read_manuscript(path)


def test_pdf_encrypted_without_a_user_password_reads(tmp_path: Path) -> None:
    # Permissions-only encryption opens without a password, as in any viewer.
    path = _encrypted(tmp_path, "")
    assert [n.label for n in read_manuscript(path).notes] == ["1", "2"]


def test_scanned_pdf_says_it_has_no_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_image_only_pdf())
    with pytest.raises(InputError, match=r"scan\.pdf: the PDF has no text layer.*OCR"):
        read_manuscript(path)


def test_damaged_pdf_names_the_file_and_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(random.Random(7).randrange(256) for _ in range(4000)))
    with pytest.raises(InputError, match=r"junk\.pdf: the PDF is damaged or truncated"):
        read_manuscript(path)


def test_cli_prints_one_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(SMALL[1].read_bytes()[:2000])
    assert main(["notes", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{path}: the PDF is damaged or truncated" in err


def _variants() -> list[tuple[str, Path, str, int]]:
    cases = []
    for fixture in SMALL:
        for fraction in (5, 25, 50, 75, 95, 99):
            cases.append((f"{fixture.stem}-cut{fraction}", fixture, "cut", fraction))
        for seed in range(8):
            cases.append((f"{fixture.stem}-flip{seed}", fixture, "flip", seed))
    return cases


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("name", "fixture", "how", "amount"), _variants(), ids=[v[0] for v in _variants()]
)
def test_broken_copies_give_a_result_or_one_line(
    name: str,
    fixture: Path,
    how: str,
    amount: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = bytearray(fixture.read_bytes())
    if how == "cut":
        data = data[: len(data) * amount // 100]
    else:
        chance = random.Random(amount)
        for _ in range(1 + amount * 4):
            position = chance.randrange(len(data))
            data[position] ^= 1 << chance.randrange(8)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(bytes(data))
    code = main(["notes", str(path)])
    captured = capsys.readouterr()
    assert code in (0, 2), captured.err
    if code == 2:
        assert captured.err.count("\n") == 1
        assert str(path) in captured.err
        assert "internal error" not in captured.err
