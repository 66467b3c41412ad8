"""Benchmark: a vote of N terminals — durable ballot ingest and ``poll.closed`` fan-out.

For N = 100, 500, 1000 (``--quick``: 100) on a demo database with N
delegates, every terminal signs in, checks in and subscribes to meeting 1.
Then, in each round, the chair creates and opens a poll and

- all N terminals cast a ballot at the same moment (``poll.cast`` with a key):
  *ingest* is N / (first ballot sent → last acknowledgement), and every
  acknowledgement means the ballot is committed;
- the chair closes the poll: *fan-out* is the time from sending ``poll.close``
  to the LAST terminal receiving ``poll.closed`` (a ~30-byte-per-ballot frame:
  open polls list every ballot).

The raw stack, measured in the same run with the same worker processes and
the same number of connections: a bare ``websockets`` server that answers each
ballot at once (ingest), and that ``broadcast()``-s the very bytes of the
server's ``poll.closed`` frame on a trigger sent the way the chair sends
``poll.close`` (fan-out). Server RSS is read with psutil once the terminals
are connected and again after the votes.

Targets: fan-out ≤ 1.5× the raw stack at 500 (issue 2) and ≤ 1.3× at 1000
(issue 6); ingest ≥ 1000 ballots/s (issue 2) and ≥ 2000 at 1000 terminals
(issue 6); server RSS ≤ 150 MB with 1000 terminals. Run from the repo root::

    .venv/bin/python -m bench fanout [--quick] [--n N]
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
    check,
    log,
    median,
    now_ns,
    scratch_dir,
    span_s,
    username,
)
from tests.support.live import init_demo_db

TITLE = "vote of N terminals: ballot ingest, poll.closed fan-out, server memory"
SIZES = (100, 500, 1000)
QUICK_SIZES = (100,)
FANOUT_RATIO_TARGET = {500: 1.5, 1000: 1.3}
INGEST_TARGET = {500: 1000.0, 1000: 2000.0}
RSS_TARGET_MB = {1000: 150.0}


async def measure(n: int, rounds: int) -> list[Row]:
    """One size: the server's figures, then the raw stack's, as rows."""
    users = [username(i, n) for i in range(1, n + 1)]
    latencies: list[float] = []
    medians: list[float] = []
    ingests: list[float] = []
    frame = b""
    with scratch_dir(f"fanout{n}") as tmp:
        db = tmp / "demo.sqlite3"
        init_demo_db(db, n)
        server = ServerProcess(db)
        server.start()
        terms = Terminals(users)
        try:
            log(f"fanout N={n}: {len(terms.shares)} workers sign in, check in, subscribe")
            await terms.seat(server.url, check_in=True)
            chair = await Client.signed_in(server.url, "chair")
            await chair.call("meeting.subscribe", meeting_id=1, since=0)
            rss = server.rss_mb()
            for r in range(rounds):
                poll = await chair.act("poll.create", meeting_id=1,
                                       title=f"Biểu quyết thông qua Nghị quyết số {r + 1}")
                poll_id = poll["poll_id"]
                await chair.act("poll.open", poll_id=poll_id)
                cast = await terms.each_ok("poll.cast", {"poll_id": poll_id, "choice": "yes"},
                                           keyed=True, start_in=0.3)
                ingests.append(n / span_s(cast["sends"], cast["replies"]))
                await asyncio.sleep(0.5)  # the last coalesced poll.progress goes out first
                closed = chair.expect_event("poll.closed")

                async def close(pid: int = poll_id) -> int:
                    t0 = now_ns()
                    await chair.act("poll.close", poll_id=pid)
                    return t0

                last, mid = await arrival_latency(terms, "poll.closed", close)
                latencies.append(last)
                medians.append(mid)
                frame = await asyncio.wait_for(closed, 10)
                log(f"fanout N={n} round {r + 1}: ingest {ingests[-1]:.0f}/s, "
                    f"poll.closed to last terminal {last:.1f} ms")
            rss = max(rss, server.rss_mb())
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
        for _ in range(max(rounds, 3)):
            await asyncio.sleep(0.3)
            last, _mid = await arrival_latency(terms, "poll.closed", lambda: base.fire(frame))
            base_lat.append(last)
        cast = await terms.each_ok("poll.cast", {"poll_id": 1, "choice": "yes"}, keyed=True,
                                   start_in=0.3)
        base_ingest = n / span_s(cast["sends"], cast["replies"])
        base_rss = base.rss_mb()
        log(f"fanout N={n} raw stack: broadcast to last terminal {median(base_lat):.1f} ms, "
            f"{base_ingest:.0f} replies/s")
        await terms.order("close")
    finally:
        await base.close()
        terms.close()

    fan = Row("fanout", f"poll.close → last of N={n} terminals has poll.closed",
              median(latencies), "ms", baseline=median(base_lat),
              note=f"{len(frame) / 1024:.0f} KiB frame, median terminal {median(medians):.0f} ms",
              target=(f"≤ {FANOUT_RATIO_TARGET[n]}× raw" if n in FANOUT_RATIO_TARGET else ""))
    if n in FANOUT_RATIO_TARGET and fan.ratio is not None:
        fan.ok = fan.ratio <= FANOUT_RATIO_TARGET[n]
    ingest = Row("fanout", f"durable ballot ingest, N={n} casting at once", median(ingests),
                 "ballots/s", baseline=base_ingest, better="higher",
                 target=f"≥ {INGEST_TARGET[n]:.0f}/s" if n in INGEST_TARGET else "",
                 ok=check(median(ingests), at_least=INGEST_TARGET.get(n)) if n in INGEST_TARGET
                 else None)
    memory = Row("fanout", f"server RSS with N={n} terminals subscribed", rss, "MB",
                 baseline=base_rss,
                 target=f"≤ {RSS_TARGET_MB[n]:.0f} MB" if n in RSS_TARGET_MB else "",
                 ok=check(rss, at_most=RSS_TARGET_MB.get(n)) if n in RSS_TARGET_MB else None)
    return [fan, ingest, memory]


def run(quick: bool, n: int | None = None) -> list[Row]:
    sizes = [n] if n else list(QUICK_SIZES if quick else SIZES)
    rounds = 1 if quick else 9
    rows: list[Row] = []
    for size in sizes:
        rows += asyncio.run(measure(size, rounds))
    return rows


if __name__ == "__main__":
    from bench.run import main

    raise SystemExit(main(["fanout"]))
