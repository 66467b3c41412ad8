"""Directives as the client sees them: lists, one directive with its history, the
dashboard, and the commands that move a directive along.

Everything goes through the :class:`CommandPort`; answers come back as signals on the GUI
thread. ``directive.changed`` events (on the user's own topic) make the open list and
directive re-read themselves; the badge counts the user's own open directives that are
overdue or due within three days.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from meeting_client.models.base import KeyedTableModel
from meeting_client.models.port import CommandPort
from meeting_client.models.workspace import BadgeSource
from meeting_protocol import directives as dp
from meeting_protocol.commands import Payload

SOON_DAYS = 3


def status_label(status: str) -> str:
    labels = {
        "assigned": QCoreApplication.translate("DirectiveLabels", "Đã giao"),
        "in_progress": QCoreApplication.translate("DirectiveLabels", "Đang thực hiện"),
        "reported": QCoreApplication.translate("DirectiveLabels", "Đã báo cáo"),
        "returned": QCoreApplication.translate("DirectiveLabels", "Trả lại"),
        "completed": QCoreApplication.translate("DirectiveLabels", "Hoàn thành"),
    }
    return labels.get(status, status)


def history_label(kind: str) -> str:
    labels = {
        "created": QCoreApplication.translate("DirectiveLabels", "Giao nhiệm vụ"),
        "report": QCoreApplication.translate("DirectiveLabels", "Báo cáo tiến độ"),
        "part_report": QCoreApplication.translate("DirectiveLabels", "Đơn vị phối hợp báo cáo"),
        "returned": QCoreApplication.translate("DirectiveLabels", "Trả lại báo cáo"),
        "completed": QCoreApplication.translate("DirectiveLabels", "Xác nhận hoàn thành"),
        "extend_request": QCoreApplication.translate("DirectiveLabels", "Xin gia hạn"),
        "extend_granted": QCoreApplication.translate("DirectiveLabels", "Đồng ý gia hạn"),
        "extend_refused": QCoreApplication.translate("DirectiveLabels", "Không đồng ý gia hạn"),
        "reminder_due": QCoreApplication.translate("DirectiveLabels", "Nhắc sắp đến hạn"),
        "reminder_overdue": QCoreApplication.translate("DirectiveLabels", "Cảnh báo quá hạn"),
    }
    return labels.get(kind, kind)


def vn_date(iso: str | None) -> str:
    if not iso:
        return ""
    d = date.fromisoformat(iso[:10])
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


@dataclass(frozen=True, slots=True)
class DirectiveRow:
    id: int
    content: str
    status: str
    deadline: str | None
    overdue: bool
    assignee_id: int | None
    assignee_unit_id: int | None
    issued_by: int
    priority: str = "normal"
    percent: int = 0
    on_time: bool | None = None


def directive_rows(data: Any) -> list[DirectiveRow]:
    return [DirectiveRow(int(d["directive_id"]), str(d["content"]), str(d["status"]),
                         d.get("deadline"), bool(d.get("overdue")), d.get("assignee_id"),
                         d.get("assignee_unit_id"), int(d["issued_by"]),
                         str(d.get("priority") or "normal"), int(d.get("percent") or 0),
                         d.get("on_time")) for d in (data or {}).get("directives", [])]


class DirectiveTableModel(KeyedTableModel[DirectiveRow]):
    """Columns: content, lead unit, deadline, status, progress."""

    column_count = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.unit_names: dict[int, str] = {}

    def row_key(self, row: DirectiveRow) -> int:
        return row.id

    def display(self, row: DirectiveRow, column: int) -> str:
        if column == 0:
            return ("⚑ " if row.priority == "urgent" else "") + row.content
        if column == 1:
            return self.unit_names.get(row.assignee_unit_id or 0, "")
        if column == 2:
            return vn_date(row.deadline) or self.tr("Không hạn")
        if column == 3:
            return status_label(row.status) + (self.tr(" — quá hạn") if row.overdue else "")
        return f"{row.percent}%"

    def role_data(self, row: DirectiveRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and column in (2, 3):
            return QBrush(QColor("#b42318"))
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.content
        return None

    def header_text(self, section: int) -> str:
        return (self.tr("Nội dung chỉ đạo"), self.tr("Đơn vị chủ trì"), self.tr("Hạn xử lý"),
                self.tr("Trạng thái"), self.tr("Tiến độ"))[section]


class DirectivesStore(QObject):
    """The directives page's state: the current list, the open directive, the dashboard."""

    list_loaded = Signal()
    detail_loaded = Signal(dict)
    """(the whole directive as ``directive.get`` answers)."""
    dashboard_loaded = Signal(dict)
    exported = Signal(str, bytes)
    """(file name, content) of a ``directive.export``."""
    succeeded = Signal(str, object)
    """(command type, result) — committed."""
    failed = Signal(str, str)
    """(command type, Vietnamese sentence) — nothing changed on the server."""

    def __init__(self, port: CommandPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.model = DirectiveTableModel(self)
        self.scope = "mine"
        self.filters: dict[str, Any] = {}
        self.current: dict[str, Any] | None = None
        self.units: dict[int, str] = {}
        self.users: dict[int, str] = {}
        self._pending: dict[int, str] = {}
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)
        port.events_received.connect(self.on_port_events_received)

    # --- requests ----------------------------------------------------------------------

    def _request(self, payload: Payload) -> None:
        self._pending[self._port.send_request(payload)] = payload.TYPE

    def _send(self, payload: Payload) -> None:
        self._pending[self._port.send_command(payload)] = payload.TYPE

    def load_names(self) -> None:
        from meeting_protocol import org as op

        self._request(op.OrgUnits())
        self._request(op.OrgUsers())

    def refresh(self) -> None:
        self._request(dp.DirectiveList(scope=self.scope, **self.filters))  # type: ignore[arg-type]

    def show_scope(self, scope: str, **filters: Any) -> None:
        self.scope = scope
        self.filters = filters
        self.refresh()

    def open(self, directive_id: int) -> None:
        self._request(dp.DirectiveGet(directive_id=directive_id))

    def load_dashboard(self) -> None:
        self._request(dp.DirectiveDashboard())

    def export(self, fmt: str) -> None:
        self._request(dp.DirectiveExport(format=fmt))  # type: ignore[arg-type]

    @property
    def port(self) -> CommandPort:
        return self._port

    def report(self, status: str, percent: int, note: str,
               attachment_ids: list[int] | None = None) -> None:
        if self.current:
            self._send(dp.DirectiveReport(directive_id=self.current["directive_id"],
                                          status=status, percent=percent,  # type: ignore[arg-type]
                                          note=note, attachment_ids=list(attachment_ids or [])))

    def give_back(self, note: str) -> None:
        if self.current:
            self._send(dp.DirectiveReturn(directive_id=self.current["directive_id"], note=note))

    def complete(self, note: str = "") -> None:
        if self.current:
            self._send(dp.DirectiveComplete(directive_id=self.current["directive_id"],
                                            note=note))

    def request_extension(self, new_deadline: str, reason: str) -> None:
        if self.current:
            self._send(dp.DirectiveExtendRequest(directive_id=self.current["directive_id"],
                                                 new_deadline=new_deadline, reason=reason))

    def decide_extension(self, extension_id: int, granted: bool, note: str = "") -> None:
        self._send(dp.DirectiveExtendDecide(extension_id=extension_id,
                                            decision="granted" if granted else "refused",
                                            note=note))

    # --- answers -----------------------------------------------------------------------

    def on_port_command_finished(self, token: int, data: object) -> None:
        kind = self._pending.pop(token, None)
        if kind is None:
            return
        body: dict[str, Any] = data if isinstance(data, dict) else {}
        if kind == "org.units":
            self.units = {int(u["id"]): str(u["name"]) for u in body.get("units", [])}
            self.model.unit_names = dict(self.units)
            self.model.layoutChanged.emit()
        elif kind == "org.users":
            self.users = {int(u["id"]): str(u["full_name"]) for u in body.get("users", [])}
        elif kind == "directive.list":
            self.model.set_rows(directive_rows(body))
            self.list_loaded.emit()
        elif kind == "directive.get":
            self.current = body
            self.detail_loaded.emit(body)
        elif kind == "directive.dashboard":
            self.dashboard_loaded.emit(body)
        elif kind == "directive.export":
            self.exported.emit(str(body["filename"]), base64.b64decode(body["content_base64"]))
        else:
            self.succeeded.emit(kind, body)
            self.refresh()
            if self.current:
                self.open(int(self.current["directive_id"]))

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        kind = self._pending.pop(token, None)
        if kind is not None:
            self.failed.emit(kind, message)

    def on_port_events_received(self, events: list[Any]) -> None:
        changed = {e.data.get("directive_id") for e in events
                   if getattr(e, "event", "") == dp.DirectiveChanged.NAME}
        if not changed:
            return
        self.refresh()
        if self.current and self.current.get("directive_id") in changed:
            self.open(int(self.current["directive_id"]))


class DirectivesDueBadge(BadgeSource):
    """The user's own open directives that are overdue or due within three days."""

    def __init__(self, port: CommandPort, parent: QObject | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._today = today
        self._token = -1
        port.command_finished.connect(self.on_port_command_finished)
        port.events_received.connect(self.on_port_events_received)
        self.refresh()

    def refresh(self) -> None:
        self._token = self._port.send_request(dp.DirectiveList(scope="mine"))

    def on_port_command_finished(self, token: int, data: object) -> None:
        if token != self._token:
            return
        soon = ((self._today or date.today()) + timedelta(days=SOON_DAYS)).isoformat()
        self.set_count(sum(1 for r in directive_rows(data) if r.status != "completed"
                           and r.deadline is not None and (r.overdue or r.deadline <= soon)))

    def on_port_events_received(self, events: list[Any]) -> None:
        if any(getattr(e, "event", "") in (dp.DirectiveChanged.NAME, dp.DirectiveReminder.NAME)
               for e in events):
            self.refresh()
