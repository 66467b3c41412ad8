"""Preparing meetings: drafts, rules, agenda, participants, seats, invitations, publishing.

PROTOCOL.md "Preparing meetings" and docs/protocol.md. Who: admins, ``office`` and the
meeting's clerk (the chair may add an agenda item once the meeting has started). Every
change is an event in the meeting's hash-chained log; once the meeting is published, the
participants also hear of it on their ``user:<id>`` topic. What already happened (votes,
attendance) is never edited: a checked-in participant is not removed, an item already
taken up is not removed, the rules are fixed once the meeting has started.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from meeting_protocol import events as ev
from meeting_protocol import preparation as pp
from meeting_protocol.documents import user_topic
from meeting_protocol.events import EVENT_TYPES, EventData
from meeting_protocol.roles import CHAIR, CLERK, DELEGATE, HALL, OFFICE, VICE_CHAIR
from server.dispatch import (
    ADMIN,
    CommandSet,
    Context,
    global_roles,
    meeting_roles,
)
from server.errors import BadRequest, Conflict, Forbidden, NotFound
from server.modules.accounts.tables import users
from server.modules.meetings.queries import (
    DRAFT,
    agenda_link_ok,
    attendance,
    default_quorum,
    ensure_not_ended,
    invited,
    meeting_row,
)
from server.modules.meetings.tables import (
    agenda_items,
    meeting_defaults,
    meetings,
    participants,
    seat_plans,
)
from server.modules.meetings.units import unit_member_ids
from server.modules.org.tables import org_people
from server.storage.committer import Tx, utc_now_iso

commands = CommandSet()

PREPARERS = meeting_roles(CLERK, staff=(OFFICE,))
"""Admins, office and the meeting's clerk."""
AGENDA_EDITORS = meeting_roles(CLERK, CHAIR, staff=(OFFICE,))
"""The preparers, and the chair once the meeting has started (checked in the handler)."""
EVERYONE_INVITED = meeting_roles(CHAIR, VICE_CHAIR, CLERK, DELEGATE, "guest", "observer",
                                 staff=(OFFICE,))

KIND_LABELS = {
    "hdnd_session": "Kỳ họp Hội đồng nhân dân",
    "ubnd_session": "Phiên họp Ủy ban nhân dân",
    "briefing": "Họp giao ban",
    "thematic": "Họp chuyên đề",
    "online": "Họp trực tuyến",
}
SINGLE_ROLES = frozenset({CHAIR})
"""Roles a meeting has at most one of."""


# --------------------------------------------------------------------------- helpers


def parse_instant(value: str, field: str) -> datetime:
    """ISO 8601 with an offset; a clear Vietnamese error otherwise."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise BadRequest(f"Thời gian không hợp lệ ({field}): cần dạng 2026-12-07T08:00:00+07:00.",
                         en=f"Bad time ({field}): ISO 8601 with an offset is required.")
    return parsed


def _times(starts_at: str, ends_at: str | None) -> tuple[str, str | None]:
    """Both normalised to UTC (``…Z``) so that lists sort by time; end after start."""
    start = parse_instant(starts_at, "starts_at")
    end = parse_instant(ends_at, "ends_at") if ends_at else None
    if end is not None and end <= start:
        raise BadRequest("Thời gian kết thúc phải sau thời gian bắt đầu.",
                         en="The end must be after the start.")
    return (utc_now_iso(start.astimezone(UTC)),
            utc_now_iso(end.astimezone(UTC)) if end is not None else None)


def _only_before_start(m: dict[str, Any], what: str) -> None:
    if m["status"] not in (DRAFT, "scheduled"):
        raise Conflict(f"Không thể thay đổi {what} khi cuộc họp đã khai mạc.",
                       en="This cannot change once the meeting has started.")


def _user(conn: Connection, user_id: int) -> Any:
    row = conn.execute(select(users.c.id, users.c.username, users.c.full_name)
                       .where(users.c.id == user_id)).first()
    if row is None:
        raise NotFound(f"Không tìm thấy người dùng (mã {user_id}).",
                       en=f"No such user ({user_id}).")
    return row


def participant_data(conn: Connection, meeting_id: int, user_id: int) -> dict[str, Any]:
    row = conn.execute(
        select(participants, users.c.username, users.c.full_name)
        .join(users, users.c.id == participants.c.user_id)
        .where(participants.c.meeting_id == meeting_id, participants.c.user_id == user_id)
    ).one()
    return {"user_id": row.user_id, "username": row.username, "full_name": row.full_name,
            "role": row.role, "seat": row.seat, "present": bool(row.present),
            "absence_reason": row.absence_reason, "reply": row.reply}


def agenda_data(conn: Connection, meeting_id: int) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "title": r.title, "position": r.position, "active": bool(r.active),
         "taken_up_at": r.taken_up_at, "duration_min": r.duration_min,
         "presenter_id": r.presenter_id, "directive_id": r.directive_id}
        for r in conn.execute(select(agenda_items).where(agenda_items.c.meeting_id == meeting_id)
                              .order_by(agenda_items.c.position))
    ]


def event(name: str, data: dict[str, Any]) -> EventData:
    """The event's struct (``meeting_protocol``) from its name and fields."""
    return msgspec.convert(data, EVENT_TYPES[name])


