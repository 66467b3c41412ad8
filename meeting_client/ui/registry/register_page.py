"""The register (sổ đăng ký văn bản đến / đi) as a table, and search as you type.

The table is :class:`RegistryTableModel`: Phụ lục IV's columns, sorted by the server,
pages fetched as the view scrolls. The search box waits for a pause in typing
(``DEBOUNCE_MS``) before it asks; replies to older text are dropped by the model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.port import CommandPort
from meeting_client.models.registry_model import ENTRY_ROLE, RegistryTableModel
from meeting_client.ui.registry.highlight_delegate import HighlightDelegate

DEBOUNCE_MS = 150
WIDTHS = {"received_on": "00/00/0000", "number": "Số đến ", "issuer": "Sở Tài nguyên và Môi",
          "symbol": "1234/QĐ-SKHĐT", "issued_on": "00/00/0000", "signer": "Nguyễn Văn Nam",
          "recipients": "Phòng Tài chính - Kế", "archive_holder": "Văn phòng HĐND",
          "copies": "Số lượng", "forwarded_on": "Ngày chuyển", "note": "Ghi chú ghi"}
"""Each column as wide as this text in the table's font (the header's words fit)."""


class RegisterPage(QWidget):
    """One register at a time, a search box above it."""

    entry_activated = Signal(int)
    """(registry_id) — the user opened a line."""
    register_requested = Signal(str)
    """(direction) — "Đăng ký văn bản"."""
    print_requested = Signal(str)
    """(direction) — "In sổ"."""

    def __init__(self, port: CommandPort, *, office: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RegistryTableModel(port, self)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("registrySearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr(
            "Tìm theo trích yếu, số ký hiệu, cơ quan ban hành… (gõ không dấu cũng được)"))
        self.total_label = QLabel()
        self.incoming = QPushButton(self.tr("Sổ văn bản đến"))
        self.outgoing = QPushButton(self.tr("Sổ văn bản đi"))
        group = QButtonGroup(self)
        for button in (self.incoming, self.outgoing):
            button.setCheckable(True)
            button.setMinimumHeight(40)
            bold = button.font()
            bold.setBold(True)  # the checked register is drawn bold: leave room for it
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(button.text()) + 40)
            group.addButton(button)
        self.incoming.setChecked(True)
        self.register_button = QPushButton(self.tr("Đăng ký văn bản…"))
        self.print_button = QPushButton(self.tr("In sổ…"))
        for button in (self.register_button, self.print_button):
            button.setMinimumHeight(40)
            button.setVisible(office)
        self.table = QTableView()
        self.table.setObjectName("registryTable")
        self.table.setModel(self.model)
        self._highlighter = HighlightDelegate(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)  # sorts by the indicator: none, so no request
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e")
        self.error_label.hide()

        top = QHBoxLayout()
        top.addWidget(self.incoming)
        top.addWidget(self.outgoing)
        top.addSpacing(12)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.total_label)
        top.addWidget(self.register_button)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.on_debounce_timeout)
        self.search_box.textChanged.connect(self.on_search_box_text_changed)
        self.incoming.clicked.connect(lambda: self.show_register("in"))
        self.outgoing.clicked.connect(lambda: self.show_register("out"))
        self.register_button.clicked.connect(
            lambda: self.register_requested.emit(self.model.direction))
        self.print_button.clicked.connect(
            lambda: self.print_requested.emit(self.model.direction))
        self.table.activated.connect(self.on_table_activated)
        self.table.doubleClicked.connect(self.on_table_activated)
        self.model.total_changed.connect(self.on_model_total_changed)
        self.model.failed.connect(self.on_model_failed)
        self.model.modelReset.connect(self._size_columns)
        self._size_columns()
        self.on_model_total_changed(0)

    def start(self) -> None:
        """Load the first page of the incoming register."""
        self.model.set_search(query="", direction="in")

    def show_register(self, direction: str) -> None:
        (self.incoming if direction == "in" else self.outgoing).setChecked(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_search(direction=direction, sort_key=None, resort=True)

    def on_search_box_text_changed(self, _text: str) -> None:
        self._debounce.start()

    def on_debounce_timeout(self) -> None:
        """New words rank by relevance; a column sort stays for browsing (no words)."""
        query = self.search_box.text().strip()
        if query:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.model.set_search(query=query, sort_key=None, resort=True)
        else:
            self.model.set_search(query=query)

    def on_model_total_changed(self, total: int) -> None:
        self.error_label.hide()
        self.total_label.setText(self.tr("%1 văn bản").replace("%1", f"{total:,}".replace(
            ",", ".")))

    def on_model_failed(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def on_table_activated(self, index: QModelIndex) -> None:
        entry: dict[str, Any] | None = index.data(ENTRY_ROLE)
        if entry is not None:
            self.entry_activated.emit(int(entry["registry_id"]))

    NARROW = 1500
    """Below this width the columns a reader rarely needs while searching step aside."""
    OPTIONAL = ("recipients", "forwarded_on", "note", "archive_holder", "copies")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        narrow = self.width() < self.NARROW
        for col, (key, _title, _sort) in enumerate(self.model.columns()):
            self.table.setColumnHidden(col, narrow and key in self.OPTIONAL)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        for col in range(header.count()):
            self.table.setItemDelegateForColumn(col, None)  # type: ignore[arg-type]
        for col, (key, _title, _sort) in enumerate(self.model.columns()):
            if key in ("summary", "symbol", "issuer"):
                # Only the columns a search can mark pay for the Python delegate.
                self.table.setItemDelegateForColumn(col, self._highlighter)
            if key == "summary":
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
                sample = WIDTHS.get(key, "0000000000")
                header.resizeSection(col, self.table.fontMetrics().horizontalAdvance(sample)
                                     + 24)
        self._fit_columns()
