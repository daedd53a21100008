"""Asking a server: one exchange with its retries, redirects walked by hand, the HEAD/GET plan.

Everything a server can make last or grow is bounded here or below:

* **time**: each URL has a deadline for all its talking (three times
  ``timeout``, across redirects and retries; a slow drip that defeats a
  per-read timeout still ends); queueing behind our own politeness limits
  is not counted;
* **bytes**: bodies are read decoded and capped (``bodies``), headers are
  capped by count and size;
* **where**: every address, first URL and each redirect hop, passes the
  address policy (``addresses``); a redirect to anything but http(s) ends
  the walk.

The records of an exchange (``Answer``, ``Fetch``) and what a URL or a media
type says before asking live in ``answers``.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from urllib.parse import urljoin, urlsplit

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    stop_after_attempt,
    wait_random_exponential,
)

from citecheck.config import LinkSettings
from citecheck.links import addresses
from citecheck.links.addresses import AddressPolicy, AddressRefused
from citecheck.links.answers import Answer, Fetch, Hop, declared_length, looks_like_page, readable
from citecheck.links.bodies import header_problem, read_body
from citecheck.links.classify import NetworkFailure, network_failure
from citecheck.links.client import LinkClient
from citecheck.links.hosts import Gates, HostGate, Ticket, host_key
from citecheck.links.limits import parse_retry_after, quota_wait
from citecheck.links.offline import OfflineWatch
from citecheck.links.page import read_page
from citecheck.links.refresh import refresh_of
from citecheck.links.soft404 import Observation, probe_key, probe_url
from citecheck.links.urls import normalise_url

__all__ = ["Answer", "Fetch", "Fetcher", "Offline", "looks_like_page", "readable"]

REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 10
DEADLINE_TIMEOUTS = 3  # a URL's deadline, in units of ``timeout``
_BACKOFF = 0.5  # seconds; the first retry waits up to this, then doubling
_RETRIED = {429, 500}  # and 502-599; 501 is a definite "no", 999 is a bot wall
_TRANSIENT = (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError)


class _Retry(Exception):
    """A response worth asking again (429 or 5xx), carried through tenacity."""

    def __init__(self, answer: Answer, retry_after: float | None) -> None:
        super().__init__(answer.status)
        self.answer = answer
        self.retry_after = retry_after


class _WaitTooLong(Exception):
    """The server asked to be left alone for longer than ``max_retry_after``: no retry."""

    def __init__(self, answer: Answer, seconds: float) -> None:
        super().__init__(answer.status)
        self.answer = answer
        self.seconds = seconds


class Offline(Exception):
    """The run was declared offline while this request waited."""


class _DeadlineExceeded(httpx.TimeoutException):
    """The URL used up its time on the wire; never retried."""


class _Budget:
    """Seconds on the wire one URL may still spend, across redirects and retries."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.spent = 0.0

    def remaining(self) -> float:
        return self.seconds - self.spent


