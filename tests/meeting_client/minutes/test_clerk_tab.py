"""The minutes editor is reachable from the clerk's screen, in the real window."""

from __future__ import annotations

from PySide6.QtPdf import QPdfDocument

from meeting_client.ui.clerk_view import ClerkView
from tests.meeting_client.minutes.conftest import WAIT


def test_the_clerk_opens_the_minutes_tab(qtbot, room_window) -> None:
    window = room_window("clerk", size=(1600, 900))
    view = window.room.body
    assert isinstance(view, ClerkView)
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == [
        "Điểm danh và diễn biến", "Biên bản"]
    assert view.minutes is None  # nothing loaded or rendered until it is wanted
    view.tabs.setCurrentIndex(1)
    editor = view.minutes
    assert editor is not None and view.open_minutes() is editor
    doc = editor.preview.document
    qtbot.waitUntil(lambda: doc.status() == QPdfDocument.Status.Ready
                    and doc.pageCount() >= 1, timeout=WAIT)
    assert editor.item_model.rowCount() == 9
