"""Reference-list and continental forms the general rules were not written for.

- French, Italian and Spanish humanities notes ("Paris : Gallimard, 1975,
  p. 23", "Torino, Einaudi, 1976", "« Titre », Revue, vol. 12, n° 3");

``read_law`` and ``read_sciences`` (tried before the Commonwealth
patterns, whose case names would swallow a neutral citation) and ``read_style`` answer None for
anything else, and the general rules (and the CRF) run.
"""

from __future__ import annotations

from citecheck.citations.draft import Parsed
from citecheck.citations.styles.continental import read_continental
from citecheck.citations.styles.law import read_law
from citecheck.citations.styles.sciences import read_sciences

__all__ = ["read_law", "read_sciences", "read_style"]


def read_style(text: str) -> Parsed | None:
    """A reference-list or continental form, read by its shape; None for anything else."""
    value = " ".join(text.split()).strip()
    if not value or len(value) > 600:
        return None
    if "," in value:
        found = read_continental(value)
        if found is not None:
            return found
    return None
