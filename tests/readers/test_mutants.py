"""Mutated manuscripts: a result or one clear line, never a crash, never a hang.

``test_2000_mutants_over_the_corpus`` is the seeded run CI does on every
change: a fixed seed and count over every manuscript fixture and the sample
(see mutate.py for the operations). Each mutant has a time budget in a
watched worker process; one that overruns fails as *slow*. The property
tests below throw hypothesis-made text at each text reader the same way.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import mutate
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CI_SEED = 13
CI_COUNT = 2000
BUDGET = 10.0  # seconds per mutant before it counts as slow (CI machines are shared)


@pytest.mark.timeout(600)
def test_2000_mutants_over_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    lines: list[str] = []
    report = mutate.parallel_campaign(
        CI_SEED, CI_COUNT, budget=BUDGET, workers=min(2, os.cpu_count() or 1), on_event=lines.append
    )
    with capsys.disabled():
        print(f"\nmutation run: {report.summary()}", file=sys.stderr)
    assert sum(report.outcomes.values()) + len(report.slow) == CI_COUNT
    assert report.outcomes.get("ok", 0) > CI_COUNT // 2  # the mutants are mostly still readable
    assert report.outcomes.get("input-error", 0) > 0
    assert not report.crashes, "\n\n".join(lines)
    assert not report.slow, "\n".join(lines)


def test_the_harness_reports_crashes_and_hangs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without this, a harness that missed every failure would pass."""
    monkeypatch.setenv("MUTATE_SELF_TEST", "1")
    report = mutate.campaign(CI_SEED, 6, budget=1.0, on_event=lambda _: None)
    assert [index for index, *_ in report.crashes] == [1, 4]
    assert [index for index, _ in report.slow] == [2, 5]
    assert sum(report.outcomes.values()) == 4  # the two slow ones never finished


# --------------------------------------------------------------------------
# Property tests: hypothesis-made text, each reader by name
# --------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [s.decode("utf-8", "replace") for s in mutate.SNIPPETS] + list(mutate.CONTROL)
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=60).map("".join)


@contextmanager
def _watchdog(seconds: int) -> Iterator[None]:
    """Fail the example (not the process) when it runs past ``seconds``."""

    def overrun(*_: object) -> None:
        raise TimeoutError(f"an example took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".tex", ".html"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
def test_any_text_gives_a_result_or_one_line(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, text: str
) -> None:
    path = tmp_path_factory.getbasetemp() / f"hypothesis{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        with _watchdog(10):
            outcome = mutate.run_path(str(path))
    finally:
        path.unlink()
    assert outcome.kind != "crash", outcome.detail


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300), at=st.integers(min_value=0))
def test_any_bytes_in_a_docx_part_give_a_result_or_one_line(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, at: int
) -> None:
    import io
    import zipfile

    seed = (mutate.CORPUS / "docx" / "word-runs.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"]
    cut = at % (len(document) + 1)
    parts["word/document.xml"] = document[:cut] + data + document[cut:]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    path = tmp_path_factory.getbasetemp() / "hypothesis.docx"
    path.write_bytes(buffer.getvalue())
    try:
        with _watchdog(10):
            outcome = mutate.run_path(str(path))
    finally:
        path.unlink()
    assert outcome.kind != "crash", outcome.detail


PDF_SEED = 5
PDF_COUNT = 200


@pytest.mark.timeout(300)
def test_200_mutants_over_the_pdf_fixtures(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF reader's own run: the small PDF fixtures, bit flips, cuts and splices."""
    monkeypatch.setenv("MUTATE_SEEDS", "pdf")
    lines: list[str] = []
    report = mutate.parallel_campaign(
        PDF_SEED,
        PDF_COUNT,
        budget=BUDGET,
        workers=min(2, os.cpu_count() or 1),
        on_event=lines.append,
    )
    with capsys.disabled():
        print(f"\nPDF mutation run: {report.summary()}", file=sys.stderr)
    assert sum(report.outcomes.values()) + len(report.slow) == PDF_COUNT
    assert report.outcomes.get("ok", 0) > 0
    assert report.outcomes.get("input-error", 0) > 0
    assert not report.crashes, "\n\n".join(lines)
    assert not report.slow, "\n".join(lines)
