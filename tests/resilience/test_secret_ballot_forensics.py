"""Secret ballots under forensic eyes: the raw database files and the server's log.

``tests/server/test_secret_ballot.py`` reads the tables through SQL. Here the attacker
copies the server's data folder after a secret poll — the database file *and* its
``-wal`` file, byte for byte, as a backup tool or a stolen disk would — and looks
for any link between a voter and a choice:

1. in the raw bytes: no stored JSON with a ``choice``, no voter's name or user id next
   to an option word; the same in everything the server printed;
2. in the history the write-ahead log keeps: every page version written since the last
   checkpoint is still in ``-wal``, so the database can be rebuilt *as of every
   commit*. Delegates vote one after another, seconds apart, so most ballots commit
   alone: if one commit adds exactly one voter to ``poll_voters`` and one vote to one
   option's counter, that voter's choice is known.

The server truncates the WAL when a secret poll closes, which ends that history. What
remains, and is asserted here so that nobody counts on more: *while* a secret poll is
open, a copy of the data folder (or the WAL a crash leaves behind) links the ballots
cast so far. Only encrypting the disk, or committing secret ballots in groups, would
close that window.
"""

from __future__ import annotations

import asyncio
import random
import re
import sqlite3
import struct
import uuid
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from tests.resilience.support import Terminal, seeded

N = 30
OPTIONS = ["yes", "no", "abstain"]


async def secret_poll(server: Any, rng: random.Random, before_close: Any = None,
                      crash_after: int | None = None) -> tuple[int, dict[int, str], list[str]]:
    """Run a secret poll, ballots one at a time; return (poll id, user id → choice, names).

    ``before_close()`` runs once every ballot is in; with ``crash_after`` the server is
    killed after that many ballots and started again.
    """
    chair = await Terminal(server.url, "chair").sign_in()
    people = [Terminal(server.url, f"d{i:03d}") for i in range(1, N + 1)]
    await asyncio.gather(*(p.sign_in() for p in people))
    for p in people:
        assert (await p.send("attendance.check_in", key=str(uuid.uuid4()),
                             meeting_id=1) or {}).get("type") == "result"
    created = await chair.send("poll.create", key=str(uuid.uuid4()), meeting_id=1,
                               secret=True, title="Bỏ phiếu kín bầu Phó Chủ tịch HĐND")
    assert created is not None and created["type"] == "result"
    poll_id = created["data"]["poll_id"]
    assert (await chair.send("poll.open", key=str(uuid.uuid4()), poll_id=poll_id)
            or {}).get("type") == "result"
    await asyncio.sleep(0.3)
    checkpoint(server.db_path)  # the WAL now holds this poll's history, and little else
    choices: dict[int, str] = {}
    for n, p in enumerate(rng.sample(people, len(people))):
        if n == crash_after:
            await asyncio.to_thread(server.kill)
            await asyncio.to_thread(server.start)
            await asyncio.gather(chair.back(), *(q.back() for q in people))
        choice = rng.choice(OPTIONS)
        reply = await p.send("poll.cast", key=str(uuid.uuid4()), poll_id=poll_id,
                             choice=choice)
        assert reply is not None and reply["type"] == "result", reply
        choices[p.user_id] = choice
        await asyncio.sleep(0.02)  # people vote one after another
    await asyncio.sleep(0.4)  # the last coalesced poll.progress
    if before_close is not None:
        before_close()
    closed = await chair.send("poll.close", key=str(uuid.uuid4()), poll_id=poll_id)
    assert closed is not None and closed["data"]["tally"] == {
        o: Counter(choices.values()).get(o, 0) for o in OPTIONS}
    await asyncio.sleep(0.3)
    await asyncio.gather(chair.drop(), *(p.drop() for p in people))
    return poll_id, choices, [p.username for p in people]


def checkpoint(db: Path) -> None:
    """Fold the WAL into the database file, as SQLite does by itself every 1000 pages."""
    con = sqlite3.connect(db, timeout=30)
    try:
        for _ in range(50):
            busy, _log, _done = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return
        raise AssertionError("could not checkpoint")
    finally:
        con.close()


def copy_files(db: Path, dst: Path) -> tuple[Path, bytes, bytes]:
    """What a backup of the data folder takes, while the server runs."""
    dst.mkdir()
    main = db.read_bytes()
    wal_path = Path(f"{db}-wal")
    wal = wal_path.read_bytes() if wal_path.exists() else b""
    (dst / db.name).write_bytes(main)
    Path(f"{dst / db.name}-wal").write_bytes(wal)
    return dst / db.name, main, wal


# --- reading a WAL -----------------------------------------------------------------------


def _checksum(data: bytes, s: tuple[int, int], big: bool) -> tuple[int, int]:
    s0, s1 = s
    words = struct.unpack((">" if big else "<") + f"{len(data) // 4}I", data)
    for x0, x1 in zip(words[::2], words[1::2], strict=True):
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1


def wal_frames(wal: bytes) -> tuple[int, list[tuple[int, int, bytes]]]:
    """(page size, valid frames of the current generation as (page no, commit size, page))."""
    if len(wal) < 32:
        return 0, []
    magic, _version, page_size, _ckpt, salt1, salt2, c1, c2 = struct.unpack(">8I", wal[:32])
    big = magic == 0x377F0683
    s = _checksum(wal[:24], (0, 0), big)
    assert s == (c1, c2), "WAL header checksum"
    frames = []
    off = 32
    while off + 24 + page_size <= len(wal):
        pgno, commit, f1, f2, k1, k2 = struct.unpack(">6I", wal[off:off + 24])
        page = wal[off + 24:off + 24 + page_size]
        if (f1, f2) != (salt1, salt2):
            break
        s = _checksum(page, _checksum(wal[off:off + 8], s, big), big)
        if s != (k1, k2):
            break
        frames.append((pgno, commit, page))
        off += 24 + page_size
    return page_size, frames


