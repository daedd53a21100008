"""The link checker: every distinct cited URL asked once, politely, and judged without crying wolf.

How one URL is checked:

1. Normalise it (``urls.normalise_url``); notes citing the same address
   share one check. Excluded, non-web and cached addresses stop here.
2. Ask with HEAD, following redirects by hand so every hop is recorded and
   loops are caught. A HEAD that fails, is refused (405, 501, 403, 400...)
   or lies (404 where GET gives 200) is followed by a GET. A HEAD that finds
   an HTML page is followed by a GET too, because the checks stage needs the
   page's title, metadata and text; once a host has shown that, its later
   URLs go straight to GET (HEAD would only double the requests).
3. A GET streams and stops at ``max_bytes``: never a whole 30 MB page.
4. Timeouts, 5xx and 429 are retried (tenacity: exponential backoff with
   jitter, or exactly what ``Retry-After`` says, capped by
   ``max_retry_after``). A 429 also lowers the host's concurrency
   (``hosts.HostGate``).
5. Judge (``classify``), test for a soft 404 against a made-up sibling
   address (``soft404``), check the ``#fragment`` (``fragments``), read the
   page (``page``), store the verdict as soon as it is known (``cache``).

If the network turns out to be down (``offline``), the run stops at once and
every unchecked link is reported ``offline``.
"""

from __future__ import annotations

import asyncio
import importlib.util
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    stop_after_attempt,
    wait_random_exponential,
)

from citecheck.config import LinkSettings
from citecheck.links.cache import LinkCache
from citecheck.links.classify import (
    NetworkFailure,
    challenge_reason,
    login_redirect,
    network_failure,
    status_verdict,
)
from citecheck.links.fragments import fragment_note
from citecheck.links.hosts import Gates, HostGate, host_key
from citecheck.links.offline import (
    OfflineWatch,
    dns_answers,
    is_ip_address,
    is_local_host,
    is_network_available,
)
from citecheck.links.page import Page, read_page
from citecheck.links.pools import HostPools
from citecheck.links.soft404 import (
    Observation,
    compare,
    is_home_page_redirect,
    probe_key,
    probe_url,
    says_not_found,
)
from citecheck.links.urls import doi_target, normalise_url, without_fragment
from citecheck.model import LinkResult, LinkStatus

__all__ = ["check_links", "parse_retry_after", "quota_wait"]

_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_MAX_REDIRECTS = 10
_BACKOFF = 0.5  # seconds; the first retry waits up to this, then doubling
_HEAD_REFUSED = {400, 403, 405, 406, 501}
_READABLE = ("text/html", "application/xhtml+xml", "text/", "application/pdf", "application/xml")
_RETRIED = {429, 500}  # and 502-599; 501 is a definite "no", 999 is a bot wall
_TRANSIENT = (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError)
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8"


# --------------------------------------------------------------------------
# What the wire said
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Answer:
    """One HTTP exchange after its retries: a response, or why there was none."""

    url: str
    method: str
    status: int | None = None
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    body: bytes = b""
    complete: bool = False
    attempts: int = 1
    failure: tuple[str, str] | None = None  # (NetworkFailure kind, reason)

    @property
    def content_type(self) -> str:
        return str(self.headers.get("content-type", ""))


@dataclass(frozen=True, slots=True)
class _Fetch:
    """A walk through redirects: each hop, the final answer, or a loop."""

    answer: _Answer
    hops: tuple[tuple[str, int], ...] = ()  # (url that redirected, its status)
    loop: str | None = None  # why the walk was abandoned

    @property
    def redirects(self) -> tuple[str, ...]:
        return (*(url for url, _ in self.hops[1:]), self.answer.url) if self.hops else ()


class _Retry(Exception):
    """A response worth asking again (429 or 5xx), carried through tenacity."""

    def __init__(self, answer: _Answer, retry_after: float | None) -> None:
        super().__init__(answer.status)
        self.answer = answer
        self.retry_after = retry_after


