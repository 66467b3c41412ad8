"""The alerts page and the toast against a real server: a post reaches the page live,
filters work, acknowledging sticks, the toast never takes the focus."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from meeting_client.models.base import ROW_ROLE
from meeting_client.ui.alerts.alerts_page import AlertsPage
from meeting_client.ui.alerts.toast import AlertToast
from tests.meeting_client.alerts.conftest import WAIT
from tests.server.alerts.support import add_source, post_alert


def post(server, token: str, **body) -> int:  # type: ignore[no-untyped-def]
    status, reply = asyncio.run(post_alert(server, token, body))
    assert status == 201, reply
    return int(reply["alert_id"])


def test_alerts_arrive_live_filter_and_acknowledge(qtbot, live_server, terminal) -> None:
    me = terminal("d001")
    page = AlertsPage(me.alerts)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    token = add_source(live_server, "phan-anh-1022")
    audience = {"user_ids": [me.user_id]}
    with qtbot.waitSignal(me.alerts.raised, timeout=WAIT) as raised:
        first = post(live_server, token, level="warning", title="Ngập nước đường Lê Lợi",
                     body="14 phản ánh trong 30 phút.", audience=audience)
    assert raised.args[0].alert_id == first
    with qtbot.waitSignal(me.alerts.raised, timeout=WAIT):
        second = post(live_server, token, level="critical", title="Sự cố mất điện khu B",
                      link="meeting:1", audience=audience)
    assert me.alerts.unacknowledged == 2
    assert "2 cảnh báo" in page.count.text()
    # Filter by level: only the critical one.
    page.level.setCurrentIndex(page.level.findData("critical"))
    rows = [page.table.model().index(r, 0).data(ROW_ROLE).alert_id
            for r in range(page.table.model().rowCount())]
    assert rows == [second]
    # Its link is an internal one: the workspace is asked to open it.
    page.table.selectRow(0)
    with qtbot.waitSignal(page.link_requested, timeout=WAIT) as link:
        page.open_link.click()
    assert link.args == ["meeting:1"]
    with qtbot.waitSignal(me.alerts.unacknowledged_changed, timeout=WAIT) as count:
        page.ack.click()
    assert count.args == [1]
    assert not page.ack.isEnabled()
    page.level.setCurrentIndex(0)
    page.pending.setChecked(True)
    assert page.table.model().rowCount() == 1
    # The source filter lists the sources seen.
    assert page.source.findData("phan-anh-1022") > 0
    # Acknowledged on the server: another terminal of the same user lists it so.
    other = terminal("d001")
    qtbot.waitUntil(lambda: other.alerts.model.rowCount() == 2, timeout=WAIT)
    assert other.alerts.unacknowledged == 1


def test_the_toast_shows_without_taking_the_focus(qtbot, live_server, terminal) -> None:
    me = terminal("d002")
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    editor = QLineEdit(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=WAIT)
    toast = AlertToast(window)
    me.alerts.raised.connect(toast.show_alert)
    token = add_source(live_server, "cdc")
    with qtbot.waitSignal(me.alerts.raised, timeout=WAIT):
        post(live_server, token, level="critical", title="Ca bệnh truyền nhiễm mới",
             audience={"user_ids": [me.user_id]})
    assert toast.isVisible() and toast.title.text() == "Ca bệnh truyền nhiễm mới"
    assert editor.hasFocus()
    qtbot.keyClicks(editor, "van go duoc")
    assert editor.text() == "van go duoc"
    assert toast.geometry().bottom() <= window.height() and toast.x() >= 0
    assert toast.focusPolicy() == Qt.FocusPolicy.NoFocus
    with qtbot.waitSignal(toast.acknowledged, timeout=WAIT) as acked:
        toast.ack.click()
    assert not toast.isVisible()
    me.alerts.acknowledge(acked.args[0])
    qtbot.waitUntil(lambda: me.alerts.unacknowledged == 0, timeout=WAIT)


def test_a_toast_over_the_meeting_room_of_the_real_window(qtbot, live_server,
                                                          room_window) -> None:
    window = room_window("d003", size=(1280, 800))
    account_alerts = window._account.alerts
    assert account_alerts is not None
    focused = window.focusWidget()
    token = add_source(live_server, "trung-tam-hcc")
    user_id = window._account.me.id
    with qtbot.waitSignal(account_alerts.raised, timeout=WAIT):
        post(live_server, token, level="warning", title="Hồ sơ quá hạn tại bộ phận một cửa",
             audience={"user_ids": [user_id]})
    assert window.toast.isVisible() and window.stack.currentWidget() is window.room
    assert window.toast.title.text() == "Hồ sơ quá hạn tại bộ phận một cửa"
    assert window.focusWidget() is focused
    with qtbot.waitSignal(account_alerts.unacknowledged_changed, timeout=WAIT) as count:
        window.toast.ack.click()
    assert count.args == [0] and not window.toast.isVisible()
