"""``camera.watch``: expiring HTTP URLs on the API port that stream a camera as MPEG-TS.

A URL holds a random ticket (kept in memory only: a restart ends every URL) naming
the camera and main/sub stream; whoever holds it gets the stream until the ticket
expires, when the response ends. However many watch, each (camera, stream) is pulled
by one ``ffmpeg -c copy`` process (a :class:`Relay`) whose output is fanned out to
every watcher; it starts with the first watcher and stops when the last leaves. A
watcher that falls ``QUEUE`` chunks behind is dropped (its response ends) rather than
slowing the others. When the source drops, the relay ends and so do its responses:
the terminal asks again. The source URL never leaves the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import shutil
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aiohttp import web

from server.storage.committer import utc_now_iso

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

log = logging.getLogger(__name__)

PATH = "/api/cameras/watch/{ticket}"
CHUNK = 64 << 10
QUEUE = 64
"""Chunks a watcher may fall behind before it is dropped."""


def watch_ttl() -> float:
    try:
        return max(1.0, float(os.environ.get("MEETING_CAMERA_WATCH_S", "3600")))
    except ValueError:
        return 3600.0


@dataclass(frozen=True)
class Ticket:
    camera_id: int
    sub: bool
    source: str
    expires: float
    """``time.time()`` at expiry."""


@dataclass(eq=False)
class Watcher:
    queue: asyncio.Queue[bytes | None] = field(
        default_factory=lambda: asyncio.Queue(maxsize=QUEUE))

    def end(self) -> None:
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(None)


class Relay:
    """One ``ffmpeg`` pull of a source, fanned out to its watchers."""

    def __init__(self, source: str, on_end: Callable[[Relay], None]) -> None:
        self.source = source
        self.on_end = on_end
        self.watchers: set[Watcher] = set()
        self.proc: asyncio.subprocess.Process | None = None
        self.last_data = 0.0
        """``time.monotonic()`` of the last chunk read from the source."""
        self.task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        args = [shutil.which("ffmpeg") or "ffmpeg", "-nostdin", "-loglevel", "error"]
        if self.source.startswith("rtsp"):
            args += ["-rtsp_transport", "tcp"]
        args += ["-analyzeduration", "1000000", "-probesize", "500000", "-i", self.source,
                 "-map", "0", "-c", "copy", "-f", "mpegts", "pipe:1"]
        try:
            self.proc = await asyncio.create_subprocess_exec(
                *args, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.DEVNULL)  # it may name the source URL
            assert self.proc.stdout is not None
            while chunk := await self.proc.stdout.read(CHUNK):
                self.last_data = time.monotonic()
                for watcher in list(self.watchers):
                    try:
                        watcher.queue.put_nowait(chunk)
                    except asyncio.QueueFull:
                        self.watchers.discard(watcher)
                        watcher.end()
        except OSError:
            log.warning("camera relay could not start ffmpeg")
        finally:
            self._kill()
            for watcher in self.watchers:
                watcher.end()
            self.watchers.clear()
            self.on_end(self)

    def _kill(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()

    def leave(self, watcher: Watcher) -> None:
        self.watchers.discard(watcher)
        if not self.watchers:
            self.stop()

    def stop(self) -> None:
        self._kill()
        self.task.cancel()


class Watching:
    """The tickets and relays of one server."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self.tickets: dict[str, Ticket] = {}
        self.relays: dict[tuple[int, bool], Relay] = {}
        self._lock = threading.Lock()
        """``issue`` runs on the database thread, the handler on the loop."""

    def issue(self, camera_id: int, sub: bool, source: str, now: datetime) -> tuple[str, str]:
        """A new ticket for this stream → ``(ticket, expires_at)``."""
        ticket = secrets.token_urlsafe(24)
        expires = now.timestamp() + self.ttl
        with self._lock:
            clock = time.time()
            for old in [t for t, v in self.tickets.items() if v.expires <= clock]:
                del self.tickets[old]
            self.tickets[ticket] = Ticket(camera_id, sub, source, expires)
        return ticket, utc_now_iso(now.fromtimestamp(expires, now.tzinfo))

    def _valid(self, ticket: str) -> Ticket | None:
        with self._lock:
            found = self.tickets.get(ticket)
        return found if found is not None and found.expires > time.time() else None

    def _relay(self, ticket: Ticket) -> Relay:
        key = (ticket.camera_id, ticket.sub)
        relay = self.relays.get(key)
        if relay is None or relay.task.done():
            relay = self.relays[key] = Relay(ticket.source, lambda r: self._ended(key, r))
        return relay

    def _ended(self, key: tuple[int, bool], relay: Relay) -> None:
        if self.relays.get(key) is relay:
            del self.relays[key]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        ticket = self._valid(request.match_info["ticket"])
        if ticket is None:
            raise web.HTTPNotFound(text="Đường xem camera không còn hiệu lực.")
        relay = self._relay(ticket)
        watcher = Watcher()
        relay.watchers.add(watcher)
        try:
            response = web.StreamResponse(headers={"Content-Type": "video/mp2t",
                                                   "Cache-Control": "no-store"})
            await response.prepare(request)
            while (left := ticket.expires - time.time()) > 0:
                try:
                    chunk = await asyncio.wait_for(watcher.queue.get(), left)
                except TimeoutError:
                    break
                if chunk is None:
                    break
                await response.write(chunk)
            with contextlib.suppress(ConnectionError):
                await response.write_eof()
            return response
        finally:
            relay.leave(watcher)

    def streaming(self, camera_id: int, within: float) -> bool:
        """Whether a relay of this camera read from its source in the last ``within`` s
        (the monitor then counts it live without opening the source once more)."""
        clock = time.monotonic()
        return any(key[0] == camera_id and clock - relay.last_data <= within
                   for key, relay in list(self.relays.items()))

    def stop(self) -> None:
        for relay in list(self.relays.values()):
            relay.stop()
