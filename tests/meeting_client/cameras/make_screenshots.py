"""Screenshots of the Camera page against a real demo server and two ffmpeg test cameras
(one live and playing, one down), run under Xvfb:

    Xvfb :57 -screen 0 1920x1080x24 &
    DISPLAY=:57 .venv/bin/python -m tests.meeting_client.cameras.make_screenshots

Writes docs/screenshots/cameras-{1920,1280}.png. VLC draws into a native window, so the
screen is grabbed, not the widget (STACK.md).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from meeting_client.app import apply_style
from meeting_client.bridge import Bridge
from meeting_client.models.account import Account
from meeting_client.models.cameras import CameraStore
from meeting_client.ui.cameras.page import CamerasPage
from tests.server.cameras.support import HttpSource, cameras_cli
from tests.support.live import LiveServer, init_demo_db

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "docs" / "screenshots"


def wait(app: QApplication, predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        app.processEvents()
        time.sleep(0.005)
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")


def settle(app: QApplication, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    os.environ["MEETING_CAMERA_PROBE_S"] = "1"
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp())
    app = QApplication(sys.argv)
    apply_style(app)
    OUT.mkdir(parents=True, exist_ok=True)
    source = HttpSource()
    source.start()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite3"
        init_demo_db(db, 30)
        for name, group, url in (
                ("Hội trường tầng 2", "Trụ sở UBND", source.url),
                ("Phòng họp số 1", "Trụ sở UBND", source.url.replace("live", "p1")),
                ("Cổng chính", "Ngoài trời", "http://127.0.0.1:9/cong.ts")):
            assert cameras_cli(db, "add", "--name", name, "--group", group,
                               "--url", url).returncode == 0
        server = LiveServer(db)
        server.start()
        bridge = Bridge()
        bridge.start()
        try:
            account = Account(bridge)
            signed = {}
            account.signed_in.connect(lambda me: signed.setdefault("me", me))
            account.sign_in(server.url, "vanhanh", "demo")
            wait(app, lambda: "me" in signed)
            store = CameraStore(bridge)
            page = CamerasPage(store)
            page.setWindowTitle("Camera")
            page.move(0, 0)
            store.start()
            wait(app, lambda: len(store.cameras) == 3 and all(
                c.state in ("live", "down") for c in store.cameras))
            for w, h in ((1920, 1080), (1280, 800)):
                page.resize(w, h)
                page.show()
                page.select(1)
                page.watch_selected()
                wait(app, lambda: page.player.url is not None)
                settle(app, 4.0)
                app.primaryScreen().grabWindow(0, 0, 0, w, h).save(
                    str(OUT / f"cameras-{w}.png"))
                page.stop()
        finally:
            bridge.stop()
            server.stop()
            source.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
