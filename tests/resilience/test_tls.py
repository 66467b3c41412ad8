"""TLS: a terminal that pinned the server's certificate refuses any other.

Real server processes on ``wss://`` with certificates made by ``meeting-server
make-cert``; the terminal side is the product's own sync layer and bridge.
"""

from __future__ import annotations

import hashlib
import ssl
import subprocess
import sys
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from meeting_client.bridge import Bridge, default_client_factory
from meeting_client.models.account import Account
from meeting_client.sync.client import SyncClient
from meeting_client.sync.documents import TransferChannel
from meeting_client.sync.tls import PinnedCertificateError, is_untrusted_server, terminal_context
from server.transport.tls import fingerprint
from tests.support.live import LiveServer


def make_cert(folder: Path) -> tuple[Path, Path]:
    out = subprocess.run([sys.executable, "-m", "server.cli", "make-cert", "127.0.0.1",
                          "localhost", "--out", str(folder)],
                         capture_output=True, text=True, check=True, timeout=60)
    cert, key = folder / "server-cert.pem", folder / "server-key.pem"
    assert fingerprint(cert.read_bytes()) in out.stdout
    assert key.stat().st_mode & 0o077 == 0  # the key is the owner's only
    return cert, key


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    root = tmp_path_factory.mktemp("certs")
    return {name: make_cert(root / name) for name in ("ours", "impostor")}


@pytest.fixture
def tls_server(make_server, certs) -> LiveServer:
    cert, key = certs["ours"]
    return make_server(30, extra_args=["--tls-cert", str(cert), "--tls-key", str(key)])


async def test_pinned_terminal_works_and_downloads_over_tls(tls_server, certs, tmp_path) -> None:
    assert tls_server.url.startswith("wss://")
    client = SyncClient(tls_server.url, tls=terminal_context(certs["ours"][0]))
    await client.connect()
    try:
        await client.login("d001", "demo")
        replica = await client.subscribe(1)
        seq = replica.seq
        await client.command("attendance.check_in", {"meeting_id": 1})
        assert replica.seq > seq  # the event came back over the same TLS connection
        assert replica.state.attendance.present >= 1
        listing = await client.request("document.list", {"meeting_id": 1})
        paper = listing["documents"][0]
        # HTTPS ranges on the same port: sendfile cannot pass TLS, the fallback must.
        channel = TransferChannel(tls_server.url, client.token, tls=client.tls)
        dest = tmp_path / "paper.pdf"
        assert await channel.download(paper["sha256"], dest) == paper["size"]
        assert hashlib.sha256(dest.read_bytes()).hexdigest() == paper["sha256"]
        await channel.close()
    finally:
        await client.close()


async def test_a_different_certificate_is_refused_before_anything_is_sent(
        tls_server, certs) -> None:
    client = SyncClient(tls_server.url, tls=terminal_context(certs["impostor"][0]))
    with pytest.raises(OSError) as refused:
        await client.connect()
    assert is_untrusted_server(refused.value)
    await client.close()
    # The system's authorities do not vouch for a self-signed chamber certificate either.
    with pytest.raises(ssl.SSLCertVerificationError):
        await connect(tls_server.url, ssl=terminal_context(None))
    # A plain terminal cannot talk to the TLS port at all.
    with pytest.raises(Exception):  # noqa: B017 — any handshake failure will do
        await connect(tls_server.url.replace("wss://", "ws://"), open_timeout=5)


def test_sign_in_names_an_impostor_server(qtbot, tls_server, certs) -> None:
    url = tls_server.url

    def impostor_pinned(u: str, lang: str) -> SyncClient:
        return default_client_factory(u, lang, server_cert=certs["impostor"][0])

    bridge = Bridge(impostor_pinned)
    bridge.start()
    account = Account(bridge)
    try:
        with qtbot.waitSignal(account.sign_in_failed, timeout=20_000) as failed:
            account.sign_in(url, "d001", "demo")
        assert failed.args[0] == "untrusted_server"
        assert url in failed.args[1] and "chứng chỉ" in failed.args[1]
    finally:
        bridge.stop()


def test_a_missing_pinned_file_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(PinnedCertificateError, match="not a readable PEM certificate"):
        terminal_context(tmp_path / "missing.pem")


def test_serve_refuses_a_key_that_does_not_match(tmp_path, certs, demo_db_template) -> None:
    cert, _key = certs["ours"]
    _other_cert, other_key = certs["impostor"]
    out = subprocess.run([sys.executable, "-m", "server.cli", "serve", "--db",
                          f"sqlite:///{demo_db_template(30)}", "--port", "0",
                          "--tls-cert", str(cert), "--tls-key", str(other_key)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "not a matching PEM certificate and key" in out.stderr
