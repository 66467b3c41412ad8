"""Which connections are signed in as whom, so that a session can be ended or updated live.

Deactivating a user or resetting their password must end the sessions they
have open *now*, and a change of their global roles must take effect without
a new sign-in. Connections are held weakly: a closed connection vanishes by
itself, and nothing here keeps one alive.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, Protocol

from server.dispatch import Session


class LiveConnection(Protocol):
    session: Session | None

    def end_session(self, reason: str) -> None:
        """Forget the session, drop its subscriptions and close the socket."""


class LiveSessions:
    """Signed-in connections by user id (event loop only)."""

    def __init__(self) -> None:
        self._user_of: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()

    def bind(self, conn: LiveConnection, user_id: int) -> None:
        self._user_of[conn] = user_id

    def unbind(self, conn: LiveConnection) -> None:
        self._user_of.pop(conn, None)

    def of_user(self, user_id: int) -> list[LiveConnection]:
        return [c for c, uid in list(self._user_of.items())
                if uid == user_id and c.session is not None]

    def end(self, user_id: int, reason: str, *, keep: object = None) -> int:
        """End every live session of ``user_id`` (but ``keep``'s); returns how many."""
        ended = 0
        for conn in self.of_user(user_id):
            if conn is keep:
                continue
            self.unbind(conn)
            conn.end_session(reason)
            ended += 1
        return ended

    def update(self, user_id: int, change: Callable[[Session], None]) -> None:
        """Apply ``change`` to each live session of ``user_id`` (roles, unit)."""
        for conn in self.of_user(user_id):
            if conn.session is not None:
                change(conn.session)
