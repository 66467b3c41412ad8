"""A session ends on every connection at once: logout, expiry, HTTP downloads.

Issue 12, finding 5: a second connection on the same token kept working after
``auth.logout`` (and after expiry), and HTTP downloads went on for 5 s after logout
(the document handler reused its decisions).
"""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
import uuid
from typing import Any

from tests.support.live import LiveServer
from tests.support.wsclient import WsClient


def http_status(server: LiveServer, sha256: str, token: str) -> int:
    request = urllib.request.Request(f"{server.http}/documents/{sha256}", headers={
        "Authorization": f"Bearer {token}", "Range": "bytes=0-99"})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as exc:
        return exc.code


async def second_connection(server: LiveServer, name: str) -> tuple[WsClient, WsClient, str]:
    first = await WsClient.open(server.url)
    login = await first.call("auth.login", username=name, password="demo")
    second = await WsClient.open(server.url)
    await second.call("auth.resume", token=login["token"])
    await second.call("meeting.subscribe", meeting_id=1)
    return first, second, login["token"]


async def hears(client: WsClient, chair: WsClient) -> bool:
    """Does ``client`` still receive the meeting's events? (a witness hears it first)"""
    client.drain_events()
    await chair.act("poll.create", meeting_id=1, title=f"Biểu quyết {uuid.uuid4().hex[:6]}")
    await chair.next_event("poll.created")
    try:
        await client.next_event("poll.created", timeout=1.0)
    except TimeoutError:
        return False
    return True


def test_logout_ends_the_second_connection_and_http_downloads(live_server: LiveServer) -> None:
    async def run() -> None:
        chair = await WsClient.signed_in(live_server.url, "chair")
        await chair.call("meeting.subscribe", meeting_id=1)
        first, second, token = await second_connection(live_server, "d001")
        sha256 = (await second.call("document.list", meeting_id=1))["documents"][0]["sha256"]
        assert await asyncio.to_thread(http_status, live_server, sha256, token) == 206
        assert await hears(second, chair)

        assert await first.call("auth.logout") == {}
        reply = await second.raw("document.list", meeting_id=1)
        assert reply["type"] == "error" and reply["code"] == "unauthenticated", reply
        assert not await hears(second, chair)
        # At once, although a "may read" answer for this token was cached a moment ago.
        assert await asyncio.to_thread(http_status, live_server, sha256, token) == 401
        await asyncio.gather(chair.close(), first.close(), second.close())

    asyncio.run(run())


def test_expiry_ends_every_connection_of_the_session(make_server: Any) -> None:
    # --rate: the witness creates a poll per probe as fast as it can until the sweep; the
    # command rate limit is not what this test is about.
    server = make_server(30, extra_args=["--session-ttl", "3", "--auth-timeout", "8",
                                         "--rate", "1000"])

    async def run() -> None:
        chair = await WsClient.signed_in(server.url, "chair")
        first, second, token = await second_connection(server, "d001")
        # The chair's session expires too: it signs in again to act as the witness.
        await chair.close()

        async def expired() -> None:
            while True:
                status = await asyncio.to_thread(http_status, server, "0" * 64, token)
                if status == 401:
                    return
                await asyncio.sleep(0.2)

        await asyncio.wait_for(expired(), 10)
        witness = await WsClient.signed_in(server.url, "chair")
        await witness.call("meeting.subscribe", meeting_id=1)

        # Unsubscribed by the server's sweep, without sending anything.
        async def unsubscribed() -> None:
            while await hears(second, witness):
                pass

        await asyncio.wait_for(unsubscribed(), 10)
        reply = await first.raw("document.list", meeting_id=1)
        assert reply["type"] == "error" and reply["code"] == "unauthenticated", reply
        await asyncio.gather(witness.close(), first.close(), second.close())

    asyncio.run(run())
