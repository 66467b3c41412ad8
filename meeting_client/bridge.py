"""The bridge between the GUI thread and the networking thread.

The sync layer (``meeting_client.sync``) is plain asyncio. STACK.md rules out
QtAsyncio (it cannot open connections), so the bridge owns a
:class:`threading.Thread` running its own asyncio loop with one ``SyncClient``
in it. The GUI talks to it only through the :class:`CommandPort` interface, whose
:meth:`Bridge.submit` hands a coroutine to that loop with
:func:`asyncio.run_coroutine_threadsafe`, and hears back only through Qt signals
emitted on the GUI thread.

Nothing from the networking thread touches a QObject directly: callbacks put
their news in a locked inbox and wake the GUI with one queued signal. Snapshots
are coalesced — when 300 events a second arrive, the GUI applies the latest
state once per turn of its event loop instead of 300 times — while events are
delivered in order, in batches.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from meeting_client.models.port import CommandPort, Work
from meeting_client.sync.tls import PinnedCertificateError, is_untrusted_server
from meeting_protocol.commands import Payload, command_type

if TYPE_CHECKING:
    from meeting_client.sync.client import SyncClient
    from meeting_protocol.envelope import Event
    from meeting_protocol.state import Snapshot

log = logging.getLogger(__name__)

ClientFactory = Callable[[str, str], "SyncClient"]
"""Builds a client for (url, lang); called on the networking thread."""


def default_client_factory(url: str, lang: str, server_cert: Path | None = None) -> SyncClient:
    """``server_cert``: the pinned copy of the server's certificate, for ``wss://``."""
    from meeting_client.sync.backoff import TERMINAL_INITIAL_S, TERMINAL_MAXIMUM_S
    from meeting_client.sync.client import SyncClient
    from meeting_client.sync.tls import terminal_context

    tls = terminal_context(server_cert) if url.startswith("wss:") else None
    return SyncClient(url, backoff_initial=TERMINAL_INITIAL_S, backoff_max=TERMINAL_MAXIMUM_S,
                      request_timeout=15.0, lang=lang, tls=tls)


def _error_kind(exc: BaseException) -> tuple[str, str | None]:
    """Map an exception from the sync layer to (code, server message or None)."""
    try:
        from meeting_client.sync.client import CommandError, NotConnected
    except ImportError:  # the sync package is not there: duck-type it
        CommandError = NotConnected = ()  # type: ignore[assignment,misc]
    if isinstance(exc, CommandError) or (
        isinstance(getattr(exc, "code", None), str)
        and isinstance(getattr(exc, "message", None), str)
    ):
        return str(exc.code), str(exc.message)  # type: ignore[attr-defined]
    if isinstance(exc, NotConnected) or type(exc).__name__ == "NotConnected":
        return "not_connected", None
    if isinstance(exc, PinnedCertificateError):
        return "bad_server_cert_file", None
    if is_untrusted_server(exc):
        return "untrusted_server", None
    if isinstance(exc, OSError | ConnectionError | TimeoutError | asyncio.TimeoutError):
        return "unreachable", None
    return "internal", None


class _Relay(QObject):
    wake = Signal()


