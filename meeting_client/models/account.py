"""Signing in, listing meetings and opening one: the flow before the room.

Holds no widgets; the sign-in page and the meeting list call it and listen.
It is the only place that turns sign-in failures into the sentences a person
must be able to tell apart: server unreachable, wrong credentials, session
expired, and a server that is not the one this terminal was installed for.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from meeting_client.models.meeting_list_model import MeetingListModel, meeting_rows
from meeting_client.models.port import CommandPort
from meeting_client.models.session import Me, MeetingSession
from meeting_protocol.commands import MeetingList
from meeting_protocol.roles import HALL

if TYPE_CHECKING:
    from meeting_client.bridge import Bridge


class Account(QObject):
    """The signed-in user's connection, meeting list and open meeting."""

    signed_in = Signal(object)
    """(Me)."""
    sign_in_failed = Signal(str, str)
    """(code, sentence) — code ``unreachable``, ``unauthenticated`` or another."""
    meetings_loaded = Signal()
    """:attr:`meeting_list_model` holds the meetings."""
    meeting_opened = Signal(object)
    """(MeetingSession) — subscribed; its first Snapshot is already set."""
    failed = Signal(str)
    """(sentence) — loading the list or opening a meeting failed."""
    session_expired = Signal(str)
    """(sentence) — the server dropped our session; the app returns to sign-in."""
    signed_out = Signal()

    def __init__(self, bridge: Bridge, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._lang = lang
        self._url = ""
        self._token_kind: dict[int, tuple[str, Any]] = {}
        self._connection_state = "disconnected"
        self.me: Me | None = None
        self.session: MeetingSession | None = None
        self.meeting_list_model = MeetingListModel(self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._bridge.command_finished.connect(self.on_bridge_command_finished)
        self._bridge.command_failed.connect(self.on_bridge_command_failed)
        self._bridge.connection_state_changed.connect(self.on_bridge_connection_state_changed)
        self._bridge.snapshot_changed.connect(self.on_bridge_snapshot_changed)
        self._bridge.events_received.connect(self.on_bridge_events_received)
        self._bridge.auth_expired.connect(self.on_bridge_auth_expired)

    @property
    def url(self) -> str:
        return self._url

    @property
    def port(self) -> CommandPort:
        """Where the workspace's pages send their commands (the bridge)."""
        return self._bridge

    def password_changed(self) -> None:
        """The user chose a new password: the session is no longer restricted."""
        if self.me is not None:
            self.me = replace(self.me, must_change_password=False)

    def sign_in(self, url: str, username: str, password: str) -> None:
        self._url = url
        self.close_meeting()
        token = self._bridge.sign_in(url, username, password, self._lang)
        self._token_kind[token] = ("sign_in", None)

    def load_meetings(self) -> None:
        token = self._bridge.send_request(MeetingList())
        self._token_kind[token] = ("list", None)

    def role_in(self, meeting_id: int) -> str:
        """The user's role in a listed meeting; an admin counts as chair."""
        row = self.meeting_list_model.row_of_key(meeting_id)
        role = self.meeting_list_model.row_at(row).role if row >= 0 else "observer"
        if self.me is not None and "admin" in self.me.roles and role not in ("chair", "clerk"):
            return "chair"
        return role

    def is_hall_device(self) -> bool:
        """A hall screen's account: the hall of its meetings and nothing else."""
        model = self.meeting_list_model
        roles = {model.row_at(i).role for i in range(model.rowCount())}
        return roles == {HALL}

    def hall_meeting(self) -> int | None:
        """The meeting a hall screen shows: among those this account is the hall of (else
        all it sees), the one in session, else the first not ended (soonest first)."""
        rows = [r for r in self.meeting_list_model.rows() if r.status != "ended"]
        mine = [r for r in rows if r.role == HALL] or rows
        live = [r for r in mine if r.status == "in_progress"]
        chosen = (live or mine or [None])[0]
        return None if chosen is None else int(chosen.id)

    def open_meeting(self, meeting_id: int) -> None:
        if self.me is None:
            return
        self.close_meeting()
        session = MeetingSession(self._bridge, self.me, self.role_in(meeting_id), meeting_id,
                                 self)
        session.set_connection_state(self._connection_state)
        token = self._bridge.subscribe(meeting_id)
        self._token_kind[token] = ("subscribe", session)

    def close_meeting(self) -> None:
        if self.session is not None:
            self.session.deleteLater()
            self.session = None

    def sign_out(self) -> None:
        self.close_meeting()
        self.me = None
        self._bridge.sign_out()
        self.signed_out.emit()

    # --- answers ---------------------------------------------------------------

    def on_bridge_command_finished(self, token: int, data: object) -> None:
        kind, extra = self._token_kind.pop(token, (None, None))
        if kind == "sign_in":
            self.me = Me(int(data.id), str(data.username), str(data.full_name),  # type: ignore[attr-defined]
                         tuple(data.roles),  # type: ignore[attr-defined]
                         data.unit_id, data.position,  # type: ignore[attr-defined]
                         bool(data.must_change_password))  # type: ignore[attr-defined]
            self.signed_in.emit(self.me)
        elif kind == "list":
            self.meeting_list_model.set_rows(meeting_rows(data if isinstance(data, dict) else {}))
            self.meetings_loaded.emit()
        elif kind == "subscribe":
            self.session = extra
            self.meeting_opened.emit(extra)

    def on_bridge_command_failed(self, token: int, code: str, message: str) -> None:
        kind, _extra = self._token_kind.pop(token, (None, None))
        if kind == "sign_in":
            if code == "unreachable":
                message = self.tr("Không kết nối được máy chủ %1. Kiểm tra địa chỉ máy chủ "
                                  "và mạng.").replace("%1", self._url)
            elif code == "unauthenticated":
                message = self.tr("Tên đăng nhập hoặc mật khẩu không đúng.")
            elif code == "untrusted_server":
                message = self.tr("Máy chủ %1 không xuất trình đúng chứng chỉ đã cài trên máy "
                                  "này, nên mật khẩu chưa được gửi đi. Có thể đây không phải "
                                  "máy chủ của cơ quan: hãy báo bộ phận kỹ thuật."
                                  ).replace("%1", self._url)
            elif code == "bad_server_cert_file":
                message = self.tr("Không đọc được tệp chứng chỉ máy chủ đã cài trên máy này. "
                                  "Hãy báo bộ phận kỹ thuật.")
            self.sign_in_failed.emit(code, message)
        elif kind in ("list", "subscribe"):
            self.failed.emit(message)

    def on_bridge_connection_state_changed(self, state: str) -> None:
        self._connection_state = state
        if self.session is not None:
            self.session.set_connection_state(state)

    def on_bridge_snapshot_changed(self, snapshot: object) -> None:
        session = self.session or next(
            (s for kind, s in self._token_kind.values() if kind == "subscribe"), None)
        if session is not None:
            session.set_snapshot(snapshot)  # type: ignore[arg-type]

    def on_bridge_events_received(self, events: list[Any]) -> None:
        if self.session is not None:
            self.session.apply_events(events)

    def on_bridge_auth_expired(self) -> None:
        self.close_meeting()
        self.me = None
        self.session_expired.emit(
            self.tr("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."))
