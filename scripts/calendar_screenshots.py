"""Reproduce the work calendar's screenshots: the week view at two sizes and the PDF.

Run under a display (``Xvfb :57 -screen 0 1920x1080x24 & DISPLAY=:57``)::

    .venv/bin/python scripts/calendar_screenshots.py [--out docs/screenshots]

A fresh demo database and server; the office (``vanphong``) fills this week through the
protocol; the leader (``lanhdao``) opens the calendar page. Saves
``calendar-week-1920.png``, ``calendar-week-1280.png`` and ``calendar-week-pdf.png``
(the weekly PDF rendered with ``pdftoppm``).
"""

from __future__ import annotations

import argparse
import base64
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from meeting_client.app import apply_style, install_translator  # noqa: E402
from meeting_client.bridge import Bridge  # noqa: E402
from meeting_client.collector import GuiThreadCollector  # noqa: E402
from meeting_client.models.account import Account  # noqa: E402
from meeting_client.models.calendar import CalendarStore  # noqa: E402
from meeting_client.ui.calendar.page import CalendarPage  # noqa: E402
from scripts.screenshots import Person, settle, wait_until  # noqa: E402
from tests.support.live import LiveServer, init_demo_db  # noqa: E402


def fill_week(office: Person, monday: date) -> None:
    """A plausible week of a city's leaders, with one double booking and a room."""
    users = {u["username"]: u["id"] for u in office.call("org.users")["users"]}
    units = {u["code"]: u["id"] for u in office.call("org.units")["units"]}
    hall = office.call("calendar.room.create", name="Hội trường UBND", capacity=200)["room_id"]
    room1 = office.call("calendar.room.create", name="Phòng họp số 1", capacity=30)["room_id"]

    def at(offset: int, clock: str) -> str:
        return f"{monday + timedelta(days=offset)}T{clock}:00+07:00"

    def add(offset: int, start: str, end: str, title: str, **kw: object) -> None:
        office.call("calendar.create", title=title, starts_at=at(offset, start),
                    ends_at=at(offset, end), visibility="public", **kw)

    office.call("calendar.create", title="Họp giao ban Thường trực UBND thành phố",
                starts_at=at(0, "08:00"), ends_at=at(0, "10:00"), host_id=users["lanhdao"],
                participant_ids=[users["pct1"], users["pct2"], users["chanhvp"]],
                room_id=room1, preparing_unit_id=units["VP"], visibility="public",
                rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=20")
    add(0, "14:00", "16:30", "Làm việc với Phòng Tài chính - Kế hoạch về dự toán ngân sách 2027",
        host_id=users["pct1"], unit_ids=[units["TCKH"]], preparing_unit_id=units["TCKH"],
        location="Phòng họp số 2")
    add(1, "08:00", "11:00", "Tiếp công dân định kỳ", host_id=users["lanhdao"],
        participant_ids=[users["tptuphap"]], location="Trụ sở tiếp công dân thành phố",
        preparing_unit_id=units["TP"])
    add(1, "09:00", "10:30", "Làm việc với đoàn công tác Sở Xây dựng",
        host_id=users["lanhdao"], participant_ids=[users["tptnmt"]], room_id=room1,
        preparing_unit_id=units["TNMT"])
    add(2, "07:30", "11:30", "Kiểm tra tiến độ dự án khu đô thị Ka Long",
        host_id=users["pct2"], participant_ids=[users["ctkalong"], users["tptnmt"]],
        location="Phường Ka Long", preparing_unit_id=units["KALONG"])
    add(3, "14:00", "17:00", "Hội nghị tổng kết công tác cải cách hành chính năm 2026",
        host_id=users["lanhdao"], unit_ids=[units["VP"], units["TP"], units["TCKH"]],
        room_id=hall, preparing_unit_id=units["VP"])
    add(4, "08:00", "09:00", "Họp Ban Chỉ đạo phòng chống thiên tai",
        host_id=users["pct2"], delegate_id=users["tptnmt"], room_id=room1,
        preparing_unit_id=units["TNMT"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    collector = GuiThreadCollector(parent=app)  # noqa: F841 (as the client does)
    install_translator(app, "vi")
    apply_style(app)
    tmp = Path(tempfile.mkdtemp(prefix="calendar-shots-"))
    init_demo_db(tmp / "demo.sqlite3", 30)
    server = LiveServer(tmp / "demo.sqlite3")
    server.start()
    bridge = Bridge()
    bridge.start()
    try:
        monday = date.today() - timedelta(days=date.today().weekday())
        office = Person(server.url, "vanphong")
        fill_week(office, monday)
        office.call("calendar.publish", week=monday.isoformat())
        account = Account(bridge)
        account.sign_in(server.url, "lanhdao", "demo")
        wait_until(lambda: account.me is not None)
        assert account.me is not None
        store = CalendarStore(bridge, account.me)
        page = CalendarPage(store)
        store.start()
        for width, height in ((1920, 1080), (1280, 800)):
            page.resize(width, height)
            page.show()
            wait_until(lambda: store.loaded and len(store.events) >= 6)
            settle(600)
            path = out / f"calendar-week-{width}.png"
            page.grab().save(str(path))
            print("saved", path)
        pdf = office.call("calendar.week_pdf", week=monday.isoformat())
        pdf_path = tmp / "week.pdf"
        pdf_path.write_bytes(base64.b64decode(pdf["content_base64"]))
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf_path),
                        str(out / "calendar-week-pdf")], check=True)
        print("saved", out / "calendar-week-pdf.png")
    finally:
        bridge.stop()
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
