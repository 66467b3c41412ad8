"""The work calendar on the client: what is shown, fetched and kept current.

:class:`CalendarStore` asks the server for a range (``calendar.list``), the directory
(``org.users``, ``org.units``) and the rooms, follows the ``calendar`` topic and refetches
when a change touches the dates on screen. The table models below turn its events into
the Vietnamese weekly schedule (a row per day, Sáng / Chiều), a day list and a month grid.
No widget here; no I/O on the GUI thread (everything goes through the port).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import msgspec
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from meeting_client.models.base import ROW_ROLE
from meeting_client.models.port import CommandPort
from meeting_client.models.session import Me
from meeting_protocol import calendar as cp
from meeting_protocol.commands import Payload
from meeting_protocol.org import OrgUnits, OrgUsers

Index = QModelIndex | QPersistentModelIndex
CONFLICT_COLOR = QColor("#fde7c4")
HOLIDAY_COLOR = QColor("#fbe0e0")
MAX_NAMES = 6
"""People named in a Thành phần cell before "và N người khác"."""
DAY_NAMES = (QT_TRANSLATE_NOOP("Calendar", "Thứ Hai"), QT_TRANSLATE_NOOP("Calendar", "Thứ Ba"),
             QT_TRANSLATE_NOOP("Calendar", "Thứ Tư"), QT_TRANSLATE_NOOP("Calendar", "Thứ Năm"),
             QT_TRANSLATE_NOOP("Calendar", "Thứ Sáu"), QT_TRANSLATE_NOOP("Calendar", "Thứ Bảy"),
             QT_TRANSLATE_NOOP("Calendar", "Chủ nhật"))
HALVES = (QT_TRANSLATE_NOOP("Calendar", "Sáng"), QT_TRANSLATE_NOOP("Calendar", "Chiều"))


def tr(text: str) -> str:
    """A string marked elsewhere (``QT_TRANSLATE_NOOP``) in this file's context."""
    return QCoreApplication.translate("Calendar", text)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class Conflict:
    event_id: int | None
    title: str
    kind: str
    starts_at: str = ""


@dataclass(frozen=True, slots=True)
class CalEvent:
    """One occurrence as ``calendar.list`` gives it."""

    event_id: int | None
    meeting_id: int | None
    title: str
    start: datetime
    end: datetime
    location: str = ""
    host_id: int | None = None
    delegate_id: int | None = None
    participant_ids: tuple[int, ...] = ()
    unit_ids: tuple[int, ...] = ()
    preparing_unit_id: int | None = None
    room_id: int | None = None
    notes: str = ""
    visibility: str = "involved"
    recurring: bool = False
    occurrence: str | None = None
    conflicts: tuple[Conflict, ...] = ()

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.event_id, self.meeting_id, self.start)

    @property
    def half(self) -> str:
        return "Sáng" if self.start.hour < 12 else "Chiều"


def parse_event(d: dict[str, Any]) -> CalEvent:
    return CalEvent(
        event_id=d.get("event_id"), meeting_id=d.get("meeting_id"), title=d["title"],
        start=datetime.fromisoformat(d["starts_at"]), end=datetime.fromisoformat(d["ends_at"]),
        location=d.get("location") or "", host_id=d.get("host_id"),
        delegate_id=d.get("delegate_id"), participant_ids=tuple(d.get("participant_ids", ())),
        unit_ids=tuple(d.get("unit_ids", ())), preparing_unit_id=d.get("preparing_unit_id"),
        room_id=d.get("room_id"), notes=d.get("notes") or "",
        visibility=d.get("visibility", "involved"), recurring=bool(d.get("recurring")),
        occurrence=d.get("occurrence"),
        conflicts=tuple(Conflict(c.get("event_id"), c.get("title", ""), c.get("kind", ""),
                                 c.get("starts_at", "")) for c in d.get("conflicts", ())))


