"""Alerts and messages on PostgreSQL: the bulk event append, rule keys and idempotency."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.alerts.support import add_source, post_alert
from tests.support.live import LiveServer
from tests.support.postgres import PostgresCluster
from tests.support.wsclient import WsClient, delegate_names


@pytest.fixture
def pg_server(postgres: PostgresCluster, tmp_path: Path) -> Iterator[LiveServer]:
    url = postgres.create_database("a" + uuid.uuid4().hex[:10])
    subprocess.run([sys.executable, "-m", "server.cli", "init", "--demo", "--delegates", "20",
                    "--db", url], check=True, capture_output=True, timeout=120)
    server = LiveServer(tmp_path / "unused.sqlite3", db_url=url)
    server.start()
    yield server
    server.stop()


async def test_alerts_and_messages_on_postgresql(pg_server: LiveServer, clients) -> None:
    people, ids = [], []
    for name in delegate_names(20):
        client = clients(await WsClient.open(pg_server.url))
        login = await client.call("auth.login", username=name, password="demo")
        await client.call("user.subscribe", since=0)
        people.append(client)
        ids.append(login["user"]["id"])
    token = add_source(pg_server, "pg")
    key = str(uuid.uuid4())
    body = {"level": "critical", "title": "Thử trên PostgreSQL", "audience": {"user_ids": ids}}
    status, first = await post_alert(pg_server, token, body, key=key)
    assert status == 201
    again = await post_alert(pg_server, token, body, key=key)
    assert again == (200, first)
    for p in people:
        assert (await p.next_event("alert.raised"))["data"]["alert_id"] == first["alert_id"]
    sent = await people[0].act("message.send", to=ids[1:], text="Nhóm 20 người")
    for p in people:
        ev = await p.next_event("message.received")
        assert ev["data"]["message_id"] == sent["message_id"]
    listed = await people[5].call("message.list", conversation_id=sent["conversation_id"])
    assert [m["text"] for m in listed["messages"]] == ["Nhóm 20 người"]
    chair = clients(await WsClient.signed_in(pg_server.url, "chair"))
    assert (await chair.raw("message.list", conversation_id=sent["conversation_id"]))[
        "code"] == "not_found"
    audit = subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db",
                            pg_server.db_url], capture_output=True, text=True, timeout=60)
    assert audit.returncode == 0, audit.stdout + audit.stderr
