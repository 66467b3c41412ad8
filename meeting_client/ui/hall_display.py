"""The hall screen: read-only, large type, following :func:`hall_view`."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.document_model import DocumentCenter
from meeting_client.models.hall import HallFocus
from meeting_client.models.labels import attendance_text, duration_text
from meeting_client.models.session import MeetingSession
from meeting_client.ui.hall_paper import HallPaper
from meeting_client.ui.look import label, set_state
from meeting_client.ui.result_view import ResultView

FOCUS_PAGES = (HallFocus.ITEM, HallFocus.SPEAKER, HallFocus.VOTING, HallFocus.RESULT,
               HallFocus.ATTENDANCE, HallFocus.PRESENTATION)

DESIGN = (1920, 1080)
"""The screen the stylesheet's hall sizes were chosen for; others scale from it."""
TYPE_SIZES = {"hallBody": 30, "hallMeeting": 36, "hallCaption": 40, "hallHeadline": 72,
              "hallCountdown": 140, "hallFooter": 30}


def scaled_style(width: int, height: int) -> str:
    """Type sizes for a hall screen of ``width``×``height``: the same picture on a
    1280×800 projector and a 4K wall (the layout never needs more than the screen)."""
    scale = max(0.45, min(width / DESIGN[0], height / DESIGN[1], 2.5))
    return "\n".join(f"QLabel#{name} {{ font-size: {round(px * scale)}px; }}"
                      for name, px in TYPE_SIZES.items())


