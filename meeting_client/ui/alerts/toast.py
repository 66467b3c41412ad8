"""A toast for a new alert: over whatever page is shown (the meeting room too),
never taking the keyboard focus from what the person is doing.

It is a child of the window, raised above the pages in its bottom-left corner,
with no focus policy and ``WA_ShowWithoutActivating``: typing a minute or a
ballot is never interrupted.
Info and warning toasts leave after a few seconds; critical ones stay until
dismissed or acknowledged.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from meeting_client.models.alerts_model import LEVEL_COLORS, AlertRow, level_label
from meeting_client.ui.look import label

SHOW_MS = 8000
MARGIN = 16
WIDTH = 420


class AlertToast(QFrame):
    opened = Signal(int)
    """(alert_id) — the person wants to see it (the alerts page)."""
    acknowledged = Signal(int)

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("alertToast")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedWidth(WIDTH)
        self.alert: AlertRow | None = None
        self.level = label("", "toastLevel")
        self.title = label("", "toastTitle")
        self.body = label("", "toastBody")
        self.view = QPushButton(self.tr("Xem"))
        self.ack = QPushButton(self.tr("Đã xem"))
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.setObjectName("quiet")
        for button in (self.view, self.ack, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.view)
        buttons.addWidget(self.ack)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.setContentsMargins(16, 10, 12, 12)
        layout.addWidget(self.level)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        self.view.clicked.connect(self.on_view_clicked)
        self.ack.clicked.connect(self.on_ack_clicked)
        self.close_button.clicked.connect(self.hide)
        host.installEventFilter(self)
        self.hide()

    def show_alert(self, alert: AlertRow) -> None:
        self.alert = alert
        color = LEVEL_COLORS.get(alert.level, "#1f5fa8")
        self.setStyleSheet(
            f"QFrame#alertToast {{ background: #ffffff; border: 2px solid {color};"
            f" border-left: 8px solid {color}; border-radius: 8px; }}"
            f" QLabel#toastLevel {{ color: {color}; font-weight: bold; }}"
            " QLabel#toastTitle { font-weight: bold; font-size: 19px; }")
        self.level.setText(level_label(alert.level))
        self.title.setText(alert.title)
        body = alert.body if len(alert.body) <= 240 else alert.body[:239] + "…"
        self.body.setText(body)
        self.body.setVisible(bool(body))
        self.layout().activate()
        height = self.layout().heightForWidth(WIDTH)
        self.resize(WIDTH, height if height > 0 else self.sizeHint().height())
        self._place()
        self.show()
        self.raise_()
        if alert.level == "critical":
            self.timer.stop()
        else:
            self.timer.start(SHOW_MS)

    def on_view_clicked(self) -> None:
        if self.alert is not None:
            self.opened.emit(self.alert.alert_id)
        self.hide()

    def on_ack_clicked(self) -> None:
        if self.alert is not None:
            self.acknowledged.emit(self.alert.alert_id)
        self.hide()

    def _place(self) -> None:
        """Bottom left: in the meeting room that covers the papers list, never the
        ballot, the floor request or the connection state."""
        host = self.parentWidget()
        if host is not None:
            self.move(MARGIN, host.height() - self.height() - MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False
