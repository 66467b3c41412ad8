"""The workspace's navigation rail: the modules a user may open, with their badges.

A badge is a number a module keeps current (today's meetings, unread messages,
unacknowledged alerts); the rail only shows it. Modules say what they count by
giving the workspace a :class:`BadgeSource`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.labels import parse_time
from meeting_client.models.meeting_list_model import MeetingListModel

Index = QModelIndex | QPersistentModelIndex
BADGE_ROLE = Qt.ItemDataRole.UserRole + 10
"""The badge count of a rail entry (0: no badge)."""
ICON_ROLE = Qt.ItemDataRole.UserRole + 11
"""The name of the entry's icon in ``resources/icons``."""


class BadgeSource(QObject):
    """A count shown on a module's rail entry; subclasses keep it current."""

    count_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = 0

    def count(self) -> int:
        return self._count

    def set_count(self, count: int) -> None:
        count = max(0, int(count))
        if count != self._count:
            self._count = count
            self.count_changed.emit(count)


class TodayMeetingsBadge(BadgeSource):
    """Meetings of today (in local time) and any in progress, from the meeting list."""

    def __init__(self, model: MeetingListModel, parent: QObject | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._today = today
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged):
            signal.connect(self.recount)
        self.recount()

    def recount(self, *_args: object) -> None:
        today = self._today or date.today()
        n = 0
        for row in self._model.rows():
            start = parse_time(row.starts_at)
            if row.status == "in_progress" or (
                    start is not None and start.astimezone().date() == today
                    and row.status != "ended"):
                n += 1
        self.set_count(n)


@dataclass(frozen=True, slots=True)
class RailItem:
    key: str
    title: str
    icon: str
    badge: int = 0


class ModuleRailModel(QAbstractListModel):
    """One row per module the user may open, in registry order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[RailItem] = []

    def set_items(self, items: list[RailItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def keys(self) -> list[str]:
        return [i.key for i in self._items]

    def row_of(self, key: str) -> int:
        return next((n for n, i in enumerate(self._items) if i.key == key), -1)

    def set_badge(self, key: str, count: int) -> None:
        row = self.row_of(key)
        if row < 0 or self._items[row].badge == count:
            return
        self._items[row] = replace(self._items[row], badge=count)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [BADGE_ROLE, Qt.ItemDataRole.AccessibleTextRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return item.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.title} ({item.badge})" if item.badge else item.title
        if role == KEY_ROLE:
            return item.key
        if role == BADGE_ROLE:
            return item.badge
        if role == ICON_ROLE:
            return item.icon
        return None
