"""What the registry needs from the organisation module, in one place.

The org module (units, unit members, global roles) is built on another branch; until it
is merged these answer from what main has: no unit memberships, and any positive unit id
is taken as given. After the merge they ask ``server.modules.org.queries``.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection


def user_unit_ids(conn: Connection, user_id: int) -> set[int]:
    """The units whose work the user handles (their own unit)."""
    return set()


def unit_exists(conn: Connection, unit_id: int) -> bool:
    return unit_id > 0
