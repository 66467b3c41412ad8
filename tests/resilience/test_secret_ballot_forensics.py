"""Secret ballots under forensic eyes: the raw database files and the server's log.

``tests/server/test_secret_ballot.py`` reads the tables through SQL. Here the attacker
copies the server's data folder — the database, its ``-wal``, the side database of
open secret polls and its rollback journal, byte for byte, as a backup tool, a stolen
disk or a local user would — and looks for any link between a voter and a choice:

1. in the raw bytes: no stored JSON with a ``choice``, no voter's name or user id next
   to an option word; the same in everything the server printed;
2. in the history the main database's write-ahead log keeps: every page version
   written since the last checkpoint is in ``-wal``, so the database can be rebuilt
   *as of every commit*. If one commit added exactly one voter and one vote to one
   option's counter, that voter's choice would be known. Open secret polls keep no
   voter or counter there (``server.storage.sidestore``): the closed poll arrives in
   one commit with all its voters and its final counters;
3. in the side database: it has a rollback journal, which during a commit holds the
   pages as they were before it. A watcher copies the side files every few
   milliseconds for the whole poll (the strongest attacker short of reading the
   server's memory) and rebuilds every state it saw, before and after each commit.
   Secret ballots commit in groups (``--ballot-batch-min``), so consecutive states
   differ by a group of voters and a group of choices: nobody is linked.

Choices follow the voting order round-robin, so any two consecutive voters chose
differently; a group of voters who all chose the same option would of course be
"linked" by any tally, as a unanimous final result is — batching cannot hide that.
"""

from __future__ import annotations

import asyncio
import random
import re
import sqlite3
import struct
import threading
import time
import uuid
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from tests.resilience.support import Terminal, seeded
from tests.support.live import LiveServer, copy_db

N = 20
BATCH = 5
OPTIONS = ["yes", "no", "abstain"]
SPACING_S = 0.1  # 20 voters over 2 s
SERVER_ARGS = ["--ballot-batch-min", str(BATCH), "--ballot-batch-window", "1.5"]


def side_path(db: Path) -> Path:
    return db.with_name(db.stem + "-secret" + db.suffix)


