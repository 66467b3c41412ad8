"""The database thread's unit isolation, prepared statements and prebuilt frames."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, bindparam, insert, select
from sqlalchemy import update as sql_update
from sqlalchemy.exc import IntegrityError
from websockets.frames import Frame, Opcode

from meeting_protocol.events import EventData
from server.modules import upgrade_schema as upgrade
from server.storage.committer import Committer, Tx
from server.storage.db import make_engine
from server.storage.eventlog import (
    ChainHead,
    append_event,
    append_events,
    chain_heads,
    event_hash,
    event_log,
    verify_chain,
)
from server.storage.prepared import Prepared
from server.transport.wire import BINARY, frame_header, text_frame

meta = MetaData()
notes = Table("notes", meta, Column("id", Integer, primary_key=True),
              Column("body", String(50), nullable=False),
              Column("hits", Integer, nullable=False, default=0),
              Column("at", DateTime))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """The two databases the server runs on (raw SAVEPOINTs and cursors on both)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'unit.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres").create_database(
            "s" + uuid.uuid4().hex[:10])
    engine = make_engine(url)
    upgrade(engine)  # the event log
    meta.create_all(engine)
    yield engine
    engine.dispose()


class NoteAdded(EventData):
    """A test's own event: units emit structs that name their event."""

    NAME: ClassVar[str] = "note.added"
    body: str


async def test_failing_unit_leaves_no_trace_and_spares_its_batch(engine: Any) -> None:
    published: list[str] = []
    committer = Committer(engine, lambda events: published.extend(e.event for e in events))
    loop = asyncio.get_running_loop()
    committer.start(loop)

    def write(body: str, fail: str = "") -> Any:
        def unit(tx: Tx) -> str:
            row = tx.conn.execute(insert(notes).values(body=body))
            tx.emit("test", NoteAdded(body=body))
            if fail == "python":
                raise ValueError("refused after writing")
            if fail == "database":  # PostgreSQL then refuses everything until the rollback
                tx.conn.execute(insert(notes).values(id=row.inserted_primary_key[0], body=body))
            return body
        return unit

    # Submitted together so that they share one transaction.
    futures = []
    order: list[str] = []
    for body, fail in (("một", ""), ("hai", "python"), ("bốn", "database"), ("ba", "")):
        fut: asyncio.Future[Any] = loop.create_future()

        def done(result: Any, exc: BaseException | None, fut: Any = fut, body: str = body) -> None:
            order.append(body)
            fut.set_result(exc or result)
        committer.submit(write(body, fail), done)
        futures.append(fut)
    results = await asyncio.gather(*futures)
    committer.stop()

    assert results[0] == "một" and results[3] == "ba"
    assert isinstance(results[1], ValueError) and isinstance(results[2], IntegrityError)
    assert order == ["một", "hai", "bốn", "ba"]
    assert published == ["note.added", "note.added"]
    with engine.connect() as conn:
        assert [r.body for r in conn.execute(select(notes).order_by(notes.c.id))] == ["một", "ba"]


def test_prepared_runs_inside_the_transaction_with_statement_defaults(engine: Any) -> None:
    add = Prepared(insert(notes).values(body=bindparam("b_body"), hits=0))
    bump = Prepared(sql_update(notes).where(notes.c.body == bindparam("b_body"))
                    .values(hits=notes.c.hits + 1))
    read = Prepared(select(notes.c.body, notes.c.hits).where(notes.c.body == bindparam("b_body")))
    with engine.connect() as conn:
        trans = conn.begin()
        add.run(conn, {"b_body": "Nghị quyết"})
        bump.run(conn, {"b_body": "Nghị quyết"})
        bump.run(conn, {"b_body": "Nghị quyết"})
        assert read.first(conn, {"b_body": "Nghị quyết"}) == ("Nghị quyết", 2)
        assert read.scalar(conn, {"b_body": "không có"}) is None
        trans.rollback()
    with engine.connect() as conn:
        assert read.all(conn, {"b_body": "Nghị quyết"}) == []


