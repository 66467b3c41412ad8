"""Attachments on the wire: files stored like meeting papers for messages, directive
reports, calendar events and registry entries.

Upload is staged and generic: ``attachment.upload`` reserves a transfer, the bytes
follow as ``U`` frames (meeting_protocol.documents), ``attachment.commit`` checks,
converts (office files → PDF) and stores the file as a staged attachment of its
uploader. The owner's own command (``message.send``…) then claims it by id through
an optional ``attachment_ids`` field. Who may read it is the owner's decision.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from meeting_protocol.commands import Id, Payload
from meeting_protocol.documents import DEFAULT_WINDOW, FileName, Offset, Sha256, Window

OwnerKind = Literal["message", "directive_report", "calendar_event", "registry"]
OWNER_KINDS: tuple[str, ...] = ("message", "directive_report", "calendar_event", "registry")
MAX_ATTACHMENTS = 20
"""Attachments one message, report or event may carry."""
AttachmentIds = Annotated[list[Id], msgspec.Meta(max_length=MAX_ATTACHMENTS)]


class AttachmentInfo(msgspec.Struct, kw_only=True):
    """One stored attachment as replies show it.

    ``sha256`` is the file as uploaded; ``pdf_sha256`` the PDF the reader opens
    (the file itself for a PDF, the conversion for an office file, null for a file
    that is neither and is kept as it is).
    """

    attachment_id: int
    filename: str
    size: int
    sha256: str
    pdf_sha256: str | None
    mime: str


class AttachmentUpload(Payload, kw_only=True):
    """Announce an upload; ``U`` frames follow, then ``attachment.commit``."""

    TYPE: ClassVar[str] = "attachment.upload"
    filename: FileName
    size: Annotated[int, msgspec.Meta(ge=1, le=2**53 - 1)]
    sha256: Sha256 | None = None
    """When given, the commit refuses bytes that do not match."""


class AttachmentCommit(Payload, kw_only=True):
    TYPE: ClassVar[str] = "attachment.commit"
    upload: Annotated[int, msgspec.Meta(ge=1, le=2**32 - 1)]


class AttachmentList(Payload, kw_only=True):
    TYPE: ClassVar[str] = "attachment.list"
    owner_kind: OwnerKind
    owner_id: Id


class AttachmentFetch(Payload, kw_only=True):
    """Download an attachment (``D`` frames, like ``document.fetch``)."""

    TYPE: ClassVar[str] = "attachment.fetch"
    attachment_id: Id
    offset: Offset = 0
    window: Window = DEFAULT_WINDOW
    pdf: bool = False
    """The PDF the reader opens instead of the file as uploaded."""


ATTACHMENT_PAYLOADS: dict[str, type[Payload]] = {
    "attachment.upload": AttachmentUpload,
    "attachment.commit": AttachmentCommit,
    "attachment.list": AttachmentList,
    "attachment.fetch": AttachmentFetch,
}
