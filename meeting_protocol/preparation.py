"""Payloads and events of preparing meetings (PROTOCOL.md "Preparing meetings").

Drafting a meeting, its agenda, participants, seats, rules, invitations and publishing.
The commands are declared by the server's meetings module (``payload=`` in its
CommandSet); docs/protocol.md ("Preparing meetings") describes them.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

import msgspec
from msgspec import UNSET, UnsetType

from meeting_protocol.commands import Id, Majority, Payload, Title
from meeting_protocol.events import EventData, register_events

Instant = Annotated[str, msgspec.Meta(min_length=10, max_length=40)]
"""ISO 8601 with an offset (``2026-12-07T08:00:00+07:00``); checked by the server."""
Text300 = Annotated[str, msgspec.Meta(max_length=300)]
Reason = Annotated[str, msgspec.Meta(max_length=1000)]
Seat = Annotated[str, msgspec.Meta(max_length=20)]
Minutes = Annotated[int, msgspec.Meta(ge=0, le=24 * 60)]
Position = Annotated[int, msgspec.Meta(ge=1, le=10_000)]
QuorumRule = Literal["half", "two_thirds"]
Kind = Literal["hdnd_session", "ubnd_session", "briefing", "thematic", "online"]
"""Kỳ họp HĐND, phiên họp UBND, họp giao ban, họp chuyên đề, họp trực tuyến."""
KINDS: tuple[str, ...] = ("hdnd_session", "ubnd_session", "briefing", "thematic", "online")
ParticipantRole = Literal["chair", "vice_chair", "clerk", "delegate", "guest", "observer"]
Reply = Literal["attend", "absent"]

# Events on ``meeting:<id>``.
MEETING_UPDATED = "meeting.updated"
"""The meeting's general fields (title, times, rules, ``quorum``…): those that changed."""
AGENDA_CHANGED = "agenda.changed"
"""``{agenda: [{id, title, position, active, taken_up_at, duration_min, presenter_id}]}``."""
PARTICIPANT_ADDED = "participant.added"
PARTICIPANT_UPDATED = "participant.updated"
PARTICIPANT_REMOVED = "participant.removed"
"""Each with ``participant`` (or ``user_id`` when removed) and ``attendance``."""
INVITATION_REPLIED = "invitation.replied"
"""``{user_id, reply, reason}``."""
SEAT_PLAN_CHANGED = "seatplan.changed"
"""``{seat_plan}``: the chamber layout."""
# Event on each participant's ``user:<id>``.
MEETING_CHANGED = "meeting.changed"
"""``{meeting_id, title, starts_at, status, change}``: published, updated, cancelled."""


class MeetingCreate(Payload):
    TYPE: ClassVar[str] = "meeting.create"
    title: Title
    starts_at: Instant
    ends_at: Instant | None = None
    location: Text300 = ""
    kind: Kind = "hdnd_session"
    body: Text300 = ""
    """The presiding body, for the minutes' header (e.g. HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ …)."""
    quorum_rule: QuorumRule | None = None
    """Default: the kind's rule (``meeting.defaults``), else ``half``."""
    majority: Majority | None = None
    speech_limit_s: Annotated[int, msgspec.Meta(ge=30, le=3600)] | None = None


class MeetingUpdate(Payload):
    """Only the fields given change; rules are fixed once the meeting has started."""

    TYPE: ClassVar[str] = "meeting.update"
    meeting_id: Id
    title: Title | None = None
    starts_at: Instant | None = None
    ends_at: Instant | None = None
    location: Text300 | None = None
    kind: Kind | None = None
    body: Text300 | None = None
    quorum_rule: QuorumRule | None = None
    majority: Majority | None = None
    speech_limit_s: Annotated[int, msgspec.Meta(ge=30, le=3600)] | None = None


class MeetingCopy(Payload):
    """A new draft from ``meeting_id``: its agenda, participants, seats and rules."""

    TYPE: ClassVar[str] = "meeting.copy"
    meeting_id: Id
    starts_at: Instant
    title: Title | None = None
    ends_at: Instant | None = None


class MeetingPublish(Payload):
    TYPE: ClassVar[str] = "meeting.publish"
    meeting_id: Id


class MeetingCancel(Payload):
    TYPE: ClassVar[str] = "meeting.cancel"
    meeting_id: Id
    reason: Reason = ""


class MeetingDefaults(Payload):
    """The admin's default rules for a kind of meeting."""

    TYPE: ClassVar[str] = "meeting.defaults"
    kind: Kind
    quorum_rule: QuorumRule
    majority: Majority = "absolute"


class MeetingKinds(Payload):
    TYPE: ClassVar[str] = "meeting.kinds"
    pass


class ParticipantAdd(Payload):
    TYPE: ClassVar[str] = "participant.add"
    meeting_id: Id
    user_id: Id
    role: ParticipantRole = "delegate"
    seat: Seat | None = None


class ParticipantUpdate(Payload):
    TYPE: ClassVar[str] = "participant.update"
    meeting_id: Id
    user_id: Id
    role: ParticipantRole | None = None
    seat: Seat | None = None
    """An empty string frees the seat; null leaves it."""


class ParticipantRemove(Payload):
    TYPE: ClassVar[str] = "participant.remove"
    meeting_id: Id
    user_id: Id


class ParticipantAddUnit(Payload):
    TYPE: ClassVar[str] = "participant.add_unit"
    meeting_id: Id
    unit_id: Id
    role: ParticipantRole = "delegate"


