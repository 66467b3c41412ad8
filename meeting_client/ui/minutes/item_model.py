"""The list of parts of the minutes on the editor's left: agenda items, then the general part."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from meeting_client.models.base import KeyedTableModel

STATE_ROLE = Qt.ItemDataRole.UserRole + 70
"""``saved``, ``dirty`` (changed here, not saved) or ``conflict`` (refused as stale)."""


@dataclass(frozen=True, slots=True)
class MinutesItemRow:
    key: int
    label: str
    state: str = "saved"


class MinutesItemModel(KeyedTableModel[MinutesItemRow]):
    """One row per part; a mark after the title says it has unsaved or refused changes."""

    def row_key(self, row: MinutesItemRow) -> int:
        return row.key

    def display(self, row: MinutesItemRow, column: int) -> str:
        mark = {"dirty": " ●", "conflict": " ⚠"}.get(row.state, "")
        return row.label + mark

    def role_data(self, row: MinutesItemRow, column: int, role: int) -> Any:
        if role == STATE_ROLE:
            return row.state
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                "dirty": self.tr("Có thay đổi chưa lưu"),
                "conflict": self.tr("Không lưu được: đã có người khác sửa; hãy tải lại"),
            }.get(row.state, row.label)
        return None

    def header_text(self, section: int) -> str:
        return self.tr("Nội dung")

    def set_state(self, key: int, state: str) -> None:
        """Change one row's mark (no reset, the selection stays)."""
        rows = [MinutesItemRow(r.key, r.label, state) if r.key == key else r
                for r in self.rows()]
        self.set_rows(rows)
