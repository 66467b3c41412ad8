"""The delegate's terminal: agenda and seats on the left, actions on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from meeting_client.models.session import MeetingSession
from meeting_client.ui.agenda_panel import AgendaPanel
from meeting_client.ui.attendance_panel import AttendancePanel
from meeting_client.ui.seat_map import SeatMap
from meeting_client.ui.speaker_panel import SpeakerPanel
from meeting_client.ui.vote_panel import VotePanel


class DelegateRoom(QWidget):
    """Check in, ask for the floor, vote; observers see the same, read-only."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agenda = AgendaPanel(session)
        self.seats = SeatMap(session)
        self.attendance = AttendancePanel(session)
        self.speaker = SpeakerPanel(session)
        self.vote = VotePanel(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.agenda, self.tr("Chương trình"))
        self.tabs.addTab(self.seats, self.tr("Sơ đồ hội trường"))
        actions = QHBoxLayout()
        actions.addWidget(self.attendance, 1)
        actions.addWidget(self.speaker, 1)
        right = QVBoxLayout()
        right.addLayout(actions)
        right.addWidget(self.vote, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 2)
        layout.addLayout(right, 3)
