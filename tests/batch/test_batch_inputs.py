"""What a batch's paths hold: skipped files named, LaTeX parts read once, empty paths refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.batch.inputs import find_manuscripts, survey
from citecheck.cli import main
from citecheck.errors import InputError


def _files(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("A claim.[^1]\n\n[^1]: Jane Doe, *Lines* (2001).\n", "utf-8")


def _batch(tmp_path: Path, *paths: str) -> list[str]:
    store = f"sqlite:///{tmp_path / 's.sqlite3'}"
    return ["batch", *paths, "--store", store, "--no-progress", "--no-links", "--no-sources"]


def test_a_folder_with_nothing_citecheck_reads_is_exit_2_naming_what_was_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "epub"
    _files(folder, "book.epub", "cover.png")
    assert main(_batch(tmp_path, str(folder))) == 2
    err = capsys.readouterr().err
    assert f"{folder}: no manuscripts under this folder (skipped 1 citecheck does not read:" in err
    assert f"{folder / 'book.epub'})" in err
    assert "cover.png" not in err  # an image is plainly no manuscript
    with pytest.raises(InputError, match=r"names no manuscript \(skipped 1 .*book\.epub"):
        list(find_manuscripts([str(folder / "*")]))


def test_a_mixed_folder_names_its_skipped_files_in_one_line_and_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "journal"
    _files(folder, "a.md", "vol2/b.md", "vol2/book.epub", "notes.rtf", "fig.JPG", "refs.bib")
    _files(folder, "style.csl", ".DS_Store", ".git/config", "main.aux")
    summary = folder / "summary.json"  # the batch's own output, inside the folder
    assert main([*_batch(tmp_path, str(folder)), "--format", "json", "-o", str(summary)]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if line]
    skipped = [str(folder / "notes.rtf"), str(folder / "vol2" / "book.epub")]
    assert err == [f"citecheck: skipped 2 files citecheck does not read: {', '.join(skipped)}"]
    data = json.loads(summary.read_text("utf-8"))
    assert data["manuscripts"] == 2
    assert data["skipped"] == skipped
    # Run again: the summary of the first run is an output, still not named.
    assert main([*_batch(tmp_path, str(folder)), "--format", "json", "-o", str(summary)]) == 0
    assert "summary.json" not in capsys.readouterr().err
    assert survey([str(folder)], outputs=[summary]).skipped == tuple(skipped)


def test_latex_files_another_manuscript_includes_are_not_manuscripts_of_their_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "book"
    (book / "chapters").mkdir(parents=True)
    (book / "refs.bib").write_text(
        "@book{doe2001, author = {Doe, Jane}, title = {Lines}, year = {2001}}\n", "utf-8"
    )
    (book / "main.tex").write_text(
        "\\addbibresource{refs.bib}\n\\begin{document}\nOne.\\footnote{A note.}\n"
        "% \\input{old}\n\\input{chapters/ch2}\n\\include{ch3}\n\\end{document}\n",
        "utf-8",
    )
    (book / "chapters" / "ch2.tex").write_text("Two.\\footcite{doe2001}\n", "utf-8")
    # ch3 names its section as LaTeX does, from the main file's folder.
    (book / "ch3.tex").write_text("Three.\\footnote{B.}\n\\input{chapters/sec}\n", "utf-8")
    (book / "chapters" / "sec.tex").write_text("Four.\\footnote{C.}\n", "utf-8")
    (book / "old.tex").write_text("Old.\\footnote{D.}\n", "utf-8")  # only in a comment
    (book / "a.tex").write_text("A.\\footnote{E.} \\input{b}\n", "utf-8")  # a cycle: both read
    (book / "b.tex").write_text("B.\\footnote{F.} \\input{a}\n", "utf-8")
    found = [p.relative_to(book).as_posix() for p in find_manuscripts([str(book)])]
    assert found == ["a.tex", "b.tex", "main.tex", "old.tex"]
    # Named on the command line, a chapter is still read on its own.
    chapter = str(book / "chapters" / "ch2.tex")
    assert [p.name for p in find_manuscripts([str(book), chapter])][-1] == "ch2.tex"
    # The batch counts the book's notes once, and the chapter's \footcite finds the .bib.
    out = tmp_path / "s.json"
    assert (
        main(
            [
                *_batch(tmp_path, str(book / "main.tex"), str(book / "chapters")),
                "--format",
                "json",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    data = json.loads(out.read_text("utf-8"))
    assert data["manuscripts"] == 1
    assert data["totals"]["notes"] == 4


def test_a_rerun_reads_none_of_the_runs_own_outputs_or_store_inside_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "journal"
    _files(folder, "a.md", "vol2/b.md")
    # Everything the run writes goes inside the folder it walks, in formats it reads.
    html, data, reports = folder / "rot.html", folder / "rot.json", folder / "reports"
    args = [
        "batch",
        str(folder),
        "--store",
        f"sqlite:///{folder / 'store.sqlite3'}",
        "--no-progress",
        "--no-links",
        "--no-sources",
        "--format",
        "html",
        "-o",
        str(html),
        "--report",
        f"json={data}",
        "--reports-dir",
        str(reports),
        "--manuscript-format",
        "markdown",
        "--manuscript-format",
        "html",
    ]
    for _ in range(2):  # the second run walks the first run's outputs
        assert main(args) == 0
        assert capsys.readouterr().err == ""  # the store (and its journal) is not "skipped"
        summary = json.loads(data.read_text("utf-8"))
        assert summary["manuscripts"] == 2
        assert sorted(Path(r["path"]).name for r in summary["manuscripts_worst_first"]) == [
            "a.md",
            "b.md",
        ]
    assert len(list(reports.rglob("*.md.md"))) == 2
    assert len(list(reports.rglob("*.md.html"))) == 2
