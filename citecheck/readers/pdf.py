"""Reader for PDF manuscripts: footnotes found by page layout.

A PDF has no notes, only glyphs on pages; this reader finds them the way a
person does. ``_pdf_page`` turns each page into lines (raised glyphs,
columns, spaces, link annotations, rules), ``_pdf_zones`` tells body from
notes and page furniture, and ``_pdf_join`` joins lines into text (broken
words and URLs). This module opens the file, reads one page at a time and
lets it go, and builds the ``Manuscript``.

Locations are a page and the line on that page, counted in reading order
from the top (running heads included): ``essay.pdf:p3:12``.

Bad files are one line each: encrypted, damaged or truncated so that no
page can be read, or scanned (no text layer: OCR it first).
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from citecheck.errors import InputError, ManuscriptSyntaxError
from citecheck.model import Location, Manuscript, NoteMarker, NoteText
from citecheck.readers._pdf_join import Joiner, vocabulary
from citecheck.readers._pdf_page import Line, Run, page_lines
from citecheck.readers._pdf_zones import (
    _RAISED_LABEL,
    ROMAN_LABEL,
    body_size,
    classify,
    ends_sentence,
    furniture,
    is_power,
)
from citecheck.readers._text import styled, superscript

__all__ = ["read"]

_BACKLINK = re.compile(r"\s*[↩\ufe0e\ufe0f]+")
_OPEN_QUOTES = "\"“‘'«"
_CLOSE_QUOTES = "\"”’'»"


def read(path: str, data: bytes) -> Manuscript:
    """Read a PDF manuscript."""
    pages, images, producer = _read_pages(path, data)
    if not any(pages):
        if images:
            raise InputError(
                path,
                "the PDF has no text layer (it looks scanned); run OCR on it first "
                "(for example ocrmypdf) and check the OCR'd file",
            )
        raise InputError(path, "the PDF has no text to read")
    size = body_size(pages)
    dropped = furniture(pages)
    classified = classify(pages, size, dropped)
    words = vocabulary(line for lines in pages for line in lines)
    hyphenates = _hyphenates(producer, pages, words)

    def joiner() -> Joiner:
        return Joiner(words, hyphenates=hyphenates)

    roman = {n.label for n in classified.notes if ROMAN_LABEL.fullmatch(n.label)}
    body, markers, line_starts, page_starts, title = _body(
        path, classified.body, size, joiner, roman
    )
    notes = tuple(_note(path, note.label, note.lines, joiner) for note in classified.notes)
    if not notes:
        markers = []  # without notes, no raised number is a note marker
    return Manuscript(
        path=path,
        format="pdf",
        body=body,
        markers=tuple(markers),
        notes=notes,
        title=title,
        line_starts=tuple(line_starts),
        page_starts=tuple(page_starts),
    )


# --------------------------------------------------------------------------
# Opening and streaming pages
# --------------------------------------------------------------------------


def _open(path: str, data: bytes) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(
            path,
            "the PDF is encrypted and cannot be read without its password",
        ) from None
    except Exception as exc:
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise InputError(
                path, "the PDF is encrypted and cannot be read without its password"
            ) from None
        raise ManuscriptSyntaxError(
            path, f"the PDF is damaged or truncated ({_reason(exc)})"
        ) from None


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:120]
    name = type(exc).__name__
    if name == "PdfminerException" and text:
        return text  # pdfplumber's wrapper says nothing of its own
    return f"{name}: {text}" if text else name


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer and pdfplumber log every oddity of a damaged file; the reader reports once."""
    loggers = [logging.getLogger(name) for name in ("pdfminer", "pdfplumber")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


_HYPHENATING = re.compile(r"tex\b|indesign|quark|scribus|prince|typst|context|xsl", re.IGNORECASE)


def _hyphenates(producer: str, pages: list[list[Line]], words: Counter[str]) -> bool:
    """Does the typesetter break words with hyphens (TeX), or only at real ones?

    The document's own spelling decides when it can (words broken at a line
    end that it prints whole elsewhere); else the producer named in its
    metadata: word processors and browsers do not hyphenate by default.
    """
    broken = whole = compound = 0
    for lines in pages:
        for line, following in itertools.pairwise(lines):
            match = re.search(r"([A-Za-z]+)-$", line.text)
            after = re.match(r"([a-z]+)", following.text.lstrip())
            if match is None or after is None:
                continue
            broken += 1
            whole += words.get((match.group(1) + after.group(1)).lower(), 0) > 0
            compound += words.get(f"{match.group(1)}-{after.group(1)}".lower(), 0) > 0
    if whole != compound and broken >= 3:
        return whole > compound
    return bool(_HYPHENATING.search(producer))


def _read_pages(path: str, data: bytes) -> tuple[list[list[Line]], bool, str]:
    """Every page's lines, one page parsed at a time; whether any has images; the producer."""
    with _quiet_pdfminer():
        return _parse_pages(path, data)


def _parse_pages(path: str, data: bytes) -> tuple[list[list[Line]], bool, str]:
    pdf = _open(path, data)
    pages: list[list[Line]] = []
    images = False
    producer = ""
    with suppress(Exception):
        info = pdf.metadata
        producer = " ".join(str(info.get(key, "")) for key in ("Producer", "Creator"))
    failures = 0
    problem: BaseException | None = None
    try:
        try:
            page_list = pdf.pages
        except Exception as exc:
            raise ManuscriptSyntaxError(
                path, f"the PDF is damaged or truncated ({_reason(exc)})"
            ) from None
        for number, page in enumerate(page_list, start=1):
            try:
                lines, has_images = page_lines(page, number)
                pages.append(lines)
                images = images or has_images
            except (InputError, RecursionError, MemoryError):
                raise
            except Exception as exc:
                # One damaged page is left out; the others are still read.
                failures += 1
                problem = exc
                pages.append([])
            finally:
                with suppress(Exception):
                    page.close()
    finally:
        with suppress(Exception):
            pdf.close()
    if failures and not any(pages):
        assert problem is not None
        raise ManuscriptSyntaxError(path, f"the PDF is damaged or truncated ({_reason(problem)})")
    if not pages:
        raise ManuscriptSyntaxError(path, "the PDF is damaged or truncated (it has no pages)")
    return pages, images, producer


# --------------------------------------------------------------------------
# The body
# --------------------------------------------------------------------------


def _new_paragraph(
    previous: Line, line: Line, margins: dict[tuple[int, int], tuple[float, float]], leading: float
) -> bool:
    if (previous.page, previous.column) != (line.page, line.column):
        # A page break ends a paragraph unless the sentence runs on.
        return ends_sentence(previous.text) or abs(previous.size - line.size) > 0.5
    pitch = line.bottom - previous.bottom
    size = max(previous.size, line.size)
    usual = leading * size if abs(previous.size - line.size) < 0.5 else size * 1.25
    if pitch > max(usual * 1.3, usual + size * 0.3) or pitch < 0:
        return True
    if abs(previous.size - line.size) > size * 0.1:
        return True
    # A first-line indent after a line that stopped short (not a hanging indent).
    left, right = margins[(line.page, line.column)]
    indented = line.x0 > left + line.size * 0.8 and previous.x0 <= left + line.size * 0.8
    return indented and previous.x1 < right - line.size * 2 and ends_sentence(previous.text)


def _margins(lines: list[Line]) -> dict[tuple[int, int], tuple[float, float]]:
    """The left and right edges of the body text in each page's column."""
    margins: dict[tuple[int, int], tuple[float, float]] = {}
    for line in lines:
        key = (line.page, line.column)
        left, right = margins.get(key, (line.x0, line.x1))
        margins[key] = (min(left, line.x0), max(right, line.x1))
    return margins


def _leading(lines: list[Line]) -> float:
    """The usual distance between baselines, as a share of the font size."""
    pitches: Counter[float] = Counter()
    for previous, line in itertools.pairwise(lines):
        same = (previous.page, previous.column, round(previous.size)) == (
            line.page,
            line.column,
            round(line.size),
        )
        if same and line.bottom > previous.bottom:
            pitches[round((line.bottom - previous.bottom) / line.size, 2)] += 1
    return pitches.most_common(1)[0][0] if pitches else 1.2


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    margins = _margins(lines)
    leading = _leading(lines)
    paragraphs: list[list[Line]] = []
    for line in lines:
        if paragraphs and not _new_paragraph(paragraphs[-1][-1], line, margins, leading):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


def _letters(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _pull_quotes(paragraphs: list[list[Line]]) -> set[int]:
    """Paragraphs that repeat body text in quotes or italics (layout, not claims)."""
    texts = [" ".join(line.text for line in paragraph) for paragraph in paragraphs]
    pulled: set[int] = set()
    for index, (paragraph, text) in enumerate(zip(paragraphs, texts, strict=True)):
        stripped = text.strip()
        quoted = stripped[:1] in _OPEN_QUOTES and stripped.rstrip(".")[-1:] in _CLOSE_QUOTES
        italic = all(line.italic for line in paragraph)
        letters = _letters(stripped)
        if (
            not (quoted or italic)
            or len(letters) < 30
            or any(r.raised for ln in paragraph for r in ln.runs)
        ):
            continue
        rest = _letters(" ".join(t for i, t in enumerate(texts) if i != index))
        if letters in rest:
            pulled.add(index)
    return pulled


def _body(
    path: str,
    lines: list[Line],
    size: float,
    new_joiner: Callable[[], Joiner],
    roman: set[str],
) -> tuple[str, list[NoteMarker], list[tuple[int, int]], list[tuple[int, int]], str | None]:
    paragraphs = _paragraphs(lines)
    pulled = _pull_quotes(paragraphs)
    pieces: list[str] = []
    markers: list[NoteMarker] = []
    line_starts: list[tuple[int, int]] = []
    page_starts: list[tuple[int, int]] = []
    offset = 0
    title: str | None = None
    for index, paragraph in enumerate(paragraphs):
        if index in pulled:
            continue
        if pieces:
            offset += 2
        joiner = new_joiner()
        found: list[tuple[str, int, Line]] = []
        starts: list[tuple[int, Line]] = []
        for position, line in enumerate(paragraph):
            if position:
                joiner.line_break(paragraph[position - 1], line.runs, "\n")
            starts.append((joiner.size, line))
            for run in line.runs:
                labels = _marker_labels(run, joiner.text(), roman)
                if labels:
                    text = joiner.text()
                    stripped = text.rstrip(" ")
                    if len(stripped) < len(text):
                        joiner._truncate(len(stripped))
                    found.extend((label, joiner.size, line) for label in labels)
                    if run.text[-1:].isspace():
                        joiner.append(" ")
                else:
                    joiner.append(superscript(run.text) if run.raised else run.text, None)
        text = joiner.text()
        for start, line in starts:
            at = offset + min(start, len(text))
            line_starts.append((at, line.number))
            if not page_starts or page_starts[-1][1] != line.page:
                page_starts.append((at, line.page))
        for label, at, line in found:
            markers.append(
                NoteMarker(label, offset + at, Location(path, line.number, page=line.page))
            )
        if title is None and paragraph[0].page == 1 and paragraph[0].size >= size * 1.15:
            title = " ".join(text.split()) or None
        pieces.append(text)
        offset += len(text)
    return "\n\n".join(pieces), markers, line_starts, page_starts, title


def _marker_labels(run: Run, before: str, roman: set[str]) -> list[str]:
    """The note labels a raised run stands for ([] when it is an ordinal or power).

    ``roman`` holds the roman-numeral labels that notes have: a raised "i"
    is a marker only when a note is labelled i.
    """
    if not run.raised:
        return []
    labels = [label for label in re.split(r"[,\s]+", run.text.strip()) if label]
    if not labels or not all(_RAISED_LABEL.fullmatch(label) or label in roman for label in labels):
        return []
    if is_power(before):
        return []  # 10⁶, km², mc²: a power, not a note
    return [label.strip("[]") for label in labels]


# --------------------------------------------------------------------------
# Notes
# --------------------------------------------------------------------------


def _note(
    path: str, label: str, lines: list[tuple[Line, list[Run]]], new_joiner: Callable[[], Joiner]
) -> NoteText:
    joiner = new_joiner()
    previous: Line | None = None
    for line, runs in lines:
        if previous is not None:
            joiner.line_break(previous, runs, " ")
        for run in runs:
            text = superscript(run.text) if run.raised else run.text
            joiner.append(text, run.uri, italic=run.italic)
        previous = line
    marked = _BACKLINK.sub("", joiner.with_addresses(italics=True))
    text, marked = styled(" ".join(marked.split()))
    first = lines[0][0]
    raw = "\n".join("".join(run.text for run in runs) for _, runs in lines)
    return NoteText(label, text, Location(path, first.number, page=first.page), raw, marked)
