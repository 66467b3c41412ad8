"""TLS on the terminal: trust exactly the council server's certificate.

The chamber's server presents a self-signed certificate (``meeting-server
make-cert``); each terminal is installed with a copy. That copy becomes the
connection's only trust anchor, so OpenSSL refuses any other certificate
during the handshake — before the WebSocket upgrade, before a password. The
host name is not checked against it: chamber terminals often reach the server
by an IP address that the certificate need not list, and the pinned copy
already says which machine is the server. Without a copy, ``wss://`` trusts
the system's certificate authorities and checks the host name, as a browser
would.
"""

from __future__ import annotations

import ssl
from pathlib import Path


class PinnedCertificateError(ValueError):
    """The pinned certificate file cannot be read as a PEM certificate."""


def terminal_context(pinned: Path | None = None) -> ssl.SSLContext:
    """A client context for ``wss://``: pinned to one certificate, or the system's CAs."""
    if pinned is None:
        return ssl.create_default_context()
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_REQUIRED
    try:
        ctx.load_verify_locations(cafile=str(pinned))
    except (OSError, ssl.SSLError) as exc:
        raise PinnedCertificateError(f"{pinned}: not a readable PEM certificate ({exc})") from exc
    return ctx


def tls_argument(url: str, tls: ssl.SSLContext | None) -> dict[str, ssl.SSLContext]:
    """``ssl=`` for ``websockets.connect``: only for ``wss://`` (it refuses one for ``ws://``)."""
    return {"ssl": tls} if tls is not None and url.startswith("wss:") else {}


def is_untrusted_server(exc: BaseException) -> bool:
    """True when the server's certificate was refused (not merely unreachable)."""
    while exc is not None:
        if isinstance(exc, ssl.SSLCertVerificationError):
            return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False
