"""The calendar on PostgreSQL: the same series, exception, double booking and list."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.live import LiveServer
from tests.support.postgres import PostgresCluster
from tests.support.wsclient import WsClient


@pytest.fixture
def pg_server(postgres: PostgresCluster, tmp_path: Path) -> Iterator[LiveServer]:
    url = postgres.create_database("c" + uuid.uuid4().hex[:10])
    subprocess.run([sys.executable, "-m", "server.cli", "init", "--demo", "--delegates", "5",
                    "--db", url], check=True, capture_output=True, timeout=120)
    server = LiveServer(tmp_path / "unused.sqlite3", db_url=url)
    server.start()
    yield server
    server.stop()


async def test_the_calendar_on_postgresql(pg_server: LiveServer) -> None:
    office = await WsClient.signed_in(pg_server.url, "vanphong")
    try:
        users = {u["username"]: u["id"] for u in (await office.call("org.users"))["users"]}
        series = await office.act(
            "calendar.create", title="Giao ban", starts_at="2026-12-07T08:00:00+07:00",
            ends_at="2026-12-07T09:00:00+07:00", host_id=users["lanhdao"],
            rrule="FREQ=WEEKLY;COUNT=4")
        await office.act("calendar.update", event_id=series["event_id"], scope="occurrence",
                         occurrence="2026-12-14T08:00:00+07:00",
                         starts_at="2026-12-15T08:00:00+07:00",
                         ends_at="2026-12-15T09:00:00+07:00")
        clash = await office.act(
            "calendar.create", title="Tiếp dân", starts_at="2026-12-15T08:30:00+07:00",
            ends_at="2026-12-15T10:00:00+07:00", participant_ids=[users["lanhdao"]])
        assert [(c["event_id"], c["kind"]) for c in clash["conflicts"]] == [
            (series["event_id"], "participant")]
        listed = await office.call("calendar.list", **{"from": "2026-12-01",
                                                      "to": "2026-12-31"})
        assert [e["starts_at"][:10] for e in listed["events"]
                if e["event_id"] == series["event_id"]] == [
            "2026-12-07", "2026-12-15", "2026-12-21", "2026-12-28"]
        by_id = {e["event_id"]: e for e in listed["events"]}
        assert by_id[clash["event_id"]]["participant_ids"] == [users["lanhdao"]]
    finally:
        await office.close()
