"""Every list model passes qtmodeltester, before and after the state moves."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from meeting_client.models.agenda_model import ACTIVE_ROLE, AgendaModel
from meeting_client.models.base import KEY_ROLE
from meeting_client.models.labels import EventContext
from meeting_client.models.meeting_list_model import MeetingListModel, meeting_rows
from meeting_client.models.participant_model import STATUS_ROLE, ParticipantModel
from meeting_client.models.poll_model import PollModel
from meeting_client.models.speaker_model import SpeakerQueueModel
from meeting_client.models.tally_model import COUNT_ROLE, BallotModel, TallyModel
from meeting_client.models.timeline_model import TimelineModel
from tests.meeting_client.conftest import DELEGATE_IDS, Feed, make_snapshot


def test_agenda_model_marks_the_active_item(qtmodeltester):
    feed = Feed(make_snapshot())
    model = AgendaModel()
    model.update(feed.state.agenda)
    qtmodeltester.check(model)
    assert model.active_row() == 0
    feed.event("agenda.activated", item_id=3)
    model.update(feed.state.agenda)
    qtmodeltester.check(model)
    assert model.active_row() == 2
    assert model.index(2, 0).data(ACTIVE_ROLE) is True
    assert model.index(2, 0).data() == "3. Thảo luận và chất vấn"


def test_participant_model_sorts_by_seat_and_shows_floor(qtmodeltester):
    feed = Feed(make_snapshot(present=2))
    model = ParticipantModel(delegates_only=True)
    model.update(feed.state)
    qtmodeltester.check(model)
    assert model.rowCount() == 30
    assert [model.index(r, 0).data() for r in range(3)] == ["1", "2", "3"]
    assert model.index(9, 0).data() == "10"
    feed.event("speaker.requested", request_id=1, user_id=DELEGATE_IDS[1])
    feed.event("attendance.changed", present=2, expected=30, quorum_met=False,
               user_id=DELEGATE_IDS[5], checked_in=False, absence_reason="Đi công tác")
    model.update(feed.state)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(STATUS_ROLE) == "present"
    assert model.index(1, 0).data(STATUS_ROLE) == "waiting"
    assert model.index(5, 3).data() == "Vắng mặt có lý do: Đi công tác"
    assert model.index(6, 0).data(STATUS_ROLE) == "absent"


def test_speaker_queue_model_orders_speaker_then_waiting(qtmodeltester):
    feed = Feed(make_snapshot(present=20))
    model = SpeakerQueueModel()
    qtmodeltester.check(model)
    for rid, n in ((1, 3), (2, 1), (3, 2)):
        feed.event("speaker.requested", request_id=rid, user_id=DELEGATE_IDS[n],
                   requested_at=f"2026-11-24T09:00:0{rid}Z")
    model.update(feed.state)
    qtmodeltester.check(model)
    assert [model.index(r, 0).data(KEY_ROLE) for r in range(3)] == [1, 2, 3]
    feed.event("speaker.granted", request_id=2, limit_s=180, seat="2")
    model.update(feed.state)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Đang phát biểu"
    assert model.index(0, 1).data() == "Nguyễn Văn Đại Biểu 2"
    assert [model.index(r, 0).data() for r in (1, 2)] == ["1", "2"]
    feed.event("speaker.finished", request_id=2, duration_s=30)
    model.update(feed.state)
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_poll_and_tally_models_follow_a_poll(qtmodeltester):
    feed = Feed(make_snapshot(present=20))
    polls, tally, ballots = PollModel(), TallyModel(), BallotModel()
    feed.event("poll.created", poll_id=7, title="Thông qua chương trình", secret=False,
               options=["yes", "no", "abstain"], majority="absolute", eligible=30)
    polls.update(feed.state.polls)
    qtmodeltester.check(polls)
    assert polls.index(0, 1).data() == "Chưa mở"
    feed.event("poll.opened", poll_id=7, eligible=30)
    feed.event("poll.progress", poll_id=7, cast=12, eligible=30)
    polls.update(feed.state.polls)
    assert polls.index(0, 2).data() == "12/30"
    feed.event("poll.closed", poll_id=7, tally={"yes": 17, "no": 2, "abstain": 1}, cast=20,
               eligible=30, outcome="passed",
               ballots=[{"user_id": DELEGATE_IDS[0], "choice": "yes"},
                        {"user_id": DELEGATE_IDS[1], "choice": "no"}])
    poll = feed.state.polls[0]
    polls.update(feed.state.polls)
    tally.update(poll)
    ballots.update(poll, feed.state)
    for m in (polls, tally, ballots):
        qtmodeltester.check(m)
    assert polls.index(0, 3).data() == "Thông qua"
    assert [tally.index(r, 0).data() for r in range(4)] == [
        "Đồng ý", "Không đồng ý", "Không biểu quyết", "Không tham gia"]
    assert [tally.index(r, 0).data(COUNT_ROLE) for r in range(4)] == [17, 2, 1, 10]
    assert tally.index(0, 2).data() == "56.7%"
    assert ballots.rowCount() == 2
    assert ballots.index(1, 2).data() == "Không đồng ý"


def test_secret_poll_has_no_ballot_rows(qtmodeltester):
    feed = Feed(make_snapshot(present=20))
    feed.event("poll.created", poll_id=1, title="Bầu", secret=True,
               options=["yes", "no"], majority="two_thirds")
    feed.event("poll.closed", poll_id=1, tally={"yes": 20, "no": 0}, cast=20, eligible=30,
               outcome="passed")
    ballots = BallotModel()
    ballots.update(feed.state.polls[0], feed.state)
    qtmodeltester.check(ballots)
    assert ballots.rowCount() == 0


def test_timeline_model_appends_in_order_without_duplicates(qtmodeltester):
    feed = Feed(make_snapshot(present=0))
    model = TimelineModel()
    names = {DELEGATE_IDS[0]: "Nguyễn Văn Đại Biểu 1"}
    events = [
        feed.event("attendance.changed", present=1, expected=30, quorum_met=False,
                   user_id=DELEGATE_IDS[0], checked_in=True),
        feed.event("agenda.activated", item_id=2),
        feed.event("poll.progress", poll_id=1, cast=1, eligible=30),
    ]
    ctx = EventContext(names=names, items={2: "Tờ trình"})
    model.append_events(events[:2], ctx)
    qtmodeltester.check(model)
    model.append_events(events, ctx)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, 1).data() == "Nguyễn Văn Đại Biểu 1 điểm danh — Có mặt 1/30"
    assert model.index(1, 1).data() == "Chuyển sang nội dung: Tờ trình"
    assert model.last_seq == 3
    later = [
        feed.event("speaker.requested", request_id=4, user_id=DELEGATE_IDS[0]),
        feed.event("speaker.finished", request_id=4, duration_s=75),
        feed.event("poll.created", poll_id=2, title="Bầu Phó Chủ tịch", secret=True,
                   options=["yes", "no", "abstain"], majority="absolute"),
        feed.event("poll.closed", poll_id=2, tally={"abstain": 1, "no": 2, "yes": 20},
                   cast=23, eligible=30, outcome="passed"),
    ]
    model.append_events(later, ctx)
    qtmodeltester.check(model)
    assert model.index(3, 1).data() == "Nguyễn Văn Đại Biểu 1 kết thúc phát biểu (01:15)"
    assert model.index(5, 1).data() == ("Kết thúc biểu quyết «Bầu Phó Chủ tịch»: Đồng ý 20, "
                                        "Không đồng ý 2, Không biểu quyết 1 — Thông qua")


def test_meeting_list_keeps_today_upcoming_and_unfinished(qtmodeltester):
    data = {"meetings": [
        {"id": 1, "title": "A", "starts_at": "2026-11-24T08:00:00Z", "status": "scheduled",
         "role": "delegate"},
        {"id": 2, "title": "Cũ", "starts_at": "2026-01-01T08:00:00Z", "status": "ended",
         "role": "delegate"},
        {"id": 3, "title": "Đang họp", "starts_at": "2026-11-20T08:00:00Z",
         "status": "in_progress", "role": "chair"},
    ]}
    model = MeetingListModel()
    model.set_rows(meeting_rows(data, today=date(2026, 11, 24)))
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Đang họp", "A"]
    assert model.index(0, 3).data() == "Chủ tọa"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Cuộc họp"


def test_set_rows_reorders_with_a_reset(qtmodeltester):
    model = AgendaModel()
    items = make_snapshot().agenda
    model.set_rows(items)
    model.set_rows(list(reversed(items)))
    qtmodeltester.check(model)
    assert model.index(0, 0).data(KEY_ROLE) == 4


def test_a_meeting_without_a_role_shows_no_role_not_none(qapp):
    """An administrator sees meetings where they have no role: the column stays empty."""
    rows = meeting_rows({"meetings": [{"id": 1, "title": "Kỳ họp", "status": "scheduled",
                                       "starts_at": "2099-01-01T08:00:00Z", "role": None}]})
    model = MeetingListModel()
    model.set_rows(rows)
    assert model.index(0, 3).data() == ""
