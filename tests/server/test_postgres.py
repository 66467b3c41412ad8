"""The same server code on PostgreSQL: a vote, a secret vote, a crash, the audit chain."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.live import LiveServer
from tests.support.postgres import PostgresCluster
from tests.support.wsclient import WsClient, delegate_names, sign_in_many


@pytest.fixture
def pg_server(postgres: PostgresCluster, tmp_path: Path) -> Iterator[LiveServer]:
    url = postgres.create_database("m" + uuid.uuid4().hex[:10])
    subprocess.run([sys.executable, "-m", "server.cli", "init", "--demo", "--delegates", "20",
                    "--db", url], check=True, capture_output=True, timeout=120)
    server = LiveServer(tmp_path / "unused.sqlite3", db_url=url)
    server.start()
    yield server
    server.stop()


async def test_a_session_on_postgresql(pg_server: LiveServer) -> None:
    chair = await WsClient.signed_in(pg_server.url, "chair")
    people = await sign_in_many(pg_server.url, delegate_names(20))
    await asyncio.gather(*(p.act("attendance.check_in", meeting_id=1) for p in people))
    secret = await chair.act("poll.create", meeting_id=1, title="Bỏ phiếu kín", secret=True)
    await chair.act("poll.open", poll_id=secret["poll_id"])
    keys = [str(uuid.uuid4()) for _ in people]
    choices = ["yes"] * 12 + ["no"] * 8
    await asyncio.gather(*(p.call("poll.cast", key=k, poll_id=secret["poll_id"], choice=c)
                           for p, k, c in zip(people, keys, choices, strict=True)))
    await asyncio.gather(chair.close(), *(p.close() for p in people))

    pg_server.kill()  # nothing acknowledged may be lost, and retries act once
    pg_server.start()
    people = await sign_in_many(pg_server.url, delegate_names(20))
    again = await asyncio.gather(*(p.raw("poll.cast", key=k, poll_id=secret["poll_id"],
                                         choice=c)
                                   for p, k, c in zip(people, keys, choices, strict=True)))
    assert all(r["type"] == "result" for r in again)
    chair = await WsClient.signed_in(pg_server.url, "chair")
    closed = await chair.act("poll.close", poll_id=secret["poll_id"])
    assert closed["tally"] == {"yes": 12, "no": 8, "abstain": 0}
    assert closed["outcome"] == "passed" and "ballots" not in closed
    sub = await chair.call("meeting.subscribe", meeting_id=1, since=0)
    assert sub["snapshot"]["attendance"]["present"] == 20
    await asyncio.gather(chair.close(), *(p.close() for p in people))

    audit = subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db",
                            pg_server.db_url], capture_output=True, text=True, timeout=60)
    assert audit.returncode == 0 and f"OK: {sub['seq']} events" in audit.stdout, audit.stdout