def _emit(tx: Tx, meeting_id: int, name: str, data: dict[str, Any]) -> None:
    tx.emit(ev.meeting_topic(meeting_id), event(name, data))


def notify_participants(tx: Tx, meeting_id: int, change: str) -> None:
    """Tell every participant of a published meeting, on all their terminals."""
    m = meeting_row(tx.conn, meeting_id)
    if m["status"] == DRAFT:
        return
    data = {"meeting_id": meeting_id, "title": m["title"], "starts_at": m["starts_at"],
            "status": m["status"], "change": change}
    for (user_id,) in tx.conn.execute(select(participants.c.user_id).where(
            participants.c.meeting_id == meeting_id).order_by(participants.c.user_id)):
        tx.emit(user_topic(user_id), pp.MeetingChanged(**data))


def _refresh_quorum(tx: Tx, meeting_id: int) -> dict[str, Any]:
    """Recompute the stored quorum from the rule and the delegates; the attendance data."""
    quorum = default_quorum(tx.conn, meeting_id)
    tx.conn.execute(update(meetings).where(meetings.c.id == meeting_id).values(quorum=quorum))
    att = attendance(tx.conn, meeting_id, quorum)
    return {"quorum": quorum, "attendance": {"present": att.present, "expected": att.expected,
                                             "quorum_met": att.quorum_met}}


def _check_seat(conn: Connection, meeting_id: int, seat: str | None, user_id: int) -> None:
    if not seat:
        return
    other = conn.execute(select(participants.c.user_id).where(
        participants.c.meeting_id == meeting_id, participants.c.seat == seat,
        participants.c.user_id != user_id)).first()
    if other is not None:
        raise Conflict(f"Ghế {seat} đã có người ngồi.", en=f"Seat {seat} is taken.")


def _check_single_role(conn: Connection, meeting_id: int, role: str, user_id: int) -> None:
    if role not in SINGLE_ROLES:
        return
    other = conn.execute(select(participants.c.user_id).where(
        participants.c.meeting_id == meeting_id, participants.c.role == role,
        participants.c.user_id != user_id)).first()
    if other is not None:
        raise Conflict("Cuộc họp đã có chủ tọa; hãy đổi vai trò người kia trước.",
                       en="The meeting already has a chair.")


def _defaults_for(conn: Connection, kind: str) -> tuple[str, str]:
    row = conn.execute(select(meeting_defaults).where(meeting_defaults.c.kind == kind)).first()
    return (row.quorum_rule, row.majority) if row is not None else ("half", "absolute")


# --------------------------------------------------------------------------- meetings


@commands.command("meeting.create", access=global_roles(OFFICE), payload=pp.MeetingCreate)
def create(ctx: Context, tx: Tx, p: pp.MeetingCreate) -> dict[str, Any]:
    """A draft, invisible to delegates until ``meeting.publish``."""
    return {"meeting_id": create_meeting(tx, p, ctx.user_id)}


def create_meeting(tx: Tx, p: pp.MeetingCreate, user_id: int | None) -> int:
    """Shared with ``meeting-server meetings create``."""
    starts_at, ends_at = _times(p.starts_at, p.ends_at)
    rule, majority = _defaults_for(tx.conn, p.kind)
    result = tx.conn.execute(insert(meetings).values(
        title=p.title.strip(), body=p.body.strip(), location=p.location.strip(),
        starts_at=starts_at, ends_at=ends_at, kind=p.kind, status=DRAFT,
        quorum_rule=p.quorum_rule or rule, majority=p.majority or majority, quorum=1,
        speech_limit_s=p.speech_limit_s or 300, created_by=user_id))
    meeting_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    _refresh_quorum(tx, meeting_id)
    _emit(tx, meeting_id, pp.MEETING_UPDATED, _info(tx.conn, meeting_id))
    return meeting_id


