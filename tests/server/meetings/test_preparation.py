"""Preparing a meeting over the wire: drafts, agenda, participants, rules, publishing.

Real server process, real WebSocket clients (PROTOCOL.md "Preparing meetings").
"""

from __future__ import annotations

import msgspec

from meeting_protocol.envelope import Event
from meeting_protocol.state import apply_event, decode_snapshot
from tests.server.meetings.helpers import END, START, prepare, snapshot, user_ids
from tests.support.wsclient import WsClient


async def test_a_draft_is_invisible_to_delegates_until_published(live_server, clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    d001 = clients(await WsClient.signed_in(live_server.url, "d001"))
    clerk = clients(await WsClient.signed_in(live_server.url, "clerk"))
    await d001.call("user.subscribe")
    mid, _ids = await prepare(admin)

    listed = {m["id"] for m in (await d001.call("meeting.list"))["meetings"]}
    assert listed == {1}
    reply = await d001.raw("meeting.subscribe", meeting_id=mid)
    assert reply["code"] == "not_found"
    assert (await d001.raw("invitation.reply", key="r", meeting_id=mid,
                           reply="attend"))["code"] == "not_found"
    # The clerk of the draft sees it and may publish it.
    drafts = {m["id"]: m for m in (await clerk.call("meeting.list"))["meetings"]}
    assert drafts[mid]["status"] == "draft" and drafts[mid]["kind"] == "ubnd_session"

    assert await clerk.act("meeting.publish", meeting_id=mid) == {"status": "scheduled"}
    note = await d001.next_event("meeting.changed")
    assert note["topic"].startswith("user:")
    assert note["data"] == {"meeting_id": mid, "title": "Phiên họp thường kỳ tháng 12",
                            "starts_at": "2026-12-07T01:00:00.000Z", "status": "scheduled",
                            "change": "published"}
    listed = {m["id"]: m for m in (await d001.call("meeting.list"))["meetings"]}
    assert listed[mid]["role"] == "delegate" and listed[mid]["ends_at"] == (
        "2026-12-07T04:30:00.000Z")
    snap = await snapshot(d001, mid)
    assert snap["meeting"]["status"] == "scheduled"
    assert [a["title"] for a in snap["agenda"]] == ["Báo cáo tình hình kinh tế - xã hội",
                                                   "Thảo luận và kết luận"]
    assert [a["duration_min"] for a in snap["agenda"]] == [30, 45]
    assert snap["attendance"] == {"present": 0, "expected": 3, "quorum_met": False}
    assert snap["meeting"]["quorum"] == 2
    # Published twice: conflict, nothing changes.
    assert (await clerk.raw("meeting.publish", key="again", meeting_id=mid))["code"] == "conflict"
    # Later changes reach the participants too.
    await clerk.act("meeting.update", meeting_id=mid, location="Hội trường tầng 3")
    note = await d001.next_event("meeting.changed")
    assert note["data"]["change"] == "updated"


async def test_bad_input_is_refused_and_changes_nothing(live_server, clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    mid, ids = await prepare(admin)
    before = await snapshot(admin, mid)
    seq = (await admin.call("meeting.timeline", meeting_id=mid))["seq"]

    bad = [
        ("meeting.create", {"title": "Sai giờ", "starts_at": END, "ends_at": START},
         "bad_request", "Thời gian kết thúc phải sau thời gian bắt đầu."),
        ("meeting.create", {"title": "Không múi giờ", "starts_at": "2026-12-07T08:00:00"},
         "bad_request", None),
        ("meeting.update", {"meeting_id": mid, "ends_at": "2026-12-07T07:00:00+07:00"},
         "bad_request", "Thời gian kết thúc phải sau thời gian bắt đầu."),
        ("participant.add", {"meeting_id": mid, "user_id": ids["d001"], "role": "delegate"},
         "conflict", None),
        ("participant.add", {"meeting_id": mid, "user_id": 99999, "role": "delegate"},
         "not_found", "Không tìm thấy người dùng (mã 99999)."),
        ("participant.add", {"meeting_id": mid, "user_id": (await user_ids(admin, "d010"))[
            "d010"], "role": "delegate", "seat": "A01"}, "conflict", "Ghế A01 đã có người ngồi."),
        ("participant.update", {"meeting_id": mid, "user_id": ids["d002"], "seat": "A01"},
         "conflict", "Ghế A01 đã có người ngồi."),
        ("participant.update", {"meeting_id": mid, "user_id": ids["d002"], "role": "chair"},
         "conflict", None),
        ("participant.add", {"meeting_id": mid, "user_id": ids["d001"], "role": "boss"},
         "bad_request", None),
        ("agenda.add", {"meeting_id": mid, "title": "   "}, "bad_request", None),
        ("agenda.add", {"meeting_id": mid, "title": "Người trình bày lạ",
                        "presenter_id": 99999}, "not_found", None),
        ("agenda.move", {"meeting_id": mid, "item_id": 99999, "position": 1}, "not_found", None),
        ("meeting.update", {"meeting_id": mid, "quorum_rule": "most"}, "bad_request", None),
        ("seatplan.save", {"meeting_id": mid, "blocks": [{"seats": [["A01", "A01"]]}]},
         "conflict", "Ghế A01 xuất hiện hai lần trong sơ đồ."),
        ("participant.add_unit", {"meeting_id": mid, "unit_id": 4242}, "not_found", None),
    ]
    for i, (name, fields, code, message) in enumerate(bad):
        reply = await admin.raw(name, key=f"bad-{i}", **fields)
        assert reply["type"] == "error" and reply["code"] == code, (name, reply)
        if message is not None:
            assert reply["message"] == message
    assert await snapshot(admin, mid) == before
    assert (await admin.call("meeting.timeline", meeting_id=mid))["seq"] == seq
    listed = [m for m in (await admin.call("meeting.list"))["meetings"]]
    assert len(listed) == 2


async def test_agenda_reorder_edit_remove_and_replica_equality(live_server, clients) -> None:
    """The events of every change rebuild exactly the server's snapshot."""
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    mid, ids = await prepare(admin)
    first = await admin.call("meeting.subscribe", meeting_id=mid)
    replica = decode_snapshot(first["snapshot"])
    third = (await admin.act("agenda.add", meeting_id=mid, title="Bế mạc", position=1))["item_id"]
    snap = await admin.call("meeting.subscribe", meeting_id=mid)
    titles = [a["title"] for a in snap["snapshot"]["agenda"]]
    assert titles == ["Bế mạc", "Báo cáo tình hình kinh tế - xã hội", "Thảo luận và kết luận"]
    assert await admin.act("agenda.move", meeting_id=mid, item_id=third, position=3) == {
        "item_id": third, "position": 3}
    items = snap["snapshot"]["agenda"]
    await admin.act("agenda.update", meeting_id=mid, item_id=items[1]["id"],
                    title="Báo cáo KT-XH năm 2026", duration_min=20, clear_presenter=True)
    await admin.act("agenda.remove", meeting_id=mid, item_id=items[2]["id"])
    await admin.act("participant.update", meeting_id=mid, user_id=ids["d003"], role="guest",
                    seat="K01")
    await admin.act("participant.remove", meeting_id=mid, user_id=ids["d002"])
    await admin.act("meeting.update", meeting_id=mid, quorum_rule="two_thirds",
                    title="Phiên họp UBND tháng 12")
    await admin.act("seatplan.save", meeting_id=mid, blocks=[
        {"name": "Đoàn chủ tịch", "presidium": True, "seats": [["CT", "TK"]]},
        {"name": "Khối A", "seats": [["A01", "", "A03"], ["K01"]]}])
    await admin.act("meeting.publish", meeting_id=mid)
    ev_names = []
    while True:
        event = await admin.next_event()
        replica = apply_event(replica, msgspec.convert(event, Event))
        ev_names.append(event["event"])
        if event["event"] == "meeting.status":
            break
    fresh = await snapshot(admin, mid)
    assert msgspec.to_builtins(replica) == fresh
    assert [a["title"] for a in fresh["agenda"]] == ["Báo cáo KT-XH năm 2026", "Bế mạc"]
    assert [a["position"] for a in fresh["agenda"]] == [1, 2]
    assert fresh["agenda"][0]["presenter_id"] is None
    # One delegate left (d001) after d003 became a guest and d002 left; 2/3 of 1 → 1.
    assert fresh["attendance"]["expected"] == 1 and fresh["meeting"]["quorum"] == 1
    assert fresh["meeting"]["quorum_rule"] == "two_thirds"
    assert fresh["seat_plan"][0]["seats"] == [["CT", "TK"]]
    assert "agenda.changed" in ev_names and "participant.removed" in ev_names


async def test_copy_cancel_and_kind_defaults(live_server, clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    clerk = clients(await WsClient.signed_in(live_server.url, "clerk"))
    await admin.act("meeting.defaults", kind="hdnd_session", quorum_rule="two_thirds",
                    majority="absolute")
    kinds = {k["kind"]: k for k in (await admin.call("meeting.kinds"))["kinds"]}
    assert kinds["hdnd_session"]["quorum_rule"] == "two_thirds"
    assert kinds["briefing"]["quorum_rule"] == "half"
    assert kinds["hdnd_session"]["label"] == "Kỳ họp Hội đồng nhân dân"
    created = await admin.act("meeting.create", title="Kỳ họp chuyên đề", starts_at=START)
    snap = await snapshot(admin, created["meeting_id"])
    assert snap["meeting"]["quorum_rule"] == "two_thirds"
    assert snap["meeting"]["kind"] == "hdnd_session"

    # The clerk of meeting 1 copies it: agenda, participants, seats and rules.
    copied = await clerk.act("meeting.copy", meeting_id=1, title="Kỳ họp thứ Tư",
                             starts_at="2027-06-01T08:00:00+07:00")
    new = await snapshot(clerk, copied["meeting_id"])
    old = await snapshot(clerk, 1)
    assert new["meeting"]["status"] == "draft" and new["meeting"]["title"] == "Kỳ họp thứ Tư"
    assert [a["title"] for a in new["agenda"]] == [a["title"] for a in old["agenda"]]
    assert [(p["username"], p["role"], p["seat"]) for p in new["participants"]] == [
        (p["username"], p["role"], p["seat"]) for p in old["participants"]]
    assert new["meeting"]["quorum"] == 16 and new["meeting"]["majority"] == "absolute"
    assert await clerk.act("meeting.cancel", meeting_id=copied["meeting_id"],
                           reason="Trùng lịch") == {"status": "cancelled"}
    reply = await clerk.raw("participant.add", key="late", meeting_id=copied["meeting_id"],
                            user_id=1, role="guest")
    assert reply["code"] == "conflict" and reply["message"] == "Cuộc họp đã bị hủy."
