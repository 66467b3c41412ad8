"""Benchmark: the server restarts under 1000 subscribed terminals; how soon are all in sync?

N terminals (``--quick``: 100) sign in, check in (so the meeting's log has N
events) and subscribe to meeting 1. The server gets SIGTERM with all of them
connected (graceful stop: every terminal is closed with 1001) and is started
again on the same port. While the terminals are away, 50 other delegates check
in (50 ``attendance.changed`` events they missed). Then all N terminals come
back at once, as a restarted chamber does: reconnect, ``auth.resume`` with
their token, ``meeting.subscribe`` with ``since`` = the last ``seq`` they saw;
a terminal is *in sync* when it has received the latest event. The 50
check-ins happen between restart and storm so that the storm is timed alone.

A second storm follows on the running server: every terminal restarts too and
subscribes with ``since`` 0, so each one needs a whole snapshot.

The raw stack, in the same run with the same workers: a bare ``websockets``
server that answers resume and subscribe at once and then sends the very same
50 event frames (or, for the second storm, the very same snapshot). Target:
SIGTERM → all N in sync ≤ 10 s (stop + start + storm; the 50 check-ins
excluded). Run from the repo root::

    .venv/bin/python -m bench reconnect_storm [--quick] [--n N]
"""

from __future__ import annotations

import asyncio
import time

from bench.common import (
    Baseline,
    BenchError,
    Client,
    Row,
    ServerProcess,
    Terminals,
    check,
    log,
    median,
    merge,
    scratch_dir,
    username,
)
from tests.support.live import init_demo_db

TITLE = "server restart under N subscribed terminals: reconnect, resume, catch up"
SIZE = 1000
QUICK_SIZE = 100
MISSED = 50
TARGET_S = 10.0


async def _storm(terms: Terminals, url: str, target: int,
                 fresh: bool = False) -> tuple[float, float]:
    """(seconds until the last terminal is in sync, median) — all terminals at once."""
    got = merge(await terms.order("storm", url=url, target_seq=target, timeout=120.0,
                                   fresh=fresh))
    if got.get("missing") or got.get("errors"):
        raise BenchError(f"storm: {got.get('missing')} not in sync, errors {got.get('errors')}")
    synced = got["synced"]
    return (max(synced) - got["t0"]) / 1e9, (median(synced) - got["t0"]) / 1e9


async def measure(n: int) -> list[Row]:
    missed = min(MISSED, max(5, n // 4))
    delegates = n + missed
    users = [username(i, delegates) for i in range(1, n + 1)]
    others = [username(i, delegates) for i in range(n + 1, delegates + 1)]
    terms = Terminals(users)
    try:
        with scratch_dir(f"reconnect{n}") as tmp:
            db = tmp / "demo.sqlite3"
            init_demo_db(db, delegates)
            server = ServerProcess(db)
            server.start()
            try:
                log(f"reconnect storm N={n}: sign in and subscribe")
                await terms.seat(server.url, check_in=True, subscribe_concurrency=25)
                seq0 = max(max(s) for s in await terms.order("seqs"))
                if seq0 < n:
                    raise BenchError(f"expected {n} check-ins in the log, seq is {seq0}")

                log(f"reconnect storm N={n}: SIGTERM with {n} connected, start again")
                t0 = time.perf_counter()
                server.stop()
                stop_s = time.perf_counter() - t0
                server.start()
                boot_s = time.perf_counter() - t0 - stop_s

                chair = await Client.signed_in(server.url, "chair")
                await chair.call("meeting.subscribe", meeting_id=1, since=seq0)
                away = await asyncio.gather(*(Client.signed_in(server.url, u) for u in others))
                await asyncio.gather(*(c.act("attendance.check_in", meeting_id=1) for c in away))
                target = seq0 + missed
                await chair.wait_seq(target)
                frames = [raw for _t, raw, f in chair.events if f.seq and f.seq > seq0]
                await chair.call("meeting.subscribe", meeting_id=1, since=0)
                snapshot = chair.last_data
                await asyncio.gather(chair.close(), *(c.close() for c in away))

                log(f"reconnect storm N={n}: all {n} come back at once")
                storm_s, storm_mid = await _storm(terms, server.url, target)
                rss = server.rss_mb()
                log(f"reconnect storm N={n}: all {n} restart and ask for snapshots")
                fresh_s, fresh_mid = await _storm(terms, server.url, target, fresh=True)
                rss_fresh = server.rss_mb()
                await terms.order("close")
            finally:
                server.stop()
        base = Baseline()
        try:
            await base.replay(target, frames)
            await terms.open(base.url, concurrency=100)
            await terms.each_ok("auth.login", {"username": "$username", "password": "demo"},
                                start_in=None)
            await terms.order("drop")
            base_s, _base_mid = await _storm(terms, base.url, target)
            await base.replay(target, [], result=snapshot)
            base_fresh_s, _ = await _storm(terms, base.url, target, fresh=True)
            await terms.order("close")
        finally:
            await base.close()
    finally:
        terms.close()
    total = stop_s + boot_s + storm_s
    log(f"reconnect storm N={n}: stop {stop_s:.2f} s, start {boot_s:.2f} s, "
        f"storm {storm_s:.2f} s (raw {base_s:.2f} s)")
    return [
        Row("reconnect_storm", f"SIGTERM with N={n} connected → process ended", stop_s, "s"),
        Row("reconnect_storm", "server start → listening again", boot_s, "s"),
        Row("reconnect_storm", f"N={n} reconnect + resume + subscribe(since) → all in sync",
            storm_s, "s", baseline=base_s,
            note=f"{missed} missed events each, median terminal {storm_mid:.2f} s"),
        Row("reconnect_storm", f"SIGTERM → all N={n} in sync (stop + start + storm)", total,
            "s", target=f"≤ {TARGET_S:g} s", ok=check(total, at_most=TARGET_S),
            note=f"server RSS after: {rss:.0f} MB"),
        Row("reconnect_storm", f"N={n} terminals restarted: reconnect + resume + snapshot",
            fresh_s, "s", baseline=base_fresh_s,
            note=f"{len(snapshot) / 1024:.0f} KiB snapshot each, median terminal "
                 f"{fresh_mid:.2f} s, server RSS after: {rss_fresh:.0f} MB"),
    ]


def run(quick: bool, n: int | None = None) -> list[Row]:
    return asyncio.run(measure(n or (QUICK_SIZE if quick else SIZE)))


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["reconnect_storm"]))