def _info(conn: Connection, meeting_id: int) -> dict[str, Any]:
    m = meeting_row(conn, meeting_id)
    return {f: m[f] for f in ("title", "starts_at", "ends_at", "status", "quorum", "majority",
                              "location", "body", "kind", "quorum_rule", "speech_limit_s")}


@commands.command("meeting.update", access=PREPARERS, payload=pp.MeetingUpdate)
def update_meeting(ctx: Context, tx: Tx, p: pp.MeetingUpdate) -> dict[str, Any]:
    m = ensure_not_ended(tx.conn, p.meeting_id)
    changes: dict[str, Any] = {}
    for f in ("title", "location", "kind", "body"):
        value = getattr(p, f)
        if value is not None:
            changes[f] = value.strip()
    if p.starts_at is not None or p.ends_at is not None:
        if p.starts_at is not None:
            _only_before_start(m, "thời gian bắt đầu")
        start, end = _times(p.starts_at or m["starts_at"], p.ends_at or m["ends_at"])
        changes.update(starts_at=start, ends_at=end)
    for f in ("quorum_rule", "majority", "speech_limit_s"):
        value = getattr(p, f)
        if value is not None and value != m[f]:
            _only_before_start(m, "quy tắc của cuộc họp")
            changes[f] = value
    if not changes:
        return _info(tx.conn, p.meeting_id)
    tx.conn.execute(update(meetings).where(meetings.c.id == p.meeting_id).values(**changes))
    data = dict(changes)
    if "quorum_rule" in changes:
        refreshed = _refresh_quorum(tx, p.meeting_id)
        data["quorum"] = refreshed["quorum"]
        _emit(tx, p.meeting_id, pp.MEETING_UPDATED, data)
        _emit(tx, p.meeting_id, ev.ATTENDANCE_CHANGED, refreshed["attendance"])
    else:
        _emit(tx, p.meeting_id, pp.MEETING_UPDATED, data)
    notify_participants(tx, p.meeting_id, "updated")
    return _info(tx.conn, p.meeting_id)


@commands.command("meeting.copy", access=PREPARERS, payload=pp.MeetingCopy)
def copy(ctx: Context, tx: Tx, p: pp.MeetingCopy) -> dict[str, Any]:
    """A new draft with the earlier meeting's agenda, participants, seats and rules."""
    src = meeting_row(tx.conn, p.meeting_id)
    starts_at, ends_at = _times(p.starts_at, p.ends_at)
    result = tx.conn.execute(insert(meetings).values(
        title=(p.title or src["title"]).strip(), body=src["body"], location=src["location"],
        starts_at=starts_at, ends_at=ends_at, kind=src["kind"], status=DRAFT,
        quorum_rule=src["quorum_rule"], majority=src["majority"], quorum=src["quorum"],
        speech_limit_s=src["speech_limit_s"], created_by=ctx.user_id))
    new_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    items = [{"meeting_id": new_id, "position": r.position, "title": r.title,
              "duration_min": r.duration_min, "presenter_id": r.presenter_id, "active": False}
             for r in tx.conn.execute(select(agenda_items).where(
                 agenda_items.c.meeting_id == p.meeting_id))]
    if items:
        tx.conn.execute(insert(agenda_items), items)
    people = [{"meeting_id": new_id, "user_id": r.user_id, "role": r.role, "seat": r.seat,
               "present": False}
              for r in tx.conn.execute(select(participants).where(
                  participants.c.meeting_id == p.meeting_id))]
    if people:
        tx.conn.execute(insert(participants), people)
    plan = tx.conn.execute(select(seat_plans.c.layout).where(
        seat_plans.c.meeting_id == p.meeting_id)).scalar()
    if plan is not None:
        tx.conn.execute(insert(seat_plans).values(meeting_id=new_id, layout=plan))
    _refresh_quorum(tx, new_id)
    _emit(tx, new_id, pp.MEETING_UPDATED, {**_info(tx.conn, new_id), "copied_from": p.meeting_id})
    return {"meeting_id": new_id}


@commands.command("meeting.cancel", access=PREPARERS, payload=pp.MeetingCancel)
def cancel(ctx: Context, tx: Tx, p: pp.MeetingCancel) -> dict[str, Any]:
    m = ensure_not_ended(tx.conn, p.meeting_id)
    _only_before_start(m, "trạng thái")
    reason = p.reason.strip() or None
    tx.conn.execute(update(meetings).where(meetings.c.id == p.meeting_id)
                    .values(status="cancelled", cancel_reason=reason))
    tx.emit(ev.meeting_topic(p.meeting_id), ev.MeetingStatusChanged(status="cancelled"))
    if m["status"] != DRAFT:
        notify_participants(tx, p.meeting_id, "cancelled")
    return {"status": "cancelled"}


