"""The chair's control of the hall screens: follow the session, or pin a view."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QPushButton, QVBoxLayout, QWidget

from meeting_client.models.hall import HallFocus
from meeting_client.models.session import MeetingSession
from meeting_client.ui.look import label


class HallControl(QFrame):
    """One big toggle per view; the checked one is what every hall screen shows."""

    hall_window_requested = Signal()
    """The chair wants the hall display on this computer's second screen."""

    VIEWS = ("auto", "item", "speaker", "result", "attendance")

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self._session = session
        titles = {
            "auto": self.tr("Tự động theo diễn biến"),
            "item": self.tr("Nội dung đang thảo luận"),
            "speaker": self.tr("Đại biểu đang phát biểu"),
            "result": self.tr("Kết quả biểu quyết gần nhất"),
            "attendance": self.tr("Điểm danh"),
        }
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, view in enumerate(self.VIEWS):
            button = QPushButton(titles[view])
            button.setCheckable(True)
            button.setMinimumHeight(56)
            button.setStyleSheet("QPushButton:checked { background: #1d4ed8; color: white; "
                                 "font-weight: 600; }")
            self.group.addButton(button)
            self.buttons[view] = button
            grid.addWidget(button, i // 2, i % 2)
        self.now = label("", "panelSubtitle")
        self.window_button = QPushButton(self.tr("Mở màn hình hội trường"))
        self.window_button.setObjectName("primary")
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Màn hình hội trường"), "panelTitle"))
        layout.addWidget(label(self.tr(
            "Chọn nội dung hiển thị trên mọi màn hình hội trường. Khi đang biểu quyết, "
            "màn hình luôn hiển thị tiến độ biểu quyết."), "muted"))
        layout.addLayout(grid)
        layout.addWidget(self.now)
        layout.addWidget(self.window_button)
        layout.addStretch(1)
        self._connect_signals()
        self.on_session_changed()

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_changed)
        self._session.online_changed.connect(self.on_session_changed)
        for view, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, v=view: self.on_view_clicked(v))
        self.window_button.clicked.connect(self.hall_window_requested)

    def on_view_clicked(self, view: str) -> None:
        self._session.show_on_hall(view)

    def on_session_changed(self, *_args: object) -> None:
        snap = self._session.snapshot
        if snap is None:
            return
        online = self._session.online
        has_result = any(p.status == "closed" for p in snap.polls)
        for view, button in self.buttons.items():
            button.setEnabled(online and (view != "result" or has_result))
        self.buttons[self._session.hall_choice()].setChecked(True)
        view = self._session.hall_view()
        if view is not None:
            what = {
                HallFocus.ITEM: self.tr("nội dung đang thảo luận"),
                HallFocus.SPEAKER: self.tr("đại biểu đang phát biểu"),
                HallFocus.VOTING: self.tr("tiến độ biểu quyết"),
                HallFocus.RESULT: self.tr("kết quả biểu quyết"),
                HallFocus.ATTENDANCE: self.tr("điểm danh"),
                HallFocus.PRESENTATION: self.tr("trang tài liệu đang trình chiếu"),
            }[view.focus]
            self.now.setText(self.tr("Đang hiển thị: %1").replace("%1", what))
