"""From a fetch to a verdict: what the answers mean for the citation, said so an editor can act.

The order matters: a walk abandoned (loop, non-web target) or a network
failure decides first; then accepted codes, bot walls, the status; then,
for a page that answered 2xx, login walls, soft 404s and the redirect chain.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from citecheck.links.addresses import explain
from citecheck.links.classify import (
    NetworkFailure,
    challenge_reason,
    login_redirect,
    status_verdict,
)
from citecheck.links.entries import Entry
from citecheck.links.fetching import Fetch, Fetcher
from citecheck.links.fragments import fragment_note
from citecheck.links.page import Page, read_page
from citecheck.links.soft404 import Observation, compare, is_home_page_redirect, says_not_found
from citecheck.links.urls import normalise_url
from citecheck.model import LinkResult, LinkStatus

__all__ = ["judge"]


async def judge(entry: Entry, walk: Fetch, fetcher: Fetcher) -> LinkResult:
    """The verdict on one cited URL from what its fetch found (and the soft-404 probe)."""
    settings = fetcher.settings
    answer = walk.answer
    result = LinkResult(
        url=entry.url,
        status=LinkStatus.ALIVE,
        reason="",
        http_status=answer.status,
        final_url=answer.url if walk.hops else None,
        redirects=walk.redirects,
        checked_at=datetime.now(UTC),
        notes=entry.notes,
    )
    if walk.loop is not None:
        return replace(result, status=LinkStatus.DEAD, reason=f"{walk.loop}; readers never arrive")
    if answer.failure is not None:
        kind, why = answer.failure
        if kind == NetworkFailure.NETWORK_DOWN:
            return replace(result, status=LinkStatus.OFFLINE, reason=why)
        if kind == NetworkFailure.POLICY:
            return replace(result, status=LinkStatus.EXCLUDED, reason=explain(why))
        if kind == NetworkFailure.WAIT:
            return replace(result, status=LinkStatus.BLOCKED, reason=why)
        if kind in {NetworkFailure.TIMEOUT, NetworkFailure.DROPPED}:
            tries = f" ({answer.attempts} tries)" if answer.attempts > 1 else ""
            return replace(result, status=LinkStatus.TIMEOUT, reason=why + tries)
        return replace(result, status=LinkStatus.DEAD, reason=why)
    status = answer.status or 0
    page = Page(kind="other")
    if 200 <= status < 300 or status >= 400:
        page = read_page(answer.body, content_type=answer.content_type, complete=answer.complete)

    if status in settings.accepted_status:
        accepted = replace(result, reason=f"answered {status}, accepted by the settings")
        return _with_page(accepted, page, entry, complete=answer.complete)
    blocked = challenge_reason(status, answer.headers, page.title, answer.body)
    if blocked is not None:
        return replace(result, status=LinkStatus.BLOCKED, reason=f"unverified: {blocked}")
    if not 200 <= status < 300:
        verdict, why = status_verdict(status, attempts=answer.attempts)
        if entry.doi and status == 404 and not walk.hops:
            why = "the DOI is not registered (the resolver answered 404); check it for typos"
        return replace(result, status=verdict, reason=why)

    if walk.hops and login_redirect(walk.answer.url):
        why = f"unverified: the site sends readers to a login page ({walk.answer.url})"
        return replace(result, status=LinkStatus.BLOCKED, reason=why)
    soft = await _soft_dead(entry, walk, page, fetcher)
    if soft is not None:
        soft_dead = replace(result, status=LinkStatus.SOFT_DEAD, reason=soft)
        return _with_page(soft_dead, page, entry, complete=answer.complete)
    verdict, why = _redirect_verdict(entry, walk, status)
    judged = replace(result, status=verdict, reason=why)
    return _with_page(judged, page, entry, complete=answer.complete)


def _redirect_verdict(entry: Entry, walk: Fetch, status: int) -> tuple[LinkStatus, str]:
    final = walk.answer.url
    if not walk.hops:
        return LinkStatus.ALIVE, f"the page answered {status}"
    by = f" by a {walk.refreshed_by}" if walk.refreshed_by else ""
    if entry.doi:
        return LinkStatus.ALIVE, f"the DOI resolves{by} to {final} ({status})"
    # The citation should follow only the permanent moves at the start of
    # the chain: after a temporary hop, the address before it stays right.
    # A refresh is read as browsers and search engines read it: at once, a
    # permanent move; after a delay, a temporary one (``Hop.permanent``).
    moved_to: str | None = None
    how = ""
    for index, hop in enumerate(walk.hops):
        if not hop.permanent:
            break
        moved_to = walk.hops[index + 1].url if index + 1 < len(walk.hops) else final
        how = f"by a {hop.via}" if hop.via else f"permanently ({hop.status})"
        if hop.notice:
            how += f" after {hop.delay} s ({hop.notice})"
    if moved_to is not None and not _same_page(entry.target, moved_to):
        return LinkStatus.REDIRECTED, f"moved {how} to {moved_to}; cite the new address"
    first = walk.hops[0]
    if moved_to is None and first.via:
        kind = f"a temporary redirect (a {first.via} after {first.delay} s)"
        return LinkStatus.ALIVE, f"the page answered {status} after {kind} to {final}"
    kind = "a trivial" if moved_to is not None else f"a temporary ({first.status})"
    return LinkStatus.ALIVE, f"the page answered {status} after {kind} redirect{by} to {final}"


async def _soft_dead(entry: Entry, walk: Fetch, page: Page, fetcher: Fetcher) -> str | None:
    settings = fetcher.settings
    final = walk.answer.url
    # A DOI's single hop to its landing page is the resolver's job, not a move.
    resolver_only = entry.doi and len(walk.hops) == 1
    if walk.hops and not resolver_only and is_home_page_redirect(entry.target, final):
        by = f" by a {walk.refreshed_by}" if walk.refreshed_by else ""
        return f"it redirects{by} to the site's home page ({final}): the page is gone"
    probed: Observation | None = None
    # A DOI is probed at its landing page, never at the resolver: a made-up
    # DOI there is one more request to doi.org and says nothing of the publisher.
    resolver = urlsplit(entry.target).netloc.lower()
    on_resolver = entry.doi and (not walk.hops or urlsplit(final).netloc.lower() == resolver)
    if settings.probe_soft_404 and page.kind in {"html", "text"} and not on_resolver:
        probed = await fetcher.probe(final if entry.doi else entry.target)
        if probed is not None:
            cited = Observation(
                url=entry.target,
                status=walk.answer.status,
                final_url=final,
                redirected=bool(walk.hops),
                title=page.title,
                text=page.text,
            )
            found = compare(cited, probed)
            if found is not None:
                return found
    if probed is None and says_not_found(page.title):
        return f"the page's title says '{page.title}': a 'not found' page served with 200"
    return None


def _with_page(result: LinkResult, page: Page, entry: Entry, *, complete: bool) -> LinkResult:
    note = fragment_note(entry.fragment, page.anchors, kind=page.kind, complete=complete)
    return replace(
        result,
        reason=result.reason + (note or ""),
        page_title=page.title,
        page_meta=page.meta,
        page_text=page.text,
    )


def _same_page(a: str, b: str) -> bool:
    """Addresses that differ only by a trailing slash."""
    return normalise_url(a).rstrip("/") == normalise_url(b).rstrip("/")
