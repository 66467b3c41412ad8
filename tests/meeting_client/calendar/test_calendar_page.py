"""The calendar page against a real server: live updates, navigation, views, the editor."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from meeting_client.bridge import Bridge
from meeting_client.models.account import Account
from meeting_client.models.base import ROW_ROLE
from meeting_client.models.calendar import CONFLICT_COLOR, CalendarStore
from meeting_client.ui.calendar.editor import EventEditor
from meeting_client.ui.calendar.page import CalendarPage
from tests.support.live import LiveServer
from tests.support.wsclient import WsClient

WAIT = 20_000
WEEK = date(2026, 12, 7)


def at(day: str, clock: str) -> str:
    return f"{day}T{clock}:00+07:00"


def protocol(url: str, user: str, *steps: tuple[str, dict[str, Any]]) -> list[Any]:
    """Commands as another terminal (the office) with a plain protocol client."""
    async def go() -> list[Any]:
        client = await WsClient.signed_in(url, user)
        try:
            return [await client.act(type_, **fields) for type_, fields in steps]
        finally:
            await client.close()

    return asyncio.run(go())


@dataclass
class Calendar:
    page: CalendarPage
    store: CalendarStore
    account: Account
    bridge: Bridge


@pytest.fixture
def open_calendar(qtbot, live_server: LiveServer) -> Iterator[Callable[[str], Calendar]]:
    bridges: list[Bridge] = []

    def start(user: str = "lanhdao", size: tuple[int, int] = (1600, 900)) -> Calendar:
        bridge = Bridge()
        bridge.start()
        bridges.append(bridge)
        account = Account(bridge)
        with qtbot.waitSignal(account.signed_in, timeout=WAIT):
            account.sign_in(live_server.url, user, "demo")
        assert account.me is not None
        store = CalendarStore(bridge, account.me)
        page = CalendarPage(store)
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        with qtbot.waitSignal(store.changed, timeout=WAIT):
            store.start()
        page.go_to(WEEK)
        qtbot.waitUntil(lambda: store.first == WEEK and store.loaded, timeout=WAIT)
        return Calendar(page, store, account, bridge)

    yield start
    for bridge in bridges:
        bridge.stop()


def titles(cal: Calendar) -> list[str]:
    model = cal.page.week_model
    return [ev.title for r in range(model.rowCount())
            if (ev := model.index(r, 0).data(ROW_ROLE)) is not None]


def test_the_week_view_updates_live_when_the_office_edits(qtbot, open_calendar,
                                                          live_server) -> None:
    cal = open_calendar("lanhdao")
    assert cal.page.title.text() == "Lịch công tác tuần 50 (07/12 – 13/12/2026)"
    assert titles(cal) == []
    # The weekly layout: Mon–Fri, Sáng and Chiều each (the weekend only when busy).
    model = cal.page.week_model
    assert model.rowCount() == 10
    assert model.index(0, 0).data() == "Thứ Hai\n07/12"
    assert [model.index(r, 1).data() for r in range(2)] == ["Sáng", "Chiều"]
    (made,) = protocol(live_server.url, "vanphong", (
        "calendar.create", {"title": "Họp giao ban Thường trực UBND",
                            "starts_at": at("2026-12-08", "08:00"),
                            "ends_at": at("2026-12-08", "09:30"), "visibility": "public",
                            "location": "Phòng họp số 1"}))
    qtbot.waitUntil(lambda: titles(cal) == ["Họp giao ban Thường trực UBND"], timeout=WAIT)
    row = model.row_of_event(made["event_id"])
    assert model.index(row, 0).data() == "Thứ Ba\n08/12"
    assert model.index(row, 1).data() == "Sáng"
    assert model.index(row, 2).data() == "08h00: Họp giao ban Thường trực UBND"
    assert model.index(row, 5).data() == "Phòng họp số 1"
    # Thứ Ba spans its Sáng and Chiều rows in the view.
    assert cal.page.week_table.rowSpan(row, 0) == 2
    protocol(live_server.url, "vanphong", ("calendar.update", {
        "event_id": made["event_id"], "title": "Họp giao ban (dời sang chiều)",
        "starts_at": at("2026-12-08", "14:00"), "ends_at": at("2026-12-08", "15:30")}))
    qtbot.waitUntil(lambda: titles(cal) == ["Họp giao ban (dời sang chiều)"], timeout=WAIT)
    row = model.row_of_event(made["event_id"])
    assert model.index(row, 1).data() == "Chiều"


def test_double_bookings_are_flagged_visibly(qtbot, open_calendar, live_server) -> None:
    cal = open_calendar("vanphong")
    leader = next(i for i, n in cal.store.directory.people.items() if n == "Vũ Quốc Hưng")
    protocol(live_server.url, "vanphong",
             ("calendar.create", {"title": "Tiếp công dân", "host_id": leader,
                                  "starts_at": at("2026-12-09", "08:00"),
                                  "ends_at": at("2026-12-09", "10:00")}),
             ("calendar.create", {"title": "Làm việc với Sở Xây dựng", "host_id": leader,
                                  "starts_at": at("2026-12-09", "09:00"),
                                  "ends_at": at("2026-12-09", "11:00")}))
    qtbot.waitUntil(lambda: len(titles(cal)) == 2, timeout=WAIT)
    model = cal.page.week_model
    for r in range(model.rowCount()):
        ev = model.index(r, 0).data(ROW_ROLE)
        if ev is None:
            continue
        assert "⚠ Trùng lịch:" in model.index(r, 2).data()
        assert model.index(r, 2).data(Qt.ItemDataRole.BackgroundRole).color() == CONFLICT_COLOR
    # The per-leader filter asks the server for that person's events only.
    combo = cal.page.leader_filter
    combo.setCurrentIndex(combo.findData(leader))
    qtbot.waitUntil(lambda: cal.store.user_filter == leader and len(titles(cal)) == 2,
                    timeout=WAIT)


def test_keyboard_navigation_and_the_other_views(qtbot, open_calendar) -> None:
    cal = open_calendar("cv001")
    page = cal.page
    page.week_table.setFocus()
    qtbot.keyClick(page.week_table, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: cal.store.first == date(2026, 12, 14), timeout=WAIT)
    qtbot.keyClick(page.week_table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.week_table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: cal.store.first == date(2026, 11, 30), timeout=WAIT)
    qtbot.keyClick(page.week_table, Qt.Key.Key_Home)
    today = date.today()
    assert page.anchor == today
    # Tết 2027 in the month view, marked as a holiday.
    page.go_to(date(2027, 2, 1))
    qtbot.mouseClick(page.mode_buttons["month"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cal.store.first == date(2027, 2, 1) and cal.store.loaded
                    and date(2027, 2, 6) in cal.store.holidays, timeout=WAIT)
    month = page.month_model
    cell = next(month.index(r, c) for r in range(6) for c in range(7)
                if month.day_at(month.index(r, c)) == date(2027, 2, 6))
    assert "Tết Nguyên Đán" in cell.data()
    # Next month, then a day.
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.anchor == date(2027, 3, 1)
    qtbot.mouseClick(page.mode_buttons["day"], Qt.MouseButton.LeftButton)
    assert page.title.text() == "Thứ Hai, 01/03/2027"


def test_the_editor_shows_double_bookings_as_they_are_found(qtbot, open_calendar,
                                                           live_server) -> None:
    cal = open_calendar("vanphong")
    leader = next(i for i, n in cal.store.directory.people.items() if n == "Vũ Quốc Hưng")
    protocol(live_server.url, "vanphong", (
        "calendar.create", {"title": "Tiếp đoàn công tác tỉnh", "host_id": leader,
                            "starts_at": at("2026-12-10", "14:00"),
                            "ends_at": at("2026-12-10", "16:00")}))
    qtbot.waitUntil(lambda: titles(cal) == ["Tiếp đoàn công tác tỉnh"], timeout=WAIT)
    editor = EventEditor(cal.store, day=date(2026, 12, 10))
    qtbot.addWidget(editor)
    editor.title_edit.setText("Kiểm tra công trình trọng điểm")
    assert editor.conflicts == []
    with qtbot.waitSignal(editor.conflicts_changed):
        editor.host_combo.setCurrentIndex(editor.host_combo.findData(leader))
    editor.start_edit.setTime(editor.start_edit.time().fromString("15:00", "HH:mm"))
    editor.end_edit.setTime(editor.end_edit.time().fromString("17:00", "HH:mm"))
    assert [(c.title, c.kind) for c in editor.conflicts] == [("Tiếp đoàn công tác tỉnh",
                                                              "host")]
    assert "Tiếp đoàn công tác tỉnh" in editor.conflict_label.text()
    # Saving is not refused: the server flags the same clash, and the week shows both.
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã lưu" in editor.message.text(), timeout=WAIT)
    assert [c.title for c in editor.conflicts] == ["Tiếp đoàn công tác tỉnh"]
    qtbot.waitUntil(lambda: sorted(titles(cal)) == [
        "Kiểm tra công trình trọng điểm", "Tiếp đoàn công tác tỉnh"], timeout=WAIT)
