"""Rules of a prepared meeting once it runs: its quorum rule, guests, edits during a session."""

from __future__ import annotations

import asyncio
import base64

from tests.server.meetings.helpers import snapshot, user_ids
from tests.server.meetings.test_invitation import pdf_text
from tests.support.wsclient import WsClient, delegate_names, sign_in_many


async def test_two_thirds_quorum_blocks_a_poll_at_19_of_30_and_allows_it_at_20(
        live_server, clients) -> None:
    clerk = clients(await WsClient.signed_in(live_server.url, "clerk"))
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    copied = await clerk.act("meeting.copy", meeting_id=1, title="Kỳ họp bất thường",
                             starts_at="2026-12-10T08:00:00+07:00")
    mid = copied["meeting_id"]
    assert (await snapshot(clerk, mid))["meeting"]["quorum"] == 16  # copied rule: half
    await clerk.act("meeting.update", meeting_id=mid, quorum_rule="two_thirds")
    await clerk.act("meeting.publish", meeting_id=mid)
    await chair.act("meeting.start", meeting_id=mid)
    snap = await snapshot(chair, mid)
    assert snap["meeting"]["quorum"] == 20 and snap["attendance"]["expected"] == 30
    delegates = [clients(c) for c in await sign_in_many(live_server.url, delegate_names(20))]
    await asyncio.gather(*(d.act("attendance.check_in", meeting_id=mid) for d in delegates[:19]))
    poll = await chair.act("poll.create", meeting_id=mid, title="Nghị quyết miễn nhiệm",
                           majority="two_thirds")
    refused = await chair.raw("poll.open", key="open-19", poll_id=poll["poll_id"])
    assert refused["code"] == "conflict"
    assert refused["message"] == "Chưa đủ số lượng đại biểu có mặt để biểu quyết."
    done = await delegates[19].act("attendance.check_in", meeting_id=mid)
    assert done == {"present": 20, "expected": 30, "quorum_met": True}
    assert await chair.act("poll.open", poll_id=poll["poll_id"]) == {"poll_id": poll["poll_id"]}
    # Rules are fixed once the meeting runs.
    reply = await clerk.raw("meeting.update", key="rule", meeting_id=mid, quorum_rule="half")
    assert reply["code"] == "conflict"
    # Meeting 1 keeps "more than half": 16 of 30.
    assert (await snapshot(chair, 1))["meeting"]["quorum"] == 16


async def test_a_guest_may_speak_but_never_votes_nor_counts(live_server, clients) -> None:
    clerk = clients(await WsClient.signed_in(live_server.url, "clerk"))
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    await admin.act("meeting.defaults", kind="hdnd_session", quorum_rule="half")
    # A guest from outside the council: a new user invited to meeting 1.
    guest_id = (await user_ids(admin, "d030"))["d030"]
    await clerk.act("participant.update", meeting_id=1, user_id=guest_id, role="guest",
                    seat="KM01")
    snap = await snapshot(chair, 1)
    assert snap["attendance"]["expected"] == 29 and snap["meeting"]["quorum"] == 15
    guest = clients(await WsClient.signed_in(live_server.url, "d030"))
    await chair.act("meeting.start", meeting_id=1)
    counted = await guest.act("attendance.check_in", meeting_id=1)
    assert counted["present"] == 0 and counted["expected"] == 29
    request = await guest.act("speaker.request", meeting_id=1)
    await chair.act("speaker.grant", request_id=request["request_id"])
    await guest.act("speaker.finish", request_id=request["request_id"])
    delegates = [clients(c) for c in await sign_in_many(live_server.url, delegate_names(15))]
    for d in delegates:
        await d.act("attendance.check_in", meeting_id=1)
    poll = await chair.act("poll.create", meeting_id=1, title="Thông qua chương trình")
    await chair.act("poll.open", poll_id=poll["poll_id"])
    reply = await guest.raw("poll.cast", key="g", poll_id=poll["poll_id"], choice="yes")
    assert reply["code"] == "forbidden"
    await delegates[0].act("poll.cast", poll_id=poll["poll_id"], choice="yes")
    closed = await chair.act("poll.close", poll_id=poll["poll_id"])
    assert closed["eligible"] == 29 and closed["cast"] == 1


