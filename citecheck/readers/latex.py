"""Reader for the latex format: file bytes -> Manuscript."""

from __future__ import annotations

from citecheck.model import Manuscript


def read(path: str, data: bytes) -> Manuscript:
    """Read a latex manuscript."""
    raise NotImplementedError  # placeholder until the reader is written
