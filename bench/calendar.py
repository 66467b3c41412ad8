"""Benchmark: the work calendar of a city over five years.

N events (default 50,000; 10% recurring: weekly briefings for a few months, some monthly
rules) spread over 2024–2028 are written straight into a demo database; then, against a
real server:

- ``calendar.list`` for a week, median over random weeks, over the protocol (target
  ≤ 30 ms), against a raw SQL query of the same week's rows (the same candidate query the
  server runs, without expansion, visibility or double-booking checks) in the same run;
- the week view opening in the client (sign-in done; from building the page to the
  schedule on screen; target ≤ 300 ms), in an offscreen Qt child process;
- a year's ``GET /calendar.ics`` (target ≤ 2 s).

    .venv/bin/python -m bench calendar [--quick] [--n N]
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
import urllib.request
from datetime import date, datetime, timedelta
from pathlib import Path

from bench.common import PYTHON, ROOT, Row, ServerProcess, check, log, median, scratch_dir

TITLE = "work calendar: a week over the protocol, the week view, a year's .ics"
SIZE = 50_000
QUICK_SIZE = 3_000
LIST_TARGET_MS = 30.0
VIEW_TARGET_MS = 300.0
ICS_TARGET_S = 2.0
FIRST, YEARS = date(2024, 1, 1), 5
STAFF = 400
ROOMS = 10

TITLES = ("Họp giao ban", "Tiếp công dân định kỳ", "Làm việc với Sở Xây dựng",
          "Kiểm tra tiến độ dự án", "Hội nghị triển khai nhiệm vụ", "Họp Ban Chỉ đạo",
          "Đối thoại doanh nghiệp", "Tập huấn chuyển đổi số", "Họp chuyên đề ngân sách")
PLACES = ("Phòng họp số 1", "Phòng họp số 2", "Hội trường UBND", "Trụ sở tiếp công dân",
          "Phường Ka Long", "Phường Trần Phú", "Cửa khẩu Bắc Luân")
SITES = tuple(f"{kind} {n}" for kind in ("Phường", "Xã", "Công trình", "Trường", "Trạm y tế")
              for n in range(1, 13))
"""Places visited (not rooms): sixty of them."""


def populate(db: Path, n: int, seed: int = 2026) -> None:
    """Write ``n`` events (10% recurring) through the calendar's own time functions."""
    from server.modules.calendar.recurrence import (
        LOCAL_TZ,
        last_end,
        local_iso,
        parse_rrule,
        utc_key,
    )

    rng = random.Random(seed)
    con = sqlite3.connect(db)
    # A city's staff: a few hundred people whose days the calendar holds.
    pw = con.execute("SELECT password_hash FROM users LIMIT 1").fetchone()[0]
    con.executemany("INSERT INTO users (username, full_name, password_hash, is_admin, "
                    "is_demo, created_at) VALUES (?, ?, ?, 0, 1, '2026-01-01T00:00:00Z')",
                    [(f"nv{i:04d}", f"Nhân viên {i}", pw) for i in range(STAFF)])
    users = [r[0] for r in con.execute("SELECT id FROM users")]
    units = [r[0] for r in con.execute("SELECT id FROM org_units")]
    now = "2026-12-01T00:00:00.000Z"
    rooms = []
    for i in range(ROOMS):
        rooms.append(con.execute("INSERT INTO cal_rooms (name, capacity, location) "
                                 "VALUES (?, ?, '')", (f"Phòng họp số {i + 1}", 30 + 10 * i)
                                 ).lastrowid)
    days = YEARS * 365
    events, people, unit_rows = [], [], []
    for event_id in range(1, n + 1):
        day = FIRST + timedelta(days=rng.randrange(days))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        start = datetime(day.year, day.month, day.day, rng.choice((7, 8, 9, 13, 14, 15)),
                         rng.choice((0, 30)), tzinfo=LOCAL_TZ)
        end = start + timedelta(minutes=rng.choice((60, 90, 120, 180)))
        rrule = until = None
        if event_id % 10 == 0:
            weekday = ("MO", "TU", "WE", "TH", "FR")[start.weekday()]
            if event_id % 30 == 0:
                text = f"FREQ=MONTHLY;BYDAY=2{weekday};COUNT=6"
                start = _second_weekday(start)
                end = start + timedelta(hours=2)
            elif event_id % 20 == 0:
                text = f"FREQ=WEEKLY;BYDAY={weekday};COUNT={rng.randint(4, 26)}"
            else:
                until = start + timedelta(days=rng.randint(60, 180))
                text = f"FREQ=WEEKLY;BYDAY={weekday};UNTIL={until:%Y%m%d}"
            rule = parse_rrule(text)
            rrule = rule.text
            last = last_end(start, end - start, rule)
            until = utc_key(last) if last else None
        room = rng.choice(rooms) if rng.random() < 0.15 else None
        events.append((event_id, f"{rng.choice(TITLES)} {event_id}", local_iso(start),
                       local_iso(end), utc_key(start), utc_key(end), rrule, until,
                       rng.choice(SITES), room, rng.choice(users), None, None, "",
                       rng.choice(("public", "involved")), False, users[0], now, now))
        for user_id in rng.sample(users, rng.randint(1, 5)):
            people.append((event_id, user_id))
        if units and rng.random() < 0.3:
            unit_rows.append((event_id, rng.choice(units)))
    con.executemany("INSERT INTO cal_events (id, title, starts_at, ends_at, start_utc, "
                    "end_utc, rrule, until_utc, location, room_id, host_id, delegate_id, "
                    "preparing_unit_id, notes, visibility, cancelled, created_by, created_at, "
                    "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
    from server.modules.calendar.service import series_index

    kept, long = [], []
    for e in events:
        occurrences, months = series_index(e[0], e[2], e[3], e[4], e[6], e[7])
        kept += [(o["event_id"], o["start_utc"], o["end_utc"]) for o in occurrences]
        long += [(m["event_id"], m["month"]) for m in months]
    con.executemany("INSERT INTO cal_occurrences VALUES (?, ?, ?)", kept)
    con.executemany("INSERT INTO cal_series_months VALUES (?, ?)", long)
    con.executemany("INSERT OR IGNORE INTO cal_participants VALUES (?, ?)", people)
    con.executemany("INSERT OR IGNORE INTO cal_units VALUES (?, ?)", unit_rows)
    con.commit()
    con.execute("ANALYZE")
    con.close()


def _second_weekday(start: datetime) -> datetime:
    """The same weekday in the second week of the month (so BYDAY=2XX holds DTSTART)."""
    first = start.replace(day=1)
    offset = (start.weekday() - first.weekday()) % 7
    return first + timedelta(days=offset + 7)


def raw_week(db: Path, monday: date) -> float:
    """Milliseconds for the same week's rows in plain SQL: the server's candidate queries
    (single events, kept occurrences of bounded series, long series by month, endless
    series) and the people of
    what they found, without expansion, visibility, double bookings or encoding."""
    from server.modules.calendar.service import months_between

    lo_t = datetime(monday.year, monday.month, monday.day) - timedelta(hours=7)
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    lo, hi = lo_t.strftime(fmt), (lo_t + timedelta(days=7)).strftime(fmt)
    back = (lo_t - timedelta(days=31)).strftime(fmt)
    months = months_between(lo, hi)
    con = sqlite3.connect(db)
    t0 = time.perf_counter()
    rows = con.execute("SELECT * FROM cal_events WHERE cancelled = 0 AND rrule IS NULL AND "
                       "start_utc < ? AND start_utc >= ? AND end_utc > ?",
                       (hi, back, lo)).fetchall()
    rows += con.execute("SELECT e.*, o.start_utc FROM cal_occurrences o JOIN cal_events e "
                        "ON e.id = o.event_id WHERE e.cancelled = 0 AND o.start_utc < ? AND "
                        "o.start_utc >= ? AND o.end_utc > ? ORDER BY o.event_id, o.start_utc",
                        (hi, back, lo)).fetchall()
    marks = ",".join("?" * len(months))
    rows += con.execute("SELECT * FROM cal_events WHERE cancelled = 0 AND id IN (SELECT "
                        f"event_id FROM cal_series_months WHERE month IN ({marks})) AND "
                        "start_utc < ? AND until_utc > ?", (*months, hi, lo)).fetchall()
    rows += con.execute("SELECT * FROM cal_events WHERE cancelled = 0 AND rrule IS NOT NULL "
                        "AND until_utc IS NULL AND start_utc < ?", (hi,)).fetchall()
    ids = [r[0] for r in rows]
    if ids:
        marks = ",".join("?" * len(ids))
        con.execute(f"SELECT * FROM cal_participants WHERE event_id IN ({marks})",
                    ids).fetchall()
    elapsed = (time.perf_counter() - t0) * 1000
    con.close()
    return elapsed


async def protocol_weeks(url: str, weeks: list[date]) -> tuple[float, int, str]:
    """Median ms of ``calendar.list`` per week (the office sees all), events per week, and
    the session token. A bare websockets connection decoding replies with msgspec, as the
    terminal's own client does (the test client's ``json`` would add its own ~5 ms per
    300 KB reply to what is measured)."""
    import msgspec
    from websockets.asyncio.client import connect

    decode = msgspec.json.decode
    async with connect(url, compression=None, max_size=None) as ws:
        await ws.send(msgspec.json.encode({"id": 1, "type": "auth.login", "username":
                                           "vanphong", "password": "demo"}).decode())
        while (login := decode(await ws.recv())).get("id") != 1:
            pass
        token = login["data"]["token"]
        times, counts = [], []
        for n, monday in enumerate(weeks, start=2):
            body = msgspec.json.encode({"id": n, "type": "calendar.list",
                                        "from": monday.isoformat(),
                                        "to": (monday + timedelta(days=6)).isoformat()}
                                       ).decode()  # a text frame: binary ones are files
            t0 = time.perf_counter()
            await ws.send(body)
            while True:
                reply = decode(await ws.recv())
                if reply.get("id") == n:
                    break
            times.append((time.perf_counter() - t0) * 1000)
            if reply["type"] != "result":
                raise RuntimeError(f"calendar.list failed: {reply}")
            counts.append(len(reply["data"]["events"]))
    return median(times), int(median([float(c) for c in counts])), token


def ics_year(api: str, token: str, year: int) -> tuple[float, int]:
    req = urllib.request.Request(f"{api}/calendar.ics?from={year}-01-01&to={year}-12-31",
                                 headers={"Authorization": f"Bearer {token}"})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as response:
        body = response.read()
    return time.perf_counter() - t0, body.count(b"BEGIN:VEVENT")


def client_week_view(url: str, monday: date) -> float:
    """Ms from building the page to the week on screen, in an offscreen Qt child."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([PYTHON, "-m", "bench.calendar", "--client", url, monday.isoformat()],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise RuntimeError(f"client run failed: {out.stderr[-2000:]}")
    return float(json.loads(out.stdout.strip().splitlines()[-1])["ms"])


def _client_main(url: str, monday_text: str) -> int:
    """The child: sign in, then time page + store until the schedule rows exist."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from meeting_client.bridge import Bridge
    from meeting_client.models.account import Account
    from meeting_client.models.calendar import CalendarStore
    from meeting_client.ui.calendar.page import CalendarPage

    app = QApplication([])
    bridge = Bridge()
    bridge.start()
    account = Account(bridge)
    account.sign_in(url, "vanphong", "demo")
    deadline = time.monotonic() + 60
    while account.me is None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.002)
    assert account.me is not None
    monday = date.fromisoformat(monday_text)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        store = CalendarStore(bridge, account.me)
        page = CalendarPage(store)
        page.anchor = monday
        page.resize(1920, 1080)
        page.show()
        store.start()
        page.show_period()
        while not (store.loaded and store.first == monday) and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.001)
        page.week_table.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
        page.deleteLater()
        store.deleteLater()
    bridge.stop()
    del app
    print(json.dumps({"ms": median(times)}))
    return 0