class HallDisplay(QFrame):
    """Current item, current speaker with countdown, vote progress, final result."""

    def __init__(self, session: MeetingSession, *, documents: DocumentCenter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hallDisplay")
        self._session = session
        self.body = label("", "hallBody")
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.meeting = label("", "hallMeeting")
        self.meeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()

        item_page = QWidget()
        item_layout = QVBoxLayout(item_page)
        self.item_caption = label(self.tr("Nội dung"), "hallCaption")
        self.item_title = label("", "hallHeadline")
        for w in (self.item_caption, self.item_title):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
        item_layout.addStretch(1)
        item_layout.addWidget(self.item_caption)
        item_layout.addWidget(self.item_title)
        item_layout.addStretch(2)

        speaker_page = QWidget()
        speaker_layout = QVBoxLayout(speaker_page)
        self.speaker_caption = label(self.tr("Đang phát biểu"), "hallCaption")
        self.speaker_name = label("", "hallHeadline")
        self.speaker_seat = label("", "hallCaption")
        self.speaker_countdown = label("", "hallCountdown", wrap=False)
        # Centred on the screen (the speaker's name and time are read from the back rows),
        # not packed into its top third.
        speaker_layout.addStretch(1)
        for w in (self.speaker_caption, self.speaker_name, self.speaker_seat,
                  self.speaker_countdown):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            speaker_layout.addWidget(w)
        speaker_layout.addStretch(1)

        voting_page = QWidget()
        voting_layout = QVBoxLayout(voting_page)
        self.voting_caption = label(self.tr("Đang biểu quyết"), "hallCaption")
        self.voting_title = label("", "hallHeadline")
        self.voting_count = label("", "hallCountdown", wrap=False)
        self.voting_bar = QProgressBar()
        self.voting_bar.setObjectName("hallProgress")
        self.voting_bar.setTextVisible(False)
        for w in (self.voting_caption, self.voting_title, self.voting_count):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
        voting_layout.addStretch(1)
        voting_layout.addWidget(self.voting_caption)
        voting_layout.addWidget(self.voting_title)
        voting_layout.addWidget(self.voting_count)
        voting_layout.addWidget(self.voting_bar)
        voting_layout.addStretch(1)

        self.result = ResultView(session, hall=True)

        attendance_page = QWidget()
        attendance_layout = QVBoxLayout(attendance_page)
        self.attendance_caption = label(self.tr("Điểm danh đại biểu"), "hallCaption")
        self.attendance_count = label("", "hallCountdown", wrap=False)
        self.attendance_state = label("", "hallHeadline")
        for w in (self.attendance_caption, self.attendance_count, self.attendance_state):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
        attendance_layout.addStretch(1)
        for w in (self.attendance_caption, self.attendance_count, self.attendance_state):
            attendance_layout.addWidget(w)
        attendance_layout.addStretch(2)
        self.paper = HallPaper(documents)
        for page in (item_page, speaker_page, voting_page, self.result, attendance_page,
                     self.paper):
            self.pages.addWidget(page)

        self.footer_attendance = label("", "hallFooter", wrap=False)
        self.footer_clock = label("", "hallFooter", wrap=False)
        footer = QHBoxLayout()
        footer.addWidget(self.footer_attendance)
        footer.addStretch(1)
        footer.addWidget(self.footer_clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.addWidget(self.body)
        layout.addWidget(self.meeting)
        layout.addWidget(self.pages, 1)
        layout.addLayout(footer)
        self._scale_for = (0, 0)
        self._shown_focus: HallFocus | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._connect_signals()
        self._timer.start()
        self.on_session_snapshot_changed()

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_snapshot_changed)
        self._timer.timeout.connect(self.on_timer_timeout)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = (event.size().width(), event.size().height())
        if size != self._scale_for:
            self._scale_for = size
            self.setStyleSheet(scaled_style(*size))
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        """Whatever the screen: the type scales down to fit (see :func:`scaled_style`)."""
        return QSize(480, 320)

    def focus(self) -> HallFocus:
        return FOCUS_PAGES[self.pages.currentIndex()]

    def on_session_snapshot_changed(self, *_args: object) -> None:
        snap = self._session.snapshot
        view = self._session.hall_view()
        if snap is None or view is None:
            return
        self.body.setText(snap.meeting.body)
        self.body.setVisible(bool(snap.meeting.body))
        self.meeting.setText(snap.meeting.title)
        a = snap.attendance
        self.footer_attendance.setText(
            attendance_text(a.present, a.expected, a.quorum_met))
        self.attendance_count.setText(self.tr("Có mặt %1/%2").replace(
            "%1", str(a.present)).replace("%2", str(a.expected)))
        self.attendance_state.setText(
            self.tr("Đủ số lượng đại biểu theo quy định") if a.quorum_met
            else self.tr("Chưa đủ số lượng: cần %1 đại biểu").replace(
                "%1", str(snap.meeting.quorum)))
        self.item_title.setText(view.item.title if view.item
                                else self.tr("Kỳ họp chưa bắt đầu nội dung"))
        self.item_caption.setText(self.tr("Nội dung"))
        focus = view.focus
        if self._session.ended() and snap.hall is None:  # unless the chair pins a view,
            focus = HallFocus.ITEM                          # the chamber is told it is over
            self.item_caption.setText(snap.meeting.title)
            self.item_title.setText(self.tr("Kỳ họp đã bế mạc"))
        if view.speaker is not None:
            self.speaker_name.setText(self._session.name_of(view.speaker.user_id))
            seat = view.speaker.seat
            self.speaker_seat.setText(self.tr("Ghế %1").replace("%1", seat) if seat else "")
        if view.poll is not None and view.focus is HallFocus.VOTING:
            self.voting_title.setText(view.poll.title)
            self.voting_count.setText(self.tr("Đã biểu quyết %1/%2").replace(
                "%1", str(view.poll.cast)).replace("%2", str(view.poll.eligible)))
            self.voting_bar.setRange(0, max(view.poll.eligible, 1))
            self.voting_bar.setValue(min(view.poll.cast, max(view.poll.eligible, 1)))
        if view.presentation is not None:
            doc = next((d for d in snap.documents
                        if d.id == view.presentation.document_id), None)
            self.paper.show_presentation(view.presentation, doc.title if doc else "")
        self._shown_focus = view.focus
        self.pages.setCurrentIndex(FOCUS_PAGES.index(focus))
        self.on_timer_timeout()

    def on_timer_timeout(self) -> None:
        self.footer_clock.setText(datetime.now().strftime("%H:%M:%S"))
        view = self._session.hall_view()
        if view is not None and view.focus is not self._shown_focus:
            self.on_session_snapshot_changed()  # a result's hold time ran out
            return
        speaker = self._session.current_speaker()
        if speaker is None:
            return
        left = self._session.remaining_s(speaker)
        if left is None:
            self.speaker_countdown.setText("")
            return
        self.speaker_countdown.setText(duration_text(left) if left > 0
                                       else "-" + duration_text(-left))
        set_state(self.speaker_countdown,
                  "over" if left <= 0 else "warning" if left <= 30 else "")
