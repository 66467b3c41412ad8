"""The compose box: Enter sends, Shift+Enter starts a new line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

MAX_TEXT = 8000


class ComposeBox(QPlainTextEdit):
    send_requested = Signal(str)
    """(text) — stripped, not empty, at most 8000 characters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composeBox")
        self.setPlaceholderText(self.tr("Nhập tin nhắn — Enter để gửi, Shift+Enter xuống dòng"))
        self.setTabChangesFocus(True)
        self.setFixedHeight(96)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submit()
            return
        if enter:
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        text = self.toPlainText().strip()
        if not text or len(text) > MAX_TEXT:
            return
        self.send_requested.emit(text)
