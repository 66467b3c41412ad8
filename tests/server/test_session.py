"""A whole council session over real WebSockets against a real server process."""

from __future__ import annotations

import asyncio
import uuid

import msgspec
import pytest

from meeting_protocol.envelope import Event
from meeting_protocol.state import apply_event, decode_snapshot
from tests.support.wsclient import Failed, WsClient, delegate_names, sign_in_many

N = 40


async def check_in(clients: list[WsClient]) -> None:
    await asyncio.gather(*(c.act("attendance.check_in", meeting_id=1) for c in clients))


async def vote(poll_id: int, voters: list[WsClient], choices: list[str]) -> None:
    await asyncio.gather(*(
        c.act("poll.cast", poll_id=poll_id, choice=choice) for c, choice in zip(voters, choices,
                                                                               strict=True)
    ))


async def run_poll(chair: WsClient, voters: list[WsClient], choices: list[str],
                   majority: str, title: str) -> dict:
    created = await chair.act("poll.create", meeting_id=1, title=title, majority=majority)
    await chair.act("poll.open", poll_id=created["poll_id"])
    await vote(created["poll_id"], voters, choices)
    return await chair.act("poll.close", poll_id=created["poll_id"])


async def test_whole_session_with_40_delegates(make_server) -> None:
    server = make_server(N)
    chair = await WsClient.signed_in(server.url, "chair")
    observer = await WsClient.signed_in(server.url, "clerk")
    people = await sign_in_many(server.url, delegate_names(N))
    try:
        sub = await observer.call("meeting.subscribe", meeting_id=1, since=0)
        replica = decode_snapshot(sub["snapshot"])
        assert replica.attendance.expected == N
        assert replica.meeting.quorum == 21 and replica.meeting.majority == "absolute"

        # Below quorum: 20 of 40 checked in; the poll cannot open.
        await check_in(people[:20])
        poll = await chair.act("poll.create", meeting_id=1, title="Thông qua chương trình kỳ họp")
        with pytest.raises(Failed) as refused:
            await chair.act("poll.open", poll_id=poll["poll_id"])
        assert refused.value.code == "conflict"
        assert "đủ số lượng" in refused.value.message

        # A repeated check-in succeeds and changes nothing.
        again = await people[0].act("attendance.check_in", meeting_id=1)
        assert again == {"present": 20, "expected": N, "quorum_met": False}

        await check_in(people[20:30])  # 30 present: quorum
        await chair.act("poll.open", poll_id=poll["poll_id"])

        voters = people[:30]
        choices = ["yes"] * 22 + ["no"] * 5 + ["abstain"] * 3
        keys = [str(uuid.uuid4()) for _ in voters]
        first = await asyncio.gather(*(
            c.call("poll.cast", key=k, poll_id=poll["poll_id"], choice=ch)
            for c, k, ch in zip(voters, keys, choices, strict=True)))
        assert all(r == {"poll_id": poll["poll_id"]} for r in first)

        # A second, different ballot is refused whatever its choice ...
        for choice in ("no", "yes"):
            with pytest.raises(Failed) as twice:
                await voters[0].act("poll.cast", poll_id=poll["poll_id"], choice=choice)
            assert twice.value.code == "conflict"
            # "in this vote", not "in this session" (phiên reads as the sitting)
            assert twice.value.message == "Đại biểu đã bỏ phiếu trong lần biểu quyết này."
        # ... and a retry with the same key is answered identically and counts once.
        retry = await voters[1].raw("poll.cast", key=keys[1], poll_id=poll["poll_id"],
                                    choice="yes")
        assert retry["type"] == "result" and retry["data"] == first[1]
        # A key reused for another command is a conflict.
        with pytest.raises(Failed) as reused:
            await voters[2].call("speaker.request", key=keys[2], meeting_id=1)
        assert reused.value.code == "conflict"

        closed = await chair.act("poll.close", poll_id=poll["poll_id"])
        assert closed["tally"] == {"yes": 22, "no": 5, "abstain": 3}
        assert closed["cast"] == 30 and closed["eligible"] == N
        assert closed["outcome"] == "passed"  # 22 > 40 / 2
        assert sorted(b["user_id"] for b in closed["ballots"]) == sorted(
            {b["user_id"] for b in closed["ballots"]})
        assert len(closed["ballots"]) == 30

        # Each majority rule, on both sides of its threshold (eligible = 40).
        cases = [
            ("absolute", ["yes"] * 20 + ["no"] * 2 + ["abstain"] * 8, "rejected"),  # 20 !> 20
            ("simple", ["yes"] * 12 + ["no"] * 11 + ["abstain"] * 7, "passed"),
            ("simple", ["yes"] * 10 + ["no"] * 10 + ["abstain"] * 10, "rejected"),
            ("two_thirds", ["yes"] * 27 + ["no"] * 3, "passed"),  # 27 >= ceil(80/3) = 27
            ("two_thirds", ["yes"] * 26 + ["no"] * 4, "rejected"),
        ]
        for majority, choices, expected in cases:
            result = await run_poll(chair, voters, choices, majority, f"Biểu quyết {majority}")
            assert result["outcome"] == expected, (majority, result)
            assert sum(result["tally"].values()) == result["cast"] == len(choices)

        # The replica built from snapshot + events equals a fresh snapshot.
        fresh = await WsClient.signed_in(server.url, "clerk")
        end = await fresh.call("meeting.subscribe", meeting_id=1, since=0)
        events = []
        while not events or events[-1]["seq"] < end["seq"]:
            events.append(await observer.next_event())
        assert [e["seq"] for e in events] == list(range(sub["seq"] + 1, end["seq"] + 1))
        for e in events:
            replica = apply_event(replica, msgspec.convert(e, Event))
        assert msgspec.to_builtins(replica) == end["snapshot"]
        await fresh.close()
    finally:
        await asyncio.gather(chair.close(), observer.close(), *(p.close() for p in people))


async def test_progress_never_reveals_a_choice_and_is_coalesced(live_server) -> None:
    chair = await WsClient.signed_in(live_server.url, "chair")
    people = await sign_in_many(live_server.url, delegate_names(30))
    try:
        await chair.call("meeting.subscribe", meeting_id=1, since=0)
        await check_in(people)
        poll = await chair.act("poll.create", meeting_id=1, title="Bầu Phó Chủ tịch",
                               secret=True)
        await chair.act("poll.open", poll_id=poll["poll_id"])
        await vote(poll["poll_id"], people, ["yes", "no", "abstain"] * 10)
        progress = await chair.next_event("poll.progress")
        while progress["data"]["cast"] < 30:
            progress = await chair.next_event("poll.progress")
        assert set(progress["data"]) == {"poll_id", "cast", "eligible"}
        closed = await chair.act("poll.close", poll_id=poll["poll_id"])
        assert "ballots" not in closed
        assert closed["tally"] == {"yes": 10, "no": 10, "abstain": 10}
        frames = [e for e in chair.frames if e.get("event") == "poll.progress"]
        # 30 ballots arrive within well under a second: far fewer than 30 events.
        assert 1 <= len(frames) < 30
    finally:
        await asyncio.gather(chair.close(), *(p.close() for p in people))
