"""Server-to-terminal WebSocket frames, built once and written as they are.

Server frames are never masked (RFC 6455 §5.1) and this server never
compresses, so a frame is a header plus the payload. Building the frame of an
event once and writing the same bytes to every subscriber spares a copy of
the payload per terminal — at 1000 terminals and a 30 KiB ``poll.closed``
frame, that copying was as costly as the writes themselves.
"""

from __future__ import annotations

import struct

TEXT = 0x1
BINARY = 0x2


def frame_header(opcode: int, size: int) -> bytes:
    """The header of one final, unmasked frame of ``size`` payload bytes."""
    first = 0x80 | opcode
    if size < 126:
        return struct.pack("!BB", first, size)
    if size < 65536:
        return struct.pack("!BBH", first, 126, size)
    return struct.pack("!BBQ", first, 127, size)


def text_frame(payload: bytes) -> bytes:
    """A whole text frame carrying UTF-8 ``payload``."""
    return frame_header(TEXT, len(payload)) + payload
