"""Fixtures for the documents domain: a live server with a small upload limit, and
terminals that hold a JSON connection (events) and a transfer channel (bytes)."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from meeting_client.sync.documents import TransferChannel
from tests.support.live import LiveServer
from tests.support.wsclient import WsClient

PAPERS = Path(__file__).resolve().parents[2] / "fixtures" / "papers"
MAX_UPLOAD = 400_000


@dataclass
class Terminal:
    ws: WsClient
    channel: TransferChannel
    user_id: int
    token: str

    async def upload(self, path: Path, **fields: Any) -> dict[str, Any]:
        fields.setdefault("meeting_id", 1)
        return await self.channel.upload(path, **fields)


async def open_terminal(url: str, username: str) -> Terminal:
    ws = await WsClient.open(url)
    data = await ws.call("auth.login", username=username, password="demo")
    channel = TransferChannel(url, data["token"])
    await channel.open()
    return Terminal(ws, channel, data["user"]["id"], data["token"])


@pytest.fixture
async def terminal_factory() -> AsyncIterator[Callable[..., Any]]:
    """``await terminal_factory(server, username)`` for servers a test starts itself."""
    opened: list[Terminal] = []

    async def make(server: LiveServer, username: str) -> Terminal:
        t = await open_terminal(server.url, username)
        opened.append(t)
        return t

    yield make
    for t in opened:
        await t.channel.close()
        await t.ws.close()


@pytest.fixture
def docs_server(make_server: Callable[..., LiveServer]) -> LiveServer:
    return make_server(5, extra_args=["--max-upload", str(MAX_UPLOAD)])


@pytest.fixture
async def terminal(docs_server: LiveServer) -> AsyncIterator[Callable[..., Any]]:
    opened: list[Terminal] = []

    async def make(username: str) -> Terminal:
        t = await open_terminal(docs_server.url, username)
        opened.append(t)
        return t

    yield make
    for t in opened:
        await t.channel.close()
        await t.ws.close()


def unique_pdf(folder: Path, pages: int) -> Path:
    """A paper whose bytes no demo paper shares (content addressing would share access)."""
    from server.demo_papers import big_paper

    path = folder / f"rieng-{pages}-trang.pdf"
    path.write_bytes(big_paper(pages))
    return path


def stored_state(server: LiveServer) -> tuple[int, list[str]]:
    """(rows in documents, every file under the blob folder): to prove nothing was kept."""
    con = sqlite3.connect(server.db_path)
    try:
        rows = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()
    folder = server.db_path.parent / (server.db_path.stem + "-files")
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    return rows, files


def user_id(server: LiveServer, username: str) -> int:
    con = sqlite3.connect(server.db_path)
    try:
        return int(con.execute("SELECT id FROM users WHERE username=?", (username,)
                               ).fetchone()[0])
    finally:
        con.close()
