"""Seeded mutation of real manuscripts, run through every reader and the stages after it.

Every mutant is made from one seed file (the corpus fixtures and the sample)
by one numbered operation, chosen by ``random.Random(f"{seed}:{index}")``, so
a mutant is rebuilt exactly from its seed and index. Each mutant is read with
``read_manuscript`` and then passed through the footnotes and citations
stages and their JSON serialisers (what ``citecheck notes`` and ``cite``
do). The only acceptable outcomes are a result or an ``InputError`` whose
message is one line naming the file; anything else is a crash.

Cases run in a worker process watched by the parent: a case that takes
longer than the budget is a *slow* case (the worker is killed and restarted
after it), so a hang fails one case instead of the whole run.

For humans, a larger campaign::

    PYTHONPATH=$PWD python tests/readers/mutate.py --seed 7 --count 20000 --save /tmp/mutants

prints one line per crash or slow case and a summary; ``--save`` keeps the
failing mutants as files to reproduce with ``citecheck notes FILE``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import select
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
SAMPLE = ROOT / "references" / "us-mexico-border-essays.txt"
_SUFFIXES = {".txt", ".md", ".tex", ".html", ".xhtml", ".docx"}

# --------------------------------------------------------------------------
# Seeds
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Seed:
    name: str  # relative to the repository
    suffix: str
    data: bytes


# MUTATE_SEEDS=pdf mutates the PDF fixtures instead (a run of its own: a PDF
# mutant takes ten times a text one, and mixing them would change every seed's
# mutants). Workers are subprocesses and inherit the variable.
_PDF_SEEDS = CORPUS / "pdf"


def seeds() -> tuple[Seed, ...]:
    """Every manuscript fixture of the corpus, and the sample, in a stable order."""
    if os.environ.get("MUTATE_SEEDS") == "pdf":
        # The small corpus renderings and one word-processor file with endnotes;
        # the 200-300 KB samples would only make the run slower, not wider.
        small = [p for p in _PDF_SEEDS.rglob("*.pdf") if p.stat().st_size < 60_000]
        return tuple(Seed(str(p.relative_to(ROOT)), ".pdf", p.read_bytes()) for p in sorted(small))
    paths = sorted(
        p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in _SUFFIXES and p.stat().st_size
    )
    paths.append(SAMPLE)
    return tuple(Seed(str(p.relative_to(ROOT)), p.suffix, p.read_bytes()) for p in paths)


# --------------------------------------------------------------------------
# Operations on text
# --------------------------------------------------------------------------

# Markup that the readers give meaning to, inserted where it does not belong.
SNIPPETS: tuple[bytes, ...] = (
    b"<sup>",
    b"</sup>",
    b"<sup>1</sup>",
    b"<sup></sup>",
    b"<sup>99999999999999999999</sup>",
    b"<sup>-1</sup>",
    b"<sup>0</sup>",
    b"[^",
    b"[^1]:",
    b"[^1]",
    b"[^1e308]",
    b"[^1e308]: x",
    b"[^]:",
    b"[^\xe2\x80\xae]: x",
    b"^[",
    b"\\footnote{",
    b"\\footnote[99999999999999999999]{x}",
    b"\\footnotemark[",
    b"\\footnotetext{",
    b"\\begin{document}",
    b"\\end{document}",
    b"\\verb|",
    b"\\href{",
    b"\\url{",
    b"{",
    b"}",
    b"}}}}",
    b"{{{{",
    b"\\",
    b"%",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"&#999999999;",
    b"&#x110000;",
    b"&#0;",
    b"&#xD800;",
    b"&#;",
    b"&amp",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b"&a;&b;",
    b"<a href=",
    b'<a href="#fn1">',
    b'<a href="#fn99999999999999999999" class="footnote-ref">',
    b'<section class="footnotes"><ol><li id="fn1">',
    b"</ol></section>",
    b"<script>",
    b"<style>",
    b"<table><tr><td>",
    b"<p>",
    b"</p>",
    b"<",
    b">",
    b"```",
    b"    ",
    b"\n\n",
    b"\r",
    b"\n1. ",
    b"\n- ",
    b"\n> ",
    b"\n# ",
    b"[x](",
    b"](http://",
    b"http://",
    b"https://[::1",
    b"http://127.0.0.1:99999/",
    b"doi:10.",
    b"Id. at ",
    b"Ibid.",
    b"supra note 99999999999999999999",
    b" 1e308 ",
    b" 99999999999999999999999 percent ",
    b"$99999999999999999999 billion",
)

CONTROL = (
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2069",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x0c",
    "\x0b",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufffd",
    "\U0001f600",
)
LONE_SURROGATE = b"\xed\xa0\x80"  # U+D800 in (invalid) UTF-8

# Where truncations and insertions land: the boundaries of markup.
_BOUNDARY = re.compile(rb"[<>{}\[\]&;\\\n^%\"']|\xe2|\xc3")


def _positions(data: bytes, rng: random.Random) -> int:
    """A position in ``data``, at a markup boundary most of the time."""
    if data and rng.random() < 0.7:
        found = [m.start() for m in _BOUNDARY.finditer(data)]
        if found:
            return rng.choice(found) + rng.choice((0, 0, 1))
    return rng.randrange(len(data) + 1)


def bit_flip(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    if not data:
        return data, "bit flip of nothing"
    out = bytearray(data)
    flips = rng.choice((1, 1, 2, 8))
    for _ in range(flips):
        at = rng.randrange(len(out))
        out[at] ^= 1 << rng.randrange(8)
    return bytes(out), f"{flips} bit flips"


def truncate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    at = _positions(data, rng)
    return data[:at], f"truncated at byte {at}"


def cut_middle(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    a, b = sorted((_positions(data, rng), _positions(data, rng)))
    return data[:a] + data[b:], f"bytes {a}-{b} removed"


def insert_markup(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    out = data
    chosen = []
    for _ in range(rng.choice((1, 1, 3, 10))):
        snippet = rng.choice(SNIPPETS)
        chosen.append(snippet)
        at = _positions(out, rng)
        out = out[:at] + snippet + out[at:]
    return out, "inserted " + ", ".join(repr(s) for s in chosen[:3])


def insert_control(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    out = data
    chars = []
    for _ in range(rng.choice((1, 3, 20))):
        if rng.random() < 0.1:
            piece = LONE_SURROGATE
            chars.append("lone surrogate")
        else:
            char = rng.choice(CONTROL)
            chars.append(f"U+{ord(char):04X}")
            piece = char.encode("utf-8")
        at = _positions(out, rng)
        out = out[:at] + piece + out[at:]
    return out, "inserted " + ", ".join(chars[:3])


def huge_numbers(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    big = rng.choice((b"99999999999999999999", b"1e308", b"-0", b"0" * 500, b"9" * 5000))

    def swap(match: re.Match[bytes]) -> bytes:
        return big if rng.random() < 0.5 else match.group(0)

    return re.sub(rb"\d+", swap, data), f"numbers replaced with {big[:24]!r}"


def deep_nesting(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    depth = rng.choice((100, 1000, 10_000))
    kind = rng.randrange(6)
    if kind == 0:
        piece = b"<div>" * depth + b"x<sup>1</sup>" + b"</div>" * depth
    elif kind == 1:
        piece = b"{" * depth + b"\\footnote{x}" + b"}" * rng.choice((0, depth))
    elif kind == 2:
        piece = b"".join(b"  " * i + b"- item\n" for i in range(min(depth, 2000)))
    elif kind == 3:
        piece = b"> " * depth + b"quote[^1]\n"
    elif kind == 4:
        piece = b"\\footnote{" * depth
    else:
        piece = b"<sup>" * depth + b"1" + b"</sup>" * depth
    at = _positions(data, rng)
    return data[:at] + piece + data[at:], f"nesting {depth} deep (kind {kind})"


def repeat_region(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    a = _positions(data, rng)
    b = min(len(data), a + rng.randrange(1, 200))
    times = rng.choice((2, 50, 500))
    return data[:a] + data[a:b] * times + data[b:], f"bytes {a}-{b} repeated {times} times"


def splice(data: bytes, rng: random.Random, other: bytes) -> tuple[bytes, str]:
    at = _positions(data, rng)
    start = rng.randrange(len(other) + 1)
    return data[:at] + other[start : start + rng.randrange(1, 4000)] + data[at:], "spliced"


TEXT_OPERATIONS: tuple[Callable[[bytes, random.Random], tuple[bytes, str]], ...] = (
    bit_flip,
    truncate,
    cut_middle,
    insert_markup,
    insert_markup,
    insert_control,
    huge_numbers,
    deep_nesting,
    repeat_region,
)

# --------------------------------------------------------------------------
# Operations on .docx packages
# --------------------------------------------------------------------------


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def _xml_member(members: list[tuple[zipfile.ZipInfo, bytes]], rng: random.Random) -> int:
    wanted = [i for i, (info, _) in enumerate(members) if info.filename.startswith("word/")]
    return rng.choice(wanted or list(range(len(members))))


def docx_xml(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A text operation on one XML part, the package rebuilt around it."""
    members = _members(data)
    index = _xml_member(members, rng)
    operation = rng.choice(TEXT_OPERATIONS)
    changed, how = operation(members[index][1], rng)
    rebuilt = [(info.filename, content) for info, content in members]
    rebuilt[index] = (rebuilt[index][0], changed)
    return _zip(rebuilt), f"{members[index][0].filename}: {how}"


