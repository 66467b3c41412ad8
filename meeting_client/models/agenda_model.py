"""The agenda (chương trình) as a list, active item marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from meeting_client.models.base import KeyedTableModel
from meeting_protocol.state import AgendaItem

ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 10


class AgendaModel(KeyedTableModel[AgendaItem]):
    """One row per agenda item in position order; ``ACTIVE_ROLE`` says which is current."""

    def row_key(self, row: AgendaItem) -> int:
        return row.id

    def display(self, row: AgendaItem, column: int) -> str:
        return f"{row.position}. {row.title}"

    def role_data(self, row: AgendaItem, column: int, role: int) -> Any:
        if role == ACTIVE_ROLE:
            return row.active
        if role == Qt.ItemDataRole.FontRole and row.active:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.active:
            return QBrush(QColor("#dbe8ff"))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and row.active:
            return self.tr("Đang thảo luận")
        return None

    def header_text(self, section: int) -> str:
        return self.tr("Chương trình")

    def update(self, agenda: list[AgendaItem]) -> None:
        self.set_rows(sorted(agenda, key=lambda a: (a.position, a.id)))

    def active_row(self) -> int:
        """Row of the item under discussion, or -1."""
        return next((i for i, a in enumerate(self._rows) if a.active), -1)