class Watcher:
    """Copies the side database and its journal in a loop, as fast as it can."""

    def __init__(self, db: Path) -> None:
        self.side = side_path(db)
        self.journal = Path(f"{self.side}-journal")
        self.copies: list[tuple[bytes, bytes]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Watcher:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(10)

    def _run(self) -> None:
        last: tuple[bytes, bytes] | None = None
        while not self._stop.is_set():
            journal = _read(self.journal)
            copy = (_read(self.side), journal)
            if copy != last:
                self.copies.append(copy)
                last = copy
            time.sleep(0.001)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


async def secret_poll(server: Any, rng: random.Random, before_close: Any = None,
                      crash_after: int | None = None, close_check: Any = None
                      ) -> tuple[int, dict[int, str], list[str]]:
    """Run a secret poll, voters ``SPACING_S`` apart; return (poll id, user id → choice, names).

    ``before_close()`` runs once every ballot is in; with ``crash_after`` the server is
    killed once that many ballots were acknowledged, and started again.
    ``close_check(seconds)`` gets how long the close and a following command took.
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
    order = rng.sample(people, len(people))
    halves = [order] if crash_after is None else [order[:crash_after], order[crash_after:]]
    n = 0
    for half_no, half in enumerate(halves):
        if half_no:
            await asyncio.to_thread(server.kill)
            await asyncio.to_thread(server.start)
            await asyncio.gather(chair.back(), *(q.back() for q in people))
        sent = []
        for p in half:
            choice = OPTIONS[n % len(OPTIONS)]
            n += 1
            sent.append(asyncio.ensure_future(p.send(
                "poll.cast", key=str(uuid.uuid4()), poll_id=poll_id, choice=choice)))
            choices[p.user_id] = choice
            await asyncio.sleep(SPACING_S)  # people vote one after another
        for reply in await asyncio.gather(*sent):
            assert reply is not None and reply["type"] == "result", reply
    await asyncio.sleep(0.4)  # the last coalesced poll.progress
    if before_close is not None:
        before_close()
    started = time.monotonic()
    closed = await chair.send("poll.close", key=str(uuid.uuid4()), poll_id=poll_id)
    assert closed is not None and closed["data"]["tally"] == {
        o: Counter(choices.values()).get(o, 0) for o in OPTIONS}
    after = await chair.send("poll.create", key=str(uuid.uuid4()), meeting_id=1,
                             secret=False, title="Biểu quyết tiếp theo")
    assert after is not None and after["type"] == "result", after
    if close_check is not None:
        close_check(time.monotonic() - started)
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

# --- reading a rollback journal -----------------------------------------------------------


def before_journal(db: bytes, journal: bytes) -> bytes | None:
    """The database as it was before the transaction a (hot) journal belongs to.

    Records are read by the file's length, whatever the header's record count
    says (an attacker does not trust it either).
    """
    if len(journal) < 28 or journal[:8] != bytes.fromhex("d9d505f920a163d7"):
        return None
    _n, _nonce, pages, sector, page_size = struct.unpack(">5I", journal[8:28])
    if not page_size or not sector:
        return None
    out = bytearray(db)
    off = sector
    while off + 8 + page_size <= len(journal):
        pgno = struct.unpack(">I", journal[off:off + 4])[0]
        if not 0 < pgno <= 1 << 20:
            break
        end = pgno * page_size
        if len(out) < end:
            out.extend(b"\0" * (end - len(out)))
        out[end - page_size:end] = journal[off + 4:off + 4 + page_size]
        off += 8 + page_size
    del out[pages * page_size:]
    return bytes(out)


def side_state(db: bytes, poll_id: int, scratch: Path
               ) -> tuple[frozenset[int], dict[str, int]] | None:
    """(voters, counters) of the poll in one image of the side database, if readable."""
    if len(db) < 512:
        return None
    path = scratch / "side.sqlite3"
    path.write_bytes(db)
    try:
        con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
        try:
            voters = frozenset(u for (u,) in con.execute(
                "SELECT user_id FROM secret_voters WHERE poll_id=?", (poll_id,)))
            tally = dict(con.execute(
                "SELECT option, count FROM secret_tallies WHERE poll_id=?", (poll_id,)).fetchall())
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None  # torn copy
    finally:
        path.unlink()
    return voters, tally


def side_states(copies: list[tuple[bytes, bytes]], poll_id: int, scratch: Path
                ) -> list[tuple[frozenset[int], dict[str, int]]]:
    """Every distinct state the watcher's copies reveal, before and after each commit."""
    scratch.mkdir()
    seen: dict[tuple[frozenset[int], tuple[tuple[str, int], ...]], None] = {}
    for db, journal in copies:
        images = [db]
        before = before_journal(db, journal)
        if before is not None:
            images.insert(0, before)
        for image in images:
            state = side_state(image, poll_id, scratch)
            if state is not None:
                seen.setdefault((state[0], tuple(sorted(state[1].items()))), None)
    states = [(v, dict(t)) for v, t in seen]
    return sorted(states, key=lambda s: (len(s[0]), sum(s[1].values())))


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


# --- the tests ----------------------------------------------------------------------------


def folder(path: Path) -> Path:
    path.mkdir()
    return path


class Reader:
    """Another program (a backup, ``meeting-server minutes``) holding a read transaction."""

    def __init__(self, db: Path) -> None:
        self.con = sqlite3.connect(db, isolation_level=None, check_same_thread=False)

    def hold(self) -> None:
        self.con.execute("BEGIN")
        self.con.execute("SELECT COUNT(*) FROM polls").fetchone()

    def close(self) -> None:
        self.con.execute("COMMIT")
        self.con.close()


@pytest.fixture
def after_secret_poll(make_server: Any, tmp_path: Path) -> Any:
    rng = seeded("secret ballot forensics")
    server = make_server(N, extra_args=SERVER_ARGS)
    open_copy: list[tuple[Path, bytes, bytes]] = []
    reader = Reader(server.db_path)
    close_took: list[float] = []

    def before_close() -> None:
        open_copy.append(copy_files(server.db_path, tmp_path / "open"))
        reader.hold()

    with Watcher(server.db_path) as watcher:
        poll_id, choices, names = asyncio.run(secret_poll(
            server, rng, before_close, close_check=close_took.append))
        copied = copy_files(server.db_path, tmp_path / "backup")  # at close, reader holding
    reader.close()
    return (server, poll_id, choices, names, copied, open_copy[0], watcher.copies,
            close_took[0])


def test_no_byte_of_the_files_or_the_log_pairs_a_voter_with_a_choice(
        after_secret_poll: Any) -> None:
    (server, _poll_id, choices, names, (_c, main, wal), (_o, open_main, open_wal),
     side_copies, _took) = after_secret_poll
    server.kill()  # what a crash leaves on disk
    left = Path(f"{server.db_path}-wal")
    leftover = left.read_bytes() if left.exists() else b""
    log = server.log().encode()
    blobs = [("database", main), ("wal", wal), ("wal after a crash", leftover),
             ("database while open", open_main), ("wal while open", open_wal), ("log", log)]
    blobs += [(f"side copy {n}", db + journal) for n, (db, journal) in enumerate(side_copies)]
    for name, blob in blobs:
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


def test_while_the_poll_is_open_the_main_wal_holds_no_ballot(
        after_secret_poll: Any, tmp_path: Path) -> None:
    _server, poll_id, choices, _names, _closed, open_copy, _side, _took = after_secret_poll
    _copied, main, wal = open_copy
    states = states_at_each_commit(main, wal, poll_id, folder(tmp_path / "a"))
    assert states, "the poll's open period left commits in the WAL"
    assert all(not voters and not any(tally.values()) for voters, tally in states)
    assert rebuilt_links(open_copy, poll_id, choices, tmp_path / "b") == {}


def test_a_watcher_of_the_side_database_links_nobody(
        after_secret_poll: Any, tmp_path: Path) -> None:
    _server, poll_id, choices, _names, _closed, _open, side_copies, _took = after_secret_poll
    states = side_states(side_copies, poll_id, tmp_path / "side")
    sizes = sorted({len(voters) for voters, _tally in states})
    hot = sum(1 for db, journal in side_copies if before_journal(db, journal) is not None)
    print(f"{len(side_copies)} copies of the side files, {hot} caught during a commit "
          f"(journal replayed); voter counts seen: {sizes}")
    assert len(sizes) >= 3, sizes  # the watcher did see the poll fill up
    assert all(size % BATCH == 0 for size in sizes), sizes  # only whole groups committed
    revealed = links(states)
    assert all(choices[u] == c for u, c in revealed.items())
    assert revealed == {}


def test_at_close_with_a_reader_holding_the_wal_nothing_links_and_nothing_stalls(
        after_secret_poll: Any, tmp_path: Path) -> None:
    _server, poll_id, choices, _names, closed_copy, _open, _side, took = after_secret_poll
    print(f"poll.close and the next command took {took * 1000:.0f} ms with a reader holding")
    assert took < 2.0
    states = states_at_each_commit(closed_copy[1], closed_copy[2], poll_id,
                                   folder(tmp_path / "s"))
    assert states[-1][0] == frozenset(choices)  # the close commit is in this WAL
    assert rebuilt_links(closed_copy, poll_id, choices, tmp_path / "b") == {}


def test_a_crash_mid_poll_leaves_no_link(make_server: Any, tmp_path: Path) -> None:
    rng = seeded("secret ballot crash")
    server = make_server(N, extra_args=SERVER_ARGS)
    with Watcher(server.db_path) as watcher:
        poll_id, choices, _names = asyncio.run(secret_poll(server, rng, crash_after=N // 2))
    copy = copy_files(server.db_path, tmp_path / "backup")
    assert rebuilt_links(copy, poll_id, choices, tmp_path / "scratch") == {}
    assert links(side_states(watcher.copies, poll_id, tmp_path / "side")) == {}


def test_data_files_are_private(make_server: Any) -> None:
    server = make_server(N, extra_args=SERVER_ARGS)
    db = server.db_path
    assert db.parent.stat().st_mode & 0o777 == 0o700
    files = [db, Path(f"{db}-wal"), Path(f"{db}-shm"), side_path(db)]
    blobs = db.parent / (db.stem + "-files")
    if blobs.exists():
        assert blobs.stat().st_mode & 0o777 == 0o700
        files += [p for p in blobs.rglob("*") if p.is_file()]
    for path in files:
        if path.exists():
            assert path.stat().st_mode & 0o777 == 0o600, (path, oct(path.stat().st_mode))
    assert all(p.exists() for p in files[:4])


def test_start_up_purges_what_a_crash_after_a_close_left(tmp_path: Path,
                                                          demo_db_template: Any) -> None:
    """The close commits the final counters to the main database first; the side rows
    are deleted by a later unit. A crash in between leaves them: start-up deletes them."""
    db = tmp_path / "left.sqlite3"
    copy_db(demo_db_template(N), db)
    con = sqlite3.connect(db)
    poll_id = con.execute(
        "INSERT INTO polls (meeting_id, title, secret, options, majority, status, eligible, "
        "created_at, closed_at) VALUES (1, 'Đã đóng', 1, '[\"yes\",\"no\"]', 'absolute', "
        "'closed', 30, '2026-12-01T08:00:00.000Z', '2026-12-01T08:05:00.000Z')").lastrowid
    con.commit()
    con.close()
    side = sqlite3.connect(side_path(db))
    side.execute("CREATE TABLE secret_voters (poll_id INTEGER NOT NULL, user_id INTEGER NOT "
                 "NULL, PRIMARY KEY (poll_id, user_id)) WITHOUT ROWID")
    side.execute("CREATE TABLE secret_tallies (poll_id INTEGER NOT NULL, option VARCHAR(100) "
                 "NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (poll_id, option)) WITHOUT ROWID")
    side.execute("INSERT INTO secret_voters VALUES (?, 7)", (poll_id,))
    side.execute("INSERT INTO secret_tallies VALUES (?, 'yes', 1)", (poll_id,))
    side.commit()
    side.close()
    server = LiveServer(db)
    server.start()
    try:
        async def purged() -> None:
            while True:
                con = sqlite3.connect(side_path(db), timeout=10)
                left = con.execute("SELECT COUNT(*) FROM secret_voters").fetchone()[0]
                con.close()
                if left == 0:
                    return
                await asyncio.sleep(0.1)

        asyncio.run(asyncio.wait_for(purged(), 10))
    finally:
        server.stop()
