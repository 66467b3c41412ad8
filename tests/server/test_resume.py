"""Reconnect and resume from ``since``: every missed event once, in order."""

from __future__ import annotations

import asyncio

from tests.support.wsclient import WsClient, delegate_names, sign_in_many


async def test_resume_with_since_gets_missed_events_once_in_order(live_server, clients) -> None:
    watcher = clients(await WsClient.open(live_server.url))
    login = await watcher.call("auth.login", username="d030", password="demo")
    sub = await watcher.call("meeting.subscribe", meeting_id=1, since=0)
    seen = sub["seq"]
    people = [clients(c) for c in await sign_in_many(live_server.url, delegate_names(10))]
    await people[0].act("attendance.check_in", meeting_id=1)
    ev = await watcher.next_event("attendance.changed")
    seen = ev["seq"]
    await watcher.close()

    # While the watcher is away: nine check-ins and a speaker request.
    for p in people[1:]:
        await p.act("attendance.check_in", meeting_id=1)
    await people[1].act("speaker.request", meeting_id=1)

    back = clients(await WsClient.open(live_server.url))
    user = await back.call("auth.resume", token=login["token"])
    assert user["user"]["username"] == "d030"
    resumed = await back.call("meeting.subscribe", meeting_id=1, since=seen)
    assert "snapshot" not in resumed
    missed = [await back.next_event() for _ in range(resumed["seq"] - seen)]
    assert [e["seq"] for e in missed] == list(range(seen + 1, resumed["seq"] + 1))
    assert [e["event"] for e in missed] == ["attendance.changed"] * 9 + ["speaker.requested"]
    assert missed[8]["data"]["present"] == 10

    # Live events follow with the next seq, and nothing is delivered twice.
    await people[2].act("speaker.request", meeting_id=1)
    live = await back.next_event()
    assert live["seq"] == resumed["seq"] + 1 and live["event"] == "speaker.requested"
    assert back.events.empty()


async def test_since_in_the_future_or_zero_gets_a_snapshot(live_server, clients) -> None:
    c = clients(await WsClient.signed_in(live_server.url, "d001"))
    await c.act("attendance.check_in", meeting_id=1)
    for since in (0, 10_000):
        r = await c.call("meeting.subscribe", meeting_id=1, since=since)
        assert r["snapshot"]["attendance"]["present"] == 1
        assert r["seq"] == 1


async def test_events_committed_during_subscribe_are_not_lost(live_server, clients) -> None:
    """Subscribing while others act: the snapshot plus events covers every seq."""
    people = [clients(c) for c in await sign_in_many(live_server.url, delegate_names(20))]
    watcher = clients(await WsClient.signed_in(live_server.url, "clerk"))
    acting = asyncio.gather(*(p.act("attendance.check_in", meeting_id=1) for p in people))
    sub = await watcher.call("meeting.subscribe", meeting_id=1, since=0)
    await acting
    present = sub["snapshot"]["attendance"]["present"]
    assert present == sub["seq"]  # one event per check-in so far
    while present < 20:
        ev = await watcher.next_event("attendance.changed")
        assert ev["seq"] == sub["seq"] + (ev["data"]["present"] - sub["snapshot"]["attendance"][
            "present"])
        present = ev["data"]["present"]
