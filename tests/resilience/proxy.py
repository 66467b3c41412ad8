"""A small TCP proxy between terminals and the server that breaks the network on purpose.

Each accepted connection becomes a :class:`Link` with two pumps. A link can be

- **cut**: both sockets aborted (the terminal sees a reset);
- **held**: nothing is forwarded any more in either direction, yet both sockets stay
  open — a half-open connection that only the terminal's keep-alive can notice;
- **stalled** in one direction for a while: bytes of that direction are kept and
  delivered late, in order, when the stall ends (if the link still exists).

The proxy keeps reading both sockets while it holds or stalls them, so the server
never feels back-pressure from a faulty link (the slow-terminal path is tested
elsewhere). It only listens on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Literal

Direction = Literal["up", "down"]
"""``up``: terminal → server; ``down``: server → terminal."""


class _Gate:
    """One direction of a link: open, or keeping what arrives until released."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self.open = True
        self.kept: list[bytes] = []

    def push(self, data: bytes) -> None:
        if self.open:
            self.writer.write(data)
        else:
            self.kept.append(data)

    def release(self) -> None:
        self.open = True
        for data in self.kept:
            self.writer.write(data)
        self.kept.clear()


class Link:
    """One proxied connection."""

    def __init__(self, client: tuple[asyncio.StreamReader, asyncio.StreamWriter],
                 server: tuple[asyncio.StreamReader, asyncio.StreamWriter]) -> None:
        self._client_reader, self._client_writer = client
        self._server_reader, self._server_writer = server
        self.up = _Gate(self._server_writer)
        self.down = _Gate(self._client_writer)
        self.state: Literal["ok", "held", "stalled", "closed"] = "ok"
        self._tasks: list[asyncio.Task[None]] = []

    async def run(self) -> None:
        self._tasks = [
            asyncio.create_task(self._pump(self._client_reader, self.up)),
            asyncio.create_task(self._pump(self._server_reader, self.down)),
        ]
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait(self._tasks, return_when=asyncio.FIRST_COMPLETED)
        self.close()

    @staticmethod
    async def _pump(reader: asyncio.StreamReader, gate: _Gate) -> None:
        with contextlib.suppress(Exception):
            while data := await reader.read(65536):
                gate.push(data)
                if gate.open:
                    await gate.writer.drain()

    def cut(self) -> None:
        self.close()

    def hold(self) -> None:
        """Forward nothing more, close nothing."""
        if self.state != "closed":
            self.state = "held"
            self.up.open = self.down.open = False

    def stall(self, direction: Direction, seconds: float) -> None:
        """Keep one direction's bytes for ``seconds``, then deliver them."""
        if self.state != "ok":
            return
        self.state = "stalled"
        gate = self.up if direction == "up" else self.down
        gate.open = False

        def release() -> None:
            if self.state == "stalled":
                self.state = "ok"
                with contextlib.suppress(Exception):
                    gate.release()

        asyncio.get_running_loop().call_later(seconds, release)

    def close(self) -> None:
        if self.state == "closed":
            return
        self.state = "closed"
        for writer in (self._client_writer, self._server_writer):
            with contextlib.suppress(Exception):
                writer.transport.abort()
        for task in self._tasks:
            task.cancel()


class ChaosProxy:
    """Listens on 127.0.0.1 and forwards every connection to the server's port."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.links: list[Link] = []
        self.port = 0
        self._server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _accept(self, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter) -> None:
        try:
            upstream = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        link = Link((reader, writer), upstream)
        self.links.append(link)
        try:
            await link.run()
        finally:
            with contextlib.suppress(ValueError):
                self.links.remove(link)

    def healthy(self) -> list[Link]:
        return [link for link in self.links if link.state == "ok"]

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for link in list(self.links):
            link.close()
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5)
