"""One labelled manuscript written as Markdown, HTML, DOCX or LaTeX, its italics kept.

Each writer takes the notes as runs of (text, italic) and writes what that
format's usual producer writes: Pandoc Markdown footnotes (``*x*``, or
``_x_``), Pandoc's HTML (``<em>``, back-links), a Word document (runs with
``<w:i/>``), LaTeX (``\\footnote`` with ``\\emph``). Characters that would
be markup are escaped the way each format escapes them, and URLs are
written as each format writes a URL. The body gives every note a sentence
of its own with the note's marker after it.
"""

from __future__ import annotations

import html
import importlib.util
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

__all__ = ["Note", "body_sentences", "docx", "html_page", "latex", "markdown"]

Note = Sequence[tuple[str, bool]]  # (text, italic) runs

_URL = re.compile(r"<(?:https?://|www\.)[^\s<>]+>|(?:https?://|www\.)[^\s<>]+")
_TRAILING = ".,;:)]"

_SUBJECTS = (
    "The border", "Trade", "The commission", "Migration", "The treaty", "Enforcement",
    "The river", "Policy", "The court", "The agency", "Customs", "The report",
)  # fmt: skip
_VERBS = (
    "shaped", "changed", "slowed", "framed", "widened", "tested", "narrowed",
    "followed", "moved", "doubled", "halved", "reopened",
)  # fmt: skip
_OBJECTS = (
    "the crossings", "local markets", "the debate", "regional politics", "the ports",
    "daily traffic", "the negotiations", "federal budgets", "the courts", "public opinion",
)  # fmt: skip
_TAILS = (
    "in the years that followed", "after a long delay", "for most of the decade",
    "more than anyone expected", "on both sides of the line", "without much notice",
    "in ways that still matter", "as the record shows", "despite the objections",
)  # fmt: skip


