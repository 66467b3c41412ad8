"""What other modules may ask the meetings module (its query interface).

Everything here runs inside a unit of work on the database thread.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.engine import Connection

from meeting_protocol.roles import DELEGATE
from meeting_protocol.rules import quorum_for
from meeting_protocol.state import Attendance
from server.errors import Conflict, NotFound
from server.modules.meetings.tables import meetings, participants
from server.storage.prepared import Prepared

MEETING_ENDED = "Cuộc họp đã kết thúc."

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
        ).where(participants.c.meeting_id == meeting_id, participants.c.role == DELEGATE)
    ).one()
    expected, present = int(row[0]), int(row[1])
    if quorum is None:
        quorum = int(conn.execute(
            select(meetings.c.quorum).where(meetings.c.id == meeting_id)).scalar_one())
    return Attendance(present=present, expected=expected, quorum_met=present >= quorum)


def default_quorum(conn: Connection, meeting_id: int) -> int:
    expected = conn.execute(
        select(func.count()).where(
            participants.c.meeting_id == meeting_id, participants.c.role == DELEGATE)
    ).scalar_one()
    return quorum_for(int(expected))



def ensure_not_ended(conn: Connection, meeting_id: int) -> dict[str, Any]:
    """The meeting's row; ``conflict`` once it has ended (nothing may change then)."""
    m = meeting_row(conn, meeting_id)
    if m["status"] == "ended":
        raise Conflict(MEETING_ENDED, en="The meeting has ended.")
    return m


# On every meeting-scoped command (the ballot path included): prepared.
_ROLE = Prepared(select(participants.c.role).where(
    participants.c.meeting_id == bindparam("meeting"), participants.c.user_id == bindparam("user")))


def role_in_meeting(conn: Connection, meeting_id: int, user_id: int) -> str | None:
    return _ROLE.scalar(conn, {"meeting": meeting_id, "user": user_id})  # type: ignore[no-any-return]


def meeting_exists(conn: Connection, meeting_id: int) -> bool:
    found = conn.execute(select(meetings.c.id).where(meetings.c.id == meeting_id)).first()
    return found is not None


class MeetingMembership:
    """The dispatcher's :class:`~server.dispatch.Membership`, backed by these tables."""

    role_in_meeting = staticmethod(role_in_meeting)
    meeting_exists = staticmethod(meeting_exists)
