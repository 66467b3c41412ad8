"""The documents register as a Qt table: pages fetched from the server on demand.

A register holds hundreds of thousands of lines, so the model never holds them all: it
knows ``total`` from the server and keeps a bounded cache of pages (``PAGE`` rows each).
``data()`` for a row not yet here answers a placeholder and notes the page as wanted; a
zero-timer then asks the server for the last few pages the view painted (not every page
a fast scroll flew past), so the GUI thread never waits. Every change of query, filters
or sort starts a new generation: replies to an older one are dropped, so a reply to
"quyet" arriving after "quyet dinh" never shows.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import msgspec
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from meeting_client.models.port import CommandPort
from meeting_client.models.workspace import BadgeSource
from meeting_protocol import org as op
from meeting_protocol import registry as rp
from meeting_protocol.commands import MeetingList, Payload
from meeting_protocol.directives import DirectiveCreate
from meeting_protocol.preparation import AgendaAdd

COMMANDS: dict[str, type[Payload]] = {
    cls.TYPE: cls for cls in (
        rp.RegistryCreate, rp.RegistrySearch, rp.RegistryGet, rp.RegistryUpdate,
        rp.RegistryCancel, rp.RegistryRoute, rp.RegistryHandled, rp.RegistryTodo,
        rp.RegistryCheck, rp.RegistryLink, rp.RegistryAttach, rp.RegistryFile,
        rp.RegistryPrint, op.OrgUsers, op.OrgUnits, MeetingList, AgendaAdd, DirectiveCreate)}
"""What the registry's screens send: its own commands, the directory, and what a document
turns into (a directive, an agenda item)."""


def typed(type_: str, fields: dict[str, Any]) -> Payload:
    """The command's payload struct from wire-named fields (``from``, dates as text)."""
    return msgspec.convert(fields, COMMANDS[type_])

PAGE = 100
MAX_PAGES = 60
"""Pages kept (6,000 rows): enough for a screen and the way back."""
MAX_INFLIGHT = 3
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
"""The whole entry (a dict) of a row, or None while its page is on its way."""
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 2
"""``[[start, end], …]`` of the words that matched, in the cell's text."""
_ROOT = QModelIndex()
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.TextAlignmentRole, ENTRY_ROLE, HIGHLIGHT_ROLE})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

URGENCY = {"normal": "Thường", "urgent": "Khẩn", "express": "Thượng khẩn", "flash": "Hỏa tốc"}


def vn_date(value: str | None) -> str:
    """``YYYY-MM-DD`` → ``dd/mm/yyyy``."""
    if not value or len(value) != 10:
        return ""
    return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"


# (key, header, sort key or None). Phụ lục IV, Nghị định 30/2020.
IN_COLUMNS: list[tuple[str, str, str | None]] = [
    ("received_on", "Ngày đến", "registered_on"), ("number", "Số đến", "number"),
    ("issuer", "Tác giả", "issuer"), ("symbol", "Số, ký hiệu", "symbol"),
    ("issued_on", "Ngày tháng", "issued_on"),
    ("summary", "Tên loại và trích yếu nội dung", "summary"),
    ("recipients", "Đơn vị hoặc người nhận", None), ("forwarded_on", "Ngày chuyển", None),
    ("note", "Ghi chú", None)]
OUT_COLUMNS: list[tuple[str, str, str | None]] = [
    ("number", "Số", "number"), ("symbol", "Số, ký hiệu văn bản", "symbol"),
    ("issued_on", "Ngày tháng văn bản", "issued_on"),
    ("summary", "Tên loại và trích yếu nội dung", "summary"), ("signer", "Người ký", None),
    ("recipients", "Nơi nhận văn bản", None),
    ("archive_holder", "Đơn vị, người nhận bản lưu", None), ("copies", "Số lượng bản", None),
    ("forwarded_on", "Ngày chuyển", None), ("note", "Ghi chú", None)]


def cell_text(entry: dict[str, Any], key: str) -> str:
    if key == "summary":
        return f"{entry.get('doc_type', '')}: {entry.get('summary', '')}"
    if key == "received_on":
        return vn_date(entry.get("received_on") or entry.get("registered_on"))
    if key in ("issued_on", "forwarded_on", "registered_on", "deadline"):
        return vn_date(entry.get(key))
    if key == "note" and entry.get("status") == "cancelled":
        cancelled = QCoreApplication.translate("RegistryTableModel", "Đã hủy.")
        return (cancelled + " " + (entry.get("note") or "")).strip()
    value = entry.get(key)
    return "" if value is None else str(value)


