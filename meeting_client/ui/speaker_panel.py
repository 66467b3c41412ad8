"""The delegate's floor request: ask, wait with a place in the queue, speak, finish."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from meeting_client.models.labels import duration_text
from meeting_client.models.session import MeetingSession
from meeting_client.ui.look import icon, label, set_state


class SpeakerPanel(QFrame):
    """One big button whose meaning follows the request's state."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self._session = session
        self.status = label("", "floorStatus")
        self.remaining = label("", "floorRemaining", wrap=False)
        self.speaking_now = label("", "muted")
        self.request_button = QPushButton(self.tr("Đăng ký phát biểu"))
        self.request_button.setObjectName("primary")
        self.request_button.setIcon(icon("mic"))
        self.withdraw_button = QPushButton(self.tr("Rút đăng ký"))
        self.finish_button = QPushButton(self.tr("Kết thúc phát biểu"))
        self.finish_button.setObjectName("danger")
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Phát biểu"), "panelTitle"))
        layout.addWidget(self.status)
        layout.addWidget(self.remaining)
        layout.addWidget(self.speaking_now)
        layout.addWidget(self.request_button)
        layout.addWidget(self.withdraw_button)
        layout.addWidget(self.finish_button)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._connect_signals()
        self.on_session_changed()

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_changed)
        self._session.online_changed.connect(self.on_session_changed)
        self._session.command_succeeded.connect(self.on_session_changed)
        self._session.command_rejected.connect(self.on_session_changed)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.request_button.clicked.connect(self.on_request_clicked)
        self.withdraw_button.clicked.connect(self.on_withdraw_clicked)
        self.finish_button.clicked.connect(self.on_finish_clicked)

    def state(self) -> str:
        """``idle``, ``waiting`` or ``speaking`` — what the panel shows."""
        mine = self._session.my_request()
        return "idle" if mine is None else mine.status

    def on_session_changed(self, *_args: object) -> None:
        mine = self._session.my_request()
        online = self._session.online
        ended = self._session.ended()
        can_request = self._session.is_delegate and self._session.checked_in() and not ended
        busy = any(self._session.is_pending(t) for t in
                   ("speaker.request", "speaker.withdraw", "speaker.finish"))
        self.request_button.setVisible(mine is None)
        self.request_button.setEnabled(online and can_request and not busy)
        self.withdraw_button.setVisible(mine is not None and mine.status == "waiting")
        self.withdraw_button.setEnabled(online and not busy and not ended)
        self.finish_button.setVisible(mine is not None and mine.status == "speaking")
        self.finish_button.setEnabled(online and not busy)
        self.remaining.setVisible(mine is not None and mine.status == "speaking")
        self.speaking_now.setVisible(mine is not None and mine.status == "waiting")
        if mine is None:
            speaker = self._session.current_speaker()
            if ended:
                text = self.tr("Kỳ họp đã bế mạc.")
            elif not self._session.is_delegate:
                text = self.tr("Chỉ đại biểu được đăng ký phát biểu.")
            elif not self._session.checked_in():
                text = self.tr("Hãy điểm danh để đăng ký phát biểu.")
            elif busy:
                text = self.tr("Đang gửi đăng ký…")
            else:
                text = self.tr("Bạn chưa đăng ký phát biểu.")
            if speaker is not None:
                text += "\n" + self.tr("Đang phát biểu: %1").replace(
                    "%1", self._session.name_of(speaker.user_id))
            self.status.setText(text)
            set_state(self.status, "")
            self._timer.stop()
        elif mine.status == "waiting":
            position = self._session.queue_position(mine.request_id)
            self.status.setText(self.tr("Đã đăng ký phát biểu — thứ tự %1").replace(
                "%1", str(position)))
            speaker = self._session.current_speaker()
            self.speaking_now.setText(self.tr("Đang phát biểu: %1").replace(
                "%1", self._session.name_of(speaker.user_id)) if speaker else "")
            set_state(self.status, "waiting")
            self._timer.stop()
        else:
            self.status.setText(self.tr("Đang phát biểu"))
            set_state(self.status, "speaking")
            self._timer.start()
            self.on_timer_timeout()

    def on_timer_timeout(self) -> None:
        mine = self._session.my_request()
        if mine is None or mine.status != "speaking":
            return
        left = self._session.remaining_s(mine)
        if left is None:
            self.remaining.setText(self.tr("Không giới hạn thời gian"))
            return
        self.remaining.setText(self.tr("Còn %1").replace("%1", duration_text(left)))
        set_state(self.remaining, "warn" if left <= 30 else "")

    def on_request_clicked(self) -> None:
        self._session.request_floor()
        self.on_session_changed()

    def on_withdraw_clicked(self) -> None:
        mine = self._session.my_request()
        if mine is not None:
            self._session.withdraw(mine.request_id)
            self.on_session_changed()

    def on_finish_clicked(self) -> None:
        mine = self._session.my_request()
        if mine is not None:
            self._session.finish(mine.request_id)
            self.on_session_changed()
