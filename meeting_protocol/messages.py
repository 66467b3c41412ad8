"""Internal messages on the wire (PROTOCOL.md "Internal messages").

Events on ``user:<id>`` carry ids only: message text never enters the
hash-chained event log.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from meeting_protocol.attachments import AttachmentIds
from meeting_protocol.commands import Id, Payload
from meeting_protocol.events import EventData, register_events

MessageText = Annotated[str, msgspec.Meta(min_length=1, max_length=8000)]
Recipients = Annotated[list[Id], msgspec.Meta(min_length=1, max_length=500)]


class MessageRef(msgspec.Struct, kw_only=True, omit_defaults=True):
    """What a message points at: exactly one of the three ids."""

    directive_id: Id | None = None
    meeting_id: Id | None = None
    registry_id: Id | None = None

    def kind_and_id(self) -> tuple[str, int] | None:
        """``("meeting", 12)``; None unless exactly one id is given."""
        given = [(k, v) for k, v in (("directive", self.directive_id),
                                     ("meeting", self.meeting_id),
                                     ("registry", self.registry_id)) if v is not None]
        return given[0] if len(given) == 1 else None


class MessageSend(Payload, kw_only=True):
    TYPE: ClassVar[str] = "message.send"
    to: Recipients | None = None
    conversation_id: Id | None = None
    text: MessageText
    ref: MessageRef | None = None
    attachment_ids: AttachmentIds = msgspec.field(default_factory=list)
    """Staged attachments of the sender (``attachment.upload``/``commit``) to claim."""


class MessageList(Payload, kw_only=True):
    TYPE: ClassVar[str] = "message.list"
    conversation_id: Id
    before: Id | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=200)] = 50


class MessageConversations(Payload, kw_only=True):
    TYPE: ClassVar[str] = "message.conversations"


class MessageRead(Payload, kw_only=True):
    TYPE: ClassVar[str] = "message.read"
    conversation_id: Id
    message_id: Id


MESSAGE_RECEIVED = "message.received"


class MessageReceived(EventData):
    """On each member's ``user:<id>``: ids only, never the text (the log is an audit
    trail)."""

    NAME: ClassVar[str] = MESSAGE_RECEIVED
    conversation_id: int
    message_id: int
    from_id: int


register_events(MessageReceived)

MESSAGE_PAYLOADS: dict[str, type[Payload]] = {
    "message.send": MessageSend,
    "message.list": MessageList,
    "message.conversations": MessageConversations,
    "message.read": MessageRead,
}
