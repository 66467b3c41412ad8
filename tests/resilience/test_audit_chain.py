"""What the event log's hash chain detects — and what no chain alone can.

Each topic's events carry ``prev_hash`` and their own SHA-256 over
``(topic, seq, at, event, data, prev)``; ``meeting-server verify-audit`` recomputes
every chain in ``seq`` order and names the first broken link.

Detected: an edited row (content or ``prev_hash``), a deleted event with later events
after it, events swapped in the history, in whichever topic it happens.

Not detected, by design of a bare chain (asserted below so that nobody relies on it):

- the *last* events of a topic deleted (truncation): what remains is a valid chain;
- an edit followed by recomputing every later hash: SHA-256 has no key, so whoever can
  write the database can rebuild a valid chain;
- a forged event appended with a correct hash;
- rows renumbered by ``id`` only: storage order is not history (``seq`` is), nothing
  changed.

The remedy for the first three is an anchor kept outside the database: the minutes
print the meeting's head as ``meeting:ID@SEQ=SHA256`` and ``verify-audit --anchor``
checks it (end to end in ``tests/server/minutes/test_cli.py``); a keyed chain (HMAC
with a key the database does not hold) would be the other. The last test shows that
an anchor catches what the chain misses.
"""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server.storage.eventlog import event_hash
from tests.resilience.support import add_meeting
from tests.support.live import LiveServer, copy_db
from tests.support.wsclient import WsClient, delegate_names, sign_in_many


def verify(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db",
                           f"sqlite:///{db}"], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def session_db(tmp_path_factory: pytest.TempPathFactory, demo_db_template: Any) -> Iterator[Path]:
    """Meeting 1 with 13 events, meeting 2 with 3, server stopped cleanly."""
    db = tmp_path_factory.mktemp("audit") / "session.sqlite3"
    copy_db(demo_db_template(30), db)
    add_meeting(db, "Phiên họp chuyên đề", {"chair": "chair", "d001": "delegate",
                                             "d002": "delegate", "d003": "delegate"})
    server = LiveServer(db)
    server.start()

    async def session() -> None:
        people = await sign_in_many(server.url, delegate_names(12))
        await asyncio.gather(*(p.act("attendance.check_in", meeting_id=1) for p in people))
        for p in people[:3]:
            await p.act("attendance.check_in", meeting_id=2)
        chair = await WsClient.signed_in(server.url, "chair")
        await chair.act("agenda.activate", meeting_id=1, item_id=2)
        await asyncio.gather(chair.close(), *(p.close() for p in people))

    asyncio.run(session())
    assert server.stop() == 0
    yield db


def tampered(src: Path, tmp: Path, sql: str, name: str = "tampered") -> Path:
    dst = tmp / f"{name}.sqlite3"
    shutil.copy(src, dst)
    con = sqlite3.connect(dst)
    con.executescript(sql)
    con.commit()
    con.close()
    return dst


def heads(db: Path) -> dict[str, tuple[int, str]]:
    con = sqlite3.connect(db)
    try:
        return {topic: (seq, h) for topic, seq, h in con.execute(
            "SELECT topic, seq, hash FROM event_log e WHERE seq = "
            "(SELECT MAX(seq) FROM event_log WHERE topic = e.topic)")}
    finally:
        con.close()


def test_the_session_verifies(session_db: Path) -> None:
    result = verify(session_db)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: 16 events" in result.stdout
    assert heads(session_db)["meeting:1"][0] == 13 and heads(session_db)["meeting:2"][0] == 3


SWAP_CONTENT = """
CREATE TEMP TABLE s AS SELECT seq, at, event, data, prev_hash, hash FROM event_log
    WHERE topic='meeting:1' AND seq IN (3, 4);
UPDATE event_log SET (at, event, data, prev_hash, hash) =
    (SELECT at, event, data, prev_hash, hash FROM s WHERE s.seq = 7 - event_log.seq)
    WHERE topic='meeting:1' AND seq IN (3, 4);
"""


