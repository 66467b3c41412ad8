"""Reproduce docs/screenshots/*.png: the real client against a real demo server.

Run under a display (``Xvfb :99 -screen 0 1920x1080x24 & DISPLAY=:99``)::

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--size 1920x1080]

It creates a fresh demo database, starts ``meeting-server serve`` on a free
loopback port (with the test suite's ``LiveServer``), drives the session with
plain protocol calls (other delegates, the chair's commands) and with clicks
in the client windows, and saves one PNG per scene. Nothing outside a temporary folder is touched.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from websockets.sync.client import ClientConnection, connect  # noqa: E402

from meeting_client.app import apply_style, build, install_translator  # noqa: E402
from meeting_client.collector import GuiThreadCollector  # noqa: E402
from meeting_client.ui.main_window import ClientOptions, MainWindow  # noqa: E402
from tests.support.live import LiveServer, init_demo_db  # noqa: E402


class Person:
    """One signed-in protocol connection (a delegate or the chair off screen)."""

    ids = itertools.count(1)

    def __init__(self, url: str, username: str) -> None:
        self.ws: ClientConnection = connect(url, compression=None)
        self.call("auth.login", username=username, password="demo")

    def call(self, type_: str, **fields: Any) -> Any:
        frame_id = next(self.ids)
        self.ws.send(json.dumps({"id": frame_id, "type": type_, "key": str(uuid.uuid4()),
                                 **fields}))
        while True:
            msg = json.loads(self.ws.recv(timeout=20))
            if msg.get("id") == frame_id:
                if msg["type"] == "error":
                    raise RuntimeError(f"{type_}: {msg['message']}")
                return msg["data"]


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the client did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(ms: int = 400) -> None:
    """Let timers, repaints and the last events land before a picture."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


SUFFIX = ""
"""Added to every file name: "" at 1920×1080, "-1280x800" at that size."""


