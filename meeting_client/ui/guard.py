"""One guard for controls whose press cannot be undone.

On a touch screen a double tap is an ordinary gesture: its second half lands on
whatever has just appeared under the finger. A :class:`GuardedButton` therefore
ignores every press (mouse, touch or key) for a short dead time after it appears,
is enabled, changes its text or was pressed, and never takes the second press of
a double click. Confirmations (:class:`meeting_client.ui.confirm_bar.ConfirmBar`) are built
from it, so no confirmation can be satisfied by the tap that asked for it.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

MIN_DEAD_TIME_MS = 500
"""Never shorter than this, whatever the platform's double-click interval."""


def dead_time_ms() -> int:
    """How long a control that just changed meaning stays deaf."""
    interval = QGuiApplication.styleHints().mouseDoubleClickInterval()
    return max(MIN_DEAD_TIME_MS, interval + 100)


class GuardedButton(QPushButton):
    """A push button that does nothing within the dead time after it changed meaning."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._since = QElapsedTimer()
        self._since.start()
        self.clicked.connect(self.rearm)  # a second tap right after the first is not a press

    def rearm(self) -> None:
        """Start the dead time again (the control now means something new)."""
        self._since.restart()

    def is_armed(self) -> bool:
        """True once the dead time has passed: a press now takes effect."""
        return self._since.elapsed() >= dead_time_ms()

    def setText(self, text: str) -> None:
        if text != self.text():
            self.rearm()
        super().setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        self.rearm()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange and self.isEnabled():
            self.rearm()
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.is_armed():
            event.accept()  # swallowed: it must not reach the widget underneath either
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the second half of a double click never presses a guarded control

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.is_armed():
            event.accept()
            return
        super().keyPressEvent(event)
