"""The invitation rule: publishing a meeting, and adding someone to a published one, gives
each invited person one alert, live, once per person and meeting, across a restart."""

from __future__ import annotations

import sqlite3

from tests.server.meetings.helpers import prepare, user_ids
from tests.support.live import LiveServer
from tests.support.wsclient import WsClient


def invitations(db: object, meeting_id: int) -> list[tuple[str, int]]:
    con = sqlite3.connect(str(db))
    try:
        return con.execute(
            "SELECT a.rule_key, r.user_id FROM alerts a JOIN alert_recipients r "
            "ON r.alert_id = a.id WHERE a.rule_key LIKE ? ORDER BY r.user_id",
            (f"invited:{meeting_id}:%",)).fetchall()
    finally:
        con.close()


async def test_publishing_invites_each_participant_once(make_server, clients) -> None:
    server: LiveServer = make_server(30)
    admin = clients(await WsClient.signed_in(server.url, "admin"))
    d001 = clients(await WsClient.signed_in(server.url, "d001"))
    d009 = clients(await WsClient.signed_in(server.url, "d009"))
    for c in (d001, d009):
        await c.call("user.subscribe")
    # The demo's meeting 1 was published by init: nobody has an invitation for it.
    assert (await d001.call("alert.list"))["alerts"] == []
    mid, ids = await prepare(admin)
    assert invitations(server.db_path, mid) == []  # a draft invites nobody
    assert (await admin.act("meeting.publish", meeting_id=mid))["status"] == "scheduled"
    raised = await d001.next_event("alert.raised")
    assert raised["data"]["title"] == "Giấy mời họp: Phiên họp thường kỳ tháng 12"
    assert raised["data"]["link"] == f"meeting:{mid}" and raised["data"]["level"] == "info"
    assert raised["data"]["body"] == "Thời gian: 08:00 ngày 07/12/2026"  # START, local time
    invited = sorted(u for _, u in invitations(server.db_path, mid))
    assert invited == sorted(ids.values())  # chair, clerk, d001..d003: one each

    # Added to the published meeting: only the newcomer is invited.
    more = await user_ids(admin, "d009")
    await admin.act("participant.add", meeting_id=mid, user_id=more["d009"], role="delegate")
    late = await d009.next_event("alert.raised")
    assert late["data"]["link"] == f"meeting:{mid}"
    assert len(invitations(server.db_path, mid)) == len(ids) + 1
    listed = [a for a in (await d001.call("alert.list"))["alerts"]
              if a["link"] == f"meeting:{mid}"]
    assert len(listed) == 1

    # Removed and added again (after a restart): the occasion has fired already.
    await admin.act("participant.remove", meeting_id=mid, user_id=more["d009"])
    server.stop()
    server.start()
    admin = clients(await WsClient.signed_in(server.url, "admin"))
    await admin.act("participant.add", meeting_id=mid, user_id=more["d009"], role="delegate")
    assert len(invitations(server.db_path, mid)) == len(ids) + 1
    d009 = clients(await WsClient.signed_in(server.url, "d009"))
    mine = [a for a in (await d009.call("alert.list"))["alerts"]
            if a["link"] == f"meeting:{mid}"]
    assert len(mine) == 1
