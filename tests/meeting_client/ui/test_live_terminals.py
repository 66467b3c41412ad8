"""Whole sessions through the GUI against a real ``meeting-server`` process.

Each terminal is the real window with its own bridge thread and SyncClient;
delegates beyond the two on screen act through a plain protocol client so the
meeting reaches its quorum. Waiting is on conditions, never on sleeps.
"""

from __future__ import annotations

import asyncio
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from meeting_client.ui.main_window import MainWindow
from tests.meeting_client.taps import press_when_armed
from tests.support.wsclient import WsClient

LEFT = Qt.MouseButton.LeftButton
WAIT = 20_000


def protocol(url: str, users: list[str], *steps: tuple[str, dict]) -> None:
    """Sign each user in with a plain client and run the same commands."""
    async def go() -> None:
        for user in users:
            client = await WsClient.signed_in(url, user)
            try:
                for type_, fields in steps:
                    await client.call(type_, key=f"{user}-{type_}-{fields}", **fields)
            finally:
                await client.ws.close()

    asyncio.run(go())


def check_in_gui(qtbot, window: MainWindow) -> None:
    panel = window.room.body.attendance
    press_when_armed(qtbot, panel.check_in_button)
    qtbot.waitUntil(window.room.session.checked_in, timeout=WAIT)


def vote_gui(qtbot, window: MainWindow, option: str) -> None:
    panel = window.room.body.vote
    qtbot.waitUntil(lambda: panel.page() == "choose"
                    and panel.option_button(option).isEnabled(), timeout=WAIT)
    press_when_armed(qtbot, panel.option_button(option))
    assert panel.page() == "confirm"
    press_when_armed(qtbot, panel.confirm_button)