class _Offline(Exception):
    """The run was declared offline while this request waited."""


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP-date."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def quota_wait(headers: httpx.Headers, *, now: float | None = None) -> float | None:
    """Seconds until a used-up rate-limit quota refills, or None when it is not used up.

    Reads GitHub's ``X-RateLimit-Remaining``/``X-RateLimit-Reset`` (epoch
    seconds) and the IETF draft's ``RateLimit-Remaining``/``RateLimit-Reset``
    (delta seconds) or ``RateLimit: remaining=0, reset=30``.
    """
    fields = {
        key.strip().lower(): value.strip()
        for key, _, value in (
            part.partition("=") for part in headers.get("ratelimit", "").split(",")
        )
    }
    remaining = fields.get("remaining") or headers.get("ratelimit-remaining")
    remaining = remaining or headers.get("x-ratelimit-remaining")
    if remaining is None or remaining.strip() != "0":
        return None
    reset = fields.get("reset") or headers.get("ratelimit-reset")
    reset = reset or headers.get("x-ratelimit-reset")
    try:
        value = float(reset or "")
    except ValueError:
        return 1.0  # used up, refill time unknown: a short pause
    if value > 1e9:  # an epoch time, as GitHub sends
        return max(0.0, value - (time.time() if now is None else now))
    return max(0.0, value)


