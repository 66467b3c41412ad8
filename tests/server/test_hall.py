"""hall.show: pinned in the snapshot, sent as an event, checked against the polls."""

from __future__ import annotations

from tests.support.wsclient import Failed, WsClient


async def test_hall_show_is_stored_and_broadcast(live_server, clients) -> None:
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    hall = clients(await WsClient.signed_in(live_server.url, "d005"))
    sub = await hall.call("meeting.subscribe", meeting_id=1, since=0)
    assert sub["snapshot"]["hall"] is None
    assert await chair.act("hall.show", meeting_id=1, view="attendance") == {
        "view": "attendance", "poll_id": None}
    event = await hall.next_event("hall.view")
    assert event["data"] == {"view": "attendance", "poll_id": None}
    again = await hall.call("meeting.subscribe", meeting_id=1, since=0)
    assert again["snapshot"]["hall"] == {"view": "attendance", "poll_id": None}

    poll = await chair.act("poll.create", meeting_id=1, title="Chưa mở")
    try:
        await chair.act("hall.show", meeting_id=1, view="result", poll_id=poll["poll_id"])
    except Failed as exc:
        assert exc.code == "conflict"
    else:
        raise AssertionError("a draft poll's result was shown")
    missing = await chair.raw("hall.show", key="m", meeting_id=1, view="result", poll_id=999)
    assert missing["code"] == "not_found"
    await chair.act("hall.show", meeting_id=1, view="auto")
    last = await hall.call("meeting.subscribe", meeting_id=1, since=0)
    assert last["snapshot"]["hall"] is None