def test_a_poll_from_creation_to_result(qtbot, room_window, live_server):
    chair, d1, d2 = room_window("chair"), room_window("d001"), room_window("d002")
    check_in_gui(qtbot, d1)
    check_in_gui(qtbot, d2)
    others = [f"d{n:03d}" for n in range(3, 18)]  # 15 more: 17 present
    protocol(live_server.url, others, ("attendance.check_in", {"meeting_id": 1}))
    session = chair.room.session
    qtbot.waitUntil(lambda: session.snapshot.attendance.present == 17, timeout=WAIT)
    polls = chair.room.body.polls
    assert polls.quorum.text() == "Có mặt 17/30 — Đủ số lượng"

    qtbot.mouseClick(polls.create_button, LEFT)
    dialog = polls.poll_dialog()
    dialog.title_edit.setText("Thông qua chương trình kỳ họp")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: polls.open_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(polls.open_button, LEFT)
    press_when_armed(qtbot, polls.confirm.confirm_button)
    qtbot.waitUntil(lambda: session.open_poll() is not None, timeout=WAIT)
    poll_id = session.open_poll().poll_id

    vote_gui(qtbot, d1, "yes")
    vote_gui(qtbot, d2, "no")
    protocol(live_server.url, others[:15],
             ("poll.cast", {"poll_id": poll_id, "choice": "yes"}))
    for window, word in ((d1, "Đồng ý"), (d2, "Không đồng ý")):
        panel = window.room.body.vote
        qtbot.waitUntil(lambda p=panel, w=word: p.voted_text.text() == f"✓ Đã biểu quyết: {w}",
                        timeout=WAIT)
    qtbot.waitUntil(lambda: session.open_poll() is not None
                    and session.open_poll().cast == 17, timeout=WAIT)
    assert polls.progress.format() == "Đã biểu quyết 17/30"

    qtbot.waitUntil(polls.close_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(polls.close_button, LEFT)
    press_when_armed(qtbot, polls.confirm.confirm_button)
    for window in (chair, d1, d2):
        s = window.room.session
        qtbot.waitUntil(lambda s=s: s.result_poll() is not None, timeout=WAIT)
        tally = s.tally_model
        assert [tally.index(r, 0).data() for r in range(4)] == [
            "Đồng ý", "Không đồng ý", "Không biểu quyết", "Không tham gia"]
        assert [tally.index(r, 1).data() for r in range(4)] == ["16", "1", "0", "13"]
    assert d1.room.body.vote.page() == "result"
    assert d1.room.body.vote.result.outcome.text() == "Thông qua"
    assert polls.result.outcome.text() == "Thông qua"
    assert session.ballot_model.rowCount() == 17  # an open poll shows who voted how
    # The delegate's own choice was never in the shared state, only on that terminal.
    assert d2.room.session.my_ballot(poll_id) == "no"
    assert d1.room.session.my_ballot(poll_id) == "yes"


def test_the_floor_from_request_to_finish(qtbot, room_window):
    chair, d1 = room_window("chair"), room_window("d001")
    check_in_gui(qtbot, d1)
    panel = d1.room.body.speaker
    qtbot.mouseClick(panel.request_button, LEFT)
    qtbot.waitUntil(lambda: panel.state() == "waiting", timeout=WAIT)
    assert panel.status.text() == "Đã đăng ký phát biểu — thứ tự 1"

    queue = chair.room.body.speakers
    qtbot.waitUntil(lambda: chair.room.session.speaker_model.rowCount() == 1, timeout=WAIT)
    queue.limit.setValue(2)
    qtbot.waitUntil(queue.grant_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(queue.grant_button, LEFT)
    qtbot.waitUntil(lambda: panel.state() == "speaking", timeout=WAIT)
    minutes, seconds = panel.remaining.text().removeprefix("Còn ").split(":")
    assert 90 <= int(minutes) * 60 + int(seconds) <= 120  # a 2-minute limit, just started
    qtbot.waitUntil(lambda: queue.timer.state() == "running", timeout=WAIT)
    assert queue.timer.who.text().startswith("Đang phát biểu: ")

    qtbot.waitUntil(queue.finish_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(queue.finish_button, LEFT)
    qtbot.waitUntil(lambda: panel.state() == "idle", timeout=WAIT)
    qtbot.waitUntil(lambda: chair.room.session.speaker_model.rowCount() == 0, timeout=WAIT)
    assert queue.timer.state() == "idle"


def test_no_poll_opens_without_quorum(qtbot, room_window, live_server):
    chair = room_window("chair")
    polls = chair.room.body.polls
    qtbot.mouseClick(polls.create_button, LEFT)
    polls.poll_dialog().title_edit.setText("Thông qua nghị quyết")
    polls.poll_dialog().accept()
    session = chair.room.session
    qtbot.waitUntil(lambda: session.poll_model.rowCount() == 1, timeout=WAIT)
    assert not polls.open_button.isEnabled()
    assert polls.blocked.isVisibleTo(polls)
    protocol(live_server.url, [f"d{n:03d}" for n in range(1, 17)],
             ("attendance.check_in", {"meeting_id": 1}))
    qtbot.waitUntil(polls.open_button.isEnabled, timeout=WAIT)
    assert polls.quorum.text() == "Có mặt 16/30 — Đủ số lượng"


def test_a_server_restart_under_a_running_terminal(qtbot, room_window, live_server):
    d1 = room_window("d001")
    check_in_gui(qtbot, d1)
    room = d1.room
    speaker = room.body.speaker
    assert speaker.request_button.isEnabled()
    live_server.kill()
    qtbot.waitUntil(room.banner.isVisible, timeout=WAIT)
    assert room.banner.text() == "Mất kết nối — đang kết nối lại…"
    assert not speaker.request_button.isEnabled()
    assert not room.body.attendance.check_out_button.isEnabled()

    live_server.start()
    back = time.monotonic()
    qtbot.waitUntil(lambda: not room.banner.isVisible(), timeout=30_000)
    # The reconnect delay is capped at 2 s: the terminal is in again soon after the server.
    assert time.monotonic() - back < 5.0
    qtbot.waitUntil(speaker.request_button.isEnabled, timeout=WAIT)
    assert room.session.checked_in()  # attendance is durable across the restart
    protocol(live_server.url, ["d002"], ("attendance.check_in", {"meeting_id": 1}))
    qtbot.waitUntil(lambda: room.session.snapshot.attendance.present == 2, timeout=WAIT)
    assert room.body.attendance.summary.text() == "Có mặt 2/30 — Chưa đủ số lượng"


def test_the_clerk_sees_the_timeline_and_records_an_absence(qtbot, room_window, live_server):
    protocol(live_server.url, ["d001"], ("attendance.check_in", {"meeting_id": 1}))
    clerk = room_window("clerk")
    view = clerk.room.body
    session = clerk.room.session
    qtbot.waitUntil(lambda: session.timeline_model.rowCount() >= 1, timeout=WAIT)
    history = session.timeline_model.rowCount()
    assert any("điểm danh" in session.timeline_model.index(r, 1).data()
               for r in range(history))
    protocol(live_server.url, ["d002"], ("attendance.check_in", {"meeting_id": 1}))
    qtbot.waitUntil(lambda: session.timeline_model.rowCount() == history + 1, timeout=WAIT)

    d030 = next(p.user_id for p in session.snapshot.participants if p.username == "d030")
    view.select_user(d030)
    qtbot.waitUntil(view.absence_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(view.absence_button, LEFT)
    view.absence_dialog().reason.setText("Đi công tác")
    view.absence_dialog().accept()
    model = session.participant_model
    qtbot.waitUntil(lambda: model.index(model.row_of_key(d030), 3).data()
                    == "Vắng mặt có lý do: Đi công tác", timeout=WAIT)