async def _read_capped(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """Up to ``limit`` decoded bytes of the body, and whether that was all of it."""
    chunks: list[bytes] = []
    total = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return b"".join(chunks)[:limit], False
    return b"".join(chunks), True


def _readable(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return not media or media.startswith(_READABLE)


# --------------------------------------------------------------------------
# One run
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    """One distinct URL of the run."""

    key: str  # normalised, fragment included: the cache key
    url: str  # the first spelling cited
    notes: tuple[str, ...]
    target: str  # what is fetched: no fragment; DOIs aimed at the resolver
    fragment: str
    doi: bool


class _Run:
    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: LinkSettings,
        watch: OfflineWatch,
    ) -> None:
        self.client = client
        self.settings = settings
        self.watch = watch
        self.gates = Gates(
            max_concurrency=settings.max_concurrency,
            per_host=settings.per_host,
            per_host_limits=settings.per_host_limits,
        )
        self._pages: dict[str, asyncio.Task[_Fetch]] = {}
        self._probes: dict[str, asyncio.Task[Observation | None]] = {}
        self._backoff = wait_random_exponential(multiplier=_BACKOFF, max=settings.max_retry_after)

    # -- one exchange, with retries ------------------------------------------

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome is not None else None
        if isinstance(error, _Retry) and error.retry_after is not None:
            return min(error.retry_after, self.settings.max_retry_after)
        backoff: float = self._backoff(state)
        return backoff

    async def _exchange(
        self, method: str, url: str, *, retries: int | None = None, first: bool = False
    ) -> _Answer:
        gate = self.gates.host(host_key(url))
        attempts = 0

        def worth_retrying(state: RetryCallState) -> bool:
            error = state.outcome.exception() if state.outcome is not None else None
            if isinstance(error, _Retry):
                return method == "GET" or error.answer.status in {403, 429}
            if method == "GET" and isinstance(error, _TRANSIENT):
                # Each try can cost a whole timeout: one more is enough.
                return state.attempt_number < 2
            if method == "GET" and isinstance(error, httpx.ConnectError):
                # A server restarting refuses for a moment: ask once more before "dead".
                refused = network_failure(error)[0] == NetworkFailure.REFUSED
                return refused and state.attempt_number < 2
            # A HEAD that times out or drops is not retried: the GET follows.
            return False

        tries = (self.settings.retries if retries is None else retries) + 1
        retrying = AsyncRetrying(
            stop=stop_after_attempt(max(1, tries)),
            wait=self._wait,
            retry=worth_retrying,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    attempts += 1
                    answer = await self._send(method, url, gate, attempts, first=first)
                    if answer.status in _RETRIED or 502 <= (answer.status or 0) <= 599:
                        retry_after = parse_retry_after(answer.headers.get("retry-after"))
                        raise _Retry(answer, retry_after)
                    if answer.status == 403 and (wait := quota_wait(answer.headers)) is not None:
                        raise _Retry(answer, wait)  # GitHub says 403 when the quota is spent
                    return answer
        except _Retry as retry:
            return retry.answer
        except httpx.HTTPError as error:
            failure = network_failure(error)
            if failure[0] == NetworkFailure.NO_SUCH_HOST and not await self.watch.dns_works():
                failure = (
                    NetworkFailure.NETWORK_DOWN,
                    "unverified: DNS knows no name at all, not even well-known ones "
                    "(no network, or a broken resolver)",
                )
            if failure[0] == NetworkFailure.NETWORK_DOWN:
                # Told at once, before anyone waiting on this host is let go.
                self.watch.network_down(gate.name, failure[1])
            return _Answer(url=url, method=method, attempts=attempts, failure=failure)
        raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover

    async def _send(
        self, method: str, url: str, gate: HostGate, attempts: int, *, first: bool = False
    ) -> _Answer:
        if self.watch.offline:
            raise _Offline
        async with self.gates.slot(gate, first=first) as sent_with:
            if self.watch.offline:
                raise _Offline
            loop = asyncio.get_running_loop()
            started = loop.time()
            request = self.client.build_request(method, url)
            response = await self.client.send(request, stream=True)
            try:
                self.watch.answered()
                status = response.status_code
                cap = self.settings.max_retry_after
                if status == 429:
                    retry_after = parse_retry_after(response.headers.get("retry-after"))
                    capped = None if retry_after is None else min(retry_after, cap)
                    gate.throttle(capped, sent_with=sent_with)
                else:
                    gate.answered(loop.time() - started)
                if (wait := quota_wait(response.headers)) is not None:
                    gate.pause(min(wait, cap))  # the next request would be refused anyway
                body, complete = b"", False
                wanted = _readable(response.headers.get("content-type", "")) or status >= 400
                if method == "GET" and status not in _REDIRECTS and wanted:
                    body, complete = await _read_capped(response, self.settings.max_bytes)
            finally:
                await response.aclose()
        return _Answer(
            url=url,
            method=method,
            status=status,
            headers=response.headers,
            body=body,
            complete=complete,
            attempts=attempts,
        )

    # -- redirects and the HEAD/GET plan -------------------------------------

    async def _walk(
        self, method: str, url: str, *, retries: int | None = None, first: bool = False
    ) -> _Fetch:
        hops: list[tuple[str, int]] = []
        seen = {normalise_url(url)}
        current = url
        while True:
            answer = await self._exchange(method, current, retries=retries, first=first)
            location = answer.headers.get("location") if answer.status in _REDIRECTS else None
            if not location:
                return _Fetch(answer=answer, hops=tuple(hops))
            hops.append((current, answer.status or 0))
            following = urljoin(current, location.strip())
            if normalise_url(following) in seen:
                return _Fetch(
                    answer=answer, hops=tuple(hops), loop=f"redirect loop back to {following}"
                )
            if len(hops) >= _MAX_REDIRECTS:
                return _Fetch(
                    answer=answer, hops=tuple(hops), loop=f"more than {_MAX_REDIRECTS} redirects"
                )
            seen.add(normalise_url(following))
            current = following  # a 303 asks for GET next; HEAD stays HEAD either way

    def fetch(self, target: str) -> asyncio.Task[_Fetch]:
        """The shared fetch of one address (URLs differing only by fragment share it)."""
        task = self._pages.get(target)
        if task is None:
            task = asyncio.ensure_future(self._fetch(target))
            self._pages[target] = task
        return task

    async def _fetch(self, url: str) -> _Fetch:
        gate = self.gates.host(host_key(url))
        first = not gate.contacted
        gate.contacted = True
        if not first:
            # Let the host's first answer teach us (HEAD useful? limit?) before a burst.
            await gate.known.wait()
        try:
            if gate.use_get:
                return await self._walk("GET", url)
            head = await self._walk("HEAD", url)
            answer = head.answer
            if head.loop is not None or answer.status == 429:
                return head
            if answer.failure is not None and answer.failure[0] in {
                NetworkFailure.NO_SUCH_HOST,
                NetworkFailure.NETWORK_DOWN,
                NetworkFailure.INVALID,
                NetworkFailure.TLS,
            }:
                return head  # a GET cannot do better
            if answer.status is not None and 200 <= answer.status < 300:
                length = int(answer.headers.get("content-length", "0") or 0)
                small = length <= self.settings.max_bytes
                if not _readable(answer.content_type) or (
                    answer.content_type.startswith("application/pdf") and not small
                ):
                    return head  # a big file: HEAD said enough; never download it
                if answer.content_type.startswith(("text/html", "application/xhtml")):
                    gate.use_get = True
                if first:
                    gate.known.set()
                tail = await self._walk("GET", answer.url)
                return _Fetch(answer=tail.answer, hops=head.hops + tail.hops, loop=tail.loop)
            if answer.status in {405, 501}:
                gate.use_get = True
            if first:
                gate.known.set()
            return await self._walk("GET", url)  # refused, failed or lying: ask properly
        finally:
            if first:
                gate.known.set()

    def probe(self, target: str) -> asyncio.Task[Observation | None]:
        key = probe_key(target)
        task = self._probes.get(key)
        if task is None:
            task = asyncio.ensure_future(self._probe(target))
            self._probes[key] = task
        return task

    async def _probe(self, target: str) -> Observation | None:
        made_up = probe_url(target)
        # Every page of the directory waits for this answer: it jumps the host's queue.
        walk = await self._walk("GET", made_up, retries=1, first=True)
        answer = walk.answer
        if answer.status is None or walk.loop is not None:
            return None
        page = read_page(answer.body, content_type=answer.content_type, complete=answer.complete)
        return Observation(
            url=made_up,
            status=answer.status,
            final_url=answer.url,
            redirected=bool(walk.hops),
            title=page.title,
            text=page.text,
        )

    # -- judging --------------------------------------------------------------

    async def check(self, entry: _Entry) -> LinkResult:
        host = host_key(entry.target)
        gate = self.gates.host(host)
        gate.pending += 1
        try:
            walk = await self.fetch(entry.target)
            return await self._judge(entry, walk)
        finally:
            gate.pending -= 1

    async def _judge(self, entry: _Entry, walk: _Fetch) -> LinkResult:
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
            return replace(
                result, status=LinkStatus.DEAD, reason=f"{walk.loop}; readers never arrive"
            )
        if answer.failure is not None:
            kind, why = answer.failure
            if kind == NetworkFailure.NETWORK_DOWN:
                return replace(result, status=LinkStatus.OFFLINE, reason=why)
            if kind in {NetworkFailure.TIMEOUT, NetworkFailure.DROPPED}:
                tries = f" ({answer.attempts} tries)" if answer.attempts > 1 else ""
                return replace(result, status=LinkStatus.TIMEOUT, reason=why + tries)
            return replace(result, status=LinkStatus.DEAD, reason=why)
        status = answer.status or 0
        page = Page(kind="other")
        if 200 <= status < 300 or status >= 400:
            page = read_page(
                answer.body, content_type=answer.content_type, complete=answer.complete
            )

        if status in self.settings.accepted_status:
            accepted = replace(result, reason=f"answered {status}, accepted by the settings")
            return self._with_page(accepted, page, entry, complete=answer.complete)
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
        soft = await self._soft_dead(entry, walk, page)
        if soft is not None:
            soft_dead = replace(result, status=LinkStatus.SOFT_DEAD, reason=soft)
            return self._with_page(soft_dead, page, entry, complete=answer.complete)
        verdict, why = self._redirect_verdict(entry, walk, status)
        judged = replace(result, status=verdict, reason=why)
        return self._with_page(judged, page, entry, complete=answer.complete)

    def _redirect_verdict(self, entry: _Entry, walk: _Fetch, status: int) -> tuple[LinkStatus, str]:
        final = walk.answer.url
        if not walk.hops:
            return LinkStatus.ALIVE, f"the page answered {status}"
        if entry.doi:
            return LinkStatus.ALIVE, f"the DOI resolves to {final} ({status})"
        # The citation should follow only the permanent moves at the start of
        # the chain: after a temporary hop, the address before it stays right.
        moved_to: str | None = None
        code = 0
        for index, (_, hop_status) in enumerate(walk.hops):
            if hop_status not in _PERMANENT:
                break
            moved_to = walk.hops[index + 1][0] if index + 1 < len(walk.hops) else final
            code = hop_status
        if moved_to is not None and not _same_page(entry.target, moved_to):
            return (
                LinkStatus.REDIRECTED,
                f"moved permanently ({code}) to {moved_to}; cite the new address",
            )
        first = walk.hops[0][1]
        kind = "a trivial" if moved_to is not None else f"a temporary ({first})"
        return LinkStatus.ALIVE, f"the page answered {status} after {kind} redirect to {final}"

    async def _soft_dead(self, entry: _Entry, walk: _Fetch, page: Page) -> str | None:
        final = walk.answer.url
        # A DOI's single hop to its landing page is the resolver's job, not a move.
        resolver_only = entry.doi and len(walk.hops) == 1
        if walk.hops and not resolver_only and is_home_page_redirect(entry.target, final):
            return f"it redirects to the site's home page ({final}): the page is gone"
        probed: Observation | None = None
        if self.settings.probe_soft_404 and page.kind in {"html", "text"}:
            probed = await self.probe(final if entry.doi else entry.target)
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

    @staticmethod
    def _with_page(result: LinkResult, page: Page, entry: _Entry, *, complete: bool) -> LinkResult:
        note = fragment_note(entry.fragment, page.anchors, kind=page.kind, complete=complete)
        return replace(
            result,
            reason=result.reason + (note or ""),
            page_title=page.title,
            page_meta=page.meta,
            page_text=page.text,
        )

    async def aclose(self) -> None:
        """Cancel shared fetches and probes nobody waits for any more."""
        tasks = (*self._pages.values(), *self._probes.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _same_page(a: str, b: str) -> bool:
    """Addresses that differ only by a trailing slash."""
    return normalise_url(a).rstrip("/") == normalise_url(b).rstrip("/")


# --------------------------------------------------------------------------
# The public verb
# --------------------------------------------------------------------------


def _entries(cited: Mapping[str, Sequence[str]], settings: LinkSettings) -> list[_Entry]:
    grouped: dict[str, tuple[str, list[str]]] = {}
    for url, notes in cited.items():
        key = normalise_url(url)
        _, labels = grouped.setdefault(key, (url.strip(), []))
        labels.extend(label for label in notes if label not in labels)
    entries: list[_Entry] = []
    for key, (url, labels) in grouped.items():
        base, fragment = without_fragment(key)
        doi = doi_target(key, resolver=settings.doi_resolver)
        entries.append(
            _Entry(
                key=key,
                url=url,
                notes=tuple(labels),
                target=doi if doi is not None else base,
                fragment="" if doi is not None else fragment,
                doi=doi is not None,
            )
        )
    return entries


def _not_checked(entry: _Entry, settings: LinkSettings) -> LinkResult | None:
    """The verdict for an address that needs no request: excluded or not a web address."""
    for pattern in settings.excludes:
        if re.search(pattern, entry.url) or re.search(pattern, entry.key):
            return LinkResult(
                url=entry.url,
                status=LinkStatus.EXCLUDED,
                reason=f"excluded by the setting '{pattern}'",
                notes=entry.notes,
            )
    parts = urlsplit(entry.target)
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
    return None


def _offline(entry: _Entry, reason: str) -> LinkResult:
    return LinkResult(url=entry.url, status=LinkStatus.OFFLINE, reason=reason, notes=entry.notes)


async def check_links(
    cited: Mapping[str, Sequence[str]],
    settings: LinkSettings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Callable[[LinkResult], None] | None = None,
) -> tuple[LinkResult, ...]:
    """Check every distinct URL once; one ``LinkResult`` per distinct URL, in citing order.

    Args:
        cited: each URL as cited -> labels of the notes citing it. Spellings
            of one address (case of scheme/host, default port, a bare ``#``)
            are merged; their notes are joined in the result.
        settings: timeouts, limits, retries, cache, excludes... (``LinkSettings``).
        transport: an httpx transport to use instead of the network (tests,
            or a proxy set-up); the up-front route check is skipped then.
        progress: called with each result as soon as it is known.

    The result's ``url`` is the first spelling cited; join other spellings
    with ``normalise_url``. Never raises for a bad link: every failure is a
    verdict with a reason.
    """
    entries = _entries(cited, settings)
    results: dict[str, LinkResult] = {}
    cache = (
        LinkCache(settings.cache_path, max_age=settings.cache_max_age)
        if settings.cache_path is not None
        else None
    )

    def finish(entry: _Entry, result: LinkResult) -> None:
        results[entry.key] = result
        if cache is not None:
            cache.put(entry.key, result)
        if progress is not None:
            progress(result)

    try:
        to_check: list[_Entry] = []
        now = datetime.now(UTC)
        for entry in entries:
            skipped = _not_checked(entry, settings)
            if skipped is not None:
                finish(entry, skipped)
                continue
            cached = cache.get(entry.key, now=now) if cache is not None else None
            if cached is not None:
                finish(entry, _from_cache(cached, entry, settings))
                continue
            to_check.append(entry)

        if settings.offline:
            for entry in to_check:
                finish(entry, _offline(entry, "offline: not checked (offline mode was asked for)"))
            to_check = []
        elif transport is None and to_check:
            to_check = await _without_network(to_check, settings, finish)

        if to_check:
            await _check_all(to_check, settings, transport, finish)
    finally:
        if cache is not None:
            cache.close()
    return tuple(results[entry.key] for entry in entries)


async def _without_network(
    entries: list[_Entry], settings: LinkSettings, finish: Callable[[_Entry, LinkResult], None]
) -> list[_Entry]:
    """Report remote links offline when the machine has no route or DNS knows nothing.

    Both are asked before the checks start: once dozens of lookups are queued
    behind a resolver that answers nothing, the run would wait on them all.
    Returns the entries still to check.
    """
    remote = [e for e in entries if not is_local_host(host_key(e.target))]
    if not remote:
        return entries
    if not is_network_available():
        reason = "offline: this machine has no route to the Internet; rerun when connected"
        down = remote
    else:
        down = [e for e in remote if not is_ip_address(host_key(e.target))]
        if not down or await dns_answers(settings.dns_canaries):
            return entries
        reason = (
            "offline: DNS knows no name at all, not even well-known ones "
            "(no network, or a broken resolver); rerun when connected"
        )
    for entry in down:
        finish(entry, _offline(entry, reason))
    gone = {id(entry) for entry in down}
    return [e for e in entries if id(e) not in gone]


def _from_cache(cached: LinkResult, entry: _Entry, settings: LinkSettings) -> LinkResult:
    result = replace(cached, url=entry.url, notes=entry.notes)
    # The accepted codes may have changed since the verdict was stored.
    if result.http_status in settings.accepted_status and result.status is not LinkStatus.ALIVE:
        result = replace(
            result,
            status=LinkStatus.ALIVE,
            reason=f"answered {result.http_status}, accepted by the settings",
        )
    return result


async def _check_all(
    entries: list[_Entry],
    settings: LinkSettings,
    transport: httpx.AsyncBaseTransport | None,
    finish: Callable[[_Entry, LinkResult], None],
) -> None:
    watch = OfflineWatch(
        hosts_in_run=len({host_key(e.target) for e in entries}),
        dns_canaries=settings.dns_canaries,
    )
    timeout = httpx.Timeout(settings.timeout, connect=settings.connect_timeout, pool=None)
    if transport is None:
        widest = max((limit for _, limit in settings.per_host_limits), default=1)
        transport = HostPools(
            http2=importlib.util.find_spec("h2") is not None,
            keepalive_per_host=max(settings.per_host, widest),
        )
    async with httpx.AsyncClient(
        transport=transport,
        timeout=timeout,
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent, "Accept": _ACCEPT},
    ) as client:
        run = _Run(client, settings, watch)
        tasks = {asyncio.ensure_future(run.check(entry)): entry for entry in entries}
        # Finished checks arrive through a queue (asyncio.wait over thousands of
        # tasks, again after each one, costs quadratic time); None means offline.
        arrivals: asyncio.Queue[asyncio.Task[LinkResult] | None] = asyncio.Queue()
        for task in tasks:
            task.add_done_callback(arrivals.put_nowait)
        stop = asyncio.ensure_future(watch.event.wait())
        stop.add_done_callback(lambda _: arrivals.put_nowait(None))
        try:
            unfinished = set(tasks)
            while unfinished:
                arrived = await arrivals.get()
                if arrived is None:
                    break
                unfinished.discard(arrived)
                error = arrived.exception()
                if isinstance(error, _Offline):
                    finish(tasks[arrived], _offline(tasks[arrived], watch.reason))
                elif error is not None:
                    raise error
                else:
                    finish(tasks[arrived], arrived.result())
            for task in unfinished:  # only when the run went offline
                task.cancel()
            await asyncio.gather(*unfinished, return_exceptions=True)
            for task in unfinished:
                finish(tasks[task], _offline(tasks[task], watch.reason))
        finally:
            stop.cancel()
            for task in tasks:
                task.cancel()
            await asyncio.gather(stop, *tasks, return_exceptions=True)
            await run.aclose()
