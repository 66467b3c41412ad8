"""The workspace after sign-in: the rail lists what the user may use, with badges;
a forced password change comes first for accounts that must choose one."""

from __future__ import annotations

from PySide6.QtCore import Qt

from meeting_client.models.workspace import BADGE_ROLE
from meeting_client.ui.meetings.page import MeetingsPage
from tests.meeting_client.workspace.conftest import WAIT, protocol_call
from tests.support.wsclient import WsClient

LEFT = Qt.MouseButton.LeftButton


def test_the_rail_shows_administration_to_admin_and_office_only(qtbot, workspace_window):
    # Sổ văn bản (the registry) for office, leaders, admins and unit staff.
    everyone = ["meetings", "calendar", "directives", "alerts", "messages"]
    office = ["meetings", "preparation", "calendar", "directives", "registry", "alerts",
              "messages", "admin"]
    # Camera for operators and admins only.
    assert workspace_window("admin").workspace.module_keys() == [
        *office[:-1], "cameras", "admin"]
    assert workspace_window("vanphong").workspace.module_keys() == office
    assert workspace_window("vanhanh").workspace.module_keys() == [
        "meetings", "calendar", "directives", "registry", "alerts", "messages", "cameras"]
    delegate = workspace_window("d001")
    assert delegate.workspace.module_keys() == everyone
    assert workspace_window("lanhdao").workspace.module_keys() == [
        "meetings", "calendar", "directives", "registry", "alerts", "messages"]
    # Họp comes first, showing the meeting list; its badge counts today's meeting.
    page = delegate.workspace.pages.currentWidget()
    assert isinstance(page, MeetingsPage)
    qtbot.waitUntil(lambda: page.list.table.model().rowCount() == 1, timeout=WAIT)
    model = delegate.workspace.rail_model
    qtbot.waitUntil(lambda: model.index(0, 0).data(BADGE_ROLE) == 1, timeout=WAIT)
    assert delegate.workspace.page_title.text() == "Họp"


def test_a_delegate_opens_the_meeting_room_from_the_workspace(qtbot, workspace_window):
    window = workspace_window("d001")
    page = window.workspace.pages.currentWidget()
    qtbot.waitUntil(lambda: page.list.open_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(page.list.open_button, LEFT)
    qtbot.waitUntil(lambda: window.room is not None
                    and window.stack.currentWidget() is window.room, timeout=WAIT)


def test_forced_password_change_on_first_sign_in(qtbot, workspace_window, live_server):
    protocol_call(live_server.url, "admin", "org.user.create", username="moi01",
                  full_name="Nguyễn Thị Mới", password="tam-thoi-1", must_change_password=True)
    window = workspace_window("moi01", "tam-thoi-1")
    workspace = window.workspace
    qtbot.waitUntil(lambda: workspace.password_dialog is not None
                    and workspace.password_dialog.isVisible(), timeout=WAIT)
    dialog = workspace.password_dialog
    assert dialog.forced and dialog.cancel_button.text() == "Đăng xuất"
    # Mismatched entries are caught here, before anything is sent.
    dialog.old.setText("tam-thoi-1")
    dialog.new.setText("mat-khau-rieng")
    dialog.again.setText("mat-khau-khac")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.message.text() == "Hai lần nhập mật khẩu mới không khớp nhau."
    dialog.again.setText("mat-khau-rieng")
    with qtbot.waitSignal(workspace.ready, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert workspace.password_dialog is None
    page = workspace.pages.currentWidget()
    qtbot.waitUntil(lambda: page.list.table.model() is not None, timeout=WAIT)
    # The server took the new password and no longer asks for a change.
    data = protocol_call(live_server.url, "moi01", "org.units", user_password="mat-khau-rieng")
    assert data["units"]


def test_signing_out_instead_of_the_forced_change(qtbot, workspace_window, live_server):
    protocol_call(live_server.url, "admin", "org.user.create", username="moi02",
                  full_name="Trần Văn Hai", password="tam-thoi-2", must_change_password=True)
    window = workspace_window("moi02", "tam-thoi-2")
    qtbot.waitUntil(lambda: window.workspace.password_dialog is not None, timeout=WAIT)
    qtbot.mouseClick(window.workspace.password_dialog.cancel_button, LEFT)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sign_in, timeout=WAIT)


def test_any_user_changes_the_password_from_the_user_menu(qtbot, workspace_window,
                                                          live_server):
    window = workspace_window("cv002")
    workspace = window.workspace
    assert workspace.user_button.text() == "Trần Quang Huy\nChuyên viên"
    workspace.change_password_action.trigger()
    dialog = workspace.password_dialog
    assert dialog is not None and not dialog.forced
    dialog.old.setText("sai-mat-khau")
    dialog.new.setText("mat-khau-moi-1")
    dialog.again.setText("mat-khau-moi-1")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.message.text() == "Mật khẩu hiện tại không đúng.",
                    timeout=WAIT)
    dialog.old.setText("demo")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    import asyncio

    async def login() -> dict:
        c = await WsClient.open(live_server.url)
        try:
            return await c.call("auth.login", username="cv002", password="mat-khau-moi-1")
        finally:
            await c.close()

    assert asyncio.run(login())["user"]["username"] == "cv002"


