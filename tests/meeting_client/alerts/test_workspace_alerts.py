"""Alerts and messages in the real window's workspace: rail badges that follow the
server, and the toast's "Xem" opening the alert on the alerts page."""

from __future__ import annotations

from meeting_client.models.workspace import BADGE_ROLE
from meeting_client.ui.alerts.alerts_page import AlertsPage
from tests.meeting_client.alerts.test_alerts_page import post
from tests.meeting_client.workspace.conftest import WAIT, protocol_call
from tests.server.alerts.support import add_source, user_id


def test_badges_and_the_toast_lead_to_the_alert(qtbot, live_server, workspace_window) -> None:
    window = workspace_window("cv001")
    rail = window.workspace.rail_model
    alerts_row = window.workspace.module_keys().index("alerts")
    messages_row = window.workspace.module_keys().index("messages")
    me = user_id(live_server.db_path, "cv001")
    token = add_source(live_server, "phan-anh-1022")
    alert_id = post(live_server, token, level="warning", title="Cây đổ trên đường Hùng Vương",
                    audience={"user_ids": [me]})
    qtbot.waitUntil(lambda: rail.index(alerts_row, 0).data(BADGE_ROLE) == 1, timeout=WAIT)
    qtbot.waitUntil(window.toast.isVisible, timeout=WAIT)
    assert window.toast.view.isVisible()  # not in a meeting room: "Xem" is offered
    window.toast.view.click()
    page = window.workspace.page("alerts")
    assert isinstance(page, AlertsPage) and window.workspace.pages.currentWidget() is page
    assert page.current() is not None and page.current().alert_id == alert_id
    page.ack.click()
    qtbot.waitUntil(lambda: rail.index(alerts_row, 0).data(BADGE_ROLE) == 0, timeout=WAIT)
    # A message from someone else: the messages badge counts it.
    protocol_call(live_server.url, "cv002", "message.send", to=[me], text="Anh xem giúp.")
    qtbot.waitUntil(lambda: rail.index(messages_row, 0).data(BADGE_ROLE) == 1, timeout=WAIT)
