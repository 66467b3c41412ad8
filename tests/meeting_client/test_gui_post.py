"""News from the networking thread reaches the GUI thread only while its owner lives
(the CI crash: a paper's download reporting on a room already deleted)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread

from meeting_client.models.gui_post import GuiPost


def test_a_call_from_another_thread_runs_on_the_gui_thread(qtbot) -> None:
    owner = QObject()
    post = GuiPost(owner)
    seen: list[tuple[int, bool]] = []

    def record(value: int) -> None:
        seen.append((value, QThread.currentThread() is owner.thread()))

    worker = threading.Thread(target=lambda: [post(record, i) for i in range(100)])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(seen) == 100)
    assert seen == [(i, True) for i in range(100)]  # in order, each on the GUI thread


def test_a_call_for_a_deleted_owner_is_dropped(qtbot) -> None:
    owner = QObject()
    post = GuiPost(owner)
    calls: list[int] = []
    stop = threading.Event()

    def flood() -> None:  # a download still reporting while the room goes away
        while not stop.is_set():
            post(calls.append, 1)

    worker = threading.Thread(target=flood)
    worker.start()
    qtbot.waitUntil(lambda: len(calls) > 10)
    with qtbot.waitSignal(owner.destroyed):
        owner.deleteLater()
    before = len(calls)
    marker = QObject()
    post_after = GuiPost(marker)
    done: list[int] = []
    for i in range(20):  # let queued calls for the dead owner be delivered (and dropped)
        post_after(done.append, i)
        qtbot.waitUntil(lambda: len(done) == i + 1)  # noqa: B023 (waited for right here)
    stop.set()
    worker.join()
    assert len(calls) == before
