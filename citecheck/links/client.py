"""The checker's client: each request handed straight to the transport, cookies still kept.

``httpx.AsyncClient`` runs every exchange through its auth and redirect
machinery and an event hook, feeds every response to its cookie jar through
urllib's cookie policy, and builds the next request of a redirect it was
told not to follow. The checker sends no credentials and walks redirects
itself (``fetching.Fetcher.walk``), so all that was about a fifth of a link
check's CPU in a 20,000-URL batch for nothing. This client builds the
request and asks the transport (citecheck's own HTTP/1.1, httpx's through a
proxy, or a test's); cookies are kept as a browser would, since a site that
sets one on a redirect and wants it back would otherwise loop, but only the
answers that set one go through the jar.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType

import httpx

__all__ = ["LinkClient"]


class LinkClient:
    """``async with LinkClient(transport, ...) as client: await client.send("GET", url)``.

    ``send`` returns the response with its body still to read (as httpx's
    ``send(..., stream=True)``); the caller closes it. Leaving the block closes
    the transport.
    """

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport,
        *,
        timeout: httpx.Timeout,
        headers: Mapping[str, str],
    ) -> None:
        self._transport = transport
        self._timeouts = timeout.as_dict()
        self._headers = httpx.Headers(headers)
        self._cookies = httpx.Cookies()

    async def send(self, method: str, url: str) -> httpx.Response:
        """One exchange: raises httpx's errors (``InvalidURL``, ``ConnectError`` ...)."""
        request = httpx.Request(
            method, url, headers=self._headers, extensions={"timeout": dict(self._timeouts)}
        )
        if self._cookies.jar:  # the cookie policy's work only once a site has set one
            self._cookies.set_cookie_header(request)
        response = await self._transport.handle_async_request(request)
        response.request = request
        if "set-cookie" in response.headers:
            self._cookies.extract_cookies(response)
        return response

    def cookies_for(self, url: str) -> str:
        """The ``Cookie`` header a request to ``url`` would carry now ("" when none)."""
        if not self._cookies.jar:
            return ""
        try:
            request = httpx.Request("GET", url)
        except httpx.InvalidURL:
            return ""  # the request itself will say what is wrong
        self._cookies.set_cookie_header(request)
        return str(request.headers.get("cookie", ""))

    async def __aenter__(self) -> LinkClient:
        await self._transport.__aenter__()
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None = None,
        error: BaseException | None = None,
        trace: TracebackType | None = None,
    ) -> None:
        await self._transport.__aexit__(kind, error, trace)
