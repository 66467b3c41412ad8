"""The per-topic event log: gap-free ``seq``, and a SHA-256 hash chain.

Every event row stores the hash of the previous event of its topic and its
own hash over a canonical encoding of ``(topic, seq, at, event, data, prev)``.
Editing, deleting or reordering any row breaks the chain at that row, which
:func:`verify_chain` reports.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import msgspec
from sqlalchemy import (
    Column,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    func,
    select,
)
from sqlalchemy.engine import Connection

from meeting_protocol.envelope import Event
from server.storage.prepared import Prepared
from server.storage.schema import metadata

GENESIS = "0" * 64

event_log = Table(
    "event_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("topic", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("at", String(32), nullable=False),
    Column("event", String(64), nullable=False),
    Column("data", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("topic", "seq"),
)


def canonical(obj: Any) -> bytes:
    """Deterministic JSON: sorted keys, no spaces, UTF-8."""
    return msgspec.json.encode(obj, order="sorted")


def event_hash(topic: str, seq: int, at: str, event: str, data_json: str, prev: str) -> str:
    body = canonical(
        {"topic": topic, "seq": seq, "at": at, "event": event, "data": data_json, "prev": prev}
    )
    return hashlib.sha256(body).hexdigest()


@dataclass(slots=True)
class ChainHead:
    seq: int
    hash: str


def chain_head(conn: Connection, topic: str) -> ChainHead:
    """The topic's last event, read inside the caller's transaction.

    Read every time rather than cached: another process (``meeting-server
    documents add``, a second server on PostgreSQL) may have appended since,
    and the unique ``(topic, seq)`` index is cheap to read. Within one
    transaction the read sees the transaction's own uncommitted events, and a
    rolled-back savepoint takes its events with it.
    """
    row = conn.execute(
        select(event_log.c.seq, event_log.c.hash)
        .where(event_log.c.topic == topic)
        .order_by(event_log.c.seq.desc())
        .limit(1)
    ).first()
    return ChainHead(row.seq, row.hash) if row else ChainHead(0, GENESIS)


def append_event(conn: Connection, topic: str, event: str, data: dict[str, Any],
                 at: str) -> Event:
    """Append one event to its topic's chain; the caller owns the transaction."""
    head = chain_head(conn, topic)
    seq = head.seq + 1
    data_json = canonical(data).decode()
    digest = event_hash(topic, seq, at, event, data_json, head.hash)
    conn.execute(
        event_log.insert().values(
            topic=topic, seq=seq, at=at, event=event, data=data_json,
            prev_hash=head.hash, hash=digest,
        )
    )
    return Event(topic=topic, seq=seq, at=at, event=event, data=data)


_HEAD = Prepared(select(event_log.c.seq, event_log.c.hash)
                 .where(event_log.c.topic == bindparam("topic"))
                 .order_by(event_log.c.seq.desc()).limit(1))


_COLUMNS = ("topic", "seq", "at", "event", "data", "prev_hash", "hash")
_INSERT = Prepared(event_log.insert().values(
    topic=bindparam("topic"), seq=bindparam("seq"), at=bindparam("at"),
    event=bindparam("event"), data=bindparam("data"), prev_hash=bindparam("prev_hash"),
    hash=bindparam("hash")))


_HEADS_CHUNK = 500
_FEW_TOPICS = 16


@functools.lru_cache(maxsize=64)
def _heads_sql(paramstyle: str, n: int) -> str:
    """One statement for the heads of ``n`` topics: each topic's last event found by
    the database (one backward step in the ``(topic, seq)`` index), not by a round
    trip from Python. ``seq:hash`` as one text column: SQLite and PostgreSQL alike."""
    mark = "?" if paramstyle in ("qmark", "numeric") else "%s"
    values = ", ".join([f"({mark})"] * n)
    return (f"WITH t(topic) AS (VALUES {values}) "
            "SELECT t.topic, (SELECT CAST(e.seq AS TEXT) || ':' || e.hash FROM event_log e "
            "WHERE e.topic = t.topic ORDER BY e.seq DESC LIMIT 1) FROM t")


def chain_heads(conn: Connection, topics: list[str]) -> dict[str, ChainHead]:
    """The last event of each topic (absent: none yet). A few topics: one prepared
    lookup each on one cursor; many (an alert to a thousand people): one statement
    per 500 — the thousand lookups run inside the database."""
    if len(topics) <= _FEW_TOPICS:
        rows = _HEAD.first_each(conn, [{"topic": topic} for topic in topics])
        return {topic: ChainHead(row[0], row[1])
                for topic, row in zip(topics, rows, strict=True) if row is not None}
    heads: dict[str, ChainHead] = {}
    cursor = conn.connection.cursor()
    paramstyle = conn.dialect.paramstyle
    for start in range(0, len(topics), _HEADS_CHUNK):
        part = topics[start:start + _HEADS_CHUNK]
        cursor.execute(_heads_sql(paramstyle, len(part)), part)
        for topic, head in cursor.fetchall():
            if head is not None:
                seq, _, digest = head.partition(":")
                heads[topic] = ChainHead(int(seq), digest)
    return heads


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:_-.")