@commands.command("meeting.publish", access=PREPARERS, payload=pp.MeetingPublish)
def publish(ctx: Context, tx: Tx, p: pp.MeetingPublish) -> dict[str, Any]:
    """From now on the participants see the meeting (and their terminals fetch its papers);
    each of them is invited (an alert, once per person and meeting)."""
    result = publish_meeting(tx, p)
    _invite_all(ctx, tx, p.meeting_id)
    return result


def publish_meeting(tx: Tx, p: pp.MeetingPublish) -> dict[str, Any]:
    m = meeting_row(tx.conn, p.meeting_id)
    if m["status"] != DRAFT:
        raise Conflict("Cuộc họp đã được công bố trước đó.",
                       en="The meeting is not a draft.")
    tx.conn.execute(update(meetings).where(meetings.c.id == p.meeting_id)
                    .values(status="scheduled"))
    tx.emit(ev.meeting_topic(p.meeting_id), ev.MeetingStatusChanged(status="scheduled"))
    notify_participants(tx, p.meeting_id, "published")
    return {"status": "scheduled"}


def _invite_all(ctx: Context, tx: Tx, meeting_id: int) -> None:
    people = list(tx.conn.execute(select(participants.c.user_id).where(
        participants.c.meeting_id == meeting_id).order_by(participants.c.user_id)).scalars())
    invited(ctx.services, tx, meeting_id, people)


@commands.command("meeting.defaults", access=ADMIN, payload=pp.MeetingDefaults)
def set_defaults(ctx: Context, tx: Tx, p: pp.MeetingDefaults) -> dict[str, Any]:
    """The rules a new meeting of this kind starts with (the clerk may change them)."""
    tx.conn.execute(delete(meeting_defaults).where(meeting_defaults.c.kind == p.kind))
    tx.conn.execute(insert(meeting_defaults).values(kind=p.kind, quorum_rule=p.quorum_rule,
                                                    majority=p.majority))
    return {"kind": p.kind, "quorum_rule": p.quorum_rule, "majority": p.majority}


@commands.command("meeting.kinds", access=global_roles(OFFICE), payload=pp.MeetingKinds,
                  read_only=True)
def kinds(ctx: Context, tx: Tx, _p: pp.MeetingKinds) -> dict[str, Any]:
    out = []
    for kind in pp.KINDS:
        rule, majority = _defaults_for(tx.conn, kind)
        out.append({"kind": kind, "label": KIND_LABELS[kind], "quorum_rule": rule,
                    "majority": majority})
    return {"kinds": out}


@commands.command("meeting.get", access=meeting_roles(CLERK, CHAIR, VICE_CHAIR, staff=(OFFICE,)),
                  payload=pp.MeetingGet, read_only=True)
def get(ctx: Context, tx: Tx, p: pp.MeetingGet) -> dict[str, Any]:
    """What the preparation screens edit, without subscribing (a draft included)."""
    return meeting_details(tx.conn, p.meeting_id)


def meeting_details(conn: Connection, meeting_id: int) -> dict[str, Any]:
    people = [
        {"user_id": r.user_id, "username": r.username, "full_name": r.full_name,
         "role": r.role, "seat": r.seat, "present": bool(r.present),
         "absence_reason": r.absence_reason, "reply": r.reply, "replied_at": r.replied_at}
        for r in conn.execute(
            select(participants, users.c.username, users.c.full_name)
            .join(users, users.c.id == participants.c.user_id)
            .where(participants.c.meeting_id == meeting_id)
            .order_by(participants.c.user_id))
    ]
    return {"meeting": {"id": meeting_id, **_info(conn, meeting_id)},
            "agenda": agenda_data(conn, meeting_id), "participants": people,
            "seat_plan": seat_plan(conn, meeting_id)}


# --------------------------------------------------------------------------- participants


@commands.command("participant.candidates", access=PREPARERS,
                  payload=pp.ParticipantCandidates, read_only=True)
def candidates(ctx: Context, tx: Tx, p: pp.ParticipantCandidates) -> dict[str, Any]:
    """People who may be added: every active user not yet a participant, by user name."""
    taken = select(participants.c.user_id).where(participants.c.meeting_id == p.meeting_id)
    inactive = select(org_people.c.user_id).where(org_people.c.active.is_(False))
    rows = tx.conn.execute(select(users.c.id, users.c.username, users.c.full_name, users.c.title)
                           .where(users.c.id.not_in(taken), users.c.id.not_in(inactive))
                           .order_by(users.c.username))
    return {"users": [{"id": r.id, "username": r.username, "full_name": r.full_name,
                       "title": r.title} for r in rows]}


