"""The meetings of today and coming days; opening one enters the room."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.meeting_list_model import MeetingListModel
from meeting_client.ui.look import fit_columns, label, wrap_rows


class MeetingListPage(QWidget):
    """A table of meetings with "Vào phòng họp"; double-tap opens too."""

    open_requested = Signal(int)
    """(meeting id)."""
    refresh_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, model: MeetingListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingListPage")
        self._model = model
        self.greeting = label("", "appTitle")
        self.table = QTableView()
        self.table.setObjectName("meetingList")
        self.table.setModel(model)
        wrap_rows(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fit_columns(self.table, (1, 2, 3))
        self.empty = label(self.tr("Không có cuộc họp nào hôm nay hoặc sắp tới."), "muted")
        self.message = label("", "warnText")
        self.message.hide()
        self.open_button = QPushButton(self.tr("Vào phòng họp"))
        self.open_button.setObjectName("primary")
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.sign_out_button = QPushButton(self.tr("Đăng xuất"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.greeting)
        layout.addWidget(label(self.tr("Cuộc họp hôm nay và sắp tới"), "panelTitle"))
        layout.addWidget(self.message)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._connect_signals()
        self.on_model_changed()

    def _connect_signals(self) -> None:
        self.open_button.clicked.connect(self.on_open_clicked)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self.on_model_changed)
        self._model.modelReset.connect(self.on_model_changed)
        self._model.rowsInserted.connect(self.on_model_changed)
        self._model.rowsRemoved.connect(self.on_model_changed)

    def set_greeting(self, full_name: str) -> None:
        self.greeting.setText(self.tr("Xin chào, %1").replace("%1", full_name))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def on_model_changed(self, *_args: object) -> None:
        fit_columns(self.table, (1, 2, 3))
        rows = self._model.rowCount()
        self.empty.setVisible(rows == 0)
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.open_button.setEnabled(self.table.selectionModel().hasSelection())

    def on_open_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_requested.emit(int(rows[0].data(KEY_ROLE)))

    def on_table_double_clicked(self, index: QModelIndex) -> None:
        self.open_requested.emit(int(index.data(KEY_ROLE)))
