"""alert.list and alert.ack: a user's own alerts, and nobody else's.

An alert raised to someone else answers exactly like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from meeting_protocol import alerts as ap
from meeting_protocol.documents import user_topic
from server.dispatch import AUTHENTICATED, CommandSet, Context
from server.errors import NotFound
from server.modules.alerts.queries import alert_row
from server.modules.alerts.tables import alert_recipients, alerts
from server.storage.committer import Tx

commands = CommandSet()


def _not_found() -> NotFound:
    return NotFound("Không tìm thấy cảnh báo.", en="Alert not found.")


@commands.command("alert.list", access=AUTHENTICATED, payload=ap.AlertList, read_only=True)
def alert_list(ctx: Context, tx: Tx, p: ap.AlertList) -> dict[str, Any]:
    """The user's own alerts, newest first."""
    query = (select(alerts, alert_recipients.c.acknowledged_at)
             .join(alert_recipients, alert_recipients.c.alert_id == alerts.c.id)
             .where(alert_recipients.c.user_id == ctx.user_id)
             .order_by(alerts.c.id.desc()).limit(p.limit))
    if p.unacknowledged:
        query = query.where(alert_recipients.c.acknowledged_at.is_(None))
    return {"alerts": [alert_row(r) for r in tx.conn.execute(query)]}


@commands.command("alert.ack", access=AUTHENTICATED, payload=ap.AlertAck)
def alert_ack(ctx: Context, tx: Tx, p: ap.AlertAck) -> dict[str, Any]:
    """Acknowledge one's own alert; again → the first acknowledgement's time."""
    mine = (alert_recipients.c.alert_id == p.alert_id) & (
        alert_recipients.c.user_id == ctx.user_id)
    acked = tx.conn.execute(select(alert_recipients.c.acknowledged_at).where(mine)).first()
    if acked is None:
        raise _not_found()
    if acked.acknowledged_at is not None:
        return {"alert_id": p.alert_id, "acknowledged_at": acked.acknowledged_at}
    tx.conn.execute(update(alert_recipients).where(mine).values(acknowledged_at=tx.now_iso))
    tx.emit(user_topic(ctx.user_id),
            ap.AlertAcknowledged(alert_id=p.alert_id, acknowledged_at=tx.now_iso))
    return {"alert_id": p.alert_id, "acknowledged_at": tx.now_iso}
