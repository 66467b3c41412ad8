"""Screenshots of the alerts page, a toast over the meeting room and a conversation,
against a real demo server (run under Xvfb)::

    Xvfb :143 -screen 0 1920x1080x24 &
    DISPLAY=:143 .venv/bin/python -m tests.meeting_client.alerts.make_screenshots

Writes docs/screenshots/alerts-{1920,1280}.png, alerts-toast-room-{1920,1280}.png,
workspace-alerts-{1920,1280}.png and messages-{1920,1280}.png.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from meeting_client.app import apply_style, build
from meeting_client.bridge import Bridge
from meeting_client.models.alerts_model import AlertCenter
from meeting_client.models.messages_model import MessagesCenter, Person
from meeting_client.models.user_feed import UserFeed, attach
from meeting_client.ui.alerts.alerts_page import AlertsPage
from meeting_client.ui.main_window import ClientOptions
from meeting_client.ui.messages.messages_page import MessagesPage
from tests.server.alerts.support import add_source, post_alert
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


def settle(app: QApplication, turns: int = 40) -> None:
    for _ in range(turns):
        app.processEvents()
        time.sleep(0.01)


def shoot(app: QApplication, widget: QWidget, name: str) -> None:
    for w, h in SIZES:
        widget.resize(w, h)
        settle(app)
        widget.grab().save(str(OUT / f"{name}-{w}.png"))


def signed_in(app: QApplication, url: str, username: str) -> tuple[Bridge, UserFeed, int]:
    bridge = Bridge()
    bridge.start()
    me: list[Any] = []
    bridge.command_finished.connect(lambda _t, data: me.append(data) if not me else None)
    bridge.sign_in(url, username, "demo")
    wait(app, lambda: bool(me))
    feed = UserFeed(bridge)
    attach(feed, bridge)
    return bridge, feed, int(me[0].id)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="alerts-shots-"))
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
    bridges: list[Bridge] = []
    try:
        sources = {name: add_source(server, name) for name in
                   ("phan-anh-1022", "trung-tam-hcc", "giam-sat-dich-te", "bao-chi")}
        me = {"user_ids": [ids["d001"], ids["d002"]]}
        for source, level, title, body, link in (
                ("phan-anh-1022", "warning", "Ngập nước cục bộ đường Hùng Vương",
                 "Cổng 1022 nhận 14 phản ánh trong 30 phút.", "https://1022.mongcai.gov.vn/p/8812"),
                ("trung-tam-hcc", "info", "12 hồ sơ sắp quá hạn tại Bộ phận Một cửa",
                 "Lĩnh vực đất đai: 9; xây dựng: 3.", None),
                ("giam-sat-dich-te", "critical", "Ổ dịch sốt xuất huyết tại phường Ka Long",
                 "3 ca dương tính trong 48 giờ, đề nghị phun hóa chất khẩn.", None),
                ("bao-chi", "info", "Bài báo phản ánh ùn tắc tại cửa khẩu Bắc Luân II",
                 "Báo Quảng Ninh, 07:45.", "https://baoquangninh.vn/"),
                ("server", "warning", "", "", None)):
            if source == "server":
                continue
            status, _ = asyncio.run(post_alert(server, sources[source], {
                "level": level, "title": title, "body": body, "link": link,
                "audience": me}))
            assert status == 201

        # The alerts page.
        bridge, feed, _uid = signed_in(app, server.url, "d001")
        bridges.append(bridge)
        center = AlertCenter(bridge, feed)
        feed.start()
        center.refresh()
        wait(app, lambda: center.model.rowCount() == 4)
        center.acknowledge(center.model.row_at(3).alert_id)
        wait(app, lambda: center.unacknowledged == 3)
        page = AlertsPage(center)
        page.show()
        page.select(center.model.row_at(1).alert_id)
        shoot(app, page, "alerts")
        page.hide()

        # A toast over the meeting room (the real window).
        options = ClientOptions(server=server.url, user="d002", password="demo", meeting=1)
        settings = QSettings(str(tmp / "d002.ini"), QSettings.Format.IniFormat)
        window, wbridge, account = build(options, settings=settings)
        bridges.append(wbridge)
        window.resize(1920, 1080)
        window.show()
        window.start()
        wait(app, lambda: window.room is not None and window.room.session.snapshot is not None
             and account.alerts is not None)
        settle(app, 80)
        status, _ = asyncio.run(post_alert(server, sources["giam-sat-dich-te"], {
            "level": "critical", "title": "Mất điện lưới khu vực phường Trần Phú",
            "body": "Điện lực Móng Cái: dự kiến khôi phục lúc 11:30.",
            "audience": {"user_ids": [ids["d002"]]}}))
        assert status == 201
        wait(app, window.toast.isVisible)
        shoot(app, window, "alerts-toast-room")
        window.close()

        # The alerts page inside the workspace, with the rail's badges.
        options = ClientOptions(server=server.url, user="d001", password="demo")
        settings = QSettings(str(tmp / "d001.ini"), QSettings.Format.IniFormat)
        window, wbridge, account = build(options, settings=settings)
        bridges.append(wbridge)
        window.resize(1920, 1080)
        window.show()
        window.start()
        wait(app, lambda: window.stack.currentWidget() is window.workspace
             and bool(window.workspace.module_keys()) and account.alerts is not None
             and account.alerts.model.rowCount() == 4)
        window.workspace.show_module("alerts")
        shoot(app, window, "workspace-alerts")
        window.close()

        # A conversation.
        b1, f1, uid1 = signed_in(app, server.url, "d001")
        b2, f2, uid2 = signed_in(app, server.url, "d002")
        bridges += [b1, b2]
        m1 = MessagesCenter(b1, f1, uid1)
        m2 = MessagesCenter(b2, f2, uid2)
        people = [Person(i, u, names[i], "Đại biểu HĐND") for u, i in ids.items()]
        for m, f in ((m1, f1), (m2, f2)):
            m.set_people(people)
            f.start()
            m.refresh()
        mpage = MessagesPage(m1)
        mpage.show()
        mpage.start_with([uid2])
        m1.send("Anh Hải ơi, báo cáo thẩm tra tờ trình chợ biên giới đã có bản cuối chưa?",
                to=[uid2], ref={"meeting_id": 1})
        wait(app, lambda: m2.conversations.rowCount() == 1)
        m2.open(m2.conversations.row_at(0).conversation_id)
        wait(app, lambda: m2.messages.rowCount() == 1)
        m2.send("Có rồi anh An, tôi gửi lên phần tài liệu kỳ họp lúc 10 giờ.\n"
                "Anh xem giúp mục 3 nhé.")
        wait(app, lambda: m1.messages.rowCount() == 2)
        m1.send("Cảm ơn anh, tôi sẽ đọc trước phiên chiều.", to=None)
        wait(app, lambda: m1.messages.rowCount() == 3)
        group = [ids[u] for u in ("d002", "d003", "d004", "chair")]
        m1.send("Đề nghị các đồng chí tổ 2 thống nhất ý kiến trước 14 giờ.", to=group)
        wait(app, lambda: m1.conversations.rowCount() == 2)
        mpage.open(next(r.conversation_id for r in m1.conversations.rows()
                        if len(r.member_ids) == 2))
        wait(app, lambda: m1.messages.rowCount() == 3)
        mpage.compose.setPlainText("Chiều nay tôi đến sớm 15 phút.")
        shoot(app, mpage, "messages")
    finally:
        for b in bridges:
            b.stop()
        server.stop()
    print("screenshots in", OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
