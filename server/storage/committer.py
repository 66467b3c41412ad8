"""The database thread: serial units of work, group commit, publish after commit.

Every read and write of the server runs here, one unit at a time, so a unit
sees a consistent state without locks. Units that arrive together share one
transaction (each inside its own SAVEPOINT, so one failing unit changes
nothing and does not disturb the others) and therefore one fsync: STACK.md
measured ~25 ms instead of ~500 ms for 1000 ballots. The SAVEPOINTs are plain
SQL on the DBAPI cursor: SQLAlchemy's ``begin_nested`` cost ~55 µs a unit
against ~1 µs, a third of a ballot's whole time. A unit's completion
callback runs on the event loop only after that transaction committed, in unit
order and right after the unit's own events were published — which is what
lets ``meeting.subscribe`` take a snapshot and register its listener with no
gap between them.

Secret ballots are *mixed*: units submitted with ``mix="hold"`` wait until at
least ``mix_min`` of them are waiting or the oldest has waited ``mix_window_s``
seconds, then commit together — so a copy of the files taken between two
commits can tell only that a group of voters added a group of choices. A unit
with ``mix="flush"`` (closing a poll) takes every waiting one with it, ahead of
itself. A second, history-free database (``server.storage.sidestore``) is
committed before the main one in every batch.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy.engine import Connection, Engine

from meeting_protocol.envelope import Event
from meeting_protocol.events import EventData, data_of
from server.storage.eventlog import append_event, append_events
from server.storage.sidestore import bind_side

log = logging.getLogger(__name__)

T = TypeVar("T")
Done = Callable[[Any, BaseException | None], None]
Publisher = Callable[[list[Event]], None]


def utc_now_iso(now: datetime | None = None) -> str:
    """ISO 8601 with milliseconds and ``Z``, as in PROTOCOL.md."""
    now = now or datetime.now(UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


class Tx:
    """What a unit of work gets: the connection, the clock, and ``emit``."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.now = datetime.now(UTC)
        self.now_iso = utc_now_iso(self.now)
        self.events: list[Event] = []

    def emit(self, topic: str, payload: EventData) -> Event:
        """Append an event to the topic's log; it is published after commit."""
        ev = append_event(self.conn, topic, payload.NAME, data_of(payload), self.now_iso)
        self.events.append(ev)
        return ev

    def emit_many(self, topics: list[str], payload: EventData) -> list[Event]:
        """The same event on many topics (each recipient's own), appended in bulk."""
        evs = append_events(self.conn, topics, payload.NAME, data_of(payload), self.now_iso)
        self.events.extend(evs)
        return evs


@dataclass(slots=True)
class _Unit(Generic[T]):
    fn: Callable[[Tx], T]
    done: Done
    mix: str | None = None
    arrived: float = 0.0
    result: Any = None
    error: BaseException | None = None
    events: list[Event] = field(default_factory=list)


_STOP = object()


