"""Roll call: the delegate's "Điểm danh" button and the present/quorum line."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLineEdit, QPushButton, QVBoxLayout, QWidget

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
        # Before the day: answer the invitation (giấy mời).
        self.reply = label("", "muted")
        self.attend_button = QPushButton(self.tr("Xác nhận tham dự"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Lý do vắng mặt"))
        self.absent_button = QPushButton(self.tr("Báo vắng mặt"))
        self.absent_button.setObjectName("quiet")
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Điểm danh"), "panelTitle"))
        layout.addWidget(self.summary)
        layout.addWidget(self.mine)
        layout.addWidget(self.check_in_button)
        layout.addWidget(self.check_out_button)
        layout.addWidget(self.confirm)
        for widget in (self.reply, self.attend_button, self.reason, self.absent_button):
            layout.addWidget(widget)
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
        self.attend_button.clicked.connect(self.on_attend_clicked)
        self.absent_button.clicked.connect(self.on_absent_clicked)
        self.reason.textChanged.connect(self.on_session_changed)

    def on_session_changed(self, *_args: object) -> None:
        snap = self._session.snapshot
        if snap is None:
            return
        a = snap.attendance
        self.summary.setText(attendance_text(a.present, a.expected, a.quorum_met))
        set_state(self.summary, "ok" if a.quorum_met else "warn")
        delegate = self._session.role in ("delegate", "guest")
        present = self._session.checked_in()
        self._show_reply(delegate and snap.meeting.status == "scheduled" and not present)
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

    def _show_reply(self, show: bool) -> None:
        for widget in (self.reply, self.attend_button, self.reason, self.absent_button):
            widget.setVisible(show)
        if not show:
            return
        me = self._session.me_participant()
        answer = me.reply if me is not None else None
        if answer == "attend":
            self.reply.setText(self.tr("Bạn đã xác nhận tham dự."))
        elif answer == "absent":
            self.reply.setText(self.tr("Bạn đã báo vắng: %1").replace(
                "%1", (me.absence_reason if me is not None else "") or ""))
        else:
            self.reply.setText(self.tr("Giấy mời: hãy xác nhận tham dự hoặc báo vắng."))
        busy = self._session.is_pending("invitation.reply")
        online = self._session.online
        self.attend_button.setEnabled(online and not busy and answer != "attend")
        self.absent_button.setEnabled(online and not busy and bool(self.reason.text().strip()))

    def on_attend_clicked(self) -> None:
        self._session.reply_invitation("attend")
        self.on_session_changed()

    def on_absent_clicked(self) -> None:
        self._session.reply_invitation("absent", self.reason.text().strip())
        self.reason.clear()
        self.on_session_changed()

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
