"""A delegate answers the invitation from their terminal before the day; the clerk's
preparation page counts the replies and shows the reason (real server, real windows)."""

from __future__ import annotations

from tests.meeting_client.preparation.conftest import WAIT


def test_a_delegate_replies_and_the_clerk_sees_it(qtbot, room_window, clerk_page) -> None:
    window = room_window("d001")
    session = window.room.session
    panel = window.room.body.attendance
    assert panel.attend_button.isVisible() and panel.absent_button.isVisible()
    assert panel.reply.text() == "Giấy mời: hãy xác nhận tham dự hoặc báo vắng."
    assert not panel.absent_button.isEnabled()  # a reason first
    panel.attend_button.click()
    qtbot.waitUntil(lambda: session.me_participant().reply == "attend", timeout=WAIT)
    qtbot.waitUntil(lambda: panel.reply.text() == "Bạn đã xác nhận tham dự.", timeout=WAIT)
    panel.reason.setText("Đi công tác tại tỉnh")
    assert panel.absent_button.isEnabled()
    panel.absent_button.click()
    qtbot.waitUntil(lambda: session.me_participant().reply == "absent", timeout=WAIT)
    assert session.me_participant().absence_reason == "Đi công tác tại tỉnh"
    qtbot.waitUntil(lambda: panel.reply.text() == "Bạn đã báo vắng: Đi công tác tại tỉnh",
                    timeout=WAIT)

    page = clerk_page
    with qtbot.waitSignal(page.preparation.meeting_loaded, timeout=WAIT):
        page.table.selectRow(page.preparation.meetings.row_of_key(1))
    replies = page.invitation.replies.text()
    assert replies.startswith("Tham dự: 0 · Vắng mặt: 1 · Chưa trả lời: 31")
    assert "Nguyễn Văn An — Vắng mặt: Đi công tác tại tỉnh" in replies
    row = next(r for r in page.preparation.participants.rows() if r.username == "d001")
    assert page.preparation.participants.display(row, 3) == "Vắng mặt: Đi công tác tại tỉnh"
