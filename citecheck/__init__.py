"""citecheck: verify the citations and footnotes of a manuscript before print."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
