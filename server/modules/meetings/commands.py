"""meeting.*, attendance.* and agenda.activate."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from meeting_protocol import events as ev
from meeting_protocol.commands import (
    AgendaActivate,
    AttendanceCheckIn,
    AttendanceCheckOut,
    AttendanceSetAbsence,
    MeetingEnd,
    MeetingList,
    MeetingStart,
    MeetingSubscribe,
    MeetingTimeline,
    MeetingUnsubscribe,
)
from server.dispatch import (
    AUTHENTICATED,
    CHAIR,
    CLERK,
    DELEGATE,
    MEMBERS,
    CommandSet,
    Context,
    Reply,
    meeting_roles,
)
from server.errors import Conflict, NotFound
from server.modules.meetings.queries import attendance, ensure_not_ended, meeting_row
from server.modules.meetings.tables import agenda_items, meetings, participants
from server.storage.committer import Tx
from server.storage.eventlog import chain_head, current_seq, events_between

commands = CommandSet()

@commands.command("meeting.list", access=AUTHENTICATED)
def list_meetings(ctx: Context, tx: Tx, _p: MeetingList) -> dict[str, Any]:
    """Meetings the user takes part in (an admin sees all), soonest first."""
    role_col = participants.c.role
    query = (
        select(meetings.c.id, meetings.c.title, meetings.c.starts_at, meetings.c.status,
               meetings.c.location, role_col)
        .select_from(meetings.outerjoin(
            participants,
            (participants.c.meeting_id == meetings.c.id)
            & (participants.c.user_id == ctx.user_id),
        ))
        .order_by(meetings.c.starts_at, meetings.c.id)
    )
    if not ctx.is_admin:
        query = query.where(role_col.is_not(None))
    return {"meetings": [
        {"id": r.id, "title": r.title, "starts_at": r.starts_at, "status": r.status,
         "location": r.location, "role": r.role}
        for r in tx.conn.execute(query)
    ]}


@commands.command("meeting.subscribe", access=MEMBERS)
def subscribe(ctx: Context, tx: Tx, p: MeetingSubscribe) -> Reply:
    """Snapshot, or the missed events, then live events with no gap.

    The listener is registered on the loop right after this unit's commit,
    before any later unit's events are published (see ``committer``).
    """
    topic = ev.meeting_topic(p.meeting_id)
    head = chain_head(tx.conn, topic)
    seq = head.seq
    window = ctx.services.settings.resume_window
    missed = []
    data: dict[str, Any] = {"seq": seq}
    if 0 < p.since <= seq and seq - p.since <= window:
        missed = events_between(tx.conn, topic, p.since, seq)
    else:
        data["snapshot"] = ctx.services.snapshots.get(tx.conn, p.meeting_id,
                                                      (head.seq, head.hash))
    conn = ctx.conn

    def start_listening() -> None:
        conn.send_events(missed)
        conn.subscribe(topic)

    return Reply(data, after=start_listening)


@commands.command("meeting.unsubscribe", access=MEMBERS)
def unsubscribe(ctx: Context, _tx: Tx, p: MeetingUnsubscribe) -> Reply:
    conn = ctx.conn
    return Reply({}, after=lambda: conn.unsubscribe(ev.meeting_topic(p.meeting_id)))


@commands.command("meeting.start", access=meeting_roles(CHAIR))
def start(ctx: Context, tx: Tx, p: MeetingStart) -> dict[str, Any]:
    m = meeting_row(tx.conn, p.meeting_id)
    if m["status"] != "scheduled":
        raise Conflict("Cuộc họp đã được khai mạc.", en="The meeting has already started.")
    tx.conn.execute(update(meetings).where(meetings.c.id == p.meeting_id)
                    .values(status="in_progress", started_at=tx.now_iso))
    tx.emit(ev.meeting_topic(p.meeting_id),
            ev.MeetingStatusChanged(status="in_progress", started_at=tx.now_iso))
    return {"status": "in_progress"}


@commands.command("meeting.end", access=meeting_roles(CHAIR))
def end(ctx: Context, tx: Tx, p: MeetingEnd) -> dict[str, Any]:
    """Other modules' guards (an open vote, …) may refuse; then nothing changes."""
    m = meeting_row(tx.conn, p.meeting_id)
    if m["status"] != "in_progress":
        raise Conflict("Cuộc họp chưa khai mạc hoặc đã kết thúc.",
                       en="The meeting is not in progress.")
    for guard in ctx.services.meeting_end_guards:
        guard(tx.conn, p.meeting_id)
    tx.conn.execute(update(meetings).where(meetings.c.id == p.meeting_id)
                    .values(status="ended", ended_at=tx.now_iso))
    tx.emit(ev.meeting_topic(p.meeting_id),
            ev.MeetingStatusChanged(status="ended", ended_at=tx.now_iso))
    return {"status": "ended"}


