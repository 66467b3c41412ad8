"""Meeting documents on the wire: payloads, events and the binary transfer frames.

Text commands follow PROTOCOL.md's envelope. Bulk bytes travel in binary
WebSocket frames with a fixed 16-byte header (see :class:`FrameHeader`), on a
connection of their own so that a 20 MB paper never delays a ``poll.opened``
event on the terminal's main connection. ``docs/protocol.md`` (Meeting documents) tells
the whole story; this module is the part both sides import.
"""

from __future__ import annotations

import struct
from typing import Annotated, ClassVar, Literal

import msgspec

from meeting_protocol.commands import Id, Payload, Title

Sha256 = Annotated[str, msgspec.Meta(pattern="^[0-9a-f]{64}$")]
FileName = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
AccessMode = Literal["all", "users", "confidential"]
"""``all``: every participant; ``users``: the named users (plus chair and clerk);
``confidential``: chair and clerk only."""
AnnotationKind = Literal["highlight", "note"]
Offset = Annotated[int, msgspec.Meta(ge=0, le=2**53 - 1)]
Window = Annotated[int, msgspec.Meta(ge=0, le=64 << 20)]
Page = Annotated[int, msgspec.Meta(ge=1, le=100_000)]
Coordinate = Annotated[float, msgspec.Meta(ge=-1e6, le=1e6)]

CHUNK_SIZE = 256 << 10
"""Payload bytes of one upload frame (the server's frame limit is 1 MiB)."""
DOWNLOAD_CHUNK = 1 << 20
"""Payload bytes of one download frame: fewer, larger frames cost less per byte."""
DEFAULT_WINDOW = 4 << 20
"""Bytes a sender may have on the wire beyond the receiver's last acknowledgement."""

# --- binary frames -------------------------------------------------------------

KIND_DATA = ord("D")
"""server → terminal: bytes of a download, at ``offset``."""
KIND_ACK = ord("A")
"""terminal → server: "I hold every byte below ``offset``" (moves the window on); a
non-zero ``extra`` also sets the window to ``extra`` × 64 KiB (a fetch with window 0
starts paused until such an acknowledgement)."""
KIND_UPLOAD = ord("U")
"""terminal → server: bytes of an upload, at ``offset``."""
KIND_UPLOAD_ACK = ord("u")
"""server → terminal: "I have written every upload byte below ``offset``"."""
KIND_CANCEL = ord("X")
"""terminal → server: stop this download (no reply)."""
FLAG_LAST = 0x01
"""On a data frame: the last one of the transfer."""

HEADER = struct.Struct("!BBHIQ")
HEADER_SIZE = HEADER.size  # 16


WINDOW_UNIT = 64 << 10
"""Unit of an acknowledgement's ``extra`` (a new window)."""


class FrameHeader(msgspec.Struct, frozen=True):
    """``kind`` (1 byte), ``flags`` (1), ``extra`` (u16, 0 unless said otherwise),
    ``transfer`` (u32), ``offset`` (u64), big-endian; the payload follows."""

    kind: int
    flags: int
    transfer: int
    offset: int
    extra: int = 0


class BinaryFrameError(ValueError):
    """A binary frame that does not follow the format."""


def pack_frame(kind: int, transfer: int, offset: int, payload: bytes = b"",
               flags: int = 0, extra: int = 0) -> bytes:
    return HEADER.pack(kind, flags, extra, transfer, offset) + payload


def unpack_header(frame: bytes | bytearray | memoryview) -> FrameHeader:
    """Read the header of a binary frame; the payload is ``frame[HEADER_SIZE:]``.

    Raises:
        BinaryFrameError: shorter than a header.
    """
    if len(frame) < HEADER_SIZE:
        raise BinaryFrameError("binary frame shorter than its header")
    kind, flags, extra, transfer, offset = HEADER.unpack_from(frame)
    return FrameHeader(kind, flags, transfer, offset, extra)


# --- command payloads ------------------------------------------------------------


class DocumentUpload(Payload):
    """Announce an upload; the bytes follow as ``U`` frames, then ``document.commit``."""

    TYPE: ClassVar[str] = "document.upload"
    meeting_id: Id
    filename: FileName
    size: Annotated[int, msgspec.Meta(ge=1, le=2**53 - 1)]
    title: Title | None = None
    """Defaults to the file name without its extension."""
    agenda_item_id: Id | None = None
    access: AccessMode = "all"
    users: Annotated[list[Id], msgspec.Meta(max_length=10_000)] = msgspec.field(
        default_factory=list)
    """For ``access == "users"``: who may read it (chair and clerk always may)."""
    sha256: Sha256 | None = None
    """When given, the server refuses the upload if the bytes do not match."""
    replaces: Id | None = None
    """A document of the meeting to give a new version (same id, version + 1)."""


