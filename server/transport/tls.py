"""TLS for the chamber network: the server's certificate and its context.

A council LAN has no public certificate authority, so the server presents a
self-signed certificate made by ``meeting-server make-cert`` and each
terminal is installed with a copy of it (``meeting-client --server-cert``):
the copy is the terminal's only trust anchor, so a machine that answers at
the server's address with any other certificate is refused during the
handshake, before a password is sent. WebSocket, ``/healthz`` and document
downloads share the one TLS port.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import ssl
from pathlib import Path

CERT_FILE = "server-cert.pem"
KEY_FILE = "server-key.pem"


class TlsSetupError(RuntimeError):
    """The certificate or key cannot be used; the message says which and why."""


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    """TLS 1.2+ server context from PEM files."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        ctx.load_cert_chain(cert, key)
    except FileNotFoundError as exc:
        raise TlsSetupError(f"missing file: {exc.filename}") from exc
    except ssl.SSLError as exc:
        raise TlsSetupError(
            f"{cert} / {key}: not a matching PEM certificate and key ({exc.reason})") from exc
    return ctx


def fingerprint(cert_pem: bytes) -> str:
    """SHA-256 of the DER certificate as ``AB:CD:…``, for comparing by eye or phone."""
    der = ssl.PEM_cert_to_DER_cert(cert_pem.decode("ascii"))
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def make_certificate(out: Path, names: list[str], days: int = 3650) -> tuple[Path, Path]:
    """Write a self-signed certificate for ``names`` (host names or IP addresses).

    The key is written readable by its owner only. Returns (cert, key) paths.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    if not names:
        raise TlsSetupError("give at least one host name or IP address")
    alt: list[x509.GeneralName] = []
    for name in names:
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt.append(x509.DNSName(name))
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, names[0]),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Họp thông minh"),
    ])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName(alt), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    out.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = out / CERT_FILE, out / KEY_FILE
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM,
                                  serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    return cert_path, key_path