class RegistryTableModel(QAbstractTableModel):
    """One register (incoming or outgoing), filtered by a query, paged from the server."""

    total_changed = Signal(int)
    """How many entries match, once the server said so."""
    failed = Signal(str)
    """A Vietnamese message: the search could not be run."""
    page_loaded = Signal(int)
    """(page number) — arrived and shown."""

    def __init__(self, port: CommandPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.direction = "in"
        self.query = ""
        self.sort_key: str | None = None
        self.filters: dict[str, Any] = {}
        self._columns = IN_COLUMNS
        self._total = 0
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self._inflight: dict[int, tuple[int, int]] = {}
        """token → (generation, page)."""
        self._generation = 0
        self._wanted: list[int] = []
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self._fetch_wanted)
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)

    # --- what is shown -------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def columns(self) -> list[tuple[str, str, str | None]]:
        return self._columns

    def set_search(self, *, query: str | None = None, direction: str | None = None,
                   sort_key: str | None = None, filters: dict[str, Any] | None = None,
                   resort: bool = False) -> None:
        """Change what the table shows; the first page is asked for at once."""
        if query is not None:
            self.query = query
        if direction is not None and direction != self.direction:
            self.direction = direction
            self.beginResetModel()
            self._columns = IN_COLUMNS if direction == "in" else OUT_COLUMNS
            self.endResetModel()
        if resort:
            self.sort_key = sort_key
        if filters is not None:
            self.filters = filters
        self.refresh()

    def refresh(self) -> None:
        """Forget every page and ask again (after a registration, for instance)."""
        self._generation += 1
        self._inflight.clear()
        self.beginResetModel()
        self._pages.clear()
        self.endResetModel()
        self._request(0)

    def entry(self, row: int) -> dict[str, Any] | None:
        page = self._pages.get(row // PAGE)
        if page is None or row % PAGE >= len(page):
            return None
        return page[row % PAGE]

    # --- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and (
                0 <= section < len(self._columns)):
            return QCoreApplication.translate("RegistryTableModel", self._columns[section][1])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for a dozen roles per cell and paints thousands of cells while
        # the register scrolls: answer the roles nobody uses at once.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        page = self._pages.get(row // PAGE)
        entry = page[row % PAGE] if page is not None and row % PAGE < len(page) else None
        if entry is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._want(row // PAGE)
                return "…" if index.column() == 0 else None
            return None
        key = self._columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(entry, key)
        if role == ENTRY_ROLE:
            return entry
        if role == HIGHLIGHT_ROLE:
            marks = entry.get("highlight") or {}
            if key == "summary":  # the cell shows "type: summary"
                shift = len(entry.get("doc_type", "")) + 2
                return (list(marks.get("doc_type") or [])
                        + [[a + shift, b + shift] for a, b in marks.get("summary") or []])
            return marks.get(key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "summary":
            return cell_text(entry, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("number", "copies"):
            return _RIGHT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the server's: a column with a sort key asks again in that order."""
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column][2]
        if key is None:
            return
        desc = order == Qt.SortOrder.DescendingOrder
        self.set_search(sort_key=("-" if desc else "") + key, resort=True)

    # --- fetching --------------------------------------------------------------------

    def _want(self, page: int) -> None:
        if page in self._wanted:
            return
        self._wanted.append(page)
        del self._wanted[:-MAX_INFLIGHT]
        self._fetch_timer.start()

    def _fetch_wanted(self) -> None:
        wanted, self._wanted = self._wanted, []
        asked = {p for g, p in self._inflight.values() if g == self._generation}
        for page in wanted:
            if page not in self._pages and page not in asked:
                if len(self._inflight) >= MAX_INFLIGHT:
                    self._wanted.append(page)  # again once a reply frees a slot
                    continue
                self._request(page)

    def _request(self, page: int) -> None:
        payload: dict[str, Any] = {"query": self.query, "direction": self.direction,
                                   "limit": PAGE, "offset": page * PAGE, **self.filters}
        if self.sort_key:
            payload["sort"] = self.sort_key
        token = self._port.send_request(typed("registry.search", payload))
        self._inflight[token] = (self._generation, page)

    def on_port_command_finished(self, token: int, data: Any) -> None:
        ask = self._inflight.pop(token, None)
        if ask is None:
            return
        generation, page = ask
        if generation != self._generation:
            self._continue()
            return  # a reply to an older query: dropped
        total = int(data.get("total", 0))
        items = list(data.get("items", []))
        if total != self._total:
            self.beginResetModel()
            self._total = total
            self._pages[page] = items
            self.endResetModel()
            self.total_changed.emit(total)
        else:
            self._pages[page] = items
            if items:
                first = page * PAGE
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(first + len(items) - 1,
                                                 len(self._columns) - 1))
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        self.page_loaded.emit(page)
        self._continue()

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        ask = self._inflight.pop(token, None)
        if ask is None:
            return
        if ask[0] == self._generation:
            self.failed.emit(message)
        self._continue()

    def _continue(self) -> None:
        if self._wanted:
            self._fetch_timer.start()

    def busy(self) -> bool:
        return bool(self._inflight) or bool(self._wanted)


class TodoBadge(BadgeSource):
    """How many documents wait for the user ("Văn bản cần xử lý"), for the workspace rail;
    asked now and every few minutes (``registry.todo``)."""

    REFRESH_MS = 120_000

    def __init__(self, port: CommandPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._token: int | None = None
        port.command_finished.connect(self.on_port_command_finished)
        self._timer = QTimer(self)
        self._timer.setInterval(self.REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        self._token = self._port.send_request(typed("registry.todo", {}))

    def on_port_command_finished(self, token: int, data: Any) -> None:
        if token == self._token:
            self._token = None
            self.set_count(len(data.get("items", [])))
