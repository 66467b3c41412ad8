"""Where an open secret poll keeps its voters and counters: the side database.

See ``server.storage.sidestore`` for why. Every function runs inside a unit of
work on the database thread, whose main connection has the side connection
bound to it.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from server.errors import ProtocolError
from server.modules.voting.tables import (
    poll_tallies,
    poll_voters,
    polls,
    secret_tallies,
    secret_voters,
)
from server.storage.prepared import Prepared
from server.storage.sidestore import side_of

_VOTED = Prepared(select(secret_voters.c.key_hash).where(
    secret_voters.c.poll_id == bindparam("poll"), secret_voters.c.user_id == bindparam("user")))
_ADD_VOTER = Prepared(insert(secret_voters).values(poll_id=bindparam("poll"),
                                                   user_id=bindparam("user"),
                                                   key_hash=bindparam("b_key")))
_COUNT = Prepared(update(secret_tallies)
                  .where(secret_tallies.c.poll_id == bindparam("poll"),
                         secret_tallies.c.option == bindparam("b_option"))
                  .values(count=secret_tallies.c.count + 1))
_CAST = Prepared(select(func.count()).select_from(secret_voters)
                 .where(secret_voters.c.poll_id == bindparam("poll")))


def side(conn: Connection) -> Connection:
    s = side_of(conn)
    if s is None:
        raise ProtocolError()  # only the committer's connection carries secret ballots
    return s


def start(conn: Connection, poll_id: int, options: list[str]) -> None:
    """poll.open: a zero counter per option."""
    s = side(conn)
    s.execute(delete(secret_tallies).where(secret_tallies.c.poll_id == poll_id))
    s.execute(delete(secret_voters).where(secret_voters.c.poll_id == poll_id))
    s.execute(insert(secret_tallies), [{"poll_id": poll_id, "option": o, "count": 0}
                                       for o in options])


def _key_hash(key: str | None) -> str | None:
    return hashlib.sha256(key.encode()).hexdigest() if key else None


def prior_ballot(conn: Connection, poll_id: int, user_id: int, key: str | None
                 ) -> str | None:
    """None: not voted yet; ``"same"``: this very command (same key) was counted;
    ``"other"``: the voter already cast another ballot."""
    row = _VOTED.first(side(conn), {"poll": poll_id, "user": user_id})
    if row is None:
        return None
    return "same" if key and row[0] == _key_hash(key) else "other"


def add_ballot(conn: Connection, poll_id: int, user_id: int, option: str,
               key: str | None) -> None:
    s = side(conn)
    _ADD_VOTER.run(s, {"poll": poll_id, "user": user_id, "b_key": _key_hash(key)})
    if _COUNT.run(s, {"poll": poll_id, "b_option": option}).rowcount != 1:
        # A poll opened before the side database existed (an upgrade mid-poll).
        s.execute(insert(secret_tallies).values(poll_id=poll_id, option=option, count=1))


def cast_count(conn: Connection, poll_id: int) -> int:
    s = side_of(conn)
    return 0 if s is None else int(_CAST.scalar(s, {"poll": poll_id}) or 0)


def voters(conn: Connection, poll_id: int) -> list[int]:
    """Who has voted in an open secret poll (ids only), sorted: never in what order."""
    s = side_of(conn)
    if s is None:
        return []
    return sorted(r[0] for r in s.execute(
        select(secret_voters.c.user_id).where(secret_voters.c.poll_id == poll_id)))


def finish(conn: Connection, poll_id: int) -> None:
    """poll.close: final counters and the voter list to the main database, in one go.

    The voters are inserted sorted by id and the counters are final, so the
    main database's history learns who voted and the totals — never in what
    order or in which groups.
    """
    s = side(conn)
    counts = s.execute(select(secret_tallies.c.option, secret_tallies.c.count)
                       .where(secret_tallies.c.poll_id == poll_id)).all()
    voters = sorted(u for (u,) in s.execute(
        select(secret_voters.c.user_id).where(secret_voters.c.poll_id == poll_id)))
    for option, count in counts:  # added: ballots of an upgrade mid-poll are already there
        conn.execute(update(poll_tallies).where(
            poll_tallies.c.poll_id == poll_id, poll_tallies.c.option == option
        ).values(count=poll_tallies.c.count + count))
    if voters:
        conn.execute(insert(poll_voters), [{"poll_id": poll_id, "user_id": u} for u in voters])


def purge(conn: Connection, poll_id: int) -> None:
    """Delete a closed poll's rows from the side database (``secure_delete`` zeroes them).

    A unit of its own, after the close committed: the side database commits first in
    every batch, so deleting in the close's own batch could lose the ballots if the
    server died between the two commits.
    """
    s = side(conn)
    s.execute(delete(secret_voters).where(secret_voters.c.poll_id == poll_id))
    s.execute(delete(secret_tallies).where(secret_tallies.c.poll_id == poll_id))


def purge_closed(conn: Connection) -> None:
    """At start-up: what a crash between a close and its purge left behind."""
    s = side_of(conn)
    if s is None:
        return
    left = {p for (p,) in s.execute(select(secret_tallies.c.poll_id).distinct())}
    left |= {p for (p,) in s.execute(select(secret_voters.c.poll_id).distinct())}
    for poll_id in left:
        status = conn.execute(select(polls.c.status).where(polls.c.id == poll_id)
                              ).scalar_one_or_none()
        if status != "open":
            purge(conn, poll_id)
