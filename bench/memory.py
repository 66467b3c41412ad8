"""Benchmark: server memory with 0 and with N idle terminals, and growth per terminal.

The server starts on a demo database with N delegates (1000; ``--quick``:
100) and signs in two users (so argon2's working memory, 19 MiB per thread,
is already counted in the idle figure). Then N terminals sign in and
subscribe to meeting 1, a few at a time, and stay idle: the difference is what
a terminal costs. Finally all N subscribe again *at once*, as after a restart
of the chamber, and the RSS is read again: the allocator keeps what that burst
took. RSS is psutil's, of the server process. The raw stack, in the same run:
a bare ``websockets`` server idle and with the same N connections. Run from
the repo root::

    .venv/bin/python -m bench memory [--quick] [--n N]
"""

from __future__ import annotations

import asyncio

from bench.common import (
    Baseline,
    Client,
    Row,
    ServerProcess,
    Terminals,
    check,
    log,
    scratch_dir,
    username,
)
from tests.support.live import init_demo_db

TITLE = "server memory: idle, with N idle terminals, per terminal"
SIZE = 1000
QUICK_SIZE = 100
RSS_TARGET_MB = 150.0
"""At 1000 connected terminals (issue 6)."""
SETTLE_S = 1.0


async def measure(n: int) -> list[Row]:
    users = [username(i, n) for i in range(1, n + 1)]
    terms = Terminals(users)
    try:
        with scratch_dir(f"memory{n}") as tmp:
            db = tmp / "demo.sqlite3"
            init_demo_db(db, n)
            server = ServerProcess(db)
            server.start()
            try:
                first = await asyncio.gather(Client.signed_in(server.url, "admin"),
                                             Client.signed_in(server.url, "chair"))
                await asyncio.gather(*(c.close() for c in first))
                await asyncio.sleep(SETTLE_S)
                rss0 = server.rss_mb()
                log(f"memory N={n}: idle {rss0:.0f} MB; terminals sign in and subscribe")
                await terms.seat(server.url, open_concurrency=50, concurrency=4)
                await asyncio.sleep(SETTLE_S)
                rss_n = server.rss_mb()
                log(f"memory N={n}: {rss_n:.0f} MB; all subscribe again at once")
                await terms.each_ok("meeting.subscribe", {"meeting_id": 1, "since": 0},
                                    start_in=0.2)
                await asyncio.sleep(SETTLE_S)
                rss_burst = server.rss_mb()
                await terms.order("close")
            finally:
                server.stop()
        base = Baseline()
        try:
            await asyncio.sleep(SETTLE_S)
            base0 = base.rss_mb()
            await terms.open(base.url, concurrency=50)
            await terms.each_ok("auth.login", {"username": "$username", "password": "demo"},
                                start_in=None)
            await asyncio.sleep(SETTLE_S)
            base_n = base.rss_mb()
            await terms.order("close")
        finally:
            await base.close()
    finally:
        terms.close()
    per = (rss_n - rss0) * 1024 / n
    base_per = (base_n - base0) * 1024 / n
    log(f"memory N={n}: {per:.0f} KB per terminal (bare websockets {base_per:.0f} KB)")
    target = RSS_TARGET_MB if n >= 1000 else None
    return [
        Row("memory", "server RSS, idle after its first sign-ins", rss0, "MB", baseline=base0),
        Row("memory", f"server RSS, N={n} idle terminals (signed in, subscribed)", rss_n, "MB",
            baseline=base_n, target=f"≤ {RSS_TARGET_MB:.0f} MB" if target else "",
            ok=check(rss_n, at_most=target) if target else None),
        Row("memory", "RSS growth per idle terminal", per, "KB", baseline=base_per),
        Row("memory", f"server RSS after all N={n} subscribed again at once", rss_burst, "MB",
            baseline=base_n, note="allocator keeps the burst's peak"),
    ]


def run(quick: bool, n: int | None = None) -> list[Row]:
    return asyncio.run(measure(n or (QUICK_SIZE if quick else SIZE)))


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["memory"]))