class AgendaAdd(Payload):
    TYPE: ClassVar[str] = "agenda.add"
    meeting_id: Id
    title: Title
    position: Position | None = None
    duration_min: Minutes | None = None
    presenter_id: Id | None = None
    directive_id: Id | None = None
    """An overdue directive put on the agenda ("việc chưa hoàn thành"); once per meeting."""


class AgendaUpdate(Payload):
    TYPE: ClassVar[str] = "agenda.update"
    meeting_id: Id
    item_id: Id
    title: Title | None = None
    duration_min: Minutes | None = None
    presenter_id: Id | None = None
    clear_presenter: bool = False


class AgendaRemove(Payload):
    TYPE: ClassVar[str] = "agenda.remove"
    meeting_id: Id
    item_id: Id


class AgendaMove(Payload):
    TYPE: ClassVar[str] = "agenda.move"
    meeting_id: Id
    item_id: Id
    position: Position


class InvitationReply(Payload):
    TYPE: ClassVar[str] = "invitation.reply"
    meeting_id: Id
    reply: Reply
    reason: Reason = ""


class InvitationRender(Payload):
    TYPE: ClassVar[str] = "invitation.render"
    meeting_id: Id


class SeatBlock(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    """A block of seats: ``rows`` × ``cols`` seats named ``<prefix><row letter><nn>``…

    or an explicit ``seats`` list (the presidium: ``["CT", "PCT1", "TK"]``).
    """

    name: Annotated[str, msgspec.Meta(max_length=100)] = ""
    seats: Annotated[list[Annotated[list[Seat], msgspec.Meta(max_length=100)]],
                     msgspec.Meta(max_length=100)]
    """Rows of seat labels, front row first; an empty label is an aisle."""
    presidium: bool = False


class SeatPlanSave(Payload):
    TYPE: ClassVar[str] = "seatplan.save"
    meeting_id: Id
    blocks: Annotated[list[SeatBlock], msgspec.Meta(max_length=20)]


class MeetingGet(Payload):
    TYPE: ClassVar[str] = "meeting.get"
    meeting_id: Id


class ParticipantCandidates(Payload):
    TYPE: ClassVar[str] = "participant.candidates"
    meeting_id: Id


PREPARATION_PAYLOADS: dict[str, type[Payload]] = {
    "meeting.get": MeetingGet,
    "participant.candidates": ParticipantCandidates,
    "meeting.create": MeetingCreate,
    "meeting.update": MeetingUpdate,
    "meeting.copy": MeetingCopy,
    "meeting.cancel": MeetingCancel,
    "meeting.publish": MeetingPublish,
    "meeting.defaults": MeetingDefaults,
    "meeting.kinds": MeetingKinds,
    "participant.add": ParticipantAdd,
    "participant.update": ParticipantUpdate,
    "participant.remove": ParticipantRemove,
    "participant.add_unit": ParticipantAddUnit,
    "agenda.add": AgendaAdd,
    "agenda.update": AgendaUpdate,
    "agenda.remove": AgendaRemove,
    "agenda.move": AgendaMove,
    "invitation.reply": InvitationReply,
    "invitation.render": InvitationRender,
    "seatplan.save": SeatPlanSave,
}


# --- events ----------------------------------------------------------------------------


class MeetingUpdated(EventData):
    """The meeting's general fields that changed (all of them when it is created)."""

    NAME: ClassVar[str] = MEETING_UPDATED
    title: str | UnsetType = UNSET
    starts_at: str | UnsetType = UNSET
    ends_at: str | UnsetType | None = UNSET
    status: str | UnsetType = UNSET
    quorum: int | UnsetType = UNSET
    majority: str | UnsetType = UNSET
    location: str | UnsetType = UNSET
    body: str | UnsetType = UNSET
    kind: str | UnsetType = UNSET
    quorum_rule: str | UnsetType = UNSET
    speech_limit_s: int | UnsetType = UNSET
    copied_from: int | UnsetType = UNSET


class AgendaChanged(EventData):
    NAME: ClassVar[str] = AGENDA_CHANGED
    agenda: list[dict[str, Any]]


class ParticipantAdded(EventData):
    NAME: ClassVar[str] = PARTICIPANT_ADDED
    quorum: int
    attendance: dict[str, Any]
    participant: dict[str, Any]


class ParticipantUpdated(EventData):
    NAME: ClassVar[str] = PARTICIPANT_UPDATED
    quorum: int
    attendance: dict[str, Any]
    participant: dict[str, Any]


class ParticipantRemoved(EventData):
    NAME: ClassVar[str] = PARTICIPANT_REMOVED
    quorum: int
    attendance: dict[str, Any]
    user_id: int


class InvitationReplied(EventData):
    NAME: ClassVar[str] = INVITATION_REPLIED
    user_id: int
    reply: str
    absence_reason: str | None = None


class SeatPlanChanged(EventData):
    NAME: ClassVar[str] = SEAT_PLAN_CHANGED
    seat_plan: list[dict[str, Any]] | None


class MeetingChanged(EventData):
    """On ``user:<id>``: a meeting of this user was published, changed or cancelled."""

    NAME: ClassVar[str] = MEETING_CHANGED
    meeting_id: int
    title: str
    starts_at: str
    status: str
    change: str


register_events(MeetingUpdated, AgendaChanged, ParticipantAdded, ParticipantUpdated,
                ParticipantRemoved, InvitationReplied, SeatPlanChanged, MeetingChanged)