async def _protocol(url: str, weeks: list[date]) -> tuple[float, int, str]:
    return await protocol_weeks(url, weeks)


def run(quick: bool, n: int | None = None) -> list[Row]:
    size = n or (QUICK_SIZE if quick else SIZE)
    rng = random.Random(7)
    with scratch_dir("calendar") as tmp:
        from tests.support.live import init_demo_db

        db = tmp / "calendar.sqlite3"
        init_demo_db(db, 30)
        server = ServerProcess(db)
        server.start()  # creates the calendar tables (migrations), then stop to fill
        server.stop()
        t0 = time.perf_counter()
        populate(db, size)
        log(f"calendar: {size} events written in {time.perf_counter() - t0:.1f} s")
        server.start()
        try:
            weeks = [FIRST + timedelta(weeks=rng.randrange(YEARS * 52)) for _ in
                     range(10 if quick else 60)]
            weeks = [w - timedelta(days=w.weekday()) for w in weeks]
            list_ms, per_week, token = asyncio.run(_protocol(server.url, weeks))
            raw_ms = median([raw_week(db, w) for w in weeks])
            view_ms = client_week_view(server.url, weeks[0])
            ics_s, vevents = ics_year(server.api, token, 2026)
        finally:
            server.stop()
    note = f"{size} events, 10% recurring, ~{per_week} per week"
    return [
        Row("calendar", "calendar.list, one week (median)", list_ms, "ms", baseline=raw_ms,
            target=f"≤ {LIST_TARGET_MS:g} ms", ok=check(list_ms, at_most=LIST_TARGET_MS),
            note=f"{note}; baseline: raw SQL of the week's rows"),
        Row("calendar", "week view opens in the client", view_ms, "ms",
            target=f"≤ {VIEW_TARGET_MS:g} ms", ok=check(view_ms, at_most=VIEW_TARGET_MS),
            note="offscreen, signed in; page built → schedule filled"),
        Row("calendar", "a year's .ics", ics_s, "s", target=f"≤ {ICS_TARGET_S:g} s",
            ok=check(ics_s, at_most=ICS_TARGET_S), note=f"{vevents} VEVENTs"),
    ]


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--client":
        raise SystemExit(_client_main(sys.argv[2], sys.argv[3]))
    from bench.run import main

    raise SystemExit(main(["calendar", *sys.argv[1:]]))
