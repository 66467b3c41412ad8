"""The floor: who speaks now, then who waits, in order of request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from meeting_client.models.base import KeyedTableModel
from meeting_protocol.state import Snapshot

STATUS_ROLE = Qt.ItemDataRole.UserRole + 30


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    request_id: int
    user_id: int
    name: str
    seat: str
    status: str
    """``speaking`` or ``waiting``."""
    position: int
    """1-based place among those waiting; 0 for the speaker."""
    requested_at: str
    granted_at: str | None
    limit_s: int | None


def speaker_rows(snapshot: Snapshot) -> list[SpeakerRow]:
    """Speaking first, then waiting by request time (the server's order)."""
    names = {p.user_id: p for p in snapshot.participants}
    speaking = [s for s in snapshot.speakers if s.status == "speaking"]
    waiting = sorted((s for s in snapshot.speakers if s.status == "waiting"),
                     key=lambda s: (s.requested_at, s.request_id))
    rows = []
    for position, s in enumerate([*speaking, *waiting]):
        person = names.get(s.user_id)
        rows.append(SpeakerRow(
            request_id=s.request_id, user_id=s.user_id,
            name=person.full_name if person else str(s.user_id),
            seat=s.seat or (person.seat if person and person.seat else ""),
            status=s.status,
            position=0 if s.status == "speaking" else position - len(speaking) + 1,
            requested_at=s.requested_at, granted_at=s.granted_at, limit_s=s.limit_s,
        ))
    return rows


class SpeakerQueueModel(KeyedTableModel[SpeakerRow]):
    """Columns: place (or "Đang phát biểu"), name, seat."""

    column_count = 3

    def row_key(self, row: SpeakerRow) -> int:
        return row.request_id

    def display(self, row: SpeakerRow, column: int) -> str:
        if column == 0:
            return self.tr("Đang phát biểu") if row.status == "speaking" else str(row.position)
        if column == 1:
            return row.name
        return row.seat

    def role_data(self, row: SpeakerRow, column: int, role: int) -> Any:
        if role == STATUS_ROLE:
            return row.status
        return None

    def header_text(self, section: int) -> str:
        return (self.tr("Thứ tự"), self.tr("Đại biểu"), self.tr("Ghế"))[section]

    def update(self, snapshot: Snapshot) -> None:
        self.set_rows(speaker_rows(snapshot))