class Bridge(CommandPort):
    """Runs the SyncClient on its own thread and reports on the GUI thread.

    Call :meth:`start` once, :meth:`stop` before the application quits. All
    public signals are emitted on the thread that created the bridge (the GUI
    thread), so any slot may touch widgets.
    """

    connection_state_changed = Signal(str)
    """(state) — ``disconnected``, ``connecting``, ``connected``, ``reconnecting``."""
    snapshot_changed = Signal(object)
    """(Snapshot) — the latest state of the subscribed meeting (coalesced)."""
    auth_expired = Signal()
    """The server no longer accepts our session token; sign in again."""

    def __init__(self, client_factory: ClientFactory | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client_factory = client_factory or default_client_factory
        self._tokens = count(1)
        self._lock = threading.Lock()
        self._inbox: list[Callable[[], None]] = []
        self._events: list[Event] = []
        self._snapshot: Snapshot | None = None
        self._woken = False
        self._relay = _Relay()
        self._relay.wake.connect(self.on_relay_wake, Qt.ConnectionType.QueuedConnection)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._client: SyncClient | None = None
        self._replica: Any = None
        self._replica_listener: Any = None

    # --- lifecycle -------------------------------------------------------------

    def start(self) -> None:
        """Start the networking thread (idempotent)."""
        if self._thread is not None:
            return
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            self._loop = loop
            ready.set()
            try:
                loop.run_forever()
            finally:
                # Work still running (a transfer connection nobody closed) ends
                # while the loop can still run its clean-up.
                tasks = asyncio.all_tasks(loop)
                for task in tasks:
                    task.cancel()
                if tasks:
                    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

        self._thread = threading.Thread(target=run, name="meeting-sync", daemon=True)
        self._thread.start()
        ready.wait()

    def stop(self, timeout: float = 5.0) -> None:
        """Close the connection and end the thread; waits at most ``timeout`` seconds."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self._close_client(), loop).result(timeout)
        except Exception:  # a hung close must not hang the app's exit
            log.warning("sync client did not close cleanly", exc_info=True)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        self._loop = self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    # --- submitting work ---------------------------------------------------------

    carries_documents = True

    def submit(self, coro_factory: Work) -> int:
        """Run ``coro_factory(client)`` on the networking thread.

        Returns:
            A token; ``command_finished(token, result)`` or
            ``command_failed(token, code, message)`` follows on the GUI thread.
            Codes are the protocol's, plus ``not_connected`` (no client or no
            connection), ``unreachable`` (the server cannot be reached),
            ``untrusted_server`` (not the pinned certificate) and
            ``bad_server_cert_file`` (the pinned copy cannot be read).
        """
        token = next(self._tokens)
        self._schedule(token, lambda: self._with_client(coro_factory))
        return token

    def _schedule(self, token: int, make: Callable[[], Awaitable[Any]]) -> None:
        if self._loop is None:
            self._post(lambda: self._fail(token, "not_connected", None))
            return

        async def run() -> None:
            try:
                result = await make()
            except asyncio.CancelledError:
                self._post(lambda: self._fail(token, "not_connected", None))
                raise
            except Exception as exc:
                code, message = _error_kind(exc)
                if code == "internal":
                    log.exception("command %s failed", token)
                self._post(lambda: self._fail(token, code, message))
            else:
                self._post(lambda: self.command_finished.emit(token, result))

        future: Future[None] = asyncio.run_coroutine_threadsafe(run(), self._loop)
        del future  # errors are reported through signals

    async def _with_client(self, coro_factory: Callable[[SyncClient], Awaitable[Any]]) -> Any:
        if self._client is None:
            raise ConnectionError("no client")
        return await coro_factory(self._client)

    def send_command(self, payload: Payload) -> int:
        type_ = command_type(payload)  # a payload that names no command fails here
        return self.submit(lambda c: c.command(type_, payload))

    def send_request(self, payload: Payload) -> int:
        type_ = command_type(payload)
        return self.submit(lambda c: c.request(type_, payload))

    def sign_in(self, url: str, username: str, password: str, lang: str = "vi") -> int:
        """Connect to ``url`` (closing any previous connection) and log in.

        The result is the sync layer's ``UserInfo``. Fails with ``unreachable``
        when the server cannot be reached and ``unauthenticated`` on wrong
        credentials.
        """
        token = next(self._tokens)

        async def go() -> Any:
            await self._close_client()
            client = self._client_factory(url, lang)
            self._attach(client)
            self._client = client
            try:
                await client.connect()
                return await client.login(username, password)
            except BaseException:
                await self._close_client()
                raise

        self._schedule(token, go)
        return token

    def sign_out(self) -> int:
        """Close the connection; the result is None."""
        token = next(self._tokens)
        self._schedule(token, self._close_client)
        return token

    def subscribe(self, meeting_id: int) -> int:
        """Subscribe to a meeting; its Snapshot follows on ``snapshot_changed``.

        The result is the replica's ``seq`` at subscription time.
        """
        async def go(client: SyncClient) -> int:
            replica = await client.subscribe(meeting_id)
            if self._replica is not None:
                self._replica.remove_listener(self._replica_listener)
            self._replica = replica
            self._replica_listener = lambda state, _event: self._offer_snapshot(replica, state)
            replica.add_listener(self._replica_listener)
            self._offer_snapshot(replica, replica.state)
            return int(replica.seq)

        return self.submit(go)

    # --- called on the networking thread ----------------------------------------

    def _attach(self, client: SyncClient) -> None:
        client.add_state_listener(
            lambda state: self._post(lambda: self.connection_state_changed.emit(str(state)))
            if client is self._client else None)
        client.add_event_listener(lambda event: self._offer_event(client, event))
        client.add_auth_expired_listener(
            lambda: self._post(self.auth_expired.emit) if client is self._client else None)

    async def _close_client(self) -> None:
        client, self._client, self._replica = self._client, None, None
        if client is not None:
            await client.close()
            self._post(lambda: self.connection_state_changed.emit("disconnected"))

    def _offer_snapshot(self, replica: Any, state: Snapshot) -> None:
        if replica is not self._replica:
            return
        with self._lock:
            self._snapshot = state
        self._wake()

    def _offer_event(self, client: SyncClient, event: Event) -> None:
        if client is not self._client:
            return
        with self._lock:
            self._events.append(event)
        self._wake()

    def _post(self, fn: Callable[[], None]) -> None:
        with self._lock:
            self._inbox.append(fn)
        self._wake()

    def _wake(self) -> None:
        with self._lock:
            if self._woken:
                return
            self._woken = True
        self._relay.wake.emit()

    # --- GUI thread ----------------------------------------------------------------

    def on_relay_wake(self) -> None:
        """Deliver everything that arrived since the last wake-up, in order."""
        with self._lock:
            self._woken = False
            inbox, self._inbox = self._inbox, []
            events, self._events = self._events, []
            snapshot, self._snapshot = self._snapshot, None
        # The state first: a subscribe's result then finds its Snapshot delivered.
        if snapshot is not None:
            self.snapshot_changed.emit(snapshot)
        for fn in inbox:
            fn()
        if events:
            self.events_received.emit(events)

    def _fail(self, token: int, code: str, message: str | None) -> None:
        if message is None:
            if code == "unreachable":
                message = self.tr("Không kết nối được máy chủ. Kiểm tra địa chỉ và mạng.")
            elif code == "not_connected":
                message = self.tr("Mất kết nối — đang kết nối lại…")
            else:
                message = self.tr("Lỗi không mong muốn. Thao tác chưa được thực hiện.")
        self.command_failed.emit(token, code, message)
