"""The alerts page: filter by level and source, acknowledge, open the link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.alerts_model import LEVELS, AlertRow, level_label, source_label
from meeting_client.models.base import ROW_ROLE
from meeting_client.ui.alerts.links import is_outside, open_outside
from meeting_client.ui.alerts.wall import AlertWall
from meeting_client.ui.look import label

if TYPE_CHECKING:
    from meeting_client.models.alerts_model import AlertCenter


class AlertsPage(QWidget):
    """Self-contained: give it an :class:`AlertCenter`; the workspace registers it."""

    link_requested = Signal(str)
    """(link) — ``meeting:12``, ``directive:3``…: the workspace opens that page."""

    def __init__(self, center: AlertCenter, parent: QWidget | None = None, *,
                 titled: bool = True, wall: bool = False) -> None:
        """``titled``: show the page's own title (the workspace shows its own instead);
        ``wall``: offer the operations room's big screen (operators)."""
        super().__init__(parent)
        self.setObjectName("alertsPage")
        self.center = center
        title = label(self.tr("Cảnh báo"), "panelTitle")
        title.setVisible(titled)
        self.count = label("", "muted", wrap=False)
        self.level = QComboBox()
        self.level.addItem(self.tr("Mọi mức độ"), "")
        for level in LEVELS:
            self.level.addItem(level_label(level), level)
        self.source = QComboBox()
        self.source.addItem(self.tr("Mọi nguồn"), "")
        self.pending = QCheckBox(self.tr("Chỉ cảnh báo chưa xác nhận"))
        self.table = QTableView()
        self.table.setModel(center.filtered)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.detail_title = label("", "panelSubtitle")
        self.detail_body = label("")
        self.detail_body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ack = QPushButton(self.tr("Xác nhận đã xem"))
        self.ack.setObjectName("primary")
        self.open_link = QPushButton(self.tr("Mở liên kết"))
        self.empty = label(self.tr("Không có cảnh báo nào."), "muted")
        self.wall_button = QPushButton(self.tr("Màn hình lớn"))
        self.wall_button.setToolTip(self.tr("Cảnh báo khẩn cấp toàn màn hình, cho màn hình "
                                            "lớn của phòng điều hành"))
        self.wall_button.setVisible(wall)
        self.wall: AlertWall | None = None

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Mức độ:")))
        filters.addWidget(self.level)
        filters.addWidget(QLabel(self.tr("Nguồn:")))
        filters.addWidget(self.source)
        filters.addWidget(self.pending)
        filters.addStretch(1)
        filters.addWidget(self.count)
        filters.addWidget(self.wall_button)
        detail = QFrame()
        detail.setObjectName("panel")
        dl = QVBoxLayout(detail)
        dl.addWidget(self.detail_title)
        dl.addWidget(self.detail_body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ack)
        buttons.addWidget(self.open_link)
        buttons.addStretch(1)
        dl.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(detail)

        self.level.currentIndexChanged.connect(self.on_filter_changed)
        self.source.currentIndexChanged.connect(self.on_filter_changed)
        self.pending.toggled.connect(self.on_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_changed)
        self.ack.clicked.connect(self.on_ack_clicked)
        self.open_link.clicked.connect(self.on_open_link_clicked)
        self.wall_button.clicked.connect(self.open_wall)
        center.sources_changed.connect(self.on_sources_changed)
        center.unacknowledged_changed.connect(self.on_unacknowledged_changed)
        center.model.dataChanged.connect(self._show_current)
        center.model.modelReset.connect(self._show_current)
        center.filtered.rowsInserted.connect(self._update_empty)
        center.filtered.rowsRemoved.connect(self._update_empty)
        center.filtered.modelReset.connect(self._update_empty)
        self.on_sources_changed(center.sources())
        self.on_unacknowledged_changed(center.unacknowledged)
        self._show_current()
        self._update_empty()

    def open_wall(self) -> AlertWall:
        """The big screen, full screen on the screen this window is on (the operator drags
        the window to the wall's screen first, or starts the client there)."""
        if self.wall is None:
            self.wall = AlertWall(self.center)
            self.wall.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.wall.destroyed.connect(self._wall_closed)
        screen = self.screen()
        if screen is not None:
            self.wall.move(screen.geometry().topLeft())
        self.wall.showFullScreen()
        self.wall.raise_()
        return self.wall

    def _wall_closed(self) -> None:
        self.wall = None

    def current(self) -> AlertRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select(self, alert_id: int) -> None:
        model = self.center.filtered
        for r in range(model.rowCount()):
            if model.index(r, 0).data(ROW_ROLE).alert_id == alert_id:
                self.table.selectRow(r)
                return

    def on_filter_changed(self) -> None:
        self.center.filtered.set_filter(level=self.level.currentData() or "",
                                        source=self.source.currentData() or "",
                                        pending_only=self.pending.isChecked())
        self._show_current()
        self._update_empty()

    def on_sources_changed(self, sources: list[str]) -> None:
        keep = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(self.tr("Mọi nguồn"), "")
        for source in sources:
            self.source.addItem(source_label(source), source)
        at = self.source.findData(keep)
        self.source.setCurrentIndex(max(0, at))
        self.source.blockSignals(False)

    def on_unacknowledged_changed(self, count: int) -> None:
        self.count.setText(self.tr("%n cảnh báo chưa xác nhận", "", count) if count else "")

    def on_current_changed(self) -> None:
        self._show_current()

    def on_ack_clicked(self) -> None:
        row = self.current()
        if row is not None and row.acknowledged_at is None:
            self.ack.setEnabled(False)
            self.center.acknowledge(row.alert_id)

    def on_open_link_clicked(self) -> None:
        row = self.current()
        if row is None or not row.link:
            return
        if is_outside(row.link):
            open_outside(row.link)
        else:
            self.link_requested.emit(row.link)

    def _show_current(self) -> None:
        row = self.current()
        self.detail_title.setText(row.title if row else self.tr("Chọn một cảnh báo để xem."))
        self.detail_body.setText(row.body if row else "")
        self.ack.setEnabled(row is not None and row.acknowledged_at is None)
        self.open_link.setEnabled(row is not None and bool(row.link))

    def _update_empty(self) -> None:
        self.empty.setVisible(self.center.filtered.rowCount() == 0)
