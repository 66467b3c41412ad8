"""Typed payloads of every command a terminal may send.

Each payload is decoded strictly (wrong types are errors, never coerced), but
unknown fields are ignored so that newer clients can add optional fields.
The envelope fields ``id``, ``type`` and ``key`` are read separately by
:func:`meeting_protocol.envelope.decode_header`.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

import msgspec

# JSON numbers above 2**53 do not survive a JavaScript client: refuse them.
Id = Annotated[int, msgspec.Meta(ge=1, le=2**53 - 1)]
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
ShortText = Annotated[str, msgspec.Meta(max_length=100)]
Option = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Majority = Literal["simple", "absolute", "two_thirds"]
DEFAULT_OPTIONS = ("yes", "no", "abstain")


class Payload(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    """Base of all command payloads; ``TYPE`` is the command a payload is sent as."""

    TYPE: ClassVar[str] = ""


_NONE_DEFAULTS: dict[type[Payload], tuple[str, ...]] = {}


def fields_of(payload: Payload) -> dict[str, Any]:
    """The payload's fields as they go on the wire.

    An optional field left at its ``None`` default is left out rather than sent as
    ``null``: the server reads both the same way, and a frame then names only what
    the terminal chose (``hall.show`` without ``poll_id``).
    """
    cls = type(payload)
    unset = _NONE_DEFAULTS.get(cls)
    if unset is None:
        unset = _NONE_DEFAULTS[cls] = tuple(
            f.encode_name for f in msgspec.structs.fields(cls) if f.default is None)
    data: dict[str, Any] = msgspec.to_builtins(payload)
    for name in unset:
        if data.get(name, 0) is None:
            del data[name]
    return data


def command_type(payload: Payload) -> str:
    """The command ``payload`` is sent as.

    Raises:
        TypeError: a payload type shared by several commands (use its subclass).
    """
    if not payload.TYPE:
        raise TypeError(f"{type(payload).__name__} names no command")
    return payload.TYPE


# --- session -----------------------------------------------------------------


class AuthLogin(Payload):
    TYPE: ClassVar[str] = "auth.login"
    username: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    password: Annotated[str, msgspec.Meta(max_length=1024)]
    lang: Literal["vi", "en"] | None = None


class AuthResume(Payload):
    TYPE: ClassVar[str] = "auth.resume"
    token: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    lang: Literal["vi", "en"] | None = None


class AuthLogout(Payload):
    TYPE: ClassVar[str] = "auth.logout"


# --- meetings ----------------------------------------------------------------


class MeetingList(Payload):
    TYPE: ClassVar[str] = "meeting.list"


class MeetingSubscribe(Payload):
    TYPE: ClassVar[str] = "meeting.subscribe"
    meeting_id: Id
    since: Annotated[int, msgspec.Meta(ge=0, le=2**53 - 1)] = 0


class MeetingUnsubscribe(Payload):
    TYPE: ClassVar[str] = "meeting.unsubscribe"
    meeting_id: Id


class MeetingStart(Payload):
    TYPE: ClassVar[str] = "meeting.start"
    meeting_id: Id


class MeetingEnd(Payload):
    TYPE: ClassVar[str] = "meeting.end"
    meeting_id: Id


class MeetingTimeline(Payload):
    TYPE: ClassVar[str] = "meeting.timeline"
    meeting_id: Id
    after: Annotated[int, msgspec.Meta(ge=0)] = 0
    limit: Annotated[int, msgspec.Meta(ge=1, le=5000)] = 1000


class AttendanceCheckIn(Payload):
    TYPE: ClassVar[str] = "attendance.check_in"
    meeting_id: Id
    seat: Annotated[str, msgspec.Meta(max_length=20)] | None = None


class AttendanceCheckOut(Payload):
    TYPE: ClassVar[str] = "attendance.check_out"
    meeting_id: Id


class AttendanceSetAbsence(Payload):
    TYPE: ClassVar[str] = "attendance.set_absence"
    meeting_id: Id
    user_id: Id
    reason: Annotated[str, msgspec.Meta(max_length=500)] | None = None


class AgendaActivate(Payload):
    TYPE: ClassVar[str] = "agenda.activate"
    meeting_id: Id
    item_id: Id


# --- speakers ----------------------------------------------------------------


class SpeakerRequest(Payload):
    TYPE: ClassVar[str] = "speaker.request"
    meeting_id: Id


class SpeakerWithdraw(Payload):
    TYPE: ClassVar[str] = "speaker.withdraw"
    request_id: Id


class SpeakerGrant(Payload):
    TYPE: ClassVar[str] = "speaker.grant"
    request_id: Id
    limit_s: Annotated[int, msgspec.Meta(ge=10, le=3600)] | None = None


class SpeakerFinish(Payload):
    TYPE: ClassVar[str] = "speaker.finish"
    request_id: Id


# --- voting ------------------------------------------------------------------


class PollCreate(Payload):
    TYPE: ClassVar[str] = "poll.create"
    meeting_id: Id
    title: Title
    agenda_item_id: Id | None = None
    secret: bool = False
    options: Annotated[list[Option], msgspec.Meta(min_length=2, max_length=20)] = msgspec.field(
        default_factory=lambda: list(DEFAULT_OPTIONS)
    )
    majority: Majority | None = None


class PollOpen(Payload):
    TYPE: ClassVar[str] = "poll.open"
    poll_id: Id


class PollCast(Payload):
    TYPE: ClassVar[str] = "poll.cast"
    poll_id: Id
    choice: Option


class PollClose(Payload):
    TYPE: ClassVar[str] = "poll.close"
    poll_id: Id


# --- presentation ------------------------------------------------------------


class PresentationPage(Payload):
    TYPE: ClassVar[str] = "presentation.page"
    meeting_id: Id
    document_id: Id
    page: Annotated[int, msgspec.Meta(ge=1, le=100_000)]


COMMAND_PAYLOADS: dict[str, type[Payload]] = {cls.TYPE: cls for cls in (
    AuthLogin, AuthResume, AuthLogout,
    MeetingList, MeetingSubscribe, MeetingUnsubscribe, MeetingStart, MeetingEnd,
    MeetingTimeline, AttendanceCheckIn, AttendanceCheckOut, AttendanceSetAbsence,
    AgendaActivate,
    SpeakerRequest, SpeakerWithdraw, SpeakerGrant, SpeakerFinish,
    PollCreate, PollOpen, PollCast, PollClose,
    PresentationPage,
)}
"""Every command of the core and its extensions; other modules add theirs."""

READ_ONLY_COMMANDS = frozenset(
    {"auth.login", "auth.resume", "meeting.list", "meeting.subscribe",
     "meeting.unsubscribe", "meeting.timeline"}
)
"""Commands that change nothing durable; terminals send no idempotency key."""
