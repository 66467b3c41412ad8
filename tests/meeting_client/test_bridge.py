"""The bridge: work runs on the networking thread, answers come back on the GUI thread."""

from __future__ import annotations

import socket
from typing import Any

from PySide6.QtCore import QThread

from meeting_client.bridge import Bridge
from meeting_client.models.account import Account
from meeting_client.sync.client import CommandError, ConnectionState, SyncClient, UserInfo
from meeting_client.sync.replica import MeetingReplica
from meeting_protocol.commands import MeetingList, PollCast
from meeting_protocol.envelope import Event
from tests.meeting_client.conftest import make_snapshot

WAIT = 15_000


class FakeSyncClient(SyncClient):
    """The real class with its network replaced: pushes what the test asks for."""

    def __init__(self, url: str, lang: str) -> None:
        super().__init__(url, lang=lang)
        self.replica_obj = MeetingReplica(1, 0, make_snapshot(present=0))
        self.commands: list[tuple[str, dict[str, Any]]] = []

    async def connect(self) -> None:
        self._state = ConnectionState.CONNECTED
        for cb in self._state_listeners:
            cb(ConnectionState.CONNECTED)

    async def close(self) -> None:
        pass

    async def login(self, username: str, password: str) -> UserInfo:
        if password != "demo":
            raise CommandError("unauthenticated", "Sai thông tin đăng nhập.")
        return UserInfo(id=10, username=username, full_name="Nguyễn Văn An", roles=[])

    async def request(self, type_: str, payload: Any = None, **_kw: Any) -> Any:
        if type_ == "meeting.list":
            return {"meetings": [{"id": 1, "title": "Kỳ họp", "status": "scheduled",
                                  "starts_at": "2099-01-01T00:00:00Z", "role": "delegate"}]}
        raise CommandError("unknown_type", "?")

    async def command(self, type_: str, payload: Any = None, **_kw: Any) -> Any:
        self.commands.append((type_, payload))
        if type_ == "poll.cast":
            raise CommandError("conflict", "Đại biểu đã bỏ phiếu trong lần biểu quyết này.")
        return {"ok": True}

    async def subscribe(self, meeting_id: int) -> MeetingReplica:
        return self.replica_obj

    def burst(self, n: int) -> None:
        """Apply ``n`` attendance events as the reader would, on the loop thread."""
        for i in range(1, n + 1):
            seq = self.replica_obj.seq + 1
            event = Event(topic="meeting:1", seq=seq, at="2026-11-24T09:00:00Z",
                          event="attendance.changed",
                          data={"present": i % 31, "expected": 30, "quorum_met": False})
            self.replica_obj.apply(event)
            for cb in self._event_listeners:
                cb(event)

    def expire(self) -> None:
        for cb in self._auth_expired_listeners:
            cb()


def make_bridge(qtbot, clients: list[FakeSyncClient]) -> Bridge:
    def factory(url: str, lang: str) -> FakeSyncClient:
        client = FakeSyncClient(url, lang)
        clients.append(client)
        return client

    bridge = Bridge(factory)
    bridge.start()
    return bridge


def test_results_and_state_arrive_on_the_gui_thread(qtbot):
    clients: list[FakeSyncClient] = []
    bridge = make_bridge(qtbot, clients)
    threads = []
    bridge.connection_state_changed.connect(
        lambda _s: threads.append(QThread.currentThread()))
    try:
        with qtbot.waitSignal(bridge.command_finished, timeout=WAIT) as blocker:
            token = bridge.sign_in("ws://fake/ws", "d001", "demo")
        assert blocker.args[0] == token
        assert blocker.args[1].full_name == "Nguyễn Văn An"
        qtbot.waitUntil(lambda: bool(threads), timeout=WAIT)
        assert threads[0] is QThread.currentThread()  # the test runs on the GUI thread
        with qtbot.waitSignal(bridge.command_failed, timeout=WAIT) as failed:
            bridge.send_command(PollCast(poll_id=1, choice="yes"))
        assert failed.args[1:] == ["conflict", "Đại biểu đã bỏ phiếu trong lần biểu quyết này."]
    finally:
        bridge.stop()


