"""Who belongs to a unit, for ``participant.add_unit`` (through the org module's service)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from server.errors import NotFound
from server.modules.org import service as org


def unit_member_ids(conn: Connection, unit_id: int) -> list[int]:
    """Active members of the unit itself, by id; ``not_found`` for a unit that does not exist."""
    if not org.unit_exists(conn, unit_id):
        raise NotFound(f"Không tìm thấy đơn vị (mã {unit_id}).", en=f"No such unit ({unit_id}).")
    return org.users_of_unit(conn, unit_id)
