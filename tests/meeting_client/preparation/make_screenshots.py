"""Screenshots of the preparation page against a real demo server (run under Xvfb):

    Xvfb :93 -screen 0 1920x1080x24 &
    DISPLAY=:93 .venv/bin/python -m tests.meeting_client.preparation.make_screenshots

Signs in as the office (``vanphong``) in the real workspace, copies meeting 1 into a
draft, adds a timed agenda item and a guest, then writes docs/screenshots/
preparation-<tab>-<size>.png for the general, agenda, participants and invitation tabs
at 1920×1080 and 1280×800, and the chair's console with the voted marks and item timer.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from websockets.sync.client import connect

from meeting_client.app import apply_style, build
from meeting_client.ui.main_window import ClientOptions
from meeting_client.ui.preparation.page import PreparationPage
from tests.support.live import LiveServer, init_demo_db

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1920, 1080), (1280, 800))


def wait(app: QApplication, predicate: Any, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        time.sleep(0.005)


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def act(url: str, user: str, type_: str, **fields: object) -> Any:
    with connect(url) as ws:
        ws.send(json.dumps({"id": 1, "type": "auth.login", "username": user,
                            "password": "demo"}))
        ws.recv()
        ws.send(json.dumps({"id": 2, "type": type_, "key": f"{user}{type_}{time.time()}",
                            **fields}))
        while True:
            reply = json.loads(ws.recv())
            if reply.get("id") == 2:
                break
        if reply["type"] != "result":
            raise RuntimeError(reply)
        return reply["data"]


def chair_seat_map(app: QApplication, server: LiveServer, tmp: Path) -> None:
    """The chair's seat map on the saved plan during a secret ballot: who voted, not what."""
    url = server.url
    act(url, "clerk", "seatplan.save", meeting_id=1, blocks=[
        {"name": "Đoàn chủ tịch", "presidium": True, "seats": [["CT", "TK"]]},
        {"name": "Hội trường", "seats": [[f"{r}{c:02d}" for c in range(1, 11)]
                                         for r in "ABC"]}])
    act(url, "clerk", "agenda.update", meeting_id=1, item_id=7, duration_min=20)
    act(url, "chair", "meeting.start", meeting_id=1)
    act(url, "chair", "agenda.activate", meeting_id=1, item_id=7)
    for i in range(1, 21):
        act(url, f"d{i:03d}", "attendance.check_in", meeting_id=1)
    request = act(url, "d005", "speaker.request", meeting_id=1)
    act(url, "d009", "speaker.request", meeting_id=1)
    act(url, "chair", "speaker.grant", request_id=request["request_id"])
    poll = act(url, "chair", "poll.create", meeting_id=1, title="Bầu Phó Chủ tịch HĐND",
               secret=True)
    act(url, "chair", "poll.open", poll_id=poll["poll_id"])
    for i in (1, 2, 3, 4, 6, 7, 8, 11, 12, 15):
        act(url, f"d{i:03d}", "poll.cast", poll_id=poll["poll_id"], choice="yes")
    settings = QSettings(str(tmp / "chair.ini"), QSettings.Format.IniFormat)
    window, bridge, _account = build(ClientOptions(server=url, user="chair", password="demo",
                                                   meeting=1), settings=settings)
    window.show()
    window.start()
    wait(app, lambda: window.room is not None and window.room.session.snapshot is not None)
    console = window.room.body
    console.tabs.setCurrentWidget(console.seats)
    model = window.room.session.seat_model
    wait(app, lambda: sum(1 for r in model.rows() if model.voted(r.user_id)) == 10)
    for width, height in SIZES:
        window.resize(width, height)
        settle(app, 1.2)
        path = OUT / f"chair-seat-plan-{width}x{height}.png"
        window.grab().save(str(path))
        print(path)
    bridge.stop()


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="prep-shots-"))
    db = tmp / "demo.sqlite3"
    init_demo_db(db, 30)
    server = LiveServer(db)
    server.start()
    app = QApplication.instance() or QApplication(sys.argv)
    apply_style(app)  # type: ignore[arg-type]
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        settings = QSettings(str(tmp / "office.ini"), QSettings.Format.IniFormat)
        window, bridge, _account = build(ClientOptions(server=server.url, user="vanphong",
                                                       password="demo"), settings=settings)
        window.resize(1920, 1080)
        window.show()
        window.start()
        wait(app, lambda: bool(window.workspace.module_keys()))
        page = window.workspace.show_module("preparation")
        assert isinstance(page, PreparationPage)
        prep = page.preparation
        wait(app, lambda: prep.meetings.row_of_key(1) >= 0)
        page.table.selectRow(prep.meetings.row_of_key(1))
        wait(app, lambda: prep.details is not None and prep.details["meeting"]["id"] == 1)
        page.copy_button.click()
        wait(app, lambda: prep.details is not None and prep.details["meeting"]["id"] != 1)
        page.general.title.setText("Kỳ họp thứ Tư (chuyên đề), HĐND thành phố Móng Cái")
        page.general.quorum_rule.setCurrentIndex(page.general.quorum_rule.findData(
            "two_thirds"))
        page.general.location.setText("Hội trường tầng 3, Trụ sở HĐND - UBND thành phố")
        page.general.save_button.click()
        wait(app, lambda: prep.details["meeting"]["quorum_rule"] == "two_thirds")
        page.agenda.title.setText("Tờ trình về đề án chuyển đổi số thành phố giai đoạn "
                                  "2026 - 2030")
        page.agenda.duration.setValue(25)
        page.agenda.presenter.setCurrentIndex(page.agenda.presenter.findText("Phạm Thu Hà"))
        page.agenda.add_button.click()
        wait(app, lambda: len(prep.details["agenda"]) == 9)
        person = page.participants.person
        wait(app, lambda: person.findText("Quản trị hệ thống (admin)") >= 0)
        person.setCurrentIndex(person.findText("Quản trị hệ thống (admin)"))
        page.participants.role.setCurrentIndex(page.participants.role.findData("guest"))
        page.participants.seat.setText("KM01")
        page.participants.add_button.click()
        wait(app, lambda: any(p["username"] == "admin" for p in prep.details["participants"]))
        page.seat_plan.guess_button.click()
        page.seat_plan.save_button.click()
        wait(app, lambda: prep.details.get("seat_plan") is not None)
        page.invitation.preview_button.click()
        wait(app, lambda: page.invitation.document.pageCount() > 0)
        for width, height in SIZES:
            window.resize(width, height)
            tabs = {"general": page.general, "agenda": page.agenda,
                    "participants": page.participants, "seat-plan": page.seat_plan,
                    "invitation": page.invitation}
            for name, tab in tabs.items():
                page.tabs.setCurrentWidget(tab)
                settle(app)
                path = OUT / f"preparation-{name}-{width}x{height}.png"
                window.grab().save(str(path))
                print(path)
        bridge.stop()
        chair_seat_map(app, server, tmp)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
