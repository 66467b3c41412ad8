"""MeetingSession: derived state, the delegate's own ballot, commands and answers."""

from __future__ import annotations

from datetime import datetime, timedelta

from meeting_client.models.hall import RESULT_HOLD_S, HallFocus, hall_view
from meeting_client.models.session import UNKNOWN_CHOICE
from tests.meeting_client.conftest import CHAIR_ID, DELEGATE_IDS, make_session


def _open_poll(feed, poll_id=5, secret=True):
    feed.event("poll.created", poll_id=poll_id, title="Bầu", secret=secret,
               options=["yes", "no", "abstain"], majority="absolute", eligible=30)
    return feed.event("poll.opened", poll_id=poll_id, eligible=30)


def test_a_ballot_is_sent_once_and_remembered_locally(qtbot, port, delegate_session):
    session, feed = delegate_session
    _open_poll(feed)
    session.set_snapshot(feed.state)
    with qtbot.waitSignal(session.ballot_changed):
        assert session.cast(5, "yes") is not None
    assert session.cast(5, "no") is None
    assert port.commands() == [("poll.cast", {"poll_id": 5, "choice": "yes"})]
    assert session.ballot_in_flight(5) == "yes"
    port.finish("poll.cast", {"poll_id": 5})
    assert session.my_ballot(5) == "yes"
    assert session.snapshot.polls[0].ballots is None  # nothing of it in the state


def test_a_conflict_means_we_already_voted_from_here(port, delegate_session):
    session, feed = delegate_session
    _open_poll(feed)
    session.set_snapshot(feed.state)
    session.cast(5, "no")
    port.fail("poll.cast", "conflict", "Đại biểu đã bỏ phiếu trong lần biểu quyết này.")
    assert session.my_ballot(5) == UNKNOWN_CHOICE
    assert not session.can_vote(session.poll(5))


def test_other_failures_let_the_delegate_try_again(port, delegate_session):
    session, feed = delegate_session
    _open_poll(feed)
    session.set_snapshot(feed.state)
    session.cast(5, "no")
    port.fail("poll.cast", "not_connected", "Mất kết nối")
    assert session.my_ballot(5) is None
    assert session.can_vote(session.poll(5))


def test_no_vote_offline_or_without_check_in(port):
    session, feed = make_session(port, "delegate", DELEGATE_IDS[25], present=20)
    _open_poll(feed)
    session.set_snapshot(feed.state)
    assert not session.can_vote(session.poll(5))  # seat 26 is not checked in
    session2, feed2 = make_session(port, "delegate", DELEGATE_IDS[0])
    _open_poll(feed2)
    session2.set_snapshot(feed2.state)
    session2.set_connection_state("reconnecting")
    assert not session2.online
    assert not session2.can_vote(session2.poll(5))


def test_quorum_blocks_opening_a_poll(port):
    session, feed = make_session(port, "chair", CHAIR_ID, present=10)
    feed.event("poll.created", poll_id=1, title="A", secret=False,
               options=["yes", "no", "abstain"], majority="absolute")
    session.set_snapshot(feed.state)
    assert not session.can_open_poll(session.poll(1))
    feed.event("attendance.changed", present=16, expected=30, quorum_met=True)
    session.set_snapshot(feed.state)
    assert session.can_open_poll(session.poll(1))


def test_queue_position_and_neighbour_items(port, delegate_session):
    session, feed = delegate_session
    feed.event("speaker.requested", request_id=1, user_id=DELEGATE_IDS[4])
    feed.event("speaker.requested", request_id=2, user_id=DELEGATE_IDS[0])
    session.set_snapshot(feed.state)
    assert session.my_request().request_id == 2
    assert session.queue_position(2) == 2
    assert session.neighbour_item(1).id == 2
    assert session.neighbour_item(-1) is None


