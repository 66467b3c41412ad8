"""A terminal that stops reading never delays the others; it is dropped instead."""

from __future__ import annotations

import asyncio
import contextlib
import socket

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.support.wsclient import WsClient, delegate_names, sign_in_many


async def test_a_terminal_that_stops_reading_does_not_delay_others(make_server, clients) -> None:
    server = make_server(30, extra_args=["--max-write-buffer", "200000", "--rate", "100000"])
    # The stuck terminal: subscribes, then never reads again (1-frame receive queue).
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a terminal that hangs
    sock.connect(("127.0.0.1", server.port))
    stuck_ws = await connect(server.url, sock=sock, compression=None, max_queue=1, max_size=None)
    stuck = WsClient(stuck_ws)
    await stuck.call("auth.login", username="d030", password="demo")
    await stuck.call("meeting.subscribe", meeting_id=1, since=0)
    stuck._reader.cancel()  # stop reading: the kernel buffers fill, then the server's
    fast = clients(await WsClient.signed_in(server.url, "clerk"))
    await fast.call("meeting.subscribe", meeting_id=1, since=0)
    people = [clients(c) for c in await sign_in_many(server.url, delegate_names(20))]

    # Many events: check in and out repeatedly.
    rounds = 40
    for _ in range(rounds):
        await asyncio.gather(*(p.act("attendance.check_in", meeting_id=1) for p in people))
        await asyncio.gather(*(p.act("attendance.check_out", meeting_id=1) for p in people))
    expected = rounds * 2 * 20
    got = 0
    while got < expected:
        await fast.next_event("attendance.changed")
        got += 1
    # The stuck terminal keeps asking for snapshots it never reads, until the
    # server's backlog for it passes the limit and the server drops it.
    frame_id = 1000
    closed = asyncio.ensure_future(stuck_ws.wait_closed())
    with contextlib.suppress(ConnectionClosed):
        while frame_id < 100_000 and not closed.done():
            for _ in range(100):
                frame_id += 1
                await stuck_ws.send(f'{{"id": {frame_id}, "type": "meeting.subscribe", '
                                    '"meeting_id": 1}')
            await asyncio.wait([closed], timeout=0.2)
    assert "dropping" in server.log()
    # Meanwhile the others are served as usual.
    await people[0].act("attendance.check_in", meeting_id=1)
    assert (await fast.next_event("attendance.changed"))["data"]["present"] == 1
