"""Build a meeting's :class:`Snapshot` from the tables (the replica's start)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from meeting_protocol.state import (
    AgendaItem,
    MeetingInfo,
    Participant,
    Presentation,
    Snapshot,
)
from server.modules.accounts.tables import users
from server.modules.meetings.preparation import seat_plan
from server.modules.meetings.queries import attendance, meeting_row
from server.modules.meetings.tables import agenda_items, participants

SnapshotPart = Callable[[Connection, int], Any]
"""A module's share of the snapshot: ``(conn, meeting_id) -> value of one Snapshot field``."""


def build_snapshot(conn: Connection, meeting_id: int,
                   parts: Mapping[str, SnapshotPart]) -> Snapshot:
    """The meeting's own state plus each module's part (speakers, polls, papers, hall)."""
    m = meeting_row(conn, meeting_id)
    info = MeetingInfo(
        id=m["id"], title=m["title"], starts_at=m["starts_at"], status=m["status"],
        quorum=m["quorum"], majority=m["majority"], location=m["location"], body=m["body"],
        started_at=m["started_at"], ended_at=m["ended_at"], kind=m["kind"],
        ends_at=m["ends_at"], quorum_rule=m["quorum_rule"], speech_limit_s=m["speech_limit_s"],
    )
    agenda = [
        AgendaItem(id=r.id, title=r.title, position=r.position, active=bool(r.active),
                   taken_up_at=r.taken_up_at, duration_min=r.duration_min,
                   presenter_id=r.presenter_id, directive_id=r.directive_id)
        for r in conn.execute(
            select(agenda_items).where(agenda_items.c.meeting_id == meeting_id)
            .order_by(agenda_items.c.position)
        )
    ]
    people = [
        Participant(user_id=r.user_id, username=r.username, full_name=r.full_name, role=r.role,
                    seat=r.seat, present=bool(r.present), absence_reason=r.absence_reason,
                    reply=r.reply)
        for r in conn.execute(
            select(participants, users.c.username, users.c.full_name)
            .join(users, users.c.id == participants.c.user_id)
            .where(participants.c.meeting_id == meeting_id)
            .order_by(participants.c.user_id)
        )
    ]
    presentation = None
    if m["presentation_document_id"] is not None:
        presentation = Presentation(document_id=m["presentation_document_id"],
                                    page=m["presentation_page"], presenter_id=m["presenter_id"])
    return Snapshot(
        meeting=info, agenda=agenda, participants=people,
        attendance=attendance(conn, meeting_id, m["quorum"]), presentation=presentation,
        seat_plan=seat_plan(conn, meeting_id),
        **{field: part(conn, meeting_id) for field, part in parts.items()},
    )


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

    def __init__(self, parts: Mapping[str, SnapshotPart]) -> None:
        self.parts = dict(parts)
        """Snapshot field → the module function that fills it (from the manifests)."""
        self._last: dict[int, tuple[tuple[int, str], Snapshot]] = {}

    def get(self, conn: Connection, meeting_id: int, head: tuple[int, str]) -> Snapshot:
        hit = self._last.get(meeting_id)
        if hit is not None and hit[0] == head:
            return hit[1]
        snapshot = build_snapshot(conn, meeting_id, self.parts)
        self._last[meeting_id] = (head, snapshot)
        return snapshot
