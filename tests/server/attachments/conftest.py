"""Terminals for attachment tests: a JSON connection (commands, events) and a transfer
channel (bytes), and office files made on the spot."""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from meeting_client.sync.documents import TransferChannel, http_base, http_range
from tests.support.live import LiveServer
from tests.support.wsclient import WsClient


@dataclass
class Terminal:
    ws: WsClient
    channel: TransferChannel
    user_id: int
    token: str
    url: str

    async def attach(self, path: Path) -> dict[str, Any]:
        return await self.channel.upload_attachment(path)

    async def http_get(self, sha256: str) -> bytes:
        """The whole blob over ``GET /documents/<sha256>`` (raises TransferError)."""
        parts: list[bytes] = []
        await http_range(http_base(self.url), self.token, sha256, 0, (8 << 20) - 1,
                         parts.append)
        return b"".join(parts)


@pytest.fixture
async def terminal(live_server: LiveServer) -> AsyncIterator[Callable[..., Any]]:
    opened: list[Terminal] = []

    async def make(username: str, server: LiveServer | None = None) -> Terminal:
        url = (server or live_server).url
        ws = await WsClient.open(url)
        data = await ws.call("auth.login", username=username, password="demo")
        channel = TransferChannel(url, data["token"])
        await channel.open()
        t = Terminal(ws, channel, data["user"]["id"], data["token"], url)
        opened.append(t)
        return t

    yield make
    for t in opened:
        await t.channel.close()
        await t.ws.close()


def make_docx(folder: Path, name: str, *paragraphs: str) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = folder / name
    document.save(str(path))
    return path


def make_pdf(folder: Path, name: str, text: str) -> Path:
    from tests.server.registry.matrix import tiny_pdf

    path = folder / name
    path.write_bytes(tiny_pdf(text))
    return path


def pdf_text(data: bytes, folder: Path) -> str:
    pdf = folder / "check.pdf"
    pdf.write_bytes(data)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
