""""Văn bản cần xử lý": what was routed to the user, soonest deadline first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.port import CommandPort
from meeting_client.models.registry_model import typed, vn_date

OVERDUE = QColor("#b3261e")


class TodoPage(QWidget):
    """The handler's list (``registry.todo``); a line opens the document."""

    entry_activated = Signal(int)
    count_changed = Signal(int)
    """For a badge on the navigation rail."""

    def __init__(self, port: CommandPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._token: int | None = None
        self.items: list[dict[str, Any]] = []
        self.heading = QLabel(self.tr("Văn bản cần xử lý"))
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Hạn xử lý"), self.tr("Số, ký hiệu"),
                                              self.tr("Cơ quan ban hành"),
                                              self.tr("Trích yếu")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.empty = QLabel(self.tr("Không có văn bản nào cần xử lý."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.table.cellDoubleClicked.connect(self.on_table_cell_double_clicked)
        port.command_finished.connect(self.on_port_command_finished)

    def refresh(self) -> None:
        self._token = self._port.send_request(typed("registry.todo", {}))

    def on_port_command_finished(self, token: int, data: Any) -> None:
        if token != self._token:
            return
        self.items = list(data.get("items", []))
        self.table.setRowCount(len(self.items))
        for row, it in enumerate(self.items):
            cells = [vn_date(it.get("deadline")) or self.tr("(không hạn)"), it["symbol"],
                     it["issuer"], f"{it['doc_type']}: {it['summary']}"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if it.get("overdue"):
                    item.setForeground(OVERDUE)
                    if col == 0:
                        item.setToolTip(self.tr("Quá hạn"))
                item.setData(Qt.ItemDataRole.UserRole, it["registry_id"])
                self.table.setItem(row, col, item)
        self.empty.setVisible(not self.items)
        self.count_changed.emit(len(self.items))

    def on_table_cell_double_clicked(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.items):
            self.entry_activated.emit(int(self.items[row]["registry_id"]))