def _participant_row(conn: Connection, meeting_id: int, user_id: int) -> Any:
    row = conn.execute(select(participants).where(
        participants.c.meeting_id == meeting_id, participants.c.user_id == user_id)).first()
    if row is None:
        raise NotFound("Người này không có trong thành phần cuộc họp.",
                       en="Not a participant of this meeting.")
    return row


def _participant_changed(tx: Tx, meeting_id: int, name: str, user_id: int) -> None:
    refreshed = _refresh_quorum(tx, meeting_id)
    data: dict[str, Any] = {**refreshed}
    if name == pp.PARTICIPANT_REMOVED:
        data["user_id"] = user_id
    else:
        data["participant"] = participant_data(tx.conn, meeting_id, user_id)
    _emit(tx, meeting_id, name, data)


def add_participant(tx: Tx, meeting_id: int, user_id: int, role: str, seat: str | None) -> None:
    """Shared by ``participant.add``, ``participant.add_unit`` and the CLI."""
    who = _user(tx.conn, user_id)
    found = tx.conn.execute(select(participants.c.user_id).where(
        participants.c.meeting_id == meeting_id, participants.c.user_id == user_id)).first()
    if found is not None:
        raise Conflict(f"{who.full_name} đã có trong thành phần cuộc họp.",
                       en=f"{who.username} is already a participant.")
    seat = (seat or "").strip() or None
    _check_seat(tx.conn, meeting_id, seat, user_id)
    _check_single_role(tx.conn, meeting_id, role, user_id)
    tx.conn.execute(insert(participants).values(meeting_id=meeting_id, user_id=user_id,
                                                role=role, seat=seat, present=False))


@commands.command("participant.add", access=PREPARERS, payload=pp.ParticipantAdd)
def participant_add(ctx: Context, tx: Tx, p: pp.ParticipantAdd) -> dict[str, Any]:
    ensure_not_ended(tx.conn, p.meeting_id)
    add_participant(tx, p.meeting_id, p.user_id, p.role, p.seat)
    _participant_changed(tx, p.meeting_id, pp.PARTICIPANT_ADDED, p.user_id)
    notify_participants(tx, p.meeting_id, "participants")
    invited(ctx.services, tx, p.meeting_id, [p.user_id])
    return {}


@commands.command("participant.add_unit", access=PREPARERS, payload=pp.ParticipantAddUnit)
def participant_add_unit(ctx: Context, tx: Tx, p: pp.ParticipantAddUnit) -> dict[str, Any]:
    """Everyone of a unit who is not a participant yet, with one role."""
    ensure_not_ended(tx.conn, p.meeting_id)
    existing = {r[0] for r in tx.conn.execute(select(participants.c.user_id).where(
        participants.c.meeting_id == p.meeting_id))}
    added = [uid for uid in unit_member_ids(tx.conn, p.unit_id) if uid not in existing]
    for uid in added:
        add_participant(tx, p.meeting_id, uid, p.role, None)
        _participant_changed(tx, p.meeting_id, pp.PARTICIPANT_ADDED, uid)
    if added:
        notify_participants(tx, p.meeting_id, "participants")
        invited(ctx.services, tx, p.meeting_id, added)
    return {"added": added}


@commands.command("participant.update", access=PREPARERS, payload=pp.ParticipantUpdate)
def participant_update(ctx: Context, tx: Tx, p: pp.ParticipantUpdate) -> dict[str, Any]:
    m = ensure_not_ended(tx.conn, p.meeting_id)
    row = _participant_row(tx.conn, p.meeting_id, p.user_id)
    changes: dict[str, Any] = {}
    if p.role is not None and p.role != row.role:
        if m["status"] == "in_progress" and row.present and DELEGATE in (p.role, row.role):
            raise Conflict("Không đổi vai trò đại biểu đang có mặt trong phiên họp.",
                           en="A delegate checked in keeps their role during the session.")
        _check_single_role(tx.conn, p.meeting_id, p.role, p.user_id)
        changes["role"] = p.role
    if p.seat is not None:
        seat = p.seat.strip() or None
        _check_seat(tx.conn, p.meeting_id, seat, p.user_id)
        changes["seat"] = seat
    if changes:
        tx.conn.execute(update(participants).where(
            participants.c.meeting_id == p.meeting_id, participants.c.user_id == p.user_id
        ).values(**changes))
        _participant_changed(tx, p.meeting_id, pp.PARTICIPANT_UPDATED, p.user_id)
        notify_participants(tx, p.meeting_id, "participants")
    return participant_data(tx.conn, p.meeting_id, p.user_id)


