"""Roll call: the delegate's "Điểm danh" button and the present/quorum line."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from meeting_client.models.labels import attendance_text
from meeting_client.models.session import MeetingSession
from meeting_client.ui.confirm_bar import ConfirmBar
from meeting_client.ui.guard import GuardedButton
from meeting_client.ui.look import icon, label, set_state


class AttendancePanel(QFrame):
    """Shows attendance to everyone; delegates check in (or leave) with one button."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self._session = session
        self.summary = label("", "attendanceSummary")
        self.mine = label("", "muted")
        self.check_in_button = GuardedButton(self.tr("Điểm danh"))
        self.check_in_button.setObjectName("primary")
        self.check_in_button.setIcon(icon("check"))
        self.check_out_button = GuardedButton(self.tr("Rời phòng họp"))
        self.check_out_button.setObjectName("quiet")
        self.confirm = ConfirmBar()
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Điểm danh"), "panelTitle"))
        layout.addWidget(self.summary)
        layout.addWidget(self.mine)
        layout.addWidget(self.check_in_button)
        layout.addWidget(self.check_out_button)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        self._connect_signals()
        self.on_session_changed()

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_changed)
        self._session.online_changed.connect(self.on_session_changed)
        self._session.command_succeeded.connect(self.on_session_changed)
        self._session.command_rejected.connect(self.on_session_changed)
        self.check_in_button.clicked.connect(self.on_check_in_clicked)
        self.check_out_button.clicked.connect(self.on_check_out_clicked)
        self.confirm.confirmed.connect(self.on_confirm_confirmed)

    def on_session_changed(self, *_args: object) -> None:
        snap = self._session.snapshot
        if snap is None:
            return
        a = snap.attendance
        self.summary.setText(attendance_text(a.present, a.expected, a.quorum_met))
        set_state(self.summary, "ok" if a.quorum_met else "warn")
        delegate = self._session.is_delegate
        present = self._session.checked_in()
        busy = (self._session.is_pending("attendance.check_in")
                or self._session.is_pending("attendance.check_out"))
        self.check_in_button.setVisible(delegate and not present)
        self.check_in_button.setEnabled(self._session.online and not busy
                                        and not self._session.ended())
        self.check_out_button.setVisible(delegate and present)
        self.check_out_button.setEnabled(self._session.online and not busy)
        if (not present or busy) and self.confirm.pending() is not None:
            self.confirm.on_cancel_clicked()
        if not delegate:
            self.mine.setText("")
            self.mine.hide()
            return
        self.mine.show()
        me = self._session.me_participant()
        seat = me.seat if me and me.seat else ""
        if present:
            self.mine.setText(self.tr("✓ Bạn đã điểm danh") + (
                self.tr(" — ghế %1").replace("%1", seat) if seat else ""))
            set_state(self.mine, "ok")
        else:
            self.mine.setText(self.tr("Bạn chưa điểm danh."))
            set_state(self.mine, "")

    def on_check_in_clicked(self) -> None:
        self._session.check_in()
        self.on_session_changed()

    def on_check_out_clicked(self) -> None:
        """Leaving takes the delegate out of every vote: ask first."""
        self.confirm.ask(self.tr("Rời phòng họp? Bạn sẽ không được biểu quyết cho đến khi "
                                 "điểm danh lại."), "check_out", self.tr("Rời phòng họp"), "warn")

    def on_confirm_confirmed(self, payload: object) -> None:
        if payload == "check_out" and self._session.checked_in():
            self._session.check_out()
        self.on_session_changed()
