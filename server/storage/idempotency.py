"""Durable memory of acknowledged commands: ``(user, key) → reply``.

Only ``result`` replies are remembered (an error changed nothing, so a retry
may run again). The row is written in the same transaction as the command's
effects, so after a crash either both exist or neither does.
"""

from __future__ import annotations

import hashlib
from typing import Any

import msgspec
from sqlalchemy import Column, Integer, String, Table, Text, bindparam, insert, select
from sqlalchemy.engine import Connection

from server.storage.prepared import Prepared
from server.storage.schema import metadata

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("user_id", Integer, primary_key=True),
    Column("key", String(100), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("reply", Text, nullable=False),
)

def fingerprint(command_type: str, fields: dict[str, Any]) -> str:
    """Identify a command without its secret parts.

    ``poll.cast`` leaves out ``choice``: a hash of three possible choices would
    link the voter to the choice of a secret ballot.
    """
    if command_type == "poll.cast":
        fields = {k: v for k, v in fields.items() if k != "choice"}
    body = msgspec.json.encode({"type": command_type, "fields": fields}, order="sorted")
    return hashlib.sha256(body).hexdigest()


# Every keyed command runs both: prepared (see ``server.storage.prepared``).
_LOOKUP = Prepared(select(idempotency_keys.c.fingerprint, idempotency_keys.c.reply).where(
    idempotency_keys.c.user_id == bindparam("user"), idempotency_keys.c.key == bindparam("key")))
_REMEMBER = Prepared(insert(idempotency_keys).values(
    user_id=bindparam("b_user"), key=bindparam("b_key"), fingerprint=bindparam("b_fp"),
    reply=bindparam("b_reply")))


def lookup(conn: Connection, user_id: int, key: str) -> tuple[str, Any] | None:
    """Return ``(fingerprint, reply)`` for a key already used, else None."""
    row = _LOOKUP.first(conn, {"user": user_id, "key": key})
    if row is None:
        return None
    stored_fp, reply = row
    return stored_fp, msgspec.json.decode(reply)


def remember(conn: Connection, user_id: int, key: str, fp: str, reply: Any) -> None:
    _REMEMBER.run(conn, {"b_user": user_id, "b_key": key, "b_fp": fp,
                         "b_reply": msgspec.json.encode(reply).decode()})
