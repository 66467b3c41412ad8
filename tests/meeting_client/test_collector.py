"""Garbage cycles die on the GUI thread, however busy the networking thread is."""

from __future__ import annotations

import gc
import threading

from meeting_client.collector import GuiThreadCollector


class _Cycle:
    def __init__(self, died_on: list[str]) -> None:
        self.me = self
        self.died_on = died_on

    def __del__(self) -> None:
        self.died_on.append(threading.current_thread().name)


def test_cycles_made_and_dropped_on_another_thread_are_collected_on_the_gui_thread(
        qtbot) -> None:
    collector = GuiThreadCollector(interval_ms=20)
    died_on: list[str] = []
    try:
        assert not gc.isenabled()

        kept: list[list[int]] = []

        def busy() -> None:  # allocates far past every threshold, as a transfer would
            for _ in range(20):
                _Cycle(died_on)
            kept.extend([i] for i in range(20_000))

        worker = threading.Thread(target=busy, name="meeting-sync")
        worker.start()
        worker.join()
        assert died_on == []  # nothing was collected on the networking thread
        qtbot.waitUntil(lambda: len(died_on) == 20, timeout=5000)
        assert set(died_on) == {threading.main_thread().name}
    finally:
        collector.stop()
        collector.deleteLater()
