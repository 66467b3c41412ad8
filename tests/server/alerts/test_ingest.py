"""POST /api/alerts against a real server: tokens, bodies, audience, idempotency,
delivery to terminals that were away."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import time
import uuid

from tests.server.alerts.support import add_source, cli, count_alerts, post_alert, user_id
from tests.support.wsclient import WsClient


async def listening(url: str, username: str) -> tuple[WsClient, int]:
    """A terminal following its user topic, and the topic's seq."""
    client = await WsClient.signed_in(url, username)
    sub = await client.call("user.subscribe", since=0)
    return client, sub["seq"]


ALERT = {"level": "warning", "title": "Phản ánh hiện trường: ngập nước đường Lê Lợi",
         "body": "Cổng 1022 nhận 14 phản ánh trong 30 phút.", "link": "https://1022.gov.vn/p/1"}


async def test_missing_wrong_or_revoked_token_is_401_and_raises_nothing(live_server,
                                                                          clients) -> None:
    admin, _ = await listening(live_server.url, "admin")
    clients(admin)
    body = {**ALERT, "audience": {"roles": ["admin"]}}
    assert (await post_alert(live_server, None, body))[0] == 401
    assert (await post_alert(live_server, "not-a-token", body))[0] == 401
    token = add_source(live_server, "phan-anh")
    status, reply = await post_alert(live_server, token, body)
    assert status == 201 and reply["alert_id"] >= 1
    assert (await admin.next_event("alert.raised"))["data"]["source"] == "phan-anh"
    # Revoked from the command line while the server runs: refused at once.
    done = cli(live_server, "revoke-source", "phan-anh")
    assert done.returncode == 0, done.stderr
    status, reply = await post_alert(live_server, token, body)
    assert status == 401 and reply["error"] == "unauthenticated"
    # A bad token is judged before the body: 401 for an oversized body too.
    assert (await post_alert(live_server, "x", raw=b"x" * (65 << 10)))[0] == 401
    assert count_alerts(live_server.db_path) == 1
    assert len((await admin.call("alert.list"))["alerts"]) == 1
    log = live_server.log()
    assert "source=- " in log and "reason=no bearer token" in log
    assert "reason=unknown token" in log
    assert "source=phan-anh peer=127.0.0.1 status=401 reason=revoked token" in log
    assert token not in log


async def test_bad_bodies_are_400_or_413_and_raise_nothing(live_server) -> None:
    token = add_source(live_server, "dich-te")
    admin_only = {"audience": {"roles": ["admin"]}}
    for bad in (b"{not json", b"[]", b'{"level": "info"}',
                b'{"level": "panic", "title": "x"}',
                b'{"level": "info", "title": "x", "colour": "red"}',
                b'{"level": "info", "title": "x", "link": "javascript:alert(1)"}',
                b'{"level": "info", "title": "", "audience": {"roles": ["admin"]}}',
                b'{"level": "info", "title": "x", "audience": {"user_ids": [999999]}}'):
        status, reply = await post_alert(live_server, token, raw=bad)
        assert status == 400, bad
        assert reply["error"] == "bad_request" and reply["message"], bad
    big = {**ALERT, **admin_only, "body": "x" * (65 << 10)}
    status, reply = await post_alert(live_server, token, big)
    assert status == 413 and reply["error"] == "too_large"
    assert count_alerts(live_server.db_path) == 0
    assert "source=dich-te" in live_server.log() and "reason=bad body" in live_server.log()


async def test_a_post_reaches_exactly_its_audience(live_server, clients) -> None:
    db = live_server.db_path
    d1, _ = await listening(live_server.url, "d001")
    d2, _ = await listening(live_server.url, "d002")
    d3, _ = await listening(live_server.url, "d003")
    for c in (d1, d2, d3):
        clients(c)
    token = add_source(live_server, "trung-tam-hcc")
    audience = {"user_ids": [user_id(db, "d001"), user_id(db, "d002")]}
    status, reply = await post_alert(live_server, token, {**ALERT, "audience": audience})
    assert status == 201
    for c in (d1, d2):
        ev = await c.next_event("alert.raised")
        assert ev["data"]["alert_id"] == reply["alert_id"]
        assert ev["data"]["title"] == ALERT["title"] and ev["data"]["level"] == "warning"
        assert ev["topic"].startswith("user:")
    # The third user's next event is the alert meant for them: the first never came.
    status, only_d3 = await post_alert(live_server, token, {
        "level": "info", "title": "Riêng d003", "audience": {"user_ids": [user_id(db, "d003")]}})
    ev = await d3.next_event()
    assert ev["event"] == "alert.raised" and ev["data"]["alert_id"] == only_d3["alert_id"]
    listed = (await d3.call("alert.list"))["alerts"]
    assert [a["alert_id"] for a in listed] == [only_d3["alert_id"]]
    assert [a["alert_id"] for a in (await d1.call("alert.list"))["alerts"]] == [
        reply["alert_id"]]
    # Events appended in bulk keep every user's hash chain intact.
    audit = subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db",
                            live_server.db_url], capture_output=True, text=True, timeout=60)
    assert audit.returncode == 0, audit.stdout + audit.stderr