def docx_deep_xml(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    members = _members(data)
    depth = rng.choice((1000, 10_000, 100_000))
    tag = rng.choice((b"w:p", b"w:r", b"w:sdt", b"w:sdtContent", b"w:tbl", b"x"))
    rebuilt = [(info.filename, content) for info, content in members]
    for i, (name, content) in enumerate(rebuilt):
        if name == "word/document.xml" and b"<w:body>" in content:
            nest = (b"<" + tag + b">") * depth + b"<w:t>x</w:t>" + (b"</" + tag + b">") * depth
            rebuilt[i] = (name, content.replace(b"<w:body>", b"<w:body>" + nest, 1))
    return _zip(rebuilt), f"document.xml nested {depth} deep in <{tag.decode()}>"


def docx_drop_member(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    members = _members(data)
    index = rng.randrange(len(members))
    kept = [(info.filename, content) for i, (info, content) in enumerate(members) if i != index]
    return _zip(kept), f"member {members[index][0].filename} missing"


def docx_bad_crc(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Flip a byte inside one member's stored data, so its CRC no longer matches."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = [i for i in archive.infolist() if i.compress_size > 0]
    info = rng.choice(infos)
    # The local header is 30 bytes plus the name and extra field.
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26 :][:4])
    start = info.header_offset + 30 + name_length + extra_length
    at = start + rng.randrange(info.compress_size)
    out = bytearray(data)
    out[at] ^= 0x55
    return bytes(out), f"{info.filename}: data byte changed (bad CRC)"


_BOMBS: dict[tuple[int, bool], tuple[bytes, int, int]] = {}  # -> (deflated, CRC, size)

_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _bomb(megabytes: int, well_formed: bool) -> tuple[bytes, int, int]:
    """A raw deflate stream of ``megabytes`` MB: text, or a valid document of tiny paragraphs."""
    key = (megabytes, well_formed)
    if key not in _BOMBS:
        if well_formed:
            head = b"<w:document " + _W + b"><w:body>"
            chunk = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 30_000
            tail = b"</w:body></w:document>"
        else:
            head, chunk, tail = b"", b"<w:t>" + b"a" * (1 << 20) + b"</w:t>", b""
        # A full flush resets the compressor, so every chunk deflates to the
        # same bytes: one chunk is compressed, not hundreds of megabytes.
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
        piece = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
        times = megabytes * (1 << 20) // len(chunk)
        deflated = first + piece * times + compressor.compress(tail) + compressor.flush()
        crc = zlib.crc32(head)
        for _ in range(times):
            crc = zlib.crc32(chunk, crc)
        crc = zlib.crc32(tail, crc)
        _BOMBS[key] = (deflated, crc, len(head) + len(chunk) * times + len(tail))
    return _BOMBS[key]


def docx_bomb(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One member replaced by a deflated part that inflates to hundreds of megabytes."""
    megabytes = rng.choice((100, 300))
    well_formed = rng.random() < 0.5
    text_part = _members(data)[_xml_member(_members(data), rng)][0].filename
    name = "word/document.xml" if well_formed else text_part
    kind = "paragraphs" if well_formed else "text"
    bombed = with_bomb(data, name, megabytes, well_formed=well_formed)
    return bombed, f"{name}: a {megabytes} MB deflate bomb of {kind}"


def with_bomb(data: bytes, name: str, megabytes: int, *, well_formed: bool) -> bytes:
    """The package with member ``name`` replaced by a deflate bomb of ``megabytes`` MB."""
    deflated, crc, size = _bomb(megabytes, well_formed)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info, content in _members(data):
            if info.filename != name:
                out.writestr(info.filename, content)
        # The bomb's raw deflate stream goes in by hand: zipfile would inflate nothing.
        bomb = zipfile.ZipInfo(name)
        bomb.compress_type = zipfile.ZIP_DEFLATED
        bomb.header_offset = buffer.tell()
        bomb.CRC, bomb.compress_size, bomb.file_size = crc, len(deflated), size
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(deflated), size, len(name), 0
        )
        buffer.write(header + name.encode() + deflated)
        out.filelist.append(bomb)
        out.NameToInfo[name] = bomb
        out.start_dir = buffer.tell()
    return buffer.getvalue()


def docx_huge_size(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """The central directory declares a huge uncompressed size for one member."""
    out = bytearray(data)
    entries = [m.start() for m in re.finditer(rb"PK\x01\x02", data)]
    at = rng.choice(entries)
    size = rng.choice((0xFFFFFFFF, 0x7FFFFFFF, 0))
    out[at + 24 : at + 28] = struct.pack("<I", size)
    if rng.random() < 0.5:
        out[at + 20 : at + 24] = struct.pack("<I", rng.choice((0xFFFFFFFF, 1)))
    return bytes(out), f"central directory entry at {at} declares size {size:#x}"


def docx_zip_bytes(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    operation = rng.choice((bit_flip, truncate, cut_middle))
    changed, how = operation(data, rng)
    return changed, f"zip bytes: {how}"


DOCX_OPERATIONS: tuple[Callable[[bytes, random.Random], tuple[bytes, str]], ...] = (
    docx_xml,
    docx_xml,
    docx_xml,
    docx_deep_xml,
    docx_drop_member,
    docx_bad_crc,
    docx_bomb,
    docx_huge_size,
    docx_zip_bytes,
)

# --------------------------------------------------------------------------
# Mutants
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutant:
    index: int
    seed_name: str
    suffix: str
    data: bytes
    how: str


def mutant(all_seeds: tuple[Seed, ...], seed: int, index: int) -> Mutant:
    """The ``index``-th mutant of run ``seed``: always the same bytes."""
    rng = random.Random(f"{seed}:{index}")
    source = rng.choice(all_seeds)
    suffix = source.suffix
    if source.suffix == ".docx":
        data, how = rng.choice(DOCX_OPERATIONS)(source.data, rng)
    elif rng.random() < 0.1:
        other = rng.choice(all_seeds)
        data, how = splice(source.data, rng, other.data)
    else:
        data, how = rng.choice(TEXT_OPERATIONS)(source.data, rng)
    if rng.random() < 0.1:
        suffix = rng.choice((".txt", "", ".md", ".html", ".tex", ".docx"))
        how += f"; renamed {suffix or 'without extension'}"
    return Mutant(index, source.name, suffix, data, how)


# --------------------------------------------------------------------------
# One case: read, footnotes, citations, serialised
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    kind: str  # "ok", "input-error" or "crash"
    detail: str = ""


def run_path(path: str) -> Outcome:
    """What ``citecheck notes`` and ``cite`` do with a file, without the writing."""
    from citecheck.citations import parse_citations
    from citecheck.errors import InputError
    from citecheck.footnotes import find_footnotes
    from citecheck.readers import read_manuscript
    from citecheck.serialize import citation_json, note_json

    try:
        manuscript = read_manuscript(path)
        notes = find_footnotes(manuscript)
        citations = parse_citations(notes.footnotes)
        json.dumps([note_json(n) for n in notes.footnotes], ensure_ascii=False)
        json.dumps([citation_json(c) for c in citations], ensure_ascii=False)
        for finding in notes.findings:
            f"{finding.location}: {finding.message}".encode()
    except InputError as error:
        message = str(error)
        if "\n" in message or not message.startswith(path):
            return Outcome("crash", f"InputError not one line naming the file: {message!r}")
        return Outcome("input-error", message)
    except Exception:
        return Outcome("crash", traceback.format_exc())
    return Outcome("ok")


def run_mutant(case: Mutant, folder: Path) -> Outcome:
    path = folder / f"mutant-{case.index}{case.suffix}"
    path.write_bytes(case.data)
    try:
        return run_path(str(path))
    finally:
        path.unlink()


# --------------------------------------------------------------------------
# The campaign: a watched worker process
# --------------------------------------------------------------------------


@dataclass
class Report:
    seed: int
    count: int
    seeds: int
    outcomes: dict[str, int] = field(default_factory=dict)
    crashes: list[tuple[int, str, str]] = field(default_factory=list)  # index, how, traceback
    slow: list[tuple[int, str]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(self.outcomes.items()))
        return (
            f"{self.count} mutants over {self.seeds} seeds (seed {self.seed}): "
            f"{len(self.crashes)} crashes, {len(self.slow)} slow; {counts}; "
            f"{self.seconds:.1f} s"
        )


def _worker(seed: int, start: int, stop: int) -> None:
    import citecheck.citations
    import citecheck.readers  # noqa: F401  (imported before the first case's clock starts)

    all_seeds = seeds()
    with tempfile.TemporaryDirectory(prefix="citecheck-mutants-") as folder:
        for index in range(start, stop):
            case = mutant(all_seeds, seed, index)
            print(json.dumps({"start": index}), flush=True)
            outcome = _self_test(index) or run_mutant(case, Path(folder))
            print(json.dumps({"done": index, "kind": outcome.kind, "detail": outcome.detail}))
            sys.stdout.flush()


def _self_test(index: int) -> Outcome | None:
    """With MUTATE_SELF_TEST=1 every third mutant crashes and every third hangs.

    The harness's own test uses it to show that crashes and hangs are caught.
    """
    if not os.environ.get("MUTATE_SELF_TEST"):
        return None
    if index % 3 == 1:
        return Outcome("crash", "self-test crash")
    if index % 3 == 2:
        time.sleep(3600)
    return None


def _spawn(seed: int, start: int, stop: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    command = [sys.executable, __file__, "--worker", f"{seed}:{start}:{stop}"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, env=env, bufsize=0)


class _Lines:
    """Lines from a pipe, each waited for at most a given time.

    Reads the file descriptor itself: a buffered reader could hold a line
    that ``select`` then never reports.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.pending = b""

    def next(self, deadline: float) -> str | None:
        """The next line ("" at end of output), or None when the deadline passes."""
        while b"\n" not in self.pending:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(0.0, left))
            if not ready:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                return ""
            self.pending += chunk
        line, _, self.pending = self.pending.partition(b"\n")
        return line.decode("utf-8") + "\n"


def campaign(
    seed: int, count: int, *, budget: float = 5.0, start: int = 0, on_event: Callable[[str], None]
) -> Report:
    """Run mutants ``start`` .. ``start + count`` of ``seed``; each gets ``budget`` seconds."""
    report = Report(seed=seed, count=count, seeds=len(seeds()))
    began = time.monotonic()
    stop = start + count
    following = start
    while following < stop:
        worker = _spawn(seed, following, stop)
        assert worker.stdout is not None
        lines = _Lines(worker.stdout.fileno())
        current: int | None = None
        deadline = time.monotonic() + budget + 30.0  # the first case also waits for imports
        try:
            while True:
                line = lines.next(deadline)
                if line is None:
                    index = following if current is None else current
                    report.slow.append((index, mutant(seeds(), seed, index).how))
                    on_event(f"slow: mutant {index} took over {budget:.0f} s")
                    following = index + 1
                    break
                if not line:
                    if current is not None:  # the worker died in a case
                        how = mutant(seeds(), seed, current).how
                        report.crashes.append((current, how, "the worker process died"))
                        following = current + 1
                    else:
                        following = stop
                    break
                event = json.loads(line)
                if "start" in event:
                    current = event["start"]
                    deadline = time.monotonic() + budget
                    continue
                index, kind = event["done"], event["kind"]
                report.outcomes[kind] = report.outcomes.get(kind, 0) + 1
                if kind == "crash":
                    how = mutant(seeds(), seed, index).how
                    report.crashes.append((index, how, event["detail"]))
                    on_event(f"crash: mutant {index} ({how})\n{event['detail']}")
                current = None
                following = index + 1
        finally:
            worker.kill()
            worker.wait()
            worker.stdout.close()
    report.seconds = time.monotonic() - began
    return report


def parallel_campaign(
    seed: int,
    count: int,
    *,
    budget: float = 5.0,
    start: int = 0,
    workers: int = 1,
    on_event: Callable[[str], None],
) -> Report:
    """``campaign`` split over ``workers`` processes, one report for the whole range."""
    from concurrent.futures import ThreadPoolExecutor

    workers = max(1, min(workers, count))
    bounds = [start + count * k // workers for k in range(workers + 1)]
    with ThreadPoolExecutor(workers) as pool:
        parts = list(
            pool.map(
                lambda k: campaign(
                    seed,
                    bounds[k + 1] - bounds[k],
                    budget=budget,
                    start=bounds[k],
                    on_event=on_event,
                ),
                range(workers),
            )
        )
    report = Report(seed=seed, count=count, seeds=parts[0].seeds)
    for part in parts:
        for kind, n in part.outcomes.items():
            report.outcomes[kind] = report.outcomes.get(kind, 0) + n
        report.crashes.extend(part.crashes)
        report.slow.extend(part.slow)
        report.seconds = max(report.seconds, part.seconds)
    return report


def _save(seed: int, indexes: Iterator[int], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    all_seeds = seeds()
    for index in indexes:
        case = mutant(all_seeds, seed, index)
        (folder / f"mutant-{seed}-{index}{case.suffix}").write_bytes(case.data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mutate the corpus and read every mutant.")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--start", type=int, default=0, help="first mutant index")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds per mutant")
    parser.add_argument("--save", type=Path, help="write crashing and slow mutants here")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        seed, start, stop = (int(part) for part in args.worker.split(":"))
        _worker(seed, start, stop)
        return 0
    report = parallel_campaign(
        args.seed,
        args.count,
        budget=args.budget,
        start=args.start,
        workers=args.workers,
        on_event=lambda line: print(line, flush=True),
    )
    if args.save is not None:
        failing = (index for index, *_ in (*report.crashes, *report.slow))
        _save(args.seed, failing, args.save)
    print(report.summary())
    return 1 if report.crashes or report.slow else 0


if __name__ == "__main__":
    sys.exit(main())
