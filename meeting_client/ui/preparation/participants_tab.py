"""Who is invited: people with their role and seat, and their replies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.labels import role_label
from meeting_client.models.preparation import ROLES, ParticipantsModel
from meeting_client.ui.look import label


class ParticipantsTab(QWidget):
    add_requested = Signal(int, str, str)
    """(user id, role, seat)."""
    update_requested = Signal(int, str, str)
    remove_requested = Signal(int)

    def __init__(self, model: ParticipantsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.table = QTableView()
        self.table.setObjectName("participantsTable")
        self.table.setModel(model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = label("", "muted")
        self.person = QComboBox()
        self.person.setObjectName("candidate")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.person.setMinimumContentsLength(16)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(self.role.findData("delegate"))
        self.seat = QLineEdit()
        self.seat.setPlaceholderText(self.tr("Ghế"))
        self.seat.setToolTip(self.tr("Số ghế, ví dụ A01; để trống nếu chưa xếp ghế"))
        self.seat.setMaximumWidth(120)
        self.add_button = QPushButton(self.tr("Thêm người"))
        self.add_button.setObjectName("primary")
        self.update_button = QPushButton(self.tr("Đổi vai trò / ghế"))
        self.remove_button = QPushButton(self.tr("Bỏ khỏi thành phần"))
        row = QHBoxLayout()
        row.addWidget(label(self.tr("Mời thêm"), "muted"))
        row.addWidget(self.person, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.role, 1)
        row2.addWidget(self.seat)
        row2.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.update_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.update_button.clicked.connect(self.on_update_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        model.modelReset.connect(self.on_model_changed)
        model.rowsInserted.connect(self.on_model_changed)
        model.rowsRemoved.connect(self.on_model_changed)
        model.dataChanged.connect(self.on_model_changed)
        self.on_model_changed()

    def set_candidates(self, users: list[dict[str, Any]]) -> None:
        self.person.clear()
        for user in users:
            self.person.addItem(f"{user['full_name']} ({user['username']})", int(user["id"]))

    def selected_user(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(KEY_ROLE)) if rows else None

    def on_selection_changed(self, *_args: object) -> None:
        user_id = self.selected_user()
        row = self._model.row_of_key(user_id) if user_id is not None else -1
        if row >= 0:
            person = self._model.row_at(row)
            self.role.setCurrentIndex(self.role.findData(person.role))
            self.seat.setText(person.seat or "")
        self.on_model_changed()

    def on_model_changed(self, *_args: object) -> None:
        rows = self._model.rows()
        counted = sum(1 for r in rows if r.role == "delegate")
        replied = sum(1 for r in rows if r.reply)
        self.summary.setText(self.tr("%1 người được mời, %2 đại biểu; %3 đã trả lời giấy mời")
                             .replace("%1", str(len(rows))).replace("%2", str(counted))
                             .replace("%3", str(replied)))
        chosen = self.selected_user() is not None
        self.update_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def on_add_clicked(self) -> None:
        user_id = self.person.currentData()
        if user_id is not None:
            self.add_requested.emit(int(user_id), self.role.currentData(), self.seat.text())
            self.seat.clear()

    def on_update_clicked(self) -> None:
        user_id = self.selected_user()
        if user_id is not None:
            self.update_requested.emit(user_id, self.role.currentData(), self.seat.text())

    def on_remove_clicked(self) -> None:
        user_id = self.selected_user()
        if user_id is not None:
            self.remove_requested.emit(user_id)
