"""The room in its less common states, against a real server: joining during a
presentation, after "Bế mạc", and the chair's next poll after a result."""

from __future__ import annotations

from meeting_client.models.hall import HallFocus
from tests.meeting_client.minutes.conftest import protocol as act
from tests.meeting_client.ui.test_live_terminals import protocol

WAIT = 20_000


def test_a_late_delegate_joins_a_presentation_in_the_room_with_check_in(
        qtbot, room_window, live_server):
    url = live_server.url
    act(url, "chair", ("meeting.start", {"meeting_id": 1}))
    protocol(url, ["d002"], ("attendance.check_in", {"meeting_id": 1}))
    chair = room_window("chair")
    document = chair.room.session.snapshot.documents[0]
    act(url, "chair", ("presentation.page", {"meeting_id": 1, "document_id": document.id,
                                             "page": 2}))
    late = room_window("d001")  # not checked in
    present = room_window("d002")  # checked in, joins while the paper is shown
    for window in (late, present):
        qtbot.waitUntil(lambda w=window: w.room.session.snapshot.presentation is not None,
                        timeout=WAIT)
        assert window.room.stack.currentWidget() is window.room.body  # the room, not the reader
        assert "Đang trình chiếu tài liệu" in window.room.notices.text()
    attendance = late.room.body.attendance
    assert attendance.check_in_button.isVisibleTo(late) and attendance.check_in_button.isEnabled()
    # A presentation that starts while the delegate is in the room takes them to it.
    act(url, "chair", ("presentation.stop", {"meeting_id": 1}))
    qtbot.waitUntil(lambda: present.room.session.snapshot.presentation is None, timeout=WAIT)
    act(url, "chair", ("presentation.page", {"meeting_id": 1, "document_id": document.id,
                                             "page": 1}))
    qtbot.waitUntil(lambda: present.room.stack.currentWidget() is present.room.documents,
                    timeout=WAIT)


def test_after_the_end_every_screen_says_so_and_nothing_can_be_started(
        qtbot, room_window, live_server):
    url = live_server.url
    act(url, "chair", ("meeting.start", {"meeting_id": 1}))
    protocol(url, [f"d{n:03d}" for n in range(1, 17)], ("attendance.check_in", {"meeting_id": 1}))
    [poll] = act(url, "chair", ("poll.create", {"meeting_id": 1, "title": "Thông qua tờ trình"}))
    act(url, "chair", ("poll.open", {"poll_id": poll["poll_id"]}),
        ("poll.close", {"poll_id": poll["poll_id"]}))  # a result just closed: still "ended"
    chair, d1 = room_window("chair"), room_window("d001")
    hall = room_window("clerk", hall=True)
    console = chair.room.body
    qtbot.waitUntil(console.agenda.next_button.isEnabled, timeout=WAIT)
    assert console.polls.create_button.isEnabled()
    assert d1.room.body.speaker.request_button.isEnabled()
    act(url, "chair", ("meeting.end", {"meeting_id": 1}))
    for window in (chair, d1):
        qtbot.waitUntil(lambda w=window: w.room.header.item.text() == "Kỳ họp đã bế mạc",
                        timeout=WAIT)
    qtbot.waitUntil(lambda: hall.room.body.item_title.text() == "Kỳ họp đã bế mạc",
                    timeout=WAIT)
    assert hall.room.body.pages.currentIndex() == 0
    assert not console.agenda.next_button.isEnabled()
    assert not console.polls.create_button.isEnabled()
    assert "bế mạc" in console.polls.blocked.text()
    speaker = d1.room.body.speaker
    assert not speaker.request_button.isEnabled()
    assert speaker.status.text() == "Kỳ họp đã bế mạc."


def test_a_new_poll_is_not_under_the_last_result(qtbot, room_window, live_server):
    url = live_server.url
    act(url, "chair", ("meeting.start", {"meeting_id": 1}))
    protocol(url, [f"d{n:03d}" for n in range(1, 17)], ("attendance.check_in", {"meeting_id": 1}))
    [poll] = act(url, "chair", ("poll.create", {"meeting_id": 1, "title": "Thông qua tờ trình"}))
    act(url, "chair", ("poll.open", {"poll_id": poll["poll_id"]}),
        ("poll.close", {"poll_id": poll["poll_id"]}))
    chair = room_window("chair")
    polls = chair.room.body.polls
    qtbot.waitUntil(lambda: polls.result.isVisibleTo(polls), timeout=WAIT)
    assert polls.result.outcome.text() == "Không thông qua"
    act(url, "chair", ("poll.create", {"meeting_id": 1, "title": "Thông qua nghị quyết"}))
    session = chair.room.session
    qtbot.waitUntil(lambda: session.poll_model.rowCount() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: not polls.result.isVisibleTo(polls), timeout=WAIT)
    assert polls.table.height() >= 150  # the list keeps its rows
    assert chair.room.session.hall_view().focus is HallFocus.RESULT  # the hall still shows it


def test_one_delegate_on_two_terminals_is_warned_on_both(qtbot, room_window, monkeypatch,
                                                         tmp_path):
    monkeypatch.setenv("HOP_THONG_MINH_DOCUMENT_CACHE", str(tmp_path / "cache1"))
    first = room_window("d001")
    qtbot.waitUntil(lambda: first.room.documents.center.documents() != [], timeout=WAIT)
    assert not first.room.notices.isVisibleTo(first)
    monkeypatch.setenv("HOP_THONG_MINH_DOCUMENT_CACHE", str(tmp_path / "cache2"))
    second = room_window("d001")
    warning = "Cảnh báo: tài khoản d001 đang đăng nhập trên 2 máy cùng lúc."
    for window in (first, second):
        qtbot.waitUntil(lambda w=window: w.room.notices.text().startswith(warning),
                        timeout=WAIT)


def test_a_hall_screen_without_a_meeting_number_opens_the_running_meeting(
        qtbot, live_server, tmp_path):
    from PySide6.QtCore import QSettings

    from meeting_client.app import build
    from meeting_client.ui.hall_display import HallDisplay
    from meeting_client.ui.main_window import ClientOptions

    act(live_server.url, "chair", ("meeting.start", {"meeting_id": 1}))
    settings = QSettings(str(tmp_path / "hall.ini"), QSettings.Format.IniFormat)
    window, bridge, _account = build(ClientOptions(server=live_server.url, user="clerk",
                                                   password="demo", hall=True),
                                     settings=settings)
    try:
        qtbot.addWidget(window)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.room is not None, timeout=WAIT)
        assert isinstance(window.room.body, HallDisplay)
        assert window.room.session.meeting_id == 1
    finally:
        bridge.stop()
