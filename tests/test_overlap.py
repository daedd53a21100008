"""Links checked while the citations are parsed: the same report as one stage after another.

``run_check`` starts the link checks on the URLs the notes show and parses
the citations in a worker (a process for big manuscripts, a thread for small
ones) meanwhile. Given the citations already parsed, it runs the stages one
after another as before; both ways must give byte-identical reports apart from
the clock. The pages are served by a real HTTP server on loopback.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import pickle
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from citecheck import pipeline
from citecheck.checks import CHECKS, LINK_FAMILIES, in_family_order, run_checks
from citecheck.config import Settings
from citecheck.early_links import join, noted_urls
from citecheck.errors import ConfigError, InputError
from citecheck.links import normalise_url
from citecheck.model import CheckRun, LinkResult, LinkStatus
from citecheck.report import write_report
from citecheck.url_text import urls_and_dois
from citecheck.worker import CpuWorker, WorkerFailed

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "references" / "us-mexico-border-essays.txt"
LEDGER = ROOT / "references" / "facts.toml"
CORPUS = ROOT / "tests" / "corpus"


class _Pages(BaseHTTPRequestHandler):
    """Pages with titles and figures; a 404, a redirect, and a DOI resolver under /doi/."""

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, *, body: bool) -> None:
        path = self.path
        if path.startswith("/moved"):
            self.send_response(301)
            self.send_header("Location", "/ok/1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        known = path.startswith("/doi/10.") or (
            path.startswith("/ok/") and path[4:].split("_")[0].isdigit()
        )
        if not known:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        page = (
            f"<html><head><title>Report {path}</title>"
            f"<meta name='citation_title' content='Crossings {path}'>"
            "<meta name='citation_publication_date' content='2019-03-04'></head><body>"
            "<p>The agency counted 11 million crossings in 2019, a figure the report stresses."
            "</p></body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        if body:
            self.wfile.write(page)

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)


@pytest.fixture
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _notes(base: str) -> list[str]:
    port = base.rsplit(":", 1)[1]
    return [
        f'Ana Ruiz, "Crossings," *Border Review*, March 3, 2019, {base}/ok/1 '
        "(accessed May 2, 2020).",
        f"Id. at 4; see also {base}/ok/2.",
        f"Ben Ode, *Walls* (New York: Knopf, 2015), available at <{base}/ok/3>.",
        f"HTTP://127.0.0.1:{port}/ok/1 (the same page, spelled otherwise).",
        f'Carla Diaz, "Gone," *Times*, June 1, 2018, {base}/gone/x; mirror at {base}/ok/4.',
        f'Dan Eve, "Moved," *Post*, 2017, {base}/moved/here.',
        'Eva Fay, "Article," *J. Stud.* 12, no. 3 (2016): 45-67, doi:10.1234/abc.def.',
        "Ruiz, supra note 1, at 7.",
        f"See [the agency's report]({base}/ok/5) and {base}/ok/6.",
        f'Frank Gil, "Numbers," *Review*, 2019, {base}/ok/7, '
        'reporting "11 billion crossings in 2019."',
        f'Grace Hu, "Paren," Wikipedia, {base}/ok/8_(novel)), accessed 2021.',
        "No URL here at all, just prose about the 11 billion crossings.",
    ]


def _manuscript(folder: Path, base: str, *, copies: int = 1) -> Path:
    notes = _notes(base) * copies
    body = "In 2019 the agency counted 11 billion crossings.[^1] That is 30,000 a day.[^2] "
    body += " ".join(f"Claim {n}.[^{n}]" for n in range(3, len(notes) + 1))
    text = "# Essay\n\n" + body + "\n\n"
    text += "\n\n".join(f"[^{n}]: {note}" for n, note in enumerate(notes, 1)) + "\n"
    path = folder / "essay.md"
    path.write_text(text, encoding="utf-8")
    return path


def _settings(tmp_path: Path, name: str, base: str, **links: object) -> Settings:
    settings = Settings()
    return replace(
        settings,
        links=replace(
            settings.links,
            cache_path=tmp_path / f"{name}.sqlite3",
            doi_resolver=f"{base}/doi/",
            **links,  # type: ignore[arg-type]
        ),
        checks=replace(settings.checks, ledger=LEDGER),
        sources=replace(settings.sources, enabled=False),
    )


def _report(run: object) -> str:
    out = io.StringIO()
    write_report(run, "json", out)  # type: ignore[arg-type]
    data = json.loads(out.getvalue())

    def without_clock(value: object) -> object:
        if isinstance(value, dict):
            return {
                k: None if k in {"checked_at", "started_at", "finished_at"} else without_clock(v)
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [without_clock(v) for v in value]
        return value

    return json.dumps(without_clock(data), indent=1, ensure_ascii=False)


def _both_ways(
    paths: list[Path], tmp_path: Path, base: str, **links: object
) -> tuple[str, str, CheckRun]:
    sets = pipeline.read_footnotes(paths)
    one_by_one = pipeline.run_check(
        paths,
        _settings(tmp_path, "first", base, **links),
        archive=False,
        footnote_sets=sets,
        citations=pipeline.read_citations(sets),
    )
    second = _settings(tmp_path, "second", base, **links)
    overlapped = pipeline.run_check(paths, second, archive=False)
    return _report(one_by_one), _report(overlapped), overlapped


@pytest.mark.parametrize("in_process", [False, True], ids=["thread", "process"])
def test_overlapped_run_reports_what_one_stage_after_another_reports(
    tmp_path: Path, base: str, in_process: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARSE_IN_PROCESS_AT", 0 if in_process else 10**9)
    essay = _manuscript(tmp_path, base, copies=3)
    first, second, run = _both_ways([essay], tmp_path, base)
    assert first == second
    # The checks run in two parts (text while the links are asked, then the
    # pages): joined, their findings come in the order of one run over all.
    settings = _settings(tmp_path, "again", base).checks
    whole = run_checks(run, settings)
    text = run_checks(run, settings, families=set(CHECKS) - LINK_FAMILIES)
    pages = run_checks(run, settings, families=LINK_FAMILIES)
    assert text
    assert pages
    assert in_family_order((*pages, *text)) == whole
    report = json.loads(second)
    statuses = {link["status"] for link in report["links"]}
    assert {"alive", "dead"} <= statuses  # the links were really checked
    assert report["findings"]
    assert report["citations"]


def test_the_sample_manuscripts_report_the_same_either_way(
    tmp_path: Path, base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARSE_IN_PROCESS_AT", 0)
    paths = [SAMPLE, CORPUS / "sample" / "us-mexico-border-essays.md", _manuscript(tmp_path, base)]
    first, second, _ = _both_ways(paths, tmp_path, base, offline=True)
    assert first == second
    assert len(json.loads(second)["findings"]) > 10


def test_a_doi_is_shown_as_its_doi_link_never_as_the_resolver_setting(
    tmp_path: Path, base: str
) -> None:
    # "doi:10.1234/abc.def" was reported as "<doi-resolver>10.1234/abc.def": with the
    # setting pointed at a test or institutional resolver, its address was the link shown.
    essay = tmp_path / "essay.md"
    essay.write_text(
        "One.[^1] Two.[^2] Three.[^3]\n\n"
        '[^1]: Eva Fay, "Article," *J. Stud.* 12 (2016): 45-67, doi:10.1234/abc.def.\n'
        '[^2]: Bo Li, "Other," *J. Stud.* 13 (2017): 1-9, https://doi.org/10.1234/xyz.\n'
        '[^3]: Cy Ng, "Third," *J. Stud.* 14 (2018): 2-8, http://dx.doi.org/10.1234/qqq.\n',
        encoding="utf-8",
    )
    run = pipeline.run_check([essay], _settings(tmp_path, "doi", base), archive=False)
    assert [link.url for link in run.links] == [
        "https://doi.org/10.1234/abc.def",
        "https://doi.org/10.1234/xyz",
        "http://dx.doi.org/10.1234/qqq",  # as the author wrote it
    ]
    # Asked of the resolver all the same (it answers 200 under /doi/ only).
    assert all(link.status is LinkStatus.ALIVE for link in run.links), run.links
    for fmt in ("json", "text", "markdown", "html", "sarif"):
        out = io.StringIO()
        write_report(run, fmt, out)
        assert f"{base}/doi/" not in out.getvalue(), fmt


def test_noted_urls_hold_every_url_the_citations_cite(tmp_path: Path) -> None:
    paths = [
        SAMPLE,
        CORPUS / "sample" / "us-mexico-border-essays.md",
        CORPUS / "markdown" / "links.md",
        CORPUS / "markdown" / "reference-links-and-comments.md",
        _manuscript(tmp_path, "http://127.0.0.1:9"),
    ]
    for path in paths:
        sets = pipeline.read_footnotes([path])
        cited = pipeline.cited_urls(pipeline.read_citations(sets))
        noted = {normalise_url(url) for url in noted_urls(sets)}
        assert cited, path
        assert {normalise_url(url) for url in cited} <= noted, path


def test_urls_and_dois_trim_like_the_parser() -> None:
    urls, dois = urls_and_dois(
        "See <https://a.example/x>, https://en.wikipedia.org/wiki/Dune_(novel)). "
        "Also https://doi.org/10.5555/abc. and doi: 10.1000/xyz; www.b.example."
    )
    assert urls == [
        "https://a.example/x",
        "https://en.wikipedia.org/wiki/Dune_(novel)",
        "https://doi.org/10.5555/abc",
        "www.b.example",
    ]
    assert dois == ["10.5555/abc", "10.1000/xyz"]


def _alive(url: str, *notes: str) -> LinkResult:
    return LinkResult(url=url, status=LinkStatus.ALIVE, reason="answered 200", notes=notes)


def test_join_keeps_verdicts_with_the_citations_spelling_and_asks_for_the_rest() -> None:
    early = {
        "http://a.example/1": ("1",),
        "http://a.example/2": ("2",),
        "HTTP://B.example/": ("3",),
    }
    found = [_alive(url, *notes) for url, notes in early.items()]
    cited = {
        "http://a.example/2": ("2", "5"),  # cited in one more note than it showed in
        "http://b.example/": ("3",),  # another spelling first: asked again, as cited
        "http://c.example/": ("4",),  # only the parser saw it
        "http://a.example/2#part": ("6",),  # a fragment is its own address
    }
    joined = join(early, found, cited)
    assert set(joined.known) == {"http://a.example/2"}
    assert joined.known["http://a.example/2"].notes == ("2", "5")
    assert list(joined.to_check) == [
        "http://b.example/",
        "http://c.example/",
        "http://a.example/2#part",
    ]
    late = [_alive(url, *notes) for url, notes in joined.to_check.items()]
    results = joined.results(late)
    assert [r.url for r in results] == list(cited)  # citing order, the URLs the citations cite
    assert "http://a.example/1" not in {r.url for r in results}  # shown, but cited by none


def test_a_bad_ledger_found_in_the_worker_stops_the_run_as_one_error(
    tmp_path: Path, base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARSE_IN_PROCESS_AT", 0)
    ledger = tmp_path / "facts.toml"
    ledger.write_text("not = [toml\n", encoding="utf-8")
    settings = _settings(tmp_path, "bad", base)
    settings = replace(settings, checks=replace(settings.checks, ledger=ledger))
    with pytest.raises(ConfigError, match="not valid TOML") as raised:
        pipeline.run_check([_manuscript(tmp_path, base)], settings, archive=False)
    assert raised.value.path == str(ledger)


def test_errors_survive_the_trip_from_a_worker_process() -> None:
    error = InputError("essay.md", "the file is empty", line=3)
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is InputError
    assert (back.path, back.problem, back.line, str(back)) == (
        "essay.md",
        "the file is empty",
        3,
        "essay.md:3: the file is empty",
    )


def _workers_of_this_process() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and b"citecheck._worker_child" in command:
            found.append(int(entry.name))
    return found


def test_the_worker_process_raises_what_the_job_raises_and_reports_a_crash() -> None:
    worker = CpuWorker(in_process=True)
    assert asyncio.run(worker.run(divmod, 7, 2)) == (3, 1)
    with pytest.raises(ValueError, match="invalid literal") as raised:
        asyncio.run(worker.run(int, "seven"))
    # Where it was raised in the worker travels with it, for CITECHECK_DEBUG.
    (note,) = raised.value.__notes__
    assert note.startswith("In the worker process:\nTraceback")
    assert "ValueError: invalid literal" in note
    with pytest.raises(WorkerFailed, match="exited 3"):
        asyncio.run(worker.run(os._exit, 3))


def test_a_cancelled_job_stops_its_worker_process() -> None:
    async def cancel_soon() -> None:
        job = asyncio.ensure_future(CpuWorker(in_process=True).run(time.sleep, 60))
        for _ in range(100):  # until the process is up
            await asyncio.sleep(0.05)
            if _workers_of_this_process():
                break
        assert _workers_of_this_process()
        job.cancel()
        with pytest.raises(asyncio.CancelledError):
            await job

    asyncio.run(cancel_soon())
    assert _workers_of_this_process() == []  # killed and reaped, not left sleeping


def test_the_worker_process_yields_the_cpu_to_the_event_loop() -> None:
    here = os.nice(0)
    there = asyncio.run(CpuWorker(in_process=True).run(os.nice, 0))
    assert there == min(here + 5, 19)


def _modules_after(code: str) -> dict[str, str]:
    """Which modules a fresh interpreter holds after ``code``: loaded, blocked or absent."""
    import subprocess
    import sys

    probe = (
        f"{code}\nimport sys, json\n"
        "print(json.dumps({name: 'absent' if name not in sys.modules else"
        " 'blocked' if sys.modules[name] is None else 'loaded'"
        " for name in ('httpx', 'httpx._main', 'citecheck.sources', 'citecheck.store')}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    modules: dict[str, str] = json.loads(done.stdout)
    return modules


def test_the_command_line_loads_neither_httpx_own_cli_nor_other_commands_stages() -> None:
    modules = _modules_after("import citecheck.cli")
    assert modules["httpx"] == "loaded"  # the links stage's client, needed at once
    assert modules["httpx._main"] == "blocked"  # click, rich, pygments: never used here
    assert modules["citecheck.sources"] == modules["citecheck.store"] == "absent"


def test_a_library_caller_that_loaded_httpx_first_keeps_it_as_it_was() -> None:
    modules = _modules_after("import httpx\nimport citecheck.cli\nassert callable(httpx.main)")
    assert modules["httpx._main"] != "blocked"
