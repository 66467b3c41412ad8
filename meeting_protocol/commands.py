"""Typed payloads of every command a terminal may send.

Each payload is decoded strictly (wrong types are errors, never coerced), but
unknown fields are ignored so that newer clients can add optional fields.
The envelope fields ``id``, ``type`` and ``key`` are read separately by
:func:`meeting_protocol.envelope.decode_header`.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

# JSON numbers above 2**53 do not survive a JavaScript client: refuse them.
Id = Annotated[int, msgspec.Meta(ge=1, le=2**53 - 1)]
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
ShortText = Annotated[str, msgspec.Meta(max_length=100)]
Option = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Majority = Literal["simple", "absolute", "two_thirds"]
DEFAULT_OPTIONS = ("yes", "no", "abstain")


class Payload(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    """Base of all command payloads."""


# --- session -----------------------------------------------------------------


class AuthLogin(Payload):
    username: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    password: Annotated[str, msgspec.Meta(max_length=1024)]
    lang: Literal["vi", "en"] | None = None


class AuthResume(Payload):
    token: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    lang: Literal["vi", "en"] | None = None


class AuthLogout(Payload):
    pass


# --- meetings ----------------------------------------------------------------


class MeetingList(Payload):
    pass


class MeetingSubscribe(Payload):
    meeting_id: Id
    since: Annotated[int, msgspec.Meta(ge=0, le=2**53 - 1)] = 0


class MeetingUnsubscribe(Payload):
    meeting_id: Id


class MeetingStart(Payload):
    meeting_id: Id


class MeetingEnd(Payload):
    meeting_id: Id


class MeetingTimeline(Payload):
    meeting_id: Id
    after: Annotated[int, msgspec.Meta(ge=0)] = 0
    limit: Annotated[int, msgspec.Meta(ge=1, le=5000)] = 1000


class AttendanceCheckIn(Payload):
    meeting_id: Id
    seat: Annotated[str, msgspec.Meta(max_length=20)] | None = None


class AttendanceCheckOut(Payload):
    meeting_id: Id


class AttendanceSetAbsence(Payload):
    meeting_id: Id
    user_id: Id
    reason: Annotated[str, msgspec.Meta(max_length=500)] | None = None


class AgendaActivate(Payload):
    meeting_id: Id
    item_id: Id


# --- speakers ----------------------------------------------------------------


class SpeakerRequest(Payload):
    meeting_id: Id


class SpeakerWithdraw(Payload):
    request_id: Id


class SpeakerGrant(Payload):
    request_id: Id
    limit_s: Annotated[int, msgspec.Meta(ge=10, le=3600)] | None = None


class SpeakerFinish(Payload):
    request_id: Id


# --- voting ------------------------------------------------------------------


class PollCreate(Payload):
    meeting_id: Id
    title: Title
    agenda_item_id: Id | None = None
    secret: bool = False
    options: Annotated[list[Option], msgspec.Meta(min_length=2, max_length=20)] = msgspec.field(
        default_factory=lambda: list(DEFAULT_OPTIONS)
    )
    majority: Majority | None = None


class PollOpen(Payload):
    poll_id: Id


class PollCast(Payload):
    poll_id: Id
    choice: Option


class PollClose(Payload):
    poll_id: Id


class PollVoters(Payload):
    poll_id: Id


# --- presentation ------------------------------------------------------------


class PresentationPage(Payload):
    meeting_id: Id
    document_id: Id
    page: Annotated[int, msgspec.Meta(ge=1, le=100_000)]


COMMAND_PAYLOADS: dict[str, type[Payload]] = {
    "auth.login": AuthLogin,
    "auth.resume": AuthResume,
    "auth.logout": AuthLogout,
    "meeting.list": MeetingList,
    "meeting.subscribe": MeetingSubscribe,
    "meeting.unsubscribe": MeetingUnsubscribe,
    "meeting.start": MeetingStart,
    "meeting.end": MeetingEnd,
    "meeting.timeline": MeetingTimeline,
    "attendance.check_in": AttendanceCheckIn,
    "attendance.check_out": AttendanceCheckOut,
    "attendance.set_absence": AttendanceSetAbsence,
    "agenda.activate": AgendaActivate,
    "speaker.request": SpeakerRequest,
    "speaker.withdraw": SpeakerWithdraw,
    "speaker.grant": SpeakerGrant,
    "speaker.finish": SpeakerFinish,
    "poll.create": PollCreate,
    "poll.open": PollOpen,
    "poll.cast": PollCast,
    "poll.close": PollClose,
    "poll.voters": PollVoters,
    "presentation.page": PresentationPage,
}
"""Every command of the core and its extensions; other modules add theirs."""

READ_ONLY_COMMANDS = frozenset(
    {"auth.login", "auth.resume", "meeting.list", "meeting.subscribe",
     "meeting.unsubscribe", "meeting.timeline", "poll.voters"}
)
"""Commands that change nothing durable; terminals send no idempotency key."""
