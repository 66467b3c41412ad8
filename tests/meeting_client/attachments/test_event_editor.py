"""The calendar event dialog's attachments against a real server: a file added to a new
event is claimed on save; the dialog of the saved event lists it (and claims nothing
twice when saved again)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from meeting_client.ui.calendar.editor import EventEditor
from tests.meeting_client.calendar.test_calendar_page import WAIT, titles
from tests.meeting_client.workspace.conftest import protocol_call
from tests.server.attachments.conftest import make_pdf


def test_an_events_file_is_saved_with_it_and_listed_again(qtbot, open_calendar,
                                                          live_server, tmp_path: Path) -> None:
    cal = open_calendar("vanphong")
    editor = EventEditor(cal.store, day=date(2026, 12, 9))
    qtbot.addWidget(editor)
    editor.title_edit.setText("Họp giao ban văn phòng")
    with qtbot.waitSignal(editor.attach_box.changed, timeout=WAIT):
        editor.attach_box.attach_file(str(make_pdf(tmp_path, "giay-moi.pdf", "Giấy mời")))
    staged = editor.attach_box.ids()
    assert len(staged) == 1
    with qtbot.waitSignal(editor.accepted, timeout=WAIT):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: titles(cal) == ["Họp giao ban văn phòng"], timeout=WAIT)
    event = next(e for e in cal.store.events if e.title == "Họp giao ban văn phòng")
    got = protocol_call(live_server.url, "vanphong", "calendar.get", event_id=event.event_id)
    assert [a["attachment_id"] for a in got["attachments"]] == staged

    again = EventEditor(cal.store, event)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.attach_box.files.count() == 1, timeout=WAIT)
    assert again.attach_box.files.item(0).text().startswith("giay-moi.pdf")
    assert again.attach_box.ids() == []  # already the event's: not claimed again
    with qtbot.waitSignal(again.accepted, timeout=WAIT):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