def test_a_burst_of_events_is_coalesced_into_few_snapshots(qtbot):
    clients: list[FakeSyncClient] = []
    bridge = make_bridge(qtbot, clients)
    snapshots: list[Any] = []
    events: list[Event] = []
    bridge.snapshot_changed.connect(snapshots.append)
    bridge.events_received.connect(events.extend)
    try:
        with qtbot.waitSignal(bridge.command_finished, timeout=WAIT):
            bridge.sign_in("ws://fake/ws", "d001", "demo")
        with qtbot.waitSignal(bridge.command_finished, timeout=WAIT):
            bridge.subscribe(1)
        snapshots.clear()
        bridge.submit(lambda c: _burst(c, 500))
        qtbot.waitUntil(lambda: len(events) == 500, timeout=WAIT)
        qtbot.waitUntil(lambda: bool(snapshots) and snapshots[-1].attendance.present == 500 % 31,
                        timeout=WAIT)
        assert [e.seq for e in events] == list(range(1, 501))
        assert len(snapshots) <= len(events) // 4  # coalesced: far fewer than one per event
    finally:
        bridge.stop()


async def _burst(client: FakeSyncClient, n: int) -> None:
    client.burst(n)


def test_account_tells_wrong_password_unreachable_and_expired_apart(qtbot):
    clients: list[FakeSyncClient] = []
    bridge = make_bridge(qtbot, clients)
    account = Account(bridge)
    try:
        with qtbot.waitSignal(account.sign_in_failed, timeout=WAIT) as wrong:
            account.sign_in("ws://fake/ws", "d001", "sai")
        assert wrong.args == ["unauthenticated", "Tên đăng nhập hoặc mật khẩu không đúng."]
        with qtbot.waitSignal(account.meetings_loaded, timeout=WAIT):
            account.sign_in("ws://fake/ws", "d001", "demo")
            qtbot.waitUntil(lambda: account.me is not None, timeout=WAIT)
            account.load_meetings()
        with qtbot.waitSignal(account.meeting_opened, timeout=WAIT) as opened:
            account.open_meeting(1)
        session = opened.args[0]
        assert session.role == "delegate" and session.snapshot is not None
        with qtbot.waitSignal(account.session_expired, timeout=WAIT) as expired:
            bridge.submit(_expire)
        assert expired.args == ["Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."]
    finally:
        bridge.stop()


async def _expire(client: FakeSyncClient) -> None:
    client.expire()


def test_an_unreachable_server_is_named(qtbot):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    bridge = Bridge()
    bridge.start()
    account = Account(bridge)
    url = f"ws://127.0.0.1:{port}/ws"
    try:
        with qtbot.waitSignal(account.sign_in_failed, timeout=WAIT) as failed:
            account.sign_in(url, "d001", "demo")
        assert failed.args[0] == "unreachable"
        assert failed.args[1] == (f"Không kết nối được máy chủ {url}. Kiểm tra địa chỉ máy "
                                  "chủ và mạng.")
    finally:
        bridge.stop()


def test_wrong_password_on_a_real_server(qtbot, live_server):
    bridge = Bridge()
    bridge.start()
    account = Account(bridge)
    try:
        with qtbot.waitSignal(account.sign_in_failed, timeout=WAIT) as failed:
            account.sign_in(live_server.url, "d001", "khong-dung")
        assert failed.args == ["unauthenticated", "Tên đăng nhập hoặc mật khẩu không đúng."]
        with qtbot.waitSignal(account.signed_in, timeout=WAIT) as ok:
            account.sign_in(live_server.url, "d001", "demo")
        assert ok.args[0].username == "d001"
    finally:
        bridge.stop()


def test_submit_without_a_started_bridge_fails_cleanly(qtbot):
    bridge = Bridge()
    with qtbot.waitSignal(bridge.command_failed, timeout=WAIT) as failed:
        bridge.send_request(MeetingList())
    assert failed.args[1] == "not_connected"
