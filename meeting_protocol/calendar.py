"""The work calendar (lịch công tác) on the wire: ``calendar.*`` payloads and events.

PROTOCOL.md ("Work calendar") fixes ``calendar.create``, ``calendar.list`` and
``GET /calendar.ics``; the rest is the project's extension in the same style
(docs/protocol.md, "Work calendar"). Times are ISO 8601 with an offset
(``2026-12-07T08:00:00+07:00``); dates are ``YYYY-MM-DD``; weeks are judged in
Asia/Ho_Chi_Minh and start on Monday.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from meeting_protocol.attachments import AttachmentIds
from meeting_protocol.commands import Id, Payload, Title
from meeting_protocol.events import EventData, register_events

IsoTime = Annotated[str, msgspec.Meta(min_length=10, max_length=40)]
IsoDate = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Place = Annotated[str, msgspec.Meta(max_length=300)]
Notes = Annotated[str, msgspec.Meta(max_length=8000)]
RRule = Annotated[str, msgspec.Meta(min_length=6, max_length=500)]
Ids = Annotated[list[Id], msgspec.Meta(max_length=500)]
Visibility = Literal["public", "involved"]
ConflictKind = Literal["host", "participant", "location"]
Scope = Literal["occurrence", "series"]

CALENDAR_TOPIC = "calendar"
"""Every signed-in user may follow it; its events carry dates, never content."""
CALENDAR_CHANGED = "calendar.changed"
"""``{from, to}``: something in those dates (inclusive) changed — refetch if shown."""
CALENDAR_PUBLISHED = "calendar.published"
"""``{week, version}`` on ``calendar``: the office published (or re-published) a week."""
CALENDAR_SUPERSEDED = "calendar.superseded"
"""``{week, version, event_id}`` on ``user:<id>``: a published week changed for this user."""
CALENDAR_REMINDER = "calendar.reminder"
"""``{event_id, meeting_id, starts_at, minutes}`` on ``user:<id>``: an event begins soon."""

DEFAULT_REMINDER_MIN = 30


class CalendarCreate(Payload):
    TYPE: ClassVar[str] = "calendar.create"
    title: Title
    starts_at: IsoTime
    ends_at: IsoTime
    location: Place | None = None
    host_id: Id | None = None
    participant_ids: Ids = msgspec.field(default_factory=list)
    unit_ids: Ids = msgspec.field(default_factory=list)
    preparing_unit_id: Id | None = None
    notes: Notes | None = None
    rrule: RRule | None = None
    # --- extension
    room_id: Id | None = None
    """A bookable room (``calendar.rooms``); its name becomes the location when none is given."""
    visibility: Visibility = "involved"
    delegate_id: Id | None = None
    """Ủy quyền: who attends in the host's place."""
    attachment_ids: AttachmentIds = msgspec.field(default_factory=list)
    """Staged attachments of the creator (invitation, agenda…), shown by ``calendar.get``."""


class CalendarList(Payload):
    TYPE: ClassVar[str] = "calendar.list"
    from_: IsoDate = msgspec.field(name="from")
    to: IsoDate
    user_id: Id | None = None
    unit_id: Id | None = None
    room_id: Id | None = None


class CalendarGet(Payload):
    TYPE: ClassVar[str] = "calendar.get"
    event_id: Id


