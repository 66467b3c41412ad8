"""Users and session tokens. Tokens are random and stored only as SHA-256."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from server.modules.accounts.tables import sessions, users
from server.storage.committer import utc_now_iso

if TYPE_CHECKING:
    from server.services import Services


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def find_user(conn: Connection, username: str) -> dict | None:  # type: ignore[type-arg]
    row = conn.execute(select(users).where(users.c.username == username)).first()
    return dict(row._mapping) if row else None


def create_user(conn: Connection, *, username: str, full_name: str, password_hash: str,
                is_admin: bool = False, is_demo: bool = False, title: str | None = None) -> int:
    result = conn.execute(
        insert(users).values(
            username=username, full_name=full_name, password_hash=password_hash,
            is_admin=is_admin, is_demo=is_demo, title=title, created_at=utc_now_iso(),
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def new_session(conn: Connection, user_id: int, now: datetime, ttl_s: int) -> str:
    token = secrets.token_urlsafe(32)
    conn.execute(
        insert(sessions).values(
            token_hash=token_hash(token), user_id=user_id, created_at=utc_now_iso(now),
            expires_at=utc_now_iso(now + timedelta(seconds=ttl_s)),
        )
    )
    # Sessions expired for a day are of no use to anyone: keep the table small.
    conn.execute(delete(sessions).where(
        sessions.c.expires_at < utc_now_iso(now - timedelta(days=1))))
    return token


def session_user(conn: Connection, token: str, now: datetime) -> tuple[dict, str] | None:  # type: ignore[type-arg]
    """The user of a live session, or None when unknown or expired."""
    digest = token_hash(token)
    row = conn.execute(
        select(users, sessions.c.expires_at)
        .join(sessions, sessions.c.user_id == users.c.id)
        .where(sessions.c.token_hash == digest)
    ).first()
    if row is None or row.expires_at <= utc_now_iso(now):
        return None
    return dict(row._mapping), digest


def end_session(conn: Connection, digest: str) -> None:
    conn.execute(delete(sessions).where(sessions.c.token_hash == digest))


def has_demo_users(conn: Connection) -> bool:
    return conn.execute(select(users.c.id).where(users.c.is_demo.is_(True)).limit(1)).first() \
        is not None


@dataclass(frozen=True, slots=True)
class Profile:
    """A user's place in the organisation and the state of their account."""

    unit_id: int | None
    position: str | None
    roles: tuple[str, ...]
    active: bool
    must_change_password: bool


def basic_profile(conn: Connection, user_id: int) -> Profile:
    """The profile from the users table alone (no organisation module): admin or staff."""
    is_admin = conn.execute(select(users.c.is_admin).where(users.c.id == user_id)).scalar()
    return Profile(unit_id=None, position=None, roles=("admin",) if is_admin else (),
                   active=is_admin is not None, must_change_password=False)


def setup_accounts(services: Services) -> None:
    """Accounts' runtime (manifest ``setup``): live sessions and the default profile."""
    from server.modules.accounts.live import LiveSessions

    services.live = LiveSessions()
    services.profile_of = basic_profile