async def test_a_retried_post_with_the_same_key_raises_one_alert(live_server, clients) -> None:
    d1, _ = await listening(live_server.url, "d001")
    clients(d1)
    token = add_source(live_server, "bao-chi")
    key = str(uuid.uuid4())
    body = {**ALERT, "audience": {"user_ids": [user_id(live_server.db_path, "d001")]}}
    first = await post_alert(live_server, token, body, key=key)
    again = await post_alert(live_server, token, body, key=key)
    assert first[0] == 201 and again[0] == 200
    assert again[1]["alert_id"] == first[1]["alert_id"]
    # Another source may use the same key for its own alert.
    other = add_source(live_server, "bao-chi-2")
    third = await post_alert(live_server, other, body, key=key)
    assert third[0] == 201 and third[1]["alert_id"] != first[1]["alert_id"]
    assert count_alerts(live_server.db_path) == 2
    ids = [(await d1.next_event("alert.raised"))["data"]["alert_id"] for _ in range(2)]
    assert ids == [first[1]["alert_id"], third[1]["alert_id"]]


async def test_no_audience_goes_to_operators_and_leaders(live_server, clients) -> None:
    """The demo's operator (vanhanh) and leader (lanhdao) get it; staff and office do not."""
    listeners = {name: (await listening(live_server.url, name))[0]
                 for name in ("vanhanh", "lanhdao", "vanphong", "d001")}
    for c in listeners.values():
        clients(c)
    token = add_source(live_server, "giam-sat")
    status, reply = await post_alert(live_server, token, ALERT)
    assert status == 201
    for name in ("vanhanh", "lanhdao"):
        ev = await listeners[name].next_event("alert.raised")
        assert ev["data"]["alert_id"] == reply["alert_id"]
    for name in ("vanphong", "d001"):
        assert (await listeners[name].call("alert.list"))["alerts"] == []
    assert count_alerts(live_server.db_path) == 1


async def test_units_and_roles_resolve_through_the_organisation(live_server, clients) -> None:
    db = live_server.db_path
    con = sqlite3.connect(db)
    try:
        unit_id, members = _unit_with_members(con)
    finally:
        con.close()
    assert len(members) > 1, "the demo organisation has units with several people"
    token = add_source(live_server, "don-vi")
    status, reply = await post_alert(live_server, token, {
        **ALERT, "audience": {"unit_ids": [unit_id], "roles": ["office"]}})
    assert status == 201
    for name in [*members, "vanphong"]:
        client = clients(await WsClient.signed_in(live_server.url, name))
        listed = (await client.call("alert.list"))["alerts"]
        assert [a["alert_id"] for a in listed] == [reply["alert_id"]], name
    outsider = clients(await WsClient.signed_in(live_server.url, "d001"))
    assert (await outsider.call("alert.list"))["alerts"] == []
    status, bad = await post_alert(live_server, token, {**ALERT, "audience": {
        "unit_ids": [99999]}})
    assert status == 400 and bad["error"] == "bad_request"
    assert count_alerts(db) == 1


def _unit_with_members(con: sqlite3.Connection) -> tuple[int, list[str]]:
    """A unit of the demo organisation and the user names of its active members."""
    rows = con.execute(
        "SELECT p.unit_id, u.username FROM org_people p JOIN users u ON u.id = p.user_id "
        "WHERE p.unit_id IS NOT NULL AND p.active ORDER BY p.unit_id, u.id").fetchall()
    by_unit: dict[int, list[str]] = {}
    for unit, name in rows:
        by_unit.setdefault(unit, []).append(name)
    leaf = [u for u in by_unit if not con.execute(
        "SELECT 1 FROM org_units WHERE parent_id = ?", (u,)).fetchone()
        and len(by_unit[u]) > 1]
    unit = leaf[0]
    return unit, by_unit[unit]


