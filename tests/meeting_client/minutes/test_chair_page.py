"""The chair reaches the minutes from the room, in the real window, and writes the
general conclusions that close them."""

from __future__ import annotations

from PySide6.QtPdf import QPdfDocument

from meeting_client.ui.chair_console import ChairConsole
from meeting_client.ui.minutes.store import GENERAL
from tests.meeting_client.minutes.conftest import WAIT, protocol


def test_the_chair_opens_the_minutes_and_saves_the_general_conclusions(
        qtbot, room_window, live_server) -> None:
    window = room_window("chair", size=(1600, 900))
    room = window.room
    assert isinstance(room.body, ChairConsole)
    assert room.minutes is None  # nothing loaded or rendered until it is wanted
    room.minutes_button.click()
    editor = room.minutes
    assert editor is not None and room.stack.currentWidget() is room._minutes_page
    assert room.minutes_button.text() == "◀ Về phòng họp"
    doc = editor.preview.document
    qtbot.waitUntil(lambda: doc.status() == QPdfDocument.Status.Ready
                    and doc.pageCount() >= 1, timeout=WAIT)

    editor.select(GENERAL)
    editor.conclusions.setFocus()
    editor.conclusions.insertPlainText("Kỳ họp đã hoàn thành chương trình đề ra.")
    with qtbot.waitSignal(editor.store.saved, timeout=WAIT):
        editor.save_button.click()
    got = protocol(live_server.url, "clerk", ("minutes.get", {"meeting_id": 1}))[0]
    assert got["general"]["conclusions"] == "<p>Kỳ họp đã hoàn thành chương trình đề ra.</p>"

    # The papers and the minutes share the place beside the room: one at a time.
    room.documents_button.click()
    assert room.stack.currentWidget() is room.documents
    assert not room.minutes_button.isChecked()
    assert room.minutes_button.text() == "Biên bản"
    room.minutes_button.click()
    assert room.minutes is editor and room.stack.currentWidget() is room._minutes_page
    assert not room.documents_button.isChecked()
    room.minutes_button.click()
    assert room.stack.currentWidget() is room.body
