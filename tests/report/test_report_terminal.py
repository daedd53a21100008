"""The terminal summary and the links-stage progress helper."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.model import CheckRun, LinkResult, LinkStatus
from citecheck.pipeline import run_check
from citecheck.report import write_report
from citecheck.report.terminal import make_progress, progress_enabled


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_plain_when_not_a_terminal(full_run: CheckRun) -> None:
    out = io.StringIO()
    write_report(full_run, "text", out)
    text = out.getvalue()
    assert "\x1b[" not in text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "dead links 1" in lines
    assert "unverified links 2" in lines
    assert "errors 3" in lines
    assert "essays/border.md:44 note 3" in lines
    assert any(line.startswith("link dead https://dead.example/story") for line in lines)
    # The dead link's line offers the archived copy in the link-dead finding's words.
    flat = " ".join(text.split())
    assert (
        "link dead https://dead.example/story: HTTP 404 Not Found. Cite the archived copy "
        "instead: https://web.archive.org/web/20070315000000/https://dead.example/story"
    ) in flat
    # Markup-looking manuscript text is printed as is, not interpreted by rich.
    assert "[/]" not in text
    assert '<script>alert("x")</script>' in text


def test_colour_on_a_terminal(full_run: CheckRun) -> None:
    out = FakeTerminal()
    write_report(full_run, "text", out)
    assert "\x1b[" in out.getvalue()


def test_clean_run(empty_run: CheckRun) -> None:
    out = io.StringIO()
    write_report(empty_run, "text", out)
    assert out.getvalue().rstrip().endswith("no problems found")


def test_rich_markup_in_text_is_escaped(full_run: CheckRun) -> None:
    from dataclasses import replace

    link = replace(full_run.links[2], reason="[bold red]not markup[/] [link=x]y[/link]")
    out = io.StringIO()
    write_report(replace(full_run, links=(link,)), "text", out)
    assert "[bold red]not markup[/] [link=x]y[/link]" in out.getvalue()


@pytest.mark.parametrize(
    ("enabled", "tty", "ci", "expected"),
    [
        (True, True, None, True),
        (False, True, None, False),
        (True, False, None, False),
        (True, True, "true", False),
        (True, True, "1", False),
    ],
)
def test_progress_enabled(
    monkeypatch: pytest.MonkeyPatch, enabled: bool, tty: bool, ci: str | None, expected: bool
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    stream = FakeTerminal() if tty else io.StringIO()
    assert progress_enabled(enabled=enabled, stream=stream) is expected


def _result(status: LinkStatus) -> LinkResult:
    return LinkResult(f"https://x.example/{status.value}", status, "r")


def test_disabled_progress_draws_nothing_but_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    stream = FakeTerminal()
    with make_progress(2, enabled=True, stream=stream) as progress:
        progress.advance(_result(LinkStatus.DEAD))
        progress.advance(_result(LinkStatus.ALIVE))
    assert stream.getvalue() == ""
    assert progress.counts == {"dead": 1, "alive": 1}


def test_enabled_progress_draws_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    stream = FakeTerminal()
    with make_progress(3, enabled=True, stream=stream) as progress:
        progress.advance(_result(LinkStatus.DEAD))
        # The yielded object is also the pipeline's progress callback.
        progress(_result(LinkStatus.ALIVE))
        progress(_result(LinkStatus.TIMEOUT))
    assert progress.counts == {"dead": 1, "alive": 1, "timeout": 1}
    assert "3/3" in stream.getvalue()


def test_a_label_defined_twice_shows_each_finding_once(tmp_path: Path) -> None:
    # Both definitions of [^b] were headed by everything said about "b": the finding
    # about the second (unreferenced) definition also stood under the first.
    essay = tmp_path / "dupes.md"
    essay.write_text(
        "A claim.[^b] Another.\n\n[^b]: First definition, 2002.\n[^b]: Second definition, 2003.\n",
        encoding="utf-8",
    )
    run = run_check([essay], Settings(), links=False, sources=False)
    out = io.StringIO()
    write_report(run, "text", out)
    text = out.getvalue()
    assert text.count("duplicate-note-label") == 1
    # Not also "never referenced: add its marker": a marker [^b] would show the first one.
    assert text.count("note-without-marker") == 0
    assert "dupes.md:4 note b" in text  # the finding stands under the second definition
    assert "dupes.md:3 note b" not in text


def test_a_finding_in_the_citing_sentence_names_its_own_line(tmp_path: Path) -> None:
    # Grouped under its note (defined at line 3), the slip's own line 1 was never printed.
    essay = tmp_path / "agency.md"
    essay.write_text(
        "The agency's 58,000-employee work force runs on a budget of more than $11 million"
        " a year.[^1]\n\n[^1]: Agency, Annual Report 2019, 4.\n",
        encoding="utf-8",
    )
    run = run_check([essay], Settings(), links=False, sources=False)
    assert [f.location.line for f in run.findings if f.rule == "implausible-per-head"] == [1]
    out = io.StringIO()
    write_report(run, "text", out)
    text = out.getvalue()
    assert "agency.md:3 note 1" in text
    assert "line 1: warning implausible-per-head" in text
    out = io.StringIO()
    write_report(run, "markdown", out)
    assert "line 1: **warning** <code>implausible-per-head</code>" in out.getvalue()


def test_an_offline_run_without_links_says_nothing_about_links(tmp_path: Path) -> None:
    essay = tmp_path / "plain.md"
    essay.write_text("A claim.[^1]\n\n[^1]: Jane Doe, *Border Lines* 12 (2001).\n", "utf-8")
    run = run_check([essay], Settings(), sources=False)  # links asked for, none cited
    out = io.StringIO()
    write_report(replace(run, offline=True), "text", out)
    text = out.getvalue()
    assert "no problems found\n" in text
    assert "not checked" not in text
    assert "archive stage skipped" not in text


def test_off_a_terminal_lines_tell_a_long_stage_every_interval() -> None:
    from citecheck.model import ArchiveResult
    from citecheck.report.progress import LineTicker, LinkProgress

    now = [0.0]
    out = io.StringIO()
    ticker = LineTicker(out, every=30.0, clock=lambda: now[0], total=4)
    progress = LinkProgress(_lines=ticker)
    for step in range(4):
        now[0] = 20.0 * step  # at 0, 20, 40, 60 s: a line at 40 s and none at 20 or 60
        progress(LinkResult(f"https://h{step}.example/", LinkStatus.DEAD, "404"))
    now[0] = 100.0
    progress.start_archive(300)
    for step in range(300):
        now[0] = 100.0 + step  # one URL a second
        progress.archived(ArchiveResult(f"https://h{step}.example/", None, None))
    lines = out.getvalue().splitlines()
    assert lines[0] == "citecheck: links 3/4 URLs checked (3 dead), 40 s so far, about 13 s left"
    archive = [line for line in lines if line.startswith("citecheck: archive")]
    assert len(archive) == 10  # one every 30 s of the 299 s from first to last URL, one at the end
    assert (
        archive[0] == "citecheck: archive 31/300 URLs looked up, 30 s so far, about 4 min 20 s left"
    )
    assert archive[-1] == "citecheck: archive 300/300 URLs looked up, 4 min 59 s in all"
    assert progress.archive_done == 300


def test_off_a_terminal_a_stalled_stage_still_writes_every_interval() -> None:
    from citecheck.model import ArchiveResult
    from citecheck.report.progress import LineTicker, LinkProgress

    now = [0.0]
    out = io.StringIO()
    ticker = LineTicker(out, every=30.0, clock=lambda: now[0])
    progress = LinkProgress(_lines=ticker)
    progress.start_archive(9)
    for second in range(1, 62):  # a rate window: nothing finishes for a minute
        now[0] = float(second)
        ticker.tick()
    for step in range(9):
        now[0] = 62.0 + step / 10
        progress.archived(ArchiveResult(f"https://h{step}.example/", None, None))
    assert out.getvalue().splitlines() == [
        "citecheck: archive 0/9 URLs looked up, 30 s so far",
        "citecheck: archive 0/9 URLs looked up, 1 min 0 s so far",
        "citecheck: archive 9/9 URLs looked up, 1 min 3 s in all",
    ]


def test_make_progress_writes_lines_from_a_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from citecheck.report import progress as progress_module

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(progress_module, "LINE_EVERY", 0.1)
    out = io.StringIO()
    with make_progress(2, enabled=True, stream=out, lines=True) as progress:
        time.sleep(0.6)  # the first link takes its time: the stage is not silent
        assert "citecheck: links 0/2 URLs checked" in out.getvalue()
        progress(LinkResult("https://a.example/", LinkStatus.ALIVE, "200"))
        progress(LinkResult("https://b.example/", LinkStatus.ALIVE, "200"))
    assert out.getvalue().splitlines()[-1].startswith("citecheck: links 2/2 URLs checked")
    assert out.getvalue().splitlines()[-1].endswith(" in all")


def test_a_quick_run_off_a_terminal_prints_no_progress() -> None:
    out = io.StringIO()
    with make_progress(2, enabled=True, stream=out, lines=True) as progress:
        progress(LinkResult("https://a.example/", LinkStatus.ALIVE, "200"))
    assert out.getvalue() == ""
