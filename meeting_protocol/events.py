"""Every event the server pushes: its name, its topic and its typed payload.

The server emits these structs (``tx.emit(topic, PollClosed(...))``) and a terminal
decodes an event's ``data`` into the same struct (:func:`decode_data`), so both sides
agree on one definition instead of on string keys.

The JSON of an event is part of the hash-chained log and of the wire, so the structs
are written to encode exactly as the events always have: fields in the order they
travel, ``None`` sent as ``null`` where the server has always sent it, and
:data:`msgspec.UNSET` for a field that some events of a kind carry and others leave
out (``meeting.status`` has ``started_at`` or ``ended_at``, never both). A field the
reducer can do without has a default, so an event that leaves it out still decodes.
"""

from __future__ import annotations

from typing import Any, ClassVar

import msgspec
from msgspec import UNSET, UnsetType

from meeting_protocol import documents as dp
from meeting_protocol import hall, minutes
from meeting_protocol.documents import DocumentInfo
from meeting_protocol.envelope import Event


def meeting_topic(meeting_id: int) -> str:
    return f"meeting:{meeting_id}"


user_topic = dp.user_topic

MEETING_STATUS = "meeting.status"
ATTENDANCE_CHANGED = "attendance.changed"
AGENDA_ACTIVATED = "agenda.activated"
SPEAKER_REQUESTED = "speaker.requested"
SPEAKER_WITHDRAWN = "speaker.withdrawn"
SPEAKER_GRANTED = "speaker.granted"
SPEAKER_FINISHED = "speaker.finished"
POLL_CREATED = "poll.created"
POLL_OPENED = "poll.opened"
POLL_PROGRESS = "poll.progress"
POLL_CLOSED = "poll.closed"
PRESENTATION_PAGE = "presentation.page"
PRESENTATION_STOPPED = "presentation.stopped"


class MalformedEvent(KeyError, ValueError):
    """An event whose data does not fit its struct: a field missing or of the wrong type.

    A KeyError like the missing field it usually is, and a ValueError like the
    ``msgspec.ValidationError`` it wraps.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class EventData(msgspec.Struct, kw_only=True):
    """Base of every event payload; ``NAME`` is the event's name on the wire."""

    NAME: ClassVar[str]


# --- meeting ---------------------------------------------------------------------


class MeetingStatusChanged(EventData):
    NAME: ClassVar[str] = MEETING_STATUS
    status: str
    started_at: str | UnsetType = UNSET
    """With ``in_progress``."""
    ended_at: str | UnsetType = UNSET
    """With ``ended``."""


class AttendanceChanged(EventData):
    """The counts always; who changed and how only for that person's change.

    A check-in carries ``checked_in``, ``seat`` and ``absence_reason`` (cleared); a
    check-out only ``checked_in``; a recorded absence only ``absence_reason``.
    """

    NAME: ClassVar[str] = ATTENDANCE_CHANGED
    present: int
    expected: int
    quorum_met: bool
    user_id: int | UnsetType = UNSET
    checked_in: bool | UnsetType = UNSET
    seat: str | UnsetType | None = UNSET
    absence_reason: str | UnsetType | None = UNSET


class AgendaActivated(EventData):
    NAME: ClassVar[str] = AGENDA_ACTIVATED
    item_id: int


# --- speakers --------------------------------------------------------------------


class SpeakerRequested(EventData):
    NAME: ClassVar[str] = SPEAKER_REQUESTED
    request_id: int
    user_id: int
    requested_at: str | UnsetType = UNSET
    """Absent: the event's own time."""


class SpeakerWithdrawn(EventData):
    NAME: ClassVar[str] = SPEAKER_WITHDRAWN
    request_id: int
    user_id: int | UnsetType = UNSET
    by: int | UnsetType = UNSET
    """Who withdrew it: the requester, or the chair."""


class SpeakerGranted(EventData):
    NAME: ClassVar[str] = SPEAKER_GRANTED
    request_id: int
    user_id: int | UnsetType = UNSET
    seat: str | None = None
    limit_s: int | None = None
    granted_at: str | UnsetType = UNSET
    """Absent: the event's own time."""


class SpeakerFinished(EventData):
    NAME: ClassVar[str] = SPEAKER_FINISHED
    request_id: int
    user_id: int | UnsetType = UNSET
    duration_s: int | UnsetType = UNSET


# --- voting ----------------------------------------------------------------------


class Ballot(msgspec.Struct):
    """One named ballot of an open (not secret) poll."""

    user_id: int
    choice: str


class PollCreated(EventData, kw_only=True):
    NAME: ClassVar[str] = POLL_CREATED
    poll_id: int
    title: str
    agenda_item_id: int | None = None
    secret: bool
    options: list[str]
    majority: str
    eligible: int = 0


class PollOpened(EventData):
    NAME: ClassVar[str] = POLL_OPENED
    poll_id: int
    eligible: int = 0
    options: list[str] | UnsetType = UNSET
    secret: bool | UnsetType = UNSET


