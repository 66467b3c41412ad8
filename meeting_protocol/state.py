"""A meeting's state as terminals see it, and the pure reducer that applies events.

The server builds :class:`Snapshot` from its tables; a terminal builds the same
value from a snapshot plus the events that followed. Tests hold the two equal,
which is what keeps the replicas honest.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

from meeting_protocol.documents import DocumentInfo
from meeting_protocol.envelope import Event

MeetingStatus = Literal["draft", "scheduled", "in_progress", "ended", "cancelled"]
Role = Literal["chair", "vice_chair", "clerk", "delegate", "guest", "observer"]
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


class Ballot(msgspec.Struct):
    user_id: int
    choice: str


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

    Never mutates ``state``: observers may still hold the previous value.
    """
    d = event.data
    name = event.event
    if name == "meeting.status":
        meeting = _replace(
            state.meeting,
            status=d["status"],
            started_at=d.get("started_at", state.meeting.started_at),
            ended_at=d.get("ended_at", state.meeting.ended_at),
        )
        return _replace(state, meeting=meeting)
    if name == "attendance.changed":
        attendance = Attendance(
            present=d["present"], expected=d["expected"], quorum_met=d["quorum_met"]
        )
        participants = state.participants
        user_id = d.get("user_id")
        if user_id is not None:
            participants = [
                _replace(
                    p,
                    present=d.get("checked_in", p.present),
                    seat=d.get("seat", p.seat),
                    absence_reason=d.get("absence_reason", p.absence_reason),
                )
                if p.user_id == user_id
                else p
                for p in participants
            ]
        return _replace(state, attendance=attendance, participants=participants)
    if name == "agenda.activated":
        agenda = [
            _replace(
                a,
                active=a.id == d["item_id"],
                taken_up_at=(event.at if a.id == d["item_id"] and a.taken_up_at is None
                             else a.taken_up_at),
            )
            for a in state.agenda
        ]
        return _replace(state, agenda=agenda)
    if name == "speaker.requested":
        speaker = Speaker(
            request_id=d["request_id"], user_id=d["user_id"], status="waiting",
            requested_at=d.get("requested_at", event.at),
        )
        return _replace(state, speakers=[*state.speakers, speaker])
    if name in ("speaker.withdrawn", "speaker.finished"):
        speakers = [s for s in state.speakers if s.request_id != d["request_id"]]
        return _replace(state, speakers=speakers)
    if name == "speaker.granted":
        speakers = [
            _replace(s, status="speaking", granted_at=d.get("granted_at", event.at),
                     limit_s=d.get("limit_s"), seat=d.get("seat"))
            if s.request_id == d["request_id"]
            else s
            for s in state.speakers
        ]
        return _replace(state, speakers=speakers)
    if name == "poll.created":
        poll = Poll(
            poll_id=d["poll_id"], title=d["title"], agenda_item_id=d.get("agenda_item_id"),
            secret=d["secret"], options=list(d["options"]), majority=d["majority"],
            status="draft", eligible=d.get("eligible", 0),
        )
        return _replace(state, polls=[*state.polls, poll])
    if name == "poll.opened":
        return _with_poll(state, d["poll_id"], status="open", opened_at=event.at,
                          eligible=d.get("eligible", 0), cast=0)
    if name == "poll.progress":
        current = next((p for p in state.polls if p.poll_id == d["poll_id"]), None)
        if current is None or current.status != "open":
            return state
        return _with_poll(state, d["poll_id"], cast=d["cast"], eligible=d["eligible"])
    if name == "poll.closed":
        ballots = d.get("ballots")
        return _with_poll(
            state, d["poll_id"], status="closed", closed_at=event.at, tally=dict(d["tally"]),
            cast=d["cast"], eligible=d["eligible"], outcome=d.get("outcome"),
            ballots=([Ballot(b["user_id"], b["choice"]) for b in ballots]
                     if ballots is not None else None),
        )
    if name == "presentation.page":
        presentation = Presentation(
            document_id=d["document_id"], page=d["page"], presenter_id=d.get("presenter_id")
        )
        return _replace(state, presentation=presentation)
    if name == "presentation.stopped":
        return _replace(state, presentation=None)
    if name == "hall.view":
        choice = None if d["view"] == "auto" else HallChoice(view=d["view"],
                                                             poll_id=d.get("poll_id"))
        return _replace(state, hall=choice)
    if name == "presentation.presenter":
        return _replace(state, designated_presenter=d.get("user_id"))
    if name in ("document.added", "document.replaced", "document.removed"):
        return _apply_document_event(state, name, d)
    if name in _PREPARATION_EVENTS:
        return _apply_preparation_event(state, name, d)
    return state


_PREPARATION_EVENTS = frozenset({"meeting.updated", "agenda.changed", "participant.added",
                                 "participant.updated", "participant.removed",
                                 "invitation.replied", "seatplan.changed"})


def _apply_preparation_event(state: Snapshot, name: str, d: dict[str, Any]) -> Snapshot:
    """Changes the clerk makes to a meeting (PROTOCOL.md "Preparing meetings")."""
    if name == "meeting.updated":
        fields = {f: v for f, v in d.items() if f in _MEETING_FIELDS}
        return _replace(state, meeting=_replace(state.meeting, **fields))
    if name == "agenda.changed":
        return _replace(state, agenda=[msgspec.convert(a, AgendaItem) for a in d["agenda"]])
    if name == "seatplan.changed":
        return _replace(state, seat_plan=d.get("seat_plan"))
    if name == "invitation.replied":
        people = [_replace(p, reply=d["reply"], absence_reason=d.get("absence_reason",
                                                                     p.absence_reason))
                  if p.user_id == d["user_id"] else p for p in state.participants]
        return _replace(state, participants=people)
    attendance = Attendance(**d["attendance"]) if "attendance" in d else state.attendance
    meeting = state.meeting
    if "quorum" in d:
        meeting = _replace(meeting, quorum=d["quorum"])
    if name == "participant.removed":
        people = [p for p in state.participants if p.user_id != d["user_id"]]
    else:
        person = msgspec.convert(d["participant"], Participant)
        people = [p for p in state.participants if p.user_id != person.user_id]
        people = sorted([*people, person], key=lambda p: p.user_id)
    return _replace(state, participants=people, attendance=attendance, meeting=meeting)


_MEETING_FIELDS = frozenset({"title", "starts_at", "ends_at", "status", "quorum", "majority",
                             "location", "body", "kind", "quorum_rule", "speech_limit_s"})


def _apply_document_event(state: Snapshot, name: str, d: dict[str, Any]) -> Snapshot:
    """Papers open to all travel whole; restricted ones only as a hint to re-list.

    A restricted paper's event carries no title or hash (everyone in the meeting
    receives it); terminals allowed to read it ask ``document.list``.
    """
    doc_id = d.get("document_id")
    rest = [doc for doc in state.documents if doc.id != doc_id]
    if name == "document.removed":
        return _replace(state, documents=rest) if len(rest) != len(state.documents) else state
    entry = d.get("document")
    if entry is None:  # restricted now: whatever this replica showed of it is stale
        return _replace(state, documents=rest) if len(rest) != len(state.documents) else state
    info = msgspec.convert(entry, DocumentInfo)
    if name == "document.replaced":
        documents = [info if doc.id == doc_id else doc for doc in state.documents]
        if not any(doc.id == doc_id for doc in state.documents):
            documents.append(info)
        return _replace(state, documents=documents)
    return _replace(state, documents=[*rest, info])
