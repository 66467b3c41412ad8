"""Queries about people and units that other modules may use.

This is the org module's declared query interface: the calendar asks for a
unit's members, directives for a unit's head, alerts for the users holding a
role. Every function takes the unit of work's connection and only reads.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.engine import Connection

from meeting_protocol.org import GLOBAL_ROLES
from server.modules.accounts.service import Profile
from server.modules.accounts.tables import users
from server.modules.org.tables import org_people, org_units, org_user_roles

HEAD_TITLES = ("Chủ tịch", "Chánh Văn phòng", "Chánh Thanh tra", "Trưởng phòng",
               "Trưởng ban", "Giám đốc")
"""Positions that make a person head of their unit when the unit names no head."""


def _order_roles(roles: set[str]) -> tuple[str, ...]:
    return tuple(r for r in GLOBAL_ROLES if r in roles)


def roles_of(conn: Connection, user_id: int) -> tuple[str, ...]:
    """Global roles, in the order of GLOBAL_ROLES; ``admin`` is ``users.is_admin``."""
    is_admin = conn.execute(select(users.c.is_admin).where(users.c.id == user_id)).scalar()
    roles = set(conn.execute(select(org_user_roles.c.role)
                             .where(org_user_roles.c.user_id == user_id)).scalars())
    if is_admin:
        roles.add("admin")
    return _order_roles(roles)


def profile(conn: Connection, user_id: int) -> Profile:
    row = conn.execute(
        select(users.c.title, org_people.c.unit_id, org_people.c.active,
               org_people.c.must_change_password)
        .select_from(users.outerjoin(org_people, org_people.c.user_id == users.c.id))
        .where(users.c.id == user_id)).first()
    if row is None:
        return Profile(None, None, (), False, False)
    return Profile(
        unit_id=row.unit_id, position=row.title, roles=roles_of(conn, user_id),
        active=row.active is None or bool(row.active),
        must_change_password=bool(row.must_change_password),
    )


def unit_of(conn: Connection, user_id: int) -> int | None:
    return conn.execute(select(org_people.c.unit_id)  # type: ignore[no-any-return]
                        .where(org_people.c.user_id == user_id)).scalar()


def units(conn: Connection) -> list[dict[str, object]]:
    """Every unit as PROTOCOL.md lists them (plus ``head_id``), parents before children."""
    rows = [dict(r._mapping) for r in conn.execute(
        select(org_units.c.id, org_units.c.name, org_units.c.code, org_units.c.parent_id,
               org_units.c.head_id).order_by(org_units.c.id))]
    return rows


def children_map(conn: Connection) -> dict[int | None, list[int]]:
    kids: dict[int | None, list[int]] = {}
    for uid, parent in conn.execute(select(org_units.c.id, org_units.c.parent_id)):
        kids.setdefault(parent, []).append(uid)
    return kids


def subtree(conn: Connection, unit_id: int) -> set[int]:
    """The unit and every unit below it."""
    kids = children_map(conn)
    found: set[int] = set()
    todo = [unit_id]
    while todo:
        u = todo.pop()
        if u in found:
            continue
        found.add(u)
        todo.extend(kids.get(u, ()))
    return found


def unit_exists(conn: Connection, unit_id: int) -> bool:
    return conn.execute(select(org_units.c.id).where(org_units.c.id == unit_id)).first() \
        is not None


def users_of_unit(conn: Connection, unit_id: int, *, below: bool = False,
                  active_only: bool = True) -> list[int]:
    """Ids of the unit's members (with ``below``: of its whole subtree)."""
    wanted = subtree(conn, unit_id) if below else {unit_id}
    query = select(org_people.c.user_id).where(org_people.c.unit_id.in_(wanted))
    if active_only:
        query = query.where(org_people.c.active.is_(True))
    return sorted(conn.execute(query).scalars())


def users_with_role(conn: Connection, role: str) -> list[int]:
    """Active users holding a global role (``admin`` included)."""
    if role == "admin":
        ids = set(conn.execute(select(users.c.id).where(users.c.is_admin.is_(True))).scalars())
    else:
        ids = set(conn.execute(select(org_user_roles.c.user_id)
                               .where(org_user_roles.c.role == role)).scalars())
    inactive = set(conn.execute(select(org_people.c.user_id)
                                .where(org_people.c.active.is_(False))).scalars())
    return sorted(ids - inactive)


def head_of_unit(conn: Connection, unit_id: int) -> int | None:
    """The unit's named head, else its active member whose position is a head's title."""
    return heads_of_units(conn, [unit_id]).get(unit_id)


def heads_of_units(conn: Connection, unit_ids: Iterable[int]) -> dict[int, int]:
    """:func:`head_of_unit` of many units in two queries (a calendar week names dozens)."""
    wanted = sorted(set(unit_ids))
    if not wanted:
        return {}
    out = {int(uid): int(head) for uid, head in conn.execute(
        select(org_units.c.id, org_units.c.head_id).where(
            org_units.c.id.in_(wanted), org_units.c.head_id.is_not(None)))}
    rest = [u for u in wanted if u not in out]
    if not rest:
        return out
    members: dict[int, list[tuple[int, str | None]]] = {}
    for unit_id, uid, position in conn.execute(
            select(org_people.c.unit_id, users.c.id, users.c.title)
            .join(org_people, org_people.c.user_id == users.c.id)
            .where(org_people.c.unit_id.in_(rest), org_people.c.active.is_(True))
            .order_by(users.c.id)):
        members.setdefault(unit_id, []).append((uid, position))
    for unit_id in rest:
        rows = members.get(unit_id, [])
        head = next((uid for title in HEAD_TITLES for uid, position in rows
                     if position and position.startswith(title)), None)
        if head is not None:
            out[unit_id] = int(head)
    return out


def directory(conn: Connection) -> list[dict[str, object]]:
    """Every user as ``org.users`` lists them: no secrets."""
    role_rows: dict[int, set[str]] = {}
    for uid, role in conn.execute(select(org_user_roles.c.user_id, org_user_roles.c.role)):
        role_rows.setdefault(uid, set()).add(role)
    rows = conn.execute(
        select(users.c.id, users.c.username, users.c.full_name, users.c.title,
               users.c.is_admin, org_people.c.unit_id, org_people.c.active,
               org_people.c.email)
        .select_from(users.outerjoin(org_people, org_people.c.user_id == users.c.id))
        .order_by(users.c.id))
    out = []
    for r in rows:
        roles = set(role_rows.get(r.id, ()))
        if r.is_admin:
            roles.add("admin")
        out.append({"id": r.id, "username": r.username, "full_name": r.full_name,
                    "unit_id": r.unit_id, "position": r.title, "roles": list(_order_roles(roles)),
                    "active": r.active is None or bool(r.active), "email": r.email})
    return out
