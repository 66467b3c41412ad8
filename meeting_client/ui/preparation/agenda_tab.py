"""The agenda: items with presenter and planned duration, reordered by drag and drop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meeting_client.ui.look import label

ITEM_ID = Qt.ItemDataRole.UserRole + 10


class AgendaTab(QWidget):
    """``move_requested(item_id, position)`` when an item is dropped elsewhere."""

    add_requested = Signal(str, int, int)
    """(title, duration in minutes or 0, presenter id or 0)."""
    update_requested = Signal(int, str, int, int)
    remove_requested = Signal(int)
    move_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._agenda: list[dict[str, Any]] = []
        self._names: dict[int, str] = {}
        self.list = QListWidget()
        self.list.setObjectName("agendaList")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setAlternatingRowColors(True)
        self.hint = label(self.tr("Kéo thả để sắp xếp lại thứ tự các nội dung."), "muted")
        self.title = QLineEdit()
        self.title.setObjectName("agendaTitle")
        self.title.setPlaceholderText(self.tr("Tên nội dung, ví dụ: Tờ trình về dự toán ngân "
                                              "sách năm 2027"))
        self.duration = QSpinBox()
        self.duration.setRange(0, 600)
        self.duration.setSuffix(self.tr(" phút"))
        self.duration.setSpecialValueText(self.tr("Không định trước"))
        self.presenter = QComboBox()
        self.add_button = QPushButton(self.tr("Thêm nội dung"))
        self.add_button.setObjectName("primary")
        self.save_button = QPushButton(self.tr("Lưu nội dung đang chọn"))
        self.remove_button = QPushButton(self.tr("Xóa nội dung"))
        form = QFormLayout()
        form.addRow(self.tr("Nội dung"), self.title)
        form.addRow(self.tr("Thời lượng dự kiến"), self.duration)
        form.addRow(self.tr("Người trình bày"), self.presenter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.list.currentRowChanged.connect(self.on_current_row_changed)
        self.list.model().rowsMoved.connect(self.on_rows_moved)
        self._update_buttons()

    def load(self, agenda: list[dict[str, Any]], participants: list[dict[str, Any]]) -> None:
        self._agenda = list(agenda)
        self._names = {int(p["user_id"]): str(p["full_name"]) for p in participants}
        keep = self.presenter.currentData()
        self.presenter.clear()
        self.presenter.addItem(self.tr("— Chưa chọn —"), 0)
        for user_id, name in sorted(self._names.items(), key=lambda kv: kv[1]):
            self.presenter.addItem(name, user_id)
        self.presenter.setCurrentIndex(max(0, self.presenter.findData(keep)))
        current = self.current_item_id()
        self.list.blockSignals(True)
        self.list.clear()
        for item in self._agenda:
            entry = QListWidgetItem(self.item_text(item))
            entry.setData(ITEM_ID, int(item["id"]))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsDragEnabled)
            self.list.addItem(entry)
            if item["id"] == current:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        self._update_buttons()

    def item_text(self, item: dict[str, Any]) -> str:
        parts = [f"{item['position']}. {item['title']}"]
        if item.get("duration_min"):
            parts.append(self.tr("%1 phút").replace("%1", str(item["duration_min"])))
        presenter = self._names.get(item.get("presenter_id") or 0)
        if presenter:
            parts.append(self.tr("trình bày: %1").replace("%1", presenter))
        return " — ".join(parts)

    def current_item_id(self) -> int | None:
        entry = self.list.currentItem()
        return int(entry.data(ITEM_ID)) if entry is not None else None

    def on_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._agenda):
            item = next((a for a in self._agenda if a["id"] == self.current_item_id()), None)
            if item is not None:
                self.title.setText(item["title"])
                self.duration.setValue(int(item.get("duration_min") or 0))
                self.presenter.setCurrentIndex(max(0, self.presenter.findData(
                    item.get("presenter_id") or 0)))
        self._update_buttons()

    def on_rows_moved(self, _parent: QModelIndex | QPersistentModelIndex, start: int, _end: int,
                      _dest: QModelIndex | QPersistentModelIndex, row: int) -> None:
        """A drop: the item at ``start`` now sits before ``row`` (old numbering)."""
        if not 0 <= start < len(self._agenda):
            return
        position = row if row > start else row + 1
        self.move_requested.emit(int(self._agenda[start]["id"]), max(1, position))

    def on_add_clicked(self) -> None:
        if self.title.text().strip():
            self.add_requested.emit(self.title.text().strip(), self.duration.value(),
                                    int(self.presenter.currentData() or 0))
            self.title.clear()

    def on_save_clicked(self) -> None:
        item_id = self.current_item_id()
        if item_id is not None and self.title.text().strip():
            self.update_requested.emit(item_id, self.title.text().strip(),
                                       self.duration.value(),
                                       int(self.presenter.currentData() or 0))

    def on_remove_clicked(self) -> None:
        item_id = self.current_item_id()
        if item_id is not None:
            self.remove_requested.emit(item_id)

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
