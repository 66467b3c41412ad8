"""The chair's console: agenda control, floor control, voting, seats, hall screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from meeting_client.models.labels import meeting_status_label
from meeting_client.models.session import MeetingSession
from meeting_client.ui.agenda_panel import AgendaPanel
from meeting_client.ui.chime import Chime
from meeting_client.ui.confirm_bar import ConfirmBar
from meeting_client.ui.directives.pending_panel import PendingWorkPanel
from meeting_client.ui.guard import GuardedButton
from meeting_client.ui.hall_control import HallControl
from meeting_client.ui.item_timer import ItemTimer
from meeting_client.ui.look import label
from meeting_client.ui.poll_control_panel import PollControlPanel
from meeting_client.ui.seat_map import SeatMap
from meeting_client.ui.speaker_queue_panel import SpeakerQueuePanel


class ChairConsole(QWidget):
    """Everything the delegate sees about the session, plus the controls to run it."""

    hall_window_requested = Signal()
    """The chair wants the hall display on this computer's second screen."""

    def __init__(self, session: MeetingSession, *, chime: Chime | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.chime = chime or Chime(self)
        self.agenda = AgendaPanel(session, chair_controls=True)
        self.speakers = SpeakerQueuePanel(session)
        self.polls = PollControlPanel(session)
        self.seats = SeatMap(session)

        meeting = QFrame()
        meeting.setObjectName("panel")
        self.meeting_status = label("", "panelSubtitle")
        self.start_button = GuardedButton(self.tr("Khai mạc kỳ họp"))
        self.end_button = GuardedButton(self.tr("Bế mạc kỳ họp"))
        self.end_button.setObjectName("danger")
        self.confirm = ConfirmBar()
        meeting_layout = QVBoxLayout(meeting)
        meeting_layout.addWidget(self.meeting_status)
        self.item_timer = ItemTimer(session)
        meeting_layout.addWidget(self.item_timer)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.end_button)
        meeting_layout.addLayout(row)
        meeting_layout.addWidget(self.confirm)

        self.hall = HallControl(session)
        self.pending = PendingWorkPanel(session.port)
        self.pending.show_meeting(session.meeting_id)

        left = QVBoxLayout()
        left.addWidget(meeting)
        left.addWidget(self.agenda, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.polls, self.tr("Biểu quyết"))
        self.tabs.addTab(self.seats, self.tr("Sơ đồ hội trường"))
        self.tabs.addTab(self.hall, self.tr("Màn hình hội trường"))
        self.tabs.addTab(self.pending, self.tr("Việc chưa hoàn thành"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addWidget(self.speakers, 3)
        layout.addWidget(self.tabs, 5)
        self._connect_signals()
        self.on_session_changed()

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_changed)
        self._session.online_changed.connect(self.on_session_changed)
        self._session.command_succeeded.connect(self.on_session_changed)
        self._session.command_rejected.connect(self.on_session_changed)
        self.speakers.timer.time_up.connect(self.on_timer_time_up)
        self.start_button.clicked.connect(self.on_start_clicked)
        self.end_button.clicked.connect(self.on_end_clicked)
        self.confirm.confirmed.connect(self.on_confirm_confirmed)
        self.hall.hall_window_requested.connect(self.hall_window_requested)

    def on_session_changed(self, *_args: object) -> None:
        snap = self._session.snapshot
        if snap is None:
            return
        status = snap.meeting.status
        self.meeting_status.setText(self.tr("Kỳ họp: %1").replace(
            "%1", meeting_status_label(status)))
        online = self._session.online
        self.start_button.setVisible(status == "scheduled")
        self.start_button.setEnabled(online and not self._session.is_pending("meeting.start"))
        self.end_button.setVisible(status == "in_progress")
        self.end_button.setEnabled(online and not self._session.is_pending("meeting.end"))
        if status != "in_progress" and self.confirm.pending() is not None:
            self.confirm.on_cancel_clicked()
        self.pending.set_allowed(status == "in_progress", self.tr(
            "Chủ tọa đưa việc vào chương trình khi cuộc họp đang diễn ra; trước đó thư ký "
            "hoặc văn phòng thực hiện trong trang Chuẩn bị họp."))

    def on_timer_time_up(self, _request_id: int) -> None:
        self.chime.play()

    def on_start_clicked(self) -> None:
        self._session.start_meeting()
        self.on_session_changed()

    def on_end_clicked(self) -> None:
        """Ending cannot be undone: ask first (the guarded confirm sits below)."""
        self.confirm.ask(self.tr("Bế mạc kỳ họp? Sau khi bế mạc không thể mở lại, "
                                 "không thể biểu quyết hay phát biểu thêm."), "end",
                         self.tr("Bế mạc kỳ họp"), "warn")

    def on_confirm_confirmed(self, payload: object) -> None:
        snap = self._session.snapshot
        if payload == "end" and snap is not None and snap.meeting.status == "in_progress":
            self._session.end_meeting()
