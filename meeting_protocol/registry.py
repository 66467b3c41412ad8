"""The documents registry on the wire (sổ đăng ký văn bản đến / đi).

``registry.create`` and ``registry.search`` are bound by PROTOCOL.md (operations-centre
core); the rest extends them in the same style (docs/protocol.md, "Documents registry").
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal

import msgspec

from meeting_protocol.commands import Id, Payload
from meeting_protocol.events import EventData, register_events

Direction = Literal["in", "out"]
Urgency = Literal["normal", "urgent", "express", "flash"]
"""thường, khẩn, thượng khẩn, hỏa tốc (``flash`` is an extension of PROTOCOL.md's three)."""
Status = Literal["registered", "routed", "handled", "cancelled"]
Symbol = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
Summary = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
Note = Annotated[str, msgspec.Meta(max_length=4000)]
Query = Annotated[str, msgspec.Meta(max_length=500)]
Number = Annotated[int, msgspec.Meta(ge=1, le=10_000_000)]
Copies = Annotated[int, msgspec.Meta(ge=0, le=100_000)]
Limit = Annotated[int, msgspec.Meta(ge=1, le=200)]
Offset = Annotated[int, msgspec.Meta(ge=0, le=10_000_000)]
ReaderIds = Annotated[list[Id], msgspec.Meta(max_length=1000)]
Sort = Literal["relevance", "number", "-number", "issued_on", "-issued_on",
               "registered_on", "-registered_on", "symbol", "-symbol", "issuer", "-issuer",
               "doc_type", "-doc_type", "summary", "-summary"]
"""A column, ``-`` for descending; default: relevance for a query, newest first without."""
FileName = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
Base64 = Annotated[str, msgspec.Meta(max_length=1_000_000)]
"""At most ~730 KiB of file in a text frame (``MAX_ATTACH_BYTES`` is the limit checked)."""

MAX_ATTACH_BYTES = 700 << 10


class RegistryFields(Payload, kw_only=True):
    """What an entry records beyond PROTOCOL.md's core (Phụ lục IV columns)."""

    recipients: Note | None = None
    """out: nơi nhận; in: đơn vị hoặc người nhận."""
    signer: Name | None = None
    """out: người ký."""
    archive_holder: Name | None = None
    """out: đơn vị, người nhận bản lưu."""
    copies: Copies | None = None
    """out: số lượng bản."""
    forwarded_on: date | None = None
    """ngày chuyển."""
    note: Note | None = None
    """ghi chú."""


class RegistryCreate(RegistryFields, kw_only=True):
    TYPE: ClassVar[str] = "registry.create"
    direction: Direction
    symbol: Symbol
    issued_on: date
    issuer: Name
    doc_type: Name
    summary: Summary
    number: Number | None = None
    received_on: date | None = None
    registered_on: date | None = None
    """The date that decides the register's year; default ``received_on``, else today."""
    urgency: Urgency = "normal"
    confidential: bool = False
    reader_ids: ReaderIds = msgspec.field(default_factory=list)
    handler_id: Id | None = None


class RegistrySearch(Payload, kw_only=True):
    TYPE: ClassVar[str] = "registry.search"
    query: Query = ""
    direction: Direction | None = None
    date_from: date | None = msgspec.field(default=None, name="from")
    date_to: date | None = msgspec.field(default=None, name="to")
    doc_type: Name | None = None
    issuer: Name | None = None
    urgency: Urgency | None = None
    year: Annotated[int, msgspec.Meta(ge=1900, le=9999)] | None = None
    sort: Sort | None = None
    limit: Limit = 20
    offset: Offset = 0


class RegistryGet(Payload, kw_only=True):
    TYPE: ClassVar[str] = "registry.get"
    registry_id: Id


class RegistryUpdate(RegistryFields, kw_only=True):
    TYPE: ClassVar[str] = "registry.update"
    registry_id: Id
    symbol: Symbol | None = None
    issued_on: date | None = None
    issuer: Name | None = None
    doc_type: Name | None = None
    summary: Summary | None = None
    received_on: date | None = None
    urgency: Urgency | None = None
    confidential: bool | None = None
    reader_ids: ReaderIds | None = None


class RegistryCancel(Payload, kw_only=True):
    TYPE: ClassVar[str] = "registry.cancel"
    registry_id: Id
    reason: Note = ""


class RegistryRoute(Payload, kw_only=True):
    TYPE: ClassVar[str] = "registry.route"
    registry_id: Id
    handler_id: Id | None = None
    unit_id: Id | None = None
    instruction: Note = ""
    """ý kiến chỉ đạo của lãnh đạo."""
    deadline: date | None = None


class RegistryHandled(Payload, kw_only=True):
    TYPE: ClassVar[str] = "registry.handled"
    registry_id: Id
    note: Note = ""


class RegistryTodo(Payload, kw_only=True):
    TYPE: ClassVar[str] = "registry.todo"
    include_handled: bool = False


class RegistryCheck(Payload, kw_only=True):
    TYPE: ClassVar[str] = "registry.check"
    direction: Direction
    number: Number | None = None
    registered_on: date | None = None
    symbol: Symbol | None = None
    issuer: Name | None = None


class RegistryLink(Payload, kw_only=True):
    TYPE: ClassVar[str] = "registry.link"
    registry_id: Id
    meeting_id: Id
    item_id: Id | None = None


class RegistryAttach(Payload, kw_only=True):
    """The file of an entry: a PDF in ``content_base64``, or (extension) a staged
    attachment (``attachment.upload``/``commit``: any size, office files converted)."""

    TYPE: ClassVar[str] = "registry.attach"
    registry_id: Id
    filename: FileName
    content_base64: Base64 | None = None
    attachment_id: Id | None = None


class RegistryFile(Payload, kw_only=True):
    TYPE: ClassVar[str] = "registry.file"
    registry_id: Id


class RegistryPrint(Payload, kw_only=True):
    TYPE: ClassVar[str] = "registry.print"
    direction: Direction
    date_from: date = msgspec.field(name="from")
    date_to: date = msgspec.field(name="to")


ROUTED = "registry.routed"
CHANGED = "registry.changed"


class RegistryRouted(EventData, kw_only=True):
    """On ``user:<handler>``: a document was routed to them — no summary in the log."""

    NAME: ClassVar[str] = ROUTED
    registry_id: int
    deadline: str | None = None


class RegistryChanged(EventData, kw_only=True):
    """On ``registry``: an entry was created, updated, routed, handled, cancelled, linked."""

    NAME: ClassVar[str] = CHANGED
    registry_id: int
    action: str


register_events(RegistryRouted, RegistryChanged)