class DocumentCommit(Payload):
    TYPE: ClassVar[str] = "document.commit"
    meeting_id: Id
    upload: Annotated[int, msgspec.Meta(ge=1, le=2**32 - 1)]


class DocumentFetch(Payload):
    """Start a download of the file with this hash from ``offset`` (resume)."""

    TYPE: ClassVar[str] = "document.fetch"
    sha256: Sha256
    offset: Offset = 0
    window: Window = DEFAULT_WINDOW
    """Initial credit in bytes; 0 sends nothing until the first ``A`` frame."""


class DocumentList(Payload):
    TYPE: ClassVar[str] = "document.list"
    meeting_id: Id


class DocumentRef(Payload):
    """One paper of a meeting; sent as one of the subclasses below."""

    meeting_id: Id
    document_id: Id


class DocumentVersions(DocumentRef):
    TYPE: ClassVar[str] = "document.versions"


class DocumentRemove(DocumentRef):
    TYPE: ClassVar[str] = "document.remove"


class DocumentOpened(DocumentRef):
    TYPE: ClassVar[str] = "document.opened"


class DocumentReaders(Payload):
    TYPE: ClassVar[str] = "document.readers"
    meeting_id: Id
    document_id: Id | None = None


class PresentationPresenter(Payload):
    TYPE: ClassVar[str] = "presentation.presenter"
    meeting_id: Id
    user_id: Id | None = None
    """Who may turn everyone's pages besides the chair; None withdraws it."""


class PresentationStop(Payload):
    TYPE: ClassVar[str] = "presentation.stop"
    meeting_id: Id


class Quad(msgspec.Struct, array_like=True):
    """A highlighted area in PDF points, origin top-left of the page: x, y, width, height."""

    x: Coordinate
    y: Coordinate
    w: Coordinate
    h: Coordinate


class AnnotationList(Payload):
    TYPE: ClassVar[str] = "annotation.list"
    meeting_id: Id
    document_id: Id


class AnnotationSave(Payload):
    TYPE: ClassVar[str] = "annotation.save"
    meeting_id: Id
    document_id: Id
    page: Page
    kind: AnnotationKind
    rects: Annotated[list[Quad], msgspec.Meta(max_length=500)] = msgspec.field(
        default_factory=list)
    text: Annotated[str, msgspec.Meta(max_length=10_000)] = ""
    """The highlighted words, or the note."""
    color: Annotated[str, msgspec.Meta(pattern="^#[0-9a-fA-F]{6}$")] = "#ffd54f"
    annotation_id: Id | None = None
    """Update this annotation (one's own) instead of adding one."""


class AnnotationDelete(Payload):
    TYPE: ClassVar[str] = "annotation.delete"
    meeting_id: Id
    annotation_id: Id


class UserSubscribe(Payload):
    """Follow one's own ``user:<id>`` topic (annotation changes from other terminals)."""

    TYPE: ClassVar[str] = "user.subscribe"
    since: Annotated[int, msgspec.Meta(ge=0, le=2**53 - 1)] = 0


# --- what the server answers ---------------------------------------------------------


class DocumentInfo(msgspec.Struct, kw_only=True):
    """One paper as a participant who may read it sees it (also a Snapshot entry)."""

    id: int
    title: str
    filename: str
    sha256: str
    """The current version's PDF."""
    size: int
    version: int = 1
    agenda_item_id: int | None = None
    access: AccessMode = "all"
    mime: str = "application/pdf"
    original_sha256: str | None = None
    """The uploaded office file, when the PDF was converted from one."""
    original_size: int | None = None
    original_filename: str | None = None
    added_at: str = ""


class Annotation(msgspec.Struct, kw_only=True):
    annotation_id: int
    document_id: int
    sha256: str
    """The version it was made on."""
    page: int
    kind: AnnotationKind
    rects: list[Quad]
    text: str
    color: str
    updated_at: str


def user_topic(user_id: int) -> str:
    return f"user:{user_id}"


DOCUMENT_ADDED = "document.added"
DOCUMENT_REPLACED = "document.replaced"
DOCUMENT_REMOVED = "document.removed"
PRESENTATION_PRESENTER = "presentation.presenter"
ANNOTATION_CHANGED = "annotation.changed"
SESSION_ELSEWHERE = "session.elsewhere"
"""On ``user:<id>``: the user now follows their topic on ``terminals`` connections."""

DOCUMENT_PAYLOADS: dict[str, type[Payload]] = {cls.TYPE: cls for cls in (
    DocumentUpload, DocumentCommit, DocumentFetch, DocumentList,
    DocumentVersions, DocumentRemove, DocumentOpened, DocumentReaders,
    PresentationPresenter, PresentationStop,
    AnnotationList, AnnotationSave, AnnotationDelete, UserSubscribe,
)}
"""The commands of this module (declared with ``payload=`` on the server)."""
