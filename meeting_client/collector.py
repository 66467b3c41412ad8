"""Python's cycle collector, run on the GUI thread only.

The collector runs on whichever thread happens to allocate when its counters
trip — in this client often the networking thread. A garbage cycle holding a
QObject that Python owns (a dialog, a model, a relay) is then destroyed on that
thread while the GUI thread may be delivering an event to it: a crash with no
Python error. So automatic collection is switched off and a timer on the GUI
thread collects instead, generation by generation with the interpreter's own
thresholds, the way the interpreter would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    """While it runs, cycles are collected on the GUI thread only. Create it there."""

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        gc.disable()
        self._timer.start()

    def collect(self) -> int:
        """Collect the generations whose counters passed their threshold; what was found."""
        counts = gc.get_count()
        if counts[0] <= self._threshold[0]:
            return 0
        generation = 2 if counts[2] > self._threshold[2] else (
            1 if counts[1] > self._threshold[1] else 0)
        return gc.collect(generation)

    def stop(self) -> None:
        """Collect everything now (on this thread) and give collection back to Python."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
