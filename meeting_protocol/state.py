"""A meeting's state as terminals see it, and the pure reducer that applies events.

The server builds :class:`Snapshot` from its tables; a terminal builds the same
value from a snapshot plus the events that followed. Tests hold the two equal,
which is what keeps the replicas honest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import msgspec
from msgspec import UNSET

from meeting_protocol import events as ev
from meeting_protocol import preparation as pp
from meeting_protocol.documents import DocumentInfo
from meeting_protocol.envelope import Event
from meeting_protocol.events import Ballot

__all__ = ["Ballot", "Snapshot", "apply_event", "decode_snapshot"]

MeetingStatus = Literal["draft", "scheduled", "in_progress", "ended", "cancelled"]
Role = Literal["chair", "vice_chair", "clerk", "delegate", "guest", "observer", "hall"]
PollStatus = Literal["draft", "open", "closed"]
SpeakerStatus = Literal["waiting", "speaking"]


class MeetingInfo(msgspec.Struct, kw_only=True):
    id: int
    title: str
    starts_at: str
    status: MeetingStatus
    quorum: int
    """Number of delegates that must be checked in."""
    majority: str
    location: str = ""
    body: str = ""
    """The deciding body, e.g. "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI"."""
    started_at: str | None = None
    ended_at: str | None = None
    kind: str = ""
    ends_at: str | None = None
    """Planned end."""
    quorum_rule: str = "half"
    speech_limit_s: int = 300


class AgendaItem(msgspec.Struct, kw_only=True):
    id: int
    title: str
    position: int
    active: bool = False
    taken_up_at: str | None = None
    duration_min: int | None = None
    """Planned duration, for the item timer (planned vs used)."""
    presenter_id: int | None = None
    directive_id: int | None = None
    """The overdue directive this item brings back to the meeting, if any."""


class Participant(msgspec.Struct, kw_only=True):
    user_id: int
    username: str
    full_name: str
    role: Role
    seat: str | None = None
    present: bool = False
    absence_reason: str | None = None
    reply: str | None = None
    """The answer to the invitation: ``attend``, ``absent`` or none yet."""


class Attendance(msgspec.Struct, kw_only=True):
    present: int
    expected: int
    quorum_met: bool


class Speaker(msgspec.Struct, kw_only=True):
    request_id: int
    user_id: int
    status: SpeakerStatus
    requested_at: str
    granted_at: str | None = None
    limit_s: int | None = None
    seat: str | None = None


class Poll(msgspec.Struct, kw_only=True):
    poll_id: int
    title: str
    agenda_item_id: int | None
    secret: bool
    options: list[str]
    majority: str
    status: PollStatus
    cast: int = 0
    eligible: int = 0
    tally: dict[str, int] | None = None
    outcome: str | None = None
    ballots: list[Ballot] | None = None
    opened_at: str | None = None
    closed_at: str | None = None


class Presentation(msgspec.Struct, kw_only=True):
    document_id: int
    page: int
    presenter_id: int | None = None


class HallChoice(msgspec.Struct, kw_only=True):
    view: str
    """``auto``, ``item``, ``speaker``, ``result`` or ``attendance``."""
    poll_id: int | None = None


class Snapshot(msgspec.Struct, kw_only=True):
    meeting: MeetingInfo
    agenda: list[AgendaItem]
    participants: list[Participant]
    attendance: Attendance
    speakers: list[Speaker]
    polls: list[Poll]
    presentation: Presentation | None = None
    documents: list[DocumentInfo] = msgspec.field(default_factory=list)
    """Papers open to every participant (access ``all``). Restricted papers never
    enter the shared state: whoever may read them gets them from ``document.list``."""
    designated_presenter: int | None = None
    """Who besides the chair may turn everyone's pages (``presentation.presenter``)."""
    hall: HallChoice | None = None
    """What the chair pinned on the hall screens; None means automatic."""
    seat_plan: list[dict[str, Any]] | None = None
    """The chamber layout (``seatplan.save``): blocks of rows of seat labels."""


def decode_snapshot(data: Any) -> Snapshot:
    return msgspec.convert(data, Snapshot)


def _replace(obj: Any, **changes: Any) -> Any:
    return msgspec.structs.replace(obj, **changes)


def _with_poll(state: Snapshot, poll_id: int, **changes: Any) -> Snapshot:
    polls = [_replace(p, **changes) if p.poll_id == poll_id else p for p in state.polls]
    return _replace(state, polls=polls)


def apply_event(state: Snapshot, event: Event) -> Snapshot:
    """Return the state after ``event``; unknown events leave it unchanged.

    The event's data is decoded into the struct the server emitted and handed to
    that event's reducer. Never mutates ``state``: observers may still hold the
    previous value.

    Raises:
        MalformedEvent: the data does not fit its event's struct (state unchanged).
    """
    handler = _REDUCERS.get(event.event)
    if handler is None:
        return state
    return handler(state, ev.decode_data(event), event.at)


