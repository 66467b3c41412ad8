"""Who an alert goes to: users, the members of units, the holders of global roles.

Resolved once, when the alert is raised (someone who joins a unit later does
not get its old alerts). Units and roles are the organisation module's
(``server.modules.org.service``); deactivated accounts receive nothing through
a unit or a role.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection

from server.modules.accounts.tables import users
from server.modules.org import service as org
from server.storage.prepared import Prepared

_USER = Prepared(select(users.c.id).where(users.c.id == bindparam("id")))
_ALL_USERS = Prepared(select(users.c.id))


def existing_users(conn: Connection, user_ids: Iterable[int]) -> set[int]:
    """Those of ``user_ids`` that exist: looked up one by one (prepared) when few, else
    against the list of every user id (one statement; a city has thousands at most)."""
    wanted = set(user_ids)
    if len(wanted) <= 50:
        return {u for u in wanted if _USER.first(conn, {"id": u}) is not None}
    return wanted & {row[0] for row in _ALL_USERS.all(conn)}


def unit_members(conn: Connection, unit_ids: Iterable[int]) -> set[int]:
    """Active members of these units and of the units below them."""
    members: set[int] = set()
    for unit_id in set(unit_ids):
        members.update(org.users_of_unit(conn, unit_id, below=True))
    return members


def unknown_units(conn: Connection, unit_ids: Iterable[int]) -> list[int]:
    return sorted(u for u in set(unit_ids) if not org.unit_exists(conn, u))


def role_holders(conn: Connection, roles: Iterable[str]) -> set[int]:
    """Active users holding one of these global roles."""
    holders: set[int] = set()
    for role in set(roles):
        holders.update(org.users_with_role(conn, role))
    return holders


def resolve(conn: Connection, *, user_ids: Iterable[int] = (), unit_ids: Iterable[int] = (),
            roles: Iterable[str] = ()) -> list[int]:
    """Every recipient once, in id order."""
    found = existing_users(conn, user_ids)
    found |= unit_members(conn, unit_ids)
    found |= role_holders(conn, roles)
    return sorted(found)
