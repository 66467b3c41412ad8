"""A strip that shows a refused command's sentence for a few seconds."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

SHOW_MS = 8000


class NoticeBar(QLabel):
    """Hidden when there is nothing to say; a new notice replaces the old one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def on_notice(self, text: str) -> None:
        self.setText(text)
        self.show()
        self._timer.start()