class Fetcher:
    """The run's requests: shared fetches per address and soft-404 probes per directory."""

    def __init__(
        self,
        client: LinkClient,
        settings: LinkSettings,
        watch: OfflineWatch,
        gates: Gates,
    ) -> None:
        self.client = client
        self.settings = settings
        self.watch = watch
        self.gates = gates
        self.policy = AddressPolicy(allow_private=settings.allow_private_addresses)
        self.deadline = DEADLINE_TIMEOUTS * settings.timeout
        self._pages: dict[str, asyncio.Future[Fetch]] = {}
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
        self,
        method: str,
        url: str,
        budget: _Budget,
        *,
        retries: int | None = None,
        first: bool = False,
    ) -> Answer:
        gate = self.gates.host(host_key(url))
        attempts = 0

        def worth_retrying(state: RetryCallState) -> bool:
            error = state.outcome.exception() if state.outcome is not None else None
            if isinstance(error, _DeadlineExceeded) or budget.remaining() <= 0:
                return False
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

        async def one_try() -> Answer:
            nonlocal attempts
            attempts += 1
            answer = await self._send(method, url, gate, attempts, budget, first=first)
            if answer.status in _RETRIED or 502 <= (answer.status or 0) <= 599:
                wait = parse_retry_after(answer.headers.get("retry-after"))
                if wait is not None and wait > self.settings.max_retry_after:
                    # Retrying sooner than asked only earns more refusals: give up at once.
                    raise _WaitTooLong(answer, wait)
                raise _Retry(answer, wait)
            if answer.status == 403 and (wait := quota_wait(answer.headers)) is not None:
                raise _Retry(answer, wait)  # GitHub says 403 when the quota is spent
            return answer

        try:
            # Nearly every exchange succeeds at once: try it before building tenacity's
            # machinery (a tenth of a batch's CPU when every exchange went through it).
            # A failure is handed to tenacity as its first attempt's outcome, so
            # which errors are retried, the waits and the stop stay tenacity's.
            try:
                return await one_try()
            except Exception as error:
                first_failure: Exception | None = error
            tries = (self.settings.retries if retries is None else retries) + 1
            retrying = AsyncRetrying(
                stop=stop_after_attempt(max(1, tries)),
                wait=self._wait,
                retry=worth_retrying,
                reraise=True,
            )
            async for attempt in retrying:
                with attempt:
                    if first_failure is not None:
                        replayed, first_failure = first_failure, None
                        raise replayed
                    return await one_try()
        except _Retry as retry:
            return retry.answer
        except _WaitTooLong as asked:
            why = (
                f"unverified: the server ({asked.answer.status}) asked the checker to wait "
                f"{asked.seconds:.0f} s, longer than max-retry-after "
                f"({self.settings.max_retry_after:g} s); try again later"
            )
            return replace(asked.answer, attempts=attempts, failure=(NetworkFailure.WAIT, why))
        except httpx.InvalidURL as error:
            failure = (NetworkFailure.INVALID, f"not a checkable address ({error})")
            return Answer(url=url, method=method, attempts=attempts, failure=failure)
        except AddressRefused as refused:
            failure = (NetworkFailure.POLICY, refused.reason)
            return Answer(url=url, method=method, attempts=attempts, failure=failure)
        except _DeadlineExceeded:
            why = (
                f"unverified: no complete answer within {self.deadline:g} s in all "
                "(the server sends too slowly)"
            )
            failure = (NetworkFailure.TIMEOUT, why)
            return Answer(url=url, method=method, attempts=attempts, failure=failure)
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
            return Answer(url=url, method=method, attempts=attempts, failure=failure)
        raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover

    async def _send(
        self,
        method: str,
        url: str,
        gate: HostGate,
        attempts: int,
        budget: _Budget,
        *,
        first: bool = False,
    ) -> Answer:
        if self.watch.offline:
            raise Offline
        async with self.gates.slot(gate, first=first) as ticket:
            if self.watch.offline:
                raise Offline
            loop = asyncio.get_running_loop()
            started = loop.time()
            remaining = budget.remaining()
            if remaining <= 0:
                raise _DeadlineExceeded("the URL's deadline had passed")
            try:
                async with asyncio.timeout(remaining):
                    return await self._talk(method, url, gate, attempts, ticket)
            except TimeoutError:
                raise _DeadlineExceeded("the URL's deadline passed") from None
            finally:
                budget.spent += loop.time() - started

    async def _talk(
        self, method: str, url: str, gate: HostGate, attempts: int, ticket: Ticket
    ) -> Answer:
        loop = asyncio.get_running_loop()
        started = loop.time()
        response = await self.client.send(method, url)
        try:
            self.watch.answered()
            status = response.status_code
            cap = self.settings.max_retry_after
            if status == 429:
                retry_after = parse_retry_after(response.headers.get("retry-after"))
                capped = None if retry_after is None else min(retry_after, cap)
                gate.throttle(capped, sent_with=ticket.sent_with)
            else:
                gate.answered(loop.time() - started, surely=ticket.surely)
            if (problem := header_problem(response.headers)) is not None:
                failure = (NetworkFailure.MALFORMED, problem)
                return Answer(url=url, method=method, attempts=attempts, failure=failure)
            if (wait := quota_wait(response.headers)) is not None:
                gate.pause(min(wait, cap))  # the next request would be refused anyway
            body, complete = b"", False
            content_type = response.headers.get("content-type", "")
            # A big PDF is never downloaded (HEAD says so first, but a GET may ask).
            big_pdf = content_type.startswith("application/pdf") and (
                declared_length(response.headers) > self.settings.max_bytes
            )
            wanted = (readable(content_type) and not big_pdf) or status >= 400
            if method == "GET" and status not in REDIRECTS and wanted:
                body, complete = await read_body(response, self.settings.max_bytes)
        finally:
            await response.aclose()
        return Answer(
            url=url,
            method=method,
            status=status,
            headers=response.headers,
            body=body,
            complete=complete,
            attempts=attempts,
            location=response.headers.get("location"),
        )

    # -- redirects and the HEAD/GET plan -------------------------------------

    async def walk(
        self,
        method: str,
        url: str,
        budget: _Budget,
        *,
        retries: int | None = None,
        first: bool = False,
    ) -> Fetch:
        hops: list[Hop] = []
        # (address, the cookies held when asking it), normalised only once there is a
        # redirect to compare: a site may send a reader back to the same address once
        # it has set a cookie (a session, a consent), and the second visit is different.
        seen: set[tuple[str, str]] = set()
        # Loopback is for a URL cited on loopback (a local preview) and where it leads.
        loopback_ok = addresses.is_loopback_name(urlsplit(url).hostname or "")
        first_cookies = self.client.cookies_for(url)
        current = url
        while True:
            why = addresses.url_refusal(current, self.policy, loopback_ok=loopback_ok)
            if why is not None:
                answer = Answer(url=current, method=method, failure=(NetworkFailure.POLICY, why))
            else:
                answer = await self._exchange(method, current, budget, retries=retries, first=first)
            if hops and answer.failure is not None and answer.failure[0] == NetworkFailure.POLICY:
                how = f" by a {hops[-1].via}" if hops[-1].via else ""
                why = f"it redirects{how} to {current}, and {answer.failure[1]}"
                answer = Answer(url=current, method=method, failure=(NetworkFailure.POLICY, why))
            location = answer.location if answer.status in REDIRECTS else None
            via, delay, notice = "", 0, ""
            # A page that moves its reader by itself (a refresh, a lone script) is a hop too.
            if not location and (refresh := refresh_of(answer)) is not None:
                location, via, delay, notice = (
                    refresh.url,
                    refresh.via,
                    refresh.delay,
                    refresh.notice,
                )
            if not location:
                return Fetch(answer=answer, hops=tuple(hops))
            hops.append(Hop(current, answer.status or 0, via, delay, notice))
            following = urljoin(current, location.strip())
            scheme = urlsplit(following).scheme.lower()
            if scheme not in {"http", "https"}:
                shown = following if len(following) <= 80 else following[:77] + "..."
                return Fetch(
                    answer=replace(answer, url=following),
                    hops=tuple(hops),
                    loop=f"it redirects to {shown}, not a web page",
                )
            cookies = self.client.cookies_for(following)
            if not seen:
                seen.add((normalise_url(url), first_cookies))
            if (key := (normalise_url(following), cookies)) in seen:
                how = f" ({via})" if via else ""
                return Fetch(
                    answer=answer, hops=tuple(hops), loop=f"redirect loop{how} back to {following}"
                )
            if len(hops) >= MAX_REDIRECTS:
                return Fetch(
                    answer=answer, hops=tuple(hops), loop=f"more than {MAX_REDIRECTS} redirects"
                )
            seen.add(key)
            current = following  # a 303 asks for GET next; HEAD stays HEAD either way

    async def fetch(self, target: str) -> Fetch:
        """The shared fetch of one address (URLs differing only by fragment share it).

        The first caller runs it in its own task and leaves the outcome in a
        future for any later caller: a task per fetch cost every URL two more
        steps of the event loop (its start, and waking the caller), though most
        addresses are cited once. Cancelling the first caller cancels the fetch
        for all, as cancelling a caller awaiting a shared task did.
        """
        shared = self._pages.get(target)
        if shared is not None:
            # Shielded: a later caller cancelled must not cancel the outcome others await.
            return await asyncio.shield(shared)
        outcome: asyncio.Future[Fetch] = asyncio.get_running_loop().create_future()
        self._pages[target] = outcome
        try:
            fetched = await self._fetch(target)
        except asyncio.CancelledError:
            outcome.cancel()
            raise
        except BaseException as error:
            outcome.set_exception(error)
            outcome.exception()  # retrieved: the first caller raises it; later ones get it too
            raise
        outcome.set_result(fetched)
        return fetched

    async def _fetch(self, url: str) -> Fetch:
        gate = self.gates.host(host_key(url))
        budget = _Budget(self.deadline)
        first = not gate.contacted
        gate.contacted = True
        if not first:
            # Let the host's first answer teach us (HEAD useful? limit?) before a burst.
            await gate.known.wait()
        try:
            if gate.use_get:
                return await self.walk("GET", url, budget)
            if first and looks_like_page(url):
                # Most cited URLs are pages, read anyway: a HEAD first would cost each
                # host one more request and its first answer one more round trip.
                walk = await self.walk("GET", url, budget)
                if walk.answer.content_type.startswith(("text/html", "application/xhtml")):
                    gate.use_get = True
                return walk
            head = await self.walk("HEAD", url, budget)
            answer = head.answer
            if head.loop is not None or answer.status == 429:
                return head
            if answer.failure is not None and answer.failure[0] in {
                NetworkFailure.NO_SUCH_HOST,
                NetworkFailure.NETWORK_DOWN,
                NetworkFailure.INVALID,
                NetworkFailure.TLS,
                NetworkFailure.POLICY,
                NetworkFailure.WAIT,
            }:
                return head  # a GET cannot do better
            if answer.status is not None and 200 <= answer.status < 300:
                small = declared_length(answer.headers) <= self.settings.max_bytes
                if not readable(answer.content_type) or (
                    answer.content_type.startswith("application/pdf") and not small
                ):
                    return head  # a big file: HEAD said enough; never download it
                if answer.content_type.startswith(("text/html", "application/xhtml")):
                    gate.use_get = True
                if first:
                    gate.known.set()
                tail = await self.walk("GET", answer.url, budget)
                return Fetch(answer=tail.answer, hops=head.hops + tail.hops, loop=tail.loop)
            if answer.status in {405, 501}:
                gate.use_get = True
            if first:
                gate.known.set()
            return await self.walk("GET", url, budget)  # refused, failed or lying: ask properly
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
        walk = await self.walk("GET", made_up, _Budget(self.deadline), retries=1, first=True)
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

    async def aclose(self) -> None:
        """Cancel the probes nobody waits for any more (a page's fetch ends with its caller)."""
        tasks = tuple(self._probes.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
