"""Directives (chỉ đạo điều hành) on the wire.

PROTOCOL.md ("Directives") fixes ``directive.create|report|complete|list``; the rest
(``get``, ``return``, extensions, the dashboard, the list for the next meeting) is the
project's extension in the same style, documented in docs/protocol.md ("Directives").
``returned`` (trả lại: the issuer did not accept a report) is a status of our own,
besides PROTOCOL.md's ``assigned``, ``in_progress``, ``reported`` and ``completed``.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from meeting_protocol.attachments import AttachmentIds
from meeting_protocol.commands import Id, Payload
from meeting_protocol.events import EventData, register_events

Status = Literal["assigned", "in_progress", "reported", "returned", "completed"]
STATUSES: tuple[str, ...] = ("assigned", "in_progress", "reported", "returned", "completed")
Priority = Literal["normal", "urgent"]
IsoDate = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Content = Annotated[str, msgspec.Meta(min_length=1, max_length=8000)]
Note = Annotated[str, msgspec.Meta(max_length=8000)]
Percent = Annotated[int, msgspec.Meta(ge=0, le=100)]
Scope = Literal["mine", "issued", "all"]


class DirectiveSource(msgspec.Struct, kw_only=True, omit_defaults=True):
    """Where a directive comes from: a meeting (and agenda item), the meeting's conclusion
    notice (``notice: true`` with its ``meeting_id``), a registry document, or nothing."""

    meeting_id: Id | None = None
    item_id: Id | None = None
    registry_id: Id | None = None
    notice: bool = False


class CoordinatingPart(msgspec.Struct, kw_only=True):
    """A coordinating unit (đơn vị phối hợp) and the part it reports on."""

    unit_id: Id
    part: Note = ""


class DirectiveCreate(Payload):
    TYPE: ClassVar[str] = "directive.create"
    content: Content
    deadline: IsoDate | None = None
    """None: no deadline (the dashboard counts those apart)."""
    assignee_id: Id | None = None
    assignee_unit_id: Id | None = None
    coordinating_unit_ids: Annotated[list[Id], msgspec.Meta(max_length=100)] = \
        msgspec.field(default_factory=list)
    coordinating: Annotated[list[CoordinatingPart], msgspec.Meta(max_length=100)] = \
        msgspec.field(default_factory=list)
    """Extension: coordinating units each with its part (merged with the ids above)."""
    priority: Priority = "normal"
    source: DirectiveSource | None = None


class DirectiveGet(Payload):
    TYPE: ClassVar[str] = "directive.get"
    directive_id: Id


class DirectiveList(Payload):
    TYPE: ClassVar[str] = "directive.list"
    status: Status | None = None
    unit_id: Id | None = None
    overdue: bool | None = None
    scope: Scope | None = None
    """Extension: ``mine`` (assigned to me or my unit, coordinating included), ``issued``
    (by me), ``all`` (everything visible, the default)."""
    meeting_id: Id | None = None
    """Extension: only those whose source is this meeting."""
    limit: Annotated[int, msgspec.Meta(ge=1, le=5000)] = 1000
    offset: Annotated[int, msgspec.Meta(ge=0)] = 0


class DirectiveReport(Payload):
    TYPE: ClassVar[str] = "directive.report"
    directive_id: Id
    status: Literal["in_progress", "reported"]
    note: Note = ""
    percent: Percent | None = None
    unit_id: Id | None = None
    """Extension: a coordinating unit reporting its own part (its members only)."""
    attachment_ids: AttachmentIds = msgspec.field(default_factory=list)
    """Staged attachments of the reporter, shown on this step of the history."""


class DirectiveReturn(Payload):
    TYPE: ClassVar[str] = "directive.return"
    directive_id: Id
    note: Note = ""


class DirectiveComplete(Payload):
    TYPE: ClassVar[str] = "directive.complete"
    directive_id: Id
    note: Note = ""


class DirectiveExtendRequest(Payload):
    TYPE: ClassVar[str] = "directive.extend_request"
    directive_id: Id
    new_deadline: IsoDate
    reason: Note = ""


class DirectiveExtendDecide(Payload):
    TYPE: ClassVar[str] = "directive.extend_decide"
    extension_id: Id
    decision: Literal["granted", "refused"]
    note: Note = ""


class DirectiveDashboard(Payload):
    TYPE: ClassVar[str] = "directive.dashboard"
    issued_from: IsoDate | None = None
    issued_to: IsoDate | None = None


class DirectiveExport(Payload):
    TYPE: ClassVar[str] = "directive.export"
    format: Literal["xlsx", "pdf"]
    issued_from: IsoDate | None = None
    issued_to: IsoDate | None = None


class DirectivePendingForMeeting(Payload):
    TYPE: ClassVar[str] = "directive.pending_for_meeting"
    meeting_id: Id


DIRECTIVE_PAYLOADS: dict[str, type[Payload]] = {
    cls.TYPE: cls for cls in (
        DirectiveCreate, DirectiveGet, DirectiveList, DirectiveReport, DirectiveReturn,
        DirectiveComplete, DirectiveExtendRequest, DirectiveExtendDecide, DirectiveDashboard,
        DirectiveExport, DirectivePendingForMeeting)
}


# --- events: on the ``user:<id>`` topic of everyone involved; ids only ---------------


class DirectiveChanged(EventData):
    """A directive the user is involved in changed: re-read it with ``directive.get``."""

    NAME: ClassVar[str] = "directive.changed"
    directive_id: int
    status: str
    change: str
    """created, report, returned, completed, extend_request, extend_granted, extend_refused."""


class DirectiveReminder(EventData):
    """Stand-in for ``alert.raised`` until the alerts module is merged: a deadline is near
    (``kind: "due"``) or passed (``kind: "overdue"``)."""

    NAME: ClassVar[str] = "directive.reminder"
    directive_id: int
    kind: str
    deadline: str


register_events(DirectiveChanged, DirectiveReminder)
