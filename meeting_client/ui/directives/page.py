"""The Chỉ đạo page: my directives (assigned to me or my unit), issued by me, all
(leaders, office, admins), the dashboard; a directive's page beside the list."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.directives import DirectivesStore
from meeting_client.models.port import CommandPort
from meeting_client.models.session import Me
from meeting_client.ui.directives.dashboard import DirectivesDashboard
from meeting_client.ui.directives.detail import TOUCH, DirectiveDetail

SEE_ALL = {"admin", "leader", "office"}


class DirectivesPage(QWidget):
    """Scopes as a row of big toggle buttons; the list; the open directive."""

    def __init__(self, port: CommandPort, me: Me, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.me = me
        self.store = DirectivesStore(port, self)
        self.sees_all = bool(SEE_ALL & set(me.roles))
        self.scopes = QButtonGroup(self)
        self.scope_buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        choices = [("mine", self.tr("Việc của tôi")), ("issued", self.tr("Tôi giao"))]
        if self.sees_all:
            choices += [("all", self.tr("Tất cả")), ("dashboard", self.tr("Tổng hợp"))]
        for key, text in choices:
            button = QPushButton(text)
            button.setCheckable(True)
            button.setMinimumHeight(TOUCH)
            self.scopes.addButton(button)
            self.scope_buttons[key] = button
            bar.addWidget(button)
        self.overdue_only = QCheckBox(self.tr("Chỉ việc quá hạn"))
        self.overdue_only.setMinimumHeight(TOUCH)
        bar.addWidget(self.overdue_only)
        bar.addStretch(1)
        self.table = QTableView()
        self.table.setModel(self.store.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 170)  # long unit names elide; the content keeps its room
        for col in range(2, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.detail = DirectiveDetail(self.store, me)
        self.dashboard = DirectivesDashboard(self.store)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        self.stack = QStackedWidget()
        self.stack.addWidget(split)
        self.stack.addWidget(self.dashboard)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._unit_filter: int | None = None
        self._connect_signals()
        self.store.load_names()
        self.scope_buttons["mine"].setChecked(True)
        self.choose("mine")

    def _connect_signals(self) -> None:
        for key, button in self.scope_buttons.items():
            button.clicked.connect(lambda _=False, k=key: self.choose(k))
        self.overdue_only.toggled.connect(lambda _on: self.choose(self.current_scope()))
        self.table.selectionModel().currentRowChanged.connect(self.on_table_row_changed)
        self.table.activated.connect(self.on_table_row_changed)
        self.dashboard.unit_chosen.connect(self.on_dashboard_unit_chosen)

    def current_scope(self) -> str:
        return next((k for k, b in self.scope_buttons.items() if b.isChecked()), "mine")

    def choose(self, scope: str, unit_id: int | None = None) -> None:
        """Show a scope (``mine``, ``issued``, ``all``) or the ``dashboard``."""
        self.scope_buttons[scope].setChecked(True)
        if scope == "dashboard":
            self.stack.setCurrentWidget(self.dashboard)
            self.store.load_dashboard()
            return
        self.stack.setCurrentIndex(0)
        filters: dict[str, object] = {}
        if self.overdue_only.isChecked():
            filters["overdue"] = True
        if unit_id is not None:
            filters["unit_id"] = unit_id
        self.store.show_scope(scope, **filters)

    def open_directive(self, directive_id: int) -> None:
        """Show one directive (an alert's or a message's link), whatever the list shows."""
        self.stack.setCurrentIndex(0)
        self.store.open(directive_id)

    def on_dashboard_unit_chosen(self, unit_id: int) -> None:
        self.choose("all", unit_id=unit_id)

    def on_table_row_changed(self, current: QModelIndex, *_: object) -> None:
        if current.isValid():
            self.store.open(int(self.store.model.index(current.row(), 0).data(KEY_ROLE)))