def test_a_deactivated_user_is_returned_to_sign_in(qtbot, workspace_window, live_server):
    window = workspace_window("cv004")
    users = protocol_call(live_server.url, "admin", "org.users")["users"]
    target = next(u["id"] for u in users if u["username"] == "cv004")
    protocol_call(live_server.url, "admin", "org.user.deactivate", user_id=target)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sign_in, timeout=WAIT)
    # Signing in again is refused with the server's own sentence.
    window.sign_in.password.setText("demo")
    window.sign_in.on_submit_clicked()
    qtbot.waitUntil(lambda: "đã bị khóa" in window.sign_in.message.text(), timeout=WAIT)


def test_the_work_calendar_opens_from_the_rail(qtbot, workspace_window):
    from meeting_client.ui.calendar.page import CalendarPage

    window = workspace_window("lanhdao")
    page = window.workspace.show_module("calendar")
    assert isinstance(page, CalendarPage)
    assert window.workspace.page_title.text() == "Lịch công tác"
    # The demo meeting (today) is on the leader's week, from the server.
    qtbot.waitUntil(lambda: page.store.loaded and any(
        e.meeting_id == 1 for e in page.store.events), timeout=WAIT)


def test_an_alert_link_opens_its_directive_document_or_camera(qtbot, workspace_window,
                                                              live_server) -> None:
    """``directive:3``, ``registry:5``, ``camera:2`` (what the alerts raise and messages
    carry) bring that module's page forward with that object shown."""
    from datetime import date, timedelta

    from meeting_client.ui.cameras.page import CamerasPage
    from meeting_client.ui.directives.page import DirectivesPage
    from meeting_client.ui.registry.registry_page import RegistryPage
    from tests.server.cameras.support import cameras_cli

    url = live_server.url
    users = {u["username"]: u["id"] for u in protocol_call(url, "admin", "org.users")["users"]}
    directive = protocol_call(url, "lanhdao", "directive.create",
                              content="Khắc phục sự cố ngập tại cầu Ka Long",
                              deadline=(date.today() + timedelta(days=1)).isoformat(),
                              assignee_id=users["cv006"])["directive_id"]
    entry = protocol_call(url, "admin", "registry.create", direction="in",
                          symbol="12/BC-UBND", issued_on="2026-12-01", issuer="UBND phường",
                          doc_type="Báo cáo", summary="Báo cáo tình hình ngập úng")["registry_id"]
    assert cameras_cli(live_server.db_path, "add", "--name", "Cầu Ka Long", "--group",
                       "Giao thông", "--url", "rtsp://127.0.0.1:9/none").returncode == 0
    window = workspace_window("admin")
    workspace = window.workspace
    alerts = workspace.show_module("alerts")

    alerts.link_requested.emit(f"directive:{directive}")
    page = workspace.page("directives")
    assert isinstance(page, DirectivesPage) and workspace.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.detail.title.text() == "Khắc phục sự cố ngập tại cầu Ka Long",
                    timeout=WAIT)

    alerts.link_requested.emit(f"registry:{entry}")
    registry = workspace.page("registry")
    assert isinstance(registry, RegistryPage) and workspace.pages.currentWidget() is registry
    qtbot.waitUntil(lambda: registry.stack.currentWidget() is registry.entry
                    and (registry.entry.entry or {}).get("registry_id") == entry, timeout=WAIT)

    alerts.link_requested.emit("camera:1")  # before its page has the list: selected on arrival
    cameras = workspace.page("cameras")
    assert isinstance(cameras, CamerasPage) and workspace.pages.currentWidget() is cameras
    qtbot.waitUntil(lambda: cameras.watching == 1 and cameras.selected_id() == 1,
                    timeout=WAIT)

    alerts.link_requested.emit("camera:x")  # not a link of ours: nothing moves
    assert workspace.pages.currentWidget() is cameras
