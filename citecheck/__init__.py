"""citecheck: verify the citations and footnotes of a manuscript before print.

The pipeline, one way (each verb is a stage; ``run_check`` runs them all)::

    read_manuscript -> find_footnotes -> parse_citations -> check_links
        -> archive_urls -> run_checks -> export / write_report
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The public names are imported on first use (PEP 562): ``python -m citecheck``
# then loads only what its command needs (the whole API costs ~0.8 s of imports).
_EXPORTS = {
    "archive_urls": "citecheck.archive",
    "run_checks": "citecheck.checks",
    "parse_citations": "citecheck.citations",
    "Settings": "citecheck.config",
    "load_settings": "citecheck.config",
    "CitecheckError": "citecheck.errors",
    "ConfigError": "citecheck.errors",
    "InputError": "citecheck.errors",
    "find_footnotes": "citecheck.footnotes",
    "check_links": "citecheck.links",
    "ArchiveResult": "citecheck.model",
    "CheckRun": "citecheck.model",
    "Citation": "citecheck.model",
    "Finding": "citecheck.model",
    "Footnote": "citecheck.model",
    "LinkResult": "citecheck.model",
    "LinkStatus": "citecheck.model",
    "Manuscript": "citecheck.model",
    "Severity": "citecheck.model",
    "run_check": "citecheck.pipeline",
    "read_manuscript": "citecheck.readers",
    "write_report": "citecheck.report",
}

# ``export`` shares its name with its subpackage, which would shadow a lazy name
# once imported: it is bound now.
from citecheck.export import export  # noqa: E402

if TYPE_CHECKING:
    from citecheck.archive import archive_urls
    from citecheck.checks import run_checks
    from citecheck.citations import parse_citations
    from citecheck.config import Settings, load_settings
    from citecheck.errors import CitecheckError, ConfigError, InputError
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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'citecheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
