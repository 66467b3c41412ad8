"""The Quản trị page against a real server: the admin creates a unit and a user, resets a
password and deactivates an account through the GUI, and the server has them; office
staff manage only their own unit tree; the item models pass qtmodeltester."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from meeting_client.models.org import (
    OrgDirectory,
    UnitTreeModel,
    UserTableModel,
    unit_rows,
    user_rows,
)
from meeting_client.models.session import Me
from meeting_client.models.workspace import BADGE_ROLE, ModuleRailModel, RailItem
from meeting_client.ui.admin.page import AdminPage
from meeting_client.ui.admin.unit_dialog import UnitDialog
from meeting_client.ui.admin.user_dialog import UserDialog
from tests.meeting_client.workspace.conftest import WAIT, protocol_call

LEFT = Qt.MouseButton.LeftButton

UNITS = {"units": [
    {"id": 1, "name": "Hội đồng nhân dân thành phố", "code": "HDND", "parent_id": None},
    {"id": 2, "name": "Ủy ban nhân dân thành phố", "code": "UBND", "parent_id": None},
    {"id": 3, "name": "Văn phòng HĐND và UBND", "code": "VP", "parent_id": 2},
    {"id": 4, "name": "Tổ Tổng hợp", "code": None, "parent_id": 3},
]}
USERS = {"users": [
    {"id": 7, "username": "vanphong", "full_name": "Ngô Thị Lan Anh", "unit_id": 3,
     "position": "Phó Chánh Văn phòng", "roles": ["office"], "active": True},
    {"id": 8, "username": "cv001", "full_name": "Nguyễn Thị Thanh Hương", "unit_id": 4,
     "position": "Chuyên viên", "roles": [], "active": False},
    {"id": 9, "username": "cv003", "full_name": "Lê Thị Phương Thảo", "unit_id": 1,
     "position": None, "roles": [], "active": True},
]}


def db_rows(db, query: str, *args) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


def open_admin(qtbot, workspace_window, user: str) -> tuple:
    window = workspace_window(user, size=(1920, 1080))
    page = window.workspace.show_module("admin")
    assert isinstance(page, AdminPage)
    qtbot.waitUntil(lambda: page.directory.user_model.rowCount() > 40, timeout=WAIT)
    return window, page


def test_admin_creates_a_unit_and_a_user_through_the_gui(qtbot, workspace_window,
                                                         live_server):
    _window, page = open_admin(qtbot, workspace_window, "admin")
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.add_unit_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, UnitDialog)
    dialog.name.setText("Phòng Văn hóa và Thông tin")
    dialog.code.setText("VHTT")
    dialog.parent_unit.setCurrentIndex(dialog.parent_unit.findText(
        "Ủy ban nhân dân thành phố"))
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None and any(
        u.code == "VHTT" for u in page.directory.units), timeout=WAIT)
    assert page.notice.text() == "Đã thêm đơn vị."
    (unit_id, parent_code), = db_rows(
        live_server.db_path, "SELECT u.id, p.code FROM org_units u JOIN org_units p "
        "ON p.id = u.parent_id WHERE u.code = 'VHTT'")
    assert parent_code == "UBND"

    # A taken code: the dialog stays open with the server's sentence.
    qtbot.mouseClick(page.add_unit_button, LEFT)
    dialog = page.dialog
    dialog.name.setText("Trùng mã")
    dialog.code.setText("VHTT")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=WAIT)
    assert dialog.message.text() == "Mã đơn vị “VHTT” đã được dùng."
    dialog.reject()

    page.tabs.setCurrentIndex(0)
    qtbot.mouseClick(page.add_user_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, UserDialog)
    dialog.username.setText("vhtt01")
    dialog.full_name.setText("Lê Văn Tùng")
    dialog.unit.setCurrentIndex(dialog.unit.findData(unit_id))
    dialog.position.setCurrentText("Chuyên viên")
    dialog.roles["operator"].setChecked(True)
    qtbot.mouseClick(dialog.ok_button, LEFT)  # no password yet: refused here
    assert dialog.message.text() == "Mật khẩu phải có ít nhất 8 ký tự."
    qtbot.mouseClick(dialog.generate_button, LEFT)
    password = dialog.password.text()
    assert len(password) == 10
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None and any(
        u.username == "vhtt01" for u in page.directory.users), timeout=WAIT)
    (user_id, full_name, title), = db_rows(
        live_server.db_path, "SELECT id, full_name, title FROM users WHERE username='vhtt01'")
    assert (full_name, title) == ("Lê Văn Tùng", "Chuyên viên")
    assert db_rows(live_server.db_path, "SELECT unit_id, must_change_password FROM org_people "
                   "WHERE user_id = ?", user_id) == [(unit_id, 1)]
    assert db_rows(live_server.db_path, "SELECT role FROM org_user_roles WHERE user_id = ?",
                   user_id) == [("operator",)]

    # Reset the password: the temporary one is shown once, on the page.
    assert page.select_user("vhtt01")
    qtbot.mouseClick(page.reset_button, LEFT)
    qtbot.waitUntil(lambda: "Mật khẩu tạm thời của Lê Văn Tùng" in page.notice.text(),
                    timeout=WAIT)
    temporary = page.notice.text().split(": ", 1)[1].split(" ")[0]
    assert protocol_call(live_server.url, "vhtt01", "auth.change_password",
                         user_password=temporary, old_password=temporary,
                         new_password="mat-khau-rieng") == {"must_change_password": False}

    # Deactivate, then the button offers to reactivate.
    assert page.select_user("vhtt01")
    qtbot.mouseClick(page.toggle_active_button, LEFT)
    qtbot.waitUntil(lambda: not page.directory.user(user_id).active, timeout=WAIT)
    assert db_rows(live_server.db_path, "SELECT active FROM org_people WHERE user_id = ?",
                   user_id) == [(0,)]
    assert page.select_user("vhtt01")
    assert page.toggle_active_button.text() == "Mở khóa"


def test_admin_renames_and_moves_a_unit(qtbot, workspace_window, live_server):
    _window, page = open_admin(qtbot, workspace_window, "admin")
    page.tabs.setCurrentIndex(1)
    model = page.directory.unit_model
    tp = next(u for u in page.directory.units if u.code == "TP")
    hdnd = next(u for u in page.directory.units if u.code == "HDND")
    page.units_view.setCurrentIndex(model.index_of(tp.id))
    qtbot.mouseClick(page.edit_unit_button, LEFT)
    dialog = page.dialog
    dialog.name.setText("Phòng Tư pháp thành phố")
    dialog.parent_unit.setCurrentIndex(dialog.parent_unit.findData(hdnd.id))
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT)
    assert db_rows(live_server.db_path, "SELECT name, parent_id FROM org_units WHERE id = ?",
                   tp.id) == [("Phòng Tư pháp thành phố", hdnd.id)]
    qtbot.waitUntil(lambda: model.index_of(tp.id).parent().data() == hdnd.name, timeout=WAIT)


def test_office_manages_only_its_unit_tree(qtbot, workspace_window):
    _window, page = open_admin(qtbot, workspace_window, "vanphong")
    assert page.add_unit_button.isHidden() and not page.units_hint.isHidden()
    assert page.select_user("cv001")  # in VP, as vanphong
    assert page.edit_user_button.isEnabled() and page.reset_button.isEnabled()
    assert page.select_user("cv003")  # in TCKH
    assert not page.edit_user_button.isEnabled() and not page.reset_button.isEnabled()
    assert page.select_user("admin")
    assert not page.toggle_active_button.isEnabled()
    qtbot.mouseClick(page.add_user_button, LEFT)
    dialog = page.dialog
    units = [dialog.unit.itemText(i).strip() for i in range(dialog.unit.count())]
    assert units == ["Văn phòng HĐND và UBND"]
    assert not dialog.roles["admin"].isEnabled()
    dialog.reject()


def test_item_models_pass_the_model_tester(qtmodeltester, port):
    users = UserTableModel()
    users.set_units(unit_rows(UNITS))
    users.set_rows(user_rows(USERS))
    qtmodeltester.check(users)
    assert users.index(1, 5).data() == "Đã khóa"
    assert users.index(0, 4).data() == "Văn phòng"
    assert users.index(1, 2).data() == "Tổ Tổng hợp"
    tree = UnitTreeModel()
    tree.set_units(unit_rows(UNITS))
    qtmodeltester.check(tree)
    assert tree.rowCount() == 2
    vp = tree.index_of(3)
    assert vp.parent().data() == "Ủy ban nhân dân thành phố"
    assert tree.index(0, 0, vp).data() == "Tổ Tổng hợp"
    rail = ModuleRailModel()
    rail.set_items([RailItem("meetings", "Họp", "rail-meetings"),
                    RailItem("admin", "Quản trị", "rail-admin")])
    rail.set_badge("meetings", 3)
    qtmodeltester.check(rail)
    assert rail.index(0, 0).data(BADGE_ROLE) == 3
    # The directory's own models, fed through the port as the server would answer.
    directory = OrgDirectory(port, Me(7, "vanphong", "Ngô Thị Lan Anh", ("office",), 3))
    directory.refresh()
    port.finish("org.units", UNITS)
    port.finish("org.users", USERS)
    qtmodeltester.check(directory.user_model)
    qtmodeltester.check(directory.unit_model)
    assert directory.scope() == {3, 4}
    assert [directory.may_manage(u) for u in directory.users] == [True, True, False]
