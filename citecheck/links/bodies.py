"""Reading what a server sends without letting it choose how much: bodies and headers, bounded.

A cited page may be hostile or merely broken. httpx decodes a gzip chunk in
one call, so 64 KiB off the wire can become 64 MB in memory before anyone
counts; here every decoding step is asked for at most ``_STEP`` bytes
(zlib's ``max_length``), the *decoded* bytes are counted against the cap,
and reading stops the moment the cap is reached. Only codings the standard
library can decode in bounded steps are asked for (``gzip, deflate``); a
body in another coding (brotli, zstd) is not read at all, and the verdict
rests on the status. Wire bytes are capped too (twice the decoded cap), so a
stream that decodes to nothing cannot run on. Headers past ``MAX_HEADERS``
or ``MAX_HEADER_BYTES`` are refused, as browsers refuse them.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import httpx

__all__ = [
    "ACCEPT_ENCODING",
    "MAX_HEADERS",
    "MAX_HEADER_BYTES",
    "BodyDecoder",
    "header_problem",
    "read_body",
]

ACCEPT_ENCODING = "gzip, deflate"
MAX_HEADERS = 256
MAX_HEADER_BYTES = 100 * 1024  # what h11 allows for HTTP/1.1; checked here for HTTP/2 too
_STEP = 64 * 1024  # the most one decoding step may produce


class _Inflate:
    """One gzip or deflate layer, decoded at most ``limit`` bytes at a time."""

    def __init__(self, coding: str) -> None:
        self._deflate = coding == "deflate"
        # gzip: the gzip wrapper; deflate: the zlib wrapper, raw deflate if that fails.
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 16 if not self._deflate else zlib.MAX_WBITS)
        self._started = False
        self._pending = b""

    def push(self, data: bytes) -> None:
        self._pending += data

    def pull(self, limit: int) -> bytes:
        if not self._pending or self._z.eof:
            return b""
        try:
            out = self._z.decompress(self._pending, limit)
        except zlib.error:
            if not (self._deflate and not self._started):
                raise
            # Some servers send raw deflate for "deflate" (as browsers accept).
            self._z = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._z.decompress(self._pending, limit)
        self._started = True
        self._pending = self._z.unconsumed_tail
        return out


class BodyDecoder:
    """The content codings of one response, undone in bounded steps."""

    def __init__(self, content_encoding: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        self.unsupported = [c for c in codings if c not in {"gzip", "x-gzip", "deflate"}]
        # Applied in the order listed, so undone in reverse.
        self._layers = [_Inflate("deflate" if c == "deflate" else "gzip") for c in codings[::-1]]

    @property
    def decodable(self) -> bool:
        return not self.unsupported

    def feed(self, raw: bytes) -> Iterator[bytes]:
        """The decoded pieces of ``raw`` (each at most 64 KiB), produced only as they are taken."""
        return self._through(0, raw)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._layers):
            if data:
                yield data
            return
        layer = self._layers[index]
        layer.push(data)
        while piece := layer.pull(_STEP):
            yield from self._through(index + 1, piece)


def header_problem(headers: httpx.Headers) -> str | None:
    """Why these response headers are more than any browser accepts, or None."""
    raw = headers.raw
    if len(raw) > MAX_HEADERS:
        return f"the server sent {len(raw)} headers (browsers give up long before)"
    size = sum(len(name) + len(value) + 4 for name, value in raw)
    if size > MAX_HEADER_BYTES:
        return f"the server sent {size // 1024} KiB of headers (browsers give up long before)"
    return None


async def read_body(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """Up to ``limit`` decoded bytes of the body, and whether that was all of it.

    A body in a coding that cannot be decoded in bounded steps is not read:
    ``(b"", False)``.
    """
    try:
        whole = response.content  # a transport that hands over whole, decoded bodies (mocks)
    except httpx.ResponseNotRead:
        pass
    else:
        return whole[:limit], len(whole) <= limit
    decoder = BodyDecoder(response.headers.get("content-encoding", ""))
    if not decoder.decodable:
        return b"", False
    chunks: list[bytes] = []
    total = 0
    wire = 0
    async for raw in response.aiter_raw():
        wire += len(raw)
        for piece in decoder.feed(raw):
            chunks.append(piece)
            total += len(piece)
            if total > limit:
                return b"".join(chunks)[:limit], False
        if wire > 2 * limit:
            return b"".join(chunks), False
    return b"".join(chunks), True
