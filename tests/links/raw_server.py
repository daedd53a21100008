"""A loopback TCP server saying whatever a test scripts, byte by byte: broken and hostile HTTP.

``links_testweb`` speaks correct HTTP; the hostile-page tests need answers no
correct server sends (a drip, endless headers, a reset mid-body, garbled
chunks). Each ``RawServer`` listens on its own 127.0.0.x address in a
background thread and runs ``script(reader, writer)`` for every connection,
after reading the request head. It counts connections and the bytes the
script wrote, and cancels every script when closed.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import Awaitable, Callable

__all__ = ["RawServer", "Script"]

Script = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
# Addresses of their own, apart from the test web's (127.0.10.x and up).
_ADDRESSES = (f"127.0.{a}.{b}" for a, b in itertools.product(range(3, 9), range(2, 250)))


class RawServer:
    def __init__(self, script: Script) -> None:
        self.address = next(_ADDRESSES)
        self.connections = 0
        self.requests: list[bytes] = []
        self._script = script
        self._loop = asyncio.new_event_loop()
        self._tasks: set[asyncio.Task[None]] = set()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._listen(), self._loop)
        self._server = future.result(10)
        self.port = int(self._server.sockets[0].getsockname()[1])

    def url(self, path: str = "/") -> str:
        return f"http://{self.address}:{self.port}{path}"

    async def _listen(self) -> asyncio.AbstractServer:
        return await asyncio.start_server(self._serve, self.address, 0)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self.connections += 1
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            self.requests.append(head.split(b"\r\n", 1)[0])
            await self._script(reader, writer)
        except (asyncio.CancelledError, ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()

    def close(self) -> None:
        async def stop() -> None:
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()
