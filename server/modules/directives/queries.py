"""What other modules may ask the directives module (inside a unit of work)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from server.modules.directives.tables import directives


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
