"""A table model over keyed rows that updates by diff, not by reset.

Snapshots arrive many times a second during a vote; a model reset would drop
the chair's selection and make views flicker. :meth:`KeyedTableModel.set_rows`
removes, inserts and changes rows in place, and falls back to a reset only when
the order of surviving rows changed.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
"""Every keyed model answers this role with the row's key (an id)."""
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
"""The whole row object, for delegates and widgets that paint it themselves."""


class KeyedTableModel(QAbstractTableModel, Generic[R]):
    """Rows are immutable values; subclasses say how to key and show them."""

    column_count: ClassVar[int] = 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._keys: list[Hashable] = []

    # --- subclass hooks --------------------------------------------------------

    def row_key(self, row: R) -> Hashable:
        raise NotImplementedError

    def display(self, row: R, column: int) -> Any:
        """Text of a cell; column 0 is what list views show."""
        raise NotImplementedError

    def role_data(self, row: R, column: int, role: int) -> Any:
        """Data of any other role; None when the role means nothing here."""
        return None

    def header_text(self, section: int) -> str:
        """Column title; subclasses return ``self.tr(...)`` so it is translated."""
        return ""

    # --- public API ----------------------------------------------------------

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of_key(self, key: Hashable) -> int:
        """Row number of ``key``, or -1."""
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace the content, emitting the smallest set of change signals."""
        new_rows = list(rows)
        new_keys = [self.row_key(r) for r in new_rows]
        if len(set(new_keys)) != len(new_keys):
            raise ValueError("row keys must be unique")
        new_set = set(new_keys)
        for i in range(len(self._keys) - 1, -1, -1):
            if self._keys[i] not in new_set:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                del self._keys[i]
                self.endRemoveRows()
        old_set = set(self._keys)
        surviving = [k for k in new_keys if k in old_set]
        if surviving != self._keys:
            self.beginResetModel()
            self._rows, self._keys = new_rows, new_keys
            self.endResetModel()
            return
        for i, key in enumerate(new_keys):
            if i >= len(self._keys) or self._keys[i] != key:
                self.beginInsertRows(QModelIndex(), i, i)
                self._rows.insert(i, new_rows[i])
                self._keys.insert(i, key)
                self.endInsertRows()
            elif self._rows[i] != new_rows[i]:
                self._rows[i] = new_rows[i]
                self.dataChanged.emit(
                    self.index(i, 0), self.index(i, self.columnCount() - 1)
                )

    # --- QAbstractItemModel ----------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == KEY_ROLE:
            return self._keys[index.row()]
        if role == ROW_ROLE:
            return row
        return self.role_data(row, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < self.column_count):
            return self.header_text(section)
        return None