@commands.command("participant.remove", access=PREPARERS, payload=pp.ParticipantRemove)
def participant_remove(ctx: Context, tx: Tx, p: pp.ParticipantRemove) -> dict[str, Any]:
    m = ensure_not_ended(tx.conn, p.meeting_id)
    row = _participant_row(tx.conn, p.meeting_id, p.user_id)
    if m["status"] == "in_progress" and row.present:
        raise Conflict("Người này đã điểm danh trong phiên họp, không thể xóa khỏi thành phần.",
                       en="A participant who has checked in cannot be removed.")
    notify_participants(tx, p.meeting_id, "participants")  # they too learn of it
    tx.conn.execute(delete(participants).where(
        participants.c.meeting_id == p.meeting_id, participants.c.user_id == p.user_id))
    _participant_changed(tx, p.meeting_id, pp.PARTICIPANT_REMOVED, p.user_id)
    return {}


# --------------------------------------------------------------------------- agenda


def _agenda_access(ctx: Context, m: dict[str, Any]) -> None:
    """The chair (not also a preparer) edits the agenda only during the session."""
    if ctx.role == CHAIR and not ctx.is_admin and m["status"] != "in_progress":
        session = ctx.session
        if session is None or not session.has_role(OFFICE):
            raise Forbidden("Chủ tọa chỉ bổ sung nội dung khi cuộc họp đang diễn ra.",
                            en="The chair adds items only once the meeting has started.")


def _item(conn: Connection, meeting_id: int, item_id: int) -> Any:
    row = conn.execute(select(agenda_items).where(
        agenda_items.c.id == item_id, agenda_items.c.meeting_id == meeting_id)).first()
    if row is None:
        raise NotFound("Không tìm thấy nội dung trong chương trình.", en="No such agenda item.")
    return row


def _renumber(conn: Connection, meeting_id: int, order: list[int]) -> None:
    """Positions 1..n in ``order``; via negatives, as (meeting, position) is unique."""
    for i, item_id in enumerate(order, start=1):
        conn.execute(update(agenda_items).where(agenda_items.c.id == item_id)
                     .values(position=-i))
    conn.execute(update(agenda_items).where(agenda_items.c.meeting_id == meeting_id)
                 .values(position=-agenda_items.c.position))


def _order(conn: Connection, meeting_id: int) -> list[int]:
    return [r[0] for r in conn.execute(select(agenda_items.c.id).where(
        agenda_items.c.meeting_id == meeting_id).order_by(agenda_items.c.position))]


def _check_presenter(conn: Connection, presenter_id: int | None) -> None:
    if presenter_id is not None:
        _user(conn, presenter_id)


def _agenda_changed(tx: Tx, meeting_id: int) -> None:
    _emit(tx, meeting_id, pp.AGENDA_CHANGED, {"agenda": agenda_data(tx.conn, meeting_id)})
    notify_participants(tx, meeting_id, "agenda")


def _check_directive(ctx: Context, tx: Tx, meeting_id: int, directive_id: int) -> None:
    """A directive goes on a meeting's agenda once, and only one that exists (checked by the
    directives module's hook: this module may not read its tables)."""
    if not agenda_link_ok(ctx.services, tx.conn, directive_id):
        raise NotFound("Không tìm thấy chỉ đạo.", en="Directive not found.")
    found = tx.conn.execute(select(agenda_items.c.id).where(
        agenda_items.c.meeting_id == meeting_id,
        agenda_items.c.directive_id == directive_id)).first()
    if found is not None:
        raise Conflict("Việc này đã có trong chương trình cuộc họp.",
                       en="This directive is already on the meeting's agenda.")


def add_item(tx: Tx, meeting_id: int, title: str, position: int | None,
             duration_min: int | None, presenter_id: int | None,
             directive_id: int | None = None) -> int:
    _check_presenter(tx.conn, presenter_id)
    order = _order(tx.conn, meeting_id)
    result = tx.conn.execute(insert(agenda_items).values(
        meeting_id=meeting_id, position=len(order) + 1, title=title.strip(), active=False,
        duration_min=duration_min, presenter_id=presenter_id, directive_id=directive_id))
    item_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    where = len(order) if position is None else min(position - 1, len(order))
    order.insert(where, item_id)
    _renumber(tx.conn, meeting_id, order)
    return item_id


