"""Which manuscripts a batch covers: folders, glob patterns and lists of files.

Yielded one at a time, in a stable order, so a repository of any size is
never listed in memory at once (a folder's own entries are, one folder at a
time). ``@FILE`` names a list: one manuscript path a line, relative to the
list's folder, ``#`` comments and blank lines ignored.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from citecheck.errors import InputError
from citecheck.readers import EXTENSIONS

__all__ = ["MANUSCRIPT_SUFFIXES", "find_manuscripts"]

# What a folder walk picks up: every format a reader is chosen by (plain text as .txt),
# taken from the readers so that a new one is never left out (.pdf was).
MANUSCRIPT_SUFFIXES = EXTENSIONS


def _walk(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(d for d in folders if not d.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() in MANUSCRIPT_SUFFIXES and not name.startswith("."):
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


def find_manuscripts(specs: Iterable[str]) -> Iterator[Path]:
    """Every manuscript the specs name, each once, as absolute paths.

    Raises:
        InputError: a spec names nothing (no such file or folder, or a glob
            matching nothing), or a list cannot be read.
    """
    seen: set[Path] = set()
    for spec in specs:
        if spec.startswith("@"):
            found: Iterable[Path] = _listed(Path(spec[1:]))
        elif glob.has_magic(spec):
            found = (Path(p) for p in sorted(glob.iglob(spec, recursive=True)) if Path(p).is_file())
        elif Path(spec).is_dir():
            found = _walk(Path(spec))
        elif Path(spec).exists():
            found = (Path(spec),)
        else:
            raise InputError(spec, "no such file or folder")
        empty = True
        for path in found:
            empty = False
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield resolved
        if empty and not Path(spec).is_dir():
            raise InputError(spec, "names no manuscript")
