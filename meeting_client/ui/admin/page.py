"""The Quản trị page: a users table and a units tree, each with its actions.

Admins manage everyone and the units; office staff manage the people of their own
unit tree (the server decides; buttons only reflect what it would allow). All
changes go through :class:`OrgDirectory`, never from the GUI thread to the network.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.org import OrgDirectory, UserRow
from meeting_client.ui.admin.unit_dialog import UnitDialog
from meeting_client.ui.admin.user_dialog import UserDialog
from meeting_client.ui.look import label, set_state

USER_COMMANDS = ("org.user.create", "org.user.update")
UNIT_COMMANDS = ("org.unit.create", "org.unit.update")


class AdminPage(QWidget):
    """Users (create, edit, deactivate, reset password) and units (create, edit, move)."""

    def __init__(self, directory: OrgDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.directory = directory
        self.dialog: UserDialog | UnitDialog | None = None
        self.notice = label("", "adminNotice")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_users_tab(), self.tr("Người dùng"))
        self.units_tab = self._build_units_tab()
        self.tabs.addTab(self.units_tab, self.tr("Đơn vị"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self._connect_signals()
        self.on_selection_changed()
        directory.refresh()

    def _build_users_tab(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo tên, tên đăng nhập, đơn vị, chức vụ…"))
        self.search.setClearButtonEnabled(True)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.directory.user_model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.users_view = QTableView()
        self.users_view.setObjectName("usersTable")
        self.users_view.setModel(self.proxy)
        self.users_view.setSortingEnabled(True)
        self.users_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.users_view.verticalHeader().hide()
        self.users_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.users_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.users_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.users_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (1, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_user_button = QPushButton(self.tr("Thêm người dùng"))
        self.add_user_button.setObjectName("primary")
        self.edit_user_button = QPushButton(self.tr("Sửa"))
        self.toggle_active_button = QPushButton(self.tr("Khóa tài khoản"))
        self.reset_button = QPushButton(self.tr("Đặt lại mật khẩu"))
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.edit_user_button)
        tools.addWidget(self.toggle_active_button)
        tools.addWidget(self.reset_button)
        tools.addWidget(self.add_user_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(tools)
        layout.addWidget(self.users_view, 1)
        return tab

    def _build_units_tab(self) -> QWidget:
        self.units_view = QTreeView()
        self.units_view.setObjectName("unitsTree")
        self.units_view.setModel(self.directory.unit_model)
        self.units_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.units_view.header().setStretchLastSection(False)
        self.add_unit_button = QPushButton(self.tr("Thêm đơn vị"))
        self.add_unit_button.setObjectName("primary")
        self.add_child_button = QPushButton(self.tr("Thêm đơn vị trực thuộc"))
        self.edit_unit_button = QPushButton(self.tr("Đổi tên / chuyển"))
        tools = QHBoxLayout()
        tools.addStretch(1)
        tools.addWidget(self.edit_unit_button)
        tools.addWidget(self.add_child_button)
        tools.addWidget(self.add_unit_button)
        self.units_hint = label(self.tr("Chỉ quản trị hệ thống được thêm, đổi tên hoặc chuyển "
                                        "đơn vị."), "muted")
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(tools)
        layout.addWidget(self.units_hint)
        layout.addWidget(self.units_view, 1)
        admin = self.directory.is_admin
        for button in (self.add_unit_button, self.add_child_button, self.edit_unit_button):
            button.setVisible(admin)
        self.units_hint.setVisible(not admin)
        return tab

    def _connect_signals(self) -> None:
        d = self.directory
        d.loaded.connect(self.on_directory_loaded)
        d.succeeded.connect(self.on_directory_succeeded)
        d.failed.connect(self.on_directory_failed)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.users_view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.units_view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.users_view.doubleClicked.connect(self.on_edit_user_clicked)
        self.add_user_button.clicked.connect(self.on_add_user_clicked)
        self.edit_user_button.clicked.connect(self.on_edit_user_clicked)
        self.toggle_active_button.clicked.connect(self.on_toggle_active_clicked)
        self.reset_button.clicked.connect(self.on_reset_clicked)
        self.add_unit_button.clicked.connect(self.on_add_unit_clicked)
        self.add_child_button.clicked.connect(self.on_add_child_clicked)
        self.edit_unit_button.clicked.connect(self.on_edit_unit_clicked)

    # --- selection ---------------------------------------------------------------------

    def selected_user(self) -> UserRow | None:
        rows = self.users_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.directory.user(int(rows[0].data(KEY_ROLE)))

    def selected_unit_id(self) -> int | None:
        index = self.units_view.currentIndex()
        return int(index.data(KEY_ROLE)) if index.isValid() else None

    def select_user(self, username: str) -> bool:
        """Select a user's row (the search is cleared first); False when absent."""
        self.search.clear()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 1)
            if index.data() == username:
                self.users_view.selectRow(row)
                return True
        return False

    def on_selection_changed(self, *_args: QItemSelection) -> None:
        user = self.selected_user()
        manageable = user is not None and self.directory.may_manage(user)
        for button in (self.edit_user_button, self.toggle_active_button, self.reset_button):
            button.setEnabled(manageable)
        self.toggle_active_button.setText(
            self.tr("Mở khóa") if user is not None and not user.active
            else self.tr("Khóa tài khoản"))
        self.add_user_button.setEnabled(self.directory.scope() != set())
        has_unit = self.selected_unit_id() is not None
        self.add_child_button.setEnabled(has_unit)
        self.edit_unit_button.setEnabled(has_unit)

    # --- users -------------------------------------------------------------------------

    def _open(self, dialog: UserDialog | UnitDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self.on_dialog_finished)
        dialog.open()

    def on_dialog_finished(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def on_add_user_clicked(self) -> None:
        dialog = UserDialog(self.directory, parent=self)
        dialog.submitted.connect(self.directory.create_user)
        self._open(dialog)

    def on_edit_user_clicked(self, *_args: Any) -> None:
        user = self.selected_user()
        if user is None or not self.directory.may_manage(user):
            return
        dialog = UserDialog(self.directory, user, parent=self)
        dialog.submitted.connect(lambda fields: self.directory.update_user(user.id, fields))
        self._open(dialog)

    def on_toggle_active_clicked(self) -> None:
        user = self.selected_user()
        if user is not None:
            self.directory.set_active(user.id, not user.active)

    def on_reset_clicked(self) -> None:
        user = self.selected_user()
        if user is not None:
            self.directory.reset_password(user.id)

    # --- units -------------------------------------------------------------------------

    def on_add_unit_clicked(self) -> None:
        self._unit_dialog(None, None)

    def on_add_child_clicked(self) -> None:
        self._unit_dialog(None, self.selected_unit_id())

    def on_edit_unit_clicked(self) -> None:
        unit_id = self.selected_unit_id()
        unit = self.directory.unit_model.unit(unit_id) if unit_id is not None else None
        if unit is not None:
            self._unit_dialog(unit.id, unit.parent_id)

    def _unit_dialog(self, unit_id: int | None, parent_id: int | None) -> None:
        unit = self.directory.unit_model.unit(unit_id) if unit_id is not None else None
        dialog = UnitDialog(self.directory, unit, parent_id, parent=self)
        if unit is None:
            dialog.submitted.connect(lambda f: self.directory.create_unit(
                f["name"], f.get("code"), f.get("parent_id")))
        else:
            dialog.submitted.connect(lambda f: self.directory.update_unit(unit.id, f))
        self._open(dialog)

    # --- answers -----------------------------------------------------------------------

    def show_notice(self, text: str, state: str = "info") -> None:
        self.notice.setText(text)
        set_state(self.notice, state)
        self.notice.setVisible(bool(text))

    def on_directory_loaded(self) -> None:
        self.units_view.expandAll()
        self.on_selection_changed()

    def on_directory_succeeded(self, kind: str, data: object) -> None:
        if self.dialog is not None and kind in USER_COMMANDS + UNIT_COMMANDS:
            self.dialog.accept()
        texts = {
            "org.user.create": self.tr("Đã thêm người dùng."),
            "org.user.update": self.tr("Đã lưu thay đổi."),
            "org.user.deactivate": self.tr("Đã khóa tài khoản; các phiên đăng nhập của người "
                                           "này đã kết thúc."),
            "org.user.reactivate": self.tr("Đã mở khóa tài khoản."),
            "org.unit.create": self.tr("Đã thêm đơn vị."),
            "org.unit.update": self.tr("Đã lưu đơn vị."),
        }
        if kind == "org.user.reset_password" and isinstance(data, dict):
            user = self.directory.user(int(data.get("user_id", 0)))
            who = user.full_name if user else ""
            self.show_notice(self.tr("Mật khẩu tạm thời của %1: %2 — hãy trao tận tay; người "
                                     "dùng phải đổi mật khẩu khi đăng nhập.")
                             .replace("%1", who).replace("%2", str(data.get("password", ""))),
                             "ok")
            return
        self.show_notice(texts.get(kind, ""), "ok")

    def on_directory_failed(self, kind: str, message: str) -> None:
        if self.dialog is not None and kind in USER_COMMANDS + UNIT_COMMANDS:
            self.dialog.show_error(message)
            return
        self.show_notice(message, "error")
