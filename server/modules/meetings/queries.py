"""What other modules may ask the meetings module (its query interface).

Everything here runs inside a unit of work on the database thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.engine import Connection

from meeting_protocol.roles import CHAIR, CLERK, DELEGATE, VICE_CHAIR
from meeting_protocol.rules import quorum_for
from meeting_protocol.state import Attendance
from server.errors import Conflict, NotFound
from server.modules.meetings.tables import meetings, participants
from server.storage.prepared import Prepared

if TYPE_CHECKING:
    from server.services import Services
    from server.storage.committer import Tx

MEETING_ENDED = "Cuộc họp đã kết thúc."
DRAFT = "draft"

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
    """The least number present meeting the meeting's quorum rule, for its delegates now."""
    expected = conn.execute(
        select(func.count()).where(
            participants.c.meeting_id == meeting_id, participants.c.role == DELEGATE)
    ).scalar_one()
    rule = conn.execute(select(meetings.c.quorum_rule)
                        .where(meetings.c.id == meeting_id)).scalar_one()
    return quorum_for(int(expected), rule)



def ensure_not_ended(conn: Connection, meeting_id: int) -> dict[str, Any]:
    """The meeting's row; ``conflict`` once it has ended (nothing may change then)."""
    m = meeting_row(conn, meeting_id)
    if m["status"] == "ended":
        raise Conflict(MEETING_ENDED, en="The meeting has ended.")
    if m["status"] == "cancelled":
        raise Conflict("Cuộc họp đã bị hủy.", en="The meeting was cancelled.")
    return m


# On every meeting-scoped command (the ballot path included): prepared.
_ROLE = Prepared(
    select(participants.c.role, meetings.c.status)
    .select_from(participants.join(meetings, meetings.c.id == participants.c.meeting_id))
    .where(participants.c.meeting_id == bindparam("meeting"),
           participants.c.user_id == bindparam("user")))

DRAFT_READERS = frozenset({CHAIR, VICE_CHAIR, CLERK})
"""Participants who see a meeting while it is a draft (besides admins and office)."""


def role_in_meeting(conn: Connection, meeting_id: int, user_id: int) -> str | None:
    """The user's role, or None when not a participant — or when the meeting is still a
    draft and the user is not among those who prepare it (a draft does not exist for
    delegates: PROTOCOL.md "Preparing meetings")."""
    row = _ROLE.first(conn, {"meeting": meeting_id, "user": user_id})
    if row is None:
        return None
    role, status = row
    if status == DRAFT and role not in DRAFT_READERS:
        return None
    return role  # type: ignore[no-any-return]


def meeting_exists(conn: Connection, meeting_id: int) -> bool:
    found = conn.execute(select(meetings.c.id).where(meetings.c.id == meeting_id)).first()
    return found is not None


class MeetingMembership:
    """The dispatcher's :class:`~server.dispatch.Membership`, backed by these tables."""

    role_in_meeting = staticmethod(role_in_meeting)
    meeting_exists = staticmethod(meeting_exists)


# --- invitation hook ----------------------------------------------------------------------

Invited = Callable[["Tx", int, str, str, list[int]], Any]
"""``(tx, meeting_id, title, starts_at, user_ids)``: people newly invited to a published
meeting, called inside the unit of work that published the meeting or added them."""

_INVITED = "meetings.invited"


def on_invited(services: Services, hook: Invited) -> None:
    """Call ``hook`` whenever people are invited to a published meeting (a later module,
    e.g. alerts, registers here: the meetings module may not import it)."""
    services.extra.setdefault(_INVITED, []).append(hook)


def invited(services: Services, tx: Tx, meeting_id: int, user_ids: list[int]) -> None:
    """Run the registered hooks for ``user_ids`` if the meeting is published and still to
    come or running (not a draft, not cancelled)."""
    hooks = services.extra.get(_INVITED)
    if not hooks or not user_ids:
        return
    m = meeting_row(tx.conn, meeting_id)
    if m["status"] not in ("scheduled", "in_progress"):
        return
    for hook in hooks:
        hook(tx, meeting_id, m["title"], m["starts_at"], user_ids)


# --- agenda items that bring a directive back ------------------------------------------

AgendaLinkCheck = Callable[[Connection, int], bool]
"""``(conn, directive_id) -> exists``: registered by the directives module."""

_AGENDA_LINK = "meetings.agenda_link"


def on_agenda_link(services: Services, check: AgendaLinkCheck) -> None:
    """How ``agenda.add`` checks a ``directive_id`` (the module that owns directives)."""
    services.extra[_AGENDA_LINK] = check


def agenda_link_ok(services: Services, conn: Connection, directive_id: int) -> bool:
    """False when no module checks directives (none to link) or the directive is unknown."""
    check = services.extra.get(_AGENDA_LINK)
    return check is not None and check(conn, directive_id)
