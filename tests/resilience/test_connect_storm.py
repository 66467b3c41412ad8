"""A whole chamber connects at the same instant (server restart, switch reboot).

The kernel queues connections that the server has not accepted yet up to the
listening socket's backlog; beyond it, SYNs are dropped and the terminals wait for
their retransmission (1 s, then 3 s …). asyncio listens with a backlog of 100 unless
told otherwise. Measured here (``bench/login_storm.py``, and a bare websockets server):
1000 handshakes at once take ~1.25 s with a backlog of 100 and ~0.4 s with 1024.
"""

from __future__ import annotations

import asyncio
import subprocess

import pytest
from websockets.asyncio.client import connect

from tests.support.live import LiveServer


def listen_backlog(port: int) -> int:
    """The backlog of the socket listening on ``port`` (``ss`` shows it as Send-Q)."""
    out = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True,
                         text=True, timeout=10, check=True).stdout
    rows = [line.split() for line in out.splitlines() if line.strip()]
    assert rows, f"nothing listens on {port}"
    return int(rows[0][2])


def test_the_listening_socket_can_queue_a_chamber(live_server: LiveServer) -> None:
    assert listen_backlog(live_server.port) >= 1024


@pytest.mark.timeout(120)
async def test_five_hundred_terminals_connecting_at_once_all_get_an_answer(
        live_server: LiveServer) -> None:
    async def one(i: int) -> str:
        async with connect(live_server.url, compression=None, open_timeout=60) as ws:
            await ws.send(f'{{"id": {i}, "type": "meeting.list"}}')
            return str(await asyncio.wait_for(ws.recv(), 30))

    replies = await asyncio.gather(*(one(i) for i in range(500)))
    assert all('"unauthenticated"' in r for r in replies)
