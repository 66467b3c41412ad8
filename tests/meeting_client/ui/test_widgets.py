"""Widgets built from Snapshot fixtures, driven by clicks, checked by what they show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from meeting_client.models.hall import HallFocus
from meeting_client.ui.chair_console import ChairConsole
from meeting_client.ui.chime import Chime
from meeting_client.ui.clerk_view import ClerkView
from meeting_client.ui.connection_banner import ConnectionBanner
from meeting_client.ui.hall_display import HallDisplay
from meeting_client.ui.meeting_room import MeetingRoom
from meeting_client.ui.poll_control_panel import PollControlPanel
from meeting_client.ui.sign_in_page import SignInPage
from meeting_client.ui.speaker_panel import SpeakerPanel
from meeting_client.ui.speaking_timer import SpeakingTimer
from meeting_client.ui.vote_panel import VotePanel
from tests.meeting_client.conftest import CHAIR_ID, CLERK_ID, DELEGATE_IDS
from tests.meeting_client.taps import press_when_armed

LEFT = Qt.MouseButton.LeftButton


def open_poll(feed, poll_id=3, secret=False):
    feed.event("poll.created", poll_id=poll_id, title="Thông qua chương trình kỳ họp",
               secret=secret, options=["yes", "no", "abstain"], majority="absolute",
               eligible=30)
    feed.event("poll.opened", poll_id=poll_id, eligible=30)


def test_a_ballot_needs_a_confirmation_and_is_sent_once(qtbot, port, delegate_session):
    session, feed = delegate_session
    panel = VotePanel(session)
    qtbot.addWidget(panel)
    assert panel.page() == "idle"
    open_poll(feed)
    session.set_snapshot(feed.state)
    assert panel.page() == "choose"
    assert panel.option_button("yes").text() == "Đồng ý"
    assert panel.option_button("abstain").text() == "Không biểu quyết"
    press_when_armed(qtbot, panel.option_button("no"))
    assert panel.page() == "confirm" and "Không đồng ý" in panel.confirm_text.text()
    qtbot.mouseClick(panel.back_button, LEFT)
    assert panel.page() == "choose"
    assert port.sent == []
    press_when_armed(qtbot, panel.option_button("yes"))
    press_when_armed(qtbot, panel.confirm_button)
    assert port.commands() == [("poll.cast", {"poll_id": 3, "choice": "yes"})]
    assert panel.page() == "voted" and "Đang gửi" in panel.voted_text.text()
    port.finish("poll.cast", {"poll_id": 3})
    assert panel.voted_text.text() == "✓ Đã biểu quyết: Đồng ý"
    feed.event("poll.progress", poll_id=3, cast=1, eligible=30)
    session.set_snapshot(feed.state)
    assert panel.progress.format() == "Đã biểu quyết 1/30"
    feed.event("poll.closed", poll_id=3, tally={"yes": 16, "no": 1, "abstain": 0}, cast=17,
               eligible=30, outcome="passed",
               ballots=[{"user_id": DELEGATE_IDS[0], "choice": "yes"}])
    session.set_snapshot(feed.state)
    assert panel.page() == "result"
    assert panel.result.outcome.text() == "Thông qua"
    assert panel.result.ballots.isVisibleTo(panel)


def test_vote_buttons_disabled_before_check_in_and_offline(qtbot, session_factory):
    session, feed = session_factory("delegate", DELEGATE_IDS[29])  # seat 30: not present
    panel = VotePanel(session)
    qtbot.addWidget(panel)
    open_poll(feed)
    session.set_snapshot(feed.state)
    assert not panel.option_button("yes").isEnabled()
    assert panel.choose_hint.text() == "Bạn cần điểm danh trước khi biểu quyết."
    session2, feed2 = session_factory("delegate", DELEGATE_IDS[0])
    panel2 = VotePanel(session2)
    qtbot.addWidget(panel2)
    open_poll(feed2)
    session2.set_snapshot(feed2.state)
    session2.set_connection_state("reconnecting")
    assert not panel2.option_button("no").isEnabled()


def test_secret_result_hides_who_voted_how(qtbot, delegate_session):
    session, feed = delegate_session
    panel = VotePanel(session)
    qtbot.addWidget(panel)
    open_poll(feed, secret=True)
    feed.event("poll.closed", poll_id=3, tally={"yes": 5, "no": 12, "abstain": 0}, cast=17,
               eligible=30, outcome="rejected")
    session.set_snapshot(feed.state)
    assert panel.result.outcome.text() == "Không thông qua"
    assert not panel.result.ballots.isVisibleTo(panel)
    assert "Bỏ phiếu kín" in panel.result.ballots_note.text()


def test_speaker_panel_follows_request_grant_and_finish(qtbot, port, delegate_session):
    session, feed = delegate_session
    panel = SpeakerPanel(session)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.request_button, LEFT)
    assert port.commands() == [("speaker.request", {"meeting_id": 1})]
    assert not panel.request_button.isEnabled()
    port.finish("speaker.request", {"request_id": 9})
    feed.event("speaker.requested", request_id=8, user_id=DELEGATE_IDS[3])
    feed.event("speaker.requested", request_id=9, user_id=DELEGATE_IDS[0])
    session.set_snapshot(feed.state)
    assert panel.state() == "waiting"
    assert panel.status.text() == "Đã đăng ký phát biểu — thứ tự 2"
    feed.event("speaker.requested", request_id=8, user_id=DELEGATE_IDS[3])
    feed.event("speaker.withdrawn", request_id=8)
    feed.event("speaker.granted", request_id=9, limit_s=120,
               granted_at=session.server_now().isoformat())
    session.set_snapshot(feed.state)
    assert panel.state() == "speaking"
    assert panel.remaining.text() in ("Còn 02:00", "Còn 01:59")
    qtbot.mouseClick(panel.finish_button, LEFT)
    assert port.commands()[-1] == ("speaker.finish", {"request_id": 9})


def test_timer_warns_at_30_seconds_and_chimes_once_at_the_end(qtbot, chair_session):
    from datetime import timedelta

    session, feed = chair_session
    timer = SpeakingTimer(session)
    qtbot.addWidget(timer)
    assert timer.state() == "idle"
    feed.event("speaker.requested", request_id=1, user_id=DELEGATE_IDS[0])
    start = session.server_now() - timedelta(seconds=95)
    feed.event("speaker.granted", request_id=1, limit_s=120, granted_at=start.isoformat())
    session.set_snapshot(feed.state)
    assert timer.state() == "warning"
    assert timer.countdown.text() in ("00:25", "00:24")
    feed.event("speaker.granted", request_id=1, limit_s=60, granted_at=start.isoformat())
    with qtbot.waitSignal(timer.time_up) as blocker:
        session.set_snapshot(feed.state)
    assert blocker.args == [1]
    assert timer.state() == "over"
    with qtbot.assertNotEmitted(timer.time_up):
        timer.on_tick()


def test_chair_console_chimes_when_time_is_up(qtbot, chair_session):
    session, _feed = chair_session
    chime = Chime(use_sound=False)
    console = ChairConsole(session, chime=chime)
    qtbot.addWidget(console)
    console.speakers.timer.time_up.emit(1)
    assert chime.played == 1


def test_opening_a_poll_is_blocked_without_quorum(qtbot, port, session_factory):
    session, feed = session_factory("chair", CHAIR_ID, present=10)
    panel = PollControlPanel(session)
    qtbot.addWidget(panel)
    feed.event("poll.created", poll_id=1, title="Thông qua chương trình", secret=False,
               options=["yes", "no", "abstain"], majority="absolute", eligible=30)
    session.set_snapshot(feed.state)
    assert panel.quorum.text() == "Có mặt 10/30 — Chưa đủ số lượng"
    assert not panel.open_button.isEnabled()
    assert panel.blocked.text().startswith("Chưa đủ số lượng đại biểu")
    feed.event("attendance.changed", present=16, expected=30, quorum_met=True)
    session.set_snapshot(feed.state)
    assert panel.open_button.isEnabled()
    qtbot.mouseClick(panel.open_button, LEFT)
    assert port.sent == []  # one confirmation first
    assert panel.confirm.isVisibleTo(panel)
    press_when_armed(qtbot, panel.confirm.confirm_button)
    assert port.commands() == [("poll.open", {"poll_id": 1})]


def test_poll_dialog_creates_a_poll(qtbot, port, chair_session):
    session, _feed = chair_session
    panel = PollControlPanel(session)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.create_button, LEFT)
    dialog = panel.poll_dialog()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.title_edit.setText("Bầu Phó Chủ tịch HĐND")
    dialog.custom.setChecked(True)
    dialog.custom_options.setPlainText("Nguyễn Văn A\nTrần Thị B\n")
    dialog.secret.setChecked(True)
    dialog.majority.setCurrentIndex(dialog.majority.findData("two_thirds"))
    qtbot.mouseClick(ok, LEFT)
    assert port.commands() == [("poll.create", {
        "meeting_id": 1, "title": "Bầu Phó Chủ tịch HĐND",
        "options": ["Nguyễn Văn A", "Trần Thị B"], "secret": True, "majority": "two_thirds",
        "agenda_item_id": 1})]


def test_hall_display_switches_focus(qtbot, chair_session):
    session, feed = chair_session
    hall = HallDisplay(session)
    qtbot.addWidget(hall)
    assert hall.focus() is HallFocus.ITEM
    assert hall.item_title.text() == "Khai mạc kỳ họp"
    feed.event("speaker.requested", request_id=1, user_id=DELEGATE_IDS[2])
    feed.event("speaker.granted", request_id=1, limit_s=180, seat="3")
    session.set_snapshot(feed.state)
    assert hall.focus() is HallFocus.SPEAKER
    assert hall.speaker_name.text() == "Nguyễn Văn Đại Biểu 3"
    open_poll(feed)
    feed.event("poll.progress", poll_id=3, cast=7, eligible=30)
    session.set_snapshot(feed.state)
    assert hall.focus() is HallFocus.VOTING
    assert hall.voting_count.text() == "Đã biểu quyết 7/30"


def test_clerk_records_an_absence_and_sees_the_timeline(qtbot, port, session_factory):
    session, feed = session_factory("clerk", CLERK_ID, present=3)
    view = ClerkView(session)
    qtbot.addWidget(view)
    assert port.commands() == [("meeting.timeline",
                                {"meeting_id": 1, "after": 0, "limit": 1000})]
    port.finish("meeting.timeline", {"events": []})
    view.select_user(DELEGATE_IDS[0])  # present: nothing to record
    assert not view.absence_button.isEnabled()
    view.select_user(DELEGATE_IDS[9])
    assert view.absence_button.isEnabled()
    qtbot.mouseClick(view.absence_button, LEFT)
    view.absence_dialog().reason.setText("Đi công tác")
    view.absence_dialog().accept()
    assert port.commands()[-1] == ("attendance.set_absence", {
        "meeting_id": 1, "user_id": DELEGATE_IDS[9], "reason": "Đi công tác"})
    event = feed.event("attendance.changed", present=3, expected=30, quorum_met=False,
                       user_id=DELEGATE_IDS[9], absence_reason="Đi công tác")
    session.set_snapshot(feed.state)
    session.apply_events([event])
    assert session.timeline_model.rowCount() == 1
    assert "vắng mặt có lý do: Đi công tác" in session.timeline_model.index(0, 1).data()


def test_banner_shows_while_reconnecting_and_commands_disable(qtbot, delegate_session):
    session, _feed = delegate_session
    room = MeetingRoom(session)
    qtbot.addWidget(room)
    room.show()
    speaker = room.body.speaker
    assert not room.banner.isVisible()
    assert speaker.request_button.isEnabled()
    session.set_connection_state("reconnecting")
    assert room.banner.isVisible()
    assert room.banner.text() == "Mất kết nối — đang kết nối lại…"
    assert not speaker.request_button.isEnabled()
    assert room.header.connection.text() == "● Mất kết nối"
    session.set_connection_state("connected")
    assert not room.banner.isVisible()
    assert speaker.request_button.isEnabled()


def test_banner_starts_hidden_until_told(qtbot):
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    banner.on_session_connection_state_changed("connecting")
    assert banner.text() == "Đang kết nối tới máy chủ…"


def test_sign_in_page_emits_the_fields(qtbot):
    page = SignInPage()
    qtbot.addWidget(page)
    page.fill("ws://127.0.0.1:8765/ws", "d001", "demo")
    with qtbot.waitSignal(page.sign_in_requested) as blocker:
        qtbot.mouseClick(page.submit_button, LEFT)
    assert blocker.args == ["ws://127.0.0.1:8765/ws", "d001", "demo"]
    page.show_message("Tên đăng nhập hoặc mật khẩu không đúng.")
    assert page.message.isVisibleTo(page)


def test_rooms_fit_a_1280x800_screen(qtbot, qapp, session_factory):
    from meeting_client.app import apply_style

    font, sheet = qapp.font(), qapp.styleSheet()
    apply_style(qapp)
    try:
        for role, user in (("delegate", DELEGATE_IDS[0]), ("chair", CHAIR_ID),
                           ("clerk", CLERK_ID)):
            session, feed = session_factory(role, user)
            open_poll(feed)
            session.set_snapshot(feed.state)
            room = MeetingRoom(session)
            qtbot.addWidget(room)
            room.resize(1280, 800)
            room.show()
            assert room.width() <= 1280 and room.height() <= 800, (role, room.size())
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)


def test_english_translation_loads(qtbot, qapp):
    from meeting_client.app import install_translator

    translator = install_translator(qapp, "en")
    try:
        assert translator is not None
        page = SignInPage()
        qtbot.addWidget(page)
        assert page.submit_button.text() == "Sign in"
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)


def test_the_chair_withdraws_a_request_only_when_selected(qtbot, port, chair_session):
    from meeting_client.ui.speaker_queue_panel import SpeakerQueuePanel

    session, feed = chair_session
    panel = SpeakerQueuePanel(session)
    qtbot.addWidget(panel)
    feed.event("speaker.requested", request_id=4, user_id=DELEGATE_IDS[0])
    feed.event("speaker.requested", request_id=5, user_id=DELEGATE_IDS[1])
    session.set_snapshot(feed.state)
    assert not panel.withdraw_button.isEnabled()
    assert panel.grant_button.isEnabled()  # nothing selected: the next in line
    panel.select_request(5)
    qtbot.mouseClick(panel.withdraw_button, LEFT)
    qtbot.mouseClick(panel.grant_button, LEFT)
    assert port.commands() == [("speaker.withdraw", {"request_id": 5}),
                               ("speaker.grant", {"request_id": 5, "limit_s": 180})]


def test_meeting_list_opens_the_selected_meeting(qtbot):
    from meeting_client.models.meeting_list_model import MeetingListModel, MeetingRow
    from meeting_client.ui.meeting_list_page import MeetingListPage

    model = MeetingListModel()
    page = MeetingListPage(model)
    qtbot.addWidget(page)
    assert page.empty.isVisibleTo(page) and not page.open_button.isEnabled()
    model.set_rows([MeetingRow(1, "Kỳ họp thứ Ba", "2026-11-24T01:00:00Z", "in_progress",
                               "delegate"),
                    MeetingRow(2, "Giao ban tuần", "2026-11-25T01:00:00Z", "scheduled",
                               "observer")])
    assert page.open_button.isEnabled()
    with qtbot.waitSignal(page.open_requested) as blocker:
        qtbot.mouseClick(page.open_button, LEFT)
    assert blocker.args == [1]


def test_command_line_options():
    from meeting_client.app import parse_args

    options = parse_args(["--server", "ws://10.0.0.5:8765/ws", "--user", "d001",
                          "--meeting", "1", "--hall", "--lang", "en", "--kiosk"])
    assert (options.server, options.user, options.password, options.meeting) == (
        "ws://10.0.0.5:8765/ws", "d001", None, 1)
    assert options.hall and options.kiosk and options.lang == "en"


def test_sign_in_starts_at_the_password_and_clears_a_refused_one(qtbot):
    from meeting_client.ui.sign_in_page import SignInPage

    page = SignInPage()
    qtbot.addWidget(page)
    page.fill("ws://127.0.0.1:8765/ws", "d001")
    page.show()
    qtbot.waitExposed(page)
    assert page.focusWidget() is page.password
    page.password.setText("sai-mat-khau")
    page.show_failure("unauthenticated", "Tên đăng nhập hoặc mật khẩu không đúng.")
    assert page.password.text() == "" and page.focusWidget() is page.password
    assert page.message.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    page.password.setText("demo")
    page.show_failure("unreachable", "Không kết nối được tới máy chủ.")
    assert page.password.text() == "demo"  # the server was away: the password was not wrong
