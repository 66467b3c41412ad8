"""End or update a user's live sessions at once.

Deactivating a user or resetting their password must end the sessions they
have open *now*, and a change of their global roles must take effect without
a new sign-in. Which connection is signed in as whom is the transport's
registry (``server.transport.limits.Connections``, kept current whenever a
connection's session changes); this is the accounts module's view of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from server.dispatch import Session


class LiveConnection(Protocol):
    session: Session | None

    def end_session(self, reason: str) -> None:
        """Forget the session, drop its subscriptions and close the socket."""


class UserIndex(Protocol):
    def of_user(self, user_id: int) -> Iterable[LiveConnection]: ...


class LiveSessions:
    """Signed-in connections by user id (event loop only)."""

    def __init__(self, index: UserIndex) -> None:
        self._index = index

    def of_user(self, user_id: int) -> list[LiveConnection]:
        return [c for c in list(self._index.of_user(user_id)) if c.session is not None]

    def end(self, user_id: int, reason: str, *, keep: object = None) -> int:
        """End every live session of ``user_id`` (but ``keep``'s); returns how many."""
        ended = 0
        for conn in self.of_user(user_id):
            if conn is keep:
                continue
            conn.end_session(reason)
            ended += 1
        return ended

    def update(self, user_id: int, change: Callable[[Session], None]) -> None:
        """Apply ``change`` to each live session of ``user_id`` (roles, unit)."""
        for conn in self.of_user(user_id):
            if conn.session is not None:
                change(conn.session)
