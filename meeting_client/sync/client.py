"""The terminal's connection to the meeting server, in plain asyncio (no Qt).

One :class:`SyncClient` owns one WebSocket. It correlates replies with
commands by ``id``, feeds pushed events to :class:`MeetingReplica` objects,
and heals itself after a drop: it reconnects with jittered back-off, resumes
the session with its token, re-subscribes every replica from the ``seq`` it
has (so each event is applied exactly once, in order), and re-sends the
mutating commands that had no reply yet under their original idempotency
keys (so each acts exactly once).

Everything runs on the event loop that called :meth:`SyncClient.connect`,
listeners included; the GUI wraps the client in a networking thread and
crosses to Qt with queued signals.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import msgspec
from websockets.asyncio.client import ClientConnection
from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from meeting_client.sync.backoff import Backoff
from meeting_client.sync.replica import FeedOutcome, MeetingReplica, TopicFeed
from meeting_client.sync.tls import tls_argument
from meeting_protocol.commands import (
    AuthLogin,
    AuthResume,
    MeetingSubscribe,
    MeetingUnsubscribe,
    Payload,
    command_type,
)
from meeting_protocol.envelope import (
    Error,
    Event,
    Result,
    ServerFrame,
    command_frame,
    decode_server_frame,
)
from meeting_protocol.errors import ErrorCode
from meeting_protocol.events import meeting_topic
from meeting_protocol.state import Snapshot, decode_snapshot

logger = logging.getLogger(__name__)

MAX_RECEIVE_SIZE = 16 * 2**20
"""Largest frame accepted from the server: whole-meeting snapshots can be big."""

CLOSE_TIMEOUT = 2.0
"""Seconds to wait for the server's close frame; quitting must not hang on a dead server."""

UNAVAILABLE = "unavailable"
"""Client-side code of :class:`NotConnected` (not a server code)."""
TIMEOUT = "timeout"
"""Client-side code of :class:`RequestTimeout` (not a server code)."""

_TEXTS: dict[str, dict[str, str]] = {
    "offline": {
        "vi": "Chưa kết nối được tới máy chủ.",
        "en": "Not connected to the server.",
    },
    "lost": {
        "vi": "Mất kết nối tới máy chủ trước khi có trả lời.",
        "en": "The connection was lost before the server answered.",
    },
    "closed": {
        "vi": "Kết nối đã đóng.",
        "en": "The connection was closed.",
    },
    "timeout": {
        "vi": "Máy chủ không trả lời kịp; thao tác có thể đã được thực hiện.",
        "en": "The server did not answer in time; the action may have been done.",
    },
    "bad_reply": {
        "vi": "Máy chủ trả lời không đúng giao thức.",
        "en": "The server's answer does not follow the protocol.",
    },
}

_CONNECT_ERRORS = (OSError, ConnectionError, InvalidHandshake)


