"""Secret means secret: after a secret poll nothing links a voter to a choice."""

from __future__ import annotations

import asyncio
import json
import sqlite3

from tests.support.wsclient import WsClient, delegate_names, sign_in_many


async def test_no_table_or_event_links_a_voter_to_a_choice(live_server) -> None:
    chair = await WsClient.signed_in(live_server.url, "chair")
    people = await sign_in_many(live_server.url, delegate_names(30))
    choices = ["yes"] * 17 + ["no"] * 9 + ["abstain"] * 4
    try:
        await asyncio.gather(*(p.act("attendance.check_in", meeting_id=1) for p in people))
        poll = await chair.act("poll.create", meeting_id=1, secret=True,
                               title="Bỏ phiếu kín bầu chức danh Phó Chủ tịch HĐND")
        poll_id = poll["poll_id"]
        await chair.act("poll.open", poll_id=poll_id)
        replies = await asyncio.gather(*(
            p.act("poll.cast", poll_id=poll_id, choice=c)
            for p, c in zip(people, choices, strict=True)))
        assert all("choice" not in r for r in replies)
        closed = await chair.act("poll.close", poll_id=poll_id)
        assert closed["tally"] == {"yes": 17, "no": 9, "abstain": 4}
    finally:
        await asyncio.gather(chair.close(), *(p.close() for p in people))
    live_server.stop()

    # While open, the poll's voters and counters lived in the side database
    # (``server.storage.sidestore``); the close moved them out and left it empty.
    side = sqlite3.connect(live_server.db_path.with_name(
        live_server.db_path.stem + "-secret" + live_server.db_path.suffix))
    assert side.execute("SELECT COUNT(*) FROM secret_voters").fetchone() == (0,)
    assert side.execute("SELECT COUNT(*) FROM secret_tallies").fetchone() == (0,)
    side.close()
    db = sqlite3.connect(live_server.db_path)
    voter_ids = {r[0] for r in db.execute("SELECT user_id FROM poll_voters WHERE poll_id=?",
                                          (poll_id,))}
    assert len(voter_ids) == 30
    # The voters table holds who voted and nothing else, in no revealing order.
    cols = [r[1] for r in db.execute("PRAGMA table_info(poll_voters)")]
    assert cols == ["poll_id", "user_id"]
    assert db.execute("SELECT COUNT(*) FROM open_ballots WHERE poll_id=?",
                      (poll_id,)).fetchone() == (0,)
    # Choices exist only as counters.
    assert dict(db.execute("SELECT option, count FROM poll_tallies WHERE poll_id=?",
                           (poll_id,))) == {"yes": 17, "no": 9, "abstain": 4}
    # No row anywhere holds both a voter of this poll and a choice word.
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        if table in ("poll_tallies", "polls", "alembic_version"):
            continue
        for row in db.execute(f'SELECT * FROM "{table}"'):
            text = json.dumps(row, ensure_ascii=False, default=str)
            if any(f'"{c}"' in text for c in ("yes", "no", "abstain")):
                assert table == "event_log", (table, row)
                data = json.loads(row[5])
                # Events may name the options (poll.created/closed), never a voter with them.
                assert "user_id" not in data and "ballots" not in data, data
    # The idempotency memory does not keep the choice of a ballot.
    for _user, reply in db.execute("SELECT user_id, reply FROM idempotency_keys"):
        assert "choice" not in reply