def _meeting_status(state: Snapshot, d: ev.MeetingStatusChanged, _at: str) -> Snapshot:
    meeting = _replace(
        state.meeting,
        status=d.status,
        started_at=_or(d.started_at, state.meeting.started_at),
        ended_at=_or(d.ended_at, state.meeting.ended_at),
    )
    return _replace(state, meeting=meeting)


def _attendance_changed(state: Snapshot, d: ev.AttendanceChanged, _at: str) -> Snapshot:
    attendance = Attendance(present=d.present, expected=d.expected, quorum_met=d.quorum_met)
    participants = state.participants
    if d.user_id is not UNSET:
        participants = [
            _replace(
                p,
                present=_or(d.checked_in, p.present),
                seat=_or(d.seat, p.seat),
                absence_reason=_or(d.absence_reason, p.absence_reason),
            )
            if p.user_id == d.user_id
            else p
            for p in participants
        ]
    return _replace(state, attendance=attendance, participants=participants)


def _agenda_activated(state: Snapshot, d: ev.AgendaActivated, at: str) -> Snapshot:
    agenda = [
        _replace(
            a,
            active=a.id == d.item_id,
            taken_up_at=(at if a.id == d.item_id and a.taken_up_at is None
                         else a.taken_up_at),
        )
        for a in state.agenda
    ]
    return _replace(state, agenda=agenda)


def _speaker_requested(state: Snapshot, d: ev.SpeakerRequested, at: str) -> Snapshot:
    speaker = Speaker(request_id=d.request_id, user_id=d.user_id, status="waiting",
                      requested_at=_or(d.requested_at, at))
    return _replace(state, speakers=[*state.speakers, speaker])


def _speaker_left(state: Snapshot, d: ev.SpeakerWithdrawn | ev.SpeakerFinished,
                  _at: str) -> Snapshot:
    speakers = [s for s in state.speakers if s.request_id != d.request_id]
    return _replace(state, speakers=speakers)


def _speaker_granted(state: Snapshot, d: ev.SpeakerGranted, at: str) -> Snapshot:
    speakers = [
        _replace(s, status="speaking", granted_at=_or(d.granted_at, at), limit_s=d.limit_s,
                 seat=d.seat)
        if s.request_id == d.request_id
        else s
        for s in state.speakers
    ]
    return _replace(state, speakers=speakers)


def _poll_created(state: Snapshot, d: ev.PollCreated, _at: str) -> Snapshot:
    poll = Poll(
        poll_id=d.poll_id, title=d.title, agenda_item_id=d.agenda_item_id, secret=d.secret,
        options=list(d.options), majority=d.majority, status="draft", eligible=d.eligible,
    )
    return _replace(state, polls=[*state.polls, poll])


def _poll_opened(state: Snapshot, d: ev.PollOpened, at: str) -> Snapshot:
    return _with_poll(state, d.poll_id, status="open", opened_at=at, eligible=d.eligible,
                      cast=0)


def _poll_progress(state: Snapshot, d: ev.PollProgress, _at: str) -> Snapshot:
    current = next((p for p in state.polls if p.poll_id == d.poll_id), None)
    if current is None or current.status != "open":
        return state
    return _with_poll(state, d.poll_id, cast=d.cast, eligible=d.eligible)


def _poll_closed(state: Snapshot, d: ev.PollClosed, at: str) -> Snapshot:
    return _with_poll(
        state, d.poll_id, status="closed", closed_at=at, tally=d.tally, cast=d.cast,
        eligible=d.eligible, outcome=d.outcome, ballots=_or(d.ballots, None),
    )


def _presentation_page(state: Snapshot, d: ev.PresentationPageTurned, _at: str) -> Snapshot:
    presentation = Presentation(document_id=d.document_id, page=d.page,
                                presenter_id=d.presenter_id)
    return _replace(state, presentation=presentation)


def _presentation_stopped(state: Snapshot, _d: ev.PresentationStopped, _at: str) -> Snapshot:
    return _replace(state, presentation=None)


def _hall_view(state: Snapshot, d: ev.HallViewChanged, _at: str) -> Snapshot:
    choice = None if d.view == "auto" else HallChoice(view=d.view, poll_id=d.poll_id)
    return _replace(state, hall=choice)


def _presenter_named(state: Snapshot, d: ev.PresenterNamed, _at: str) -> Snapshot:
    return _replace(state, designated_presenter=d.user_id)


def _document_removed(state: Snapshot, d: ev.DocumentRemoved, _at: str) -> Snapshot:
    rest = [doc for doc in state.documents if doc.id != d.document_id]
    return _replace(state, documents=rest) if len(rest) != len(state.documents) else state