def body_sentences(count: int, lengths: Sequence[int] = (), seed: int = 1848) -> list[str]:
    """One varied sentence per note (no two pages' first lines alike).

    A sentence runs to at least the length given for it, so the body holds
    as much text as the notes (the PDF reader tells them apart by size).
    """
    rng = random.Random(seed)
    out: list[str] = []
    for index in range(count):
        want = lengths[index] if index < len(lengths) else 0
        words = [f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"]
        words.append(rng.choice(_TAILS))
        while len(" ".join(words)) < want:
            words.append(f"and {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}")
        out.append(" ".join(words) + ".")
    return out


def _pieces(text: str) -> list[tuple[str, str | None]]:
    """``text`` as (plain, None) and (printed url, address) pieces."""
    out: list[tuple[str, str | None]] = []
    position = 0
    for m in _URL.finditer(text):
        if m.start() > position:
            out.append((text[position : m.start()], None))
        printed = m.group(0)
        core = printed.strip("<>").rstrip(_TRAILING)
        lead = "<" if printed.startswith("<") else ""
        trail = printed[len(lead) + len(core) :]
        if lead:
            out.append((lead, None))
        out.append((core, core))
        if trail:
            out.append((trail, None))
        position = m.end()
    if position < len(text):
        out.append((text[position:], None))
    return out


# --------------------------------------------------------------------------
# Markdown (Pandoc footnotes)
# --------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\*_\[\]`<>^~#|])")


def _md_escape(text: str) -> str:
    out: list[str] = []
    for piece, url in _pieces(text):
        out.append(piece if url is not None else _MD_SPECIAL.sub(r"\\\1", piece))
    joined = "".join(out)
    # An autolink's brackets were escaped with the text around it: put them back.
    return re.sub(r"\\<((?:https?://|www\.)[^\s<>]+)\\>", r"<\1>", joined)


def _md_note(note: Note, mark: str) -> str:
    out: list[str] = []
    for text, italic in note:
        escaped = _md_escape(text)
        if italic and escaped.strip():
            lead = escaped[: len(escaped) - len(escaped.lstrip())]
            tail = escaped[len(escaped.rstrip()) :]
            out.append(f"{lead}{mark}{escaped.strip()}{mark}{tail}")
        else:
            out.append(escaped)
    return "".join(out)


def markdown(notes: Sequence[Note], sentences: Sequence[str], *, mark: str = "*") -> bytes:
    """Pandoc Markdown: ``Sentence.[^n]`` and ``[^n]: note`` definitions."""
    lines = ["# Notes with their italics", ""]
    for start in range(0, len(notes), 4):
        chunk = range(start, min(start + 4, len(notes)))
        lines.append(" ".join(f"{sentences[i]}[^{i + 1}]" for i in chunk))
        lines.append("")
    for index, note in enumerate(notes):
        lines.append(f"[^{index + 1}]: {_md_note(note, mark)}")
        lines.append("")
    return "\n".join(lines).encode("utf-8")


# --------------------------------------------------------------------------
# HTML (Pandoc 3)
# --------------------------------------------------------------------------


def _html_text(text: str) -> str:
    out: list[str] = []
    for piece, url in _pieces(text):
        if url is None or "://" not in url:
            out.append(html.escape(piece, quote=False))  # Pandoc links only a scheme's URL
        else:
            out.append(f'<a href="{html.escape(url)}" class="uri">{html.escape(piece)}</a>')
    return "".join(out)


def html_page(notes: Sequence[Note], sentences: Sequence[str]) -> bytes:
    """A page as ``pandoc -s`` writes it: noterefs, and notes in an endnotes section."""
    body: list[str] = []
    for start in range(0, len(notes), 4):
        refs = [
            f'{html.escape(sentences[i])}<a href="#fn{i + 1}" class="footnote-ref" '
            f'id="fnref{i + 1}" role="doc-noteref"><sup>{i + 1}</sup></a>'
            for i in range(start, min(start + 4, len(notes)))
        ]
        body.append(f"<p>{' '.join(refs)}</p>")
    items: list[str] = []
    for index, note in enumerate(notes):
        text = "".join(
            f"<em>{_html_text(t)}</em>" if italic else _html_text(t) for t, italic in note
        )
        items.append(
            f'<li id="fn{index + 1}"><p>{text}<a href="#fnref{index + 1}" '
            'class="footnote-back" role="doc-backlink">↩︎</a></p></li>'
        )
    page = (
        '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en">\n<head>\n'
        '<meta charset="utf-8" />\n<title>Notes with their italics</title>\n</head>\n<body>\n'
        + "\n".join(body)
        + '\n<section id="footnotes" class="footnotes footnotes-end-of-document" '
        'role="doc-endnotes">\n<hr />\n<ol>\n' + "\n".join(items) + "\n</ol>\n</section>\n"
        "</body>\n</html>\n"
    )
    return page.encode("utf-8")


# --------------------------------------------------------------------------
# DOCX (the hand-written fixtures' builder)
# --------------------------------------------------------------------------


def _docx_builder() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "corpus" / "docx" / "src" / "make_docx.py"
    spec = importlib.util.spec_from_file_location("make_docx", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_docx", module)
    spec.loader.exec_module(module)
    return module


def _w_run(text: str, *, italic: bool = False) -> str:
    props = "<w:rPr><w:i/><w:iCs/></w:rPr>" if italic else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


def docx(notes: Sequence[Note], sentences: Sequence[str]) -> bytes:
    """A Word document: footnote references in the body, italic runs in the notes."""
    b = _docx_builder()
    paragraphs: list[str] = []
    for start in range(0, len(notes), 4):
        content: list[str] = []
        for i in range(start, min(start + 4, len(notes))):
            content.append(_w_run(("" if i == start else " ") + sentences[i]))
            content.append(b.fref(i + 1))
        paragraphs.append(b.para(*content))
    footnotes = "".join(
        b.note(
            "footnote",
            index + 1,
            b.para(_w_run(" "), *(_w_run(t, italic=italic) for t, italic in note)),
        )
        for index, note in enumerate(notes)
    )
    data: bytes = b.package("".join(paragraphs), footnotes=footnotes)
    return data


# --------------------------------------------------------------------------
# LaTeX
# --------------------------------------------------------------------------

_TEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
}


def _tex_text(text: str) -> str:
    out: list[str] = []
    for piece, url in _pieces(text):
        if url is not None:
            out.append(r"\url{" + re.sub(r"([%#])", r"\\\1", piece) + "}")
            continue
        escaped = "".join(_TEX_SPECIAL.get(c, c) for c in piece)
        # "--" would print a dash, "``" and "''" curly quotes: keep them apart.
        escaped = re.sub(r"-(?=-)", "-{}", escaped)
        escaped = re.sub(r"([`'])(?=\1)", r"\1{}", escaped)
        out.append(escaped)
    return "".join(out)


def latex(notes: Sequence[Note], sentences: Sequence[str]) -> bytes:
    """An article with one ``\\footnote`` per sentence, italics as ``\\emph``."""
    lines = [
        r"\documentclass{article}",
        r"\usepackage[T1]{fontenc}",
        r"\usepackage{url}",
        r"\title{Notes with their italics}",
        r"\begin{document}",
        "",
    ]
    for start in range(0, len(notes), 4):
        parts = []
        for i in range(start, min(start + 4, len(notes))):
            text = "".join(
                r"\emph{" + _tex_text(t) + "}" if italic else _tex_text(t) for t, italic in notes[i]
            )
            parts.append(f"{_tex_text(sentences[i])}\\footnote{{{text}}}")
        lines.append("\n".join(parts))
        lines.append("")
    lines.append(r"\end{document}")
    return "\n".join(lines).encode("utf-8")
