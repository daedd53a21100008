"""LaTeX notes as LaTeX makes them: verbatim URLs, unclosed notes, biblatex footnote citations."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.errors import ManuscriptSyntaxError
from citecheck.footnotes import find_footnotes
from citecheck.model import Manuscript
from citecheck.readers import latex
from citecheck.readers._latex_bib import render


def _read(text: str, path: str = "p.tex") -> Manuscript:
    return latex.read(path, text.encode())


def test_a_percent_in_a_body_url_is_a_character_not_a_comment() -> None:
    # LaTeX reads \url's argument verbatim in running text: % and # are literal.
    text = (
        "\\begin{document}\n"
        "See \\url{http://127.0.0.1:8765/a%20b#x} for the data.\\footnote{Roe, Q (2002).}\n\n"
        "Later \\href{http://127.0.0.1:8765/c%41}{the page}.\\footnote{Poe, R (2003).}\n"
        "\\end{document}\n"
    )
    manuscript = _read(text)
    assert [n.text for n in manuscript.notes] == ["Roe, Q (2002).", "Poe, R (2003)."]
    assert "http://127.0.0.1:8765/a%20b#x for the data." in manuscript.body
    assert "the page (http://127.0.0.1:8765/c%41)" in manuscript.body


def test_an_escaped_percent_in_a_note_url_is_kept() -> None:
    text = "Claim.\\footnote{Doe, \\url{http://127.0.0.1:8765/a\\%20b}.} Next.\\footnote{Roe.}\n"
    notes = _read(text).notes
    assert [n.text for n in notes] == ["Doe, http://127.0.0.1:8765/a%20b.", "Roe."]


def test_a_note_that_is_never_closed_is_refused_not_swallowing_the_document() -> None:
    # In a note's argument a bare % starts a comment, so the note's brace is
    # never closed: LaTeX stops, and the rest of the file must not become note 1.
    text = (
        "\\begin{document}\n"
        "A claim.\\footnote{Doe, \\url{http://127.0.0.1:8765/a%20b}.} Next.\\footnote{Roe.}\n\n"
        "A later paragraph.\\footnote{Poe.}\n"
        "\\end{document}\n"
    )
    with pytest.raises(ManuscriptSyntaxError) as raised:
        _read(text, "pct.tex")
    assert str(raised.value) == (
        "pct.tex:2: the \\footnote here is never closed: its text runs to the end of the"
        " document (check its braces; in a note, a % in \\url must be written \\%)"
    )
    with pytest.raises(ManuscriptSyntaxError) as raised:
        _read("Claim.\\footnote{An \\emph{open note\n\nand more \\url{a\\%b}.}\n")
    assert str(raised.value).endswith("runs to the end of the document (check its braces)")


_BIB = """@book{andreas2009,
  author = {Andreas, Peter},
  title = {Border Games: Policing the {U.S.}-Mexico Divide},
  publisher = {Cornell University Press},
  address = {Ithaca},
  year = {2009}
}
@article{nevins2002,
  author = {Joseph Nevins and Ortiz, Ana and others},
  title = {Operation Gatekeeper},
  journaltitle = {Geographical Review},
  volume = {92},
  pages = {1--20},
  date = {2002-04},
  url = {http://127.0.0.1:8765/a\\_b}
}
"""
_FOOTCITE = (
    "\\documentclass{{article}}\n"
    "\\usepackage[style={style}]{{biblatex}}\n"
    "\\addbibresource{{refs.bib}}\n"
    "\\begin{{document}}\n"
    "First claim.\\footcite[45]{{andreas2009}} Second.\\footnote{{See \\cite{{nevins2002}}.}}\n"
    "Third.\\autocite[see][12--14]{{nevins2002}}\n"
    "Fourth.\\footcites[3]{{andreas2009}}[7]{{nevins2002}}\n"
    "Fifth.\\footnotemark\\footcitetext{{andreas2009}}\n"
    "\\end{{document}}\n"
)


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_footnote_citations_are_numbered_notes_with_the_bib_entries(tmp_path: Path) -> None:
    _write(tmp_path, "refs.bib", _BIB)
    path = _write(tmp_path, "essay.tex", _FOOTCITE.format(style="verbose"))
    manuscript = latex.read(path, Path(path).read_bytes())
    andreas = (
        "Peter Andreas, Border Games: Policing the U.S.-Mexico Divide"
        " (Ithaca: Cornell University Press, 2009)"
    )
    nevins = "Joseph Nevins et al., “Operation Gatekeeper,” Geographical Review 92 (2002): 1–20"
    url = "http://127.0.0.1:8765/a_b"
    assert [(n.label, n.text) for n in manuscript.notes] == [
        ("1", f"{andreas}, 45."),
        ("2", "See [nevins2002]."),
        ("3", f"see {nevins}, 12–14, {url}."),
        ("4", f"{andreas}, 3; {nevins}, 7, {url}."),
        ("5", f"{andreas}."),  # \footcitetext: the text of the last \footnotemark
    ]
    assert [m.label for m in manuscript.markers] == ["1", "2", "3", "4", "5"]
    assert manuscript.body == "First claim. Second. Third. Fourth. Fifth."
    assert manuscript.notes[0].raw == "\\footcite[45]{andreas2009}"


def test_autocite_is_a_footnote_only_in_a_note_style(tmp_path: Path) -> None:
    _write(tmp_path, "refs.bib", _BIB)
    path = _write(tmp_path, "essay.tex", _FOOTCITE.format(style="authoryear"))
    manuscript = latex.read(path, Path(path).read_bytes())
    # An author-year \autocite cites in the text: an in-text citation, printed as the style does.
    assert [n.label for n in manuscript.notes] == ["1", "2", "@nevins2002", "3", "4"]
    assert "Third.(see Nevins et al. 2002, 12–14)" in manuscript.body


def test_without_the_bib_the_keys_stand_as_the_note(tmp_path: Path) -> None:
    path = _write(tmp_path, "essay.tex", _FOOTCITE.format(style="verbose-note"))
    manuscript = latex.read(path, Path(path).read_bytes())
    assert [n.text for n in manuscript.notes] == [
        "andreas2009, 45.",
        "See [nevins2002].",
        "see nevins2002, 12–14.",
        "andreas2009, 3; nevins2002, 7.",
        "andreas2009.",
    ]
    # Each footnote citation's key is a finding, as biber warns (no .bib to look in).
    findings = find_footnotes(manuscript).findings
    assert {f.rule for f in findings} == {"cite-key-not-in-bib"}
    assert [(f.note, f.evidence) for f in findings] == [
        ("1", "andreas2009"),
        ("3", "nevins2002"),
        ("4", "andreas2009"),
        ("4", "nevins2002"),
        ("5", "andreas2009"),
    ]
    assert "names no .bib file that exists beside it" in findings[0].message


def test_a_key_missing_from_the_bib_is_a_finding_at_the_notes_line(tmp_path: Path) -> None:
    _write(tmp_path, "refs.bib", _BIB)
    _write(
        tmp_path, "chapter.tex", "\n\nWalls.\\footcite{andreas2009} Fences.\\footcite{nosuchkey}\n"
    )
    main = _write(
        tmp_path,
        "main.tex",
        "\\addbibresource{refs.bib}\n\\begin{document}\n\\input{chapter}\n"
        "Ends.\\footnote{See \\footcite[4]{andreas2009,other}.}\n\\end{document}\n",
    )
    manuscript = latex.read(main, Path(main).read_bytes())
    assert [n.text for n in manuscript.notes][1] == "nosuchkey."
    findings = [f for f in find_footnotes(manuscript).findings if f.rule == "cite-key-not-in-bib"]
    assert [(str(f.location), f.note, f.evidence) for f in findings] == [
        (f"{tmp_path / 'chapter.tex'}:3", "2", "nosuchkey"),
        (f"{main}:4", None, "other"),  # inside a note: the text of note 3, no note of its own
    ]
    assert findings[0].message.startswith(
        f"Citation key 'nosuchkey' is not in {tmp_path / 'refs.bib'}; biber warns"
    )
    assert findings[0].severity.value == "warning"


def test_a_footcite_inside_a_note_is_the_note_text() -> None:
    text = "Claim.\\footnote{As argued \\footcite[9]{doe2001}.} Next.\\footcite{roe}"
    manuscript = _read(text + " Last.\\footcite[see][ibid.]{roe}\n")
    assert [(n.label, n.text) for n in manuscript.notes] == [
        ("1", "As argued (doe2001, 9)."),
        ("2", "roe."),
        ("3", "see roe, ibid."),
    ]


def test_input_and_include_are_followed_with_the_included_files_lines(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "parts/one.tex",
        "% part one\nAgents doubled.\\footnote{GAO, 2017.}\n\\input{parts/two.tex}\n",
    )
    _write(tmp_path, "parts/two.tex", "\n\nArrests fell.\\footnote{CBP, 2018.}\n")
    _write(tmp_path, "empty.tex", "\n")
    main = _write(
        tmp_path,
        "main.tex",
        "\\begin{document}\nFirst.\\footnote{A, 2001.}\n\\input{parts/one}\n"
        "\\include{parts/two}\nLast.\\footnote{B, 2002.}\n\\input empty\n\\end{document}\n",
    )
    manuscript = latex.read(main, Path(main).read_bytes())
    one, two = str(tmp_path / "parts" / "one.tex"), str(tmp_path / "parts" / "two.tex")
    assert [(n.label, n.location.path, n.location.line) for n in manuscript.notes] == [
        ("1", main, 2),
        ("2", one, 2),
        ("3", two, 3),
        ("4", two, 3),
        ("5", main, 5),
    ]
    assert [(m.location.path, m.location.line) for m in manuscript.markers][1:3] == [
        (one, 2),
        (two, 3),
    ]
    assert manuscript.body == "First. Agents doubled.\n\nArrests fell.\n\nArrests fell.\n\nLast."
    # The body text of an included file counts from its \input line in the main file.
    assert (manuscript.body.index("Agents"), 3) in manuscript.line_starts


def test_an_include_that_cannot_be_followed_is_named(tmp_path: Path) -> None:
    outside = tmp_path / "outside.tex"
    outside.write_text("Elsewhere.\\footnote{X.}\n", encoding="utf-8")
    cases = {
        "\\input{missing}": "\\input{missing}: no such file ",
        "\\input{../outside}": "is not followed: ",
        "\\input{main}": "which is already being read (a cycle)",
    }
    for command, problem in cases.items():
        main = _write(tmp_path, "book/main.tex", f"Claim.\\footnote{{A.}}\n{command}\n")
        with pytest.raises(ManuscriptSyntaxError) as raised:
            latex.read(main, Path(main).read_bytes())
        assert str(raised.value).startswith(f"{main}:2: "), command
        assert problem in str(raised.value), command


def test_bib_entries_render_as_plain_notes() -> None:
    chapter = {
        "author": "Ortiz, Ana and Ruiz, Jr., Luis and {World Bank}",
        "editor": "Lee, Kim",
        "title": "Arrests at the {L}ine",
        "booktitle": "The Border Reader",
        "publisher": "Duke University Press",
        "location": "Durham",
        "date": "2015-03",
        "pages": "33--50",
        "url": "http://127.0.0.1:8765/r\\%20a",
    }
    assert render(chapter) == (
        "Ana Ortiz, Luis Ruiz Jr., and World Bank, “Arrests at the Line,” in The Border Reader,"
        " ed. Kim Lee (Durham: Duke University Press, 2015), 33–50",
        "http://127.0.0.1:8765/r%20a",
    )
    edited = {"editor": "Lee, Kim", "title": "The Border Reader", "year": "2015"}
    assert render(edited) == ("Kim Lee, ed., The Border Reader (2015)", "")
    article = {
        "author": "Doe, Jane",
        "title": "T",
        "journal": "J",
        "number": "2",
        "doi": "10.1/x_y",
    }
    assert render(article) == ("Jane Doe, “T,” J, no. 2", "doi:10.1/x_y")


def test_a_footcite_in_an_included_chapter_uses_the_main_files_bib(tmp_path: Path) -> None:
    _write(tmp_path, "refs.bib", _BIB)
    _write(tmp_path, "chapter.tex", "Walls rose.\\footcite[9]{andreas2009}\n")
    main = _write(
        tmp_path,
        "main.tex",
        "\\bibliography{refs}\n\\begin{document}\n\\input{chapter}\n\\end{document}\n",
    )
    notes = latex.read(main, Path(main).read_bytes()).notes
    assert [n.text for n in notes] == [
        "Peter Andreas, Border Games: Policing the U.S.-Mexico Divide"
        " (Ithaca: Cornell University Press, 2009), 9."
    ]
    assert notes[0].location.path == str(tmp_path / "chapter.tex")


def test_a_broken_bib_gives_the_keys_quietly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # bibtexparser logs each broken block, which the command line would print.
    _write(tmp_path, "refs.bib", "@book{andreas2009, author = {Andreas\n@article{x, title = }\n")
    text = "\\addbibresource{refs.bib}\nClaim.\\footcite{andreas2009}\n"
    path = _write(tmp_path, "essay.tex", text)
    assert [n.text for n in latex.read(path, Path(path).read_bytes()).notes] == ["andreas2009."]
    assert not [r for r in caplog.records if r.name.startswith("bibtexparser")]
