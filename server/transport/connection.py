"""WebSocket transport: ``/ws`` and ``/healthz`` on one port.

One :class:`ClientConnection` per terminal. Frames are decoded and dispatched
in arrival order without awaiting the database, so a connection can have
many commands in flight; replies and events are written with the same
non-blocking write, which keeps them in order on the wire. A terminal that
stops reading is dropped once its unsent backlog passes
``Settings.max_write_buffer`` instead of slowing anyone else down.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Mapping
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from websockets.asyncio.server import ServerConnection
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.protocol import State

from meeting_protocol.envelope import (
    Error,
    Event,
    FrameError,
    Result,
    decode_header,
    decode_payload,
    encode,
)
from meeting_protocol.errors import ErrorCode, default_message
from server.dispatch import (
    Context,
    Registry,
    Replayed,
    Reply,
    Session,
    check_password_change,
    error_reply,
    execute_unit,
)
from server.errors import RateLimited, Unauthenticated, UnknownType
from server.transport.wire import BINARY, frame_header, text_frame

if TYPE_CHECKING:
    from server.services import Services

log = logging.getLogger(__name__)

VERSION = "0.1.0"


class TokenBucket:
    """Allows ``rate`` commands per second with bursts up to ``burst``."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class ClientConnection:
    """One terminal's connection: its session, subscriptions and pending work."""

    def __init__(self, ws: ServerConnection, services: Services, registry: Registry) -> None:
        self.ws = ws
        self.services = services
        self.registry = registry
        self.session: Session | None = None
        self.topics: set[str] = set()
        self.inflight = 0
        self.closed = False
        self._closing: asyncio.Task[None] | None = None
        settings = services.settings
        self.bucket = TokenBucket(settings.rate_per_s, settings.rate_burst)
        addr = ws.remote_address
        self.peer = str(addr[0]) if addr else "?"

    # --- ConnectionHandle ------------------------------------------------------

    def subscribe(self, topic: str) -> None:
        self.topics.add(topic)
        self.services.hub.subscribe(topic, self)

    def unsubscribe(self, topic: str) -> None:
        self.topics.discard(topic)
        self.services.hub.unsubscribe(topic, self)

    def end_session(self, reason: str) -> None:
        """Forget the session and close with 1008 (account deactivated, password reset).

        The terminal reconnects, its ``auth.resume`` fails, and it asks for a sign-in.
        """
        self.session = None
        for topic in list(self.topics):
            self.unsubscribe(topic)
        self._closing = asyncio.get_running_loop().create_task(self.ws.close(1008, reason))

    def send_events(self, events: list[Event]) -> None:
        for event in events:
            self.send_frame(encode(event))

    def send_binary(self, data: bytes | bytearray | memoryview) -> None:
        """Write a binary frame (document transfer) now; same drop rule as text.

        Header and payload are written separately, so the megabyte payload is
        not copied into a frame first (see ``server.transport.wire``).
        """
        self._write(frame_header(BINARY, len(data)), data)

    def send_frame(self, data: bytes) -> None:
        """Write a text frame now; drop the terminal if it stopped reading."""
        self._write(text_frame(data))

    def send_wire(self, frame: bytes) -> None:
        """Write a frame built by ``server.transport.wire`` (same bytes for every subscriber)."""
        self._write(frame)

    def _write(self, *parts: bytes | bytearray | memoryview) -> None:
        ws = self.ws
        transport = ws.transport
        if self.closed or ws.protocol.state is not State.OPEN or transport is None:
            return
        try:
            if ws.protocol.writes:  # what websockets queued (pong, close) goes out first
                ws.send_data()
            for part in parts:
                transport.write(part)
        except Exception:  # the socket is going away; the reader loop will notice
            return
        if transport.get_write_buffer_size() > self.services.settings.max_write_buffer:
            log.warning("dropping %s: %d bytes unsent", self.peer,
                        transport.get_write_buffer_size())
            self.closed = True
            transport.abort()

    def reply(self, frame_id: int | None, data: Any) -> None:
        self.send_frame(encode(Result(id=frame_id, data=data)))

    def error(self, frame_id: int | None, code: str, message: str) -> None:
        self.send_frame(encode(Error(id=frame_id, code=code, message=message)))

    @property
    def lang(self) -> str:
        return self.session.lang if self.session else "vi"

    # --- reading ---------------------------------------------------------------

    async def serve(self) -> None:
        try:
            async for message in self.ws:
                self.handle(message)
        except ConnectionClosed:
            pass
        finally:
            self.closed = True
            for topic in list(self.topics):
                self.unsubscribe(topic)
            if self.services.documents is not None:
                self.services.documents.transfers.connection_closed(self)

    def handle(self, frame: str | bytes) -> None:
        """Decode and dispatch one frame; never raises."""
        try:
            self._handle(frame)
        except Exception as exc:  # a bug of ours must not cost the terminal its connection
            self.error(None, *error_reply(exc, self.lang))

    def _handle(self, frame: str | bytes) -> None:
        if isinstance(frame, bytes):
            documents = self.services.documents
            if documents is None or self.session is None:
                self.error(None, ErrorCode.BAD_REQUEST,
                           "Khung nhị phân chỉ dùng để truyền tài liệu.")
            else:
                documents.transfers.on_binary(self, frame)
            return
        try:
            frame_id, type_, key = decode_header(frame)
        except FrameError as exc:
            self.error(exc.frame_id, exc.code, default_message(exc.code, self.lang))
            return
        try:
            if not self.bucket.take() or self.inflight >= self.services.settings.max_inflight:
                raise RateLimited()
            spec = self.registry.get(type_)
            if spec is None:
                raise UnknownType(f"Lệnh không được hỗ trợ: {type_}.",
                                  en=f"Unknown command: {type_}.")
            payload = decode_payload(frame, spec.payload, frame_id)
            if spec.access.name != "public" and self.session is None:
                raise Unauthenticated()
            check_password_change(spec, self.session)
        except FrameError as exc:
            self.error(frame_id, exc.code,
                       default_message(exc.code, self.lang) + f" ({exc.detail})")
            return
        except Exception as exc:
            self.error(frame_id, *error_reply(exc, self.lang))
            return
        ctx = Context(conn=self, services=self.services, session=self.session)
        self.inflight += 1
        if spec.is_async:
            task = asyncio.get_running_loop().create_task(
                self._run_async(spec.handler, ctx, payload, frame_id)  # type: ignore[arg-type]
            )
            task.add_done_callback(lambda _t: None)
            return
        unit = execute_unit(spec, ctx, payload, key)

        def done(result: Any, exc: BaseException | None) -> None:
            self.inflight -= 1
            if exc is not None:
                self.error(frame_id, *error_reply(exc, self.lang))
                return
            self._send_result(frame_id, result)

        try:
            self.services.committer.submit(unit, done)
        except RuntimeError:
            self.inflight -= 1
            self.error(frame_id, ErrorCode.INTERNAL, "Máy chủ đang dừng.")

    def _send_result(self, frame_id: int, result: Any) -> None:
        if isinstance(result, Replayed):
            self.reply(frame_id, result.data)
        elif isinstance(result, Reply):
            self.reply(frame_id, result.data)
            if result.after is not None:
                result.after()
        else:
            self.reply(frame_id, result)

    async def _run_async(self, handler: Any, ctx: Context, payload: Any, frame_id: int) -> None:
        try:
            result = await handler(ctx, payload)
        except Exception as exc:
            self.error(frame_id, *error_reply(exc, self.lang))
        else:
            self._send_result(frame_id, result)
        finally:
            self.inflight -= 1


def health_response(services: Services) -> Response:
    health: dict[str, str] = {"status": "ok", "version": VERSION}
    if services.api_url is not None:
        health["api"] = services.api_url
    body = json.dumps(health).encode()
    headers = Headers([("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return Response(HTTPStatus.OK.value, "OK", headers, body)


def make_process_request(services: Services, routes: Mapping[str, Any]) -> Any:
    """``/healthz``, the modules' HTTP routes (by path prefix), else the WebSocket."""
    prefixes = tuple(routes.items())

    def process_request(connection: ServerConnection, request: Request) -> Any:
        path = request.path.split("?", 1)[0]
        if path == "/healthz":
            return health_response(services)
        for prefix, handler in prefixes:
            if path.startswith(prefix):
                return handler(request, connection)  # may be a coroutine: websockets awaits it
        if path != "/ws":
            return connection.respond(HTTPStatus.NOT_FOUND, "Not found\n")
        return None

    return process_request
