"""Preparing meetings from the client: the office's and clerk's list and the open draft.

Holds no widgets. Every change goes to the server as a command (PROTOCOL.md "Preparing
meetings"); once it is acknowledged, the open meeting is read again (``meeting.get``), so
what the screens show is always what the server stored, never a local guess.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import msgspec
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from meeting_client.models.base import KeyedTableModel
from meeting_client.models.labels import date_time_text, meeting_status_label, role_label
from meeting_client.models.port import CommandPort
from meeting_protocol.commands import COMMAND_PAYLOADS, Payload
from meeting_protocol.preparation import PREPARATION_PAYLOADS

KINDS = ("hdnd_session", "ubnd_session", "briefing", "thematic", "online")
ROLES = ("chair", "vice_chair", "clerk", "delegate", "guest", "observer")
QUORUM_RULES = ("half", "two_thirds")
MAJORITIES = ("absolute", "two_thirds", "simple")


_PAYLOADS: dict[str, type[Payload]] = {**COMMAND_PAYLOADS, **PREPARATION_PAYLOADS}


def typed(type_: str, fields: dict[str, Any]) -> Payload:
    """The command's payload struct (the port sends structs, each knowing its type)."""
    return msgspec.convert(fields, _PAYLOADS[type_])


def kind_label(kind: str) -> str:
    return {
        "hdnd_session": QCoreApplication.translate("Preparation", "Kỳ họp HĐND"),
        "ubnd_session": QCoreApplication.translate("Preparation", "Phiên họp UBND"),
        "briefing": QCoreApplication.translate("Preparation", "Họp giao ban"),
        "thematic": QCoreApplication.translate("Preparation", "Họp chuyên đề"),
        "online": QCoreApplication.translate("Preparation", "Họp trực tuyến"),
    }.get(kind, kind)


def quorum_rule_label(rule: str) -> str:
    return {
        "half": QCoreApplication.translate("Preparation", "Quá nửa số đại biểu"),
        "two_thirds": QCoreApplication.translate("Preparation", "Ít nhất hai phần ba số đại biểu"),
    }.get(rule, rule)


def reply_label(reply: str | None, reason: str | None) -> str:
    if reply == "attend":
        return QCoreApplication.translate("Preparation", "Tham dự")
    if reply == "absent":
        text = QCoreApplication.translate("Preparation", "Vắng mặt")
        return f"{text}: {reason}" if reason else text
    return QCoreApplication.translate("Preparation", "Chưa trả lời")


@dataclass(frozen=True, slots=True)
class PreparedMeeting:
    id: int
    title: str
    starts_at: str
    status: str
    kind: str
    role: str | None


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    user_id: int
    full_name: str
    username: str
    role: str
    seat: str | None
    reply: str | None
    absence_reason: str | None


