"""The run's work list: one entry per distinct address, and the verdicts that need no request.

Spellings of one address are merged (``urls.normalise_url``); DOI links are
aimed at the resolver. Excluded patterns, non-web schemes, addresses the
policy refuses (``addresses``) and fresh cached verdicts are decided here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from citecheck.config import LinkSettings
from citecheck.links.addresses import AddressPolicy, explain, is_loopback_name, url_refusal
from citecheck.links.urls import cache_key, normalise_url, request_target, without_fragment
from citecheck.model import LinkResult, LinkStatus

__all__ = ["Entry", "from_cache", "make_entries", "not_checked"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One distinct URL of the run."""

    key: str  # normalised, fragment included: the cache key
    url: str  # the first spelling cited
    notes: tuple[str, ...]
    target: str  # what is fetched: no fragment; DOIs aimed at the resolver
    fragment: str
    doi: bool
    cache_key: str = ""  # where the link cache keeps it (``urls.cache_key``); "" is ``key``

    @property
    def cached_as(self) -> str:
        return self.cache_key or self.key


def make_entries(cited: Mapping[str, Sequence[str]], settings: LinkSettings) -> list[Entry]:
    grouped: dict[str, tuple[str, list[str]]] = {}
    for url, notes in cited.items():
        key = normalise_url(url)
        _, labels = grouped.setdefault(key, (url.strip(), []))
        labels.extend(label for label in notes if label not in labels)
    entries: list[Entry] = []
    for key, (url, labels) in grouped.items():
        target, doi = request_target(key, resolver=settings.doi_resolver)
        entries.append(
            Entry(
                key=key,
                url=url,
                notes=tuple(labels),
                target=target,
                fragment="" if doi else without_fragment(key)[1],
                doi=doi,
                cache_key=cache_key(key, resolver=settings.doi_resolver),
            )
        )
    return entries


def not_checked(entry: Entry, settings: LinkSettings) -> LinkResult | None:
    """The verdict for an address that needs no request: excluded or not a web address."""
    for pattern in settings.excludes:
        if re.search(pattern, entry.url) or re.search(pattern, entry.key):
            return LinkResult(
                url=entry.url,
                status=LinkStatus.EXCLUDED,
                reason=f"excluded by the setting '{pattern}'",
                notes=entry.notes,
            )
    try:
        parts = urlsplit(entry.target)
        parts.port  # noqa: B018  (a bad port raises only when asked for)
    except ValueError as error:  # "https://[::1", "http://[zz]/", "http://host:99999/"
        return LinkResult(
            url=entry.url,
            status=LinkStatus.DEAD,
            reason=f"not a valid web address ({error}); check how the URL was written",
            notes=entry.notes,
        )
    if parts.scheme.lower() not in {"http", "https"}:
        if (parts.scheme and parts.netloc) or parts.scheme.lower() in {"mailto", "tel", "urn"}:
            return LinkResult(
                url=entry.url,
                status=LinkStatus.EXCLUDED,
                reason=f"only http(s) addresses are checked, not {parts.scheme}:",
                notes=entry.notes,
            )
        return LinkResult(
            url=entry.url,
            status=LinkStatus.DEAD,
            reason="not a web address (no http:// or https://); check how the URL was written",
            notes=entry.notes,
        )
    if not parts.hostname:
        return LinkResult(
            url=entry.url,
            status=LinkStatus.DEAD,
            reason="not a valid web address (no host name)",
            notes=entry.notes,
        )
    policy = AddressPolicy(allow_private=settings.allow_private_addresses)
    why = url_refusal(entry.target, policy, loopback_ok=is_loopback_name(parts.hostname))
    if why is not None:
        return LinkResult(
            url=entry.url, status=LinkStatus.EXCLUDED, reason=explain(why), notes=entry.notes
        )
    return None


def from_cache(cached: LinkResult, entry: Entry, settings: LinkSettings) -> LinkResult:
    result = replace(cached, url=entry.url, notes=entry.notes)
    # The accepted codes may have changed since the verdict was stored.
    if result.http_status in settings.accepted_status and result.status is not LinkStatus.ALIVE:
        result = replace(
            result,
            status=LinkStatus.ALIVE,
            reason=f"answered {result.http_status}, accepted by the settings",
        )
    return result
