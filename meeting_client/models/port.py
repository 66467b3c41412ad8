"""The one interface views and models use to reach the server.

:class:`meeting_client.bridge.Bridge` implements it over the networking thread;
tests subclass it with a fake that records what was sent (a changed signature
then fails loudly). Commands go as the typed payload structs of
``meeting_protocol`` (each knows its command type); replies come back only as
signals, on the GUI thread, carrying the token ``send_*`` returned.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from meeting_client.sync.client import SyncClient
    from meeting_protocol.commands import Payload

Work = Callable[["SyncClient"], Awaitable[Any]]
"""A coroutine factory run on the networking thread with the connected client."""


class CommandPort(QObject):
    """Sends commands and read requests, runs transfer work; answers arrive as signals."""

    command_finished = Signal(int, object)
    """(token, result data) — the server acknowledged; for mutations: committed."""
    command_failed = Signal(int, str, str)
    """(token, error code, Vietnamese message) — nothing changed on the server.

    Codes are the protocol's plus ``not_connected``, ``unreachable``,
    ``untrusted_server`` and ``bad_server_cert_file``.
    """
    events_received = Signal(list)
    """(list[Event]) — pushed events in order, batched per wake-up of the GUI thread."""

    carries_documents: ClassVar[bool] = False
    """Whether :meth:`submit` runs work against a live client, which the meeting's
    papers (a transfer connection of their own) need. A port that only records
    commands leaves it False, and a room built on it shows no papers page."""

    def send_command(self, payload: Payload) -> int:
        """Send a mutating command (with an idempotency key); return its token."""
        raise NotImplementedError

    def send_request(self, payload: Payload) -> int:
        """Send a read-only request (no key, not retried); return its token."""
        raise NotImplementedError

    def submit(self, work: Work) -> int:
        """Run ``work(client)`` on the networking thread; return its token.

        ``command_finished(token, result)`` or ``command_failed(token, code,
        message)`` follows on the GUI thread. Only a port that
        :attr:`carries_documents` implements it.
        """
        raise NotImplementedError
