"""Links stage: is each cited URL still there, and what does the page say?

``check_links`` asks every distinct URL once, asynchronously, with global
and adaptive per-host limits, and returns one ``LinkResult`` per URL:
alive, redirected, dead, soft-dead, blocked, timeout, offline or excluded,
each with a reason an editor can act on. See docs/links.md.
"""

from __future__ import annotations

from citecheck.links.cache import HistoryEntry, url_history
from citecheck.links.checker import check_links, parse_retry_after
from citecheck.links.offline import is_network_available
from citecheck.links.urls import normalise_url

__all__ = [
    "HistoryEntry",
    "check_links",
    "is_network_available",
    "normalise_url",
    "parse_retry_after",
    "url_history",
]
