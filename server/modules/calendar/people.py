"""Who is who, for the calendar: the one place that asks the organisation module.

Units, their members and heads, and global roles belong to ``org``; the calendar reads
them through its query interface (``server.modules.org.service``) and its tables, never
its internals. Everything unit-shaped in the calendar goes through these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from server.dispatch import Session
from server.errors import NotFound
from server.modules.accounts.tables import users
from server.modules.org import service as org
from server.modules.org.tables import org_units

SEE_ALL = ("office", "leader")
"""PROTOCOL.md: leaders, office and admins see every event (admins pass every role check)."""
EDIT_ALL = ("office",)
"""The office keeps the calendar: it may create, edit and cancel any event."""


def sees_all(session: Session) -> bool:
    return session.has_role(*SEE_ALL)


def edits_all(session: Session) -> bool:
    return session.has_role(*EDIT_ALL)


def user_unit(conn: Connection, user_id: int) -> int | None:
    return org.unit_of(conn, user_id)


def unit_heads(conn: Connection, unit_ids: Iterable[int]) -> dict[int, set[int]]:
    """Unit → its head, who is booked whenever the unit is (a unit's leader booked twice)."""
    return {unit: {head} for unit, head in org.heads_of_units(conn, unit_ids).items()}


def check_users(conn: Connection, ids: Iterable[int]) -> None:
    wanted = set(ids)
    if not wanted:
        return
    found = set(conn.execute(select(users.c.id).where(users.c.id.in_(wanted))).scalars())
    if wanted - found:
        raise NotFound("Không tìm thấy người dùng.", en="User not found.")


def check_units(conn: Connection, ids: Iterable[int]) -> None:
    for unit_id in set(ids):
        if not org.unit_exists(conn, unit_id):
            raise NotFound("Không tìm thấy đơn vị.", en="Unit not found.")


def names(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    return dict(conn.execute(select(users.c.id, users.c.full_name)  # type: ignore[arg-type]
                             .where(users.c.id.in_(wanted))).all())


def unit_names(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    return dict(conn.execute(select(org_units.c.id, org_units.c.name)  # type: ignore[arg-type]
                             .where(org_units.c.id.in_(wanted))).all())


@dataclass(frozen=True)
class Office:
    """Who publishes the week: the office's unit, its parent and its head (the Chánh Văn
    phòng who signs)."""

    agency: str | None
    parent: str | None
    head_name: str | None


def office(conn: Connection) -> Office:
    """The unit headed by a user with the ``office`` role (the demo's Văn phòng)."""
    for user_id in org.users_with_role(conn, "office"):
        row = conn.execute(select(org_units.c.name, org_units.c.parent_id).where(
            org_units.c.head_id == user_id)).first()
        if row is None:
            continue
        parent = conn.execute(select(org_units.c.name).where(
            org_units.c.id == row.parent_id)).scalar() if row.parent_id else None
        return Office(agency=row.name, parent=parent, head_name=names(conn, [user_id]).get(
            user_id))
    return Office(None, None, None)


def session_for(conn: Connection, user: dict) -> Session:  # type: ignore[type-arg]
    """A :class:`Session` for a user known by token outside the WebSocket (``.ics``)."""
    who = org.profile(conn, user["id"])
    return Session(user_id=user["id"], username=user["username"],
                   full_name=user["full_name"], is_admin=bool(user["is_admin"]),
                   token_hash="", roles=frozenset(who.roles), unit_id=who.unit_id)
