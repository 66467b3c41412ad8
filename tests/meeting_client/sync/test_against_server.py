"""SyncClient against a real ``meeting-server`` process (the lead's ``live_server`` fixture).

Skipped while the server or its fixture is not in the tree.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import msgspec
import pytest

from meeting_client.sync import ConnectionState, MeetingReplica, SyncClient
from meeting_protocol.envelope import Event

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def server(live_server: Any) -> Any:
    return live_server


async def subscriber_state(url: str) -> tuple[int, Any]:
    """What a fresh terminal sees: the meeting's ``seq`` and snapshot."""
    fresh = SyncClient(url, request_timeout=10.0)
    try:
        await fresh.connect()
        await fresh.login("clerk", "demo")
        replica = await fresh.subscribe(1)
        return replica.seq, msgspec.to_builtins(replica.state)
    finally:
        await fresh.close()


async def test_replica_follows_a_real_server_through_a_kill_and_restart(
    server: Any, make_client: Any, waiter: Any
) -> None:
    client: SyncClient = make_client(server.url, backoff_initial=0.05, backoff_max=0.5,
                                     request_timeout=10.0)
    states: list[ConnectionState] = []
    client.add_state_listener(states.append)
    client.add_state_listener(waiter.poke)
    events: list[Event] = []
    client.add_event_listener(events.append)
    await client.connect()
    user = await client.login("d001", "demo")
    assert user.username == "d001"
    meetings = await client.request("meeting.list")
    assert 1 in [m["id"] for m in meetings["meetings"]]

    replica: MeetingReplica = await client.subscribe(1)
    replica.add_listener(waiter.poke)
    start = replica.seq
    assert replica.state.meeting.id == 1

    await client.command("attendance.check_in", {"meeting_id": 1})
    await waiter.until(lambda: any(e.event == "attendance.changed" for e in events))
    me = next(p for p in replica.state.participants if p.username == "d001")
    assert me.present
    assert replica.state.attendance.present == 1
    assert replica.seq == start + 1

    # The server dies (SIGKILL). Our terminal queues a floor request meanwhile; once the
    # server is back another delegate checks in, before or while we reconnect.
    await asyncio.to_thread(server.kill)
    await waiter.until(lambda: client.state is ConnectionState.RECONNECTING)
    pending = asyncio.create_task(client.command("speaker.request", {"meeting_id": 1}))
    await waiter.until(lambda: len(client.pending_commands) == 1)
    await asyncio.to_thread(server.start)

    others = SyncClient(server.url, request_timeout=10.0)
    try:
        await others.connect()
        await others.login("d002", "demo")
        await others.command("attendance.check_in", {"meeting_id": 1})
    finally:
        await others.close()

    request = await asyncio.wait_for(pending, 30)
    assert "request_id" in request
    await waiter.until(lambda: client.state is ConnectionState.CONNECTED, timeout=30)
    assert states[-2:] == [ConnectionState.RECONNECTING, ConnectionState.CONNECTED]

    seq, fresh = await subscriber_state(server.url)
    await waiter.until(lambda: replica.seq == seq, timeout=30)
    assert msgspec.to_builtins(replica.state) == fresh
    assert replica.state.attendance.present == 2
    assert [s.user_id for s in replica.state.speakers] == [user.id]
    seqs = [e.seq for e in events]
    assert seqs == sorted(set(seqs))  # each event once, in order