async def test_a_terminal_that_was_away_gets_the_alert_on_reconnect(live_server) -> None:
    token = add_source(live_server, "cdc")
    me = {"user_ids": [user_id(live_server.db_path, "d001")]}
    # Away before its topic had any event: since 0 gets reset, and alert.list has it.
    _, first = await post_alert(live_server, token, {**ALERT, "audience": me})
    d1 = await WsClient.signed_in(live_server.url, "d001")
    sub = await d1.call("user.subscribe", since=0)
    assert sub["reset"] is True
    assert [a["alert_id"] for a in (await d1.call("alert.list"))["alerts"]] == [
        first["alert_id"]]
    seq = sub["seq"]
    await d1.close()
    # Away with a seq in hand: the missed alert is replayed in order.
    status, reply = await post_alert(live_server, token, {
        **ALERT, "level": "critical", "audience": me})
    assert status == 201
    back = await WsClient.signed_in(live_server.url, "d001")
    try:
        sub = await back.call("user.subscribe", since=seq)
        assert sub["seq"] == seq + 1 and "reset" not in sub
        ev = await back.next_event("alert.raised")
        assert ev["seq"] == seq + 1 and ev["data"]["alert_id"] == reply["alert_id"]
        assert ev["data"]["level"] == "critical"
    finally:
        await back.close()


async def test_ack_own_alert_only(live_server, clients) -> None:
    db = live_server.db_path
    d1, _ = await listening(live_server.url, "d001")
    d2, _ = await listening(live_server.url, "d002")
    clients(d1), clients(d2)
    token = add_source(live_server, "noi-bo")
    _, a = await post_alert(live_server, token, {**ALERT, "audience": {
        "user_ids": [user_id(db, "d001")]}})
    _, b = await post_alert(live_server, token, {**ALERT, "title": "Hai", "audience": {
        "user_ids": [user_id(db, "d001")]}})
    listed = (await d1.call("alert.list"))["alerts"]
    assert [x["alert_id"] for x in listed] == [b["alert_id"], a["alert_id"]]  # newest first
    assert all(x["acknowledged_at"] is None for x in listed)
    reply = await d2.raw("alert.ack", key="k", alert_id=a["alert_id"])
    assert reply["type"] == "error" and reply["code"] == "not_found"
    acked = await d1.act("alert.ack", alert_id=a["alert_id"])
    assert acked["alert_id"] == a["alert_id"] and acked["acknowledged_at"]
    again = await d1.act("alert.ack", alert_id=a["alert_id"])
    assert again == acked
    ev = await d1.next_event("alert.acknowledged")
    assert ev["data"] == acked
    pending = (await d1.call("alert.list", unacknowledged=True))["alerts"]
    assert [x["alert_id"] for x in pending] == [b["alert_id"]]


async def test_rate_limit_per_source(live_server) -> None:
    token = add_source(live_server, "on-ao", rate=1)  # 1 post/s, bursts of five
    other = add_source(live_server, "binh-thuong", rate=1)
    body = {**ALERT, "audience": {"roles": ["admin"]}}
    t0 = time.monotonic()
    statuses = [s for s, _ in await asyncio.gather(
        *(post_alert(live_server, token, body) for _ in range(20)))]
    elapsed = time.monotonic() - t0
    accepted = statuses.count(201)
    assert 5 <= accepted <= 5 + int(elapsed) + 1, (statuses, elapsed)
    assert statuses.count(429) == 20 - accepted
    # The limit is per source: another one posts meanwhile.
    assert (await post_alert(live_server, other, body))[0] == 201
    assert count_alerts(live_server.db_path) == accepted + 1
    assert "source=on-ao" in live_server.log() and "reason=rate limit" in live_server.log()


def test_add_source_prints_the_token_once_alone_on_the_last_line(live_server) -> None:
    done = cli(live_server, "add-source", "lan-dau")
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0 and len(lines[-1]) >= 40 and " " not in lines[-1]
    assert lines[-1] not in "\n".join(lines[:-1])
    again = cli(live_server, "add-source", "lan-dau")
    assert again.returncode == 2 and "revoke" in again.stderr
    assert cli(live_server, "revoke-source", "lan-dau").returncode == 0
    assert cli(live_server, "revoke-source", "lan-dau").returncode == 2
