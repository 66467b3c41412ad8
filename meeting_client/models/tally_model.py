"""One poll's result per option, and who voted how for open (non-secret) polls."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from meeting_client.models.base import KeyedTableModel
from meeting_client.models.labels import option_label
from meeting_protocol.state import Poll, Snapshot

COUNT_ROLE = Qt.ItemDataRole.UserRole + 50
SHARE_ROLE = Qt.ItemDataRole.UserRole + 51
"""Count as a fraction of *eligible* delegates (the base of the majority rules)."""
OPTION_ROLE = Qt.ItemDataRole.UserRole + 52


@dataclass(frozen=True, slots=True)
class TallyRow:
    option: str
    label: str
    count: int
    share: float


@dataclass(frozen=True, slots=True)
class BallotRow:
    user_id: int
    name: str
    seat: str
    choice: str
    label: str


class TallyModel(KeyedTableModel[TallyRow]):
    """Rows: one per option, in the poll's order (plus "Không tham gia" for missing ballots)."""

    column_count = 3
    NOT_CAST = "__not_cast__"

    def row_key(self, row: TallyRow) -> str:
        return row.option

    def display(self, row: TallyRow, column: int) -> str:
        if column == 0:
            return row.label
        if column == 1:
            return str(row.count)
        return f"{row.share * 100:.1f}%"

    def role_data(self, row: TallyRow, column: int, role: int) -> Any:
        if role == COUNT_ROLE:
            return row.count
        if role == SHARE_ROLE:
            return row.share
        if role == OPTION_ROLE:
            return row.option
        return None

    def header_text(self, section: int) -> str:
        return (self.tr("Lựa chọn"), self.tr("Số phiếu"), self.tr("Tỷ lệ"))[section]

    def update(self, poll: Poll | None) -> None:
        if poll is None or poll.tally is None:
            self.set_rows([])
            return
        eligible = max(poll.eligible, 1)
        rows = [TallyRow(o, option_label(o), poll.tally.get(o, 0),
                         poll.tally.get(o, 0) / eligible) for o in poll.options]
        missing = max(0, poll.eligible - poll.cast)
        rows.append(TallyRow(self.NOT_CAST, self.tr("Không tham gia"), missing,
                             missing / eligible))
        self.set_rows(rows)


class BallotModel(KeyedTableModel[BallotRow]):
    """Who chose what, only for a closed open-ballot poll; empty for secret polls."""

    column_count = 3

    def row_key(self, row: BallotRow) -> int:
        return row.user_id

    def display(self, row: BallotRow, column: int) -> str:
        return (row.seat, row.name, row.label)[column]

    def role_data(self, row: BallotRow, column: int, role: int) -> Any:
        return row.choice if role == OPTION_ROLE else None

    def header_text(self, section: int) -> str:
        return (self.tr("Ghế"), self.tr("Đại biểu"), self.tr("Lựa chọn"))[section]

    def update(self, poll: Poll | None, snapshot: Snapshot) -> None:
        if poll is None or poll.ballots is None:
            self.set_rows([])
            return
        people = {p.user_id: p for p in snapshot.participants}
        rows = []
        for b in poll.ballots:
            person = people.get(b.user_id)
            rows.append(BallotRow(b.user_id, person.full_name if person else str(b.user_id),
                                  (person.seat or "") if person else "", b.choice,
                                  option_label(b.choice)))
        self.set_rows(sorted(rows, key=lambda r: (r.name, r.user_id)))
