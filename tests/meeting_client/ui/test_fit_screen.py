"""Every window at 1280×800: nothing needs more than the screen, nothing lies outside
the window, no label in the chair's or the delegate's room is cut, no column elided."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from meeting_client.app import apply_style
from tests.meeting_client.minutes.conftest import protocol as act
from tests.meeting_client.ui.fit import (
    AVAILABLE,
    all_tables,
    clipped_cells,
    elided_labels,
    outside,
    too_big,
)
from tests.meeting_client.ui.test_live_terminals import protocol

WAIT = 20_000


@pytest.fixture(autouse=True)
def styled(qapp: QApplication) -> Any:
    """The shipped font and stylesheet: sizes mean nothing without them."""
    font = qapp.font()
    apply_style(qapp)
    yield
    qapp.setStyleSheet("")
    qapp.setFont(font)


def busy_meeting(url: str) -> None:
    """A session in full swing: started, quorum, a speaker, a closed poll and an open one."""
    protocol(url, ["chair"], ("meeting.start", {"meeting_id": 1}))
    protocol(url, [f"d{n:03d}" for n in range(2, 18)], ("attendance.check_in", {"meeting_id": 1}))
    act(url, "chair", ("poll.create", {"meeting_id": 1, "title":
        "Thông qua Nghị quyết về kế hoạch đầu tư công trung hạn giai đoạn 2026–2030"}))
    protocol(url, ["chair"], ("poll.open", {"poll_id": 1}))
    protocol(url, [f"d{n:03d}" for n in range(2, 12)], ("poll.cast", {"poll_id": 1,
                                                                       "choice": "yes"}))
    protocol(url, ["chair"], ("poll.close", {"poll_id": 1}))
    protocol(url, ["chair"], ("poll.create", {"meeting_id": 1, "title": "Thông qua chương trình"}))
    protocol(url, ["chair"], ("poll.open", {"poll_id": 2}))


def fits(qtbot: Any, window: Any, name: str, *, labels: bool = False) -> list[str]:
    window.resize(AVAILABLE)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: window.size() == AVAILABLE or bool(too_big(window)), timeout=WAIT)
    problems = []
    if message := too_big(window):
        problems.append(f"{name}: {message}")
    problems += [f"{name}: outside: {p}" for p in outside(window)]
    if labels:
        problems += [f"{name}: elided: {p}" for p in elided_labels(window)]
    for table in all_tables(window):
        problems += [f"{name}: {p}" for p in clipped_cells(table)]
    return problems


def test_the_rooms_fit_1280_by_800(qtbot, room_window, live_server):
    busy_meeting(live_server.url)
    problems: list[str] = []
    chair = room_window("chair", size=(AVAILABLE.width(), AVAILABLE.height()))
    delegate = room_window("d001", size=(AVAILABLE.width(), AVAILABLE.height()))
    clerk = room_window("clerk", size=(AVAILABLE.width(), AVAILABLE.height()))
    qtbot.waitUntil(lambda: chair.room.session.open_poll() is not None, timeout=WAIT)
    problems += fits(qtbot, chair, "chair", labels=True)
    for tab in range(chair.room.body.tabs.count()):
        chair.room.body.tabs.setCurrentIndex(tab)
        problems += fits(qtbot, chair, f"chair tab {tab}", labels=True)
    problems += fits(qtbot, delegate, "delegate", labels=True)
    problems += fits(qtbot, clerk, "clerk")
    editor = chair.room.open_minutes()
    qtbot.waitUntil(lambda: editor.preview.document.pageCount() > 0, timeout=WAIT)
    problems += fits(qtbot, chair, "minutes editor")
    delegate.room.show_documents()
    problems += fits(qtbot, delegate, "reader")
    # Closed: the last result, the "ended" lines; the chair's confirmation strip seen once.
    act(live_server.url, "chair", ("poll.close", {"poll_id": 2}))
    chair.room.minutes_button.setChecked(False)
    chair.room.body.on_end_clicked()
    problems += fits(qtbot, chair, "chair asked to end", labels=True)
    act(live_server.url, "chair", ("meeting.end", {"meeting_id": 1}))
    qtbot.waitUntil(chair.room.session.ended, timeout=WAIT)
    delegate.room.documents_button.setChecked(False)
    problems += fits(qtbot, chair, "chair after the end", labels=True)
    problems += fits(qtbot, delegate, "delegate after the end", labels=True)
    chair.room.open_minutes()
    problems += fits(qtbot, chair, "minutes editor after the end")
    assert problems == [], "\n".join(problems)


def test_the_hall_sign_in_and_meeting_list_fit_1280_by_800(qtbot, room_window, live_server):
    busy_meeting(live_server.url)
    hall = room_window("chair", hall=True, size=(AVAILABLE.width(), AVAILABLE.height()))
    problems = fits(qtbot, hall, "hall")
    hall.stack.setCurrentWidget(hall.workspace)
    meetings = hall.workspace.show_module("meetings").list
    problems += fits(qtbot, hall, "meeting list")
    hall.resize(1920, 1040)  # the wide screen too: the columns fit their text, not the window
    qtbot.waitUntil(lambda: hall.width() == 1920, timeout=WAIT)
    problems += [f"meeting list at 1920: {p}" for p in clipped_cells(meetings.table)]
    hall.on_sign_out_requested()
    problems += fits(qtbot, hall, "sign-in")
    assert problems == [], "\n".join(problems)
