"""Who belongs to a unit, for ``participant.add_unit``.

The organisation module (units, users' units) is built on another branch; until it is
merged there are no units, so every unit is unknown. After the merge this reads the org
module's query interface (the one place to change).
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from server.errors import NotFound


def unit_member_ids(conn: Connection, unit_id: int) -> list[int]:
    """Active users of the unit, by id; ``not_found`` for a unit that does not exist."""
    raise NotFound(f"Không tìm thấy đơn vị (mã {unit_id}).", en=f"No such unit ({unit_id}).")
