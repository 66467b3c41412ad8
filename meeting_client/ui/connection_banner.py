"""The red strip across the room while the connection is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class ConnectionBanner(QLabel):
    """Visible whenever the session is not connected; says the app is retrying."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setText(self.tr("Mất kết nối — đang kết nối lại…"))
        self.setAccessibleName(self.text())
        self.hide()

    def on_session_connection_state_changed(self, state: str) -> None:
        if state == "connecting":
            self.setText(self.tr("Đang kết nối tới máy chủ…"))
        else:
            self.setText(self.tr("Mất kết nối — đang kết nối lại…"))
        self.setVisible(state != "connected")
