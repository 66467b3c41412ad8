"""Typed errors that handlers raise; the dispatcher turns them into replies."""

from __future__ import annotations

from meeting_protocol.errors import ErrorCode, default_message


class ProtocolError(Exception):
    """An error reply. ``message`` is Vietnamese; ``message_en`` is optional."""

    code: ErrorCode = ErrorCode.INTERNAL

    def __init__(self, message: str | None = None, *, en: str | None = None) -> None:
        super().__init__(message or default_message(self.code))
        self.message = message or default_message(self.code)
        self.message_en = en

    def text(self, lang: str) -> str:
        if lang == "en":
            return self.message_en or default_message(self.code, "en")
        return self.message


class BadRequest(ProtocolError):
    code = ErrorCode.BAD_REQUEST


class UnknownType(ProtocolError):
    code = ErrorCode.UNKNOWN_TYPE


class Unauthenticated(ProtocolError):
    code = ErrorCode.UNAUTHENTICATED


class Forbidden(ProtocolError):
    code = ErrorCode.FORBIDDEN


class NotFound(ProtocolError):
    code = ErrorCode.NOT_FOUND


class Conflict(ProtocolError):
    code = ErrorCode.CONFLICT


class TooLarge(ProtocolError):
    code = ErrorCode.TOO_LARGE


class RateLimited(ProtocolError):
    code = ErrorCode.RATE_LIMITED
