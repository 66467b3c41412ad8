"""No irreversible action from a double tap: the guard as a widget, then in each place,
through the real window against a real server (two taps 100 ms apart at one point)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from meeting_client.ui.confirm_bar import ConfirmBar
from meeting_client.ui.guard import GuardedButton
from meeting_client.ui.main_window import MainWindow
from meeting_protocol.commands import Payload
from tests.meeting_client.minutes.conftest import protocol as act
from tests.meeting_client.taps import LEFT, WAIT, double_tap, press_when_armed
from tests.meeting_client.ui.test_live_terminals import check_in_gui, protocol

MUTATIONS = ("meeting.", "attendance.", "poll.", "minutes.issue", "minutes.notice")


def record_commands(monkeypatch: Any, window: MainWindow) -> list[str]:
    """Every mutating command this terminal sends, in order."""
    sent: list[str] = []
    port = window.room.session.port
    original = port.send_command

    def spy(payload: Payload) -> int:
        if payload.TYPE.startswith(MUTATIONS):
            sent.append(payload.TYPE)
        return original(payload)

    monkeypatch.setattr(port, "send_command", spy)
    return sent


def settle(qtbot: Any, window: MainWindow, *types: str) -> None:
    """Wait until none of ``types`` is in flight any more."""
    session = window.room.session
    qtbot.waitUntil(lambda: not any(session.is_pending(t) for t in types), timeout=WAIT)


# --- the widget ------------------------------------------------------------------------

def test_a_guarded_button_is_deaf_after_it_appears_and_after_a_press(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    button = GuardedButton("Bế mạc")
    QVBoxLayout(box).addWidget(button)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    box.show()
    qtbot.mouseClick(button, LEFT)
    assert clicks == [] and not button.is_armed()  # it has just appeared
    qtbot.waitUntil(button.is_armed, timeout=WAIT)
    qtbot.mouseClick(button, LEFT)
    qtbot.wait(100)
    qtbot.mouseClick(button, LEFT)  # the second half of a double tap
    qtbot.mouseDClick(button, LEFT)
    assert len(clicks) == 1
    qtbot.waitUntil(button.is_armed, timeout=WAIT)
    button.setText("Bế mạc kỳ họp")  # a new meaning: deaf again
    qtbot.mouseClick(button, LEFT)
    assert len(clicks) == 1


def test_a_confirmation_is_not_satisfied_by_the_tap_that_asked(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    ask = GuardedButton("Rời phòng họp")
    bar = ConfirmBar()
    layout = QVBoxLayout(box)
    layout.addWidget(ask)
    layout.addWidget(bar)
    confirmed: list[object] = []
    bar.confirmed.connect(confirmed.append)
    ask.clicked.connect(lambda: bar.ask("Rời phòng họp?", "out"))
    box.show()
    qtbot.waitUntil(ask.is_armed, timeout=WAIT)
    double_tap(qtbot, ask)
    assert bar.isVisible() and confirmed == []
    assert bar.confirm_button.geometry().center() != ask.geometry().center()
    double_tap(qtbot, bar.confirm_button)  # even a double tap on the confirm itself …
    assert confirmed == []  # … lands within its dead time after it appeared
    bar.ask("Rời phòng họp?", "out")
    press_when_armed(qtbot, bar.confirm_button)
    assert confirmed == ["out"]


# --- in each place, against the server -----------------------------------------------

def test_a_double_tap_on_start_starts_and_does_not_end(qtbot, room_window, monkeypatch):
    chair = room_window("chair")
    console = chair.room.body
    sent = record_commands(monkeypatch, chair)
    qtbot.waitUntil(console.start_button.is_armed, timeout=WAIT)
    double_tap(qtbot, console.start_button)
    session = chair.room.session
    qtbot.waitUntil(lambda: session.snapshot.meeting.status == "in_progress", timeout=WAIT)
    settle(qtbot, chair, "meeting.start", "meeting.end")
    assert sent == ["meeting.start"]
    # Bế mạc now sits where Khai mạc was; tapped twice on purpose it only asks.
    qtbot.waitUntil(console.end_button.is_armed, timeout=WAIT)
    double_tap(qtbot, console.end_button)
    assert console.confirm.isVisible() and sent == ["meeting.start"]
    assert "không thể mở lại" in console.confirm.question.text()
    press_when_armed(qtbot, console.confirm.confirm_button)
    qtbot.waitUntil(lambda: session.snapshot.meeting.status == "ended", timeout=WAIT)
    assert sent == ["meeting.start", "meeting.end"]


def test_a_double_tap_on_a_vote_option_does_not_cast(qtbot, room_window, live_server,
                                                     monkeypatch):
    protocol(live_server.url, ["chair"], ("meeting.start", {"meeting_id": 1}))
    protocol(live_server.url, [f"d{n:03d}" for n in range(2, 18)],
             ("attendance.check_in", {"meeting_id": 1}))
    d1 = room_window("d001")
    check_in_gui(qtbot, d1)
    protocol(live_server.url, ["chair"], ("poll.create", {
        "meeting_id": 1, "title": "Thông qua chương trình"}))
    session = d1.room.session
    qtbot.waitUntil(lambda: session.poll_model.rowCount() == 1, timeout=WAIT)
    poll_id = session.poll_model.rows()[0].poll_id
    protocol(live_server.url, ["chair"], ("poll.open", {"poll_id": poll_id}))
    panel = d1.room.body.vote
    sent = record_commands(monkeypatch, d1)
    qtbot.waitUntil(lambda: panel.page() == "choose", timeout=WAIT)
    qtbot.waitUntil(panel.option_button("yes").is_armed, timeout=WAIT)
    double_tap(qtbot, panel.option_button("yes"))
    assert panel.page() == "confirm" and sent == []
    assert session.my_ballot(poll_id) is None
    press_when_armed(qtbot, panel.confirm_button)
    qtbot.waitUntil(lambda: session.my_ballot(poll_id) == "yes", timeout=WAIT)
    assert sent == ["poll.cast"]


def test_a_double_tap_on_check_in_does_not_check_out(qtbot, room_window, live_server,
                                                    monkeypatch):
    protocol(live_server.url, ["chair"], ("meeting.start", {"meeting_id": 1}))
    d1 = room_window("d001")
    panel = d1.room.body.attendance
    sent = record_commands(monkeypatch, d1)
    qtbot.waitUntil(lambda: panel.check_in_button.isEnabled()
                    and panel.check_in_button.is_armed(), timeout=WAIT)
    double_tap(qtbot, panel.check_in_button)
    session = d1.room.session
    qtbot.waitUntil(session.checked_in, timeout=WAIT)
    settle(qtbot, d1, "attendance.check_in", "attendance.check_out")
    assert sent == ["attendance.check_in"] and not panel.confirm.isVisible()
    # Leaving asks first; a double tap only asks.
    qtbot.waitUntil(panel.check_out_button.is_armed, timeout=WAIT)
    double_tap(qtbot, panel.check_out_button)
    assert panel.confirm.isVisible() and sent == ["attendance.check_in"]
    press_when_armed(qtbot, panel.confirm.confirm_button)
    qtbot.waitUntil(lambda: not session.checked_in(), timeout=WAIT)
    assert sent == ["attendance.check_in", "attendance.check_out"]


def test_closing_a_poll_with_few_ballots_warns_and_a_double_tap_does_not_close(
        qtbot, room_window, live_server, monkeypatch):
    protocol(live_server.url, ["chair"], ("meeting.start", {"meeting_id": 1}))
    protocol(live_server.url, [f"d{n:03d}" for n in range(1, 17)],
             ("attendance.check_in", {"meeting_id": 1}))
    chair = room_window("chair")
    session = chair.room.session
    protocol(live_server.url, ["chair"], ("poll.create", {
        "meeting_id": 1, "title": "Thông qua chương trình"}))
    qtbot.waitUntil(lambda: session.poll_model.rowCount() == 1, timeout=WAIT)
    poll_id = session.poll_model.rows()[0].poll_id
    protocol(live_server.url, ["chair"], ("poll.open", {"poll_id": poll_id}))
    protocol(live_server.url, ["d001"], ("poll.cast", {"poll_id": poll_id, "choice": "yes"}))
    polls = chair.room.body.polls
    qtbot.waitUntil(lambda: session.open_poll() is not None and session.open_poll().cast == 1,
                    timeout=WAIT)
    sent = record_commands(monkeypatch, chair)
    qtbot.waitUntil(lambda: polls.close_button.isEnabled(), timeout=WAIT)
    double_tap(qtbot, polls.close_button)
    assert polls.confirm.isVisible() and sent == []
    assert polls.confirm.question.text().startswith("Chú ý: chỉ mới có 1/30 đại biểu")
    assert polls.confirm.question.property("state") == "warn"
    press_when_armed(qtbot, polls.confirm.confirm_button)
    qtbot.waitUntil(lambda: session.open_poll() is None, timeout=WAIT)
    assert sent == ["poll.close"]


def test_register_number_and_notice_need_a_confirmation(qtbot, room_window, live_server,
                                                        monkeypatch, tmp_path):
    act(live_server.url, "chair", ("meeting.start", {"meeting_id": 1}),
        ("meeting.end", {"meeting_id": 1}),
        ("minutes.save", {"meeting_id": 1, "item_id": None, "opinions": "",
                          "conclusions": "Thông qua kế hoạch", "base_version": 0}))
    chair = room_window("chair")
    editor = chair.room.open_minutes()
    sent = record_commands(monkeypatch, chair)
    qtbot.waitUntil(lambda: editor.issue_button.isEnabled()
                    and editor.issue_button.is_armed(), timeout=WAIT)
    double_tap(qtbot, editor.issue_button)
    assert editor.confirm.isVisible() and sent == []
    editor.confirm.on_cancel_clicked()
    # The notice: confirmed, then the save dialog is cancelled — nothing was issued.
    asked: list[str] = []
    editor.choose_save_path = lambda name, _filter: asked.append(name) or ""
    double_tap(qtbot, editor.notice_button)
    assert editor.confirm.isVisible() and sent == []
    press_when_armed(qtbot, editor.confirm.confirm_button)
    assert asked and sent == []
    assert editor.status.text() == "Chưa ban hành thông báo kết luận."
    notice = tmp_path / "thong-bao.pdf"
    editor.choose_save_path = lambda _name, _filter: str(notice)
    press_when_armed(qtbot, editor.notice_button)
    press_when_armed(qtbot, editor.confirm.confirm_button)
    qtbot.waitUntil(lambda: editor.status.text() == f"Đã lưu tệp {notice}.", timeout=WAIT)
    assert sent == ["minutes.notice"] and notice.read_bytes().startswith(b"%PDF")