class ConnectionState(StrEnum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"


class CommandError(Exception):
    """A command failed: an ``error`` reply from the server, or a client-side failure.

    Attributes:
        code: a PROTOCOL.md error code (``conflict``, ``forbidden`` …), or
            ``unavailable`` / ``timeout`` for failures on this side.
        message: a sentence to show people, Vietnamese unless the client was
            created with ``lang="en"``.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class NotConnected(CommandError):
    """The command could not be sent or answered because there is no connection.

    Raised by :meth:`SyncClient.request` when offline (mutating commands are
    queued instead), by anything in flight when the connection drops, and by
    everything pending when the client is closed.
    """

    def __init__(self, message: str) -> None:
        super().__init__(UNAVAILABLE, message)


class RequestTimeout(CommandError):
    """No reply within the timeout while connected.

    For a mutating command the outcome is unknown: it may have been executed.
    ``key`` is its idempotency key; passing it again to
    :meth:`SyncClient.command` retries without any risk of acting twice.
    """

    def __init__(self, message: str, key: str | None) -> None:
        super().__init__(TIMEOUT, message)
        self.key = key


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    roles: list[str]
    unit_id: int | None = None
    position: str | None = None
    must_change_password: bool = False


@dataclass(frozen=True)
class PendingCommand:
    """A mutating command still waiting for its reply (for "đang gửi lại…")."""

    type: str
    key: str
    sent: bool
    """Whether it is on the wire of the current connection."""


class _AuthExpired(Exception):
    def __init__(self, error: CommandError) -> None:
        super().__init__(error.message)
        self.error = error


@dataclass(eq=False)
class _Call:
    """One command and its reply, across the connections it is sent on."""

    type_: str
    payload: Payload | dict[str, Any] | None
    key: str | None
    """Idempotency key: set for mutating commands, which survive drops."""
    future: asyncio.Future[Any]
    timeout: float | None
    on_result: Callable[[Any], Any] | None = None
    """Runs in the reader before the next frame is read; its value is the result."""
    on_error: Callable[[], None] | None = None
    """Runs when the call ends without a result (error, drop, timeout, cancel)."""
    frame_id: int | None = None
    """The ``id`` it carries on the current connection; None when not sent on it."""
    timer: asyncio.TimerHandle | None = None


StateListener = Callable[[ConnectionState], None]
EventListener = Callable[[Event], None]
AuthExpiredListener = Callable[[], None]


class SyncClient:
    """A terminal's session with the meeting server.

    Args:
        url: ``ws://host:port/ws`` (or ``wss://``).
        backoff_initial: cap of the first reconnect delay, in seconds; each
            further attempt doubles the cap up to ``backoff_max``, and the
            delay is drawn uniformly below the cap.
        backoff_max: the largest reconnect delay, in seconds.
        request_timeout: how long a command may wait for its reply while
            connected, in seconds. Time spent offline does not count.
        lang: ``"vi"`` or ``"en"``, sent at login for the server's messages
            and used for this client's own.
        open_timeout: how long opening the WebSocket may take, in seconds.
        ping_interval: keep-alive pings, which also detect a dead network
            (None disables them).
        ping_timeout: how long to wait for a pong before declaring the
            connection dead.
        tls: for ``wss://``, usually ``terminal_context(pinned certificate)``
            (see ``sync.tls``); None trusts the system's authorities.
    """

    def __init__(
        self,
        url: str,
        *,
        backoff_initial: float = 0.5,
        backoff_max: float = 10.0,
        request_timeout: float = 15.0,
        lang: str = "vi",
        open_timeout: float = 10.0,
        ping_interval: float | None = 20.0,
        ping_timeout: float | None = 20.0,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        if lang not in ("vi", "en"):
            raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
        self._url = url
        self._backoff = Backoff(backoff_initial, backoff_max)
        self._request_timeout = request_timeout
        self._lang = lang
        self._open_timeout = open_timeout
        self._ping_interval = ping_interval
        self._ping_timeout = ping_timeout
        self._tls = tls

        self._state = ConnectionState.DISCONNECTED
        self._user: UserInfo | None = None
        self._token: str | None = None
        self._closing = False
        self._connected_at = 0.0

        self._ws: ClientConnection | None = None
        self._reader_task: asyncio.Task[None] | None = None
        self._reconnect_task: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[Any]] = set()
        self._next_id = 0
        self._inflight: dict[int, _Call] = {}
        self._outbox: list[_Call] = []

        self._feeds: dict[str, TopicFeed] = {}
        self._first_subscribes: dict[str, _Call] = {}
        self._dropped_topics: set[str] = set()

        self._state_listeners: list[StateListener] = []
        self._event_listeners: list[EventListener] = []
        self._auth_expired_listeners: list[AuthExpiredListener] = []

    def __repr__(self) -> str:
        return f"<SyncClient {self._url} {self._state}>"

    # --- public state ---------------------------------------------------------

    @property
    def url(self) -> str:
        return self._url

    @property
    def tls(self) -> ssl.SSLContext | None:
        """The context of ``wss://`` connections (None: ``ws://``, or the system's CAs)."""
        return self._tls

    @property
    def state(self) -> ConnectionState:
        return self._state

    @property
    def user(self) -> UserInfo | None:
        """The signed-in user, None before login and after the session expired."""
        return self._user

    @property
    def token(self) -> str | None:
        """The session token to keep for :meth:`resume` after a restart of the terminal."""
        return self._token

    @property
    def pending_commands(self) -> tuple[PendingCommand, ...]:
        """Mutating commands without a reply yet, in sending order."""
        return tuple(
            PendingCommand(c.type_, c.key, c.frame_id is not None)
            for c in self._outbox
            if c.key is not None
        )

    def replica(self, meeting_id: int) -> MeetingReplica | None:
        """The replica of a subscribed meeting, None when not subscribed (yet)."""
        feed = self._feeds.get(meeting_topic(meeting_id))
        return feed.replica if feed is not None else None

    # --- listeners ------------------------------------------------------------

    def add_state_listener(self, cb: StateListener) -> None:
        self._state_listeners.append(cb)

    def remove_state_listener(self, cb: StateListener) -> None:
        with contextlib.suppress(ValueError):
            self._state_listeners.remove(cb)

    def add_event_listener(self, cb: EventListener) -> None:
        """Call ``cb`` with every pushed event once, after its replica (if any) applied it.

        Events of a meeting topic arrive exactly once each and in ``seq``
        order; events a snapshot reset skipped over are not delivered (the
        replica's listeners get the reset). Events of topics without a
        replica (the project's ``alerts``, ``calendar`` …) pass as they come.
        """
        self._event_listeners.append(cb)

    def remove_event_listener(self, cb: EventListener) -> None:
        with contextlib.suppress(ValueError):
            self._event_listeners.remove(cb)

    def add_auth_expired_listener(self, cb: AuthExpiredListener) -> None:
        """Call ``cb`` when a reconnect finds the session expired (sign in again)."""
        self._auth_expired_listeners.append(cb)

    def remove_auth_expired_listener(self, cb: AuthExpiredListener) -> None:
        with contextlib.suppress(ValueError):
            self._auth_expired_listeners.remove(cb)

    # --- connection -----------------------------------------------------------

    async def connect(self) -> None:
        """Open the connection, once; later drops are healed in the background.

        Raises:
            OSError: the server cannot be reached (refused, unreachable, or
                ``TimeoutError`` after ``open_timeout``).
            ConnectionError: something answered but not as a WebSocket server.
            RuntimeError: the client is already connected or connecting.
        """
        if self._state is not ConnectionState.DISCONNECTED:
            raise RuntimeError(f"cannot connect while {self._state}")
        self._closing = False
        self._set_state(ConnectionState.CONNECTING)
        try:
            ws = await self._open()
        except BaseException:
            self._set_state(ConnectionState.DISCONNECTED)
            raise
        if self._closing:  # close() was called meanwhile
            await ws.close()
            raise ConnectionError("the client was closed while connecting")
        self._attach(ws)
        self._set_state(ConnectionState.CONNECTED)
        # After an expired session, replicas kept from before wait for login().

    async def close(self) -> None:
        """Close for good: no reconnect; everything still pending fails with NotConnected."""
        self._closing = True
        if self._reconnect_task is not None and not self._reconnect_task.done():
            self._reconnect_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reconnect_task
        for task in list(self._background):
            task.cancel()
        ws, reader = self._ws, self._reader_task
        if ws is not None:
            await ws.close()
        if reader is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await reader
        self._fail_outbox(NotConnected(self._text("closed")))
        self._feeds.clear()
        self._first_subscribes.clear()
        self._set_state(ConnectionState.DISCONNECTED)

    # --- session --------------------------------------------------------------

    async def login(self, username: str, password: str) -> UserInfo:
        """Sign in; the token is kept for resuming after drops.

        Raises:
            CommandError: ``unauthenticated`` on wrong credentials (no hint
                which part was wrong), or another server error.
            NotConnected: not connected.
        """
        data = await self.request(AuthLogin(username=username, password=password,
                                            lang=self._lang))
        return self._take_session(data, None)

    async def resume(self, token: str) -> UserInfo:
        """Restore a saved session (e.g. after the terminal restarted).

        Raises:
            CommandError: ``unauthenticated`` when the session has expired.
            NotConnected: not connected.
        """
        data = await self.request(AuthResume(token=token, lang=self._lang))
        return self._take_session(data, token)

    def _take_session(self, data: Any, token: str | None) -> UserInfo:
        try:
            user, new_token = _parse_session(data, token)
        except ValueError as exc:
            raise self._bad_reply(str(exc)) from exc
        self._user = user
        self._token = new_token
        # Replicas kept across an expired session catch up with the new one.
        for feed in self._feeds.values():
            if feed.replica is not None:
                self._start_resync(feed)
        return user

    # --- commands -------------------------------------------------------------

    async def request(
        self,
        type_: str | Payload,
        payload: Payload | dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> Any:
        """Send a command without idempotency key and return the reply's ``data``.

        Meant for read-only commands; nothing is retried.

        Args:
            type_: the command, e.g. ``"meeting.list"``, or its payload struct
                alone (``MeetingList()``), which names it.
            payload: its fields, as a payload struct or a dict.
            timeout: overrides ``request_timeout`` for this call.

        Raises:
            NotConnected: offline, or the connection dropped before the reply.
            RequestTimeout: no reply in time.
            CommandError: the server's error reply.
        """
        type_, payload = typed_call(type_, payload)
        _check_payload(payload)
        ws = self._ws
        if self._state is not ConnectionState.CONNECTED or ws is None:
            raise NotConnected(self._text("offline"))
        call = self._new_call(type_, payload, None, timeout)
        frame = self._register(ws, call)
        await self._transmit(ws, frame)
        return await self._wait(call)

    async def command(
        self,
        type_: str | Payload,
        payload: Payload | dict[str, Any] | None = None,
        *,
        key: str | None = None,
        timeout: float | None = None,
    ) -> Any:
        """Send a mutating command that acts exactly once, and return the reply's ``data``.

        A fresh UUID4 idempotency key goes with it. If the connection drops
        before the reply, the command is kept and re-sent with the same key
        after the client has reconnected and resumed, in the original order,
        until a reply arrives; offline time does not count against the
        timeout. A command issued while reconnecting is queued the same way.

        Args:
            type_: the command, e.g. ``"poll.cast"``, or its payload struct alone
                (``PollCast(poll_id=3, choice="yes")``), which names it.
            payload: its fields, as a payload struct or a dict.
            key: reuse the key of an earlier attempt (see
                :class:`RequestTimeout`); a new one by default.
            timeout: overrides ``request_timeout`` for this call.

        Raises:
            CommandError: the server's error reply (nothing was done).
            RequestTimeout: connected, but no reply in time; the outcome is
                unknown.
            NotConnected: the client is disconnected for good (never
                connected, closed, or its session expired).
        """
        type_, payload = typed_call(type_, payload)
        _check_payload(payload)
        if self._state in (ConnectionState.DISCONNECTED, ConnectionState.CONNECTING):
            raise NotConnected(self._text("offline"))
        call = self._new_call(type_, payload, key or str(uuid.uuid4()), timeout)
        self._outbox.append(call)
        ws = self._ws
        if self._state is ConnectionState.CONNECTED and ws is not None:
            frame = self._register(ws, call)
            await self._transmit(ws, frame)
        return await self._wait(call)

    # --- subscriptions ----------------------------------------------------------

    async def subscribe(self, meeting_id: int) -> MeetingReplica:
        """Follow a meeting: its replica, from a snapshot, then kept in sync.

        The replica stays in sync across reconnects and gaps until
        :meth:`unsubscribe`. Subscribing again returns the same replica.

        Raises:
            NotConnected: offline, or the connection dropped before the reply.
            CommandError: e.g. ``not_found`` or ``forbidden``.
        """
        topic = meeting_topic(meeting_id)
        feed = self._feeds.get(topic)
        if feed is not None and feed.replica is not None:
            return feed.replica
        first = self._first_subscribes.get(topic)
        if first is not None:
            shared: MeetingReplica = await asyncio.shield(first.future)
            return shared
        ws = self._ws
        if self._state is not ConnectionState.CONNECTED or ws is None:
            raise NotConnected(self._text("offline"))
        feed = TopicFeed(meeting_id)
        self._feeds[topic] = feed
        self._dropped_topics.discard(topic)

        def forget() -> None:
            self._first_subscribes.pop(topic, None)
            if self._feeds.get(topic) is feed and feed.replica is None:
                del self._feeds[topic]

        call, frame = self._subscribe_call(ws, feed, forget)
        self._first_subscribes[topic] = call
        await self._transmit(ws, frame)
        replica: MeetingReplica = await self._wait(call)
        return replica

    async def unsubscribe(self, meeting_id: int) -> None:
        """Stop following a meeting; its replica gets no more events.

        Raises:
            CommandError: the server refused (the replica is dropped anyway).
        """
        topic = meeting_topic(meeting_id)
        feed = self._feeds.pop(topic, None)
        self._first_subscribes.pop(topic, None)
        if feed is None:
            return
        self._dropped_topics.add(topic)
        with contextlib.suppress(NotConnected):
            await self.request(MeetingUnsubscribe(meeting_id=meeting_id))

    def _subscribe_call(
        self, ws: ClientConnection, feed: TopicFeed, on_error: Callable[[], None]
    ) -> tuple[_Call, str]:
        """Put a ``meeting.subscribe`` for ``feed`` on the books; events are held from now.

        Synchronous so that no event can slip between deciding to subscribe
        and holding events for the result.
        """
        feed.begin_subscribe()
        payload = MeetingSubscribe(meeting_id=feed.meeting_id, since=feed.since)
        call = self._new_call(payload.TYPE, payload, None, None)
        call.on_result = lambda data: self._take_subscribe(feed, data)

        def failed() -> None:
            feed.subscribe_failed()
            on_error()

        call.on_error = failed
        try:
            frame = self._register(ws, call)
        except NotConnected:
            feed.subscribe_failed()
            raise
        return call, frame

    def _take_subscribe(self, feed: TopicFeed, data: Any) -> MeetingReplica:
        """Apply a subscribe result in the reader, before any later event is read."""
        self._first_subscribes.pop(feed.topic, None)
        try:
            seq = data["seq"]
            raw = data.get("snapshot")
            snapshot: Snapshot | None = decode_snapshot(raw) if raw is not None else None
            if type(seq) is not int:
                raise TypeError("seq is not an integer")
            outcome = feed.subscribed(seq, snapshot)
        except (KeyError, TypeError, AttributeError, ValueError, msgspec.ValidationError) as exc:
            raise self._bad_reply(f"{feed.topic} subscribe reply: {exc}") from exc
        self._after_feed(feed, outcome)
        if feed.replica is None:  # pragma: no cover - subscribed() raised already
            raise self._bad_reply(f"{feed.topic}: no replica")
        return feed.replica

    def _start_resync(self, feed: TopicFeed) -> None:
        """Re-subscribe ``feed`` from its ``seq`` in the background (gap or new session)."""
        ws = self._ws
        if feed.subscribing or ws is None or self._closing:
            return  # one at a time; offline, the reconnect re-subscribes everything
        if self._feeds.get(feed.topic) is not feed:
            return
        logger.info("%s: re-subscribing since %d", feed.topic, feed.since)
        try:
            call, frame = self._subscribe_call(ws, feed, lambda: None)
        except NotConnected:
            return
        self._spawn(self._finish_resync(ws, call, frame, feed.topic))

    async def _finish_resync(self, ws: ClientConnection, call: _Call, frame: str,
                             topic: str) -> None:
        await self._transmit(ws, frame)
        try:
            await self._wait(call)
        except CommandError as exc:
            logger.warning("%s: re-subscribe failed: %s", topic, exc)

    # --- the wire ---------------------------------------------------------------

    async def _open(self) -> ClientConnection:
        try:
            return await ws_connect(
                self._url,
                compression=None,
                max_size=MAX_RECEIVE_SIZE,
                open_timeout=self._open_timeout,
                ping_interval=self._ping_interval,
                ping_timeout=self._ping_timeout,
                close_timeout=CLOSE_TIMEOUT,
                **tls_argument(self._url, self._tls),
            )
        except InvalidHandshake as exc:
            raise ConnectionError(f"{self._url}: not a meeting server ({exc})") from exc

    def _attach(self, ws: ClientConnection) -> None:
        self._ws = ws
        self._inflight = {}
        self._reader_task = asyncio.create_task(self._read(ws), name="meeting-sync-reader")

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                if isinstance(raw, bytes):
                    logger.debug("ignoring a binary frame of %d bytes", len(raw))
                    continue
                try:
                    frame = decode_server_frame(raw)
                except msgspec.DecodeError as exc:
                    logger.warning("unreadable frame from the server: %s", exc)
                    continue
                try:
                    self._dispatch(frame)
                except Exception:
                    logger.exception("failed to handle %r", frame)
        except ConnectionClosed as exc:
            logger.info("connection lost: %s", exc)
        finally:
            self._connection_lost(ws)

    def _dispatch(self, frame: ServerFrame) -> None:
        if isinstance(frame, Event):
            self._on_event(frame)
            return
        if frame.id is None:
            if isinstance(frame, Error):
                logger.warning("the server refused a frame: %s: %s", frame.code, frame.message)
            return
        call = self._inflight.pop(frame.id, None)
        if call is None:
            logger.debug("reply to unknown id %s (timed out or cancelled)", frame.id)
            return
        self._settle(call, frame)

    def _settle(self, call: _Call, frame: Result | Error) -> None:
        if call.timer is not None:
            call.timer.cancel()
        call.frame_id = None
        if call.key is not None:
            self._discard(call)
        future = call.future
        if isinstance(frame, Error):
            self._end_without_result(call, CommandError(frame.code, frame.message))
            return
        value = frame.data
        if call.on_result is not None:
            try:
                value = call.on_result(value)
            except CommandError as exc:
                self._end_without_result(call, exc)
                return
            except Exception as exc:
                logger.exception("failed to take the reply to %s", call.type_)
                self._end_without_result(call, self._bad_reply(repr(exc)))
                return
        if not future.done():
            future.set_result(value)

    def _end_without_result(self, call: _Call, exc: BaseException) -> None:
        if call.on_error is not None:
            on_error, call.on_error = call.on_error, None
            on_error()
        if not call.future.done():
            call.future.set_exception(exc)

    def _new_call(self, type_: str, payload: Payload | dict[str, Any] | None, key: str | None,
                  timeout: float | None) -> _Call:
        return _Call(
            type_=type_,
            payload=payload,
            key=key,
            future=asyncio.get_running_loop().create_future(),
            timeout=self._request_timeout if timeout is None else timeout,
        )

    def _register(self, ws: ClientConnection, call: _Call) -> str:
        """Give ``call`` an id on ``ws`` and await its reply from now on; return the frame.

        Raises:
            NotConnected: ``ws`` is no longer the current connection.
            TypeError: the payload cannot be encoded.
        """
        if ws is not self._ws:
            raise NotConnected(self._text("lost"))
        self._next_id += 1
        frame_id = self._next_id
        frame = command_frame(frame_id, call.type_, call.payload, call.key)
        call.frame_id = frame_id
        self._inflight[frame_id] = call
        if call.timeout is not None:
            call.timer = asyncio.get_running_loop().call_later(
                call.timeout, self._on_timeout, call, frame_id
            )
        return frame

    async def _transmit(self, ws: ClientConnection, frame: str) -> None:
        # On a closed connection the reader notices too, and settles what was in flight.
        with contextlib.suppress(ConnectionClosed):
            await ws.send(frame)

    async def _wait(self, call: _Call) -> Any:
        try:
            return await call.future
        except asyncio.CancelledError:
            self._forget(call)
            raise

    def _forget(self, call: _Call) -> None:
        """The caller gave up: never send ``call`` again, ignore its reply."""
        if call.timer is not None:
            call.timer.cancel()
        if call.frame_id is not None and self._inflight.get(call.frame_id) is call:
            del self._inflight[call.frame_id]
        call.frame_id = None
        self._discard(call)
        if call.on_error is not None:
            on_error, call.on_error = call.on_error, None
            on_error()

    def _on_timeout(self, call: _Call, frame_id: int) -> None:
        if self._inflight.get(frame_id) is not call:
            return
        del self._inflight[frame_id]
        call.frame_id = None
        self._discard(call)
        logger.warning("%s got no reply in %.1f s", call.type_, call.timeout or 0.0)
        self._end_without_result(call, RequestTimeout(self._text("timeout"), call.key))

    def _discard(self, call: _Call) -> None:
        with contextlib.suppress(ValueError):
            self._outbox.remove(call)

    def _fail_outbox(self, exc: CommandError) -> None:
        outbox, self._outbox = self._outbox, []
        for call in outbox:
            if call.timer is not None:
                call.timer.cancel()
            if call.frame_id is not None:
                self._inflight.pop(call.frame_id, None)
            self._end_without_result(call, exc)

    # --- events -------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        feed = self._feeds.get(event.topic)
        if feed is None:
            if event.topic not in self._dropped_topics:
                self._emit_event(event)
            return
        self._after_feed(feed, feed.offer(event))

    def _after_feed(self, feed: TopicFeed, outcome: FeedOutcome) -> None:
        for event in outcome.applied:
            self._emit_event(event)
        if outcome.resync:
            self._start_resync(feed)

    def _emit_event(self, event: Event) -> None:
        for cb in list(self._event_listeners):
            try:
                cb(event)
            except Exception:
                logger.exception("event listener %r failed", cb)

    # --- drops and reconnects -------------------------------------------------------

    def _connection_lost(self, ws: ClientConnection) -> None:
        """Settle what was in flight on ``ws`` and start reconnecting, unless closing."""
        if ws is not self._ws:
            return
        self._ws = None
        inflight, self._inflight = self._inflight, {}
        for call in inflight.values():
            if call.timer is not None:
                call.timer.cancel()
            call.frame_id = None
            if call.key is not None and call in self._outbox:
                continue  # re-sent with the same key after the reconnect
            self._end_without_result(call, NotConnected(self._text("lost")))
        for feed in self._feeds.values():
            feed.connection_lost()
        if self._closing or self._state is ConnectionState.DISCONNECTED:
            return
        self._set_state(ConnectionState.RECONNECTING)
        if self._reconnect_task is None or self._reconnect_task.done():
            self._reconnect_task = asyncio.create_task(
                self._reconnect(), name="meeting-sync-reconnect"
            )

    async def _reconnect(self) -> None:
        """Retry until connected and restored, the session expired, or close().

        The back-off starts again from ``backoff_initial`` only when the
        previous connection lasted at least ``backoff_max`` seconds: a server
        that accepts and then drops every connection gets ever rarer visits.
        """
        loop = asyncio.get_running_loop()
        if loop.time() - self._connected_at >= self._backoff.maximum:
            self._backoff.reset()
        while not self._closing:
            delay = self._backoff.next_delay()
            logger.info("reconnecting in %.2f s (attempt %d)", delay, self._backoff.attempt)
            await asyncio.sleep(delay)
            try:
                ws = await self._open()
            except _CONNECT_ERRORS as exc:
                logger.info("reconnect failed: %s", exc)
                continue
            except Exception:
                logger.exception("reconnect failed unexpectedly")
                continue
            self._attach(ws)
            try:
                await self._restore(ws)
            except _AuthExpired as exc:
                await self._expire_session(ws, exc.error)
                return
            except CommandError as exc:
                logger.warning("could not restore the session: %s", exc)
                await self._abandon(ws)
                continue
            except Exception:
                # A bug must not leave the terminal offline for good: log it, retry.
                logger.exception("unexpected failure while restoring the session")
                await self._abandon(ws)
                continue
            return

    async def _restore(self, ws: ClientConnection) -> None:
        """Resume, re-subscribe every replica, re-send pending commands, then CONNECTED.

        Raises:
            _AuthExpired: the server no longer knows the session.
            CommandError: anything else went wrong; retry on a new connection.
        """
        if self._token is not None:
            try:
                data = await self._call_on(ws, AuthResume(token=self._token, lang=self._lang))
            except NotConnected:
                raise
            except CommandError as exc:
                if exc.code == ErrorCode.UNAUTHENTICATED:
                    raise _AuthExpired(exc) from exc
                raise
            try:
                self._user, self._token = _parse_session(data, self._token)
            except ValueError as exc:
                # The session is back; a malformed description of it is no reason to drop it.
                logger.error("bad auth.resume reply, keeping the old session: %s", exc)
        feeds = [f for f in self._feeds.values() if f.replica is not None]
        results = await asyncio.gather(
            *(self._resubscribe(ws, feed) for feed in feeds), return_exceptions=True
        )
        for feed, outcome in zip(feeds, results, strict=True):
            if isinstance(outcome, NotConnected | RequestTimeout):
                raise outcome
            if isinstance(outcome, BaseException):
                logger.warning("%s: re-subscribe failed: %s", feed.topic, outcome)
        # Pending commands go out in their original order, then new ones join.
        while True:
            call = next((c for c in self._outbox if c.frame_id is None), None)
            if call is None:
                break
            frame = self._register(ws, call)
            await self._transmit(ws, frame)
        if ws is not self._ws:
            raise NotConnected(self._text("lost"))
        self._set_state(ConnectionState.CONNECTED)

    async def _resubscribe(self, ws: ClientConnection, feed: TopicFeed) -> None:
        call, frame = self._subscribe_call(ws, feed, lambda: None)
        await self._transmit(ws, frame)
        await self._wait(call)

    async def _call_on(self, ws: ClientConnection, payload: Payload) -> Any:
        call = self._new_call(command_type(payload), payload, None, None)
        frame = self._register(ws, call)
        await self._transmit(ws, frame)
        return await self._wait(call)

    async def _abandon(self, ws: ClientConnection) -> None:
        """Drop a connection that failed to restore, and wait until it is settled."""
        if ws.transport is not None:
            ws.transport.abort()
        reader = self._reader_task
        if reader is not None:
            with contextlib.suppress(Exception):
                await reader

    async def _expire_session(self, ws: ClientConnection, error: CommandError) -> None:
        """Give up the session: DISCONNECTED, tell the GUI, keep replicas for the next login."""
        logger.warning("the session has expired: %s", error.message)
        reader = self._reader_task
        self._token = None
        self._user = None
        self._fail_outbox(error)
        self._set_state(ConnectionState.DISCONNECTED)
        for cb in list(self._auth_expired_listeners):
            try:
                cb()
            except Exception:
                logger.exception("auth-expired listener %r failed", cb)
        await ws.close()
        if reader is not None:
            with contextlib.suppress(Exception):
                await reader

    # --- helpers --------------------------------------------------------------------

    def _set_state(self, state: ConnectionState) -> None:
        if state is self._state:
            return
        self._state = state
        if state is ConnectionState.CONNECTED:
            self._connected_at = asyncio.get_running_loop().time()
        for cb in list(self._state_listeners):
            try:
                cb(state)
            except Exception:
                logger.exception("state listener %r failed", cb)

    def _spawn(self, coro: Any) -> None:
        task = asyncio.create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _text(self, key: str) -> str:
        texts = _TEXTS[key]
        return texts.get(self._lang, texts["vi"])

    def _bad_reply(self, detail: str) -> CommandError:
        logger.error("bad reply from the server: %s", detail)
        return CommandError(ErrorCode.INTERNAL.value, self._text("bad_reply"))


_ENVELOPE_FIELDS = frozenset({"id", "type", "key"})


def typed_call(type_: str | Payload, payload: Payload | dict[str, Any] | None
               ) -> tuple[str, Payload | dict[str, Any] | None]:
    """``(command type, payload)`` from a payload struct alone, or as given.

    Raises:
        TypeError: a struct and a payload besides, or a struct that names no command.
    """
    if not isinstance(type_, Payload):
        return type_, payload
    if payload is not None:
        raise TypeError("a payload struct names its command: pass it alone")
    return command_type(type_), type_


def _check_payload(payload: Payload | dict[str, Any] | None) -> None:
    """Refuse a dict that would overwrite the envelope (a bug, caught before sending)."""
    if isinstance(payload, dict) and _ENVELOPE_FIELDS & payload.keys():
        raise ValueError(f"payload must not set {sorted(_ENVELOPE_FIELDS & payload.keys())}")


def _parse_session(data: Any, token: str | None) -> tuple[UserInfo, str]:
    """Read ``{"token", "user"}`` from an auth reply; ``token`` if the reply has none.

    Raises:
        ValueError: the reply does not describe a session.
    """
    if not isinstance(data, dict):
        raise ValueError("auth reply is not an object")
    try:
        user = msgspec.convert(data.get("user"), UserInfo)
    except msgspec.ValidationError as exc:
        raise ValueError(f"auth reply user: {exc}") from exc
    new_token = data.get("token") or token
    if not isinstance(new_token, str):
        raise ValueError("auth reply without a token")
    return user, new_token
