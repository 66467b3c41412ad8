"""A small fake meeting server and waiting helpers for the sync engine's tests.

The fake speaks just enough of PROTOCOL.md (login/resume, subscribe with a
snapshot or a replay, two mutating commands with idempotency keys) and can
misbehave on purpose: drop a connection before or after executing a command,
push events around a subscribe result, leave gaps, never answer. Its meeting
state is folded from its event log with the real reducer, so a replica can be
compared with the state the server would snapshot.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import msgspec
import pytest
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from meeting_client.sync import SyncClient
from meeting_protocol.envelope import Event, encode_text
from meeting_protocol.state import (
    AgendaItem,
    Attendance,
    MeetingInfo,
    Participant,
    Snapshot,
    apply_event,
)

DELEGATES = ("d001", "d002", "d003", "d004")
USERS = {"chair": 2, **{name: 10 + i for i, name in enumerate(DELEGATES)}}
TOPIC = "meeting:1"


def base_snapshot() -> Snapshot:
    """Meeting 1 as of seq 0."""
    return Snapshot(
        meeting=MeetingInfo(
            id=1, title="Kỳ họp thứ 12, HĐND thành phố", starts_at="2026-11-24T08:00:00+07:00",
            status="in_progress", quorum=3, majority="absolute",
        ),
        agenda=[
            AgendaItem(id=1, title="Khai mạc kỳ họp", position=1),
            AgendaItem(id=2, title="Báo cáo kinh tế - xã hội", position=2),
        ],
        participants=[
            Participant(user_id=USERS["chair"], username="chair", full_name="Chủ tọa",
                        role="chair"),
            *(Participant(user_id=USERS[d], username=d, full_name=f"Đại biểu {d}",
                          role="delegate") for d in DELEGATES),
        ],
        attendance=Attendance(present=0, expected=len(DELEGATES), quorum_met=False),
        speakers=[],
        polls=[],
    )


@dataclass(eq=False)
class FakeConnection:
    number: int
    ws: ServerConnection
    user: str | None = None
    subscribed: bool = False
    queue: asyncio.Queue[str | bytes] = field(default_factory=asyncio.Queue)

    def out(self, obj: Any) -> None:
        """Queue a frame; the writer keeps the order in which frames were produced."""
        self.queue.put_nowait(obj if isinstance(obj, str | bytes) else json.dumps(obj))

    def abort(self) -> None:
        """A network failure: no close frame, nothing queued gets out."""
        self.ws.transport.abort()


@dataclass
class Received:
    connection: int
    frame: dict[str, Any]

    @property
    def type(self) -> str:
        return str(self.frame.get("type"))


class FakeServer:
    """An in-process stand-in for the meeting server, on a free loopback port."""

    def __init__(self) -> None:
        self.port = 0
        self.sessions: dict[str, str] = {}
        self.log: list[Event] = []
        self.keep = 1000
        """How many recent events a ``since`` may replay; older → snapshot."""
        self.received: list[Received] = []
        self.executions: list[tuple[str, str | None]] = []
        self.results: dict[tuple[str, str], Any] = {}
        self.drop_on: dict[str, str] = {}
        """Command type → "before" or "after" (its execution): drop that connection once."""
        self.hang: set[str] = {"test.hang"}
        self.reject_handshakes = 0
        """Answer the next N upgrade requests with HTTP 503 (a server still starting)."""
        self.rejected = 0
        self.fail_resumes = 0
        """Answer the next N ``auth.resume`` with ``internal``."""
        self.bad_subscribe_reply = False
        self.emit_before_snapshot = 0
        self.emit_after_snapshot = 0
        self.connections: list[FakeConnection] = []
        """Open connections."""
        self.accepted = 0
        """Connections accepted so far, which also numbers them."""
        self._server: Server | None = None
        self._present: set[str] = set()
        self._next_request = 0
        self._poke = asyncio.Event()

    # --- control ---------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    @property
    def seq(self) -> int:
        return len(self.log)

    def snapshot(self) -> Snapshot:
        state = base_snapshot()
        for event in self.log:
            state = apply_event(state, event)
        return state

    async def start(self) -> None:
        self._server = await serve(self._handle, "127.0.0.1", self.port, compression=None,
                                   process_request=self._process_request)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Go down hard: connections cut without a close frame, port closed."""
        self.kick()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    def kick(self) -> None:
        for conn in self.connections:
            conn.abort()

    def emit(self, name: str, data: dict[str, Any], *, deliver: bool = True) -> Event:
        """Append an event to meeting 1's log; ``deliver=False`` leaves a gap for everyone."""
        event = Event(topic=TOPIC, seq=self.seq + 1, at=f"2026-11-24T09:00:{self.seq:02d}Z",
                      event=name, data=data)
        self.log.append(event)
        if deliver:
            text = encode_text(event)
            for conn in self.connections:
                if conn.subscribed:
                    conn.out(text)
        self._changed()
        return event

    def emit_agenda(self, *, deliver: bool = True) -> Event:
        """A harmless event that still changes the state (agenda item toggles)."""
        item = 1 + self.seq % 2
        return self.emit("agenda.activated", {"item_id": item}, deliver=deliver)

    def push_raw(self, text: str | bytes) -> None:
        for conn in self.connections:
            conn.out(text)

    def frames(self, type_: str) -> list[Received]:
        return [r for r in self.received if r.type == type_]

    async def until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Wait until ``predicate()`` holds, re-checked whenever the server changes."""

        async def loop() -> None:
            while not predicate():
                self._poke.clear()
                await self._poke.wait()

        await asyncio.wait_for(loop(), timeout)

    def _changed(self) -> None:
        self._poke.set()

    # --- protocol ----------------------------------------------------------------

    def _process_request(self, ws: ServerConnection, request: Request) -> Response | None:
        if self.reject_handshakes <= 0:
            return None
        self.reject_handshakes -= 1
        self.rejected += 1
        self._changed()
        return ws.respond(HTTPStatus.SERVICE_UNAVAILABLE, "starting\n")

    async def _handle(self, ws: ServerConnection) -> None:
        self.accepted += 1
        conn = FakeConnection(self.accepted, ws)
        self.connections.append(conn)
        writer = asyncio.create_task(self._write(conn))
        self._changed()
        try:
            async for raw in ws:
                frame = json.loads(raw)
                self.received.append(Received(conn.number, frame))
                self._changed()
                self._serve(conn, frame)
        except ConnectionClosed:
            pass
        finally:
            conn.subscribed = False
            self.connections.remove(conn)
            writer.cancel()
            self._changed()

    async def _write(self, conn: FakeConnection) -> None:
        try:
            while True:
                await conn.ws.send(await conn.queue.get())
        except ConnectionClosed:
            pass

    def _serve(self, conn: FakeConnection, frame: dict[str, Any]) -> None:
        fid, type_ = frame.get("id"), frame.get("type")

        def result(data: Any) -> None:
            conn.out({"id": fid, "type": "result", "data": data})

        def error(code: str, message: str) -> None:
            conn.out({"id": fid, "type": "error", "code": code, "message": message})

        if type_ in self.hang:
            return
        if type_ == "auth.login":
            if frame.get("username") in USERS and frame.get("password") == "demo":
                token = secrets.token_hex(8)
                self.sessions[token] = frame["username"]
                conn.user = frame["username"]
                result(self._session(token))
            else:
                error("unauthenticated", "Tên đăng nhập hoặc mật khẩu không đúng.")
            return
        if type_ == "auth.resume":
            if self.fail_resumes > 0:
                self.fail_resumes -= 1
                error("internal", "Lỗi máy chủ. Thao tác chưa được thực hiện.")
                return
            user = self.sessions.get(frame.get("token", ""))
            if user is None:
                error("unauthenticated", "Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.")
            else:
                conn.user = user
                result(self._session(frame["token"]))
            return
        if conn.user is None:
            error("unauthenticated", "Cần đăng nhập để thực hiện thao tác này.")
            return
        if type_ == "meeting.list":
            result({"meetings": [{"id": 1, "title": "Kỳ họp thứ 12", "role": "delegate",
                                  "starts_at": "2026-11-24T08:00:00+07:00",
                                  "status": "in_progress"}]})
        elif type_ == "meeting.subscribe":
            self._subscribe(conn, frame, result, error)
        elif type_ == "meeting.unsubscribe":
            conn.subscribed = False
            result({})
        elif type_ in ("attendance.check_in", "speaker.request"):
            self._mutate(conn, frame, result)
        else:
            error("unknown_type", "Lệnh không được hỗ trợ.")

    def _session(self, token: str) -> dict[str, Any]:
        name = self.sessions[token]
        return {"token": token, "user": {"id": USERS[name], "username": name,
                                         "full_name": f"Người dùng {name}", "roles": []}}

    def _subscribe(self, conn: FakeConnection, frame: dict[str, Any],
                   result: Callable[[Any], None], error: Callable[[str, str], None]) -> None:
        if frame.get("meeting_id") != 1:
            error("not_found", "Không tìm thấy cuộc họp.")
            return
        since = frame.get("since", 0)
        if self.bad_subscribe_reply:
            result({"seq": "mười hai"})
            return
        conn.subscribed = True  # from here on live events reach this connection
        for _ in range(self.emit_before_snapshot):
            self.emit_agenda()
        seq = self.seq
        snapshot = since == 0 or since > seq or since < seq - self.keep
        data: dict[str, Any] = {"seq": seq}
        if snapshot:
            data["snapshot"] = msgspec.to_builtins(self.snapshot())
        for _ in range(self.emit_after_snapshot):
            self.emit_agenda()
        result(data)
        if not snapshot:
            for event in self.log[since:seq]:
                conn.out(encode_text(event))

    def _mutate(self, conn: FakeConnection, frame: dict[str, Any],
                result: Callable[[Any], None]) -> None:
        type_, key, user = frame["type"], frame.get("key"), conn.user
        assert user is not None
        if key is not None and (user, key) in self.results:
            result(self.results[(user, key)])
            return
        drop = self.drop_on.pop(type_, None)
        if drop == "before":
            conn.abort()
            return
        self.executions.append((type_, key))
        if type_ == "attendance.check_in":
            self._present.add(user)
            present = len(self._present)
            self.emit("attendance.changed", {
                "user_id": USERS[user], "checked_in": True, "present": present,
                "expected": len(DELEGATES), "quorum_met": present >= 3,
            })
            data: dict[str, Any] = {"present": present}
        else:
            self._next_request += 1
            self.emit("speaker.requested", {"request_id": self._next_request,
                                            "user_id": USERS[user]})
            data = {"request_id": self._next_request}
        if key is not None:
            self.results[(user, key)] = data
        if drop == "after":
            conn.abort()  # committed, but neither the reply nor the event gets out
            return
        result(data)


class Waiter:
    """Wakes a test whenever a listener fires, to re-check a condition (no sleeps)."""

    def __init__(self) -> None:
        self._poke = asyncio.Event()

    def poke(self, *_: Any) -> None:
        self._poke.set()

    async def until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        async def loop() -> None:
            while not predicate():
                self._poke.clear()
                await self._poke.wait()

        await asyncio.wait_for(loop(), timeout)


@pytest.fixture
async def fake_server() -> AsyncIterator[FakeServer]:
    server = FakeServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def make_client() -> AsyncIterator[Callable[..., SyncClient]]:
    """Build clients with fast reconnects; all are closed at the end of the test."""
    clients: list[SyncClient] = []

    def make(url: str, **kwargs: Any) -> SyncClient:
        kwargs.setdefault("backoff_initial", 0.01)
        kwargs.setdefault("backoff_max", 0.05)
        kwargs.setdefault("request_timeout", 5.0)
        client = SyncClient(url, **kwargs)
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.close()


@pytest.fixture
def waiter() -> Waiter:
    return Waiter()
