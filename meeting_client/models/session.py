"""One open meeting as the GUI sees it: the latest Snapshot, derived view state,
the commands a person can give, and what this terminal alone remembers.

Widgets read from a :class:`MeetingSession` and call its methods; they hold no
rules of their own (who may vote, what the queue position is, whether a poll may
be opened). Every answer from the server comes back through the
:class:`~meeting_client.models.port.CommandPort` signals on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

import msgspec
from PySide6.QtCore import QObject, Signal

from meeting_client.models.agenda_model import AgendaModel
from meeting_client.models.hall import HallView, hall_view, latest_closed_poll
from meeting_client.models.labels import EventContext, parse_time
from meeting_client.models.participant_model import ParticipantModel
from meeting_client.models.poll_model import PollModel
from meeting_client.models.port import CommandPort
from meeting_client.models.speaker_model import SpeakerQueueModel
from meeting_client.models.tally_model import BallotModel, TallyModel
from meeting_client.models.timeline_model import TimelineModel
from meeting_protocol.commands import (
    AgendaActivate,
    AttendanceCheckIn,
    AttendanceCheckOut,
    AttendanceSetAbsence,
    Majority,
    MeetingEnd,
    MeetingStart,
    MeetingTimeline,
    Payload,
    PollCast,
    PollClose,
    PollCreate,
    PollOpen,
    SpeakerFinish,
    SpeakerGrant,
    SpeakerRequest,
    SpeakerWithdraw,
)
from meeting_protocol.envelope import Event
from meeting_protocol.hall import HallShow
from meeting_protocol.hall import HallView as HallChoiceName
from meeting_protocol.state import AgendaItem, Participant, Poll, Snapshot, Speaker

UNKNOWN_CHOICE = ""
"""A ballot this terminal knows was cast but not what it said (e.g. after a restart)."""

TIMELINE_PAGE = 1000


@dataclass(frozen=True, slots=True)
class Me:
    """The signed-in person, as ``auth.login`` answered."""

    id: int
    username: str
    full_name: str
    roles: tuple[str, ...] = ()
    unit_id: int | None = None
    position: str | None = None
    must_change_password: bool = False


@dataclass(slots=True)
class _Pending:
    type: str
    payload: Payload


class MeetingSession(QObject):
    """The GUI's view of one meeting, fed with Snapshots and events."""

    snapshot_changed = Signal(object)
    """(Snapshot) — the models are already updated when this fires."""
    online_changed = Signal(bool)
    """True when commands can reach the server."""
    connection_state_changed = Signal(str)
    """``disconnected``, ``connecting``, ``connected`` or ``reconnecting``."""
    ballot_changed = Signal(int)
    """(poll_id) — this terminal's own ballot for that poll was sent, confirmed or refused."""
    command_succeeded = Signal(str, object)
    """(command type, result data)."""
    command_rejected = Signal(str, str, str)
    """(command type, error code, message for people)."""
    notice = Signal(str)
    """A sentence to show briefly (a refused command, a lost connection)."""
    timeline_loaded = Signal()
    """The history of the timeline is in :attr:`timeline_model`; live events follow."""

    def __init__(self, port: CommandPort, me: Me, role: str, meeting_id: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.me = me
        self.role = role
        self.meeting_id = meeting_id
        self._snapshot: Snapshot | None = None
        self._online = False
        self._connection_state = "disconnected"
        self._pending: dict[int, _Pending] = {}
        self._ballots: dict[int, str] = {}
        self._sending: dict[int, str] = {}
        self._offset: timedelta | None = None
        self._timeline_state = "idle"  # idle | loading | live
        self._timeline_buffer: list[Event] = []
        self.agenda_model = AgendaModel(self)
        self.participant_model = ParticipantModel(self)
        self.seat_model = ParticipantModel(self, delegates_only=True)
        self.speaker_model = SpeakerQueueModel(self)
        self.poll_model = PollModel(self)
        self.tally_model = TallyModel(self)
        self.ballot_model = BallotModel(self)
        self.timeline_model = TimelineModel(self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._port.command_finished.connect(self.on_port_command_finished)
        self._port.command_failed.connect(self.on_port_command_failed)

    # --- state in --------------------------------------------------------------

    @property
    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    @property
    def port(self) -> CommandPort:
        """Where this session's commands go; other views of the meeting (the minutes
        editor) send through the same port."""
        return self._port

    @property
    def online(self) -> bool:
        return self._online

    @property
    def connection_state(self) -> str:
        return self._connection_state

    def set_connection_state(self, state: str) -> None:
        """Follow the sync client's connection; commands are allowed only when connected."""
        if state != self._connection_state:
            self._connection_state = state
            self.connection_state_changed.emit(state)
        online = state == "connected"
        if online != self._online:
            self._online = online
            self.online_changed.emit(online)

    def set_snapshot(self, snapshot: Snapshot) -> None:
        """Show a new state; cheap when little changed (models update by diff)."""
        self._snapshot = snapshot
        self.agenda_model.update(snapshot.agenda)
        self.participant_model.update(snapshot)
        self.seat_model.update(snapshot)
        self.speaker_model.update(snapshot)
        self.poll_model.update(snapshot.polls)
        result = self.result_poll()
        self.tally_model.update(result)
        self.ballot_model.update(result, snapshot)
        self.snapshot_changed.emit(snapshot)

    def apply_events(self, events: Iterable[Event], now: datetime | None = None) -> None:
        """Note live events: for the server clock estimate and the clerk's timeline."""
        now = now or datetime.now(UTC)
        batch = list(events)
        for e in batch:
            at = parse_time(e.at)
            if at is not None:
                sample = now - at
                if self._offset is None or sample < self._offset:
                    self._offset = sample
        if self._timeline_state == "loading":
            self._timeline_buffer.extend(batch)
        elif self._timeline_state == "live":
            self._append_timeline(batch)

    # --- derived view state ------------------------------------------------------

    @property
    def is_chair(self) -> bool:
        return self.role == "chair" or "admin" in self.me.roles

    @property
    def is_clerk(self) -> bool:
        return self.role == "clerk"

    @property
    def is_delegate(self) -> bool:
        return self.role == "delegate"

    def me_participant(self) -> Participant | None:
        if self._snapshot is None:
            return None
        return next((p for p in self._snapshot.participants if p.user_id == self.me.id), None)

    def checked_in(self) -> bool:
        me = self.me_participant()
        return bool(me and me.present)

    def active_item(self) -> AgendaItem | None:
        if self._snapshot is None:
            return None
        return next((a for a in self._snapshot.agenda if a.active), None)

    def current_speaker(self) -> Speaker | None:
        if self._snapshot is None:
            return None
        return next((s for s in self._snapshot.speakers if s.status == "speaking"), None)

    def my_request(self) -> Speaker | None:
        if self._snapshot is None:
            return None
        return next((s for s in self._snapshot.speakers if s.user_id == self.me.id), None)

    def queue_position(self, request_id: int) -> int:
        """1-based place among those waiting; 0 if speaking or not in the queue."""
        row = self.speaker_model.row_of_key(request_id)
        return self.speaker_model.row_at(row).position if row >= 0 else 0

    def name_of(self, user_id: int) -> str:
        if self._snapshot is not None:
            for p in self._snapshot.participants:
                if p.user_id == user_id:
                    return p.full_name
        return str(user_id)

    def open_poll(self) -> Poll | None:
        if self._snapshot is None:
            return None
        return next((p for p in reversed(self._snapshot.polls) if p.status == "open"), None)

    def result_poll(self) -> Poll | None:
        """The most recently closed poll: the one whose result is on screen."""
        return latest_closed_poll(self._snapshot) if self._snapshot else None

    def poll(self, poll_id: int) -> Poll | None:
        if self._snapshot is None:
            return None
        return next((p for p in self._snapshot.polls if p.poll_id == poll_id), None)

    def quorum_met(self) -> bool:
        return bool(self._snapshot and self._snapshot.attendance.quorum_met)

    def can_open_poll(self, poll: Poll | None = None) -> bool:
        """The chair may open a draft poll only online, with quorum, and none open."""
        return (self.is_chair and self._online and self.quorum_met()
                and self.open_poll() is None
                and (poll is None or poll.status == "draft"))

    def hall_view(self) -> HallView | None:
        return hall_view(self._snapshot, self.server_now()) if self._snapshot else None

    def server_now(self) -> datetime:
        """Now by the server's clock, estimated from when events arrive."""
        now = datetime.now(UTC)
        return now - self._offset if self._offset is not None else now

    def remaining_s(self, speaker: Speaker) -> float | None:
        """Seconds left of the speaker's limit (negative when over), None without a limit."""
        granted = parse_time(speaker.granted_at)
        if speaker.limit_s is None or granted is None:
            return None
        return speaker.limit_s - (self.server_now() - granted).total_seconds()

    # --- this terminal's own ballot ------------------------------------------------

    def my_ballot(self, poll_id: int) -> str | None:
        """The choice this terminal sent and the server accepted; ``UNKNOWN_CHOICE``
        when the server says we voted but this terminal does not know how; None if not.

        Never part of the Snapshot: for secret polls the server cannot tell it.
        """
        return self._ballots.get(poll_id)

    def ballot_in_flight(self, poll_id: int) -> str | None:
        return self._sending.get(poll_id)

    def can_vote(self, poll: Poll) -> bool:
        return (self.is_delegate and self._online and poll.status == "open"
                and self.checked_in() and poll.poll_id not in self._ballots
                and poll.poll_id not in self._sending)

    # --- commands ------------------------------------------------------------------

    def _command(self, payload: Payload) -> int:
        token = self._port.send_command(payload)
        self._pending[token] = _Pending(payload.TYPE, payload)
        return token

    def ended(self) -> bool:
        """The meeting was closed ("Bế mạc"): nothing more can be asked or decided."""
        return self._snapshot is not None and self._snapshot.meeting.status == "ended"

    def is_pending(self, type_: str) -> bool:
        return any(p.type == type_ for p in self._pending.values())

    def start_meeting(self) -> int:
        return self._command(MeetingStart(meeting_id=self.meeting_id))

    def end_meeting(self) -> int:
        return self._command(MeetingEnd(meeting_id=self.meeting_id))

    def show_on_hall(self, view: str, poll_id: int | None = None) -> int:
        """Pin what every hall screen shows (``auto`` lets them follow the session)."""
        return self._command(HallShow(meeting_id=self.meeting_id,
                                      view=cast(HallChoiceName, view), poll_id=poll_id))

    def hall_choice(self) -> str:
        pinned = self._snapshot.hall if self._snapshot else None
        return pinned.view if pinned is not None else "auto"

    def check_in(self, seat: str | None = None) -> int:
        return self._command(AttendanceCheckIn(meeting_id=self.meeting_id, seat=seat or None))

    def check_out(self) -> int:
        return self._command(AttendanceCheckOut(meeting_id=self.meeting_id))

    def set_absence(self, user_id: int, reason: str | None) -> int:
        return self._command(AttendanceSetAbsence(meeting_id=self.meeting_id, user_id=user_id,
                                                  reason=reason or None))

    def activate_item(self, item_id: int) -> int:
        return self._command(AgendaActivate(meeting_id=self.meeting_id, item_id=item_id))

    def neighbour_item(self, step: int) -> AgendaItem | None:
        """The item ``step`` places after (or before) the active one."""
        rows = self.agenda_model.rows()
        if not rows:
            return None
        current = self.agenda_model.active_row()
        if current < 0:
            return rows[0] if step > 0 else None
        target = current + step
        return rows[target] if 0 <= target < len(rows) else None

    def request_floor(self) -> int:
        return self._command(SpeakerRequest(meeting_id=self.meeting_id))

    def withdraw(self, request_id: int) -> int:
        return self._command(SpeakerWithdraw(request_id=request_id))

    def grant(self, request_id: int, limit_s: int | None = None) -> int:
        return self._command(SpeakerGrant(request_id=request_id, limit_s=limit_s or None))

    def finish(self, request_id: int) -> int:
        return self._command(SpeakerFinish(request_id=request_id))

    def create_poll(self, title: str, *, options: list[str], secret: bool,
                    majority: str | None, agenda_item_id: int | None) -> int:
        return self._command(PollCreate(
            meeting_id=self.meeting_id, title=title, options=options, secret=secret,
            majority=cast(Majority, majority) or None, agenda_item_id=agenda_item_id))

    def open_poll_now(self, poll_id: int) -> int:
        return self._command(PollOpen(poll_id=poll_id))

    def close_poll(self, poll_id: int) -> int:
        return self._command(PollClose(poll_id=poll_id))

    def cast(self, poll_id: int, choice: str) -> int | None:
        """Send this delegate's ballot once; a second call for the same poll does nothing."""
        poll = self.poll(poll_id)
        if poll is None or not self.can_vote(poll) or choice not in poll.options:
            return None
        self._sending[poll_id] = choice
        token = self._command(PollCast(poll_id=poll_id, choice=choice))
        self.ballot_changed.emit(poll_id)
        return token

    def load_timeline(self) -> None:
        """Fetch the history, then keep appending live events (clerk, chair)."""
        if self._timeline_state != "idle":
            return
        self._timeline_state = "loading"
        self._request_timeline(0)

    def _request_timeline(self, after: int) -> None:
        payload = MeetingTimeline(meeting_id=self.meeting_id, after=after, limit=TIMELINE_PAGE)
        token = self._port.send_request(payload)
        self._pending[token] = _Pending(payload.TYPE, payload)

    def _event_context(self) -> EventContext:
        snap = self._snapshot
        if snap is None:
            return EventContext()
        return EventContext(
            names={p.user_id: p.full_name for p in snap.participants},
            items={a.id: a.title for a in snap.agenda},
            polls={p.poll_id: p.title for p in snap.polls},
            requesters={s.request_id: s.user_id for s in snap.speakers},
        )

    def _append_timeline(self, events: list[Event]) -> None:
        self.timeline_model.append_events(events, self._event_context())

    # --- answers ---------------------------------------------------------------------

    def on_port_command_finished(self, token: int, data: object) -> None:
        pending = self._pending.pop(token, None)
        if pending is None:
            return
        if isinstance(pending.payload, PollCast):
            poll_id = pending.payload.poll_id
            self._ballots[poll_id] = self._sending.pop(poll_id, pending.payload.choice)
            self.ballot_changed.emit(poll_id)
        elif pending.type == "meeting.timeline":
            self._on_timeline_page(data)
            return
        self.command_succeeded.emit(pending.type, data)

    def _on_timeline_page(self, data: object) -> None:
        frames = data.get("events", []) if isinstance(data, dict) else []
        events = [msgspec.convert(f, Event) for f in frames]
        self._append_timeline(events)
        if len(frames) >= TIMELINE_PAGE:
            self._request_timeline(self.timeline_model.last_seq)
            return
        self._timeline_state = "live"
        buffered, self._timeline_buffer = self._timeline_buffer, []
        self._append_timeline(buffered)
        self.timeline_loaded.emit()

    def on_port_command_failed(self, token: int, code: str, message: str) -> None:
        pending = self._pending.pop(token, None)
        if pending is None:
            return
        if isinstance(pending.payload, PollCast):
            poll_id = pending.payload.poll_id
            self._sending.pop(poll_id, None)
            if code == "conflict" and self.checked_in():
                poll = self.poll(poll_id)
                if poll is not None and poll.status == "open":
                    # The server already holds a ballot of ours (sent from this seat
                    # before a restart): it counts, but we cannot know its choice.
                    self._ballots[poll_id] = UNKNOWN_CHOICE
            self.ballot_changed.emit(poll_id)
        elif pending.type == "meeting.timeline":
            self._timeline_state = "idle"
        self.command_rejected.emit(pending.type, code, message)
        self.notice.emit(message)
