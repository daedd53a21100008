"""The HTML report in a real headless Chromium: the DOM after its script ran, and a screenshot.

Skipped when no Chromium is installed, except when CITECHECK_REQUIRE_TOOLS=1
(CI sets it): then a missing browser fails the test instead of hiding it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from citecheck.model import CheckRun
from citecheck.report import write_report

pytestmark = pytest.mark.browser

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CITECHECK_REQUIRE_TOOLS") == "1":
        pytest.fail("CITECHECK_REQUIRE_TOOLS=1 but no chromium is installed")
    pytest.skip("no chromium installed")


def _run_browser(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [_chromium(), *_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        # The report must not need the network: give the browser no proxy to find.
        env={**os.environ, "no_proxy": "*"},
    )


@pytest.fixture
def page(full_run: CheckRun, tmp_path: Path) -> Path:
    target = tmp_path / "report.html"
    with target.open("w", encoding="utf-8") as out:
        write_report(full_run, "html", out)
    return target


def test_dom_after_scripts_ran(page: Path, tmp_path: Path) -> None:
    done = _run_browser(["--dump-dom", page.as_uri()], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    tree = lxml_html.fromstring(done.stdout)
    body = tree.xpath("//body")[0]
    # The filter script ran: it unhid the controls and counted the notes shown.
    assert body.get("data-filters") == "ready"
    assert tree.get_element_by_id("filters").get("hidden") is None
    assert body.get("data-shown") == "9"
    assert tree.get_element_by_id("shown").text == "9 of 9 notes shown"
    # Notes and findings made it into the live DOM, escaped text as text.
    assert tree.get_element_by_id("note-1-3").xpath("string(.//li[@data-status='dead'])")
    rules = set(tree.xpath("//code[@class='rule']/text()"))
    assert {"link-dead", "quote-mismatch", "citation-unparsed", "marker-without-note"} <= rules
    assert len(tree.xpath("//script")) == 1
    assert '<script>alert("x")</script>' in tree.get_element_by_id("note-1-7").text_content()


def test_problems_only_preset_hides_clean_notes(page: Path, tmp_path: Path) -> None:
    done = _run_browser(["--dump-dom", page.as_uri() + "#problems"], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    tree = lxml_html.fromstring(done.stdout)
    hidden = [s.get("id") for s in tree.xpath("//section[@hidden]")]
    # Note 2 has only an alive link; note 8 has nothing to report.
    assert hidden == ["note-1-2", "note-1-8"]
    assert tree.xpath("//body")[0].get("data-shown") == "7"
    # Inside a shown note, rows of unchecked kinds are hidden too (note 5's notice).
    note5 = tree.get_element_by_id("note-1-5")
    assert note5.xpath(".//li[@data-tag='sev-note']")[0].get("hidden") is not None
    assert note5.xpath(".//li[@data-status='blocked']")[0].get("hidden") is None


def test_screenshot_is_a_real_picture(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    done = _run_browser(
        [f"--screenshot={shot}", "--window-size=1200,2000", "--hide-scrollbars", page.as_uri()],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 2000)
    # A blank white page compresses to a few kB; a rendered report does not.
    assert len(data) > 30_000
    keep = os.environ.get("CITECHECK_KEEP_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)


def test_offline_page_problems_only_shows_just_the_real_findings(
    offline_run: CheckRun, tmp_path: Path
) -> None:
    target = tmp_path / "offline.html"
    with target.open("w", encoding="utf-8") as out:
        write_report(offline_run, "html", out)
    done = _run_browser(["--dump-dom", target.as_uri() + "#problems"], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    tree = lxml_html.fromstring(done.stdout)
    shown = [s.get("id") for s in tree.xpath("//section[contains(@class,'note')][not(@hidden)]")]
    # Notes that only cite a URL the offline run could not check are not problems.
    assert shown == ["note-1-1", "note-1-3", "note-1-7", "note-1-general"]
    # In a shown note, the unchecked link and its notice sit behind the "offline" box.
    note3 = tree.get_element_by_id("note-1-3")
    assert note3.xpath(".//li[@data-status='offline']")[0].get("hidden") is not None
    assert all(
        row.get("hidden") is not None for row in note3.xpath(".//li[@data-tag='status-offline']")
    )
    assert note3.xpath(".//li[@data-tag='sev-warning']")[0].get("hidden") is None
