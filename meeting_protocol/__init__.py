"""The wire contract shared by the server and the terminals (no I/O, no Qt)."""

from meeting_protocol.envelope import DEFAULT_PORT, PROTOCOL_VERSION

__all__ = ["DEFAULT_PORT", "PROTOCOL_VERSION"]
