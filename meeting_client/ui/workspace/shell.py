"""The workspace shell: rail on the left, the chosen module's page, the user's menu.

Built anew for each sign-in from :func:`registry.modules`, showing only the modules
the user may see. Each page is made the first time its entry is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.account import Account
from meeting_client.models.base import KEY_ROLE
from meeting_client.models.password import PasswordChange
from meeting_client.models.session import Me
from meeting_client.models.workspace import BadgeSource, ModuleRailModel, RailItem
from meeting_client.ui.look import RESOURCES, label
from meeting_client.ui.workspace.password_dialog import PasswordDialog
from meeting_client.ui.workspace.rail import Rail
from meeting_client.ui.workspace.registry import ModuleEntry, WorkspaceContext, modules


class Workspace(QWidget):
    """Home of a signed-in user."""

    ready = Signal()
    """The user may work (after a forced password change, if one was due)."""
    sign_out_requested = Signal()

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        qss = RESOURCES / "styles" / "workspace.qss"
        if qss.exists():  # a few lines from the installed resources, read once
            self.setStyleSheet(qss.read_text(encoding="utf-8"))
        self._account = account
        self._entries: dict[str, ModuleEntry] = {}
        self._pages: dict[str, QWidget] = {}
        self._context: WorkspaceContext | None = None
        self._badges: list[BadgeSource] = []
        self.password_dialog: PasswordDialog | None = None
        self.rail_model = ModuleRailModel(self)
        self.rail = Rail(self.rail_model)
        self.app_name = label(self.tr("Họp thông minh"), "railTitle")
        rail_frame = QFrame()
        rail_frame.setObjectName("railFrame")
        rail_layout = QVBoxLayout(rail_frame)
        rail_layout.setContentsMargins(0, 16, 0, 16)
        rail_layout.addWidget(self.app_name)
        rail_layout.addWidget(self.rail, 1)
        self.page_title = label("", "workspaceTitle")
        self.user_button = QToolButton()
        self.user_button.setObjectName("userMenuButton")
        self.user_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.user_menu = QMenu(self.user_button)
        self.change_password_action = QAction(self.tr("Đổi mật khẩu…"), self)
        self.sign_out_action = QAction(self.tr("Đăng xuất"), self)
        self.user_menu.addAction(self.change_password_action)
        self.user_menu.addSeparator()
        self.user_menu.addAction(self.sign_out_action)
        self.user_button.setMenu(self.user_menu)
        top = QHBoxLayout()
        top.addWidget(self.page_title, 1)
        top.addWidget(self.user_button)
        self.pages = QStackedWidget()
        body = QVBoxLayout()
        body.setContentsMargins(24, 16, 24, 16)
        body.addLayout(top)
        body.addWidget(self.pages, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(rail_frame)
        layout.addLayout(body, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.rail.selectionModel().currentChanged.connect(self.on_rail_current_changed)
        self.change_password_action.triggered.connect(self.on_change_password_triggered)
        self.sign_out_action.triggered.connect(self.sign_out_requested)

    # --- entering ----------------------------------------------------------------------

    def enter(self, me: Me) -> None:
        """Build the rail for ``me``; ask for a new password first when one is due."""
        self._clear()
        self._context = WorkspaceContext(self._account, self._account.port, me, self,
                                         show_module=self.show_module)
        self._entries = {e.key: e for e in modules() if e.visible(me)}
        self.rail_model.set_items([RailItem(e.key, e.title(), e.icon)
                                   for e in self._entries.values()])
        for entry in self._entries.values():
            if entry.badge is not None:
                source = entry.badge(self._context)
                self._badges.append(source)
                key = entry.key
                source.count_changed.connect(
                    lambda n, key=key: self.rail_model.set_badge(key, n))
                self.rail_model.set_badge(key, source.count())
        who = me.full_name if not me.position else f"{me.full_name}\n{me.position}"
        self.user_button.setText(who)
        if self.rail_model.rowCount():
            self.rail.setCurrentIndex(self.rail_model.index(0, 0))
        if me.must_change_password:
            self._ask_password(forced=True)
        else:
            self.ready.emit()

    def _clear(self) -> None:
        for page in self._pages.values():
            self.pages.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        for source in self._badges:
            source.deleteLater()
        self._badges.clear()
        if self.password_dialog is not None:
            self.password_dialog.done(0)
        self.password_dialog = None

    def module_keys(self) -> list[str]:
        """Keys of the modules on the rail, in order."""
        return self.rail_model.keys()

    def page(self, key: str) -> QWidget | None:
        """The page of a module once it has been shown."""
        return self._pages.get(key)

    def show_module(self, key: str) -> QWidget | None:
        row = self.rail_model.row_of(key)
        if row < 0:
            return None
        self.rail.setCurrentIndex(self.rail_model.index(row, 0))
        return self._pages.get(key)

    def on_rail_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._context is None:
            return
        key = str(current.data(KEY_ROLE))
        page = self._pages.get(key)
        if page is None:
            page = self._entries[key].page(self._context)
            self._pages[key] = page
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.page_title.setText(str(current.data()))

    # --- password ----------------------------------------------------------------------

    def on_change_password_triggered(self) -> None:
        self._ask_password(forced=False)

    def _ask_password(self, *, forced: bool) -> None:
        change = PasswordChange(self._account.port, self)
        dialog = PasswordDialog(change, forced=forced, parent=self)
        self.password_dialog = dialog
        dialog.accepted.connect(lambda: self.on_password_changed(forced))
        dialog.sign_out_requested.connect(self.sign_out_requested)
        dialog.finished.connect(change.deleteLater)
        dialog.finished.connect(self.on_password_dialog_finished)
        dialog.open()

    def on_password_dialog_finished(self) -> None:
        if self.password_dialog is not None:
            self.password_dialog.deleteLater()
        self.password_dialog = None

    def on_password_changed(self, forced: bool) -> None:
        self._account.password_changed()
        if forced:
            self.ready.emit()
