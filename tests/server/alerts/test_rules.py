"""The server's own rules: once per occasion, across a real restart."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.support.live import LiveServer
from tests.support.wsclient import WsClient


@pytest.fixture
def fast_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEETING_ALERT_SCAN_S", "0.2")


def sql(db: Path, statement: str, *params: Any) -> list[Any]:
    con = sqlite3.connect(db)
    try:
        rows = con.execute(statement, params).fetchall()
        con.commit()
        return rows
    finally:
        con.close()


def in_minutes(minutes: int) -> str:
    return (datetime.now(UTC) + timedelta(minutes=minutes)).astimezone().isoformat(
        timespec="seconds")


async def wait_alert(client: WsClient, link: str, title_start: str) -> dict[str, Any]:
    """The user's alert with this link and title: already listed, or arriving live."""
    await client.call("user.subscribe", since=0)
    for alert in (await client.call("alert.list"))["alerts"]:
        if alert["link"] == link and alert["title"].startswith(title_start):
            return alert
    while True:
        ev = await client.next_event("alert.raised", timeout=30)
        if ev["data"]["link"] == link and ev["data"]["title"].startswith(title_start):
            return ev["data"]


async def test_meeting_starting_soon_fires_once_across_a_restart(
        fast_rules, make_server, clients) -> None:
    server: LiveServer = make_server(30)
    db = server.db_path
    server.stop()
    sql(db, "UPDATE meetings SET starts_at = ?, status = 'scheduled' WHERE id = 1",
        in_minutes(10))
    sql(db, "UPDATE meetings SET starts_at = ? WHERE id <> 1", in_minutes(600))
    server.start()
    chair = clients(await WsClient.signed_in(server.url, "chair"))
    alert = await wait_alert(chair, "meeting:1", "Sắp đến giờ họp")
    assert alert["source"] == "server" and alert["level"] == "info"
    d001 = clients(await WsClient.signed_in(server.url, "d001"))
    assert [a["link"] for a in (await d001.call("alert.list"))["alerts"]] == ["meeting:1"]
    await chair.close()
    await d001.close()

    server.stop()
    server.start()
    # A second meeting soon: once its alert is out, a scan has passed meeting 1 again.
    chair_id = sql(db, "SELECT id FROM users WHERE username = 'chair'")[0][0]
    sql(db, "INSERT INTO meetings (id, title, body, location, starts_at, status, quorum, "
            "majority, speech_limit_s) VALUES (2, 'Họp giao ban', '', '', ?, 'scheduled', 1, "
            "'absolute', 300)", in_minutes(5))
    sql(db, "INSERT INTO participants (meeting_id, user_id, role, present) "
            "VALUES (2, ?, 'chair', 0)", chair_id)
    chair = clients(await WsClient.signed_in(server.url, "chair"))
    await wait_alert(chair, "meeting:2", "Sắp đến giờ họp")
    soon = [a for a in (await chair.call("alert.list"))["alerts"]
            if a["title"].startswith("Sắp đến giờ họp")]
    assert sorted(a["link"] for a in soon) == ["meeting:1", "meeting:2"]
    assert sql(db, "SELECT count(*) FROM alerts WHERE rule_key LIKE 'meeting-soon:1:%'") == [
        (1,)]


async def test_a_meeting_far_off_or_past_raises_nothing(fast_rules, make_server,
                                                        clients) -> None:
    server: LiveServer = make_server(30)
    db = server.db_path
    server.stop()
    sql(db, "UPDATE meetings SET starts_at = ? WHERE id = 1", in_minutes(16))
    server.start()
    chair = clients(await WsClient.signed_in(server.url, "chair"))
    # Move it into the window: the next scan announces it, with its new start time.
    sql(db, "UPDATE meetings SET starts_at = ? WHERE id = 1", in_minutes(14))
    await wait_alert(chair, "meeting:1", "Sắp đến giờ họp")
    assert len((await chair.call("alert.list"))["alerts"]) == 1


async def test_quorum_lost_during_a_session_alerts_chair_and_clerk_once_per_loss(
        fast_rules, make_server, clients) -> None:
    server: LiveServer = make_server(30)
    db = server.db_path
    server.stop()
    sql(db, "UPDATE meetings SET quorum = 2, starts_at = ? WHERE id = 1", in_minutes(-5))
    server.start()
    chair = clients(await WsClient.signed_in(server.url, "chair"))
    clerk = clients(await WsClient.signed_in(server.url, "clerk"))
    d1 = clients(await WsClient.signed_in(server.url, "d001"))
    d2 = clients(await WsClient.signed_in(server.url, "d002"))
    await d1.act("attendance.check_in", meeting_id=1)
    await d2.act("attendance.check_in", meeting_id=1)
    await chair.act("meeting.start", meeting_id=1)
    await d2.act("attendance.check_out", meeting_id=1)
    for who in (chair, clerk):
        alert = await wait_alert(who, "meeting:1", "Không đủ số đại biểu")
        assert alert["level"] == "critical" and "1/30" in alert["body"]
    # Quorum back, then lost again: a second occasion, a second alert.
    await d2.act("attendance.check_in", meeting_id=1)
    await d2.act("attendance.check_out", meeting_id=1)
    second = await chair.next_event("alert.raised", timeout=30)
    assert second["data"]["title"].startswith("Không đủ số đại biểu")
    server.stop()
    server.start()
    chair = clients(await WsClient.signed_in(server.url, "chair"))
    d1 = clients(await WsClient.signed_in(server.url, "d001"))
    d2 = clients(await WsClient.signed_in(server.url, "d002"))
    await chair.call("user.subscribe", since=0)
    await d2.act("attendance.check_in", meeting_id=1)
    await d2.act("attendance.check_out", meeting_id=1)
    await chair.next_event("alert.raised", timeout=30)
    lost = [a for a in (await chair.call("alert.list"))["alerts"]
            if a["title"].startswith("Không đủ số đại biểu")]
    assert len(lost) == 3  # three losses, each once: none repeated by the restart
    assert (await d1.call("alert.list"))["alerts"] == []