class PreparedMeetingsModel(KeyedTableModel[PreparedMeeting]):
    """Columns: title, time, status (drafts and cancelled meetings included); the kind in
    the tooltip, so that the list still reads on a 1280-pixel screen."""

    column_count = 3

    def row_key(self, row: PreparedMeeting) -> int:
        return row.id

    def display(self, row: PreparedMeeting, column: int) -> str:
        return (row.title, date_time_text(row.starts_at),
                meeting_status_label(row.status))[column]

    def role_data(self, row: PreparedMeeting, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{kind_label(row.kind)} · {date_time_text(row.starts_at)}"
        return None

    def header_text(self, section: int) -> str:
        return (self.tr("Cuộc họp"), self.tr("Thời gian"), self.tr("Trạng thái"))[section]


class ParticipantsModel(KeyedTableModel[ParticipantRow]):
    """Columns: name, role, seat, reply to the invitation."""

    column_count = 4

    def row_key(self, row: ParticipantRow) -> int:
        return row.user_id

    def display(self, row: ParticipantRow, column: int) -> str:
        return (row.full_name, role_label(row.role), row.seat or "",
                reply_label(row.reply, row.absence_reason))[column]

    def header_text(self, section: int) -> str:
        return (self.tr("Họ và tên"), self.tr("Vai trò"), self.tr("Ghế"),
                self.tr("Trả lời giấy mời"))[section]


def meeting_list_rows(data: dict[str, Any], today: date | None = None) -> list[PreparedMeeting]:
    """Drafts first, then by time; ended and cancelled meetings before today are left out."""
    today = today or date.today()
    rows = []
    for m in data.get("meetings", []):
        row = PreparedMeeting(int(m["id"]), str(m["title"]), str(m.get("starts_at", "")),
                              str(m.get("status", "")), str(m.get("kind") or "hdnd_session"),
                              m.get("role"))
        if row.status in ("ended", "cancelled") and row.starts_at[:10] < today.isoformat():
            continue
        rows.append(row)
    return sorted(rows, key=lambda r: (r.status != "draft", r.starts_at, r.id))


class Preparation(QObject):
    """The list of meetings to prepare and the one open in the editor."""

    meetings_loaded = Signal()
    meeting_loaded = Signal(dict)
    """(details from ``meeting.get``: meeting, agenda, participants, seat_plan)."""
    candidates_loaded = Signal(list)
    """([{id, username, full_name, title}]) — people who may be added."""
    invitation_ready = Signal(bytes, str)
    """(PDF bytes, file name)."""
    done = Signal(str)
    """(sentence) — a change the server committed."""
    failed = Signal(str)
    """(the server's Vietnamese sentence) — nothing changed."""

    def __init__(self, port: CommandPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._pending: dict[int, Callable[[Any], None]] = {}
        self.meetings = PreparedMeetingsModel(self)
        self.participants = ParticipantsModel(self)
        self.current_id: int | None = None
        self.listing = False
        """True while the list model changes (a view's selection moves with its rows)."""
        self.details: dict[str, Any] | None = None
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)

    # --- reading ---------------------------------------------------------------------

    def load_meetings(self) -> None:
        self._request("meeting.list", {}, self._take_list)

    def open(self, meeting_id: int) -> None:
        self.current_id = meeting_id
        self._request("meeting.get", {"meeting_id": meeting_id}, self._take_details)

    def load_candidates(self) -> None:
        if self.current_id is not None:
            self._request("participant.candidates", {"meeting_id": self.current_id},
                          lambda d: self.candidates_loaded.emit(list(d.get("users", []))))

    def render_invitation(self) -> None:
        if self.current_id is not None:
            self._request("invitation.render", {"meeting_id": self.current_id},
                          self._take_invitation)

    # --- meetings ----------------------------------------------------------------------

    def create(self, fields: dict[str, Any]) -> None:
        self._command("meeting.create", fields, self._created,
                      self.tr("Đã tạo bản nháp cuộc họp."))

    def copy(self, meeting_id: int, starts_at: str, title: str | None = None) -> None:
        fields: dict[str, Any] = {"meeting_id": meeting_id, "starts_at": starts_at}
        if title:
            fields["title"] = title
        self._command("meeting.copy", fields, self._created,
                      self.tr("Đã sao chép thành bản nháp mới."))

    def update(self, fields: dict[str, Any]) -> None:
        self._on_current("meeting.update", fields, self.tr("Đã lưu thông tin chung."),
                         relist=True)

    def publish(self) -> None:
        self._on_current("meeting.publish", {}, self.tr("Đã công bố cuộc họp."), relist=True)

    def cancel(self, reason: str = "") -> None:
        self._on_current("meeting.cancel", {"reason": reason}, self.tr("Đã hủy cuộc họp."),
                         relist=True)

    # --- agenda ------------------------------------------------------------------------

    def add_item(self, title: str, duration_min: int | None, presenter_id: int | None) -> None:
        fields: dict[str, Any] = {"title": title}
        if duration_min:
            fields["duration_min"] = duration_min
        if presenter_id:
            fields["presenter_id"] = presenter_id
        self._on_current("agenda.add", fields, self.tr("Đã thêm nội dung."))

    def update_item(self, item_id: int, title: str, duration_min: int | None,
                    presenter_id: int | None) -> None:
        fields: dict[str, Any] = {"item_id": item_id, "title": title,
                                  "duration_min": duration_min or 0}
        if presenter_id:
            fields["presenter_id"] = presenter_id
        else:
            fields["clear_presenter"] = True
        self._on_current("agenda.update", fields, self.tr("Đã sửa nội dung."))

    def remove_item(self, item_id: int) -> None:
        self._on_current("agenda.remove", {"item_id": item_id}, self.tr("Đã xóa nội dung."))

    def move_item(self, item_id: int, position: int) -> None:
        self._on_current("agenda.move", {"item_id": item_id, "position": position},
                         self.tr("Đã sắp xếp lại chương trình."))

    # --- participants --------------------------------------------------------------------

    def add_participant(self, user_id: int, role: str, seat: str) -> None:
        fields: dict[str, Any] = {"user_id": user_id, "role": role}
        if seat.strip():
            fields["seat"] = seat.strip()
        self._on_current("participant.add", fields, self.tr("Đã thêm thành phần."),
                         then=self.load_candidates)

    def update_participant(self, user_id: int, role: str, seat: str) -> None:
        self._on_current("participant.update",
                         {"user_id": user_id, "role": role, "seat": seat.strip()},
                         self.tr("Đã cập nhật thành phần."))

    def remove_participant(self, user_id: int) -> None:
        self._on_current("participant.remove", {"user_id": user_id},
                         self.tr("Đã bỏ khỏi thành phần."), then=self.load_candidates)

    def save_seat_plan(self, blocks: list[dict[str, Any]]) -> None:
        self._on_current("seatplan.save", {"blocks": blocks}, self.tr("Đã lưu sơ đồ chỗ ngồi."))

    # --- plumbing ----------------------------------------------------------------------

    def _request(self, type_: str, payload: dict[str, Any],
                 on_done: Callable[[Any], None]) -> None:
        self._pending[self._port.send_request(typed(type_, payload))] = on_done

    def _command(self, type_: str, payload: dict[str, Any], on_done: Callable[[Any], None],
                 sentence: str) -> None:
        def finished(data: Any) -> None:
            on_done(data)
            self.done.emit(sentence)

        self._pending[self._port.send_command(typed(type_, payload))] = finished

    def _on_current(self, type_: str, fields: dict[str, Any], sentence: str, *,
                    relist: bool = False, then: Callable[[], None] | None = None) -> None:
        if self.current_id is None:
            return
        meeting_id = self.current_id

        def reread(_data: Any) -> None:
            if relist:
                self.load_meetings()
            if self.current_id == meeting_id:
                self.open(meeting_id)
            if then is not None:
                then()

        self._command(type_, {"meeting_id": meeting_id, **fields}, reread, sentence)

    def _created(self, data: Any) -> None:
        self.load_meetings()
        self.open(int(data["meeting_id"]))

    def _take_list(self, data: Any) -> None:
        self.listing = True
        try:
            self.meetings.set_rows(meeting_list_rows(data if isinstance(data, dict) else {}))
        finally:
            self.listing = False
        self.meetings_loaded.emit()

    def _take_details(self, data: Any) -> None:
        if not isinstance(data, dict) or data["meeting"]["id"] != self.current_id:
            return
        self.details = data
        rows = [ParticipantRow(int(p["user_id"]), str(p["full_name"]), str(p["username"]),
                               str(p["role"]), p.get("seat"), p.get("reply"),
                               p.get("absence_reason"))
                for p in data.get("participants", [])]
        self.participants.set_rows(sorted(rows, key=lambda r: (
            ROLES.index(r.role) if r.role in ROLES else len(ROLES), r.seat or "~",
            r.full_name)))
        self.meeting_loaded.emit(data)

    def _take_invitation(self, data: Any) -> None:
        self.invitation_ready.emit(base64.b64decode(data["content_base64"]),
                                   str(data["filename"]))

    def on_port_command_finished(self, token: int, data: object) -> None:
        handler = self._pending.pop(token, None)
        if handler is not None:
            handler(data)

    def on_port_command_failed(self, token: int, _code: str, message: str) -> None:
        if self._pending.pop(token, None) is not None:
            self.failed.emit(message)
