"""``#fragment`` checks: does the page have the anchor the citation points at?

A missing anchor never makes a link dead: the page is there, and many sites
create their anchors with JavaScript (filiph/linkcheck#45). The verdict stays
what the page earned; the reason says the anchor was not found, so an
editor can point the citation at the right section.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

__all__ = ["fragment_note"]

# Fragments that are not element ids: text fragments, SPA routes, PDF/GitHub viewers.
_NOT_ANCHORS = re.compile(r"^(?::~:|/|!|page=|search=|zoom=|nameddest=|L\d+(?:-L\d+)?$)")


def fragment_note(
    fragment: str, anchors: frozenset[str], *, kind: str, complete: bool
) -> str | None:
    """The words to append to the reason (with their leading punctuation), or None
    when the fragment cannot be checked (no fragment, not HTML, not an element id)."""
    if not fragment:
        return None
    name = unquote(fragment)
    if kind != "html" or _NOT_ANCHORS.match(name):
        return None
    # GitHub renders README headings as id="user-content-x" and scrolls to #x with JavaScript.
    if {name, fragment, f"user-content-{name}"} & anchors:
        return f"; anchor '#{name}' found"
    where = "on the page" if complete else "in the part of the page read"
    return f", but no anchor '#{name}' {where} (it may be made by scripts; check the section)"
