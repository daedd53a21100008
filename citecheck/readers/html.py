"""Reader for the html format: file bytes -> Manuscript."""

from __future__ import annotations

from citecheck.model import Manuscript


def read(path: str, data: bytes) -> Manuscript:
    """Read a html manuscript."""
    raise NotImplementedError  # placeholder until the reader is written
