"""The user's alerts: the list, the filter, acknowledgement and the live feed.

:class:`AlertCenter` holds no widgets. The alerts page shows its model, the
toast listens to :attr:`AlertCenter.raised`, and the workspace's badge to
:attr:`AlertCenter.unacknowledged_changed`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from meeting_client.models.base import ROW_ROLE, KeyedTableModel
from meeting_client.models.labels import date_time_text
from meeting_client.models.port import CommandPort
from meeting_client.models.user_feed import UserFeed
from meeting_client.models.workspace import BadgeSource
from meeting_protocol.alerts import AlertAck, AlertList

LEVELS = ("critical", "warning", "info")
LEVEL_COLORS = {"critical": "#b3261e", "warning": "#b26a00", "info": "#1f5fa8"}


def level_label(level: str) -> str:
    labels = {"critical": QCoreApplication.translate("AlertLabels", "Khẩn cấp"),
              "warning": QCoreApplication.translate("AlertLabels", "Cảnh báo"),
              "info": QCoreApplication.translate("AlertLabels", "Thông tin")}
    return labels.get(level, level)


def source_label(source: str) -> str:
    return QCoreApplication.translate("AlertLabels", "Hệ thống họp") if source == "server" \
        else source


@dataclass(frozen=True, slots=True)
class AlertRow:
    alert_id: int
    level: str
    title: str
    body: str
    link: str | None
    source: str
    raised_at: str
    acknowledged_at: str | None = None

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> AlertRow:
        return cls(int(d["alert_id"]), str(d["level"]), str(d["title"]), str(d.get("body") or ""),
                   d.get("link"), str(d["source"]), str(d["raised_at"]),
                   d.get("acknowledged_at"))


class AlertsModel(KeyedTableModel[AlertRow]):
    column_count = 4
    LEVEL, TIME, SOURCE, TITLE = range(4)

    def row_key(self, row: AlertRow) -> int:
        return row.alert_id

    def display(self, row: AlertRow, column: int) -> Any:
        if column == self.LEVEL:
            return level_label(row.level)
        if column == self.TIME:
            return date_time_text(row.raised_at)
        if column == self.SOURCE:
            return source_label(row.source)
        return row.title

    def role_data(self, row: AlertRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.LEVEL:
            return QColor(LEVEL_COLORS.get(row.level, "#333333"))
        if role == Qt.ItemDataRole.FontRole and row.acknowledged_at is None:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.body or row.title
        return None

    def header_text(self, section: int) -> str:
        return [self.tr("Mức độ"), self.tr("Thời gian"), self.tr("Nguồn"),
                self.tr("Nội dung")][section]


class AlertFilter(QSortFilterProxyModel):
    """Alerts of one level and/or one source (empty: any); pending only if asked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.level = ""
        self.source = ""
        self.pending_only = False

    def set_filter(self, *, level: str | None = None, source: str | None = None,
                   pending_only: bool | None = None) -> None:
        self.beginFilterChange()
        if level is not None:
            self.level = level
        if source is not None:
            self.source = source
        if pending_only is not None:
            self.pending_only = pending_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if row is None:
            return False
        return ((not self.level or row.level == self.level)
                and (not self.source or row.source == self.source)
                and (not self.pending_only or row.acknowledged_at is None))


class AlertCenter(QObject):
    """Alerts of the signed-in user, kept current from ``user:<id>``."""

    raised = Signal(object)
    """(AlertRow) — a new alert arrived live (for the toast)."""
    unacknowledged_changed = Signal(int)
    """Alerts not yet acknowledged (the workspace badge)."""
    sources_changed = Signal(list)
    failed = Signal(str)

    def __init__(self, port: CommandPort, feed: UserFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.model = AlertsModel(self)
        self.filtered = AlertFilter(self)
        self.filtered.setSourceModel(self.model)
        self._list_token: int | None = None
        self._acks: dict[int, int] = {}
        self._pending = -1
        self._sources: list[str] = []
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)
        feed.event_received.connect(self.on_feed_event)
        feed.reset.connect(self.refresh)

    def detach(self) -> None:
        """Stop listening to the port (before this object is deleted)."""
        self._port.command_finished.disconnect(self.on_port_command_finished)
        self._port.command_failed.disconnect(self.on_port_command_failed)

    @property
    def unacknowledged(self) -> int:
        return sum(1 for r in self.model.rows() if r.acknowledged_at is None)

    def sources(self) -> list[str]:
        return list(self._sources)

    def refresh(self) -> None:
        self._list_token = self._port.send_request(AlertList())

    def acknowledge(self, alert_id: int) -> None:
        self._acks[self._port.send_command(AlertAck(alert_id=alert_id))] = alert_id

    def on_port_command_finished(self, token: int, data: Any) -> None:
        if token == self._list_token:
            self._list_token = None
            self._set_rows([AlertRow.from_data(d) for d in data["alerts"]])
        elif token in self._acks:
            self._acks.pop(token)
            self._mark_acknowledged(int(data["alert_id"]), str(data["acknowledged_at"]))

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        if token == self._list_token or self._acks.pop(token, None) is not None:
            self._list_token = None if token == self._list_token else self._list_token
            self.failed.emit(message)

    def on_feed_event(self, event: Any) -> None:
        if event.event == "alert.raised":
            row = AlertRow.from_data(event.data)
            if self.model.row_of_key(row.alert_id) >= 0:
                return
            self._set_rows([row, *self.model.rows()])
            self.raised.emit(row)
        elif event.event == "alert.acknowledged":
            self._mark_acknowledged(int(event.data["alert_id"]),
                                    str(event.data["acknowledged_at"]))

    def _mark_acknowledged(self, alert_id: int, at: str) -> None:
        rows = [replace(r, acknowledged_at=at) if r.alert_id == alert_id and
                r.acknowledged_at is None else r for r in self.model.rows()]
        self._set_rows(rows)

    def _set_rows(self, rows: list[AlertRow]) -> None:
        rows.sort(key=lambda r: r.alert_id, reverse=True)
        self.model.set_rows(rows)
        sources = sorted({r.source for r in rows})
        if sources != self._sources:
            self._sources = sources
            self.sources_changed.emit(sources)
        pending = self.unacknowledged
        if pending != self._pending:
            self._pending = pending
            self.unacknowledged_changed.emit(pending)


class CenterBadge(BadgeSource):
    """A rail badge that follows a centre's count signal (unacknowledged alerts, unread
    messages)."""

    def __init__(self, changed: Any, initial: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_count(initial)
        changed.connect(self.set_count)
