"""Which manuscripts a batch covers: folders, glob patterns and lists of files.

Yielded one at a time, in a stable order, so a repository of any size is
never listed in memory at once (a folder's own entries are, one folder at a
time). ``@FILE`` names a list: one manuscript path a line, relative to the
list's folder, ``#`` comments and blank lines ignored.

A folder or a glob picks the files citecheck reads by their suffix; the rest
are *skipped* and named (``survey``), except hidden files, the batch's own
outputs and files that are plainly no manuscript (images, bibliographies and
styles, LaTeX's by-products). A LaTeX file that another manuscript of the
batch reaches by ``\\input``/``\\include`` is read as part of it, not again as
its own manuscript. A file named on the command line or in a list is always read.
"""

from __future__ import annotations

import functools
import glob
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from citecheck.errors import InputError
from citecheck.readers import EXTENSIONS

__all__ = ["MANUSCRIPT_SUFFIXES", "QUIET_SUFFIXES", "Survey", "find_manuscripts", "survey"]

# What a folder walk picks up: every format a reader is chosen by (plain text as .txt),
# taken from the readers so that a new one is never left out (.pdf was).
MANUSCRIPT_SUFFIXES = EXTENSIONS
# Files beside manuscripts that no one would take for one: skipped without a word.
_IMAGES = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".svg",
    ".tif",
    ".tiff",
    ".webp",
    ".bmp",
    ".eps",
    ".ico",
)
_BIBLIOGRAPHIES = (".bib", ".csl", ".bst", ".bbl", ".bcf", ".sty", ".cls", ".ris")
_LATEX_BY_PRODUCTS: tuple[str, ...] = (
    ".aux",
    ".log",
    ".out",
    ".toc",
    ".blg",
    ".fls",
    ".fdb_latexmk",
    ".lof",
)
_LATEX_BY_PRODUCTS += (".lot", ".idx", ".ind", ".ilg", ".nav", ".snm", ".vrb", ".gz")  # .synctex.gz
QUIET_SUFFIXES = frozenset((*_IMAGES, *_BIBLIOGRAPHIES, *_LATEX_BY_PRODUCTS))
_LATEX = frozenset({".tex", ".latex"})
_INCLUDE = re.compile(r"\\(?:input|include)\s*(?:\{([^{}]+)\}|([^\s{}%\\]+))")
_COMMENT = re.compile(r"(?<!\\)%.*")
_NAMED = 5  # skipped files named in the error and the notice; the summary JSON names all


@dataclass(frozen=True, slots=True)
class Survey:
    """What the paths of a batch hold: how many manuscripts, which files were skipped."""

    manuscripts: int
    skipped: tuple[str, ...]

    def notice(self) -> str:
        """One line naming the skipped files ("" when none)."""
        if not self.skipped:
            return ""
        count = len(self.skipped)
        return (
            f"skipped {count} file{'s' if count > 1 else ''} citecheck does not read: "
            f"{_named(self.skipped)}"
        )


def _named(paths: Sequence[str]) -> str:
    shown = ", ".join(paths[:_NAMED])
    return shown + (f" and {len(paths) - _NAMED} more" if len(paths) > _NAMED else "")


def _quiet_output(resolved: Path, outputs: frozenset[Path]) -> bool:
    return bool(outputs) and (resolved in outputs or not outputs.isdisjoint(resolved.parents))


def _quiet(path: Path, outputs: frozenset[Path]) -> bool:
    if path.name.startswith(".") or path.suffix.lower() in QUIET_SUFFIXES:
        return True
    return _quiet_output(path.resolve(), outputs)


