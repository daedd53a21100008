"""citecheck: verify the citations and footnotes of a manuscript before print.

The pipeline, one way (each verb is a stage; ``run_check`` runs them all)::

    read_manuscript -> find_footnotes -> parse_citations -> check_links
        -> archive_urls -> run_checks -> export / write_report
"""

from __future__ import annotations

__version__ = "0.1.0"

# Imported after __version__: the pipeline reads it.
from citecheck.archive import archive_urls
from citecheck.checks import run_checks
from citecheck.citations import parse_citations
from citecheck.config import Settings, load_settings
from citecheck.errors import CitecheckError, ConfigError, InputError
from citecheck.export import export
from citecheck.footnotes import find_footnotes
from citecheck.links import check_links
from citecheck.model import (
    ArchiveResult,
    CheckRun,
    Citation,
    Finding,
    Footnote,
    LinkResult,
    LinkStatus,
    Manuscript,
    Severity,
)
from citecheck.pipeline import run_check
from citecheck.readers import read_manuscript
from citecheck.report import write_report

__all__ = [
    "ArchiveResult",
    "CheckRun",
    "Citation",
    "CitecheckError",
    "ConfigError",
    "Finding",
    "Footnote",
    "InputError",
    "LinkResult",
    "LinkStatus",
    "Manuscript",
    "Settings",
    "Severity",
    "__version__",
    "archive_urls",
    "check_links",
    "export",
    "find_footnotes",
    "load_settings",
    "parse_citations",
    "read_manuscript",
    "run_check",
    "run_checks",
    "write_report",
]
