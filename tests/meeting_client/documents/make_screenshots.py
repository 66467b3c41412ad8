"""Screenshots of the reader against a real demo server (run under Xvfb):

    Xvfb :97 -screen 0 1920x1080x24 &
    DISPLAY=:97 .venv/bin/python -m tests.meeting_client.documents.make_screenshots

Writes docs/screenshots/reader.png (thumbnails, outline, search hit, a private
highlight and note), reader-outline.png, reader-follow.png (following the
chair) and reader-follow-left.png (left follow mode: "Quay lại theo dõi").
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication
from websockets.sync.client import connect

from meeting_client.app import apply_style
from meeting_client.bridge import Bridge
from meeting_client.ui.reader.documents_page import DocumentsPage
from server.demo_papers import big_paper
from tests.support.live import LiveServer, init_demo_db

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "docs" / "screenshots"
PAPERS = ROOT / "tests" / "fixtures" / "papers"


def wait(app: QApplication, predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        time.sleep(0.005)


def chair_says(url: str, type_: str, **fields: object) -> None:
    with connect(url) as ws:
        ws.send(json.dumps({"id": 1, "type": "auth.login", "username": "chair",
                            "password": "demo"}))
        ws.recv()
        ws.send(json.dumps({"id": 2, "type": type_, "key": f"{type_}{time.time()}", **fields}))
        reply = json.loads(ws.recv())
        if reply["type"] != "result":
            raise RuntimeError(reply)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="reader-shots-"))
    db = tmp / "demo.sqlite3"
    init_demo_db(db, 30)
    big = tmp / "Tai-lieu-tong-hop-phuc-vu-ky-hop.pdf"
    big.write_bytes(big_paper(120))
    for args in (["--item", "2", "--title", "Tài liệu tổng hợp phục vụ kỳ họp", str(big)],
                 ["--item", "3", "--title", "Tờ trình đầu tư xây dựng chợ biên giới",
                  str(PAPERS / "to-trinh-cho-bien-gioi.docx")],
                 ["--item", "6", "--access", "confidential", "--title",
                  "Báo cáo về công tác cán bộ (mật)", str(PAPERS / "bao-cao-tham-tra.pdf")]):
        subprocess.run([sys.executable, "-m", "server.cli", "documents", "add", "--db",
                        f"sqlite:///{db}", "--meeting", "1", *args], check=True, cwd=ROOT)
    server = LiveServer(db)
    server.start()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    bridge = Bridge()
    bridge.start()
    me: list[object] = []
    bridge.command_finished.connect(lambda _t, data: me.append(data) if not me else None)
    try:
        bridge.sign_in(server.url, "d001", "demo")
        wait(app, lambda: bool(me))
        page = DocumentsPage(bridge, 1, me[0].id, cache_dir=tmp / "cache")
        bridge.snapshot_changed.connect(page.on_snapshot)
        page.resize(1440, 880)
        page.show()
        bridge.subscribe(1)
        prefetched: list[int] = []
        page.center.prefetched.connect(prefetched.append)
        page.start()
        wait(app, lambda: bool(prefetched))
        big_doc = next(d for d in page.center.documents() if d.title.startswith("Tài liệu tổng"))
        page.open_document(big_doc.id)
        reader = page.reader
        wait(app, lambda: reader.document_id == big_doc.id and reader.thumbnail_model.rowCount())
        reader.search_box.setText("trang 42")
        reader.find("trang 42")
        wait(app, lambda: reader.search.done and reader.current_hit() is not None)
        hit_page, _rects = reader.current_hit()
        # A private highlight of the page's first body line, and a note beside it.
        body = reader.document.getSelection(hit_page - 1, QPointF(90, 95), QPointF(480, 100))
        box = body.bounds()[0].boundingRect()
        reader.highlight(hit_page, box.topLeft() + QPointF(1, 1),
                         box.bottomRight() - QPointF(1, 1))
        reader.add_note(hit_page, QPointF(500, 92), "Hỏi Ban Kinh tế - Xã hội về tiến độ "
                                                    "giải phóng mặt bằng.")
        wait(app, lambda: len(reader.annotations()) == 2)
        for _ in range(60):
            app.processEvents()
            time.sleep(0.01)
        OUT.mkdir(parents=True, exist_ok=True)
        page.grab().save(str(OUT / "reader.png"))
        reader.side.setCurrentIndex(1)
        for _ in range(30):
            app.processEvents()
            time.sleep(0.01)
        page.grab().save(str(OUT / "reader-outline.png"))
        reader.side.setCurrentIndex(0)
        # The chair presents the budget proposal; this terminal follows.
        budget = next(d for d in page.center.documents() if d.title.startswith("Tờ trình về"))
        chair_says(server.url, "presentation.page", meeting_id=1, document_id=budget.id, page=3)
        try:
            wait(app, lambda: reader.document_id == budget.id and reader.current_page() == 3)
        except TimeoutError:
            print("follow state:", page.follow.presentation, page.follow.following,
                  page.follow.shown_document, reader.document_id, reader.current_page(),
                  budget.id, file=sys.stderr)
            raise
        for _ in range(60):
            app.processEvents()
            time.sleep(0.01)
        page.grab().save(str(OUT / "reader-follow.png"))
        reader.go_to_page(2)  # the delegate looks back a page: follow mode ends
        chair_says(server.url, "presentation.page", meeting_id=1, document_id=budget.id, page=4)
        wait(app, lambda: page.follow.presentation is not None
             and page.follow.presentation.page == 4)
        for _ in range(60):
            app.processEvents()
            time.sleep(0.01)
        page.grab().save(str(OUT / "reader-follow-left.png"))
        page.stop()
        for _ in range(50):
            app.processEvents()
            time.sleep(0.01)
    finally:
        bridge.stop()
        server.stop()
    print(f"screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