def _walk(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(d for d in folders if not d.startswith("."))
        for name in sorted(files):
            yield Path(root) / name


def _listed(listing: Path) -> Iterator[Path]:
    try:
        handle = listing.open(encoding="utf-8")
    except OSError as error:
        raise InputError(str(listing), f"cannot read the list: {error.strerror}") from None
    with handle:
        for line in handle:
            entry = line.strip()
            if entry and not entry.startswith("#"):
                path = Path(entry).expanduser()
                yield path if path.is_absolute() else listing.parent / path


def _spec_files(spec: str) -> tuple[Iterable[Path], bool]:
    """The files a spec names, and whether they are picked by suffix (a folder, a glob)."""
    if spec.startswith("@"):
        return _listed(Path(spec[1:])), False
    if glob.has_magic(spec):
        matches = (Path(p) for p in sorted(glob.iglob(spec, recursive=True)))
        return (p for p in matches if p.is_file()), True
    if Path(spec).is_dir():
        return _walk(Path(spec)), True
    if Path(spec).exists():
        return (Path(spec),), False
    raise InputError(spec, "no such file or folder")


@functools.lru_cache(maxsize=4096)
def _includes(path: Path, stamp: tuple[int, int]) -> tuple[Path, ...]:
    """The files that a LaTeX file's ``\\input`` and ``\\include`` name (``stamp``: mtime, size).

    Looked for as LaTeX looks: beside the file, then beside the main file, which
    is one of its folders' ancestors: every ancestor is tried.
    """
    try:
        source = path.read_text("utf-8", errors="replace")
    except OSError:
        return ()
    found: list[Path] = []
    for line in source.splitlines():
        for match in _INCLUDE.finditer(_COMMENT.sub("", line)):
            name = (match.group(1) or match.group(2)).strip()
            names = [name] if name.endswith(".tex") else [name + ".tex", name]
            for folder in (path.parent.resolve(), *path.parent.resolve().parents):
                hit = next((folder / n for n in names if (folder / n).is_file()), None)
                if hit is not None:
                    found.append(hit.resolve())
                    break
    return tuple(found)


def _stamped_includes(path: Path) -> tuple[Path, ...]:
    try:
        stat = path.stat()
    except OSError:
        return ()
    return _includes(path, (stat.st_mtime_ns, stat.st_size))


def _reach(path: Path) -> set[Path]:
    """Every file ``path`` reads in place, however deep (through files outside the batch too)."""
    reached: set[Path] = set()
    todo = [path]
    while todo:
        for part in _stamped_includes(todo.pop()):
            if part not in reached:
                reached.add(part)
                todo.append(part)
    reached.discard(path)
    return reached


def _parts(specs: Sequence[str]) -> frozenset[Path]:
    """LaTeX files of the batch that another one reads in place (never all of a cycle)."""
    latex: set[Path] = set()
    for spec in specs:
        files, _ = _spec_files(spec)
        latex.update(p.resolve() for p in files if p.suffix.lower() in _LATEX)
    reach = {path: _reach(path) for path in latex}
    included = set().union(*reach.values()) if reach else set()
    # The books: batch files no other one reads. What they read are their parts; files
    # that only read each other (a cycle, which LaTeX refuses) stay manuscripts.
    roots = [path for path in latex if path not in included]
    parts: set[Path] = set().union(*(reach[root] for root in roots)) if roots else set()
    return frozenset(parts & latex)


def find_manuscripts(
    specs: Iterable[str],
    *,
    skipped: list[str] | None = None,
    outputs: Iterable[Path] = (),
) -> Iterator[Path]:
    """Every manuscript the specs name, each once, as absolute paths.

    Files a folder or glob holds that citecheck does not read go to
    ``skipped`` (unless quiet: hidden, plainly no manuscript, or under
    ``outputs``, the batch's own). LaTeX files another manuscript of the
    batch includes are not manuscripts of their own.

    Raises:
        InputError: a spec names nothing (no such file or folder, a glob
            matching nothing, a folder holding no manuscript), or a list
            cannot be read.
    """
    specs = list(specs)
    quiet_under = frozenset(Path(p).resolve() for p in outputs)
    parts = _parts(specs)
    seen: set[Path] = set()
    for spec in specs:
        files, by_suffix = _spec_files(spec)
        found = 0
        passed: list[str] = []
        for path in files:
            if by_suffix and path.suffix.lower() not in MANUSCRIPT_SUFFIXES:
                if not _quiet(path, quiet_under):
                    passed.append(str(path))
                continue
            resolved = path.resolve()
            if by_suffix and (path.name.startswith(".") or _quiet_output(resolved, quiet_under)):
                continue
            if by_suffix and resolved in parts:
                found += 1  # read, in the manuscript that includes it
                continue
            found += 1
            if resolved not in seen:
                seen.add(resolved)
                yield resolved
        if skipped is not None:
            skipped.extend(passed)
        if not found:
            what = (
                "no manuscripts under this folder" if Path(spec).is_dir() else "names no manuscript"
            )
            if passed:
                what += f" (skipped {len(passed)} citecheck does not read: {_named(passed)})"
            raise InputError(spec, what)


def survey(specs: Iterable[str], *, outputs: Iterable[Path] = ()) -> Survey:
    """How many manuscripts the specs name and which files they hold that are skipped.

    Raises:
        InputError: as ``find_manuscripts``.
    """
    skipped: list[str] = []
    count = sum(1 for _ in find_manuscripts(specs, skipped=skipped, outputs=outputs))
    return Survey(count, tuple(skipped))
