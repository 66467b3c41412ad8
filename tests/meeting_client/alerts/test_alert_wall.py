"""The operations room's big screen against a real server: a critical ingest post appears
live, newest first and highlighted until acknowledged; an info one does not appear."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from PySide6.QtCore import Qt

from meeting_client.ui.alerts.alerts_page import AlertsPage
from meeting_client.ui.alerts.wall import AlertWall
from tests.meeting_client.alerts.conftest import WAIT
from tests.server.alerts.support import add_source, post_alert

SHOTS = os.environ.get("ALERT_WALL_SHOTS")
"""A folder: the test saves the wall's picture there (docs/screenshots)."""


def post(server, token: str, **body) -> int:  # type: ignore[no-untyped-def]
    status, reply = asyncio.run(post_alert(server, token, body))
    assert status == 201, reply
    return int(reply["alert_id"])


def test_critical_alerts_reach_the_wall_live(qtbot, live_server, terminal) -> None:
    operator = terminal("vanhanh")
    page = AlertsPage(operator.alerts, wall=True)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    assert page.wall_button.isVisible()
    page.wall_button.click()
    wall = page.wall
    assert isinstance(wall, AlertWall)
    assert wall.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.addWidget(wall)
    wall.resize(1920, 1080)
    assert wall.cards == [] and wall.empty.isVisible()

    token = add_source(live_server, "trung-tam-hanh-chinh-cong")
    with qtbot.waitSignal(operator.alerts.raised, timeout=WAIT):
        first = post(live_server, token, level="critical", title="Hệ thống một cửa ngừng hoạt "
                     "động", body="Không tiếp nhận được hồ sơ trực tuyến từ 09:12.")
    qtbot.waitUntil(lambda: [c.alert_id for c in wall.cards] == [first], timeout=WAIT)
    with qtbot.waitSignal(operator.alerts.raised, timeout=WAIT):
        post(live_server, token, level="info", title="Bản tin sáng đã phát hành")
    with qtbot.waitSignal(operator.alerts.raised, timeout=WAIT):
        second = post(live_server, token, level="critical", title="Sạt lở taluy đường Hùng "
                      "Vương", body="Đề nghị phong tỏa một làn xe.", link="https://gis.example")
    # Newest first; the info alert is not on the wall; both are highlighted.
    qtbot.waitUntil(lambda: [c.alert_id for c in wall.cards] == [second, first], timeout=WAIT)
    assert all(c.objectName() == "wallCardNew" for c in wall.cards)
    assert wall.cards[0].title.text() == "Sạt lở taluy đường Hùng Vương"
    assert wall.cards[0].source.text() == "trung-tam-hanh-chinh-cong"
    assert wall.cards[0].time.text()  # dd/mm/yyyy hh:mm
    assert wall.count.text() == "2 chưa xác nhận" and not wall.empty.isVisible()

    # Acknowledged (from the alerts page): still on the wall, no longer highlighted.
    with qtbot.waitSignal(operator.alerts.unacknowledged_changed, timeout=WAIT):
        operator.alerts.acknowledge(first)
    qtbot.waitUntil(lambda: [c.objectName() for c in wall.cards] == ["wallCardNew",
                                                                      "wallCard"], timeout=WAIT)
    assert wall.count.text() == "1 chưa xác nhận"
    if SHOTS:
        qtbot.waitExposed(wall)
        qtbot.waitUntil(lambda: wall.cards[1].geometry().top() > wall.cards[0].geometry()
                        .bottom(), timeout=WAIT)
        wall.grab().save(str(Path(SHOTS) / "alert-wall.png"))
        for n in range(4):  # a busy wall: four cards and "more" fit a small screen too
            with qtbot.waitSignal(operator.alerts.raised, timeout=WAIT):
                post(live_server, token, level="critical", title=f"Mất kết nối camera "
                     f"nút giao số {n + 1}", body="Camera ngừng gửi hình quá 1 phút. " * 6)
        wall.showNormal()
        wall.resize(1280, 800)
        qtbot.waitUntil(lambda: len(wall.cards) == 4 and wall.cards[3].isVisible()
                        and wall.cards[3].geometry().top() > wall.cards[2].geometry().bottom(),
                        timeout=WAIT)
        assert wall.more.text() == "… và 2 cảnh báo khẩn cấp cũ hơn"
        wall.grab().save(str(Path(SHOTS) / "alert-wall-1280.png"))
