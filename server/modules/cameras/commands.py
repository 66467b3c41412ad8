"""camera.list, camera.subscribe and camera.watch: for operators (and admins), never a
source URL."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from meeting_protocol import cameras as cp
from meeting_protocol.roles import OPERATOR
from server.dispatch import CommandSet, Context, Reply, follow_topic, global_roles
from server.errors import NotFound
from server.modules.cameras.tables import cameras
from server.modules.cameras.watch import PATH
from server.storage.committer import Tx

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
    return follow_topic(ctx, tx, cp.CAMERA_TOPIC, p.since)


UNSPECIFIED = {"0.0.0.0", "::", "[::]", ""}


def _api_base(ctx: Context) -> str:
    """The API port's base URL as this terminal reaches it: when the server listens on
    every address, the host the terminal connected to, with the API port."""
    base = ctx.services.api_url or ""
    parts = urlsplit(base)
    if parts.hostname not in UNSPECIFIED and parts.hostname is not None:
        return base
    ws = getattr(ctx.conn, "ws", None)
    host = None
    if ws is not None and getattr(ws, "request", None) is not None:
        host = urlsplit(f"//{ws.request.headers.get('Host', '')}").hostname
    host = host or "127.0.0.1"
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{host}:{parts.port}"


@commands.command("camera.watch", access=OPERATORS, payload=cp.CameraWatch, read_only=True)
def camera_watch(ctx: Context, tx: Tx, p: cp.CameraWatch) -> dict[str, Any]:
    """An expiring URL streaming this camera (``sub``: its sub stream, or the main one
    when it has none); see ``watch.py``."""
    row = tx.conn.execute(select(cameras.c.url, cameras.c.sub_url).where(
        cameras.c.id == p.camera_id)).first()
    if row is None:
        raise NotFound("Không tìm thấy camera.", en="Camera not found.")
    sub = bool(p.sub and row.sub_url)
    ticket, expires_at = ctx.services.extra["cameras"].watching.issue(
        p.camera_id, sub, row.sub_url if sub else row.url, tx.now)
    path = PATH.replace("{ticket}", ticket)
    return {"url": f"{_api_base(ctx)}{path}", "expires_at": expires_at}
