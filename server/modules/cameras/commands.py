"""camera.list and camera.subscribe: for operators (and admins), never a source URL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from meeting_protocol import cameras as cp
from meeting_protocol.roles import OPERATOR
from server.dispatch import CommandSet, Context, Reply, global_roles
from server.modules.cameras.tables import cameras
from server.storage.committer import Tx
from server.storage.eventlog import current_seq, events_between

commands = CommandSet()
OPERATORS = global_roles(OPERATOR)


@commands.command("camera.list", access=OPERATORS, payload=cp.CameraList, read_only=True)
def camera_list(ctx: Context, tx: Tx, _p: cp.CameraList) -> dict[str, Any]:
    """Every camera by group and name, with its last known state."""
    rows = tx.conn.execute(select(cameras.c.id, cameras.c.name, cameras.c.group_name,
                                  cameras.c.state)
                           .order_by(cameras.c.group_name, cameras.c.name, cameras.c.id))
    return {"cameras": [{"camera_id": r.id, "name": r.name, "group": r.group_name,
                         "state": r.state} for r in rows]}


@commands.command("camera.subscribe", access=OPERATORS, payload=cp.CameraSubscribe,
                  read_only=True)
def camera_subscribe(ctx: Context, tx: Tx, p: cp.CameraSubscribe) -> Reply:
    """Follow ``cameras`` like ``user.subscribe``: the missed events, then live ones."""
    topic = cp.CAMERA_TOPIC
    seq = current_seq(tx.conn, topic)
    window = ctx.services.settings.resume_window
    missed = []
    data: dict[str, Any] = {"topic": topic, "seq": seq}
    if 0 < p.since <= seq and seq - p.since <= window:
        missed = events_between(tx.conn, topic, p.since, seq)
    elif p.since != seq:
        data["reset"] = True
    conn = ctx.conn

    def start_listening() -> None:
        conn.send_events(missed)
        conn.subscribe(topic)

    return Reply(data, after=start_listening)
