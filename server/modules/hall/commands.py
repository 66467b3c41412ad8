"""hall.show: the chair pins what the chamber's screens display."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from meeting_protocol import events as ev
from meeting_protocol.hall import HallShow
from meeting_protocol.state import HallChoice
from server.dispatch import CHAIR, CommandSet, Context, meeting_roles
from server.errors import Conflict, NotFound
from server.modules.hall.tables import hall_choices
from server.modules.voting.tables import polls
from server.storage.committer import Tx

commands = CommandSet()


def hall_choice(conn: Connection, meeting_id: int) -> HallChoice | None:
    row = conn.execute(select(hall_choices).where(hall_choices.c.meeting_id == meeting_id)
                       ).first()
    return HallChoice(view=row.view, poll_id=row.poll_id) if row else None


@commands.command("hall.show", access=meeting_roles(CHAIR), payload=HallShow)
def show(ctx: Context, tx: Tx, p: HallShow) -> dict[str, Any]:
    """Every hall screen switches at once; ``auto`` hands the choice back to the state."""
    poll_id = p.poll_id if p.view == "result" else None
    if poll_id is not None:
        status = tx.conn.execute(select(polls.c.status).where(
            polls.c.id == poll_id, polls.c.meeting_id == p.meeting_id)).scalar_one_or_none()
        if status is None:
            raise NotFound("Không tìm thấy phiên biểu quyết.", en="No such poll.")
        if status != "closed":
            raise Conflict("Phiên biểu quyết chưa kết thúc.", en="The poll is not closed.")
    tx.conn.execute(delete(hall_choices).where(hall_choices.c.meeting_id == p.meeting_id))
    if p.view != "auto":
        tx.conn.execute(insert(hall_choices).values(meeting_id=p.meeting_id, view=p.view,
                                                    poll_id=poll_id))
    event = tx.emit(ev.meeting_topic(p.meeting_id), ev.HallViewChanged(view=p.view,
                                                                         poll_id=poll_id))
    return event.data
