"""The meeting's polls (phiếu biểu quyết) for the chair's list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from meeting_client.models.base import KeyedTableModel
from meeting_client.models.labels import outcome_label, poll_status_label
from meeting_protocol.state import Poll

STATUS_ROLE = Qt.ItemDataRole.UserRole + 40


class PollModel(KeyedTableModel[Poll]):
    """Columns: title, status, votes cast / eligible, outcome."""

    column_count = 4

    def row_key(self, row: Poll) -> int:
        return row.poll_id

    def display(self, row: Poll, column: int) -> str:
        if column == 0:
            return row.title
        if column == 1:
            return poll_status_label(row.status)
        if column == 2:
            return f"{row.cast}/{row.eligible}" if row.status != "draft" else ""
        return outcome_label(row.outcome)

    def role_data(self, row: Poll, column: int, role: int) -> Any:
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Bỏ phiếu kín") if row.secret else self.tr("Biểu quyết công khai")
        return None

    def header_text(self, section: int) -> str:
        return (self.tr("Nội dung biểu quyết"), self.tr("Trạng thái"), self.tr("Phiếu"),
                self.tr("Kết quả"))[section]

    def update(self, polls: list[Poll]) -> None:
        self.set_rows(polls)