def _hasher(at: str, event: str, data_json: str) -> Callable[[str, int, str], str]:
    """:func:`event_hash` for many topics sharing ``at``, ``event`` and the data: the
    canonical body's common part is encoded once (keys sort as at, data, event, prev,
    seq, topic), and only prev, seq and topic per topic. ``prev`` is hex and a topic
    such as ``user:12`` needs no escaping: both are quoted as they are; any other
    topic goes through the encoder. Same bytes, same digest."""
    enc = msgspec.json.encode
    head = b'{"at":' + enc(at) + b',"data":' + enc(data_json) + b',"event":' + enc(event) \
        + b',"prev":"'
    sha = hashlib.sha256
    plain = _PLAIN.issuperset

    def digest(topic: str, seq: int, prev: str) -> str:
        quoted = f'"{topic}"' if plain(topic) else enc(topic).decode()
        return sha(head + f'{prev}","seq":{seq},"topic":{quoted}}}'.encode()).hexdigest()

    return digest


def append_events(conn: Connection, topics: list[str], event: str, data: dict[str, Any],
                  at: str) -> list[Event]:
    """Append the same event to many topics (one per recipient): what
    :func:`append_event` does for each, in a few statements instead of two per topic.

    Each topic keeps its own chain; ``topics`` must not repeat.
    """
    if len(set(topics)) != len(topics):
        raise ValueError("append_events: a topic twice")
    heads = chain_heads(conn, topics)
    data_json = canonical(data).decode()
    digest = _hasher(at, event, data_json)
    genesis = ChainHead(0, GENESIS)
    rows = []
    events = []
    for topic in topics:
        head = heads.get(topic, genesis)
        seq = head.seq + 1
        rows.append((topic, seq, at, event, data_json, head.hash, digest(topic, seq, head.hash)))
        events.append(Event(topic=topic, seq=seq, at=at, event=event, data=data))
    if rows:
        _INSERT.many_rows(conn, _COLUMNS, rows)
    return events


def current_seq(conn: Connection, topic: str) -> int:
    return conn.execute(
        select(func.coalesce(func.max(event_log.c.seq), 0)).where(event_log.c.topic == topic)
    ).scalar_one()


def events_between(conn: Connection, topic: str, after: int, upto: int | None = None,
                   limit: int | None = None) -> list[Event]:
    query = select(event_log).where(event_log.c.topic == topic, event_log.c.seq > after)
    if upto is not None:
        query = query.where(event_log.c.seq <= upto)
    query = query.order_by(event_log.c.seq)
    if limit is not None:
        query = query.limit(limit)
    return [
        Event(topic=r.topic, seq=r.seq, at=r.at, event=r.event, data=msgspec.json.decode(r.data))
        for r in conn.execute(query)
    ]


@dataclass(frozen=True)
class BrokenLink:
    topic: str
    seq: int
    row_id: int | None
    reason: str

    def __str__(self) -> str:
        return f"{self.topic} seq {self.seq} (row {self.row_id}): {self.reason}"


def verify_chain(conn: Connection) -> tuple[int, BrokenLink | None]:
    """Recompute every topic's chain; return (events checked, first broken link)."""
    checked = 0
    topics = [r[0] for r in conn.execute(select(event_log.c.topic).distinct())]
    for topic in sorted(topics):
        prev = GENESIS
        expected_seq = 1
        for row in _rows(conn, topic):
            checked += 1
            if row.seq != expected_seq:
                return checked, BrokenLink(
                    topic, expected_seq, row.id,
                    f"event seq {expected_seq} is missing (next row has seq {row.seq})",
                )
            if row.prev_hash != prev:
                return checked, BrokenLink(
                    topic, row.seq, row.id, "prev_hash does not match the previous event"
                )
            digest = event_hash(row.topic, row.seq, row.at, row.event, row.data, row.prev_hash)
            if digest != row.hash:
                return checked, BrokenLink(
                    topic, row.seq, row.id, "content does not match its hash (row edited)"
                )
            prev = row.hash
            expected_seq += 1
    return checked, None


@dataclass(frozen=True, slots=True)
class Anchor:
    """A topic's head written down outside the database (the minutes print one).

    A chain alone cannot show that its last events were deleted, or that it
    was rewritten and rehashed; a head kept elsewhere can: the event must
    still be there with the same hash, and the chain up to it intact.
    """

    topic: str
    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.topic}@{self.seq}={self.hash}"

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """``meeting:1@123=<64 hex>``, as printed; ValueError otherwise."""
        topic, _, rest = text.strip().rpartition("@")
        seq, _, digest = rest.partition("=")
        digest = digest.lower()
        if not topic or not seq.isdigit() or len(digest) != 64 or not all(
                c in "0123456789abcdef" for c in digest):
            raise ValueError(f"not an anchor (TOPIC@SEQ=SHA256): {text!r}")
        return cls(topic, int(seq), digest)


def anchor_of(conn: Connection, topic: str) -> Anchor | None:
    """The topic's head as an anchor; None before its first event."""
    head = chain_head(conn, topic)
    return Anchor(topic, head.seq, head.hash) if head.seq else None


def check_anchor(conn: Connection, anchor: Anchor) -> BrokenLink | None:
    """Whether the history up to ``anchor`` is the one that was written down.

    Run with :func:`verify_chain`, which proves every link up to the anchor.
    """
    row = conn.execute(select(event_log.c.id, event_log.c.hash).where(
        event_log.c.topic == anchor.topic, event_log.c.seq == anchor.seq)).first()
    if row is None:
        return BrokenLink(anchor.topic, anchor.seq, None,
                          "the anchored event is gone (events deleted from the end)")
    if row.hash != anchor.hash:
        return BrokenLink(anchor.topic, anchor.seq, row.id,
                          "the history up to the anchor was rewritten (hash differs)")
    return None


def _rows(conn: Connection, topic: str) -> Iterator[Any]:
    yield from conn.execute(
        select(event_log).where(event_log.c.topic == topic).order_by(event_log.c.seq)
    )
