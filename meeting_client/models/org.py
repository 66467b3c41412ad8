"""The organisation as the administration page sees it: units, people, and the commands
that change them. Everything goes through the :class:`CommandPort`; answers come back as
signals on the GUI thread, and after every change the directory is read again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import msgspec
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from meeting_client.models.base import KEY_ROLE, KeyedTableModel
from meeting_client.models.port import CommandPort
from meeting_client.models.session import Me
from meeting_protocol import org as op
from meeting_protocol.commands import Payload

Index = QModelIndex | QPersistentModelIndex
GLOBAL_ROLES = ("admin", "office", "leader", "operator")


def global_role_label(role: str) -> str:
    labels = {
        "admin": QCoreApplication.translate("OrgLabels", "Quản trị"),
        "office": QCoreApplication.translate("OrgLabels", "Văn phòng"),
        "leader": QCoreApplication.translate("OrgLabels", "Lãnh đạo"),
        "operator": QCoreApplication.translate("OrgLabels", "Vận hành"),
    }
    return labels.get(role, role)


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: int
    name: str
    code: str | None
    parent_id: int | None
    head_id: int | None = None


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    username: str
    full_name: str
    unit_id: int | None
    position: str | None
    roles: tuple[str, ...]
    active: bool
    email: str | None = None


def unit_rows(data: Any) -> list[UnitRow]:
    return [UnitRow(int(u["id"]), str(u["name"]), u.get("code"), u.get("parent_id"),
                    u.get("head_id")) for u in (data or {}).get("units", [])]


def user_rows(data: Any) -> list[UserRow]:
    return [UserRow(int(u["id"]), str(u["username"]), str(u["full_name"]), u.get("unit_id"),
                    u.get("position"), tuple(u.get("roles") or ()), bool(u.get("active", True)),
                    u.get("email")) for u in (data or {}).get("users", [])]


def subtree(units: Iterable[UnitRow], root: int) -> set[int]:
    kids: dict[int | None, list[int]] = {}
    for u in units:
        kids.setdefault(u.parent_id, []).append(u.id)
    found: set[int] = set()
    todo = [root]
    while todo:
        uid = todo.pop()
        if uid not in found:
            found.add(uid)
            todo.extend(kids.get(uid, ()))
    return found


def indented_units(units: list[UnitRow], allowed: set[int] | None = None
                   ) -> list[tuple[int, str]]:
    """(id, name indented by depth) in tree order; ``allowed`` limits which appear."""
    kids: dict[int | None, list[UnitRow]] = {}
    ids = {u.id for u in units}
    for u in units:
        parent = u.parent_id if u.parent_id in ids else None
        kids.setdefault(parent, []).append(u)
    out: list[tuple[int, str]] = []

    def walk(parent: int | None, depth: int) -> None:
        for u in kids.get(parent, []):
            if allowed is None or u.id in allowed:
                out.append((u.id, "    " * depth + u.name))
            walk(u.id, depth + 1)

    walk(None, 0)
    return out


class UserTableModel(KeyedTableModel[UserRow]):
    """Columns: full name, user name, unit, position, roles, state."""

    column_count = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unit_names: dict[int, str] = {}

    def set_units(self, units: Iterable[UnitRow]) -> None:
        self._unit_names = {u.id: u.name for u in units}
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 2), self.index(self.rowCount() - 1, 2))

    def row_key(self, row: UserRow) -> int:
        return row.id

    def display(self, row: UserRow, column: int) -> str:
        if column == 0:
            return row.full_name
        if column == 1:
            return row.username
        if column == 2:
            return self._unit_names.get(row.unit_id, "") if row.unit_id is not None else ""
        if column == 3:
            return row.position or ""
        if column == 4:
            return ", ".join(global_role_label(r) for r in row.roles)
        return self.tr("Đang hoạt động") if row.active else self.tr("Đã khóa")

    def role_data(self, row: UserRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row, column) or None  # long unit names and positions elide
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(QColor("#98a2b3"))
        return None

    def header_text(self, section: int) -> str:
        return (self.tr("Họ và tên"), self.tr("Tên đăng nhập"), self.tr("Đơn vị"),
                self.tr("Chức vụ"), self.tr("Vai trò"), self.tr("Trạng thái"))[section]


class UnitTreeModel(QAbstractItemModel):
    """Units as a tree: columns name and code; ``KEY_ROLE`` is the unit id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._units: dict[int, UnitRow] = {}
        self._children: dict[int, list[int]] = {0: []}
        self._parent: dict[int, int] = {}

    def set_units(self, units: Iterable[UnitRow]) -> None:
        self.beginResetModel()
        rows = list(units)
        self._units = {u.id: u for u in rows}
        self._children = {0: []}
        self._parent = {}
        for u in rows:
            parent = u.parent_id if u.parent_id in self._units else 0
            self._parent[u.id] = parent or 0
            self._children.setdefault(parent or 0, []).append(u.id)
            self._children.setdefault(u.id, [])
        self.endResetModel()

    def unit(self, unit_id: int) -> UnitRow | None:
        return self._units.get(unit_id)

    def index_of(self, unit_id: int) -> QModelIndex:
        if unit_id not in self._units:
            return QModelIndex()
        parent = self._parent[unit_id]
        return self.createIndex(self._children[parent].index(unit_id), 0, unit_id)

    def _id(self, index: Index) -> int:
        return int(index.internalId()) if index.isValid() else 0

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        kids = self._children.get(self._id(parent), [])
        if not (0 <= row < len(kids) and 0 <= column < 2):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._parent.get(self._id(index), 0)
        if parent == 0:
            return QModelIndex()
        grand = self._parent[parent]
        return self.createIndex(self._children[grand].index(parent), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self._id(parent), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit = self._units.get(self._id(index))
        if unit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return unit.name if index.column() == 0 else (unit.code or "")
        if role == KEY_ROLE:
            return unit.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Đơn vị"), self.tr("Mã"))[section] if 0 <= section < 2 else None
        return None


class OrgDirectory(QObject):
    """Units and people from the server, and the administration commands."""

    loaded = Signal()
    """Both lists are in :attr:`users` and :attr:`units` (and their models)."""
    succeeded = Signal(str, object)
    """(command type, result data) — committed; a refresh follows."""
    failed = Signal(str, str)
    """(command type, Vietnamese sentence) — nothing changed on the server."""

    def __init__(self, port: CommandPort, me: Me, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.me = me
        self.units: list[UnitRow] = []
        self.users: list[UserRow] = []
        self.user_model = UserTableModel(self)
        self.unit_model = UnitTreeModel(self)
        self._pending: dict[int, str] = {}
        self._waiting_lists: set[str] = set()
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)

    # --- who may do what (the server decides; this only greys buttons out) -------------

    @property
    def is_admin(self) -> bool:
        return "admin" in self.me.roles

    def scope(self) -> set[int] | None:
        """Units whose people this user administers; None: all (admin)."""
        if self.is_admin:
            return None
        if "office" not in self.me.roles or self.me.unit_id is None:
            return set()
        return subtree(self.units, self.me.unit_id)

    def may_manage(self, user: UserRow) -> bool:
        scope = self.scope()
        if scope is None:
            return True
        return "admin" not in user.roles and user.unit_id in scope

    def user(self, user_id: int) -> UserRow | None:
        return next((u for u in self.users if u.id == user_id), None)

    # --- commands ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._waiting_lists = {"org.units", "org.users"}
        for request in (op.OrgUnits(), op.OrgUsers()):
            self._pending[self._port.send_request(request)] = request.TYPE

    def _send(self, payload: Payload) -> None:
        self._pending[self._port.send_command(payload)] = payload.TYPE

    def create_user(self, fields: dict[str, Any]) -> None:
        """``fields`` from the user dialog; checked against the command's struct here."""
        self._send(msgspec.convert(fields, op.OrgUserCreate))

    def update_user(self, user_id: int, changes: dict[str, Any]) -> None:
        self._send(msgspec.convert({"user_id": user_id, **changes}, op.OrgUserUpdate))

    def set_active(self, user_id: int, active: bool) -> None:
        self._send(op.OrgUserReactivate(user_id=user_id) if active
                   else op.OrgUserDeactivate(user_id=user_id))

    def reset_password(self, user_id: int) -> None:
        self._send(op.OrgUserResetPassword(user_id=user_id))

    def create_unit(self, name: str, code: str | None, parent_id: int | None) -> None:
        self._send(op.OrgUnitCreate(name=name, code=code or None, parent_id=parent_id))

    def update_unit(self, unit_id: int, changes: dict[str, Any]) -> None:
        self._send(msgspec.convert({"unit_id": unit_id, **changes}, op.OrgUnitUpdate))

    # --- answers -------------------------------------------------------------------------

    def on_port_command_finished(self, token: int, data: object) -> None:
        kind = self._pending.pop(token, None)
        if kind is None:
            return
        if kind == "org.units":
            self.units = unit_rows(data)
            self.unit_model.set_units(self.units)
            self.user_model.set_units(self.units)
        elif kind == "org.users":
            self.users = user_rows(data)
            self.user_model.set_rows(self.users)
        else:
            self.succeeded.emit(kind, data)
            self.refresh()
            return
        self._waiting_lists.discard(kind)
        if not self._waiting_lists:
            self.loaded.emit()

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        kind = self._pending.pop(token, None)
        if kind is not None:
            self._waiting_lists.discard(kind)
            self.failed.emit(kind, message)
