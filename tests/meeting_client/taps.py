"""Real hands on the GUI: taps at a point of the window, double taps, guarded presses."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from meeting_client.ui.guard import GuardedButton

LEFT = Qt.MouseButton.LeftButton
DOUBLE_TAP_GAP_MS = 100
WAIT = 20_000


def tap_at(window: QWidget, point: QPoint) -> QWidget | None:
    """Click whatever widget is under ``point`` (window coordinates) now, like a finger."""
    target = window.childAt(point)
    if target is None:
        return None
    QTest.mouseClick(target, LEFT, Qt.KeyboardModifier.NoModifier, target.mapFrom(window, point))
    return target


def double_tap(qtbot: Any, widget: QWidget) -> list[QWidget | None]:
    """Two taps 100 ms apart at the centre of ``widget``; the second lands on whatever is
    under the finger by then. The 100 ms wait is the gesture itself, not a wait for a state."""
    window = widget.window()
    point = widget.mapTo(window, widget.rect().center())
    first = tap_at(window, point)
    qtbot.wait(DOUBLE_TAP_GAP_MS)
    second = tap_at(window, point)
    return [first, second]


def press_when_armed(qtbot: Any, button: GuardedButton) -> None:
    """A deliberate press: wait until the guarded button takes presses, then click it."""
    qtbot.waitUntil(lambda: button.isEnabled() and button.is_armed(),
                    timeout=WAIT)
    qtbot.mouseClick(button, LEFT)