class CalendarUpdate(Payload):
    """Only the fields present change. ``occurrence`` (the original ``starts_at`` of one
    occurrence) with ``scope: "occurrence"`` moves or edits that occurrence alone."""

    TYPE: ClassVar[str] = "calendar.update"
    event_id: Id
    scope: Scope = "series"
    occurrence: IsoTime | None = None
    title: Title | msgspec.UnsetType = msgspec.UNSET
    starts_at: IsoTime | msgspec.UnsetType = msgspec.UNSET
    ends_at: IsoTime | msgspec.UnsetType = msgspec.UNSET
    location: Place | msgspec.UnsetType | None = msgspec.UNSET
    room_id: Id | msgspec.UnsetType | None = msgspec.UNSET
    host_id: Id | msgspec.UnsetType | None = msgspec.UNSET
    participant_ids: Ids | msgspec.UnsetType = msgspec.UNSET
    unit_ids: Ids | msgspec.UnsetType = msgspec.UNSET
    preparing_unit_id: Id | msgspec.UnsetType | None = msgspec.UNSET
    notes: Notes | msgspec.UnsetType | None = msgspec.UNSET
    rrule: RRule | msgspec.UnsetType | None = msgspec.UNSET
    visibility: Visibility | msgspec.UnsetType = msgspec.UNSET
    delegate_id: Id | msgspec.UnsetType | None = msgspec.UNSET
    attachment_ids: AttachmentIds = msgspec.field(default_factory=list)
    """Staged attachments to add to the event (the series)."""


class CalendarCancel(Payload):
    TYPE: ClassVar[str] = "calendar.cancel"
    event_id: Id
    scope: Scope = "series"
    occurrence: IsoTime | None = None


class CalendarRooms(Payload):
    TYPE: ClassVar[str] = "calendar.rooms"


class CalendarRoomCreate(Payload):
    TYPE: ClassVar[str] = "calendar.room.create"
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    capacity: Annotated[int, msgspec.Meta(ge=1, le=100_000)]
    location: Place = ""


class CalendarPublish(Payload):
    TYPE: ClassVar[str] = "calendar.publish"
    week: IsoDate
    """Any day of the week (Monday–Sunday, Asia/Ho_Chi_Minh)."""


class CalendarWeekPdf(Payload):
    TYPE: ClassVar[str] = "calendar.week_pdf"
    week: IsoDate


class CalendarSubscribe(Payload):
    TYPE: ClassVar[str] = "calendar.subscribe"
    since: Annotated[int, msgspec.Meta(ge=0, le=2**53 - 1)] = 0


class CalendarReminder(Payload):
    """Without ``minutes``: read the setting; with it: set it (0 turns reminders off)."""

    TYPE: ClassVar[str] = "calendar.reminder"
    minutes: Annotated[int, msgspec.Meta(ge=0, le=7 * 24 * 60)] | None = None


class CalendarHolidays(Payload):
    TYPE: ClassVar[str] = "calendar.holidays"
    from_: IsoDate = msgspec.field(name="from")
    to: IsoDate


CALENDAR_PAYLOADS: dict[str, type[Payload]] = {
    "calendar.create": CalendarCreate,
    "calendar.list": CalendarList,
    "calendar.get": CalendarGet,
    "calendar.update": CalendarUpdate,
    "calendar.cancel": CalendarCancel,
    "calendar.rooms": CalendarRooms,
    "calendar.room.create": CalendarRoomCreate,
    "calendar.publish": CalendarPublish,
    "calendar.week_pdf": CalendarWeekPdf,
    "calendar.subscribe": CalendarSubscribe,
    "calendar.reminder": CalendarReminder,
    "calendar.holidays": CalendarHolidays,
}


# --- events ------------------------------------------------------------------------------


class CalendarChanged(EventData):
    """On ``calendar``: dates a change touched (inclusive; ``to`` null: open-ended)."""

    NAME: ClassVar[str] = CALENDAR_CHANGED
    from_: str = msgspec.field(name="from")
    to: str | None


class CalendarPublished(EventData):
    NAME: ClassVar[str] = CALENDAR_PUBLISHED
    week: str
    version: int


class CalendarSuperseded(EventData):
    """On ``user:<id>``: a published week changed for this user (lịch điều chỉnh)."""

    NAME: ClassVar[str] = CALENDAR_SUPERSEDED
    week: str
    version: int
    event_id: int


class CalendarReminderDue(EventData):
    """On ``user:<id>``: an event or meeting begins within the user's lead time."""

    NAME: ClassVar[str] = CALENDAR_REMINDER
    event_id: int | None
    meeting_id: int | None
    starts_at: str
    minutes: int


register_events(CalendarChanged, CalendarPublished, CalendarSuperseded, CalendarReminderDue)
