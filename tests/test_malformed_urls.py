"""URLs that urlsplit refuses ("https://[::1", "http://[zz]/", a port past 65535).

A seeded mutation run found the first one crashing the HTML reader and the
links stage (exit 4); they are the manuscript's mistakes, so they get a
verdict naming the problem, in every report and in a batch.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.cli import main
from citecheck.report import REPORTERS

_NOTES = (
    "A claim.[^1] Another.[^2] A third.[^3]\n\n"
    '[^1]: Ana Ruiz, "Report," https://[::1/x (accessed May 2, 2025).\n'
    '[^2]: Bo Li, "Page," http://[zz]/y.\n'
    '[^3]: Cy Wu, "Post," http://example.org:99999/z.\n'
)


@pytest.fixture
def manuscript(tmp_path: Path) -> Path:
    path = tmp_path / "bad-urls.md"
    path.write_text(_NOTES, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_report_names_the_bad_urls(manuscript: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    code = main(
        ["check", str(manuscript), "--no-cache", "--no-archive", "--format", fmt, "-o", str(out)]
    )
    assert code == 1  # three dead links, nothing internal
    assert "zz" in out.read_text(encoding="utf-8")  # markdown escapes the brackets


def test_the_verdict_says_what_is_wrong(manuscript: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    main(["check", str(manuscript), "--no-cache", "--format", "json", "-o", str(out)])
    links = {link["url"]: link for link in json.loads(out.read_text(encoding="utf-8"))["links"]}
    assert links["http://[zz]/y"]["status"] == "dead"
    assert "not a valid web address" in links["http://[zz]/y"]["reason"]
    assert "Port out of range" in links["http://example.org:99999/z"]["reason"]


def test_a_batch_takes_them_too(manuscript: Path, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    out = tmp_path / "summary.json"
    code = main(
        [
            "batch",
            str(manuscript),
            "--store",
            f"sqlite:///{store}",
            "--format",
            "json",
            "-o",
            str(out),
        ]
    )
    assert code in (0, 1)
    assert out.exists()
