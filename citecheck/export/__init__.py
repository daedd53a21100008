"""Exporting: cited works -> a bibliography file (biblatex, CSL-JSON).

One public verb, ``export``, and one registry, ``EXPORTERS``, so the switch
on format lives here only. Every exporter writes one entry per distinct
work (see ``keys``) with the same key, so a ``.bib`` and a ``.json`` made
from the same run agree. Archive results, when given, add the archived copy
of each cited URL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from citecheck.errors import ConfigError
from citecheck.export.bibtex import to_bibtex
from citecheck.export.csl_json import to_csl_json
from citecheck.model import ArchiveResult, Citation

__all__ = ["EXPORTERS", "export"]


class Exporter(Protocol):
    """What every exporter is: citations (+ archive results) -> file text."""

    def __call__(
        self, citations: Sequence[Citation], /, *, archives: Sequence[ArchiveResult] = ()
    ) -> str: ...


EXPORTERS: dict[str, Exporter] = {
    "bibtex": to_bibtex,
    "biblatex": to_bibtex,
    "csl-json": to_csl_json,
}


def export(
    citations: Sequence[Citation], fmt: str, *, archives: Sequence[ArchiveResult] = ()
) -> str:
    """The bibliography of ``citations`` in format ``fmt`` (a key of ``EXPORTERS``).

    Raises ``ConfigError`` for an unknown format.
    """
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise ConfigError(
            "--format", f"unknown export format {fmt!r}; use one of {known}"
        ) from None
    return exporter(citations, archives=archives)