def test_bulk_append_chains_like_one_by_one(engine: Any) -> None:
    """``append_events`` (one cursor for the heads, the shared part of the hash body encoded
    once) writes the links ``append_event`` would, and the chain verifies."""
    data = {"title": 'Cảnh báo "ngập"\n\u2028', "n": [1, 2]}
    at = "2026-12-04T01:00:00.000Z"
    with engine.connect() as conn:
        trans = conn.begin()
        append_event(conn, "user:2", "alert.raised", {"first": True}, at)
        bulk = append_events(conn, ["user:1", "user:2", "user:3"], "alert.raised", data, at)
        assert [(e.topic, e.seq) for e in bulk] == [("user:1", 1), ("user:2", 2),
                                                     ("user:3", 1)]
        rows = {r.topic: r for r in conn.execute(select(event_log).where(
            event_log.c.seq == bulk[1].seq, event_log.c.topic == "user:2"))}
        head = rows["user:2"]
        assert head.hash == event_hash("user:2", 2, at, "alert.raised", head.data,
                                       head.prev_hash)
        assert verify_chain(conn) == (4, None)
        trans.rollback()


def test_the_heads_of_a_thousand_topics_are_read_in_one_go_and_chain(engine: Any) -> None:
    """Past a few topics the heads come from one statement per 500 topics: topics with
    no event yet, with one, with several, across a chunk's edge — the chain still
    verifies and each topic's seq follows its own head."""
    at = "2026-12-04T01:00:00.000Z"
    topics = [f"user:{i}" for i in range(1, 1201)]
    with engine.connect() as conn:
        trans = conn.begin()
        for i in (1, 499, 500, 501, 1000, 1200):  # some topics have a history
            for n in range(i % 3 + 1):
                append_event(conn, f"user:{i}", "alert.raised", {"n": n}, at)
        assert chain_heads(conn, ["user:2"]) == {}
        heads = chain_heads(conn, topics)
        assert sorted(heads) == sorted(f"user:{i}" for i in (1, 499, 500, 501, 1000, 1200))
        assert heads["user:500"] == ChainHead(*conn.execute(
            select(event_log.c.seq, event_log.c.hash).where(event_log.c.topic == "user:500")
            .order_by(event_log.c.seq.desc())).first())
        bulk = append_events(conn, topics, "alert.raised", {"all": True}, at)
        seqs = {e.topic: e.seq for e in bulk}
        assert seqs["user:2"] == 1 and seqs["user:500"] == 500 % 3 + 2
        assert seqs["user:1200"] == 1200 % 3 + 2
        assert verify_chain(conn) == (1200 + sum(i % 3 + 1 for i in (1, 499, 500, 501, 1000,
                                                                      1200)), None)
        trans.rollback()


def test_prepared_refuses_what_only_core_would_fill_in(engine: Any) -> None:
    no_hits = Prepared(insert(notes).values(body=bindparam("b_body")))  # hits: default=0
    with engine.connect() as conn, pytest.raises(TypeError, match="column defaults"):
        no_hits.run(conn, {"b_body": "x"})
    if engine.dialect.name == "sqlite":  # psycopg takes datetimes as they are
        stamp = Prepared(insert(notes).values(body="x", hits=0,
                                              at=bindparam("b_at", type_=DateTime)))
        with engine.connect() as conn, pytest.raises(TypeError, match="need conversion"):
            stamp.run(conn, {"b_at": None})


@pytest.mark.parametrize("size", [0, 125, 126, 65535, 65536, 70000])
def test_prebuilt_frames_match_websockets(size: int) -> None:
    payload = bytes(i % 128 for i in range(size))
    assert text_frame(payload) == Frame(Opcode.TEXT, payload).serialize(mask=False)
    assert (frame_header(BINARY, size) + payload
            == Frame(Opcode.BINARY, payload).serialize(mask=False))