def test_hall_follows_vote_then_speaker_then_result(port, chair_session):
    session, feed = chair_session
    assert session.hall_view().focus is HallFocus.ITEM
    _open_poll(feed, secret=False)
    feed.event("speaker.requested", request_id=1, user_id=DELEGATE_IDS[0])
    feed.event("speaker.granted", request_id=1, limit_s=60)
    session.set_snapshot(feed.state)
    assert session.hall_view().focus is HallFocus.VOTING
    feed.event("poll.closed", at="2026-11-24T09:05:00Z", poll_id=5,
               tally={"yes": 20, "no": 0, "abstain": 0}, cast=20, eligible=30,
               outcome="passed")
    session.set_snapshot(feed.state)
    # The result just closed goes over the speaker for a while, then the speaker returns.
    assert hall_view(feed.state, at("09:05:30")).focus is HallFocus.RESULT
    assert hall_view(feed.state, at("09:05:00") + timedelta(seconds=RESULT_HOLD_S)).focus \
        is HallFocus.SPEAKER
    assert session.hall_view().focus is HallFocus.SPEAKER  # long after (the real clock)
    feed.event("speaker.finished", request_id=1, duration_s=10)
    session.set_snapshot(feed.state)
    assert session.hall_view().focus is HallFocus.RESULT
    feed.event("agenda.activated", at="2026-11-24T09:10:00Z", item_id=2)
    session.set_snapshot(feed.state)
    assert session.hall_view().focus is HallFocus.ITEM


def test_timeline_loads_history_then_live_events(qtbot, port, chair_session):
    session, feed = chair_session
    history = [feed.event("agenda.activated", item_id=2)]
    session.load_timeline()
    live = feed.event("speaker.requested", request_id=1, user_id=DELEGATE_IDS[0])
    session.apply_events([live])  # arrives before the history answer
    assert session.timeline_model.rowCount() == 0
    import msgspec
    with qtbot.waitSignal(session.timeline_loaded):
        port.finish("meeting.timeline", {"events": msgspec.to_builtins(history)})
    assert session.timeline_model.rowCount() == 2
    session.apply_events([feed.event("speaker.granted", request_id=1, limit_s=60)])
    assert session.timeline_model.rowCount() == 3


def at(hms: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-24T{hms}+00:00")


def test_hall_priority_vote_result_paper_speaker_item(port, chair_session):
    _session, feed = chair_session
    feed.event("speaker.requested", request_id=1, user_id=DELEGATE_IDS[0])
    feed.event("speaker.granted", at="2026-11-24T09:01:00Z", request_id=1, limit_s=300)
    assert hall_view(feed.state, at("09:02:00")).focus is HallFocus.SPEAKER
    feed.event("presentation.page", document_id=7, page=3, presenter_id=CHAIR_ID)
    view = hall_view(feed.state, at("09:02:00"))
    assert view.focus is HallFocus.PRESENTATION and view.presentation.page == 3
    _open_poll(feed, secret=False)
    assert hall_view(feed.state, at("09:03:00")).focus is HallFocus.VOTING
    feed.event("poll.closed", at="2026-11-24T09:05:00Z", poll_id=5,
               tally={"yes": 20, "no": 0, "abstain": 0}, cast=20, eligible=30,
               outcome="passed")
    assert hall_view(feed.state, at("09:05:10")).focus is HallFocus.RESULT
    feed.event("hall.view", view="speaker")  # until the chair changes it
    assert hall_view(feed.state, at("09:05:10")).focus is HallFocus.SPEAKER
    feed.event("hall.view", view="auto")
    assert hall_view(feed.state, at("09:07:00")).focus is HallFocus.PRESENTATION
    feed.event("presentation.stopped")
    assert hall_view(feed.state, at("09:07:00")).focus is HallFocus.SPEAKER
    # The chair gives the floor to someone after the close: the speaker comes first.
    feed.event("speaker.finished", request_id=1, duration_s=10)
    feed.event("speaker.requested", request_id=2, user_id=DELEGATE_IDS[1])
    feed.event("speaker.granted", at="2026-11-24T09:05:20Z", request_id=2, limit_s=300)
    assert hall_view(feed.state, at("09:05:30")).focus is HallFocus.SPEAKER
    feed.event("speaker.finished", request_id=2, duration_s=10)
    feed.event("agenda.activated", at="2026-11-24T09:10:00Z", item_id=2)
    assert hall_view(feed.state, at("09:10:05")).focus is HallFocus.ITEM
