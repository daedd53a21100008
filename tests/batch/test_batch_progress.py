"""Progress off a terminal: ``citecheck batch`` in a pipe or a CI log writes plain lines,
throttled per phase, and nothing with --no-progress."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from citecheck.batch import progress as batch_progress_module
from citecheck.batch.progress import batch_progress
from citecheck.cli import main


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_off_a_terminal_each_phase_writes_a_line_at_most_every_so_often() -> None:
    out, clock = io.StringIO(), Clock()
    with batch_progress(enabled=True, stream=out, every=10.0, clock=clock, timer=False) as progress:
        progress.start("read", 100)
        for _ in range(40):  # 40 manuscripts in 4 s: too quick for a line
            clock.now += 0.1
            progress.advance("read")
        assert out.getvalue() == ""
        clock.now += 6.0
        progress.advance("read")  # 41 in 10 s: a line, with what is left
        clock.now += 1.0
        progress.advance("read")  # 1 s later: none
        progress.start("works", 4)
        progress.start("archive", 2)
        clock.now += 10.0
        progress.advance("works")  # side by side: each phase has its own lines
        progress.advance("archive")
        progress.advance("read", 58)  # the end of a phase that wrote lines is written
        progress.advance("read", 0)  # once
        progress.advance("archive")  # quick, yet it wrote one line before: its end too
    lines = out.getvalue().splitlines()
    assert lines == [
        "citecheck: batch read 41/100 manuscripts read, 10 s so far, about 14 s left",
        "citecheck: batch works 1/4 look-ups made, 10 s so far, about 30 s left",
        "citecheck: batch archive 1/2 archived copies looked up, 10 s so far, about 10 s left",
        "citecheck: batch read 100/100 manuscripts read, 21 s in all",
        "citecheck: batch archive 2/2 archived copies looked up, 10 s in all",
        "citecheck: batch works 1/4 look-ups made, 10 s in all",  # open at the end: closed
    ]


def test_a_stalled_phase_writes_a_line_every_interval_and_one_at_its_end() -> None:
    out, clock = io.StringIO(), Clock()
    with batch_progress(enabled=True, stream=out, every=30.0, clock=clock, timer=False) as progress:
        lines = progress._lines
        assert lines is not None
        progress.start("archive", 9)
        progress.start("works", 2)
        for _ in range(4):  # nothing finishes for a minute: the timer still speaks
            clock.now += 15.0
            lines.tick()
        clock.now += 1.0
        progress.advance("works", 2)  # the end of a phase that wrote lines
        progress.advance("archive", 7)
        lines.tick()  # written 1 s ago: nothing yet
        clock.now += 2.0
    assert out.getvalue().splitlines() == [
        "citecheck: batch archive 0/9 archived copies looked up, 30 s so far",
        "citecheck: batch works 0/2 look-ups made, 30 s so far",
        "citecheck: batch archive 0/9 archived copies looked up, 1 min 0 s so far",
        "citecheck: batch works 0/2 look-ups made, 1 min 0 s so far",
        "citecheck: batch works 2/2 look-ups made, 1 min 1 s in all",
        # the batch ends with archive still open: its closing line all the same
        "citecheck: batch archive 7/9 archived copies looked up, 1 min 3 s in all",
    ]


def test_the_lines_come_from_a_timer_while_nothing_finishes() -> None:
    out = io.StringIO()
    with batch_progress(enabled=True, stream=out, every=0.1) as progress:
        progress.start("archive", 3)
        time.sleep(0.6)  # a stalled pass: no look-up finishes
        assert out.getvalue().count("batch archive 0/3") >= 2
    assert out.getvalue().splitlines()[-1].endswith(" in all")


def test_a_quick_phase_and_no_progress_write_nothing() -> None:
    out, clock = io.StringIO(), Clock()
    with batch_progress(enabled=True, stream=out, clock=clock, timer=False) as progress:
        progress.start("check", 3)
        for _ in range(3):
            clock.now += 1.0
            progress.advance("check")
    assert out.getvalue() == ""
    with batch_progress(enabled=False, stream=out, every=0.0, clock=clock) as progress:
        progress.start("check", 3)
        for _ in range(3):
            clock.now += 100.0
            progress.advance("check")
        assert progress.counts == {"check": 3}  # still counted
    assert out.getvalue() == ""


def test_citecheck_batch_in_a_pipe_writes_progress_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(batch_progress_module, "LINE_EVERY", 0.0)  # every advance a line
    folder = tmp_path / "issue"
    folder.mkdir()
    for n in range(3):
        (folder / f"essay{n}.md").write_text(f"A claim.[^1]\n\n[^1]: A note {n}.\n", "utf-8")
    args = ["batch", str(folder), "--store", f"sqlite:///{tmp_path / 's.sqlite3'}"]
    args += ["--no-sources", "--offline", "--workers", "1", "-o", str(tmp_path / "out.txt")]
    main(args)
    err = capsys.readouterr().err
    assert "citecheck: batch read 3/3 manuscripts read" in err
    assert "citecheck: batch check 3/3 manuscripts checked" in err
    main([*args, "--batch-id", "again", "--no-progress"])
    assert "citecheck: batch" not in capsys.readouterr().err
