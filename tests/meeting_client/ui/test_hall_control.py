"""The chair pins what the hall screens show; every hall display follows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from meeting_client.models.hall import HallFocus
from meeting_client.ui.hall_control import HallControl
from meeting_client.ui.hall_display import HallDisplay
from tests.meeting_client.conftest import DELEGATE_IDS


def test_a_button_sends_hall_show_and_the_state_checks_it(qtbot, port, chair_session):
    session, feed = chair_session
    control = HallControl(session)
    qtbot.addWidget(control)
    assert control.buttons["auto"].isChecked()
    assert not control.buttons["result"].isEnabled()  # no closed vote yet
    qtbot.mouseClick(control.buttons["attendance"], Qt.MouseButton.LeftButton)
    assert port.commands() == [("hall.show", {"meeting_id": 1, "view": "attendance"})]
    feed.event("hall.view", view="attendance", poll_id=None)
    session.set_snapshot(feed.state)
    assert control.buttons["attendance"].isChecked()
    assert control.now.text() == "Đang hiển thị: điểm danh"


def test_the_hall_shows_what_the_chair_pinned_but_a_vote_takes_over(qtbot, chair_session):
    session, feed = chair_session
    hall = HallDisplay(session)
    qtbot.addWidget(hall)
    feed.event("hall.view", view="attendance", poll_id=None)
    session.set_snapshot(feed.state)
    assert hall.focus() is HallFocus.ATTENDANCE
    assert hall.attendance_count.text().startswith("Có mặt ")
    feed.event("poll.created", poll_id=5, title="Thông qua chương trình", secret=False,
               options=["yes", "no", "abstain"], majority="absolute", eligible=30)
    feed.event("poll.opened", poll_id=5, eligible=30)
    session.set_snapshot(feed.state)
    assert hall.focus() is HallFocus.VOTING
    feed.event("poll.closed", at="2026-11-24T09:05:00Z", poll_id=5,
               tally={"yes": 20, "no": 1, "abstain": 0}, cast=21, eligible=30,
               outcome="passed")
    session.set_snapshot(feed.state)
    assert hall.focus() is HallFocus.ATTENDANCE  # the pin holds once the vote is over
    feed.event("speaker.requested", request_id=1, user_id=DELEGATE_IDS[0])
    feed.event("speaker.granted", request_id=1, limit_s=60)
    feed.event("hall.view", view="result", poll_id=5)
    session.set_snapshot(feed.state)
    assert hall.focus() is HallFocus.RESULT
    assert hall.result.title.text() == "Thông qua chương trình"
    feed.event("hall.view", view="auto", poll_id=None)
    session.set_snapshot(feed.state)
    assert hall.focus() is HallFocus.SPEAKER