@commands.command("meeting.timeline", access=meeting_roles(CHAIR, CLERK))
def timeline(ctx: Context, tx: Tx, p: MeetingTimeline) -> dict[str, Any]:
    """The session's events, for the clerk's timeline and the minutes."""
    topic = ev.meeting_topic(p.meeting_id)
    events = events_between(tx.conn, topic, p.after, limit=p.limit)
    return {"events": events, "seq": current_seq(tx.conn, topic)}


def _participant(tx: Tx, meeting_id: int, user_id: int) -> Any:
    return tx.conn.execute(select(participants).where(
        participants.c.meeting_id == meeting_id, participants.c.user_id == user_id)).first()


def _attendance_event(tx: Tx, meeting_id: int, **who: Any) -> dict[str, Any]:
    att = attendance(tx.conn, meeting_id)
    tx.emit(ev.meeting_topic(meeting_id), ev.AttendanceChanged(
        present=att.present, expected=att.expected, quorum_met=att.quorum_met, **who))
    return {"present": att.present, "expected": att.expected, "quorum_met": att.quorum_met}


def _attendance_data(tx: Tx, meeting_id: int) -> dict[str, Any]:
    att = attendance(tx.conn, meeting_id)
    return {"present": att.present, "expected": att.expected, "quorum_met": att.quorum_met}


@commands.command("attendance.check_in", access=meeting_roles(DELEGATE))
def check_in(ctx: Context, tx: Tx, p: AttendanceCheckIn) -> dict[str, Any]:
    """Durable; a repeated check-in succeeds and changes nothing."""
    ensure_not_ended(tx.conn, p.meeting_id)
    me = _participant(tx, p.meeting_id, ctx.user_id)
    if me.present:
        return _attendance_data(tx, p.meeting_id)
    seat = p.seat if p.seat is not None else me.seat
    tx.conn.execute(update(participants).where(
        participants.c.meeting_id == p.meeting_id, participants.c.user_id == ctx.user_id
    ).values(present=True, seat=seat, checked_in_at=tx.now_iso, absence_reason=None))
    return _attendance_event(tx, p.meeting_id, user_id=ctx.user_id, checked_in=True, seat=seat,
                             absence_reason=None)


@commands.command("attendance.check_out", access=meeting_roles(DELEGATE))
def check_out(ctx: Context, tx: Tx, p: AttendanceCheckOut) -> dict[str, Any]:
    ensure_not_ended(tx.conn, p.meeting_id)
    me = _participant(tx, p.meeting_id, ctx.user_id)
    if not me.present:
        return _attendance_data(tx, p.meeting_id)
    tx.conn.execute(update(participants).where(
        participants.c.meeting_id == p.meeting_id, participants.c.user_id == ctx.user_id
    ).values(present=False))
    return _attendance_event(tx, p.meeting_id, user_id=ctx.user_id, checked_in=False)


@commands.command("attendance.set_absence", access=meeting_roles(CHAIR, CLERK))
def set_absence(ctx: Context, tx: Tx, p: AttendanceSetAbsence) -> dict[str, Any]:
    """The clerk records why a delegate is absent (vắng mặt có lý do)."""
    who = _participant(tx, p.meeting_id, p.user_id)
    if who is None or who.role != DELEGATE:
        raise NotFound("Không tìm thấy đại biểu trong cuộc họp.", en="No such delegate.")
    if who.present:
        raise Conflict("Đại biểu đang có mặt.", en="The delegate is present.")
    reason = (p.reason or "").strip() or None
    tx.conn.execute(update(participants).where(
        participants.c.meeting_id == p.meeting_id, participants.c.user_id == p.user_id
    ).values(absence_reason=reason))
    return _attendance_event(tx, p.meeting_id, user_id=p.user_id, absence_reason=reason)


@commands.command("agenda.activate", access=meeting_roles(CHAIR))
def activate(ctx: Context, tx: Tx, p: AgendaActivate) -> dict[str, Any]:
    ensure_not_ended(tx.conn, p.meeting_id)
    item = tx.conn.execute(select(agenda_items).where(
        agenda_items.c.id == p.item_id, agenda_items.c.meeting_id == p.meeting_id)).first()
    if item is None:
        raise NotFound("Không tìm thấy nội dung trong chương trình.", en="No such agenda item.")
    if item.active:
        return {"item_id": p.item_id}
    tx.conn.execute(update(agenda_items).where(agenda_items.c.meeting_id == p.meeting_id)
                    .values(active=agenda_items.c.id == p.item_id))
    if item.taken_up_at is None:
        tx.conn.execute(update(agenda_items).where(agenda_items.c.id == p.item_id)
                        .values(taken_up_at=tx.now_iso))
    tx.emit(ev.meeting_topic(p.meeting_id), ev.AgendaActivated(item_id=p.item_id))
    return {"item_id": p.item_id}
