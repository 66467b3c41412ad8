"""Build a meeting's :class:`Snapshot` from the tables (the replica's start)."""

from __future__ import annotations

import msgspec
from sqlalchemy import bindparam, case, func, select
from sqlalchemy.engine import Connection

from meeting_protocol.rules import quorum_for
from meeting_protocol.state import (
    AgendaItem,
    Attendance,
    Ballot,
    MeetingInfo,
    Participant,
    Poll,
    Presentation,
    Snapshot,
    Speaker,
)
from server.errors import NotFound
from server.modules.accounts.tables import users
from server.modules.meetings.tables import agenda_items, meetings, participants
from server.modules.speakers.tables import speaker_requests
from server.modules.voting.tables import open_ballots, poll_tallies, poll_voters, polls
from server.storage.prepared import Prepared


def meeting_row(conn: Connection, meeting_id: int) -> dict:  # type: ignore[type-arg]
    row = conn.execute(select(meetings).where(meetings.c.id == meeting_id)).first()
    if row is None:
        raise NotFound("Không tìm thấy cuộc họp.", en="Meeting not found.")
    return dict(row._mapping)


def attendance(conn: Connection, meeting_id: int, quorum: int | None = None) -> Attendance:
    """Present and expected count delegates only; chair and clerk are not counted."""
    row = conn.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((participants.c.present, 1), else_=0)), 0),
        ).where(participants.c.meeting_id == meeting_id, participants.c.role == "delegate")
    ).one()
    expected, present = int(row[0]), int(row[1])
    if quorum is None:
        quorum = int(conn.execute(
            select(meetings.c.quorum).where(meetings.c.id == meeting_id)).scalar_one())
    return Attendance(present=present, expected=expected, quorum_met=present >= quorum)


def default_quorum(conn: Connection, meeting_id: int) -> int:
    expected = conn.execute(
        select(func.count()).where(
            participants.c.meeting_id == meeting_id, participants.c.role == "delegate")
    ).scalar_one()
    return quorum_for(int(expected))


def build_snapshot(conn: Connection, meeting_id: int) -> Snapshot:
    m = meeting_row(conn, meeting_id)
    info = MeetingInfo(
        id=m["id"], title=m["title"], starts_at=m["starts_at"], status=m["status"],
        quorum=m["quorum"], majority=m["majority"], location=m["location"], body=m["body"],
        started_at=m["started_at"], ended_at=m["ended_at"],
    )
    agenda = [
        AgendaItem(id=r.id, title=r.title, position=r.position, active=bool(r.active),
                   taken_up_at=r.taken_up_at)
        for r in conn.execute(
            select(agenda_items).where(agenda_items.c.meeting_id == meeting_id)
            .order_by(agenda_items.c.position)
        )
    ]
    people = [
        Participant(user_id=r.user_id, username=r.username, full_name=r.full_name, role=r.role,
                    seat=r.seat, present=bool(r.present), absence_reason=r.absence_reason)
        for r in conn.execute(
            select(participants, users.c.username, users.c.full_name)
            .join(users, users.c.id == participants.c.user_id)
            .where(participants.c.meeting_id == meeting_id)
            .order_by(participants.c.user_id)
        )
    ]
    speakers = [
        Speaker(request_id=r.id, user_id=r.user_id, status=r.status,
                requested_at=r.requested_at, granted_at=r.granted_at, limit_s=r.limit_s,
                seat=r.seat)
        for r in conn.execute(
            select(speaker_requests).where(
                speaker_requests.c.meeting_id == meeting_id,
                speaker_requests.c.status.in_(("waiting", "speaking")),
            ).order_by(speaker_requests.c.id)
        )
    ]
    presentation = None
    if m["presentation_document_id"] is not None:
        presentation = Presentation(document_id=m["presentation_document_id"],
                                    page=m["presentation_page"], presenter_id=m["presenter_id"])
    from server.modules.documents.snapshot import designated_presenter, shared_documents
    from server.modules.hall.commands import hall_choice

    return Snapshot(
        meeting=info, agenda=agenda, participants=people,
        attendance=attendance(conn, meeting_id, m["quorum"]), speakers=speakers,
        polls=poll_states(conn, meeting_id), presentation=presentation,
        documents=shared_documents(conn, meeting_id),
        designated_presenter=designated_presenter(conn, meeting_id),
        hall=hall_choice(conn, meeting_id),
    )


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


class SnapshotCache:
    """Each meeting's latest snapshot, keyed by the head of its event chain.

    A whole chamber subscribing at once (session start, a server restart)
    then costs one snapshot instead of one per terminal, in database time
    and in memory. The key is ``(seq, hash)`` of the topic's last event, so
    a snapshot built inside a batch whose commit failed can never be served
    for the different events that later take the same ``seq``. Every change
    to a meeting's shared state emits an event, which moves the key. Only the
    database thread uses it.
    """

    def __init__(self) -> None:
        self._last: dict[int, tuple[tuple[int, str], Snapshot]] = {}

    def get(self, conn: Connection, meeting_id: int, head: tuple[int, str]) -> Snapshot:
        hit = self._last.get(meeting_id)
        if hit is not None and hit[0] == head:
            return hit[1]
        snapshot = build_snapshot(conn, meeting_id)
        self._last[meeting_id] = (head, snapshot)
        return snapshot
