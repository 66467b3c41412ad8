"""Benchmark: follow-the-presenter — a page turn reaching the last of N following terminals.

N terminals (500; ``--quick``: 100) sign in and subscribe to meeting 1. The
chair turns the page (``presentation.page``, acknowledged after commit) and
the time runs from sending the command to the LAST terminal receiving the
``presentation.page`` event. The raw stack, in the same run, with the same
worker processes and connections: a bare ``websockets`` server that
``broadcast()``-s the very bytes of the server's event on a trigger.
Target: ≤ 1.3× the raw stack. Run from the repo root::

    .venv/bin/python -m bench page_sync [--quick] [--n N]
"""

from __future__ import annotations

import asyncio

from bench.common import (
    Baseline,
    Client,
    Row,
    ServerProcess,
    Terminals,
    arrival_latency,
    log,
    median,
    now_ns,
    scratch_dir,
    username,
)
from tests.support.live import init_demo_db

TITLE = "follow the presenter: presentation.page to the last of N terminals"
SIZES = (500,)
QUICK_SIZES = (100,)
RATIO_TARGET = 1.3
EVENT = "presentation.page"


async def measure(n: int, rounds: int) -> list[Row]:
    users = [username(i, n) for i in range(1, n + 1)]
    latencies: list[float] = []
    medians: list[float] = []
    frame = b""
    with scratch_dir(f"pagesync{n}") as tmp:
        db = tmp / "demo.sqlite3"
        init_demo_db(db, n)
        server = ServerProcess(db)
        server.start()
        terms = Terminals(users)
        try:
            log(f"page_sync N={n}: {len(terms.shares)} workers sign in and subscribe")
            await terms.seat(server.url)
            chair = await Client.signed_in(server.url, "chair")
            await chair.call("meeting.subscribe", meeting_id=1, since=0)
            for r in range(rounds):
                await asyncio.sleep(0.2)
                echoed = chair.expect_event(EVENT)

                async def turn(page: int = r + 2) -> int:
                    t0 = now_ns()
                    await chair.act(EVENT, meeting_id=1, document_id=1, page=page)
                    return t0

                last, mid = await arrival_latency(terms, EVENT, turn)
                latencies.append(last)
                medians.append(mid)
                frame = await asyncio.wait_for(echoed, 10)
                log(f"page_sync N={n} turn {r + 1}: last terminal after {last:.1f} ms")
            await chair.close()
            await terms.order("close")
        except BaseException:
            terms.close()
            raise
        finally:
            server.stop()

    base = Baseline()
    base_lat: list[float] = []
    try:
        await terms.open(base.url, concurrency=100)
        for _ in range(rounds):
            await asyncio.sleep(0.2)
            last, _mid = await arrival_latency(terms, EVENT, lambda: base.fire(frame))
            base_lat.append(last)
        log(f"page_sync N={n} raw stack: broadcast to last terminal {median(base_lat):.1f} ms")
        await terms.order("close")
    finally:
        await base.close()
        terms.close()

    row = Row("page_sync", f"presentation.page → last of N={n} following terminals",
              median(latencies), "ms", baseline=median(base_lat),
              note=f"{len(frame)} B event, median terminal {median(medians):.0f} ms, "
                   f"{rounds} turns", target=f"≤ {RATIO_TARGET}× raw")
    if row.ratio is not None:
        row.ok = row.ratio <= RATIO_TARGET
    return [row]


def run(quick: bool, n: int | None = None) -> list[Row]:
    sizes = [n] if n else list(QUICK_SIZES if quick else SIZES)
    rounds = 3 if quick else 9
    rows: list[Row] = []
    for size in sizes:
        rows += asyncio.run(measure(size, rounds))
    return rows


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["page_sync"]))
