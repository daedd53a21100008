"""Citations in a LaTeX body (natbib's ``\\citep``/``\\citet``/..., biblatex's ``\\parencite``/...).

Before, only ``\\footnote`` and ``\\footcite`` works were read: a natbib
author-year paper's works were never looked up, checked or exported, and
nothing said so (qa6 #4). Each key cited in the body is now an in-text
citation, a note labelled ``@key`` at its first citation holding the .bib
entry, with a marker wherever the key is cited.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.cli import main
from citecheck.footnotes import find_footnotes
from citecheck.readers import read_manuscript

BIB = """
@article{lund2001,
  author = {Lund, Alma and Berg, Ola},
  title = {Fjord Salinity Over Two Centuries},
  journal = {Journal of Coastal Research},
  volume = {17}, pages = {101--120}, year = {2001},
  doi = {10.5555/lund.2001}
}
@book{okafor2015,
  author = {Chidi Okafor},
  title = {Harbours of the North},
  publisher = {Quay Press}, address = {Leeds}, year = {2015},
  url = {http://127.0.0.1:9/harbours}
}
@report{port2019,
  author = {{Port Authority of Tromsø}},
  title = {Annual Tonnage Report},
  institution = {Port Authority}, year = {2019}
}
@article{uncited1999,
  author = {Never, Cited}, title = {Not in the Text}, journal = {J}, year = {1999}
}
"""

NATBIB = r"""\documentclass{article}
\usepackage{natbib}
\begin{document}
Salinity has risen for two centuries \citep[p.~105]{lund2001}.
\citet{okafor2015} disagrees, as do others \citep[see][]{okafor2015,port2019}.
\citeauthor{lund2001} replied in kind \citealt{port2019}.\footnote{See \cite{lund2001}.}
Tonnage fell \citep{nosuch2020}.
\bibliography{refs}
\end{document}
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_each_key_cited_in_the_body_is_an_in_text_citation(tmp_path: Path) -> None:
    _write(tmp_path, "refs.bib", BIB)
    found = find_footnotes(read_manuscript(_write(tmp_path, "paper.tex", NATBIB)))
    notes = {f.label: f for f in found.footnotes}
    assert list(notes) == ["@lund2001", "@okafor2015", "@port2019", "1"]
    lund = notes["@lund2001"]
    assert lund.text.startswith("Alma Lund and Ola Berg, “Fjord Salinity Over Two Centuries,”")
    assert lund.text.endswith("doi:10.5555/lund.2001.")
    assert (lund.location.line, lund.marker and lund.marker.line) == (4, 4)
    assert lund.claim == "Salinity has risen for two centuries (Lund and Berg 2001, p. 105)."
    assert notes["@okafor2015"].claim == (
        "Okafor (2015) disagrees, as do others (see Okafor 2015; Port Authority of Tromsø 2019)."
    )
    assert notes["@port2019"].location.line == 5
    assert notes["1"].text == "See [lund2001]."  # inside a note a key stays as written
    # A work cited again is no "marker-repeated"; the missing key is biber's warning.
    assert [(f.rule, f.location.line, f.evidence) for f in found.findings] == [
        ("cite-key-not-in-bib", 7, "nosuch2020")
    ]
    assert "Lund and Berg replied in kind Port Authority of Tromsø 2019." in found.manuscript.body
    assert "uncited1999" not in {f.label.lstrip("@") for f in found.footnotes}


def test_biblatex_textual_multi_and_year_citations(tmp_path: Path) -> None:
    _write(tmp_path, "sources/refs.bib", BIB)
    text = (
        "\\documentclass{article}\n\\usepackage[style=authoryear]{biblatex}\n"
        "\\addbibresource{sources/refs.bib}\n\\begin{document}\n"
        "\\Textcite{lund2001} measured it. The port agreed \\parencites[4]{port2019}{okafor2015}.\n"
        "It was \\citeyear{okafor2015}.\n\\end{document}\n"
    )
    manuscript = read_manuscript(_write(tmp_path, "essay.tex", text))
    assert [n.label for n in manuscript.notes] == ["@lund2001", "@port2019", "@okafor2015"]
    assert manuscript.body == (
        "Lund and Berg (2001) measured it. The port agreed (Port Authority of Tromsø 2019, 4);"
        " (Okafor 2015). It was 2015."
    )


def test_without_a_bib_the_keys_are_warnings_unless_a_bibliography_lists_them(
    tmp_path: Path,
) -> None:
    body = "\\begin{document}\nIt rose \\citep{lund2001}.\n%s\\end{document}\n"
    found = find_footnotes(read_manuscript(_write(tmp_path, "a.tex", body % "")))
    assert [f.rule for f in found.findings] == ["no-notes-found", "cite-key-not-in-bib"]
    assert "names no .bib file" in found.findings[1].message
    assert "[lund2001]" in found.manuscript.body
    items = (
        "\\begin{thebibliography}{9}\n\\bibitem{lund2001} A. Lund, Fjords.\n"
        "\\end{thebibliography}\n"
    )
    found = find_footnotes(read_manuscript(_write(tmp_path, "b.tex", body % items)))
    assert [f.rule for f in found.findings] == ["no-notes-found"]  # nothing to check: said


def test_a_chapter_read_by_input_places_its_citations_in_its_own_file(tmp_path: Path) -> None:
    _write(tmp_path, "refs.bib", BIB)
    _write(tmp_path, "ch1.tex", "First line.\n\nAs \\citet{okafor2015} shows.\n")
    main_file = "\\begin{document}\n\\input{ch1}\n\\bibliography{refs}\n\\end{document}\n"
    found = find_footnotes(read_manuscript(_write(tmp_path, "book.tex", main_file)))
    (note,) = found.footnotes
    assert (Path(note.location.path).name, note.location.line) == ("ch1.tex", 3)


@pytest.fixture
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CI", "true")


@pytest.mark.usefixtures("_isolated")
def test_in_text_citations_are_exported_linked_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "refs.bib", BIB)
    paper = str(_write(tmp_path, "paper.tex", NATBIB))
    assert main(["notes", paper]) == 0
    assert capsys.readouterr().out.endswith("1 notes, 3 in-text citations\n")
    assert main(["cite", paper, "--format", "bibtex"]) == 0
    bib = capsys.readouterr().out
    assert "doi          = {10.5555/lund.2001}" in bib
    assert "url          = {http://127.0.0.1:9/harbours}" in bib
    assert "Not in the Text" not in bib  # only what the text cites
    args = ["check", paper, "--offline", "--no-progress", "--no-archive", "--format", "json"]
    main([*args, "--report", "html=r.html"])
    report = json.loads(capsys.readouterr().out)
    assert "http://127.0.0.1:9/harbours" in {link["url"] for link in report["links"]}
    assert report["summary"]["notes"] == 1  # the footnote; the in-text citations are citations
    assert "In-text citation @okafor2015" in (tmp_path / "r.html").read_text(encoding="utf-8")