@commands.command("agenda.add", access=AGENDA_EDITORS, payload=pp.AgendaAdd)
def agenda_add(ctx: Context, tx: Tx, p: pp.AgendaAdd) -> dict[str, Any]:
    m = ensure_not_ended(tx.conn, p.meeting_id)
    _agenda_access(ctx, m)
    if not p.title.strip():
        raise BadRequest("Tên nội dung không được để trống.", en="The title is empty.")
    if p.directive_id is not None:
        _check_directive(ctx, tx, p.meeting_id, p.directive_id)
    item_id = add_item(tx, p.meeting_id, p.title, p.position, p.duration_min, p.presenter_id,
                       p.directive_id)
    _agenda_changed(tx, p.meeting_id)
    return {"item_id": item_id}


@commands.command("agenda.update", access=PREPARERS, payload=pp.AgendaUpdate)
def agenda_update(ctx: Context, tx: Tx, p: pp.AgendaUpdate) -> dict[str, Any]:
    ensure_not_ended(tx.conn, p.meeting_id)
    _item(tx.conn, p.meeting_id, p.item_id)
    changes: dict[str, Any] = {}
    if p.title is not None:
        if not p.title.strip():
            raise BadRequest("Tên nội dung không được để trống.", en="The title is empty.")
        changes["title"] = p.title.strip()
    if p.duration_min is not None:
        changes["duration_min"] = p.duration_min or None
    if p.presenter_id is not None:
        _check_presenter(tx.conn, p.presenter_id)
        changes["presenter_id"] = p.presenter_id
    elif p.clear_presenter:
        changes["presenter_id"] = None
    if changes:
        tx.conn.execute(update(agenda_items).where(agenda_items.c.id == p.item_id)
                        .values(**changes))
        _agenda_changed(tx, p.meeting_id)
    return {"item_id": p.item_id}


@commands.command("agenda.remove", access=PREPARERS, payload=pp.AgendaRemove)
def agenda_remove(ctx: Context, tx: Tx, p: pp.AgendaRemove) -> dict[str, Any]:
    ensure_not_ended(tx.conn, p.meeting_id)
    item = _item(tx.conn, p.meeting_id, p.item_id)
    if item.taken_up_at is not None or item.active:
        raise Conflict("Nội dung đã được đưa ra phiên họp, không thể xóa.",
                       en="An item already taken up cannot be removed.")
    order = [i for i in _order(tx.conn, p.meeting_id) if i != p.item_id]
    tx.conn.execute(delete(agenda_items).where(agenda_items.c.id == p.item_id))
    _renumber(tx.conn, p.meeting_id, order)
    _agenda_changed(tx, p.meeting_id)
    return {}


@commands.command("agenda.move", access=PREPARERS, payload=pp.AgendaMove)
def agenda_move(ctx: Context, tx: Tx, p: pp.AgendaMove) -> dict[str, Any]:
    """Reorder (drag and drop): the item goes to ``position``, the others close up."""
    ensure_not_ended(tx.conn, p.meeting_id)
    _item(tx.conn, p.meeting_id, p.item_id)
    order = [i for i in _order(tx.conn, p.meeting_id) if i != p.item_id]
    order.insert(min(p.position - 1, len(order)), p.item_id)
    if order != _order(tx.conn, p.meeting_id):
        _renumber(tx.conn, p.meeting_id, order)
        _agenda_changed(tx, p.meeting_id)
    return {"item_id": p.item_id, "position": order.index(p.item_id) + 1}


# --------------------------------------------------------------------------- invitations, seats


@commands.command("invitation.reply", access=EVERYONE_INVITED, payload=pp.InvitationReply)
def invitation_reply(ctx: Context, tx: Tx, p: pp.InvitationReply) -> dict[str, Any]:
    """Attend, or an absence reason ahead of time (the clerk sees it, the minutes use it)."""
    m = ensure_not_ended(tx.conn, p.meeting_id)
    if ctx.role is None:
        raise Forbidden("Chỉ người được mời mới trả lời giấy mời.",
                        en="Only an invited participant replies.")
    me = _participant_row(tx.conn, p.meeting_id, ctx.user_id)
    reason = p.reason.strip() or None
    if p.reply == "absent" and reason is None:
        raise BadRequest("Hãy cho biết lý do vắng mặt.", en="Give a reason for the absence.")
    if p.reply == "absent" and me.present and m["status"] == "in_progress":
        raise Conflict("Bạn đang có mặt trong phiên họp.", en="You are checked in.")
    absence = reason if p.reply == "absent" else None
    tx.conn.execute(update(participants).where(
        participants.c.meeting_id == p.meeting_id, participants.c.user_id == ctx.user_id
    ).values(reply=p.reply, replied_at=tx.now_iso, absence_reason=absence))
    _emit(tx, p.meeting_id, pp.INVITATION_REPLIED,
          {"user_id": ctx.user_id, "reply": p.reply, "absence_reason": absence})
    return {"reply": p.reply}