def _document_added(state: Snapshot, d: ev.DocumentAdded, at: str) -> Snapshot:
    """Papers open to all travel whole; restricted ones only as a hint to re-list.

    A restricted paper's event carries no title or hash (everyone in the meeting
    receives it); terminals allowed to read it ask ``document.list``.
    """
    info = d.document
    if info is UNSET:  # restricted now: whatever this replica showed of it is stale
        return _document_removed(state, ev.DocumentRemoved(document_id=d.document_id), at)
    rest = [doc for doc in state.documents if doc.id != d.document_id]
    if isinstance(d, ev.DocumentReplaced):
        documents = [info if doc.id == d.document_id else doc for doc in state.documents]
        if len(rest) == len(state.documents):
            documents.append(info)
        return _replace(state, documents=documents)
    return _replace(state, documents=[*rest, info])


# --- preparing meetings (meeting_protocol.preparation) -----------------------------------


_MEETING_FIELDS = ("title", "starts_at", "ends_at", "status", "quorum", "majority",
                   "location", "body", "kind", "quorum_rule", "speech_limit_s")


def _meeting_updated(state: Snapshot, d: pp.MeetingUpdated, _at: str) -> Snapshot:
    fields = {f: getattr(d, f) for f in _MEETING_FIELDS if getattr(d, f) is not UNSET}
    return _replace(state, meeting=_replace(state.meeting, **fields))


def _agenda_changed(state: Snapshot, d: pp.AgendaChanged, _at: str) -> Snapshot:
    return _replace(state, agenda=[msgspec.convert(a, AgendaItem) for a in d.agenda])


def _seat_plan_changed(state: Snapshot, d: pp.SeatPlanChanged, _at: str) -> Snapshot:
    return _replace(state, seat_plan=d.seat_plan)


def _invitation_replied(state: Snapshot, d: pp.InvitationReplied, _at: str) -> Snapshot:
    people = [_replace(p, reply=d.reply, absence_reason=d.absence_reason)
              if p.user_id == d.user_id else p for p in state.participants]
    return _replace(state, participants=people)


def _participants_changed(state: Snapshot, d: Any, _at: str) -> Snapshot:
    """Added, updated or removed: the person, the new quorum and attendance."""
    attendance = msgspec.convert(d.attendance, Attendance)
    meeting = _replace(state.meeting, quorum=d.quorum)
    if isinstance(d, pp.ParticipantRemoved):
        people = [p for p in state.participants if p.user_id != d.user_id]
    else:
        person = msgspec.convert(d.participant, Participant)
        people = sorted([*(p for p in state.participants if p.user_id != person.user_id),
                         person], key=lambda p: p.user_id)
    return _replace(state, participants=people, attendance=attendance, meeting=meeting)


def _or(value: Any, default: Any) -> Any:
    """``value`` unless the event left it out."""
    return default if value is UNSET else value


Reducer = Callable[[Snapshot, Any, str], Snapshot]
"""``(state, event payload, event time) -> new state``."""

_REDUCERS: dict[str, Reducer] = {
    ev.MEETING_STATUS: _meeting_status,
    ev.ATTENDANCE_CHANGED: _attendance_changed,
    ev.AGENDA_ACTIVATED: _agenda_activated,
    ev.SPEAKER_REQUESTED: _speaker_requested,
    ev.SPEAKER_WITHDRAWN: _speaker_left,
    ev.SPEAKER_FINISHED: _speaker_left,
    ev.SPEAKER_GRANTED: _speaker_granted,
    ev.POLL_CREATED: _poll_created,
    ev.POLL_OPENED: _poll_opened,
    ev.POLL_PROGRESS: _poll_progress,
    ev.POLL_CLOSED: _poll_closed,
    ev.PRESENTATION_PAGE: _presentation_page,
    ev.PRESENTATION_STOPPED: _presentation_stopped,
    ev.HallViewChanged.NAME: _hall_view,
    ev.PresenterNamed.NAME: _presenter_named,
    ev.DocumentAdded.NAME: _document_added,
    ev.DocumentReplaced.NAME: _document_added,
    ev.DocumentRemoved.NAME: _document_removed,
    pp.MeetingUpdated.NAME: _meeting_updated,
    pp.AgendaChanged.NAME: _agenda_changed,
    pp.SeatPlanChanged.NAME: _seat_plan_changed,
    pp.InvitationReplied.NAME: _invitation_replied,
    pp.ParticipantAdded.NAME: _participants_changed,
    pp.ParticipantUpdated.NAME: _participants_changed,
    pp.ParticipantRemoved.NAME: _participants_changed,
}
"""The events that change the shared state; others (minutes, annotations) leave it be."""

REDUCED_EVENTS = frozenset(_REDUCERS)
"""Names of the events :func:`apply_event` applies."""