async def test_editing_an_ongoing_meeting_never_touches_what_happened(
        live_server, clients) -> None:
    clerk = clients(await WsClient.signed_in(live_server.url, "clerk"))
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    d001 = clients(await WsClient.signed_in(live_server.url, "d001"))
    ids = await user_ids(clerk, "d001", "d002")
    # Before the session the chair may not add items; the clerk may.
    reply = await chair.raw("agenda.add", key="early", meeting_id=1, title="Bổ sung")
    assert reply["code"] == "forbidden"
    await chair.act("meeting.start", meeting_id=1)
    await d001.act("attendance.check_in", meeting_id=1)
    first = (await snapshot(chair, 1))["agenda"][0]["id"]
    await chair.act("agenda.activate", meeting_id=1, item_id=first)
    added = await chair.act("agenda.add", meeting_id=1, title="Nội dung phát sinh",
                            duration_min=10, position=2)
    agenda = (await snapshot(chair, 1))["agenda"]
    assert agenda[1]["id"] == added["item_id"] and len(agenda) == 9
    for name, fields in [
        ("agenda.remove", {"meeting_id": 1, "item_id": first}),
        ("participant.remove", {"meeting_id": 1, "user_id": ids["d001"]}),
        ("participant.update", {"meeting_id": 1, "user_id": ids["d001"], "role": "guest"}),
        ("meeting.update", {"meeting_id": 1, "starts_at": "2026-12-01T08:00:00+07:00"}),
        ("meeting.cancel", {"meeting_id": 1}),
    ]:
        reply = await clerk.raw(name, key=f"k-{name}", **fields)
        assert reply["code"] == "conflict", (name, reply)
    # Participants not present yet may still change; attendance follows.
    await clerk.act("participant.remove", meeting_id=1, user_id=ids["d002"])
    snap = await snapshot(chair, 1)
    assert snap["attendance"] == {"present": 1, "expected": 29, "quorum_met": False}
    assert snap["meeting"]["quorum"] == 15


async def test_invitation_replies_reach_the_clerk_and_the_minutes(live_server, clients,
                                                                  tmp_path) -> None:
    clerk = clients(await WsClient.signed_in(live_server.url, "clerk"))
    d001 = clients(await WsClient.signed_in(live_server.url, "d001"))
    d002 = clients(await WsClient.signed_in(live_server.url, "d002"))
    await d001.act("invitation.reply", meeting_id=1, reply="attend")
    reply = await d002.raw("invitation.reply", key="x", meeting_id=1, reply="absent")
    assert reply["code"] == "bad_request"
    await d002.act("invitation.reply", meeting_id=1, reply="absent", reason="Đi công tác tỉnh")
    people = {p["username"]: p for p in (await snapshot(clerk, 1))["participants"]}
    assert people["d001"]["reply"] == "attend" and people["d001"]["absence_reason"] is None
    assert people["d002"]["reply"] == "absent"
    assert people["d002"]["absence_reason"] == "Đi công tác tỉnh"
    assert people["d003"]["reply"] is None
    # The minutes list the absence with the reason given ahead of time.
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    await chair.act("meeting.start", meeting_id=1)
    rendered = await clerk.call("minutes.render", meeting_id=1, format="pdf")
    text = pdf_text(base64.b64decode(rendered["content_base64"]), tmp_path)
    assert f"{people['d002']['full_name']}" in text and "Đi công tác tỉnh" in text


async def test_who_voted_in_a_secret_poll_without_any_choice(live_server, clients) -> None:
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    clerk = clients(await WsClient.signed_in(live_server.url, "clerk"))
    ids = await user_ids(chair, "d001", "d002")
    await chair.act("meeting.start", meeting_id=1)
    delegates = [clients(c) for c in await sign_in_many(live_server.url, delegate_names(16))]
    for d in delegates:
        await d.act("attendance.check_in", meeting_id=1)
    poll = await chair.act("poll.create", meeting_id=1, title="Bầu Phó Chủ tịch", secret=True)
    await chair.act("poll.open", poll_id=poll["poll_id"])
    await delegates[1].act("poll.cast", poll_id=poll["poll_id"], choice="no")
    await delegates[0].act("poll.cast", poll_id=poll["poll_id"], choice="yes")
    seen = await clerk.call("poll.voters", poll_id=poll["poll_id"])
    assert seen == {"poll_id": poll["poll_id"], "voted": sorted([ids["d001"], ids["d002"]])}
    reply = await delegates[2].raw("poll.voters", poll_id=poll["poll_id"])
    assert reply["code"] == "forbidden"


async def test_meeting_get_and_candidates_for_the_editor(live_server, clients) -> None:
    clerk = clients(await WsClient.signed_in(live_server.url, "clerk"))
    details = await clerk.call("meeting.get", meeting_id=1)
    assert details["meeting"]["quorum_rule"] == "half" and len(details["agenda"]) == 8
    people = [p for p in details["participants"] if p["role"] != "hall"]
    assert len(people) == 32
    outsiders = [u["username"] for u in (await clerk.call("participant.candidates",
                                                          meeting_id=1))["users"]]
    assert {"admin", "vanphong", "lanhdao", "cv001"} <= set(outsiders)
    assert not {"chair", "clerk", "d001"} & set(outsiders)
    assert outsiders == sorted(outsiders)
