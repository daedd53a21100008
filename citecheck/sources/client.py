"""Asking the bibliographic services: once per distinct request, at the pace they ask for.

* One ``httpx.AsyncClient`` for the whole stage; one ``Service`` per index
  (Crossref, OpenAlex, CourtListener), each with one global pace (a request
  every 1/rate seconds, started in order) and a small concurrency limit.
* Crossref says its limit in ``X-Rate-Limit-Limit``/``X-Rate-Limit-Interval``;
  the pace follows it (a little under it, so a burst never trips it). A 429
  is retried after ``Retry-After`` and slows the service's pace down, never
  below one request every ``SLOWEST_INTERVAL`` seconds (or its stated rate).
  A service that keeps refusing (``MOST_REFUSALS`` 429s in a row, or for
  ``REFUSAL_BUDGET`` seconds, or asking to wait longer than
  ``max_retry_after``) is *refusing*: like a service down, it is not asked
  again in the run and its remaining lookups are unverified at once.
* Timeouts, 429 and 5xx are retried (tenacity). A connection that cannot be
  made, or a host name that does not resolve, marks the service *down* at
  once: every lookup of it becomes unverified without another request, and
  the run reports it once.
* Identical requests share one answer (an in-flight future per key), and
  answers are cached with their age (``AnswerCache``): a rerun asks nothing.
* A 200 that is not the API's JSON envelope (a proxy's HTML page, a
  ``"message": null``) is no answer: its ``problem`` says what came back, it
  is never cached, and nothing is concluded from it (``shape``).
* A 401/403 names the setting to check (``Service.credential``).
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urlencode, urlsplit

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)

from citecheck.links.checker import parse_retry_after
from citecheck.links.offline import is_local_host, is_network_available
from citecheck.sources.cache import AnswerCache

__all__ = ["Answer", "Fetcher", "Pace", "Service", "Shape", "problem_of"]

# What is wrong with a JSON document as the API's envelope (None: nothing).
Shape = Callable[[object], str | None]
# Seconds a service asks to wait when an answer says "slow down" in its own way
# (0.0: it does not say how long); None when the answer is no such thing.
Busy = Callable[[int, str], float | None]

_RETRIED_STATUS = {429, 500, 502, 503, 504}
_TRANSIENT = (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError)
_DOWN = (httpx.ConnectError, httpx.UnsupportedProtocol, httpx.ProxyError)
_HEADROOM = 0.9  # stay this far under a stated rate limit: arrivals jitter on a busy machine
_RESOLVE_TIMEOUT = 3.0
_CLOCK_MARGIN = 0.1  # seconds added to a Retry-After, so the retry never lands a hair early
# 429s slow a service down, but only so far: a service refusing everything would
# otherwise push requests minutes apart and the run would never end.
SLOWEST_INTERVAL = 2.0
MOST_REFUSALS = 10  # 429s in a row (no other answer between) before a service is refusing
REFUSAL_BUDGET = 120.0  # seconds of 429s in a row before a service is refusing


@dataclass(frozen=True, slots=True)
class Answer:
    """A service's answer to one request, or why there was none (``problem``)."""

    status: int | None
    text: str = ""
    fetched_at: datetime | None = None
    from_cache: bool = False
    problem: str | None = None
    media_type: str = ""

    @property
    def ok(self) -> bool:
        """A 200 that is what the API sends (an unreadable one carries a ``problem``)."""
        return self.status == 200 and self.problem is None

    @property
    def answered(self) -> bool:
        """The service said something about the request: a usable 200, or a plain 404."""
        return self.ok or (self.status == 404 and self.problem is None)

    def json(self) -> object:
        try:
            return json.loads(self.text)
        except ValueError:
            return None


