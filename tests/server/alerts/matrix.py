"""Rows of the authorization matrix (``tests/server/test_authorization.py``) for
``alert.*`` and ``message.*``: every signed-in user may use them, on their own
alerts and conversations only.

:func:`prepare` makes the objects the rows refer to: alert 1, raised (over the
real ingest) to every user of the matrix, and conversation 1 with message 1,
whose members are all of them.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from tests.server.alerts.support import add_source, post_alert
from tests.support.live import LiveServer
from tests.support.wsclient import WsClient

SIGNED_IN = {"chair", "clerk", "delegate", "observer", "admin", "outsider"}
USERNAMES = ("chair", "clerk", "d001", "observer", "outsider", "admin")


def alert_rows() -> dict[str, tuple[set[str], dict[str, Any]]]:
    return {
        "alert.list": (set(SIGNED_IN), {"unacknowledged": True}),
        "alert.ack": (set(SIGNED_IN), {"alert_id": 1}),
        "message.send": (set(SIGNED_IN), {"conversation_id": 1, "text": "Thử quyền"}),
        "message.list": (set(SIGNED_IN), {"conversation_id": 1}),
        "message.conversations": (set(SIGNED_IN), {}),
        "message.read": (set(SIGNED_IN), {"conversation_id": 1, "message_id": 1}),
    }


async def prepare(server: LiveServer) -> None:
    con = sqlite3.connect(server.db_path)
    try:
        ids = {name: con.execute("SELECT id FROM users WHERE username = ?",
                                 (name,)).fetchone()[0] for name in USERNAMES}
    finally:
        con.close()
    token = add_source(server, "ma-tran")
    status, reply = await post_alert(server, token, {
        "level": "info", "title": "Thử quyền", "audience": {"user_ids": list(ids.values())}})
    assert status == 201 and reply["alert_id"] == 1
    admin = await WsClient.signed_in(server.url, "admin")
    try:
        sent = await admin.act("message.send", text="Mở cuộc trao đổi",
                               to=[i for n, i in ids.items() if n != "admin"])
        assert sent["conversation_id"] == 1 and sent["message_id"] == 1
    finally:
        await admin.close()
