"""Who is connected, under which session, and the limits that keep the server answering.

Issue 12 found that file descriptors ran out (paused downloads, idle sockets)
and that a session ended on one connection lived on in the others. This
registry knows every WebSocket connection by session token and by user, so:

- ``end_token`` de-authenticates every connection of a token at once (logout,
  expiry) and tells listeners (the HTTP document cache);
- connections that never sign in are evicted, oldest first, when they crowd
  out the rest, and closed after ``auth_timeout_s`` anyway;
- a user's commands share one rate limit across all their connections;
- the number of sockets stays below the file-descriptor limit (``admit``).
"""

from __future__ import annotations

import logging
import resource
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from server.config import Settings
    from server.dispatch import Session

log = logging.getLogger(__name__)

RESERVED_FDS = 64
"""Descriptors kept for the database, its journals, logs, threads and transient reads."""


def raise_file_limit() -> tuple[int, int]:
    """Raise the soft RLIMIT_NOFILE to the hard limit (at most 65536); return (soft, hard)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError) as exc:
            log.warning("cannot raise the file limit to %d: %s", target, exc)
    return soft, hard


def connection_limit(soft_fds: int, configured: int | None) -> int:
    """Sockets we accept: three quarters of what the descriptors left allow (uploads
    and document reads need the rest)."""
    room = max(16, (soft_fds - RESERVED_FDS) * 3 // 4)
    return min(room, configured) if configured else room


class TokenBucket:
    """Allows ``rate`` commands per second with bursts up to ``burst``."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class Endpoint(Protocol):
    """What the registry needs of a connection (``server.transport.connection``)."""

    session: Session | None
    opened_at: float
    topics: set[str]
    inflight: int

    def deauthenticate(self) -> None: ...
    def evict(self, reason: str) -> None: ...


class Connections:
    """Every live WebSocket connection, by token and by user."""

    def __init__(self, settings: Settings, max_connections: int) -> None:
        self.settings = settings
        self.max_connections = max_connections
        self.max_unauthenticated = max(8, max_connections // 2)
        self._anonymous: dict[Endpoint, None] = {}  # insertion order: oldest first
        self._by_token: dict[str, set[Endpoint]] = {}
        self._by_user: dict[int, set[Endpoint]] = {}
        self._buckets: dict[int, TokenBucket] = {}
        self.on_session_end: list[Callable[[str], None]] = []
        """Called with the token hash of every session that ended (logout, expiry)."""
        self.refused = 0
        self.server: Any = None
        """The websockets server, for the count of open sockets (set by the app)."""

    # --- admission -------------------------------------------------------------

    def sockets(self) -> int:
        server = self.server
        return len(server.handler_tasks) if server is not None else 0

    def admit(self) -> bool:
        """May one more upgrade go ahead? Anonymous connections make room first."""
        while len(self._anonymous) >= self.max_unauthenticated or (
                self.sockets() > self.max_connections and self._anonymous):
            oldest = next(iter(self._anonymous))
            self._anonymous.pop(oldest)
            oldest.evict("Kết nối chưa đăng nhập bị đóng để nhường chỗ.")
        if self.sockets() > self.max_connections:
            self.refused += 1
            if self.refused == 1 or self.refused % 1000 == 0:
                log.warning("connection limit %d reached: refused %d upgrade(s) with 503",
                            self.max_connections, self.refused)
            return False
        return True

    # --- membership ------------------------------------------------------------

    def opened(self, conn: Endpoint) -> None:
        self._anonymous[conn] = None

    def closed(self, conn: Endpoint) -> None:
        self.rebind(conn, conn.session, None)
        self._anonymous.pop(conn, None)

    def rebind(self, conn: Endpoint, old: Session | None, new: Session | None) -> None:
        """The connection's session changed from ``old`` to ``new``.

        A connection that lost its session (logout, expiry) counts as anonymous again,
        from now: it is closed after ``auth_timeout_s`` unless it signs in, so a
        terminal whose session ended elsewhere learns it when it reconnects.
        """
        if old is not None:
            _discard(self._by_token, old.token_hash, conn)
            _discard(self._by_user, old.user_id, conn)
            if new is None:
                conn.opened_at = time.monotonic()
                self._anonymous[conn] = None
        if new is not None:
            self._anonymous.pop(conn, None)
            self._by_token.setdefault(new.token_hash, set()).add(conn)
            self._by_user.setdefault(new.user_id, set()).add(conn)

    def of_user(self, user_id: int) -> set[Endpoint]:
        return self._by_user.get(user_id, set())

    def end_token(self, token_hash: str) -> int:
        """De-authenticate every connection of this session now; how many there were."""
        conns = list(self._by_token.get(token_hash, ()))
        for conn in conns:
            conn.deauthenticate()
        for listener in self.on_session_end:
            try:
                listener(token_hash)
            except Exception:
                log.exception("session-end listener failed")
        return len(conns)

    def sweep(self) -> None:
        """Close what timed out: anonymous connections, expired sessions."""
        now_mono = time.monotonic()
        timeout = self.settings.auth_timeout_s
        for conn in list(self._anonymous):
            if now_mono - conn.opened_at < timeout:
                break  # oldest first: the rest are younger
            if conn.inflight:
                continue  # its sign-in is being checked (a login storm queues argon2)
            self._anonymous.pop(conn, None)
            conn.evict("Hết thời gian chờ đăng nhập.")
        now = time.time()
        expired = {s.token_hash for conns in self._by_token.values() for c in conns
                   if (s := c.session) is not None and s.expires_at is not None
                   and s.expires_at <= now}
        for token_hash in expired:
            self.end_token(token_hash)

    # --- per-user rate limit ------------------------------------------------------

    def user_bucket(self, user_id: int) -> TokenBucket:
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) > 50_000:
                self._buckets = {u: b for u, b in self._buckets.items() if u in self._by_user}
            s = self.settings
            bucket = self._buckets[user_id] = TokenBucket(s.rate_per_s, s.rate_burst)
        return bucket

    def user_topics(self, user_id: int) -> int:
        return sum(len(c.topics) for c in self._by_user.get(user_id, ()))


def _discard(index: dict[Any, set[Endpoint]], key: Any, conn: Endpoint) -> None:
    conns = index.get(key)
    if conns is not None:
        conns.discard(conn)
        if not conns:
            del index[key]
