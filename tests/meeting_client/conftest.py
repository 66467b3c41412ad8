"""Fixtures for the desktop client's tests: offscreen Qt, Snapshots, a fake port.

``QT_QPA_PLATFORM`` is set here, before pytest-qt creates the QApplication, so
the GUI tests run without a display.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import msgspec
import pytest
from PySide6.QtCore import QSettings

from meeting_client.app import build
from meeting_client.models.port import CommandPort
from meeting_client.models.session import Me, MeetingSession
from meeting_client.ui.main_window import ClientOptions
from meeting_protocol.commands import Payload, command_type, fields_of
from meeting_protocol.envelope import Event
from meeting_protocol.state import (
    AgendaItem,
    Attendance,
    MeetingInfo,
    Participant,
    Snapshot,
    apply_event,
)

CHAIR_ID, CLERK_ID = 2, 3
DELEGATE_IDS = list(range(10, 40))
"""30 delegates, seats "1"…"30", like the demo meeting."""


class FakePort(CommandPort):
    """Records what was sent; the test answers with :meth:`finish` / :meth:`fail`."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[int, str, dict[str, Any]]] = []
        """(token, command type, the fields as they would go on the wire)."""
        self._next = 0

    def _send(self, payload: Payload) -> int:
        self._next += 1
        self.sent.append((self._next, command_type(payload), fields_of(payload)))
        return self._next

    def send_command(self, payload: Payload) -> int:
        return self._send(payload)

    def send_request(self, payload: Payload) -> int:
        return self._send(payload)

    def commands(self) -> list[tuple[str, dict[str, Any]]]:
        return [(t, p) for _, t, p in self.sent]

    def last_token(self, type_: str) -> int:
        return next(tok for tok, t, _ in reversed(self.sent) if t == type_)

    def finish(self, type_: str, data: Any = None) -> None:
        self.command_finished.emit(self.last_token(type_), data)

    def fail(self, type_: str, code: str, message: str) -> None:
        self.command_failed.emit(self.last_token(type_), code, message)


def make_snapshot(*, present: int = 0, status: str = "in_progress") -> Snapshot:
    """The demo meeting: 30 delegates, quorum 16, absolute majority, 4 agenda items."""
    participants = [
        Participant(user_id=CHAIR_ID, username="chair", full_name="Trần Văn Chủ Tọa",
                    role="chair"),
        Participant(user_id=CLERK_ID, username="clerk", full_name="Lê Thị Thư Ký",
                    role="clerk"),
    ]
    for n, uid in enumerate(DELEGATE_IDS, start=1):
        participants.append(Participant(
            user_id=uid, username=f"d{n:03d}", full_name=f"Nguyễn Văn Đại Biểu {n}",
            role="delegate", seat=str(n), present=n <= present))
    agenda = [
        AgendaItem(id=1, title="Khai mạc kỳ họp", position=1, active=True,
                   taken_up_at="2026-11-24T08:00:00Z"),
        AgendaItem(id=2, title="Tờ trình về kế hoạch đầu tư công năm 2027", position=2),
        AgendaItem(id=3, title="Thảo luận và chất vấn", position=3),
        AgendaItem(id=4, title="Biểu quyết thông qua nghị quyết", position=4),
    ]
    return Snapshot(
        meeting=MeetingInfo(id=1, title="Kỳ họp thứ 12 HĐND thành phố Móng Cái",
                            starts_at="2026-11-24T08:00:00Z", status=status, quorum=16,
                            majority="absolute", location="Hội trường tầng 3",
                            body="HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI"),
        agenda=agenda, participants=participants,
        attendance=Attendance(present=present, expected=30, quorum_met=present >= 16),
        speakers=[], polls=[],
    )


class Feed:
    """Applies events to a Snapshot like the replica does, with increasing seq."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.state = snapshot
        self.seq = 0

    def event(self, name: str, at: str = "2026-11-24T09:00:00Z", **data: Any) -> Event:
        self.seq += 1
        event = Event(topic="meeting:1", seq=self.seq, at=at, event=name, data=data)
        self.state = apply_event(self.state, event)
        return event


QT_NOISE = r"This plugin does not support propagateSizeHints\(\)"
"""The offscreen platform says this for every top-level window; it is not ours."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore the offscreen platform's noise, so ``qt_log_level_fail = WARNING`` can hold."""
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here) and "/sync/" not in str(item.path):
            item.add_marker(pytest.mark.qt_log_ignore(QT_NOISE))


@pytest.fixture
def snapshot_factory() -> Callable[..., Snapshot]:
    return make_snapshot


@pytest.fixture
def port(qapp: Any) -> FakePort:
    return FakePort()


def make_session(port: FakePort, role: str, user_id: int, *, present: int = 20,
                 roles: tuple[str, ...] = ()) -> tuple[MeetingSession, Feed]:
    session = MeetingSession(port, Me(user_id, f"u{user_id}", f"User {user_id}", roles),
                             role, 1)
    feed = Feed(make_snapshot(present=present))
    session.set_snapshot(feed.state)
    session.set_connection_state("connected")
    return session, feed


@pytest.fixture
def session_factory(port: FakePort) -> Callable[..., tuple[MeetingSession, Feed]]:
    """``session_factory(role, user_id, present=20)`` on the shared fake port."""
    return lambda role, user_id, **kw: make_session(port, role, user_id, **kw)


@pytest.fixture
def delegate_session(port: FakePort) -> tuple[MeetingSession, Feed]:
    """Delegate seat 1 (checked in), 20 present: quorum met."""
    return make_session(port, "delegate", DELEGATE_IDS[0])


@pytest.fixture
def chair_session(port: FakePort) -> tuple[MeetingSession, Feed]:
    return make_session(port, "chair", CHAIR_ID)


def to_builtins(obj: Any) -> Any:
    return msgspec.to_builtins(obj)


@pytest.fixture
def room_window(qtbot: Any, live_server: Any, tmp_path: Any) -> Any:
    """``room_window(user, hall=False, size=(1280, 800))``: the real client window against
    the live server, signed in, meeting 1 open and online. Bridges stop at the end."""
    bridges: list[Any] = []

    def start(user: str, *, hall: bool = False, size: tuple[int, int] = (1280, 800)) -> Any:
        settings = QSettings(str(tmp_path / f"{user}.ini"), QSettings.Format.IniFormat)
        options = ClientOptions(server=live_server.url, user=user, password="demo",
                                meeting=1, hall=hall)
        window, bridge, _account = build(options, settings=settings)
        bridges.append(bridge)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.room is not None
                        and window.room.session.snapshot is not None
                        and window.room.session.online, timeout=20_000)
        return window

    yield start
    for bridge in bridges:
        bridge.stop()
