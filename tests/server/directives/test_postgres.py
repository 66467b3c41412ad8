"""The directives module on PostgreSQL: the migration (partial indexes), the life of a
directive, the dashboard's counts and the reminder scan."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.directives.test_directives import day, directory
from tests.support.live import LiveServer
from tests.support.postgres import PostgresCluster
from tests.support.wsclient import WsClient


@pytest.fixture
def pg_server(postgres: PostgresCluster, tmp_path: Path) -> Iterator[LiveServer]:
    url = postgres.create_database("d" + uuid.uuid4().hex[:10])
    subprocess.run([sys.executable, "-m", "server.cli", "init", "--demo", "--delegates", "5",
                    "--db", url], check=True, capture_output=True, timeout=120)
    server = LiveServer(tmp_path / "unused.sqlite3", db_url=url,
                        extra_args=["--directive-scan-s", "0.2"])
    server.start()
    yield server
    server.stop()


async def test_directives_on_postgresql(pg_server: LiveServer, clients) -> None:
    users, units = await directory(pg_server.url)
    cv003 = clients(await WsClient.signed_in(pg_server.url, "cv003"))
    await cv003.call("user.subscribe", since=0)
    leader = clients(await WsClient.signed_in(pg_server.url, "lanhdao"))
    late = (await leader.act("directive.create", content="Việc quá hạn", deadline=day(-2),
                             assignee_id=users["cv003"]["id"]))["directive_id"]
    ev = await cv003.next_event("directive.reminder")
    assert ev["data"]["directive_id"] == late and ev["data"]["kind"] == "overdue"
    soon = (await leader.act("directive.create", content="Việc trong hạn", deadline=day(20),
                             assignee_unit_id=units["TCKH"]))["directive_id"]
    await cv003.act("directive.report", directive_id=soon, status="reported", note="Xong")
    assert (await leader.act("directive.complete", directive_id=soon))["on_time"] is True
    board = await leader.call("directive.dashboard")
    tckh = next(u for u in board["units"] if u["unit_id"] == units["TCKH"])
    assert (tckh["completed_on_time"], tckh["overdue"], tckh["total"]) == (1, 1, 2)
    assert (await leader.call("directive.list", overdue=True))["directives"][0][
        "directive_id"] == late
