"""The office (văn phòng) prepares meetings it does not take part in; staff may not."""

from __future__ import annotations

from tests.server.meetings.helpers import END, START, snapshot
from tests.support.wsclient import WsClient


async def test_office_prepares_a_meeting_and_invites_a_whole_unit(live_server, clients) -> None:
    office = clients(await WsClient.signed_in(live_server.url, "vanphong"))
    staff = clients(await WsClient.signed_in(live_server.url, "cv001"))
    refused = await staff.raw("meeting.create", key="c", title="Không được", starts_at=START)
    assert refused["code"] == "forbidden"
    assert (await staff.raw("meeting.kinds"))["code"] == "forbidden"

    created = await office.act("meeting.create", title="Họp giao ban Văn phòng", kind="briefing",
                               starts_at=START, ends_at=END)
    mid = created["meeting_id"]
    units = {u["code"]: u["id"] for u in (await office.call("org.units"))["units"]}
    people = (await office.call("org.users"))["users"]
    members = sorted(u["id"] for u in people if u["unit_id"] == units["VP"] and u["active"])
    assert members
    added = await office.act("participant.add_unit", meeting_id=mid, unit_id=units["VP"])
    assert added["added"] == members
    again = await office.act("participant.add_unit", meeting_id=mid, unit_id=units["VP"])
    assert again == {"added": []}
    # Office sees its drafts (all meetings) and subscribes without being a participant.
    listed = {m["id"]: m for m in (await office.call("meeting.list"))["meetings"]}
    assert listed[mid]["status"] == "draft" and 1 in listed
    snap = await snapshot(office, 1)
    assert snap["meeting"]["id"] == 1
    draft = await snapshot(office, mid)
    assert {p["user_id"] for p in draft["participants"]} == set(members)
    assert draft["attendance"]["expected"] == len(members)
    # A member of the unit does not see the draft until it is published.
    member_name = next(u["username"] for u in people
                       if u["id"] in members and not {"office", "admin"} & set(u["roles"]))
    member = clients(await WsClient.signed_in(live_server.url, member_name))
    assert (await member.raw("meeting.subscribe", meeting_id=mid))["code"] == "not_found"
    await office.act("meeting.publish", meeting_id=mid)
    assert (await snapshot(member, mid))["meeting"]["status"] == "scheduled"
