"""Who an alert goes to: users, the members of units, the holders of global roles.

Resolved once, when the alert is raised. Units and the roles other than
``admin`` belong to the organisation module; until it is merged they resolve
through :func:`unit_members` and :func:`role_holders` only (the two places to
complete), and resolve to nobody.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection

from meeting_protocol.roles import ADMIN
from server.modules.accounts.tables import users
from server.storage.prepared import Prepared

_USER = Prepared(select(users.c.id).where(users.c.id == bindparam("id")))


def existing_users(conn: Connection, user_ids: Iterable[int]) -> set[int]:
    """Those of ``user_ids`` that exist: looked up one by one (prepared) when few, else
    against the list of every user id (one statement; a city has thousands at most)."""
    wanted = set(user_ids)
    if len(wanted) <= 50:
        return {u for u in wanted if _USER.first(conn, {"id": u}) is not None}
    return wanted & set(conn.execute(select(users.c.id)).scalars())


def unit_members(conn: Connection, unit_ids: Iterable[int]) -> set[int]:
    """Users of these units (and their sub-units): the org module's answer."""
    del conn, unit_ids
    return set()


def role_holders(conn: Connection, roles: Iterable[str]) -> set[int]:
    """Users holding one of these global roles."""
    wanted = set(roles)
    holders: set[int] = set()
    if ADMIN in wanted:
        holders.update(conn.execute(select(users.c.id).where(users.c.is_admin)).scalars())
    return holders


def resolve(conn: Connection, *, user_ids: Iterable[int] = (), unit_ids: Iterable[int] = (),
            roles: Iterable[str] = ()) -> list[int]:
    """Every recipient once, in id order."""
    found = existing_users(conn, user_ids)
    found |= unit_members(conn, unit_ids)
    found |= role_holders(conn, roles)
    return sorted(found)
