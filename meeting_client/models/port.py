"""The narrow interface views and models use to reach the server.

:class:`meeting_client.bridge.Bridge` implements it over the networking thread;
tests subclass it with a fake that records what was sent. Replies come back
only as signals, on the GUI thread, carrying the token ``send_*`` returned.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class CommandPort(QObject):
    """Sends commands and read requests; answers arrive as signals."""

    command_finished = Signal(int, object)
    """(token, result data) — the server acknowledged; for mutations: committed."""
    command_failed = Signal(int, str, str)
    """(token, error code, Vietnamese message) — nothing changed on the server.

    Codes are the protocol's plus ``not_connected``, ``unreachable``,
    ``untrusted_server`` and ``bad_server_cert_file``.
    """

    def send_command(self, type_: str, payload: dict[str, Any]) -> int:
        """Send a mutating command (with an idempotency key); return its token."""
        raise NotImplementedError

    def send_request(self, type_: str, payload: dict[str, Any]) -> int:
        """Send a read-only request (no key, not retried); return its token."""
        raise NotImplementedError
