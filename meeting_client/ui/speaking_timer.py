"""The chair's big countdown for the person holding the floor."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from meeting_client.models.labels import duration_text
from meeting_client.models.session import MeetingSession
from meeting_client.ui.look import label, set_state

WARNING_S = 30


class SpeakingTimer(QFrame):
    """Name, limit and time left; amber from 30 s left, red and a chime at zero."""

    time_up = Signal(int)
    """(request_id) — the speaker's time just ran out (emitted once per speech)."""

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakingTimer")
        self._session = session
        self._announced: int | None = None
        self.who = label("", "timerWho")
        self.countdown = label("", "timerCountdown", wrap=False)
        self.detail = label("", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.countdown)
        layout.addWidget(self.detail)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._connect_signals()
        self._timer.start()
        self.on_tick()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.on_tick)
        self._session.snapshot_changed.connect(self.on_tick)

    def state(self) -> str:
        """``idle``, ``running``, ``warning`` or ``over`` — what the style shows."""
        return str(self.property("state") or "idle")

    def on_tick(self, *_args: object) -> None:
        speaker = self._session.current_speaker()
        if speaker is None:
            self.who.setText(self.tr("Chưa có đại biểu phát biểu"))
            self.countdown.setText("--:--")
            self.detail.setText("")
            set_state(self, "idle")
            return
        self.who.setText(self.tr("Đang phát biểu: %1").replace(
            "%1", self._session.name_of(speaker.user_id)))
        left = self._session.remaining_s(speaker)
        if left is None:
            self.countdown.setText("∞")
            self.detail.setText(self.tr("Không giới hạn thời gian"))
            set_state(self, "running")
            return
        self.detail.setText(self.tr("Thời gian cho phép: %1").replace(
            "%1", duration_text(speaker.limit_s or 0)))
        if left > 0:
            self.countdown.setText(duration_text(left))
            set_state(self, "warning" if left <= WARNING_S else "running")
            return
        self.countdown.setText("-" + duration_text(-left))
        set_state(self, "over")
        if self._announced != speaker.request_id:
            self._announced = speaker.request_id
            self.time_up.emit(speaker.request_id)
