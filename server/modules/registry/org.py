"""What the registry needs from the organisation module, in one place (its ``service``
interface: the unit a user belongs to, whether a unit exists)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from server.modules.org import service as org


def user_unit_ids(conn: Connection, user_id: int) -> set[int]:
    """The units whose routed documents the user handles: their own unit."""
    unit = org.unit_of(conn, user_id)
    return set() if unit is None else {unit}


def unit_exists(conn: Connection, unit_id: int) -> bool:
    return org.unit_exists(conn, unit_id)
