"""Conversations and messages of the signed-in user (tương tác nội bộ).

:class:`MessagesCenter` holds no widgets: the messages page shows its models,
the workspace's badge listens to :attr:`MessagesCenter.unread_changed`. Names
come from the organisation directory (``org.users``); a person the directory
does not list is shown by number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from meeting_client.models.base import KeyedTableModel
from meeting_client.models.labels import clock_text, date_time_text
from meeting_client.models.port import CommandPort
from meeting_client.models.user_feed import UserFeed
from meeting_client.sync.attachments import decode_attachments
from meeting_protocol import messages as mp
from meeting_protocol.attachments import AttachmentInfo
from meeting_protocol.commands import Payload
from meeting_protocol.org import OrgUsers

PAGE = 50


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    username: str
    full_name: str
    position: str = ""
    unit_id: int | None = None


@dataclass(frozen=True, slots=True)
class ConversationRow:
    conversation_id: int
    member_ids: tuple[int, ...]
    last_message_at: str | None
    unread: int
    title: str


@dataclass(frozen=True, slots=True)
class MessageRow:
    message_id: int
    from_id: int
    sender: str
    text: str
    sent_at: str
    ref: tuple[str, int] | None
    mine: bool
    attachments: tuple[AttachmentInfo, ...] = ()


def files_label(files: tuple[AttachmentInfo, ...]) -> str:
    """One line per attached file, for the bubble (empty without files)."""
    word = QCoreApplication.translate("MessageLabels", "Tệp")
    return "".join(f"\n• {word}: {f.filename}" for f in files)


def ref_label(ref: tuple[str, int] | None) -> str:
    if ref is None:
        return ""
    kind, ref_id = ref
    text = {"meeting": QCoreApplication.translate("MessageLabels", "Cuộc họp"),
            "directive": QCoreApplication.translate("MessageLabels", "Chỉ đạo"),
            "registry": QCoreApplication.translate("MessageLabels", "Văn bản")}.get(kind, kind)
    return f"{text} #{ref_id}"


class ConversationsModel(KeyedTableModel[ConversationRow]):
    def row_key(self, row: ConversationRow) -> int:
        return row.conversation_id

    def display(self, row: ConversationRow, column: int) -> Any:
        return f"{row.title} ({row.unread})" if row.unread else row.title

    def role_data(self, row: ConversationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return date_time_text(row.last_message_at) if row.last_message_at else ""
        if role == Qt.ItemDataRole.FontRole and row.unread:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


class MessagesModel(KeyedTableModel[MessageRow]):
    def row_key(self, row: MessageRow) -> int:
        return row.message_id

    def display(self, row: MessageRow, column: int) -> Any:
        ref = f"\n↪ {ref_label(row.ref)}" if row.ref else ""
        return (f"{row.sender} · {clock_text(row.sent_at)}\n{row.text}{ref}"
                f"{files_label(row.attachments)}")

    def role_data(self, row: MessageRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight if row.mine else Qt.AlignmentFlag.AlignLeft)
        return None


class MessagesCenter(QObject):
    """The conversation list, the open conversation, sending and read marks."""

    unread_changed = Signal(int)
    """Unread messages over every conversation (the workspace badge)."""
    directory_changed = Signal()
    opened = Signal(int)
    """(conversation_id) — its messages are in :attr:`messages`."""
    sent = Signal(int)
    """(conversation_id) — a message of ours was committed."""
    failed = Signal(str)

    def __init__(self, port: CommandPort, feed: UserFeed, me_id: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.me_id = me_id
        self.people: dict[int, Person] = {}
        self.conversations = ConversationsModel(self)
        self.messages = MessagesModel(self)
        self.current: int | None = None
        self._tokens: dict[int, tuple[str, Any]] = {}
        self._unread = -1
        port.command_finished.connect(self.on_port_command_finished)
        port.command_failed.connect(self.on_port_command_failed)
        feed.event_received.connect(self.on_feed_event)
        feed.reset.connect(self.refresh)

    def detach(self) -> None:
        """Stop listening to the port (before this object is deleted)."""
        self._port.command_finished.disconnect(self.on_port_command_finished)
        self._port.command_failed.disconnect(self.on_port_command_failed)

    # --- asking ---------------------------------------------------------------------------

    def _ask(self, kind: str, payload: Payload, extra: Any = None,
             command: bool = False) -> None:
        send = self._port.send_command if command else self._port.send_request
        self._tokens[send(payload)] = (kind, extra)

    def load_directory(self) -> None:
        self._ask("directory", OrgUsers())

    def set_people(self, people: list[Person]) -> None:
        self.people = {p.id: p for p in people}
        self._retitle()
        self.directory_changed.emit()

    def refresh(self) -> None:
        self._ask("conversations", mp.MessageConversations())
        if self.current is not None:
            self.open(self.current)

    def open(self, conversation_id: int) -> None:
        self.current = conversation_id
        self._ask("messages", mp.MessageList(conversation_id=conversation_id, limit=PAGE),
                  conversation_id)

    @property
    def port(self) -> CommandPort:
        return self._port

    def send(self, text: str, *, to: list[int] | None = None,
             ref: dict[str, int] | None = None,
             attachment_ids: list[int] | None = None) -> None:
        """To the open conversation, or (``to``) to those people's conversation, with the
        sender's staged attachments."""
        if to is None and self.current is None:
            return
        self._ask("send", mp.MessageSend(
            text=text, to=to, conversation_id=self.current if to is None else None,
            ref=mp.MessageRef(**ref) if ref else None,
            attachment_ids=list(attachment_ids or [])), command=True)

    def mark_read(self) -> None:
        rows = self.messages.rows()
        if self.current is None or not rows:
            return
        row = self.conversations.row_of_key(self.current)
        if row >= 0 and self.conversations.row_at(row).unread:
            self._ask("read", mp.MessageRead(conversation_id=self.current,
                                             message_id=rows[-1].message_id),
                      self.current, command=True)

    # --- names -------------------------------------------------------------------------------

    def name(self, user_id: int) -> str:
        person = self.people.get(user_id)
        if person is not None:
            return person.full_name
        return QCoreApplication.translate("MessageLabels", "Người dùng #%1").replace(
            "%1", str(user_id))

    def title_of(self, member_ids: tuple[int, ...]) -> str:
        others = [self.name(u) for u in member_ids if u != self.me_id]
        return ", ".join(others) or self.name(self.me_id)

    def _retitle(self) -> None:
        self.conversations.set_rows([
            ConversationRow(r.conversation_id, r.member_ids, r.last_message_at, r.unread,
                            self.title_of(r.member_ids)) for r in self.conversations.rows()])
        self.messages.set_rows([
            MessageRow(r.message_id, r.from_id, self.name(r.from_id), r.text, r.sent_at, r.ref,
                       r.mine) for r in self.messages.rows()])

    # --- answers -----------------------------------------------------------------------------

    def on_port_command_finished(self, token: int, data: Any) -> None:
        kind, extra = self._tokens.pop(token, (None, None))
        if kind is not None and not shiboken6.isValid(self):
            return  # a reply that outlived its page (closed while the answer was on its way)
        if kind == "directory":
            self.set_people([Person(int(u["id"]), str(u["username"]), str(u["full_name"]),
                                    str(u.get("position") or ""), u.get("unit_id"))
                             for u in data["users"] if u.get("active", True)])
        elif kind == "conversations":
            rows = [ConversationRow(int(c["conversation_id"]), tuple(c["member_ids"]),
                                    c.get("last_message_at"), int(c["unread"]),
                                    self.title_of(tuple(c["member_ids"])))
                    for c in data["conversations"]]
            self.conversations.set_rows(rows)
            self._emit_unread()
        elif kind == "messages" and extra == self.current:
            rows = [self._message(m) for m in data["messages"]]
            self.messages.set_rows(rows)
            self.opened.emit(int(extra))
            self.mark_read()
        elif kind == "send":
            self.current = int(data["conversation_id"])
            self.sent.emit(self.current)
        elif kind == "read":
            row = self.conversations.row_of_key(extra)
            if row >= 0:
                old = self.conversations.row_at(row)
                rows = self.conversations.rows()
                rows[row] = ConversationRow(old.conversation_id, old.member_ids,
                                            old.last_message_at, int(data["unread"]), old.title)
                self.conversations.set_rows(rows)
                self._emit_unread()

    def on_port_command_failed(self, token: int, code: str, message: str) -> None:
        kind, _extra = self._tokens.pop(token, (None, None))
        if kind == "directory":
            return  # no directory on this server: people are shown by number
        if kind is not None:
            self.failed.emit(message)

    def on_feed_event(self, event: Any) -> None:
        if event.event != "message.received":
            return
        conversation_id = int(event.data["conversation_id"])
        self._ask("conversations", mp.MessageConversations())
        if conversation_id == self.current:
            self.open(conversation_id)

    def _message(self, m: dict[str, Any]) -> MessageRow:
        ref = None
        if m.get("ref"):
            key, value = next(iter(m["ref"].items()))
            ref = (key.removesuffix("_id"), int(value))
        from_id = int(m["from_id"])
        return MessageRow(int(m["message_id"]), from_id, self.name(from_id), str(m["text"]),
                          str(m["sent_at"]), ref, from_id == self.me_id,
                          tuple(decode_attachments(m.get("attachments"))))

    @property
    def unread(self) -> int:
        return sum(r.unread for r in self.conversations.rows())

    def _emit_unread(self) -> None:
        total = self.unread
        if total != self._unread:
            self._unread = total
            self.unread_changed.emit(total)
