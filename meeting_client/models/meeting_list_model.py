"""The meetings a user may open (from ``meeting.list``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from meeting_client.models.base import KeyedTableModel
from meeting_client.models.labels import (
    date_time_text,
    meeting_status_label,
    parse_time,
    role_label,
)


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    title: str
    starts_at: str
    status: str
    role: str


def meeting_rows(data: dict[str, Any], today: date | None = None) -> list[MeetingRow]:
    """Today's and upcoming meetings, and any not yet ended; the running one first."""
    today = today or date.today()
    rows = []
    for m in data.get("meetings", []):
        row = MeetingRow(int(m["id"]), str(m["title"]), str(m.get("starts_at", "")),
                         str(m.get("status", "")), str(m.get("role") or ""))
        start = parse_time(row.starts_at)
        if row.status != "ended" or start is None or start.astimezone().date() >= today:
            rows.append(row)
    return sorted(rows, key=lambda r: (r.status != "in_progress", r.starts_at, r.id))


class MeetingListModel(KeyedTableModel[MeetingRow]):
    """Columns: title, time, status, the user's role."""

    column_count = 4

    def row_key(self, row: MeetingRow) -> int:
        return row.id

    def display(self, row: MeetingRow, column: int) -> str:
        if column == 0:
            return row.title
        if column == 1:
            return date_time_text(row.starts_at)
        if column == 2:
            return meeting_status_label(row.status)
        return role_label(row.role)

    def header_text(self, section: int) -> str:
        return (self.tr("Cuộc họp"), self.tr("Thời gian"), self.tr("Trạng thái"),
                self.tr("Vai trò"))[section]
