"""SyncClient against the in-test fake server: session, replicas, drops and retries."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from typing import Any

import msgspec
import pytest

from meeting_client.sync import (
    CommandError,
    ConnectionState,
    MeetingReplica,
    NotConnected,
    RequestTimeout,
    SyncClient,
    UserInfo,
)
from meeting_protocol.commands import SpeakerRequest
from meeting_protocol.envelope import Event
from meeting_protocol.state import Snapshot

CONNECTED = ConnectionState.CONNECTED
RECONNECTING = ConnectionState.RECONNECTING
DISCONNECTED = ConnectionState.DISCONNECTED
CONNECTING = ConnectionState.CONNECTING


def builtins(state: Snapshot) -> Any:
    return msgspec.to_builtins(state)


async def signed_in(make_client: Any, server: Any, waiter: Any, **kwargs: Any) -> SyncClient:
    client: SyncClient = make_client(server.url, **kwargs)
    client.add_state_listener(waiter.poke)
    await client.connect()
    await client.login("d001", "demo")
    return client


def record_states(client: SyncClient) -> list[ConnectionState]:
    states: list[ConnectionState] = []
    client.add_state_listener(states.append)
    return states


def record_events(client: SyncClient) -> list[Event]:
    events: list[Event] = []
    client.add_event_listener(events.append)
    return events


# --- connecting ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_connect_to_a_closed_port_raises_promptly(make_client: Any) -> None:
    client = make_client(f"ws://127.0.0.1:{free_port()}/ws")
    states = record_states(client)
    with pytest.raises(OSError):
        await asyncio.wait_for(client.connect(), 5)
    assert client.state is DISCONNECTED
    assert states == [CONNECTING, DISCONNECTED]


async def test_connect_to_something_else_raises_connection_error(make_client: Any) -> None:
    async def not_websocket(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(not_websocket, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        client = make_client(f"ws://127.0.0.1:{port}/ws")
        with pytest.raises(ConnectionError):
            await asyncio.wait_for(client.connect(), 5)
        assert client.state is DISCONNECTED
    finally:
        server.close()
        await server.wait_closed()


async def test_login_request_and_errors(fake_server: Any, make_client: Any) -> None:
    client = make_client(fake_server.url)
    states = record_states(client)
    await client.connect()
    assert client.state is CONNECTED
    with pytest.raises(CommandError) as wrong:
        await client.login("d001", "sai mật khẩu")
    assert wrong.value.code == "unauthenticated"
    assert "không đúng" in wrong.value.message
    assert client.user is None and client.token is None

    user = await client.login("d001", "demo")
    assert user == UserInfo(id=10, username="d001", full_name="Người dùng d001", roles=[])
    assert client.user == user
    assert client.token in fake_server.sessions
    assert fake_server.frames("auth.login")[-1].frame["lang"] == "vi"

    data = await client.request("meeting.list")
    assert data["meetings"][0]["id"] == 1
    with pytest.raises(CommandError) as unknown:
        await client.request("nothing.here")
    assert unknown.value.code == "unknown_type"
    assert states == [CONNECTING, CONNECTED]


async def test_resume_a_saved_token(fake_server: Any, make_client: Any) -> None:
    first = make_client(fake_server.url)
    await first.connect()
    await first.login("d002", "demo")
    second = make_client(fake_server.url)
    await second.connect()
    user = await second.resume(first.token)
    assert user.username == "d002"
    assert second.token == first.token
    with pytest.raises(CommandError) as expired:
        await second.resume("no-such-token")
    assert expired.value.code == "unauthenticated"


async def test_offline_requests_and_commands_raise_not_connected(make_client: Any) -> None:
    client = make_client("ws://127.0.0.1:9/ws")
    with pytest.raises(NotConnected) as exc:
        await client.request("meeting.list")
    assert exc.value.code == "unavailable"
    assert exc.value.message  # a sentence for the screen
    with pytest.raises(NotConnected):
        await client.command("speaker.request", {"meeting_id": 1})
    with pytest.raises(NotConnected):
        await client.subscribe(1)


async def test_envelope_fields_in_a_payload_are_refused(fake_server: Any, make_client: Any,
                                                        waiter: Any) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    with pytest.raises(ValueError):
        await client.request("meeting.list", {"id": 5})


# --- subscriptions --------------------------------------------------------------------


async def test_subscribe_builds_the_replica_and_follows_live_events(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    fake_server.emit_agenda()
    fake_server.emit_agenda()
    client = await signed_in(make_client, fake_server, waiter)
    events = record_events(client)
    thread_ids: set[int] = set()
    client.add_event_listener(lambda _e: thread_ids.add(threading.get_ident()))

    replica = await client.subscribe(1)
    assert isinstance(replica, MeetingReplica)
    assert replica.meeting_id == 1 and replica.seq == 2
    assert builtins(replica.state) == builtins(fake_server.snapshot())
    assert await client.subscribe(1) is replica
    assert client.replica(1) is replica

    seen: list[tuple[int, str | None]] = []
    replica.add_listener(lambda _s, e: seen.append((replica.seq, e.event if e else None)))
    replica.add_listener(waiter.poke)
    fake_server.emit_agenda()
    fake_server.emit("attendance.changed", {"present": 1, "expected": 4, "quorum_met": False})
    await waiter.until(lambda: replica.seq == 4)

    assert seen == [(3, "agenda.activated"), (4, "attendance.changed")]
    assert [e.seq for e in events] == [3, 4]
    assert builtins(replica.state) == builtins(fake_server.snapshot())
    assert thread_ids == {threading.get_ident()}  # callbacks run on the client's loop thread


async def test_events_around_the_subscribe_result_are_neither_lost_nor_doubled(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    """Live events reach the terminal before the result (seq <= N) and just before it (> N)."""
    fake_server.emit_agenda()
    fake_server.emit_before_snapshot = 2
    fake_server.emit_after_snapshot = 3
    client = await signed_in(make_client, fake_server, waiter)
    events = record_events(client)
    client.add_event_listener(waiter.poke)

    replica = await client.subscribe(1)
    await waiter.until(lambda: replica.seq == fake_server.seq)
    assert fake_server.seq == 6
    assert [e.seq for e in events] == [4, 5, 6]
    assert builtins(replica.state) == builtins(fake_server.snapshot())


async def test_unsubscribe_stops_the_replica(fake_server: Any, make_client: Any,
                                             waiter: Any) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    events = record_events(client)
    replica = await client.subscribe(1)
    await client.unsubscribe(1)
    assert client.replica(1) is None
    fake_server.emit_agenda()
    await client.request("meeting.list")  # anything pushed before this reply has arrived
    assert replica.seq == 0 and events == []
    await client.unsubscribe(1)  # twice is harmless


async def test_subscribe_to_an_unknown_meeting(fake_server: Any, make_client: Any,
                                               waiter: Any) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    with pytest.raises(CommandError) as exc:
        await client.subscribe(99)
    assert exc.value.code == "not_found"
    assert client.replica(99) is None


async def test_a_gap_triggers_one_resubscribe_since_the_last_seq(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    events = record_events(client)
    replica = await client.subscribe(1)
    replica.add_listener(waiter.poke)
    fake_server.emit_agenda()
    await waiter.until(lambda: replica.seq == 1)

    fake_server.emit_agenda(deliver=False)
    fake_server.emit_agenda(deliver=False)
    fake_server.emit("attendance.changed", {"present": 2, "expected": 4, "quorum_met": False})
    fake_server.emit_agenda()
    await waiter.until(lambda: replica.seq == 5)

    resubscribes = fake_server.frames("meeting.subscribe")[1:]
    assert [r.frame["since"] for r in resubscribes] == [1]
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert builtins(replica.state) == builtins(fake_server.snapshot())


# --- reconnecting ----------------------------------------------------------------------


async def test_reconnect_resumes_and_replays_missed_events_exactly_once(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    states = record_states(client)
    events = record_events(client)
    replica = await client.subscribe(1)
    replica.add_listener(waiter.poke)
    fake_server.emit_agenda()
    await waiter.until(lambda: replica.seq == 1)
    token = client.token

    await fake_server.stop()
    await waiter.until(lambda: client.state is RECONNECTING)
    for _ in range(3):
        fake_server.emit_agenda()  # missed while the terminal is away
    fake_server.emit("attendance.changed", {"present": 3, "expected": 4, "quorum_met": True})
    await fake_server.start()

    await waiter.until(lambda: client.state is CONNECTED and replica.seq == 5)
    assert states == [RECONNECTING, CONNECTED]
    assert client.token == token
    resume = fake_server.frames("auth.resume")
    assert [r.frame["token"] for r in resume] == [token]
    resubscribe = fake_server.frames("meeting.subscribe")[-1]
    assert resubscribe.connection == resume[0].connection
    assert resubscribe.frame["since"] == 1
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert builtins(replica.state) == builtins(fake_server.snapshot())

    fake_server.emit_agenda()  # and live events flow again
    await waiter.until(lambda: replica.seq == 6)


async def test_reconnect_with_a_snapshot_when_the_gap_is_too_old(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    events = record_events(client)
    replica = await client.subscribe(1)
    resets: list[int] = []
    replica.add_listener(lambda _s, e: resets.append(replica.seq) if e is None else None)
    replica.add_listener(waiter.poke)
    fake_server.keep = 2

    fake_server.kick()
    for _ in range(5):
        fake_server.emit_agenda(deliver=False)
    await waiter.until(lambda: client.state is CONNECTED and replica.seq == 5)
    assert resets == [5]
    assert events == []  # skipped by the snapshot, not replayed one by one
    assert builtins(replica.state) == builtins(fake_server.snapshot())


async def test_a_command_dropped_after_commit_is_resent_with_its_key_and_acts_once(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    states = record_states(client)
    replica = await client.subscribe(1)
    replica.add_listener(waiter.poke)
    fake_server.drop_on["speaker.request"] = "after"

    data = await client.command("speaker.request", SpeakerRequest(meeting_id=1))

    assert data == {"request_id": 1}
    assert fake_server.executions == [("speaker.request", fake_server.executions[0][1])]
    sent = fake_server.frames("speaker.request")
    assert len(sent) == 2
    assert sent[0].frame["key"] == sent[1].frame["key"] == fake_server.executions[0][1]
    assert sent[0].connection != sent[1].connection
    assert states == [RECONNECTING, CONNECTED]
    await waiter.until(lambda: replica.seq == fake_server.seq)
    assert [s.request_id for s in replica.state.speakers] == [1]
    assert client.pending_commands == ()


async def test_a_command_dropped_before_execution_is_resent_and_acts_once(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    fake_server.drop_on["attendance.check_in"] = "before"
    data = await client.command("attendance.check_in", {"meeting_id": 1, "seat": "A12"})
    assert data == {"present": 1}
    sent = fake_server.frames("attendance.check_in")
    assert len(sent) == 2 and sent[0].frame["key"] == sent[1].frame["key"]
    assert sent[1].frame["seat"] == "A12"
    assert len(fake_server.executions) == 1


async def test_commands_issued_offline_are_sent_in_order_after_the_reconnect(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    await fake_server.stop()
    await waiter.until(lambda: client.state is RECONNECTING)

    first = asyncio.create_task(client.command("attendance.check_in", {"meeting_id": 1}))
    second = asyncio.create_task(client.command("speaker.request", {"meeting_id": 1}))
    third = asyncio.create_task(client.command("speaker.request", {"meeting_id": 1}))
    await waiter.until(lambda: len(client.pending_commands) == 3)
    pending = client.pending_commands
    assert [p.type for p in pending] == ["attendance.check_in", "speaker.request",
                                         "speaker.request"]
    assert not any(p.sent for p in pending)

    await fake_server.start()
    results = await asyncio.wait_for(asyncio.gather(first, second, third), 5)
    assert results == [{"present": 1}, {"request_id": 1}, {"request_id": 2}]
    assert [key for _, key in fake_server.executions] == [p.key for p in pending]
    assert client.pending_commands == ()


async def test_a_request_in_flight_when_the_connection_drops_raises_not_connected(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    hanging = asyncio.create_task(client.request("test.hang"))
    await fake_server.until(lambda: bool(fake_server.frames("test.hang")))
    fake_server.kick()
    with pytest.raises(NotConnected):
        await asyncio.wait_for(hanging, 5)
    await waiter.until(lambda: client.state is CONNECTED)
    assert len(fake_server.frames("test.hang")) == 1  # read-only: never re-sent


async def test_requests_while_reconnecting_raise_not_connected(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    await fake_server.stop()
    await waiter.until(lambda: client.state is RECONNECTING)
    with pytest.raises(NotConnected):
        await client.request("meeting.list")


async def test_no_reply_in_time_raises_request_timeout(fake_server: Any, make_client: Any,
                                                       waiter: Any) -> None:
    client = await signed_in(make_client, fake_server, waiter, request_timeout=0.2)
    with pytest.raises(RequestTimeout) as read:
        await client.request("test.hang")
    assert read.value.code == "timeout" and read.value.key is None

    fake_server.hang.add("speaker.request")
    with pytest.raises(RequestTimeout) as write:
        await client.command("speaker.request", {"meeting_id": 1})
    key = write.value.key
    assert key == fake_server.frames("speaker.request")[0].frame["key"]
    assert client.pending_commands == ()

    fake_server.hang.discard("speaker.request")  # retry under the same key: still once
    assert await client.command("speaker.request", {"meeting_id": 1}, key=key) == {
        "request_id": 1}
    assert await client.command("speaker.request", {"meeting_id": 1}, key=key) == {
        "request_id": 1}
    assert fake_server.executions == [("speaker.request", key)]


async def test_an_expired_session_disconnects_and_a_new_login_heals_the_replica(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    states = record_states(client)
    expired: list[bool] = []
    client.add_auth_expired_listener(lambda: expired.append(True))
    client.add_auth_expired_listener(waiter.poke)
    replica = await client.subscribe(1)
    replica.add_listener(waiter.poke)

    await fake_server.stop()
    await waiter.until(lambda: client.state is RECONNECTING)
    pending = asyncio.create_task(client.command("speaker.request", {"meeting_id": 1}))
    await waiter.until(lambda: len(client.pending_commands) == 1)
    fake_server.sessions.clear()
    fake_server.emit_agenda()
    await fake_server.start()

    await waiter.until(lambda: bool(expired))
    assert states == [RECONNECTING, DISCONNECTED]
    assert client.state is DISCONNECTED
    assert client.token is None and client.user is None
    with pytest.raises(CommandError) as exc:
        await pending
    assert exc.value.code == "unauthenticated"
    assert fake_server.executions == []

    await client.connect()
    await client.login("d001", "demo")
    await waiter.until(lambda: replica.seq == fake_server.seq)
    assert builtins(replica.state) == builtins(fake_server.snapshot())
    assert client.replica(1) is replica


async def test_close_stops_reconnecting_and_fails_what_is_pending(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    states = record_states(client)
    await fake_server.stop()
    await waiter.until(lambda: client.state is RECONNECTING)
    pending = asyncio.create_task(client.command("speaker.request", {"meeting_id": 1}))
    await waiter.until(lambda: len(client.pending_commands) == 1)

    await client.close()
    with pytest.raises(NotConnected):
        await pending
    assert client.state is DISCONNECTED
    assert states == [RECONNECTING, DISCONNECTED]
    await fake_server.start()
    # The fake accepts connections again; a closed client must not come back.
    probe = make_client(fake_server.url)
    await probe.connect()
    await fake_server.until(lambda: len(fake_server.connections) == 1)
    assert client.state is DISCONNECTED


async def test_a_graceful_close_by_the_server_also_reconnects(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    replica = await client.subscribe(1)
    replica.add_listener(waiter.poke)
    for conn in list(fake_server.connections):
        await conn.ws.close(1012, "service restart")
    fake_server.emit_agenda(deliver=False)
    await waiter.until(lambda: client.state is CONNECTED and replica.seq == 1)


async def test_a_frame_error_without_id_is_logged(fake_server: Any, make_client: Any,
                                                  waiter: Any,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    caplog.set_level(logging.WARNING, logger="meeting_client.sync.client")
    fake_server.push_raw('{"id": null, "type": "error", "code": "bad_request",'
                         ' "message": "Yêu cầu không hợp lệ."}')
    fake_server.push_raw("not json at all")
    await client.request("meeting.list")  # both frames arrived before this reply
    text = caplog.text
    assert "bad_request" in text and "Yêu cầu không hợp lệ." in text
    assert "unreadable frame" in text
    assert client.state is CONNECTED


async def test_listener_failures_do_not_break_the_client(fake_server: Any, make_client: Any,
                                                         waiter: Any) -> None:
    client = await signed_in(make_client, fake_server, waiter)

    def boom(*_: Any) -> None:
        raise RuntimeError("listener bug")

    client.add_event_listener(boom)
    client.add_state_listener(boom)
    replica = await client.subscribe(1)
    replica.add_listener(boom)
    replica.add_listener(waiter.poke)
    fake_server.emit_agenda()
    fake_server.kick()
    fake_server.emit_agenda(deliver=False)
    await waiter.until(lambda: client.state is CONNECTED and replica.seq == 2)


async def test_reconnect_retries_through_a_server_that_is_still_starting(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    replica = await client.subscribe(1)
    replica.add_listener(waiter.poke)
    fake_server.reject_handshakes = 3  # HTTP 503 three times
    fake_server.fail_resumes = 1  # then a resume that fails on the server's side
    fake_server.kick()
    fake_server.emit_agenda(deliver=False)
    await waiter.until(lambda: client.state is CONNECTED and replica.seq == 1)
    assert fake_server.rejected == 3
    assert len(fake_server.frames("auth.resume")) == 2
    assert builtins(replica.state) == builtins(fake_server.snapshot())


async def test_a_cancelled_command_is_not_sent_again(fake_server: Any, make_client: Any,
                                                     waiter: Any) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    fake_server.hang.add("speaker.request")
    task = asyncio.create_task(client.command("speaker.request", {"meeting_id": 1}))
    await fake_server.until(lambda: bool(fake_server.frames("speaker.request")))
    assert [p.sent for p in client.pending_commands] == [True]
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert client.pending_commands == ()
    fake_server.kick()
    await fake_server.until(lambda: fake_server.accepted == 2)
    await waiter.until(lambda: client.state is CONNECTED)
    await client.request("meeting.list")
    assert len(fake_server.frames("speaker.request")) == 1


async def test_a_malformed_subscribe_reply_is_an_error_not_a_crash(
    fake_server: Any, make_client: Any, waiter: Any
) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    fake_server.bad_subscribe_reply = True
    with pytest.raises(CommandError) as exc:
        await client.subscribe(1)
    assert exc.value.code == "internal"
    assert client.replica(1) is None
    fake_server.bad_subscribe_reply = False
    replica = await client.subscribe(1)
    assert replica.seq == 0


async def test_binary_frames_and_foreign_topics(fake_server: Any, make_client: Any,
                                                waiter: Any) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    events = record_events(client)
    fake_server.push_raw(b"\x00\x01 reserved for bulk transfer")
    fake_server.push_raw('{"type": "event", "topic": "alerts", "seq": 7, "at": "x",'
                         ' "event": "alert.raised", "data": {"level": "info"}}')
    await client.request("meeting.list")
    assert [(e.topic, e.event) for e in events] == [("alerts", "alert.raised")]


async def test_concurrent_subscribes_share_one_request(fake_server: Any, make_client: Any,
                                                       waiter: Any) -> None:
    client = await signed_in(make_client, fake_server, waiter)
    first, second = await asyncio.gather(client.subscribe(1), client.subscribe(1))
    assert first is second
    assert len(fake_server.frames("meeting.subscribe")) == 1
