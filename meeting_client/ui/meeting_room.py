"""One open meeting: banner, header, notices, and the body for the user's role."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from meeting_client.models.session import MeetingSession
from meeting_client.ui.chair_console import ChairConsole
from meeting_client.ui.clerk_view import ClerkView
from meeting_client.ui.connection_banner import ConnectionBanner
from meeting_client.ui.delegate_room import DelegateRoom
from meeting_client.ui.hall_display import HallDisplay
from meeting_client.ui.notice_bar import NoticeBar
from meeting_client.ui.room_header import RoomHeader


class MeetingRoom(QWidget):
    """Chair console, clerk view, hall display or delegate room, by role and mode."""

    def __init__(self, session: MeetingSession, *, hall: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingRoom")
        self.session = session
        self.banner = ConnectionBanner()
        self.notices = NoticeBar()
        self.header = RoomHeader(session)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.banner)
        self.body: QWidget
        if hall:
            self.header.hide()
            self.body = HallDisplay(session)
            layout.setContentsMargins(0, 0, 0, 0)
        elif session.is_chair:
            self.body = ChairConsole(session)
        elif session.is_clerk:
            self.body = ClerkView(session)
        else:
            self.body = DelegateRoom(session)
        layout.addWidget(self.header)
        layout.addWidget(self.notices)
        layout.addWidget(self.body, 1)
        self._connect_signals()
        self.banner.on_session_connection_state_changed(session.connection_state)

    def _connect_signals(self) -> None:
        self.session.connection_state_changed.connect(
            self.banner.on_session_connection_state_changed)
        self.session.notice.connect(self.notices.on_notice)
