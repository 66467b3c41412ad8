"""No secret reaches the log, at any level.

With ``meeting-server -v`` websockets logs every frame (``< TEXT '{"id": 1,
"type": "auth.login", … "password": "…"}'``) and every HTTP header line
(``Authorization: Bearer …``); issue 12 found passwords and tokens in such a
log. This filter, on every handler of the root logger, rewrites those records
before they are written: a frame that mentions a session or a password loses
its content (websockets shortens long frames in the middle, so a value can
appear without its key), and bearer tokens and ``"password"``/``"token"``
values are masked in any other message.
"""

from __future__ import annotations

import logging
import re

_FRAME = re.compile(r"(TEXT|BINARY|CONT) '.*'(?= \[\d+ bytes\])|(TEXT|BINARY|CONT) b'.*'"
                    r"(?= \[\d+ bytes\])", re.S)
_SUSPECT = re.compile(r"auth|token|word|bearer|secret", re.I)
_VALUE = re.compile(r'("(?:password|token|new_password|old_password)"\s*:\s*")[^"]*', re.I)
_BEARER = re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=-]{12,}", re.I)
"""A credential after "Bearer" (tokens are long; "no bearer token" in a refusal stays)."""
_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")
"""``user:password@`` in a URL (a camera's RTSP address)."""


def redact(message: str) -> str:
    """``message`` with frame contents, password and token values, bearer tokens and URL
    credentials masked."""
    if _SUSPECT.search(message):
        message = _FRAME.sub(lambda m: f"{m.group(1) or m.group(2)} [redacted]", message)
    message = _VALUE.sub(r"\1***", message)
    message = _USERINFO.sub("***@", message)
    return _BEARER.sub(r"\1***", message)


class RedactSecrets(logging.Filter):
    """Rewrites a record's message in place (see the module docstring)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def install() -> None:
    """Put the filter on every handler of the root logger (call after ``basicConfig``)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactSecrets) for f in handler.filters):
            handler.addFilter(RedactSecrets())
