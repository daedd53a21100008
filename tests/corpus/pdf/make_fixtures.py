"""Rebuild the PDF fixtures with real typesetters, from the project's own manuscripts.

Three producers, each laying notes out its own way:

* **LaTeX** (pandoc -> pdflatex): footnotes at the foot of the page under
  LaTeX's short rule, long notes running on to the next page, a running
  head and page numbers (``fancyhdr``); also a two-column version;
* **LibreOffice** (``soffice --headless --convert-to pdf`` of the DOCX
  fixture): Word-style footnotes in the body size under a short rule;
* **Chromium** (``--print-to-pdf`` of Pandoc's HTML): endnotes after a
  rule, with the browser's date/title header and URL/page-number footer;
  and of ``src/notes-and-references.html``: a "Notes" section, then a
  numbered "References" list that is not notes.

LibreOffice also prints the Word endnotes fixture (footnotes 1, 2 at the
foot of the page, endnotes i, ii on a page of their own).

The corpus cases (tests/corpus/markdown, latex and html) are rendered too,
into ``cases/``. The PDFs are committed, so CI needs none of these tools;
tests/readers/test_pdf_fixtures.py rebuilds some when the tools exist.
Run from the repository root::

    python tests/corpus/pdf/make_fixtures.py            # everything
    python tests/corpus/pdf/make_fixtures.py sample     # the sample only
    python tests/corpus/pdf/make_fixtures.py layouts    # src/*.tex and src/*.fodt

Tools: pandoc, pdflatex (texlive-latex-base, -latex-recommended,
-fonts-recommended, lmodern), soffice (libreoffice-writer-nogui), chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
SAMPLE_MD = CORPUS / "sample" / "us-mexico-border-essays.md"
SAMPLE_DOCX = CORPUS / "docx" / "pandoc-sample.docx"
SAMPLE_HTML = CORPUS / "html" / "pandoc-sample.html"
CASES = HERE / "cases"

# A small page makes LaTeX split long footnotes over pages; fancyhdr gives a
# running head with the page number, which the reader must drop.
_LATEX_HEAD = r"""
\usepackage{fancyhdr}
\pagestyle{fancy}
\fancyhead[L]{\small The Anatomy of a Relationship}
\fancyhead[R]{\small\thepage}
\fancyfoot[C]{\small Draft for review}
"""
_LATEX_OPTIONS = ["-V", "geometry:a5paper,margin=18mm", "-V", "fontsize=10pt"]
_ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "FORCE_SOURCE_DATE": "1"}


def _run(args: list[str], cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, env=_ENV, timeout=300)


def latex_pdf(markdown: Path, out: Path, extra: list[str] | None = None) -> None:
    """pandoc Markdown -> LaTeX -> PDF (pdflatex, twice for stable layout)."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "head.tex").write_text(_LATEX_HEAD, encoding="utf-8")
        args = ["pandoc", "-f", "markdown-smart", "-s", "-H", "head.tex", *_LATEX_OPTIONS]
        _run([*args, *(extra or []), str(markdown), "-o", "doc.tex"], folder)
        tex_pdf(folder / "doc.tex", out)


def tex_pdf(source: Path, out: Path) -> None:
    """A LaTeX file -> PDF with pdflatex (a chapter fragment gets a preamble)."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        text = source.read_text(encoding="utf-8")
        if "\\documentclass" not in text:
            text = "\\documentclass{report}\n\\usepackage{url}\n\\begin{document}\n" + text
            if "\\end{document}" not in text:
                text += "\n\\end{document}\n"
        if "\\url" in text and "{url}" not in text and "hyperref" not in text:
            text = text.replace("\\begin{document}", "\\usepackage{url}\n\\begin{document}", 1)
        (folder / "doc.tex").write_text(text, encoding="utf-8")
        for _ in range(2):
            _run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], folder)
        shutil.copyfile(folder / "doc.pdf", out)


def libreoffice_pdf(docx: Path, out: Path) -> None:
    """A Word (or flat ODF) document -> PDF with LibreOffice, footnotes at the foot of each page."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        name = f"doc{docx.suffix}"
        shutil.copyfile(docx, folder / name)
        profile = (folder / "profile").as_uri()
        _run(
            [
                "soffice",
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                name,
            ],
            folder,
        )
        shutil.copyfile(folder / "doc.pdf", out)


def chromium_pdf(html: Path, out: Path, *, header: bool = True) -> None:
    """An HTML page -> PDF with headless Chromium (endnotes where the page has them)."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        page = folder / html.name
        shutil.copyfile(html, page)
        args = [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-extensions",
            "--no-first-run",
            f"--print-to-pdf={folder / 'doc.pdf'}",
        ]
        if not header:
            args.append("--no-pdf-header-footer")
        _run([*args, page.as_uri()], folder)
        shutil.copyfile(folder / "doc.pdf", out)


def sample() -> None:
    latex_pdf(SAMPLE_MD, HERE / "sample-latex.pdf")
    latex_pdf(
        SAMPLE_MD,
        HERE / "sample-latex-twocolumn.pdf",
        ["-V", "classoption=twocolumn", "-V", "geometry:a4paper,margin=15mm"],
    )
    libreoffice_pdf(SAMPLE_DOCX, HERE / "sample-libreoffice.pdf")
    chromium_pdf(SAMPLE_HTML, HERE / "sample-chromium.pdf")
    # Word footnotes (1, 2) and endnotes (i, ii) on a page of their own.
    libreoffice_pdf(CORPUS / "docx" / "word-endnotes.docx", HERE / "endnotes-libreoffice.pdf")
    # A "Notes" section followed by a numbered "References" list (not notes).
    chromium_pdf(
        HERE / "src" / "notes-and-references.html",
        HERE / "notes-and-references-chromium.pdf",
        header=False,
    )


def layouts() -> None:
    """Small documents made for one layout question each (src/*.tex, src/*.fodt)."""
    for source in sorted((HERE / "src").glob("*.tex")):
        tex_pdf(source, HERE / f"{source.stem}.pdf")
    for source in sorted((HERE / "src").glob("*.fodt")):
        libreoffice_pdf(source, HERE / f"{source.stem}.pdf")


def cases() -> None:
    CASES.mkdir(exist_ok=True)
    for source in sorted((CORPUS / "markdown").glob("*.md")):
        latex_pdf(source, CASES / f"markdown-{source.stem}.pdf")
    for source in sorted((CORPUS / "latex").glob("*.tex")):
        tex_pdf(source, CASES / f"latex-{source.stem}.pdf")
    for source in sorted((CORPUS / "html").glob("*.*html")):
        chromium_pdf(source, CASES / f"html-{source.stem}.pdf", header=False)


def main(argv: list[str]) -> int:
    wanted = set(argv) or {"sample", "layouts", "cases"}
    if "sample" in wanted:
        sample()
    if "layouts" in wanted:
        layouts()
    if "cases" in wanted:
        cases()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
