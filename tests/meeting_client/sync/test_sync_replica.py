"""MeetingReplica and TopicFeed, without a network."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meeting_client.sync import MeetingReplica, TopicFeed
from meeting_client.sync.replica import FeedOutcome
from meeting_protocol.envelope import Event
from meeting_protocol.state import Attendance, MeetingInfo, Snapshot, apply_event

TOPIC = "meeting:1"


def empty_state() -> Snapshot:
    return Snapshot(
        meeting=MeetingInfo(id=1, title="Kỳ họp", starts_at="2026-11-24T08:00:00+07:00",
                            status="in_progress", quorum=51, majority="absolute"),
        agenda=[], participants=[],
        attendance=Attendance(present=0, expected=100, quorum_met=False),
        speakers=[], polls=[],
    )


def event(seq: int, *, topic: str = TOPIC, **data: Any) -> Event:
    """An attendance change whose ``present`` equals ``seq``: every prefix has its own state."""
    body = {"present": seq, "expected": 100, "quorum_met": seq > 50, **data}
    return Event(topic=topic, seq=seq, at="2026-11-24T09:00:00Z", event="attendance.changed",
                 data=body)


def states_of(log: list[Event]) -> list[Snapshot]:
    """``states[i]``: the state after the first ``i`` events."""
    states = [empty_state()]
    for e in log:
        states.append(apply_event(states[-1], e))
    return states


# --- MeetingReplica --------------------------------------------------------------------


def test_replica_applies_the_next_event_and_ignores_duplicates() -> None:
    replica = MeetingReplica(1, 0, empty_state())
    seen: list[tuple[int, int | None]] = []
    replica.add_listener(lambda s, e: seen.append((s.attendance.present, e and e.seq)))

    assert replica.apply(event(1)) is True
    assert replica.apply(event(2)) is True
    assert replica.apply(event(2)) is True  # duplicate: ignored
    assert replica.apply(event(1)) is True
    assert replica.seq == 2 and replica.state.attendance.present == 2
    assert seen == [(1, 1), (2, 2)]


def test_replica_reports_a_gap_and_stays_unchanged() -> None:
    replica = MeetingReplica(1, 3, empty_state())
    before = replica.state
    assert replica.apply(event(5)) is False
    assert replica.seq == 3 and replica.state is before


def test_replica_refuses_another_topic_and_survives_a_malformed_event() -> None:
    replica = MeetingReplica(1, 0, empty_state())
    with pytest.raises(ValueError):
        replica.apply(event(1, topic="meeting:2"))
    broken = Event(topic=TOPIC, seq=1, at="x", event="attendance.changed", data={"present": 1})
    with pytest.raises(KeyError):
        replica.apply(broken)
    assert replica.seq == 0 and replica.state == empty_state()


def test_replica_reset_and_listeners(caplog: pytest.LogCaptureFixture) -> None:
    replica = MeetingReplica(1, 0, empty_state())
    seen: list[Event | None] = []

    def boom(_s: Snapshot, _e: Event | None) -> None:
        raise RuntimeError("listener bug")

    def record(_s: Snapshot, e: Event | None) -> None:
        seen.append(e)

    replica.add_listener(boom)
    replica.add_listener(record)
    snapshot = states_of([event(1), event(2), event(3)])[3]
    with caplog.at_level(logging.ERROR):
        replica.reset(3, snapshot)
    assert "listener bug" in caplog.text
    assert replica.seq == 3 and replica.state is snapshot
    assert seen == [None]

    replica.remove_listener(record)
    replica.remove_listener(record)  # unknown: no error
    replica.apply(event(4))
    assert seen == [None]
    assert replica.topic == TOPIC and "seq=4" in repr(replica)


# --- TopicFeed --------------------------------------------------------------------------


def test_feed_holds_events_until_the_first_result() -> None:
    log = [event(s) for s in range(1, 6)]
    states = states_of(log)
    feed = TopicFeed(1)
    feed.begin_subscribe()
    for e in (log[1], log[2], log[3]):  # 2 and 3 are in the snapshot, 4 is not
        assert feed.offer(e) == FeedOutcome()
    out = feed.subscribed(3, states[3])
    assert [e.seq for e in out.applied] == [4] and not out.resync
    assert feed.replica is not None and feed.replica.seq == 4
    assert feed.held == 0


def test_feed_waits_for_the_replay_before_calling_it_a_gap() -> None:
    log = [event(s) for s in range(1, 8)]
    states = states_of(log)
    feed = TopicFeed(1)
    feed.begin_subscribe()
    feed.subscribed(2, states[2])
    assert feed.offer(log[4]).resync is True  # 5 after 2: a gap
    feed.begin_subscribe()
    assert feed.since == 2
    feed.offer(log[5])  # live 6 comes in before the result: held
    out = feed.subscribed(6, None)
    assert out == FeedOutcome()  # 3..6 are on their way
    assert feed.offer(log[6]) == FeedOutcome()  # 7 = N + 1 may come right after: wait
    out = feed.offer(log[2])
    assert [e.seq for e in out.applied] == [3]
    out = feed.offer(log[3])
    assert [e.seq for e in out.applied] == [4, 5, 6, 7]
    for e in log[4:6]:  # the rest of the replay: duplicates
        assert feed.offer(e) == FeedOutcome()
    assert feed.replica is not None and feed.replica.state == states[7]


def test_feed_notices_a_replay_that_lost_events() -> None:
    log = [event(s) for s in range(1, 10)]
    states = states_of(log)
    feed = TopicFeed(1)
    feed.begin_subscribe()
    feed.subscribed(2, states[2])
    feed.begin_subscribe()
    feed.subscribed(5, None)
    assert feed.offer(log[6]).resync is True  # 7 while 3..5 never came


def test_feed_asks_for_a_snapshot_after_a_malformed_event() -> None:
    feed = TopicFeed(1)
    feed.begin_subscribe()
    feed.subscribed(0, empty_state())
    broken = Event(topic=TOPIC, seq=1, at="x", event="attendance.changed", data={})
    out = feed.offer(broken)
    assert out.resync and out.applied == []
    assert feed.since == 0  # a snapshot, not a replay of the same bad event
    feed.begin_subscribe()
    feed.subscribed(1, states_of([event(1)])[1])
    assert feed.since == 1


def test_feed_asks_for_a_snapshot_when_the_server_is_behind() -> None:
    feed = TopicFeed(1)
    feed.begin_subscribe()
    feed.subscribed(5, empty_state())
    feed.begin_subscribe()
    out = feed.subscribed(3, None)
    assert out.resync and feed.since == 0


def test_a_first_subscribe_needs_a_snapshot() -> None:
    feed = TopicFeed(1)
    feed.begin_subscribe()
    with pytest.raises(ValueError):
        feed.subscribed(4, None)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_feed_keeps_the_replica_equal_to_the_log(data: st.DataObject) -> None:
    """Whatever arrives — out of order, doubled, lost — and whenever the server answers a
    re-subscribe, the replica is always some prefix of the log, listeners see each seq once
    and in order (except across snapshot resets), and a last re-subscribe heals it."""
    k = data.draw(st.integers(1, 10), label="events")
    log = [event(s) for s in range(1, k + 1)]
    states = states_of(log)
    feed = TopicFeed(1)
    delivered: list[int] = []

    def check(out: FeedOutcome) -> None:
        assert not (out.resync and feed.subscribing), "a second subscribe at once"
        for e in out.applied:
            assert delivered == [] or e.seq == delivered[-1] + 1
            delivered.append(e.seq)
        replica = feed.replica
        if replica is not None:
            assert replica.state == states[replica.seq]
        if out.resync:
            feed.begin_subscribe()

    def answer() -> None:
        since = feed.since
        snapshot = since == 0 or data.draw(st.booleans(), label="snapshot")
        out = feed.subscribed(k, states[k] if snapshot else None)
        if snapshot:
            delivered.clear()  # a reset: the next event follows the snapshot
            delivered.append(k)
        check(out)
        if not snapshot:
            for e in log[since:k]:
                check(feed.offer(e))

    feed.begin_subscribe()
    for seq in data.draw(st.lists(st.integers(1, k), max_size=5), label="before result"):
        check(feed.offer(log[seq - 1]))
    first = data.draw(st.integers(0, k), label="snapshot seq")
    out = feed.subscribed(first, states[first])
    delivered[:] = [first]
    check(out)
    steps = st.one_of(st.integers(1, k), st.sampled_from(["answer", "drop"]))
    for step in data.draw(st.lists(steps, max_size=30), label="steps"):
        if step == "answer":
            if feed.subscribing:
                answer()
        elif step == "drop":
            feed.connection_lost()
            feed.begin_subscribe()  # the reconnect re-subscribes
        else:
            assert isinstance(step, int)
            check(feed.offer(log[step - 1]))

    if not feed.subscribing:
        feed.begin_subscribe()
    answer()
    assert feed.replica is not None
    assert feed.replica.seq == k and feed.replica.state == states[k]
    assert feed.held == 0 and not feed.subscribing
