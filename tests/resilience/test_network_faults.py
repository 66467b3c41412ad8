"""Terminals behind a broken network: the real sync engine heals, nobody else slows down.

Twelve delegates run ``meeting_client.sync.SyncClient`` (reconnect, resume, idempotent
retries) through :class:`ChaosProxy`, which cuts their connections, holds them half-open
and stalls one direction at random, several times a second. Meanwhile they ask for the
floor and withdraw, and vote in every poll the chair (on a clean connection) opens and
closes. Four more delegates on clean connections measure their round-trip times all along.

At the end every terminal's replica must equal a fresh subscriber's snapshot, every
ballot that was acknowledged must be in its poll's closed tally — and no other — and the
clean terminals must have kept their latency. CI shakes the network for
``CHAOS_SECONDS`` (default 8); the full run uses 60.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

import msgspec
import pytest

from meeting_client.sync import CommandError, ConnectionState, RequestTimeout, SyncClient
from tests.resilience.proxy import ChaosProxy
from tests.resilience.support import env_int, seeded

VICTIMS = [f"d{i:03d}" for i in range(1, 13)]
STEADY = [f"d{i:03d}" for i in range(13, 17)]
OTHERS = [f"d{i:03d}" for i in range(17, 31)]
OPTIONS = ["yes", "no", "abstain"]


def terminal(url: str, **kw: Any) -> SyncClient:
    opts: dict[str, Any] = {"backoff_initial": 0.05, "backoff_max": 0.5,
                            "request_timeout": 10.0, "open_timeout": 2.0,
                            "ping_interval": 0.5, "ping_timeout": 0.5}
    opts.update(kw)
    return SyncClient(url, **opts)


async def command(client: SyncClient, type_: str, payload: dict[str, Any]) -> Any:
    """A command that must act exactly once; a timeout is retried with the same key."""
    key = None
    while True:
        try:
            return await client.command(type_, payload, key=key)
        except RequestTimeout as exc:
            key = exc.key


async def until(check: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


class Ledger:
    """What the chair opened and what each victim was told about its ballots."""

    def __init__(self) -> None:
        self.open_poll: int | None = None
        self.acknowledged: dict[int, dict[int, str]] = {}  # poll → user → choice
        self.closed: dict[int, dict[str, Any]] = {}
        self.refused: list[str] = []


async def victim(client: SyncClient, user_id: int, ledger: Ledger, stop: asyncio.Event,
                 rng: Any) -> None:
    """Ask for the floor and withdraw; vote once in every poll that opens."""
    voted: set[int] = set()
    while not stop.is_set():
        poll_id = ledger.open_poll
        voting = poll_id is not None and poll_id not in voted
        try:
            if voting:
                assert poll_id is not None
                voted.add(poll_id)
                choice = rng.choice(OPTIONS)
                await command(client, "poll.cast", {"poll_id": poll_id, "choice": choice})
                ledger.acknowledged.setdefault(poll_id, {})[user_id] = choice
            else:
                req = await command(client, "speaker.request", {"meeting_id": 1})
                await asyncio.sleep(rng.uniform(0, 0.1))
                await command(client, "speaker.withdraw", {"request_id": req["request_id"]})
        except CommandError as exc:
            if not (voting and exc.code == "conflict"):  # the poll closed meanwhile
                ledger.refused.append(f"{user_id}: {exc.code} {exc.message}")
        await asyncio.sleep(rng.uniform(0, 0.15))


async def chair_loop(chair: SyncClient, ledger: Ledger, stop: asyncio.Event) -> None:
    n = 0
    while not stop.is_set():
        n += 1
        poll = await chair.command("poll.create", {"meeting_id": 1, "title": f"Phiên {n}"})
        await chair.command("poll.open", {"poll_id": poll["poll_id"]})
        ledger.open_poll = poll["poll_id"]
        await asyncio.sleep(1.5)
        ledger.open_poll = None
        ledger.closed[poll["poll_id"]] = await chair.command(
            "poll.close", {"poll_id": poll["poll_id"]})


async def steady_loop(client: SyncClient, stop: asyncio.Event, times: list[float]) -> None:
    while not stop.is_set():
        t0 = time.perf_counter()
        await client.request("meeting.list")
        times.append(time.perf_counter() - t0)
        await asyncio.sleep(0.02)


async def chaos(proxy: ChaosProxy, rng: Any, seconds: float, counts: dict[str, int]) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        await asyncio.sleep(rng.uniform(0.03, 0.25))
        links = proxy.healthy()
        if not links:
            continue
        link = rng.choice(links)
        kind = rng.choices(["cut", "hold", "stall up", "stall down"], [4, 2, 2, 2])[0]
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "cut":
            link.cut()
        elif kind == "hold":
            link.hold()
        else:
            link.stall("up" if kind == "stall up" else "down", rng.uniform(0.1, 1.5))


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@pytest.mark.timeout(300)
async def test_replicas_behind_a_faulty_network_end_equal_to_the_server(make_server) -> None:
    rng = seeded("network faults")
    seconds = env_int("CHAOS_SECONDS", 8)
    server = make_server(30)
    proxy = ChaosProxy(server.port)
    await proxy.start()
    victims = [terminal(proxy.url) for _ in VICTIMS]
    steady = [terminal(server.url) for _ in STEADY]
    chair = terminal(server.url)
    others = [terminal(server.url) for _ in OTHERS]
    clients = [*victims, *steady, chair, *others]
    try:
        users = {}
        for client, name in zip(clients, [*VICTIMS, *STEADY, "chair", *OTHERS], strict=True):
            await client.connect()
            users[client] = (await client.login(name, "demo")).id
        for client in [*victims, *steady, chair]:
            await client.subscribe(1)
        for client in [*victims, *steady, *others]:
            await client.command("attendance.check_in", {"meeting_id": 1})
        for client in others:
            await client.close()

        ledger = Ledger()
        stop = asyncio.Event()
        before: list[float] = []
        during: list[float] = []
        warm = asyncio.Event()
        warm_tasks = [asyncio.create_task(steady_loop(c, warm, before)) for c in steady]
        await asyncio.sleep(1.5)
        warm.set()
        await asyncio.gather(*warm_tasks)

        counts: dict[str, int] = {}
        tasks = [asyncio.create_task(victim(c, users[c], ledger, stop, rng)) for c in victims]
        tasks.append(asyncio.create_task(chair_loop(chair, ledger, stop)))
        tasks += [asyncio.create_task(steady_loop(c, stop, during)) for c in steady]
        await chaos(proxy, rng, seconds, counts)
        stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 60)
        print(f"faults: {counts}; polls: {len(ledger.closed)}")

        # The network is quiet now; half-open links are found by the keep-alive.
        await until(lambda: all(c.state is ConnectionState.CONNECTED and not c.pending_commands
                                for c in victims), 30, "every victim back and idle")
        assert not ledger.refused, ledger.refused

        fresh = terminal(server.url)
        await fresh.connect()
        await fresh.login("clerk", "demo")
        truth = await fresh.subscribe(1)
        await until(lambda: all((c.replica(1) or truth).seq == truth.seq
                                for c in [*victims, *steady, chair]), 30, "replicas at seq")
        expected = msgspec.to_builtins(truth.state)
        for client in [*victims, *steady, chair]:
            replica = client.replica(1)
            assert replica is not None
            assert msgspec.to_builtins(replica.state) == expected, users[client]
        await fresh.close()

        for poll_id, closed in ledger.closed.items():
            counted = {b["user_id"]: b["choice"] for b in closed["ballots"]}
            assert counted == ledger.acknowledged.get(poll_id, {}), poll_id

        # Clean terminals kept their latency while the others were being shaken.
        p50_before, p50_during = quantile(before, 0.5), quantile(during, 0.5)
        print(f"clean round trips: before p50 {p50_before * 1000:.1f} ms, during p50 "
              f"{p50_during * 1000:.1f} ms, p99 {quantile(during, 0.99) * 1000:.1f} ms, "
              f"max {max(during) * 1000:.1f} ms ({len(during)} requests)")
        assert p50_during < max(3 * p50_before, 0.02)
        assert quantile(during, 0.99) < 0.5
    finally:
        for client in clients:
            with contextlib.suppress(Exception):
                await client.close()
        await proxy.close()