class Pace:
    """One global pace per service: request starts at least ``1/rate`` seconds apart."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / max(rate, 0.01)
        self._stated = self.interval  # the rate asked for or stated, before any 429
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            await asyncio.sleep(start - now)

    def follow(self, headers: httpx.Headers) -> None:
        """Adopt the rate the service states (Crossref's ``X-Rate-Limit-*``)."""
        limit = headers.get("x-rate-limit-limit")
        interval = headers.get("x-rate-limit-interval")
        if not limit or not interval:
            return
        found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*", interval)
        try:
            count = float(limit)
        except ValueError:
            return
        if found is None or count <= 0:
            return
        seconds = float(found.group(1)) * {"ms": 0.001, "s": 1.0, "m": 60.0}[found.group(2) or "s"]
        if seconds > 0:
            self.interval = self._stated = seconds / (count * _HEADROOM)

    def pause(self, seconds: float) -> None:
        """Nobody starts before ``seconds`` from now (a 429's ``Retry-After``); slow down too.

        Slower by half each time, but never slower than ``SLOWEST_INTERVAL``
        (or the service's own stated rate, if that is slower still).
        """
        self._next = max(self._next, time.monotonic() + seconds + _CLOCK_MARGIN)
        self.interval = min(self.interval * 1.5, max(self._stated, SLOWEST_INTERVAL))


class Service:
    """One index's address, credentials, pace and health."""

    def __init__(
        self,
        name: str,
        base: str,
        *,
        rate: float,
        concurrency: int,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        credential: str | None = None,
        busy: Busy | None = None,
        default_base: str | None = None,
    ) -> None:
        self.name = name
        self.base = base.rstrip("/")
        # Answers are cached under the service's name; at another address than its
        # default (a mirror, a stand-in) the address is part of it, so no answer of
        # one address stands for another's. At the default, the cache as ever.
        at_default = default_base is None or self.base == default_base.rstrip("/")
        self.cache_name = name if at_default else f"{name} {self.base}"
        self.pace = Pace(rate)
        self.slots = asyncio.Semaphore(max(1, concurrency))
        self.headers = dict(headers or {})
        self.params = dict(params or {})  # sent with every request, never part of a cache key
        # Where the user sets the token this service is sent ("the courtlistener-token
        # setting or CITECHECK_COURTLISTENER_TOKEN"): what a 401/403 tells them to check.
        self.credential = credential
        self.busy = busy
        self.down: str | None = None
        self.requests = 0
        self.refusals = 0  # 429s in a row, and since when (monotonic)
        self.refusing_since = 0.0
        self._reachable: asyncio.Future[str | None] | None = None

    @property
    def host(self) -> str:
        return urlsplit(self.base).hostname or ""

    @property
    def named(self) -> str:
        """ "crossref (api.crossref.org)", or the address as set when it has no host."""
        return f"{self.name} ({self.host or repr(self.base)})"

    def refused(self, status: int, text: str) -> str:
        """Why a 401/403 leaves this service's look-ups unverified, and what to check."""
        detail = ""
        try:
            found = json.loads(text)
        except ValueError:
            found = None
        if isinstance(found, Mapping) and isinstance(found.get("detail"), str):
            detail = f": {found['detail'].strip().rstrip('.')}"
        if self.credential is not None:
            return f"{self.name} refused the token (HTTP {status}{detail}), check {self.credential}"
        return f"{self.name} refused the request (HTTP {status}{detail})"

    async def reachable(self) -> str | None:
        """None when the host can be reached; else why not. Asked once, without sending a packet."""
        if self._reachable is None:
            self._reachable = asyncio.ensure_future(self._probe())
        return await asyncio.shield(self._reachable)

    async def _probe(self) -> str | None:
        host = self.host
        if not host or is_local_host(host):
            return None
        if not is_network_available():
            return f"{self.named} was not asked: this machine has no network route"
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(_RESOLVE_TIMEOUT):
                await loop.getaddrinfo(host, 443, type=socket.SOCK_STREAM)
        except (OSError, TimeoutError):
            return f"{self.named} was not asked: its name does not resolve (no DNS?)"
        return None


def problem_of(service: Service, answer: Answer) -> str:
    """Why ``answer`` settles nothing, in the words the run reports once per service.

    A result's reason lists its problems joined by "; " and the findings find
    them there again, so a problem never holds "; " itself.
    """
    problem = answer.problem or f"{service.name} answered HTTP {answer.status}"
    return problem.replace("; ", ", ").strip()


class _Retry(Exception):
    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(status)
        self.status = status
        self.retry_after = retry_after


class _GiveUp(Exception):
    """The service asked us to wait longer than ``max_retry_after``."""


class Fetcher:
    """Every request of the stage goes through here: memo, cache, pace, retries, health."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        cache: AnswerCache | None,
        *,
        retries: int,
        max_retry_after: float,
        found_max_age: float,
        not_found_max_age: float,
        deadline: float | None = None,
        most_refusals: int = MOST_REFUSALS,
        refusal_budget: float = REFUSAL_BUDGET,
    ) -> None:
        self._client = client
        # httpx's timeouts are per read: a service dripping a byte a second never
        # trips them. Each request also gets this much in all (None: no limit).
        self._deadline = deadline
        self._cache = cache
        self._retries = max(1, retries)
        self._max_retry_after = max_retry_after
        self._most_refusals = max(1, most_refusals)
        self._refusal_budget = refusal_budget
        self._found_max_age = found_max_age
        self._not_found_max_age = not_found_max_age
        self._inflight: dict[tuple[str, str], asyncio.Future[Answer]] = {}

    async def get(
        self,
        service: Service,
        path: str,
        params: Mapping[str, str] = {},
        *,
        store: bool = True,
        shape: Shape | None = None,
    ) -> Answer:
        """GET ``path`` (with ``params``) of ``service``; the same request is made once.

        ``store=False``: the answer is not cached (a batch whose parts the caller
        caches one by one with ``remember``). ``shape``: what the 200's JSON must
        look like; any other 200 is an answer with a ``problem``.
        """
        key = path + ("?" + urlencode(sorted(params.items())) if params else "")
        return await self._once(service, key, "GET", path, dict(params), None, store, shape)

    def recall(self, service: Service, key: str) -> str | None:
        """What ``remember`` stored under ``key``, while it is young enough."""
        answer = self._cached(service, key)
        return answer.text if answer is not None and answer.ok else None

    def remember(self, service: Service, key: str, text: str) -> None:
        """Cache one part of a batched answer under its own key."""
        if self._cache is not None:
            body = json.dumps({"status": 200, "text": text})
            self._cache.put(service.cache_name, key, body, datetime.now(UTC))

    async def post(
        self, service: Service, path: str, form: Mapping[str, str], *, shape: Shape | None = None
    ) -> Answer:
        """POST a form to ``path``; the same form is posted once."""
        key = "POST " + path + "?" + urlencode(sorted(form.items()))
        return await self._once(service, key, "POST", path, {}, dict(form), True, shape)

    async def _once(
        self,
        service: Service,
        key: str,
        method: str,
        path: str,
        params: dict[str, str],
        form: dict[str, str] | None,
        store: bool,
        shape: Shape | None,
    ) -> Answer:
        memo = (service.name, key)
        if memo not in self._inflight:
            self._inflight[memo] = asyncio.ensure_future(
                self._answer(service, key, method, path, params, form, store, shape)
            )
        return await asyncio.shield(self._inflight[memo])

    async def _answer(
        self,
        service: Service,
        key: str,
        method: str,
        path: str,
        params: dict[str, str],
        form: dict[str, str] | None,
        store: bool,
        shape: Shape | None,
    ) -> Answer:
        cached = self._cached(service, key) if store else None
        if cached is not None and _readable(service, cached, shape).answered:
            return cached
        if service.down is None:
            why = await service.reachable()
            if why is not None:
                service.down = why
        if service.down is not None:
            return Answer(None, problem=service.down)
        answer = _readable(service, await self._fetch(service, method, path, params, form), shape)
        if store and answer.answered and self._cache and answer.fetched_at:
            body = json.dumps({"status": answer.status, "text": answer.text})
            self._cache.put(service.cache_name, key, body, answer.fetched_at)
        return answer

    def _cached(self, service: Service, key: str) -> Answer | None:
        if self._cache is None:
            return None
        # A found record is believed longer than "no such work", which may be fixed soon.
        found = self._cache.get(service.cache_name, key, self._not_found_max_age)
        found = found or self._cache.get(service.cache_name, key, self._found_max_age)
        if found is None:
            return None
        try:
            stored = json.loads(found[0])
            status = int(stored["status"])
            text = str(stored["text"])
        except (ValueError, KeyError, TypeError):
            return None
        age = (datetime.now(UTC) - found[1]).total_seconds()
        if status != 200 and age > self._not_found_max_age:
            return None
        return Answer(status, text, fetched_at=found[1], from_cache=True)

    async def _fetch(
        self,
        service: Service,
        method: str,
        path: str,
        params: dict[str, str],
        form: dict[str, str] | None,
    ) -> Answer:
        url = service.base + path
        query = {**params, **service.params}

        def wait(state: RetryCallState) -> float:
            error = state.outcome.exception() if state.outcome else None
            if isinstance(error, _Retry) and error.retry_after is not None:
                return error.retry_after + _CLOCK_MARGIN
            return float(wait_random_exponential(multiplier=0.5, max=8.0)(state))

        try:
            async for attempt in AsyncRetrying(
                stop=stop_after_attempt(self._retries),
                wait=wait,
                retry=retry_if_exception_type((_Retry, *_TRANSIENT)),
                reraise=True,
            ):
                with attempt:
                    return await self._one(service, method, url, query, form)
        except _GiveUp as error:
            problem = service.down or f"{service.name} asked to wait {error} s; not waited"
            return Answer(None, problem=problem)
        except _Retry as retry:
            if retry.status == 429 and service.down is not None:
                return Answer(retry.status, problem=service.down)  # it is refusing now
            return Answer(
                retry.status,
                problem=f"{service.name} answered {retry.status} "
                f"{self._retries} times; its lookups are unverified",
            )
        except _TRANSIENT as error:
            return Answer(
                None, problem=f"{service.name} did not answer in time ({type(error).__name__})"
            )
        except _DOWN as error:
            # A request queued behind the first failure is told the same (once).
            if service.down is None:
                service.down = f"{service.named} cannot be reached: {str(error).rstrip('.')}"
            return Answer(None, problem=service.down)
        except httpx.HTTPError as error:
            return Answer(None, problem=f"{service.name} request failed: {error}")
        raise AssertionError("unreachable: tenacity either returns or raises")

    async def _one(
        self,
        service: Service,
        method: str,
        url: str,
        query: dict[str, str],
        form: dict[str, str] | None,
    ) -> Answer:
        if service.down is not None:
            raise httpx.ConnectError(service.down)
        async with service.slots:
            await service.pace.wait()
            if service.down is not None:
                raise httpx.ConnectError(service.down)
            service.requests += 1
            try:
                async with asyncio.timeout(self._deadline):
                    response = await self._client.request(
                        method, url, params=query or None, data=form, headers=service.headers
                    )
            except TimeoutError:
                raise httpx.ReadTimeout(
                    f"no whole answer within {self._deadline:g} s", request=None
                ) from None
        service.pace.follow(response.headers)
        status = response.status_code
        # A service may say "slow down" its own way (CourtListener: a 429 body's
        # wait_until, or citations of a 200 answered 429): the 429 path, as for a 429.
        asked = service.busy(status, response.text) if service.busy is not None else None
        refused = status == 429 or asked is not None
        if not refused:
            service.refusals = 0
        if status in _RETRIED_STATUS or refused:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            if retry_after is None and asked:
                retry_after = asked
            if refused:
                wait = retry_after if retry_after is not None else 1.0
                # Never hold the others back longer than a wait we would honour.
                service.pace.pause(min(wait, self._max_retry_after))
                self._refused(service, retry_after)
            if retry_after is not None and retry_after > self._max_retry_after:
                raise _GiveUp(f"{retry_after:.0f}")
            raise _Retry(status if status in _RETRIED_STATUS else 429, retry_after)
        answer = Answer(
            status,
            response.text,
            fetched_at=datetime.now(UTC),
            media_type=response.headers.get("content-type", ""),
        )
        if status in {401, 403}:
            return replace(answer, problem=service.refused(status, response.text))
        return answer

    def _refused(self, service: Service, retry_after: float | None) -> None:
        """Count a 429; a service that keeps refusing is not asked again (``down``)."""
        now = time.monotonic()
        if service.refusals == 0:
            service.refusing_since = now
        service.refusals += 1
        if service.down is not None:
            return
        if retry_after is not None and retry_after > self._max_retry_after:
            service.down = (
                f"{service.name} asked to wait {retry_after:.0f} s (429 Too Many Requests), "
                f"more than max-retry-after ({self._max_retry_after:g} s), "
                "not asked again in this run"
            )
        elif (
            service.refusals >= self._most_refusals
            or now - service.refusing_since >= self._refusal_budget
        ):
            service.down = (
                f"{service.name} refused (429 Too Many Requests) {service.refusals} times, "
                "not asked again in this run"
            )


def _readable(service: Service, answer: Answer, shape: Shape | None) -> Answer:
    """``answer``, or when its 200 is not the API's JSON envelope, the same with a ``problem``."""
    if shape is None or not answer.ok:
        return answer
    why: str | None
    try:
        document = json.loads(answer.text)
    except ValueError:
        why = _gist(answer)
    else:
        why = shape(document)
    if why is None:
        return answer
    return replace(
        answer, problem=f"{service.name} answered something that is not its JSON API: {why}"
    )


def _gist(answer: Answer) -> str:
    """What a body that is not JSON is: its media type and first words."""
    media = answer.media_type.split(";", 1)[0].strip() or "no media type"
    words = " ".join(re.sub(r"<[^>]*>", " ", answer.text).split())
    if not words:
        return f"an empty {media} body"
    return f"a {media} body, '{words[:80]}{'…' if len(words) > 80 else ''}'"