def press(button: Any) -> None:
    """A deliberate tap: guarded buttons take presses only after their dead time."""
    wait_until(lambda: button.isEnabled() and getattr(button, "is_armed", lambda: True)())
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def snap(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}{SUFFIX}.png"
    widget.grab().save(str(path))
    print("saved", path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--lang", default="vi", choices=("vi", "en"))
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    global SUFFIX
    SUFFIX = "" if (width, height) == (1920, 1080) else f"-{width}x{height}"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    app = QApplication(sys.argv[:1])
    collector = GuiThreadCollector(parent=app)  # noqa: F841 (as the client does)
    install_translator(app, args.lang)
    apply_style(app)
    tmp = Path(tempfile.mkdtemp(prefix="screenshots-"))
    init_demo_db(tmp / "demo.sqlite3", 30)
    server = LiveServer(tmp / "demo.sqlite3")
    server.start()
    bridges = []
    people: list[Person] = []

    def terminal(user: str, *, password: str | None = "demo", hall: bool = False,
                 meeting: int | None = 1) -> MainWindow:
        settings = QSettings(str(tmp / f"{user}.ini"), QSettings.Format.IniFormat)
        window, bridge, _account = build(
            ClientOptions(server=server.url, user=user, password=password, meeting=meeting,
                          hall=hall, lang=args.lang), settings=settings)
        bridges.append(bridge)
        window.resize(width, height)
        window.show()
        window.start()
        if password is not None and meeting is not None:
            wait_until(lambda: window.room is not None
                       and window.room.session.snapshot is not None)
        return window

    try:
        sign_in = terminal("d001", password=None)
        snap(sign_in, out, "sign-in")
        sign_in.close()
        listing = terminal("d001", meeting=None)
        wait_until(lambda: listing.meetings.table.model().rowCount() > 0)
        snap(listing, out, "meeting-list")
        listing.close()

        chair = Person(server.url, "chair")
        people.append(chair)
        chair.call("meeting.start", meeting_id=1)
        chair.call("agenda.activate", meeting_id=1, item_id=3)
        others = {f"d{n:03d}": Person(server.url, f"d{n:03d}") for n in range(2, 21)}
        people.extend(others.values())
        for person in others.values():
            person.call("attendance.check_in", meeting_id=1)
        speaking = others["d004"].call("speaker.request", meeting_id=1)["request_id"]
        chair.call("speaker.grant", request_id=speaking, limit_s=300)
        for who in ("d007", "d012"):
            others[who].call("speaker.request", meeting_id=1)

        delegate = terminal("d001")
        room = delegate.room.body
        press(room.attendance.check_in_button)
        wait_until(delegate.room.session.checked_in)
        press(room.speaker.request_button)
        wait_until(lambda: room.speaker.state() == "waiting")
        snap(delegate, out, "delegate-idle")

        poll_id = chair.call(
            "poll.create", meeting_id=1,
            title="Thông qua Nghị quyết về dự toán ngân sách thành phố năm 2027",
            agenda_item_id=3, secret=False)["poll_id"]
        chair_window = terminal("chair")
        chair.call("poll.open", poll_id=poll_id)
        for n, person in enumerate(list(others.values())[:11]):
            person.call("poll.cast", poll_id=poll_id, choice="no" if n == 3 else "yes")
        wait_until(lambda: room.vote.page() == "choose")
        wait_until(lambda: (chair_window.room.session.open_poll() or None) is not None
                   and chair_window.room.session.open_poll().cast >= 11)
        snap(delegate, out, "delegate-voting")
        snap(chair_window, out, "chair-console")

        hall = terminal("admin", hall=True)
        snap(hall, out, "hall-voting")
        press(room.vote.option_button("yes"))
        snap(delegate, out, "delegate-confirm")
        press(room.vote.confirm_button)
        wait_until(lambda: delegate.room.session.my_ballot(poll_id) == "yes")
        for n, person in enumerate(list(others.values())[11:]):
            person.call("poll.cast", poll_id=poll_id, choice="abstain" if n == 0 else "yes")
        chair.call("poll.close", poll_id=poll_id)
        wait_until(lambda: room.vote.page() == "result")
        snap(delegate, out, "delegate-results")
        wait_until(lambda: hall.room.session.result_poll() is not None)
        snap(hall, out, "hall-display")  # the result, although d004 holds the floor
        chair.call("hall.show", meeting_id=1, view="speaker")
        settle(600)
        snap(hall, out, "hall-speaker")
        chair.call("hall.show", meeting_id=1, view="auto")
        chair.call("speaker.finish", request_id=speaking)
        snap(chair_window, out, "chair-console-result")

        document = delegate.room.session.snapshot.documents[0]
        chair.call("presentation.page", meeting_id=1, document_id=document.id, page=2)
        wait_until(lambda: delegate.room.stack.currentWidget() is delegate.room.documents
                   and delegate.room.documents.reader.document_id == document.id)
        settle(1500)
        snap(delegate, out, "reader")
        import meeting_client.models.hall as hall_model
        hall_model.RESULT_HOLD_S = 0  # the result's minute is over: the paper comes next
        wait_until(lambda: hall.room.body.paper.shown() == (document.id, 2))
        settle(1500)
        snap(hall, out, "hall-presentation")
        chair.call("presentation.stop", meeting_id=1)
        delegate.room.documents_button.click()

        clerk = terminal("clerk")
        absent = next(p.user_id for p in clerk.room.session.snapshot.participants
                      if p.username == "d030")
        clerk.room.session.set_absence(absent, "Đi công tác")
        wait_until(lambda: clerk.room.session.timeline_model.rowCount() > 25)
        snap(clerk, out, "clerk-view")

        console = chair_window.room.body
        press(console.end_button)
        snap(chair_window, out, "chair-end-confirm")
        press(console.confirm.confirm_button)
        wait_until(lambda: delegate.room.session.ended())
        snap(delegate, out, "delegate-ended")
        snap(hall, out, "hall-ended")
        editor = chair_window.room.open_minutes()
        wait_until(lambda: editor.preview.document.pageCount() > 0, timeout=60)
        settle(1500)
        snap(chair_window, out, "minutes-editor")
    finally:
        for bridge in bridges:
            bridge.stop()
        for person in people:
            person.ws.close()
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
