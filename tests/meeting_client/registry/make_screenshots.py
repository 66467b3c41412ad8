"""Screenshots of the registry pages against a real demo server (run under Xvfb):

    Xvfb :53 -screen 0 1920x1080x24 &
    DISPLAY=:53 .venv/bin/python -m tests.meeting_client.registry.make_screenshots

Writes docs/screenshots/registry-{1920,1280}.png (the incoming register),
registry-search-{1920,1280}.png (search as you type, words highlighted),
registry-entry.png (a document with its file and routing) and registry-form.png
(the registration form warning about a duplicate).
"""

from __future__ import annotations

import base64
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.registry_data import write_csv
from meeting_client.app import apply_style
from meeting_client.bridge import Bridge
from meeting_client.models.account import Account
from meeting_client.ui.registry.registry_page import RegistryPage
from tests.meeting_client.registry.conftest import protocol
from tests.server.registry.matrix import tiny_pdf
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
    app = QApplication(sys.argv)
    apply_style(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite3"
        init_demo_db(db, 30)
        subprocess.run([sys.executable, "-m", "server.cli", "registry", "import",
                        str(write_csv(Path(tmp) / "r.csv", 20_000, seed=7)), "--db",
                        f"sqlite:///{db}"], check=True, capture_output=True)
        server = LiveServer(db)
        server.start()
        bridge = Bridge()
        bridge.start()
        try:
            (made,) = protocol(server.url, "vanphong", ("registry.create", {
                "direction": "in", "symbol": "125/QĐ-UBND", "issued_on": "2026-11-30",
                "issuer": "UBND tỉnh Bình Định", "doc_type": "Quyết định",
                "summary": "Quyết định đầu tư dự án xây dựng Trường THPT Nguyễn Huệ, "
                           "thành phố Quy Nhơn", "received_on": "2026-12-02",
                "urgency": "urgent", "recipients": "Phòng Tài chính - Kế hoạch"}))
            protocol(server.url, "vanphong", ("registry.attach", {
                "registry_id": made["registry_id"], "filename": "125-qd-ubnd.pdf",
                "content_base64": base64.b64encode(tiny_pdf(
                    "QUYẾT ĐỊNH Về việc đầu tư dự án xây dựng Trường THPT Nguyễn Huệ")
                ).decode()}), ("registry.route", {
                    "registry_id": made["registry_id"], "handler_id": 5,
                    "instruction": "Giao Phòng Tài chính - Kế hoạch chủ trì thẩm định, "
                                   "báo cáo UBND trước ngày 15/12.",
                    "deadline": "2026-12-15"}))
            account = Account(bridge)
            signed = {}
            account.signed_in.connect(lambda me: signed.setdefault("me", me))
            account.sign_in(server.url, "vanphong", "demo")
            wait(app, lambda: "me" in signed)
            page = RegistryPage(bridge, office=True, user_id=signed["me"].id)
            page.setWindowTitle("Sổ văn bản")
            for w, h in ((1920, 1080), (1280, 800)):
                page.resize(w, h)
                page.show()
                page.register.search_box.clear()
                page.start()
                wait(app, lambda: page.register.model.total > 0
                     and not page.register.model.busy())
                settle(app)
                page.grab().save(str(OUT / f"registry-{w}.png"))
                page.register.search_box.setText("quyet dinh dau tu")
                wait(app, lambda: page.register.model.query == "quyet dinh dau tu"
                     and not page.register.model.busy())
                settle(app)
                page.grab().save(str(OUT / f"registry-search-{w}.png"))
            page.resize(1920, 1080)
            page.open_entry(made["registry_id"])
            wait(app, lambda: page.entry.entry is not None
                 and page.entry.reader.page_count() > 0)
            settle(app, 1.0)
            page.grab().save(str(OUT / "registry-entry.png"))
            page.open_form("in")
            page.form.symbol.setText("125/QD-UBND")
            page.form.issuer.setText("UBND tinh Binh Dinh")
            page.form.summary.setPlainText("Quyết định đầu tư dự án xây dựng Trường THPT")
            wait(app, lambda: page.form.duplicate_warning.isVisible())
            settle(app)
            page.grab().save(str(OUT / "registry-form.png"))
        finally:
            bridge.stop()
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
