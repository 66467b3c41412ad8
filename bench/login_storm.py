"""Benchmark: N terminals open their connection and sign in at the same moment.

The morning of a session: 1000 terminals (``--quick``: 100) connect at once
(handshake storm), then all send ``auth.login`` at once. Sign-in speed is
bounded by argon2id, whose cost is set in ``server.config.Settings``
(``argon2_time_cost``, ``argon2_memory_kib``) and reported here. The raw
stack, in the same run: the same connection storm against a bare
``websockets`` server, and argon2 verification of the same hash on as many
threads as the server gives it (its ``cpu`` pool has two), with no server
around it — the ceiling the server can approach. Run from the repo root::

    .venv/bin/python -m bench login_storm [--quick] [--n N]
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

from bench.common import (
    Baseline,
    BenchError,
    Row,
    ServerProcess,
    Terminals,
    log,
    scratch_dir,
    span_s,
    username,
)
from tests.support.live import init_demo_db

TITLE = "N terminals connect and sign in at once"
SIZE = 1000
QUICK_SIZE = 100
ARGON2_THREADS = 2
"""``MeetingServer`` verifies passwords on a two-thread pool."""


def argon2_rate(count: int, threads: int = ARGON2_THREADS) -> tuple[float, float]:
    """(verifications per second on ``threads`` threads, ms for one) at the server's cost."""
    from server.config import Settings
    from server.modules.accounts.passwords import Passwords

    s = Settings(db_url="sqlite://")
    pw = Passwords(time_cost=s.argon2_time_cost, memory_kib=s.argon2_memory_kib)
    stored = pw.hash("demo")
    t0 = time.perf_counter()
    pw.verify(stored, "demo")
    one = time.perf_counter() - t0
    with ThreadPoolExecutor(threads) as pool:
        t0 = time.perf_counter()
        ok = list(pool.map(lambda _i: pw.verify(stored, "demo"), range(count)))
        elapsed = time.perf_counter() - t0
    if not all(ok):
        raise BenchError("argon2 baseline failed to verify")
    return count / elapsed, one * 1000


async def measure(n: int) -> list[Row]:
    from server.config import Settings

    users = [username(i, n) for i in range(1, n + 1)]
    terms = Terminals(users)
    try:
        with scratch_dir(f"login{n}") as tmp:
            db = tmp / "demo.sqlite3"
            init_demo_db(db, n)
            server = ServerProcess(db)
            server.start()
            try:
                log(f"login storm N={n}: connect all at once")
                opened = await terms.open(server.url)
                if opened.get("errors"):
                    raise BenchError(f"connect: {opened['errors']}")
                connect_s = span_s([opened["t0"]], opened["done"])
                log(f"login storm N={n}: sign in all at once")
                logins = await terms.each_ok("auth.login",
                                             {"username": "$username", "password": "demo"},
                                             start_in=0.3, timeout=300)
                login_s = span_s(logins["sends"], logins["replies"])
                await terms.order("close")
            finally:
                server.stop()
        base = Baseline()
        try:
            opened = await terms.open(base.url)
            base_connect_s = span_s([opened["t0"]], opened["done"])
            await terms.order("close")
        finally:
            await base.close()
    finally:
        terms.close()
    rate_base, one_ms = argon2_rate(min(n, 200))
    s = Settings(db_url="sqlite://")
    cost = (f"argon2id t={s.argon2_time_cost}, {s.argon2_memory_kib / 1024:.0f} MiB, "
            f"{one_ms:.0f} ms each; raw = {ARGON2_THREADS} threads verifying")
    log(f"login storm N={n}: {n / login_s:.0f} logins/s (argon2 alone {rate_base:.0f}/s)")
    return [
        Row("login_storm", f"N={n} WebSocket handshakes at once", connect_s, "s",
            baseline=base_connect_s),
        Row("login_storm", f"N={n} auth.login at once", n / login_s, "logins/s",
            baseline=rate_base, better="higher", note=cost),
    ]


def run(quick: bool, n: int | None = None) -> list[Row]:
    return asyncio.run(measure(n or (QUICK_SIZE if quick else SIZE)))


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["login_storm"]))
