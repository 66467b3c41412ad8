"""Who is who, for the calendar: the one place that reads units and global roles.

The organisation module (branch ``org``) owns units, unit members and heads. Until it is
merged this reads its tables through the shared metadata when they exist and answers
"no unit" otherwise, so the calendar works (users, hosts, participants) on a server without
units. Everything unit-shaped in the calendar goes through these few functions.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from server.dispatch import Session
from server.errors import NotFound
from server.modules.accounts.tables import users
from server.storage.schema import metadata

SEE_ALL = ("office", "leader")
"""PROTOCOL.md: leaders, office and admins see every event (admins pass every role check)."""
EDIT_ALL = ("office",)
"""The office keeps the calendar: it may create, edit and cancel any event."""


def _org(name: str) -> Table | None:
    return metadata.tables.get(name)


def sees_all(session: Session) -> bool:
    return session.has_role(*SEE_ALL)


def edits_all(session: Session) -> bool:
    return session.has_role(*EDIT_ALL)


def user_unit(conn: Connection, user_id: int) -> int | None:
    people = _org("org_people")
    if people is None:
        return None
    return conn.execute(select(people.c.unit_id).where(
        people.c.user_id == user_id)).scalar_one_or_none()


def unit_heads(conn: Connection, unit_ids: Iterable[int]) -> dict[int, set[int]]:
    """Unit → the user ids that lead it (the org module's heads), for double bookings."""
    ids = list(unit_ids)
    people, roles = _org("org_people"), _org("org_user_roles")
    if not ids or people is None or roles is None:
        return {}
    rows = conn.execute(
        select(people.c.unit_id, people.c.user_id)
        .join(roles, roles.c.user_id == people.c.user_id)
        .where(people.c.unit_id.in_(ids), roles.c.role == "leader"))
    out: dict[int, set[int]] = {}
    for unit_id, user_id in rows:
        out.setdefault(unit_id, set()).add(user_id)
    return out


def check_users(conn: Connection, ids: Iterable[int]) -> None:
    wanted = set(ids)
    if not wanted:
        return
    found = set(conn.execute(select(users.c.id).where(users.c.id.in_(wanted))).scalars())
    if wanted - found:
        raise NotFound("Không tìm thấy người dùng.", en="User not found.")


def check_units(conn: Connection, ids: Iterable[int]) -> None:
    wanted = set(ids)
    units = _org("org_units")
    if not wanted or units is None:
        return
    found = set(conn.execute(select(units.c.id).where(units.c.id.in_(wanted))).scalars())
    if wanted - found:
        raise NotFound("Không tìm thấy đơn vị.", en="Unit not found.")


def names(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    return dict(conn.execute(select(users.c.id, users.c.full_name)  # type: ignore[arg-type]
                             .where(users.c.id.in_(wanted))).all())


def unit_names(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    units = _org("org_units")
    if not wanted or units is None:
        return {}
    return dict(conn.execute(select(units.c.id, units.c.name)  # type: ignore[arg-type]
                             .where(units.c.id.in_(wanted))).all())


def session_for(conn: Connection, user: dict) -> Session:  # type: ignore[type-arg]
    """A :class:`Session` for a user known by token outside the WebSocket (``.ics``)."""
    roles = {"admin"} if user["is_admin"] else set()
    table = _org("org_user_roles")
    if table is not None:
        roles |= set(conn.execute(select(table.c.role).where(
            table.c.user_id == user["id"])).scalars())
    return Session(user_id=user["id"], username=user["username"],
                   full_name=user["full_name"], is_admin=bool(user["is_admin"]),
                   token_hash="", roles=frozenset(roles))