@pytest.mark.parametrize(("sql", "topic", "seq", "reason"), [
    pytest.param("DELETE FROM event_log WHERE topic='meeting:1' AND seq=1",
                 "meeting:1", 1, "missing", id="first event deleted"),
    pytest.param("DELETE FROM event_log WHERE topic='meeting:1' AND seq IN (5, 6)",
                 "meeting:1", 5, "missing", id="two middle events deleted"),
    pytest.param(SWAP_CONTENT, "meeting:1", 3, "", id="history reordered, seq kept"),
    pytest.param("UPDATE event_log SET prev_hash = hash WHERE topic='meeting:1' AND seq = 9",
                 "meeting:1", 9, "prev_hash", id="prev_hash rewritten"),
    pytest.param("UPDATE event_log SET event = 'poll.closed' WHERE topic='meeting:2' AND seq=2",
                 "meeting:2", 2, "row edited", id="edit in the second topic"),
    pytest.param("UPDATE event_log SET at = '2020-01-01T00:00:00.000Z' "
                 "WHERE topic='meeting:1' AND seq = 13", "meeting:1", 13, "row edited",
                 id="last event edited"),
])
def test_the_first_broken_link_is_named(session_db: Path, tmp_path: Path, sql: str, topic: str,
                                        seq: int, reason: str) -> None:
    result = verify(tampered(session_db, tmp_path, sql))
    assert result.returncode == 1, result.stdout
    assert f"BROKEN: {topic} seq {seq} " in result.stdout and reason in result.stdout, (
        result.stdout)


def test_renumbering_rows_by_id_changes_no_history(session_db: Path, tmp_path: Path) -> None:
    """Storage order is not history: the chain follows ``seq``, so swapping ``id`` is no
    tampering at all — every event keeps its place, and verify says so."""
    con = sqlite3.connect(session_db)
    (id3,), (id4,) = con.execute("SELECT id FROM event_log WHERE topic='meeting:1' "
                                 "AND seq IN (3, 4) ORDER BY seq")
    con.close()
    db = tampered(session_db, tmp_path, f"""
        UPDATE event_log SET id = -1 WHERE id = {id3};
        UPDATE event_log SET id = {id3} WHERE id = {id4};
        UPDATE event_log SET id = {id4} WHERE id = -1;
    """)
    con = sqlite3.connect(db)
    order_by_id = [s for (s,) in con.execute(
        "SELECT seq FROM event_log WHERE topic='meeting:1' ORDER BY id")]
    con.close()
    assert order_by_id[2:4] == [4, 3]
    result = verify(db)
    assert result.returncode == 0 and "OK: 16 events" in result.stdout, result.stdout


@pytest.mark.parametrize("count", [1, 4])
def test_truncating_the_last_events_is_not_detectable_by_the_chain(
        session_db: Path, tmp_path: Path, count: int) -> None:
    """Deleting a topic's LAST events leaves a shorter but valid chain: no chain alone can
    tell. Only an anchor (the head seq/hash kept elsewhere) can; see the last test."""
    db = tampered(session_db, tmp_path, f"DELETE FROM event_log WHERE topic='meeting:1' "
                                        f"AND seq > {13 - count}")
    result = verify(db)
    assert result.returncode == 0, result.stdout
    assert f"OK: {16 - count} events" in result.stdout


def _rehash_from(db: Path, topic: str, first: int) -> None:
    """What an attacker with write access does after an edit: recompute the chain."""
    con = sqlite3.connect(db)
    rows = con.execute("SELECT id, seq, at, event, data, prev_hash FROM event_log "
                       "WHERE topic=? ORDER BY seq", (topic,)).fetchall()
    prev = None
    for row_id, seq, at, event, data, prev_hash in rows:
        if seq < first:
            prev = con.execute("SELECT hash FROM event_log WHERE id=?", (row_id,)).fetchone()[0]
            continue
        prev = prev if prev is not None else prev_hash
        digest = event_hash(topic, seq, at, event, data, prev)
        con.execute("UPDATE event_log SET prev_hash=?, hash=? WHERE id=?",
                    (prev, digest, row_id))
        prev = digest
    con.commit()
    con.close()


def test_an_edit_with_the_chain_recomputed_is_not_detectable(
        session_db: Path, tmp_path: Path) -> None:
    """SHA-256 without a key: whoever writes the database can rebuild every later hash."""
    db = tampered(session_db, tmp_path, "UPDATE event_log SET data = replace(data, "
                  "'\"present\":5', '\"present\":50') WHERE topic='meeting:1' AND seq=5")
    assert verify(db).returncode == 1
    _rehash_from(db, "meeting:1", 5)
    result = verify(db)
    assert result.returncode == 0, result.stdout


def test_an_anchor_outside_the_database_catches_what_the_chain_misses(
        session_db: Path, tmp_path: Path) -> None:
    anchor = heads(session_db)  # e.g. printed in the minutes, or kept by the terminals
    truncated = tampered(session_db, tmp_path,
                         "DELETE FROM event_log WHERE topic='meeting:1' AND seq = 13", "cut")
    rehashed = tampered(session_db, tmp_path, "UPDATE event_log SET at = "
                        "'2020-01-01T00:00:00.000Z' WHERE topic='meeting:2' AND seq=1", "re")
    _rehash_from(rehashed, "meeting:2", 1)
    for db in (truncated, rehashed):
        assert verify(db).returncode == 0
        assert heads(db) != anchor
