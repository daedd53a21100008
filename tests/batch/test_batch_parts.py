"""The batch's parts on their own: finding manuscripts, the summary's pictures, the CLI's store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from citecheck.batch import find_manuscripts
from citecheck.batch.engines import host_parts
from citecheck.batch.inputs import MANUSCRIPT_SUFFIXES
from citecheck.batch.links import balanced_by_host, by_host_shards, host_of, interleaved
from citecheck.batch.summary_html import rot_by_domain_svg, rot_by_year_svg
from citecheck.cli import main
from citecheck.errors import InputError
from citecheck.readers import detect_format
from citecheck.store import RotCount

PDF_CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "pdf"


def test_folders_globs_and_lists_name_each_manuscript_once(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "a" / ".hidden").mkdir()
    names = ("a/one.md", "a/deep/two.tex", "a/deep/three.PDF", "a/.hidden/no.md", "a/skip.png")
    for name in (*names, "b.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    listing = tmp_path / "list.lst"
    listing.write_text("# the back issues\nb.txt\n\na/one.md\n", encoding="utf-8")
    found = list(find_manuscripts([str(tmp_path / "a"), str(tmp_path / "*.txt"), f"@{listing}"]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a/one.md",
        "a/deep/three.PDF",
        "a/deep/two.tex",
        "b.txt",
    ]


def test_a_folder_walk_takes_every_format_check_reads() -> None:
    # PDFs were left out of folder walks though `check` reads them: the walk now takes
    # its suffixes from the readers, so no format a reader is chosen by is forgotten.
    assert {".pdf", ".docx", ".md", ".html", ".tex", ".txt"} <= MANUSCRIPT_SUFFIXES
    assert detect_format("essay.pdf", b"%PDF-1.4") == "pdf"


def test_a_folder_of_pdfs_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "issue"
    folder.mkdir()
    shutil.copy(PDF_CORPUS / "sample-latex.pdf", folder / "essay.pdf")
    (folder / "note.md").write_text("A claim.[^1]\n\n[^1]: Jane Doe, *Lines* (2001).\n", "utf-8")
    summary = tmp_path / "summary.json"
    args = ["batch", str(folder), "--store", f"sqlite:///{tmp_path / 's.sqlite3'}"]
    args += ["--no-progress", "--no-sources", "--offline", "--format", "json", "-o", str(summary)]
    main(args)
    data = json.loads(summary.read_text("utf-8"))
    rows = {Path(row["path"]).name: row for row in data["manuscripts_worst_first"]}
    assert set(rows) == {"essay.pdf", "note.md"}
    assert rows["essay.pdf"]["stage"] == "done"
    assert rows["essay.pdf"]["notes"] == 23  # the sample essay's notes, as `check` reads them


def test_a_path_naming_nothing_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        list(find_manuscripts([str(tmp_path / "missing")]))
    with pytest.raises(InputError, match="names no manuscript"):
        list(find_manuscripts([str(tmp_path / "*.md")]))
    with pytest.raises(InputError, match="cannot read the list"):
        list(find_manuscripts([f"@{tmp_path / 'nolist'}"]))


def test_rot_by_year_draws_one_full_bar_per_year() -> None:
    rows = [
        RotCount("2015", "dead", 3),
        RotCount("2015", "alive", 1),
        RotCount("2021", "alive", 4),
        RotCount("undated", "timeout", 2),
    ]
    svg = rot_by_year_svg(rows)
    assert svg.startswith("<svg")
    assert svg.endswith("</svg>")
    assert "2015: 3 rotten (75%)" in svg
    assert "2021: 4 alive (100%)" in svg
    # undated comes last, after the years
    assert svg.index(">2021<") < svg.index(">undated<")
    assert "n=4" in svg
    assert "n=2" in svg


def test_rot_by_domain_puts_the_most_dead_first_and_escapes_names() -> None:
    rows = [
        RotCount("fine.org", "alive", 9),
        RotCount("gone.org", "dead", 5),
        RotCount("gone.org", "alive", 1),
        RotCount("<b>.org", "soft-dead", 1),
    ]
    svg = rot_by_domain_svg(rows)
    assert svg.index("gone.org") < svg.index("&lt;b&gt;.org") < svg.index("fine.org")
    assert "<b>" not in svg
    assert ">5/6<" in svg


def test_urls_go_to_the_links_stage_host_by_host_in_turn() -> None:
    urls = [f"http://{h}.test/{n}" for h in "abc" for n in range(3)] + ["http://A.test/9"]
    assert interleaved(urls)[:3] == ["http://a.test/0", "http://b.test/0", "http://c.test/0"]
    assert sorted(interleaved(urls)) == sorted(urls)
    assert interleaved(urls)[-1] == "http://A.test/9"  # A.test is a.test: its fourth turn


def test_the_store_comes_from_the_option_the_environment_or_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manuscript = tmp_path / "essay.md"
    manuscript.write_text("A claim.[^1]\n\n[^1]: A note without a URL.\n", encoding="utf-8")
    (tmp_path / "citecheck.toml").write_text(
        f'store = "sqlite:///{tmp_path / "from-config.sqlite3"}"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    args = ["batch", str(manuscript), "--no-progress", "--no-sources", "--offline"]
    assert main(args) == 0
    assert (tmp_path / "from-config.sqlite3").exists()
    monkeypatch.setenv("CITECHECK_STORE", f"sqlite:///{tmp_path / 'from-env.sqlite3'}")
    assert main(args) == 0
    assert (tmp_path / "from-env.sqlite3").exists()
    assert main([*args, "--store", f"sqlite:///{tmp_path / 'from-option.sqlite3'}"]) == 0
    assert (tmp_path / "from-option.sqlite3").exists()


def test_a_store_that_cannot_be_reached_is_one_line_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manuscript = tmp_path / "essay.md"
    manuscript.write_text("A claim.[^1]\n\n[^1]: A note.\n", encoding="utf-8")
    store = "postgresql://editor:hunter2@127.0.0.1:1/citecheck"
    assert main(["batch", str(manuscript), "--store", store, "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the store" in err
    assert "hunter2" not in err
    assert "editor:***@" in err


def test_shards_of_urls_share_no_host() -> None:
    urls = [f"http://h{h}.test/{n}" for h in range(30) for n in range(10)]
    shards = by_host_shards(urls, size=50)
    assert len(shards) == 6
    assert sorted(u for shard in shards for u in shard) == sorted(urls)
    hosts = [{u.split("/")[2] for u in shard} for shard in shards]
    assert all(not (a & b) for i, a in enumerate(hosts) for b in hosts[i + 1 :])


def test_parts_carry_equal_work_and_keep_each_host_whole() -> None:
    # 7 hosts with 40, 30, 20, 10, 10, 5, 5 URLs: 120 in all, 60 per part at best.
    sizes = [40, 30, 20, 10, 10, 5, 5]
    urls = [f"http://h{h}.test/{n}" for h, size in enumerate(sizes) for n in range(size)]
    parts = balanced_by_host(urls, 2, host_of)
    assert sorted(len(part) for part in parts) == [60, 60]
    hosts = [{u.split("/")[2] for u in part} for part in parts]
    assert not hosts[0] & hosts[1]
    # The same split whatever order the store hands the URLs back in.
    again = balanced_by_host(list(reversed(urls)), 2, host_of)
    assert {frozenset(u.split("/")[2] for u in part) for part in again} == {
        frozenset(h) for h in hosts
    }
    # More parts than hosts: no empty part.
    assert len(balanced_by_host(urls[:3], 4, host_of)) == 1


def test_worker_parts_of_a_shard_are_balanced() -> None:
    pairs = [
        (f"http://h{h}.test/{n}", f"http://H{h}.test/{n}") for h in range(9) for n in range(h + 1)
    ]
    parts = host_parts(pairs, 3)
    # 45 URLs, hosts of 1..9: greedy, busiest first, leaves the parts within one URL of 15.
    assert all(abs(len(part) - 15) <= 1 for part in parts)
    assert sorted(p for part in parts for p in part) == sorted(pairs)
