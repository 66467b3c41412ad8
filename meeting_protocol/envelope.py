"""The frames on the wire: command header, result, error and event.

Decoding is in two steps so that a frame with a usable ``id`` but a bad body
still gets an error carrying that ``id``: :func:`decode_header` reads only the
envelope, then :func:`decode_payload` reads the body with the command's type.
"""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

from meeting_protocol.commands import Payload, fields_of
from meeting_protocol.errors import ErrorCode

P = TypeVar("P")

PROTOCOL_VERSION = 1
DEFAULT_PORT = 8765


class Header(msgspec.Struct, forbid_unknown_fields=False):
    """The envelope of a command; every other field belongs to the payload."""

    id: Any = None
    type: Any = None
    key: Any = None


class Result(msgspec.Struct, tag_field="type", tag="result"):
    id: int | None
    data: Any


class Error(msgspec.Struct, tag_field="type", tag="error"):
    id: int | None
    code: str
    message: str


class Event(msgspec.Struct, tag_field="type", tag="event"):
    topic: str
    seq: int
    at: str
    event: str
    data: dict[str, Any]


ServerFrame = Result | Error | Event

_encoder = msgspec.json.Encoder()
_header_decoder = msgspec.json.Decoder(Header)
_server_decoder = msgspec.json.Decoder(ServerFrame)
_payload_decoders: dict[type, msgspec.json.Decoder[Any]] = {}


class FrameError(Exception):
    """A frame that cannot be served; carries the reply's code and id."""

    def __init__(self, code: ErrorCode, detail: str, frame_id: int | None = None) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.frame_id = frame_id


def encode(obj: Any) -> bytes:
    return _encoder.encode(obj)


def encode_text(obj: Any) -> str:
    """Encode for a WebSocket text frame."""
    return _encoder.encode(obj).decode()


def decode_header(frame: str | bytes) -> tuple[int, str, str | None]:
    """Return ``(id, type, key)`` or raise :class:`FrameError`.

    Raises:
        FrameError: ``bad_request`` with ``frame_id`` None when the frame is
            not a JSON object or its ``id`` is unusable; with the id when only
            ``type`` or ``key`` is wrong.
    """
    try:
        header = _header_decoder.decode(frame)
    except (msgspec.DecodeError, msgspec.ValidationError, UnicodeDecodeError) as exc:
        raise FrameError(ErrorCode.BAD_REQUEST, f"not a JSON object: {exc}") from None
    except RecursionError:
        raise FrameError(ErrorCode.BAD_REQUEST, "JSON nested too deeply") from None
    frame_id = header.id
    if type(frame_id) is not int or not 0 <= frame_id <= 2**53 - 1:
        raise FrameError(ErrorCode.BAD_REQUEST, "`id` must be a non-negative integer")
    if type(header.type) is not str or not header.type or len(header.type) > 64:
        raise FrameError(ErrorCode.BAD_REQUEST, "`type` must be a string", frame_id)
    key = header.key
    if key is not None and (type(key) is not str or not 1 <= len(key) <= 100):
        raise FrameError(ErrorCode.BAD_REQUEST, "`key` must be a string of 1-100 chars", frame_id)
    return frame_id, header.type, key


def decode_payload(frame: str | bytes, payload_type: type[P], frame_id: int) -> P:
    """Decode the command body strictly; wrong or missing fields → ``bad_request``."""
    decoder = _payload_decoders.get(payload_type)
    if decoder is None:
        decoder = _payload_decoders[payload_type] = msgspec.json.Decoder(payload_type)
    try:
        return decoder.decode(frame)  # type: ignore[no-any-return]
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise FrameError(ErrorCode.BAD_REQUEST, str(exc), frame_id) from None
    except RecursionError:
        raise FrameError(ErrorCode.BAD_REQUEST, "JSON nested too deeply", frame_id) from None


def decode_server_frame(frame: str | bytes) -> ServerFrame:
    """Used by terminals: one of :class:`Result`, :class:`Error`, :class:`Event`."""
    return _server_decoder.decode(frame)


def command_frame(frame_id: int, type_: str, payload: Any = None, key: str | None = None) -> str:
    """Build a command frame from a payload struct (or a dict of fields)."""
    body: dict[str, Any] = {"id": frame_id, "type": type_}
    if key is not None:
        body["key"] = key
    if isinstance(payload, Payload):
        body.update(fields_of(payload))
    elif payload is not None:
        body.update(payload if isinstance(payload, dict) else msgspec.to_builtins(payload))
    return encode_text(body)
