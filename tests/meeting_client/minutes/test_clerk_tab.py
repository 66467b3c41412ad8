"""The minutes editor is reachable from the clerk's screen, in the real window."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtPdf import QPdfDocument

from meeting_client.app import build
from meeting_client.ui.clerk_view import ClerkView
from meeting_client.ui.main_window import ClientOptions
from tests.meeting_client.minutes.conftest import WAIT


def test_the_clerk_opens_the_minutes_tab(qtbot, live_server, tmp_path) -> None:
    settings = QSettings(str(tmp_path / "clerk.ini"), QSettings.Format.IniFormat)
    options = ClientOptions(server=live_server.url, user="clerk", password="demo", meeting=1)
    window, bridge, _account = build(options, settings=settings)
    try:
        qtbot.addWidget(window)
        window.resize(1600, 900)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.room is not None and window.room.session.online,
                        timeout=WAIT)
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
    finally:
        bridge.stop()
