"""The hash chain of the event log: ``meeting-server verify-audit``."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.wsclient import WsClient, delegate_names, sign_in_many


def verify(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db",
                           f"sqlite:///{db}"], capture_output=True, text=True, timeout=60)


@pytest.fixture
async def session_db(live_server, tmp_path) -> Path:
    people = await sign_in_many(live_server.url, delegate_names(12))
    await asyncio.gather(*(p.act("attendance.check_in", meeting_id=1) for p in people))
    chair = await WsClient.signed_in(live_server.url, "chair")
    await chair.act("agenda.activate", meeting_id=1, item_id=2)
    await asyncio.gather(chair.close(), *(p.close() for p in people))
    assert live_server.stop() == 0
    return live_server.db_path


def tampered(src: Path, tmp: Path, sql: str) -> Path:
    dst = tmp / f"t{abs(hash(sql))}.sqlite3"
    shutil.copy(src, dst)
    con = sqlite3.connect(dst)
    con.executescript(sql)
    con.commit()
    con.close()
    return dst


def test_intact_log_verifies(session_db: Path) -> None:
    result = verify(session_db)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: 13 events" in result.stdout


@pytest.mark.parametrize(("sql", "seq", "reason"), [
    ("UPDATE event_log SET data = replace(data, '\"present\":5', '\"present\":50') "
     "WHERE topic='meeting:1' AND seq=5", 5, "row edited"),
    ("DELETE FROM event_log WHERE topic='meeting:1' AND seq=7", 7, "missing"),
    ("UPDATE event_log SET seq = -1 WHERE seq = 3; UPDATE event_log SET seq = 3 WHERE seq = 4;"
     "UPDATE event_log SET seq = 4 WHERE seq = -1", 3, "prev_hash"),
    ("UPDATE event_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 13", 13, "row edited"),
])
def test_tampering_names_the_first_broken_link(session_db: Path, tmp_path: Path, sql: str,
                                               seq: int, reason: str) -> None:
    result = verify(tampered(session_db, tmp_path, sql))
    assert result.returncode == 1
    assert f"meeting:1 seq {seq} " in result.stdout and reason in result.stdout, result.stdout
