"""Participants with attendance and floor state: the clerk's table and the seat map."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from meeting_client.models.base import KeyedTableModel
from meeting_client.models.labels import role_label
from meeting_protocol.roles import HALL
from meeting_protocol.state import Snapshot

STATUS_ROLE = Qt.ItemDataRole.UserRole + 20
"""One of ``speaking``, ``waiting``, ``present``, ``excused``, ``absent``."""
SEAT_ROLE = Qt.ItemDataRole.UserRole + 21


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    user_id: int
    full_name: str
    username: str
    role: str
    seat: str
    present: bool
    absence_reason: str
    floor: str
    """``speaking``, ``waiting`` or empty."""

    @property
    def status(self) -> str:
        if self.floor:
            return self.floor
        if self.present:
            return "present"
        return "excused" if self.absence_reason else "absent"


def _seat_key(row: ParticipantRow) -> tuple[int, str, str]:
    """Seats sort numerically where they are numbers ("2" before "10")."""
    seat = row.seat
    return (int(seat) if seat.isdigit() else 10**6, seat, row.full_name)


class ParticipantModel(KeyedTableModel[ParticipantRow]):
    """Columns: seat, name, role, attendance. Sorted by seat.

    ``delegates_only`` keeps the seat map to the people who vote.
    """

    column_count = 4

    def __init__(self, parent: Any = None, *, delegates_only: bool = False) -> None:
        super().__init__(parent)
        self._delegates_only = delegates_only

    def row_key(self, row: ParticipantRow) -> int:
        return row.user_id

    def status_text(self, row: ParticipantRow) -> str:
        """Attendance and, when they have one, the floor state (for tooltips)."""
        attendance = self.attendance_text(row)
        if row.floor == "speaking":
            return f"{attendance} · {self.tr('Đang phát biểu')}"
        if row.floor == "waiting":
            return f"{attendance} · {self.tr('Đăng ký phát biểu')}"
        return attendance

    def attendance_text(self, row: ParticipantRow) -> str:
        if row.present:
            return self.tr("Có mặt")
        if row.absence_reason:
            return self.tr("Vắng mặt có lý do: %1").replace("%1", row.absence_reason)
        return self.tr("Vắng mặt")

    def display(self, row: ParticipantRow, column: int) -> str:
        if column == 0:
            return row.seat
        if column == 1:
            return row.full_name
        if column == 2:
            return role_label(row.role)
        return self.attendance_text(row)

    def role_data(self, row: ParticipantRow, column: int, role: int) -> Any:
        if role == STATUS_ROLE:
            return row.status
        if role == SEAT_ROLE:
            return row.seat
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.full_name} — {self.status_text(row)}"
        return None

    def header_text(self, section: int) -> str:
        return (self.tr("Ghế"), self.tr("Họ và tên"), self.tr("Vai trò"),
                self.tr("Điểm danh"))[section]

    def update(self, snapshot: Snapshot) -> None:
        floor = {s.user_id: s.status for s in snapshot.speakers}
        rows = [
            ParticipantRow(
                user_id=p.user_id, full_name=p.full_name, username=p.username, role=p.role,
                seat=p.seat or "", present=p.present, absence_reason=p.absence_reason or "",
                floor=floor.get(p.user_id, ""),
            )
            for p in snapshot.participants
            if p.role != HALL and (not self._delegates_only or p.role == "delegate")
        ]
        self.set_rows(sorted(rows, key=_seat_key))
