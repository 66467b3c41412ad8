"""Screenshots of a conversation with an attachment (a converted .docx in a bubble, a PDF
waiting in the compose area) against a real demo server (run under Xvfb)::

    Xvfb :147 -screen 0 1920x1080x24 &
    DISPLAY=:147 .venv/bin/python -m tests.meeting_client.attachments.make_screenshots

Writes docs/screenshots/attachments-messages-{1920,1280}.png and
attachments-reader-1280.png.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from meeting_client.app import apply_style
from meeting_client.models.attachments_model import AttachmentsCenter
from meeting_client.models.messages_model import MessagesCenter, Person
from meeting_client.sync.documents import DocumentCache
from meeting_client.ui.attachments.viewer import AttachmentViewer
from meeting_client.ui.messages.messages_page import MessagesPage
from tests.meeting_client.alerts.make_screenshots import OUT, settle, shoot, signed_in, wait
from tests.server.attachments.conftest import make_docx, make_pdf
from tests.support.live import LiveServer, init_demo_db


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="attach-shots-"))
    db = tmp / "demo.sqlite3"
    init_demo_db(db, 30)
    con = sqlite3.connect(db)
    names = dict(con.execute("SELECT id, full_name FROM users").fetchall())
    ids = {u: i for i, u in con.execute("SELECT id, username FROM users").fetchall()}
    con.close()
    server = LiveServer(db)
    server.start()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    OUT.mkdir(parents=True, exist_ok=True)
    bridges = []
    try:
        b1, f1, uid1 = signed_in(app, server.url, "d001")
        b2, f2, uid2 = signed_in(app, server.url, "d002")
        bridges += [b1, b2]
        m1, m2 = MessagesCenter(b1, f1, uid1), MessagesCenter(b2, f2, uid2)
        people = [Person(i, u, names[i], "Đại biểu HĐND") for u, i in ids.items()]
        for m, f in ((m1, f1), (m2, f2)):
            m.set_people(people)
            f.start()
            m.refresh()
        a1 = AttachmentsCenter(b1, DocumentCache(tmp / "cache-1"))
        page = MessagesPage(m1, attachments=a1)
        page.show()
        page.start_with([uid2])
        box = page.attach_box
        docx = make_docx(tmp, "Báo cáo thẩm tra chợ biên giới.docx",
                         "BÁO CÁO THẨM TRA", "Tờ trình về đầu tư chợ biên giới Móng Cái.",
                         "Ban Kinh tế - Ngân sách thống nhất với nội dung tờ trình.")
        box.attach_file(str(docx))
        wait(app, lambda: box.files.count() == 1, timeout=120)
        page.compose.setPlainText("Anh Hải, gửi anh bản thẩm tra để đọc trước phiên chiều.")
        page.on_send_requested(page.compose.toPlainText())
        wait(app, lambda: m1.messages.rowCount() == 1)
        m2.refresh()
        wait(app, lambda: m2.conversations.rowCount() == 1)
        m2.send("Cảm ơn anh, tôi đã nhận tệp.", to=[uid1])
        wait(app, lambda: m1.messages.rowCount() == 2)
        box.attach_file(str(make_pdf(tmp, "Phụ lục số liệu.pdf", "Phụ lục số liệu")))
        wait(app, lambda: box.files.count() == 1)
        page.compose.setPlainText("Kèm phụ lục số liệu.")
        shoot(app, page, "attachments-messages")
        # The other side opens the file: the converted PDF in the reader.
        a2 = AttachmentsCenter(b2, DocumentCache(tmp / "cache-2"))
        got: list[tuple[object, str]] = []
        a2.ready.connect(lambda info, path: got.append((info, path)))
        a2.open(m1.messages.row_at(0).attachments[0])
        wait(app, lambda: bool(got))
        viewer = AttachmentViewer(got[0][1], got[0][0])  # type: ignore[arg-type]
        viewer.resize(1280, 800)
        viewer.show()
        settle(app, 80)
        viewer.grab().save(str(OUT / "attachments-reader-1280.png"))
        for center, bridge in ((a1, b1), (a2, b2)):
            token = center.close()
            done: list[int] = []
            bridge.command_finished.connect(lambda t, _d, done=done: done.append(t))
            wait(app, lambda token=token, done=done: token in done)
    finally:
        for b in bridges:
            b.stop()
        server.stop()
    print("screenshots in", OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