class PollProgress(EventData):
    NAME: ClassVar[str] = POLL_PROGRESS
    poll_id: int
    cast: int
    eligible: int


class PollClosed(EventData):
    """Also the reply to ``poll.close``. ``ballots`` only for a poll that is not secret."""

    NAME: ClassVar[str] = POLL_CLOSED
    poll_id: int
    tally: dict[str, int]
    cast: int
    eligible: int
    outcome: str | None = None
    majority: str | UnsetType = UNSET
    secret: bool | UnsetType = UNSET
    ballots: list[Ballot] | UnsetType = UNSET


# --- presentation and the hall ------------------------------------------------------


class PresentationPageTurned(EventData):
    NAME: ClassVar[str] = PRESENTATION_PAGE
    document_id: int
    page: int
    presenter_id: int | None = None


class PresentationStopped(EventData):
    NAME: ClassVar[str] = PRESENTATION_STOPPED


class PresenterNamed(EventData):
    NAME: ClassVar[str] = dp.PRESENTATION_PRESENTER
    user_id: int | None = None
    """None: the chair withdrew the designation."""


class HallViewChanged(EventData):
    NAME: ClassVar[str] = hall.HALL_VIEW
    view: str
    poll_id: int | None = None


# --- papers ----------------------------------------------------------------------------


class DocumentAdded(EventData):
    """A paper open to all travels whole (``document``); of a restricted one only its id
    and version (``restricted``): terminals allowed to read it ask ``document.list``."""

    NAME: ClassVar[str] = dp.DOCUMENT_ADDED
    document_id: int
    version: int = 1
    document: DocumentInfo | UnsetType = UNSET
    restricted: bool | UnsetType = UNSET


class DocumentReplaced(DocumentAdded):
    NAME: ClassVar[str] = dp.DOCUMENT_REPLACED


class DocumentRemoved(EventData):
    NAME: ClassVar[str] = dp.DOCUMENT_REMOVED
    document_id: int


class AnnotationChanged(EventData):
    """On ``user:<id>``: names what changed, never the note itself (the log is an audit
    trail)."""

    NAME: ClassVar[str] = dp.ANNOTATION_CHANGED
    document_id: int
    annotation_id: int
    deleted: bool


class SessionElsewhere(EventData):
    """On ``user:<id>``: the same user signed in on another terminal too (a lost badge, a
    shared password); ``terminals`` counts them all."""

    NAME: ClassVar[str] = dp.SESSION_ELSEWHERE
    terminals: int


# --- minutes ---------------------------------------------------------------------------


class MinutesSaved(EventData):
    """Not the text itself: who saved which item, and its new version."""

    NAME: ClassVar[str] = minutes.MINUTES_SAVED
    item_id: int | None
    """None: the general part."""
    version: int
    updated_by: int


class MinutesIssued(EventData):
    NAME: ClassVar[str] = minutes.MINUTES_ISSUED
    number: int
    year: int
    label: str


class NoticeIssued(EventData):
    NAME: ClassVar[str] = minutes.NOTICE_ISSUED
    number: int
    year: int
    label: str
    due_on: str


EVENT_TYPES: dict[str, type[EventData]] = {cls.NAME: cls for cls in (
    MeetingStatusChanged, AttendanceChanged, AgendaActivated,
    SpeakerRequested, SpeakerWithdrawn, SpeakerGranted, SpeakerFinished,
    PollCreated, PollOpened, PollProgress, PollClosed,
    PresentationPageTurned, PresentationStopped, PresenterNamed, HallViewChanged,
    DocumentAdded, DocumentReplaced, DocumentRemoved, AnnotationChanged, SessionElsewhere,
    MinutesSaved, MinutesIssued, NoticeIssued,
)}
"""Every event by name: the meeting room's here; each module's protocol file adds its own
with :func:`register_events` when it is imported."""


def register_events(*classes: type[EventData]) -> None:
    """Add a module's event structs (``meeting_protocol/<module>.py`` calls this once)."""
    for cls in classes:
        known = EVENT_TYPES.setdefault(cls.NAME, cls)
        if known is not cls:
            raise ValueError(f"event {cls.NAME!r} declared twice")


def data_of(payload: EventData) -> dict[str, Any]:
    """The JSON object an event carries (fields in declaration order, UNSET left out)."""
    data: dict[str, Any] = msgspec.to_builtins(payload)
    return data


def decode_data(event: Event) -> EventData | None:
    """The event's payload as its struct; None for an event this terminal does not know.

    Raises:
        MalformedEvent: the data does not fit the event's struct.
    """
    cls = EVENT_TYPES.get(event.event)
    if cls is None:
        return None
    try:
        return msgspec.convert(event.data, cls)
    except msgspec.ValidationError as exc:
        raise MalformedEvent(f"{event.event}: {exc}") from None
