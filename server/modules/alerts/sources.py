"""Ingest sources: the other city systems allowed to post alerts, by token.

A token is shown once (``alerts add-source``) and kept only as its SHA-256.
Every post reads the table (one indexed lookup on the database thread), so
adding or revoking a source takes effect at once on a running server, even
when the CLI changed the table from another process.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection

from server.modules.alerts.tables import alert_sources
from server.storage.prepared import Prepared

DEFAULT_RATE = 20
"""Posts per second a source may send (bursts of five seconds' worth)."""


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    name: str
    rate_per_s: int
    revoked: bool = False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


_FIND = Prepared(select(alert_sources.c.id, alert_sources.c.name, alert_sources.c.rate_per_s,
                        alert_sources.c.revoked_at)
                 .where(alert_sources.c.token_hash == bindparam("hash")))


def find_source(conn: Connection, token: str) -> Source | None:
    """The source holding this token (``revoked`` tells whether it may still post).

    Read on every post (prepared: one of the ingest's two hot statements)."""
    row = _FIND.first(conn, {"hash": token_hash(token)})
    return Source(row[0], row[1], row[2], row[3] is not None) if row else None


def add_source(conn: Connection, name: str, now_iso: str, rate_per_s: int = DEFAULT_RATE
               ) -> str:
    """A new source (or a new token for a revoked one); returns its token.

    ValueError when an active source already has that name.
    """
    token = secrets.token_urlsafe(32)
    row = conn.execute(select(alert_sources.c.id, alert_sources.c.revoked_at).where(
        alert_sources.c.name == name)).first()
    if row is not None and row.revoked_at is None:
        raise ValueError(f"source {name!r} exists; revoke it first")
    values = {"token_hash": token_hash(token), "rate_per_s": rate_per_s,
              "created_at": now_iso, "revoked_at": None}
    if row is None:
        conn.execute(insert(alert_sources).values(name=name, **values))
    else:
        conn.execute(update(alert_sources).where(alert_sources.c.id == row.id).values(**values))
    return token


def revoke_source(conn: Connection, name: str, now_iso: str) -> bool:
    """False when there is no active source of that name."""
    done = conn.execute(update(alert_sources).where(
        alert_sources.c.name == name, alert_sources.c.revoked_at.is_(None)
    ).values(revoked_at=now_iso))
    return bool(done.rowcount)
