"""What other modules may ask the directives module (inside a unit of work)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from server.modules.accounts.tables import users
from server.modules.directives.tables import directives
from server.modules.org.tables import org_units


def created_from_meeting(conn: Connection, meeting_id: int) -> list[dict[str, Any]]:
    """Directives whose source is this meeting (the conclusion notice lists them):
    ``[{directive_id, item_id, content, assignee_id, assignee_unit_id, deadline}]``."""
    d = directives.c
    rows = conn.execute(select(d.id, d.source_item_id, d.content, d.assignee_id,
                               d.assignee_unit_id, d.deadline)
                        .where(d.source_meeting_id == meeting_id).order_by(d.id)).all()
    return [{"directive_id": r.id, "item_id": r.source_item_id, "content": r.content,
             "assignee_id": r.assignee_id, "assignee_unit_id": r.assignee_unit_id,
             "deadline": r.deadline} for r in rows]


def notice_lines(conn: Connection, meeting_id: int) -> list[tuple[str, str, str | None]]:
    """``(content, assigned to, deadline)`` of the directives a meeting created, for its
    conclusion notice: "assigned to" is the unit's name, else the person's."""
    d = directives.c
    rows = conn.execute(
        select(d.content, users.c.full_name, org_units.c.name, d.deadline)
        .outerjoin(users, users.c.id == d.assignee_id)
        .outerjoin(org_units, org_units.c.id == d.assignee_unit_id)
        .where(d.source_meeting_id == meeting_id).order_by(d.id)).all()
    return [(r[0], r[2] or r[1] or "", r[3]) for r in rows]
