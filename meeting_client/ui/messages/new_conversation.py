"""Choosing who to write to, from the organisation directory."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.messages_model import Person
from meeting_client.ui.look import label


def _fold(text: str) -> str:
    """Lower case without diacritics, so ``lan`` finds ``Lân`` and ``dung`` finds ``Dũng``."""
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn").lower()


class NewConversationDialog(QDialog):
    def __init__(self, people: list[Person], me_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cuộc trao đổi mới"))
        self.resize(520, 600)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo tên, tài khoản hoặc chức vụ"))
        self.list = QListWidget()
        for person in sorted(people, key=lambda p: _fold(p.full_name)):
            if person.id == me_id:
                continue
            text = person.full_name + (f" — {person.position}" if person.position else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setData(Qt.ItemDataRole.UserRole + 1,
                         _fold(f"{person.full_name} {person.username} {person.position}"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.hint = label(self.tr("Chọn một người để nhắn riêng, nhiều người để lập nhóm."),
                          "muted")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Bắt đầu"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self.on_search_changed)
        self.list.itemChanged.connect(self._update_ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_ok()

    def on_search_changed(self, text: str) -> None:
        words = _fold(text).split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = str(item.data(Qt.ItemDataRole.UserRole + 1))
            item.setHidden(not all(w in hay for w in words))

    def chosen(self) -> list[int]:
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))
