"""Exporting: cited works -> a bibliography file (biblatex, CSL-JSON).

One public verb, ``export``, and one registry, ``EXPORTERS``, so the switch
on format lives here only. Every exporter writes one entry per distinct
work (see ``keys``) with the same key, so a ``.bib`` and a ``.json`` made
from the same run agree. Archive results, when given, add the archived copy
of each cited URL; source results correct what the run proved wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from citecheck._lazy import LazyFunctions
from citecheck.errors import ConfigError
from citecheck.model import ArchiveResult, Citation, SourceResult

__all__ = ["EXPORTERS", "export"]


class Exporter(Protocol):
    """What every exporter is: citations (+ archive results) -> file text."""

    def __call__(
        self,
        citations: Sequence[Citation],
        /,
        *,
        archives: Sequence[ArchiveResult] = (),
        sources: Sequence[SourceResult] = (),
    ) -> str: ...


# Imported when first used (bibtexparser is slow to import; most runs export nothing).
EXPORTERS: LazyFunctions[Exporter] = LazyFunctions(
    {
        "bibtex": "citecheck.export.bibtex:to_bibtex",
        "biblatex": "citecheck.export.bibtex:to_bibtex",
        "csl-json": "citecheck.export.csl_json:to_csl_json",
    }
)


def export(
    citations: Sequence[Citation],
    fmt: str,
    *,
    archives: Sequence[ArchiveResult] = (),
    sources: Sequence[SourceResult] = (),
) -> str:
    """The bibliography of ``citations`` in format ``fmt`` (a key of ``EXPORTERS``).

    ``sources``, the sources stage's results: what the run proved wrong (a
    DOI of another work) is corrected from the verified record, and a
    citation the parser could not read takes its matched record's fields
    (``verified``). Raises ``ConfigError`` for an unknown format.
    """
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise ConfigError(
            "--format", f"unknown export format {fmt!r}; use one of {known}"
        ) from None
    return exporter(citations, archives=archives, sources=sources)
