"""The voting module's query interface: poll states for the snapshot, tallies, ballots."""

from __future__ import annotations

import msgspec
from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Connection

from meeting_protocol.state import Ballot, Poll
from server.modules.voting.tables import open_ballots, poll_tallies, poll_voters, polls
from server.storage.prepared import Prepared


def poll_states(conn: Connection, meeting_id: int) -> list[Poll]:
    result = []
    for r in conn.execute(
        select(polls).where(polls.c.meeting_id == meeting_id).order_by(polls.c.id)
    ):
        options = msgspec.json.decode(r.options)
        cast = 0
        tally = ballots = None
        if r.status in ("open", "closed"):
            cast = conn.execute(
                select(func.count()).where(poll_voters.c.poll_id == r.id)).scalar_one()
        if r.status == "closed":
            tally = tally_of(conn, r.id, options)
            if not r.secret:
                ballots = named_ballots(conn, r.id)
        result.append(Poll(
            poll_id=r.id, title=r.title, agenda_item_id=r.agenda_item_id, secret=bool(r.secret),
            options=options, majority=r.majority, status=r.status, cast=cast,
            eligible=r.eligible, tally=tally, outcome=r.outcome,
            ballots=ballots,
            opened_at=r.opened_at, closed_at=r.closed_at,
        ))
    return result


def tally_of(conn: Connection, poll_id: int, options: list[str]) -> dict[str, int]:
    counts = dict(conn.execute(
        select(poll_tallies.c.option, poll_tallies.c.count).where(poll_tallies.c.poll_id == poll_id)
    ).all())
    return {o: int(counts.get(o, 0)) for o in options}


# A thousand rows on the way to every terminal's poll.closed: prepared.
_NAMED_BALLOTS = Prepared(
    select(open_ballots.c.user_id, open_ballots.c.choice)
    .where(open_ballots.c.poll_id == bindparam("poll")).order_by(open_ballots.c.user_id))


def named_ballots(conn: Connection, poll_id: int) -> list[Ballot]:
    return [Ballot(user_id, choice)
            for user_id, choice in _NAMED_BALLOTS.all(conn, {"poll": poll_id})]
