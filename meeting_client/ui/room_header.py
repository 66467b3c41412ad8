"""The strip at the top of every room: meeting, current item, clock, connection."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from meeting_client.models.labels import role_label
from meeting_client.models.session import MeetingSession
from meeting_client.ui.look import label, set_state


class RoomHeader(QFrame):
    """Title and current item on the left; role, connection and clock on the right."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomHeader")
        self._session = session
        self.title = label("", "headerTitle")
        self.item = label("", "headerItem")
        self.who = label("", "headerWho", wrap=False)
        self.connection = label("", "connectionState", wrap=False)
        self.clock = label("", "headerClock", wrap=False)
        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.title)
        left.addWidget(self.item)
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(self.clock)
        right.addWidget(self.connection)
        right.addWidget(self.who)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._connect_signals()
        self._timer.start()
        self.on_clock_timeout()
        self.on_session_connection_state_changed(session.connection_state)
        if session.snapshot is not None:
            self.on_session_snapshot_changed(session.snapshot)

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.on_clock_timeout)
        self._session.snapshot_changed.connect(self.on_session_snapshot_changed)
        self._session.connection_state_changed.connect(self.on_session_connection_state_changed)

    def on_clock_timeout(self) -> None:
        self.clock.setText(datetime.now().strftime("%H:%M"))

    def on_session_snapshot_changed(self, _snapshot: object) -> None:
        snap = self._session.snapshot
        if snap is None:
            return
        self.title.setText(snap.meeting.title)
        item = self._session.active_item()
        if self._session.ended():
            self.item.setText(self.tr("Kỳ họp đã bế mạc"))
        else:
            self.item.setText(self.tr("Nội dung: %1").replace("%1", item.title) if item
                              else self.tr("Chưa bắt đầu nội dung nào"))
        set_state(self.item, "ended" if self._session.ended() else "")
        me = self._session.me
        self.who.setText(f"{me.full_name} · {role_label(self._session.role)}")

    def on_session_connection_state_changed(self, state: str) -> None:
        text = {
            "connected": self.tr("● Đã kết nối"),
            "connecting": self.tr("● Đang kết nối…"),
            "reconnecting": self.tr("● Mất kết nối"),
        }.get(state, self.tr("● Mất kết nối"))
        self.connection.setText(text)
        set_state(self.connection, "ok" if state == "connected" else "lost")