class Committer:
    """Runs units of work on one thread with group commit.

    Args:
        engine: where the data lives.
        publish: called on the loop with each unit's events before its callback.
        max_batch: most units in one transaction; bounds the latency one
            transaction adds to the first unit in it.
        side: the history-free side database (committed first), if any.
        mix_min, mix_window_s: held units commit when this many wait, or when
            the oldest has waited this long — the bound on a secret ballot's
            extra latency.
    """

    def __init__(self, engine: Engine, publish: Publisher, *, max_batch: int = 512,
                 side: Engine | None = None, mix_min: int = 5,
                 mix_window_s: float = 1.0) -> None:
        self.engine = engine
        self.side = side
        self.mix_min = mix_min
        self.mix_window_s = mix_window_s
        self._publish = publish
        self._max_batch = max_batch
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopped = threading.Event()
        self._held: list[_Unit[Any]] = []
        self.batches = 0
        self.units = 0

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._thread = threading.Thread(target=self._run, name="db-committer", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[Tx], T], done: Done, mix: str | None = None) -> None:
        """Queue a unit; ``done(result, error)`` runs on the loop after commit.

        ``mix="hold"`` makes it wait for others to share its commit (secret
        ballots); ``mix="flush"`` commits every held unit with it, before it.
        """
        if self._stopped.is_set():
            raise RuntimeError("committer stopped")
        self._queue.put(_Unit(fn, done, mix, time.monotonic()))

    async def run(self, fn: Callable[[Tx], T]) -> T:
        """Run a unit and wait for its committed result (raises its error)."""
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[T] = loop.create_future()

        def done(result: Any, error: BaseException | None) -> None:
            if fut.done():
                return
            if error is not None:
                fut.set_exception(error)
            else:
                fut.set_result(result)

        self.submit(fn, done)
        return await fut

    def stop(self, timeout: float = 30.0) -> None:
        """Finish every queued unit, then end the thread."""
        if self._thread is None or self._stopped.is_set():
            return
        self._stopped.set()
        self._queue.put(_STOP)
        self._thread.join(timeout)

    # --- the thread ------------------------------------------------------------

    def _run(self) -> None:
        conn = self.engine.connect()
        side = self.side.connect() if self.side is not None else None
        if side is not None:
            bind_side(conn, side)
        try:
            while True:
                try:
                    first = self._queue.get(timeout=self._hold_timeout())
                except queue.Empty:
                    first = None
                if first is _STOP:
                    last = self._release([], force=True)
                    if last:
                        conn, side = self._run_batch(conn, side, last)
                    return
                batch: list[_Unit[Any]] = []
                stop_after = False
                if first is not None:
                    self._take(first, batch)
                while len(batch) < self._max_batch:
                    try:
                        unit = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if unit is _STOP:
                        stop_after = True
                        break
                    self._take(unit, batch)
                batch = self._release(batch, force=stop_after)
                if batch:
                    conn, side = self._run_batch(conn, side, batch)
                if stop_after:
                    return
        finally:
            conn.close()
            if side is not None:
                side.close()

    def _hold_timeout(self) -> float | None:
        if not self._held:
            return None
        return max(0.0, self._held[0].arrived + self.mix_window_s - time.monotonic())

    def _take(self, unit: _Unit[Any], batch: list[_Unit[Any]]) -> None:
        if unit.mix == "hold":
            self._held.append(unit)
            return
        if unit.mix == "flush":
            batch.extend(self._held)
            self._held.clear()
        batch.append(unit)

    def _release(self, batch: list[_Unit[Any]], *, force: bool) -> list[_Unit[Any]]:
        """Put the held units ahead of the batch once there are enough or they waited enough."""
        held = self._held
        if held and (force or len(held) >= self.mix_min
                     or time.monotonic() >= held[0].arrived + self.mix_window_s):
            self._held = []
            return held + batch
        return batch

    def _run_batch(self, conn: Connection, side: Connection | None,
                   batch: list[_Unit[Any]]) -> tuple[Connection, Connection | None]:
        try:
            trans = conn.begin()
            side_trans = side.begin() if side is not None else None
        except Exception as exc:  # the database is gone: fail the batch, try new connections
            log.exception("cannot begin a transaction")
            for unit in batch:
                unit.error = exc
            self._deliver(batch)
            conn.close()
            conn = self.engine.connect()
            if side is not None:
                side.close()
                side = self.side.connect() if self.side is not None else None
                if side is not None:
                    bind_side(conn, side)
            return conn, side
        cursors = [conn.connection.cursor()]
        if side is not None:
            cursors.append(side.connection.cursor())
        for unit in batch:
            tx = Tx(conn)
            try:
                for cursor in cursors:
                    cursor.execute("SAVEPOINT unit")
                unit.result = unit.fn(tx)
                for cursor in cursors:
                    cursor.execute("RELEASE SAVEPOINT unit")
            except BaseException as exc:
                unit.error = exc
                try:
                    for cursor in cursors:
                        cursor.execute("ROLLBACK TO SAVEPOINT unit")
                        cursor.execute("RELEASE SAVEPOINT unit")
                except Exception:
                    log.exception("savepoint rollback failed")
                continue
            unit.events = tx.events
        try:
            if side_trans is not None:  # first: a crash in between keeps the ballot counted
                side_trans.commit()
            trans.commit()
        except Exception as exc:
            log.exception("group commit failed; %d units answered internal", len(batch))
            for t in (side_trans, trans):
                if t is not None and t.is_active:
                    try:
                        t.rollback()
                    except Exception:
                        log.exception("rollback failed")
            for unit in batch:
                unit.error = exc
                unit.events = []
        self.batches += 1
        self.units += len(batch)
        self._deliver(batch)
        return conn, side

    def _deliver(self, batch: list[_Unit[Any]]) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # loop closed during shutdown
            loop.call_soon_threadsafe(self._complete, batch)

    def _complete(self, batch: list[_Unit[Any]]) -> None:
        for unit in batch:
            if unit.events:
                try:
                    self._publish(unit.events)
                except Exception:
                    log.exception("publishing events failed")
            try:
                unit.done(unit.result, unit.error)
            except Exception:
                log.exception("completion callback failed")
