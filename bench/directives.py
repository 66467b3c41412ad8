"""Benchmark: directives at the size of a city's five years (issue 15).

N directives (100,000 by default) over 40 lead units and five years of issue dates, about
a fifth still open. Measured, each against the same query as raw SQL on the same database
in the same run (the ``baseline`` column):

- the dashboard's figures (``directive.dashboard``) over the protocol: ≤ 100 ms median
  (the baseline is the same figures as one raw SQL aggregate over every directive; the
  server counts completions as they happen and reads only the open directives);
- ``directive.list`` of one unit's overdue directives over the protocol: ≤ 30 ms median;
- the reminder scan (:func:`server.modules.directives.reminders.scan`) once every
  occasion has fired — its steady state: ≤ 50 ms per run.

Run from the repo root: ``.venv/bin/python -m bench.directives [--n 10000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.common import Client, Row, ServerProcess, check, log, median, scratch_dir
from tests.support.live import init_demo_db

TITLE = "directives: dashboard, one unit's overdue list, reminder scan at 100,000"
DASHBOARD_MS = 100.0
LIST_MS = 30.0
SCAN_MS = 50.0
UNITS = 40
YEARS = 5
REPEAT = 21
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def fill(db: Path, n: int, seed: int = 15) -> list[int]:
    """Add units up to 40 and ``n`` directives; returns the lead unit ids."""
    rnd = random.Random(seed)
    con = sqlite3.connect(db)
    units = [r[0] for r in con.execute("SELECT id FROM org_units ORDER BY id")]
    for k in range(len(units), UNITS):
        cur = con.execute("INSERT INTO org_units (name, code) VALUES (?, ?)",
                          (f"Đơn vị thử {k + 1:02d}", f"BENCH{k + 1:02d}"))
        units.append(int(cur.lastrowid or 0))
    issuer = con.execute("SELECT id FROM users WHERE username='lanhdao'").fetchone()[0]
    today = datetime.now(LOCAL).date()
    start = today - timedelta(days=365 * YEARS)
    rows = []
    for i in range(n):
        issued = start + timedelta(days=rnd.randrange(365 * YEARS))
        deadline = issued + timedelta(days=rnd.randint(7, 90))
        at = f"{issued.isoformat()}T02:00:00.000Z"
        open_ = rnd.random() < (0.6 if deadline >= today else 0.12)
        if open_:
            status, done_at, on_time = rnd.choice(
                ["assigned", "in_progress", "reported", "returned"]), None, None
        else:
            done = min(deadline + timedelta(days=rnd.randint(-20, 10)), today)
            done = max(done, issued)
            status, done_at, on_time = "completed", f"{done.isoformat()}T03:00:00.000Z", \
                done <= deadline
        rows.append((f"Nhiệm vụ số {i + 1}: triển khai kết luận của lãnh đạo", issuer, at,
                     units[i % UNITS], "normal", deadline.isoformat(), status,
                     100 if status == "completed" else rnd.randint(0, 90), done_at, on_time,
                     at))
    con.executemany(
        "INSERT INTO directives (content, issued_by, issued_at, source_notice, "
        "assignee_unit_id, priority, deadline, status, percent, completed_at, on_time, "
        "updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    # The completion counts the server keeps as it completes directives one by one.
    con.execute("INSERT INTO directive_done_counts (unit_id, on_time, late) "
                "SELECT COALESCE(assignee_unit_id, 0), SUM(on_time = 1), SUM(on_time = 0) "
                "FROM directives WHERE status = 'completed' GROUP BY 1")
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return units


def raw_dashboard(con: sqlite3.Connection, today: str) -> float:
    month_ago = (date.fromisoformat(today) - timedelta(days=30)).isoformat()
    t = time.perf_counter()
    con.execute(
        "SELECT assignee_unit_id, "
        "SUM(status='completed' AND on_time=1), SUM(status='completed' AND on_time=0), "
        "SUM(status!='completed' AND deadline>=?), SUM(status!='completed' AND deadline<?), "
        "SUM(status!='completed' AND deadline IS NULL), "
        "SUM(status!='completed' AND deadline<?), COUNT(*) "
        "FROM directives GROUP BY assignee_unit_id", (today, today, month_ago)).fetchall()
    return (time.perf_counter() - t) * 1000


def raw_list(con: sqlite3.Connection, unit: int, today: str) -> float:
    t = time.perf_counter()
    con.execute("SELECT * FROM directives WHERE assignee_unit_id=? AND status!='completed' "
                "AND deadline IS NOT NULL AND deadline<? ORDER BY id DESC LIMIT 1000",
                (unit, today)).fetchall()
    return (time.perf_counter() - t) * 1000


def scan_runs(db: Path) -> tuple[list[float], int]:
    """Run the scan until the backlog has fired, then time steady-state runs."""
    from sqlalchemy import create_engine

    from server.modules.directives.reminders import scan
    from server.storage.committer import Tx

    engine = create_engine(f"sqlite:///{db}")
    fired_total = 0
    times = []
    try:
        while True:
            with engine.begin() as conn:
                fired = scan(Tx(conn), 3)
            fired_total += fired
            if not fired:
                break
        for _ in range(REPEAT):
            with engine.begin() as conn:
                t = time.perf_counter()
                scan(Tx(conn), 3)
                times.append((time.perf_counter() - t) * 1000)
    finally:
        engine.dispose()
    return times, fired_total


async def over_protocol(url: str, unit: int) -> tuple[list[float], list[float], int]:
    client = await Client.signed_in(url, "lanhdao")
    try:
        board, listed = [], []
        count = 0
        for _ in range(REPEAT):
            t = time.perf_counter()
            await client.call("directive.dashboard")
            board.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            got = await client.call("directive.list", unit_id=unit, overdue=True)
            listed.append((time.perf_counter() - t) * 1000)
            count = len(got["directives"])
        return board, listed, count
    finally:
        await client.close()


def run(quick: bool, n: int | None = None) -> list[Row]:
    n = n or (10_000 if quick else 100_000)
    with scratch_dir("directives") as folder:
        db = folder / "directives.sqlite3"
        init_demo_db(db, 30)
        log(f"directives: filling {n:,} directives")
        units = fill(db, n)
        unit = units[len(units) // 2]
        scans, backlog = scan_runs(db)
        log(f"directives: backlog of {backlog:,} reminders fired before timing the scan")
        today = datetime.now(UTC).astimezone(LOCAL).date().isoformat()
        con = sqlite3.connect(db)
        raw_board = [raw_dashboard(con, today) for _ in range(REPEAT)]
        raw_lists = [raw_list(con, unit, today) for _ in range(REPEAT)]
        con.close()
        server = ServerProcess(db)
        server.extra_args = ["--directive-scan-s", "3600"]
        server.start()
        try:
            board, listed, count = asyncio.run(over_protocol(server.url, unit))
        finally:
            server.stop()
    note = f"N={n:,}, {UNITS} units, {YEARS} years"
    return [
        Row("directives", "dashboard figures (median)", median(board), "ms",
            baseline=median(raw_board), target=f"≤ {DASHBOARD_MS:.0f} ms",
            ok=check(median(board), at_most=DASHBOARD_MS), note=note),
        Row("directives", "one unit's overdue list (median)", median(listed), "ms",
            baseline=median(raw_lists), target=f"≤ {LIST_MS:.0f} ms",
            ok=check(median(listed), at_most=LIST_MS), note=f"{count} rows; {note}"),
        Row("directives", "reminder scan, steady state (median)", median(scans), "ms",
            target=f"≤ {SCAN_MS:.0f} ms", ok=check(median(scans), at_most=SCAN_MS),
            note=f"backlog {backlog:,} fired first; {note}"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=None)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    for row in run(args.quick, args.n):
        print(f"{row.metric:40s} {row.value:8.2f} {row.unit}  raw {row.baseline}  "
              f"{row.target}  ok={row.ok}  {row.note}")


if __name__ == "__main__":
    main()