@dataclass
class Directory:
    """Names for ids: people (with roles), units, rooms."""

    people: dict[int, str] = field(default_factory=dict)
    roles: dict[int, tuple[str, ...]] = field(default_factory=dict)
    units: dict[int, str] = field(default_factory=dict)
    rooms: dict[int, dict[str, Any]] = field(default_factory=dict)

    def person(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        return self.people.get(user_id, f"#{user_id}")

    def leaders(self) -> list[tuple[int, str]]:
        return sorted(((u, n) for u, n in self.people.items()
                       if "leader" in self.roles.get(u, ())), key=lambda p: p[1])

    def host_text(self, ev: CalEvent) -> str:
        text = self.person(ev.host_id)
        if ev.delegate_id:
            note = QCoreApplication.translate("Calendar", "(ủy quyền: {name})")
            text += " " + note.format(name=self.person(ev.delegate_id))
        return text.strip()

    def attendees_text(self, ev: CalEvent) -> str:
        """Units first, then people; a long list (a council session) is shortened."""
        people = [self.person(u) for u in ev.participant_ids if u != ev.host_id]
        if len(people) > MAX_NAMES:
            more = QCoreApplication.translate("Calendar", "và {n} người khác").format(
                n=len(people) - MAX_NAMES + 1)
            people = [*people[:MAX_NAMES - 1], more]
        return "; ".join([self.units.get(u, f"#{u}") for u in ev.unit_ids] + people)

    def unit(self, unit_id: int | None) -> str:
        return self.units.get(unit_id, "") if unit_id is not None else ""


class CalendarStore(QObject):
    """The calendar's data on the GUI thread, kept current from the server."""

    changed = Signal()
    """The events (and holidays, published weeks) of the range were replaced."""
    directory_loaded = Signal()
    failed = Signal(str)
    """(sentence) — a read or a change failed; nothing changed."""
    saved = Signal(object)
    """(result) — ``{event_id, conflicts}`` of a create or update, after commit."""
    published = Signal(object)

    def __init__(self, port: CommandPort, me: Me, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.me = me
        self.first = monday_of(date.today())
        self.last = self.first + timedelta(days=6)
        self.user_filter: int | None = None
        self.room_filter: int | None = None
        self.events: list[CalEvent] = []
        self.holidays: dict[date, str] = {}
        self.weeks: dict[date, dict[str, Any]] = {}
        self.directory = Directory()
        self.loaded = False
        self._pending: dict[int, str] = {}
        self._list_token: int | None = None
        self._stale = False
        self._connect_signals()


    @property
    def port(self) -> CommandPort:
        return self._port

    def _connect_signals(self) -> None:
        self._port.command_finished.connect(self.on_port_command_finished)
        self._port.command_failed.connect(self.on_port_command_failed)
        events = getattr(self._port, "events_received", None)
        if events is not None:
            events.connect(self.on_port_events)
        state = getattr(self._port, "connection_state_changed", None)
        if state is not None:
            state.connect(self.on_port_connection_state_changed)

    # --- who may do what -----------------------------------------------------------

    @property
    def is_office(self) -> bool:
        return bool({"admin", "office"} & set(self.me.roles))

    def may_edit(self, ev: CalEvent) -> bool:
        return ev.event_id is not None and (self.is_office or ev.host_id == self.me.id)

    # --- asking ------------------------------------------------------------------------

    def _request(self, kind: str, payload: Payload) -> int:
        token = self._port.send_request(payload)
        self._pending[token] = kind
        return token

    def _command(self, kind: str, payload: Payload) -> int:
        token = self._port.send_command(payload)
        self._pending[token] = kind
        return token

    def start(self) -> None:
        """Follow the calendar topic and fetch the directory, rooms and the range."""
        self._request("subscribe", cp.CalendarSubscribe(since=0))
        self._request("users", OrgUsers())
        self._request("units", OrgUnits())
        self._request("rooms", cp.CalendarRooms())
        self.reload()

    def set_range(self, first: date, last: date) -> None:
        if (first, last) != (self.first, self.last):
            self.first, self.last = first, last
            self.reload()

    def set_filters(self, *, user_id: int | None, room_id: int | None) -> None:
        if (user_id, room_id) != (self.user_filter, self.room_filter):
            self.user_filter, self.room_filter = user_id, room_id
            self.reload()

    def reload(self) -> None:
        """Fetch the range; a reload asked while one is in flight runs after it."""
        if self._list_token is not None:
            self._stale = True
            return
        self._list_token = self._request("list", cp.CalendarList(
            from_=self.first.isoformat(), to=self.last.isoformat(),
            user_id=self.user_filter, room_id=self.room_filter))

    def create(self, fields: dict[str, Any]) -> int:
        return self._command("save", msgspec.convert(fields, cp.CalendarCreate))

    def update(self, fields: dict[str, Any]) -> int:
        return self._command("save", msgspec.convert(fields, cp.CalendarUpdate))

    def cancel(self, fields: dict[str, Any]) -> int:
        return self._command("cancel", msgspec.convert(fields, cp.CalendarCancel))

    def publish(self, week: date) -> int:
        return self._command("publish", cp.CalendarPublish(week=week.isoformat()))

    # --- answers -------------------------------------------------------------------------

    def on_port_command_finished(self, token: int, data: Any) -> None:
        kind = self._pending.pop(token, None)
        if kind is None:
            return
        if kind == "list":
            self._list_token = None
            self.events = [parse_event(e) for e in data.get("events", [])]
            self.holidays = {date.fromisoformat(h["date"]): h["name"]
                             for h in data.get("holidays", [])}
            self.weeks = {date.fromisoformat(w["week"]): w for w in data.get("weeks", [])}
            self.loaded = True
            self.changed.emit()
            if self._stale:
                self._stale = False
                self.reload()
        elif kind == "users":
            for u in data.get("users", []):
                self.directory.people[u["id"]] = u["full_name"]
                self.directory.roles[u["id"]] = tuple(u.get("roles", ()))
            self.directory_loaded.emit()
            self.changed.emit()
        elif kind == "units":
            self.directory.units = {u["id"]: u["name"] for u in data.get("units", [])}
            self.directory_loaded.emit()
        elif kind == "rooms":
            self.directory.rooms = {r["room_id"]: r for r in data.get("rooms", [])}
            self.directory_loaded.emit()
        elif kind == "save":
            self.saved.emit(data)
        elif kind == "publish":
            self.published.emit(data)

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        kind = self._pending.pop(token, None)
        if kind is None:
            return
        if kind == "list":
            self._list_token = None
        if kind in ("users", "units"):
            return  # an older server without the directory: ids stay as they are
        self.failed.emit(message)

    def on_port_events(self, events: list[Any]) -> None:
        """Refetch when a change touches the dates on screen (or a week was published)."""
        for e in events:
            if getattr(e, "topic", None) != "calendar":
                continue
            if e.event == "calendar.published":
                self.reload()
                return
            if e.event == "calendar.changed":
                first = date.fromisoformat(e.data["from"])
                last = date.fromisoformat(e.data["to"]) if e.data.get("to") else date.max
                if first <= self.last and last >= self.first:
                    self.reload()
                    return

    def on_port_connection_state_changed(self, state: str) -> None:
        if state == "connected" and self.loaded:
            # Subscriptions of a dropped connection are gone: follow again, refetch.
            self._request("subscribe", cp.CalendarSubscribe(since=0))
            self.reload()

    # --- what the views read -----------------------------------------------------------

    def week_publication(self, monday: date) -> dict[str, Any] | None:
        return self.weeks.get(monday)

    def events_on(self, day: date) -> list[CalEvent]:
        return sorted((e for e in self.events if e.start.date() <= day <= (
            e.end - timedelta(seconds=1)).date()), key=lambda e: (e.start, e.title))


# --------------------------------------------------------------------------- table models


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    day: date
    half: str
    event: CalEvent | None
    day_span: int
    """Rows the day's cell spans (set on its first row, 0 on the others)."""
    half_span: int


class WeekScheduleModel(QAbstractTableModel):
    """The Vietnamese weekly schedule: per day Sáng and Chiều, one row per event."""

    COLUMNS = (QT_TRANSLATE_NOOP("Calendar", "Thứ/Ngày"), QT_TRANSLATE_NOOP("Calendar", "Buổi"),
               QT_TRANSLATE_NOOP("Calendar", "Nội dung"), QT_TRANSLATE_NOOP("Calendar", "Chủ trì"),
               QT_TRANSLATE_NOOP("Calendar", "Thành phần"),
               QT_TRANSLATE_NOOP("Calendar", "Địa điểm"), QT_TRANSLATE_NOOP("Calendar", "Chuẩn bị"))

    def __init__(self, store: CalendarStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.monday = store.first
        self._rows: list[ScheduleRow] = []
        store.changed.connect(self.rebuild)

    def set_week(self, monday: date) -> None:
        self.monday = monday
        self.rebuild()

    def rebuild(self) -> None:
        self.beginResetModel()
        rows: list[ScheduleRow] = []
        for i in range(7):
            day = self.monday + timedelta(days=i)
            events = [e for e in self.store.events if e.start.date() == day]
            if i >= 5 and not events:
                continue
            day_rows: list[tuple[str, CalEvent | None, int]] = []
            for half in ("Sáng", "Chiều"):
                mine = sorted((e for e in events if e.half == half),
                              key=lambda e: (e.start, e.title))
                entries: list[CalEvent | None] = list(mine) or [None]
                for n, ev in enumerate(entries):
                    day_rows.append((half, ev, len(entries) if n == 0 else 0))
            for n, (half, ev, half_span) in enumerate(day_rows):
                rows.append(ScheduleRow(day, half, ev, len(day_rows) if n == 0 else 0,
                                        half_span))
        self._rows = rows
        self.endResetModel()

    def spans(self) -> list[tuple[int, int, int]]:
        """(row, column, rows) of the merged Thứ/Ngày and Buổi cells."""
        out = []
        for r, row in enumerate(self._rows):
            if row.day_span > 1:
                out.append((r, 0, row.day_span))
            if row.half_span > 1:
                out.append((r, 1, row.half_span))
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section])
        return None

    def row_at(self, row: int) -> ScheduleRow:
        return self._rows[row]

    def row_of_event(self, event_id: int) -> int:
        return next((r for r, row in enumerate(self._rows)
                     if row.event is not None and row.event.event_id == event_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        ev = row.event
        d = self.store.directory
        if role == ROW_ROLE:
            return ev
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                text = f"{tr(DAY_NAMES[row.day.weekday()])}\n{row.day:%d/%m}"
                holiday = self.store.holidays.get(row.day)
                return f"{text}\n({holiday})" if holiday else text
            if col == 1:
                return tr(row.half)
            if ev is None:
                return ""
            if col == 2:
                text = f"{ev.start:%H}h{ev.start:%M}: {ev.title}"
                if ev.conflicts:
                    clash = QCoreApplication.translate("Calendar", "Trùng lịch: {titles}")
                    text += "\n⚠ " + clash.format(titles="; ".join(c.title for c in ev.conflicts))
                return text
            if col == 3:
                return d.host_text(ev)
            if col == 4:
                return d.attendees_text(ev)
            if col == 5:
                return ev.location
            if col == 6:
                return d.unit(ev.preparing_unit_id)
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == 0 and row.day in self.store.holidays:
                return QBrush(HOLIDAY_COLOR)
            if ev is not None and ev.conflicts and col >= 2:
                return QBrush(CONFLICT_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and ev is not None and ev.conflicts:
            clash = QCoreApplication.translate("Calendar", "Trùng lịch với: {title}")
            return "\n".join(clash.format(title=c.title) for c in ev.conflicts)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 1):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class DayModel(QAbstractTableModel):
    """One day's events in time order: Giờ · Nội dung · Chủ trì · Thành phần · Địa điểm."""

    COLUMNS = (QT_TRANSLATE_NOOP("Calendar", "Giờ"), QT_TRANSLATE_NOOP("Calendar", "Nội dung"),
               QT_TRANSLATE_NOOP("Calendar", "Chủ trì"),
               QT_TRANSLATE_NOOP("Calendar", "Thành phần"),
               QT_TRANSLATE_NOOP("Calendar", "Địa điểm"))

    def __init__(self, store: CalendarStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.day = store.first
        self._rows: list[CalEvent] = []
        store.changed.connect(self.rebuild)

    def set_day(self, day: date) -> None:
        self.day = day
        self.rebuild()

    def rebuild(self) -> None:
        self.beginResetModel()
        self._rows = self.store.events_on(self.day)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ev = self._rows[index.row()]
        col = index.column()
        d = self.store.directory
        if role == ROW_ROLE:
            return ev
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{ev.start:%H:%M} – {ev.end:%H:%M}"
            if col == 1:
                clash = QCoreApplication.translate("Calendar", "Trùng lịch: {titles}")
                return ev.title + ("\n⚠ " + clash.format(
                    titles="; ".join(c.title for c in ev.conflicts)) if ev.conflicts else "")
            return (d.host_text(ev), d.attendees_text(ev), ev.location)[col - 2]
        if role == Qt.ItemDataRole.BackgroundRole and ev.conflicts:
            return QBrush(CONFLICT_COLOR)
        return None


class MonthModel(QAbstractTableModel):
    """Six weeks from the Monday on or before the 1st: a cell per day, titles inside."""

    def __init__(self, store: CalendarStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.month = store.first.replace(day=1)
        store.changed.connect(self.rebuild)

    @property
    def first_cell(self) -> date:
        return monday_of(self.month)

    def set_month(self, first_of_month: date) -> None:
        self.month = first_of_month.replace(day=1)
        self.rebuild()

    def rebuild(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def day_at(self, index: Index) -> date:
        return self.first_cell + timedelta(days=index.row() * 7 + index.column())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(DAY_NAMES[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.day_at(index)
        events = self.store.events_on(day)
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [f"{day.day}"]
            if day in self.store.holidays:
                lines[0] += f" · {self.store.holidays[day]}"
            lines += [f"{e.start:%H:%M} {e.title}" for e in events[:3]]
            if len(events) > 3:
                more = QCoreApplication.translate("Calendar", "+{n} việc khác")
                lines.append(more.format(n=len(events) - 3))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole:
            if day in self.store.holidays:
                return QBrush(HOLIDAY_COLOR)
            if any(e.conflicts for e in events):
                return QBrush(CONFLICT_COLOR)
        if role == Qt.ItemDataRole.ForegroundRole and day.month != self.month.month:
            return QBrush(QColor("#9aa0a6"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return None