@commands.command("seatplan.save", access=PREPARERS, payload=pp.SeatPlanSave)
def seatplan_save(ctx: Context, tx: Tx, p: pp.SeatPlanSave) -> dict[str, Any]:
    """The chamber layout; a seat label twice is refused."""
    ensure_not_ended(tx.conn, p.meeting_id)
    seen: set[str] = set()
    for block in p.blocks:
        for row in block.seats:
            for label in row:
                label = label.strip()
                if not label:
                    continue
                if label in seen:
                    raise Conflict(f"Ghế {label} xuất hiện hai lần trong sơ đồ.",
                                   en=f"Seat {label} appears twice.")
                seen.add(label)
    layout = msgspec.to_builtins(p.blocks)
    tx.conn.execute(delete(seat_plans).where(seat_plans.c.meeting_id == p.meeting_id))
    tx.conn.execute(insert(seat_plans).values(meeting_id=p.meeting_id,
                                              layout=msgspec.json.encode(layout).decode()))
    _emit(tx, p.meeting_id, pp.SEAT_PLAN_CHANGED, {"seat_plan": layout})
    return {"seats": len(seen)}


def seat_plan(conn: Connection, meeting_id: int) -> list[dict[str, Any]] | None:
    """The snapshot's ``seat_plan``."""
    raw = conn.execute(select(seat_plans.c.layout).where(
        seat_plans.c.meeting_id == meeting_id)).scalar()
    return None if raw is None else msgspec.json.decode(raw)


def delegate_count(conn: Connection, meeting_id: int) -> int:
    return int(conn.execute(select(func.count()).where(
        participants.c.meeting_id == meeting_id, participants.c.role == DELEGATE)).scalar_one())


# --------------------------------------------------------------------------- invitation PDF


def _spec(name: str) -> Any:
    return next(s for s in commands.specs if s.name == name)


def read_invitation(conn: Connection, meeting_id: int, user_id: int | None) -> Any:
    """The invitation's content; addressed to ``user_id`` when that user is invited."""
    from server.modules.meetings.invitation import Invitation, InvitedItem, Invitee

    m = meeting_row(conn, meeting_id)
    people = conn.execute(
        select(participants.c.user_id, participants.c.role, participants.c.seat,
               users.c.full_name, users.c.title)
        .join(users, users.c.id == participants.c.user_id)
        .where(participants.c.meeting_id == meeting_id, participants.c.role != HALL)
        .order_by(participants.c.seat.is_(None), participants.c.seat, users.c.full_name)).all()
    names = dict(conn.execute(select(users.c.id, users.c.full_name)).all())
    invitees = [Invitee(p.full_name, p.role, p.title, p.seat) for p in people]
    addressee = next((Invitee(p.full_name, p.role, p.title, p.seat) for p in people
                      if p.user_id == user_id), None)
    chair = next((p.full_name for p in people if p.role == CHAIR), "")
    agenda = [InvitedItem(a["title"], names.get(a["presenter_id"]), a["duration_min"])
              for a in agenda_data(conn, meeting_id)]
    return Invitation(
        meeting_id=meeting_id, title=m["title"], body=m["body"], location=m["location"],
        starts_at=parse_instant(m["starts_at"], "starts_at"),
        ends_at=parse_instant(m["ends_at"], "ends_at") if m["ends_at"] else None,
        chair=chair, issued_on=datetime.now(UTC).date(), agenda=agenda, invitees=invitees,
        addressee=addressee)


@commands.command("invitation.render", access=EVERYONE_INVITED, payload=pp.InvitationRender,
                  is_async=True, read_only=True)
async def invitation_render(ctx: Context, p: pp.InvitationRender) -> dict[str, Any]:
    """The giấy mời as PDF, base64 in the reply like ``minutes.render``; a participant gets
    the one addressed to them, the preparers the one for "the list attached"."""
    import asyncio
    import base64

    from server.dispatch import check_access
    from server.modules.meetings.invitation import invitation_filename, render_invitation_pdf

    def unit(tx: Tx) -> Any:
        check_access(_spec("invitation.render"), ctx, tx.conn, p)
        return read_invitation(tx.conn, p.meeting_id, ctx.user_id)

    inv = await ctx.services.committer.run(unit)
    data = await asyncio.get_running_loop().run_in_executor(None, render_invitation_pdf, inv)
    return {"format": "pdf", "filename": invitation_filename(inv), "size": len(data),
            "content_base64": base64.b64encode(data).decode("ascii")}