def states_at_each_commit(main: bytes, wal: bytes, poll_id: int, scratch: Path
                          ) -> list[tuple[frozenset[int], dict[str, int]]]:
    """The poll's voters and tallies as of every commit the WAL remembers."""
    page_size, frames = wal_frames(wal)
    db = bytearray(main)
    states = []
    for n, (pgno, commit, page) in enumerate(frames):
        end = pgno * page_size
        if len(db) < end:
            db.extend(b"\0" * (end - len(db)))
        db[end - page_size:end] = page
        if not commit:
            continue
        del db[commit * page_size:]
        path = scratch / f"commit{n}.sqlite3"
        path.write_bytes(bytes(db))
        con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
        try:
            voters = frozenset(u for (u,) in con.execute(
                "SELECT user_id FROM poll_voters WHERE poll_id=?", (poll_id,)))
            tally = dict(con.execute("SELECT option, count FROM poll_tallies WHERE poll_id=?",
                                     (poll_id,)).fetchall())
        finally:
            con.close()
            path.unlink()
        states.append((voters, tally))
    return states


def links(states: list[tuple[frozenset[int], dict[str, int]]]) -> dict[int, str]:
    """Voters whose choice follows from two consecutive commits."""
    found: dict[int, str] = {}
    for (v0, t0), (v1, t1) in pairwise(states):
        new = v1 - v0
        grew = {o for o in t1 if t1[o] > t0.get(o, 0)}
        if new and len(grew) == 1:
            found.update(dict.fromkeys(new, grew.pop()))
    return found


# --- the tests ----------------------------------------------------------------------------


@pytest.fixture
def after_secret_poll(make_server: Any, tmp_path: Path) -> Any:
    rng = seeded("secret ballot forensics")
    server = make_server(N)
    open_copy: list[tuple[Path, bytes, bytes]] = []
    poll_id, choices, names = asyncio.run(secret_poll(
        server, rng, lambda: open_copy.append(copy_files(server.db_path, tmp_path / "open"))))
    copied, main, wal = copy_files(server.db_path, tmp_path / "backup")
    return server, poll_id, choices, names, (copied, main, wal), open_copy[0]


def test_no_byte_of_the_files_or_the_log_pairs_a_voter_with_a_choice(
        after_secret_poll: Any) -> None:
    server, _poll_id, choices, names, (_c, main, wal), (_o, open_main, open_wal) = (
        after_secret_poll)
    server.kill()  # what a crash leaves on disk
    left = Path(f"{server.db_path}-wal")
    leftover = left.read_bytes() if left.exists() else b""
    log = server.log().encode()
    for name, blob in (("database", main), ("wal", wal), ("wal after a crash", leftover),
                       ("database while open", open_main), ("wal while open", open_wal),
                       ("log", log)):
        assert b'"choice"' not in blob, name
        assert b"'choice'" not in blob, name
        for option in OPTIONS:
            for username in names:
                near = re.compile(re.escape(username.encode()) + rb".{0,80}"
                                  + re.escape(f'"{option}"'.encode()), re.S)
                assert not near.search(blob), (name, username, option)
    text = server.log()
    for user_id, choice in choices.items():
        assert not re.search(rf"\b{user_id}\b.{{0,60}}\b{choice}\b", text), (user_id, choice)


def rebuilt_links(copy: tuple[Path, bytes, bytes], poll_id: int, choices: dict[int, str],
                  scratch: Path) -> dict[int, str]:
    """Voters linked to choices by the copy's WAL history (checked against the truth)."""
    copied, main, wal = copy
    scratch.mkdir()
    states = states_at_each_commit(main, wal, poll_id, scratch)
    if states:  # the rebuilt history ends where the database copy is
        con = sqlite3.connect(copied)
        final = dict(con.execute("SELECT option, count FROM poll_tallies WHERE poll_id=?",
                                 (poll_id,)).fetchall())
        con.close()
        assert states[-1][1] == final
    revealed = links(states)
    assert all(choices[u] == c for u, c in revealed.items())  # the analysis is sound
    return revealed


def test_once_the_poll_is_closed_the_wal_pairs_no_voter_with_a_choice(
        after_secret_poll: Any, tmp_path: Path) -> None:
    _server, poll_id, choices, _names, closed_copy, open_copy = after_secret_poll
    while_open = rebuilt_links(open_copy, poll_id, choices, tmp_path / "a")
    # The residual risk (module docstring): while the poll is open, the history is there.
    assert len(while_open) > len(choices) // 2, while_open
    assert rebuilt_links(closed_copy, poll_id, choices, tmp_path / "b") == {}


def test_a_crash_mid_poll_leaves_no_link_once_the_poll_closes(
        make_server: Any, tmp_path: Path) -> None:
    rng = seeded("secret ballot crash")
    server = make_server(N)
    poll_id, choices, _names = asyncio.run(secret_poll(server, rng, crash_after=N // 2))
    copy = copy_files(server.db_path, tmp_path / "backup")
    assert rebuilt_links(copy, poll_id, choices, tmp_path / "scratch") == {}
