"""calendar.*: the work calendar's commands (PROTOCOL.md "Work calendar" and extensions).

Who may do what: any signed-in user lists what they may see and creates events they host;
the office (and admins) create, edit and cancel any event, add rooms and publish weeks;
an event's creator or host edits and cancels it. An event a user may not see answers
exactly like a missing one (``not_found``). Double bookings are flagged, never refused.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import msgspec
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from meeting_protocol import calendar as cp
from meeting_protocol.documents import user_topic
from server.dispatch import AUTHENTICATED, CommandSet, Context, Reply, follow_topic, global_roles
from server.errors import BadRequest, Conflict, Forbidden, NotFound
from server.module import Reader
from server.modules.attachments.claim import claim, of_owners
from server.modules.calendar import people, service
from server.modules.calendar.publishing import (
    holidays_between,
    mark_superseded,
    publications_between,
)
from server.modules.calendar.recurrence import (
    LOCAL_TZ,
    check_synchronized,
    day_start,
    expand,
    from_utc_key,
    last_end,
    local_iso,
    parse_date,
    parse_rrule,
    parse_time,
    utc_key,
    week_monday,
)
from server.modules.calendar.tables import (
    cal_events,
    cal_exceptions,
    cal_participants,
    cal_reminder_settings,
    cal_rooms,
    cal_units,
)
from server.storage.committer import Tx

commands = CommandSet()
OFFICE = global_roles("office")
MAX_LIST_DAYS = 400
"""A list covers at most this many days (a year and a bit: the .ics of a year)."""
CONFLICT_HORIZON = timedelta(days=366)
"""How far ahead a recurring event's double bookings are looked for."""

NOT_FOUND = "Không tìm thấy lịch công tác."
NOT_FOUND_EN = "Calendar event not found."


def _not_found() -> NotFound:
    return NotFound(NOT_FOUND, en=NOT_FOUND_EN)


def _session(ctx: Context) -> Any:
    if ctx.session is None:  # the dispatcher checked already; keeps type checkers calm
        raise NotFound()
    return ctx.session


def list_window(from_: str, to: str) -> tuple[datetime, datetime]:
    """``from``…``to`` (inclusive dates, local) as an aware half-open window."""
    first, last = parse_date(from_, "from"), parse_date(to, "to")
    if last < first:
        raise BadRequest("Ngày kết thúc trước ngày bắt đầu.", en="'to' is before 'from'.")
    if (last - first).days >= MAX_LIST_DAYS:
        raise BadRequest(f"Chỉ xem được tối đa {MAX_LIST_DAYS} ngày một lần.",
                         en=f"At most {MAX_LIST_DAYS} days at a time.")
    return day_start(first), day_start(last + timedelta(days=1))


def _times(starts_at: str, ends_at: str) -> tuple[datetime, datetime]:
    start, end = parse_time(starts_at, "starts_at"), parse_time(ends_at, "ends_at")
    if end <= start:
        raise BadRequest("Thời gian kết thúc phải sau thời gian bắt đầu.",
                         en="The end must be after the start.")
    if end - start > service.MAX_SPAN:
        raise BadRequest("Một sự kiện dài tối đa 31 ngày.", en="An event lasts 31 days at most.")
    return start, end


def _until(start: datetime, end: datetime, rrule: str | None) -> tuple[str | None, str | None]:
    """Canonical RRULE and the UTC end of its last occurrence (None: endless)."""
    if rrule is None:
        return None, None
    rule = parse_rrule(rrule)
    check_synchronized(start, rule)
    last = last_end(start, end - start, rule)
    return rule.text, (utc_key(last) if last is not None else None)


def _room(conn: Connection, room_id: int | None) -> Any:
    if room_id is None:
        return None
    row = conn.execute(select(cal_rooms).where(cal_rooms.c.id == room_id)).first()
    if row is None:
        raise NotFound("Không tìm thấy phòng họp.", en="Room not found.")
    return row


def _event_row(conn: Connection, event_id: int) -> Any:
    row = conn.execute(select(cal_events).where(cal_events.c.id == event_id)).first()
    if row is None or row.cancelled:
        raise _not_found()
    return row


def _visible_row(ctx: Context, conn: Connection, event_id: int) -> Any:
    """The event's row if this user may see it; ``not_found`` otherwise."""
    row = _event_row(conn, event_id)
    who = service.viewer(conn, _session(ctx))
    people_of, units_of = service._members(conn, [row.id])
    probe = service._base(row, people_of, units_of, datetime.fromisoformat(row.starts_at),
                          datetime.fromisoformat(row.ends_at))
    if not who.sees(probe):
        raise _not_found()
    return row


def may_read_event_files(conn: Connection, reader: Reader, event_id: int) -> bool:
    """An event's attachments: whoever sees the event (attachments owner rule)."""
    row = conn.execute(select(cal_events).where(cal_events.c.id == event_id)).first()
    if row is None or row.cancelled:
        return False
    who = service.viewer(conn, reader)
    people_of, units_of = service._members(conn, [row.id])
    probe = service._base(row, people_of, units_of, datetime.fromisoformat(row.starts_at),
                          datetime.fromisoformat(row.ends_at))
    return bool(who.sees(probe))


def _editable_row(ctx: Context, conn: Connection, event_id: int) -> Any:
    row = _visible_row(ctx, conn, event_id)
    session = _session(ctx)
    if not (people.edits_all(session) or session.user_id in (row.created_by, row.host_id)):
        raise Forbidden("Chỉ Văn phòng, người tạo hoặc người chủ trì được sửa lịch này.",
                        en="Only the office, the creator or the host may change this event.")
    return row


def _horizon(row: Any) -> tuple[datetime, datetime]:
    start = datetime.fromisoformat(row.starts_at)
    end = datetime.fromisoformat(row.ends_at)
    if row.until_utc is not None:
        last = datetime.strptime(row.until_utc, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=start.tzinfo)
        end = max(end, min(last, start + CONFLICT_HORIZON))
    elif row.rrule is not None:
        end = start + CONFLICT_HORIZON
    return start, end


def _occurrences_of(conn: Connection, event_id: int, ws: datetime, we: datetime
                    ) -> list[service.Occurrence]:
    return service.event_occurrences(conn, ws, we, event_ids=[event_id])


def _conflicts(ctx: Context, conn: Connection, event_id: int) -> list[dict[str, Any]]:
    row = _event_row(conn, event_id)
    ws, we = _horizon(row)
    # Exceptions may move occurrences anywhere: widen to them.
    for s, e in conn.execute(select(cal_exceptions.c.starts_at, cal_exceptions.c.ends_at).where(
            cal_exceptions.c.event_id == event_id, cal_exceptions.c.cancelled.is_(False))):
        ws = min(ws, datetime.fromisoformat(s))
        we = max(we, datetime.fromisoformat(e))
    mine = _occurrences_of(conn, event_id, ws, we)
    who = service.viewer(conn, _session(ctx))
    others = [o for o in service.visible_occurrences(conn, who, ws, we)
              if o.event_id != event_id]
    return service.conflicts_of(conn, mine, others)


class Touched:
    """What a change touched: the dates for ``calendar.changed`` and the people to tell
    when a published week changes. Collect before and after the change, then ``emit``."""

    def __init__(self) -> None:
        self.occs: list[service.Occurrence] = []
        self.open_end = False
        self.event_id = 0

    def collect(self, conn: Connection, event_id: int) -> None:
        row = conn.execute(select(cal_events).where(cal_events.c.id == event_id)).first()
        if row is None:
            return
        self.event_id = event_id
        ws, we = _horizon(row)
        if row.rrule is not None and row.until_utc is None:
            self.open_end = True
        for s, e in conn.execute(select(cal_exceptions.c.starts_at, cal_exceptions.c.ends_at)
                                 .where(cal_exceptions.c.event_id == event_id,
                                        cal_exceptions.c.starts_at.is_not(None))):
            ws = min(ws, datetime.fromisoformat(s))
            we = max(we, datetime.fromisoformat(e))
        self.occs += _occurrences_of(conn, event_id, ws, we)

    def emit(self, tx: Tx) -> None:
        if not self.occs:
            return
        first = min(o.start for o in self.occs).astimezone(LOCAL_TZ).date()
        last = max(o.end for o in self.occs).astimezone(LOCAL_TZ).date()
        tx.emit(cp.CALENDAR_TOPIC, cp.CalendarChanged(
            from_=first.isoformat(), to=None if self.open_end else last.isoformat()))
        weeks = {week_monday(o.start.astimezone(LOCAL_TZ).date()) for o in self.occs}
        affected: set[int] = set()
        for o in self.occs:
            affected |= o.attendees
            if o.host_id is not None:
                affected.add(o.host_id)
            if o.created_by is not None:
                affected.add(o.created_by)
        for week, version in mark_superseded(tx.conn, weeks, tx.now_iso):
            for user_id in sorted(affected):
                tx.emit(user_topic(user_id), cp.CalendarSuperseded(
                    week=week, version=version, event_id=self.event_id))


def _set_members(conn: Connection, event_id: int, participant_ids: list[int] | None,
                 unit_ids: list[int] | None) -> None:
    if participant_ids is not None:
        conn.execute(delete(cal_participants).where(cal_participants.c.event_id == event_id))
        ids = sorted(set(participant_ids))
        if ids:
            conn.execute(insert(cal_participants), [{"event_id": event_id, "user_id": u}
                                                    for u in ids])
    if unit_ids is not None:
        conn.execute(delete(cal_units).where(cal_units.c.event_id == event_id))
        ids = sorted(set(unit_ids))
        if ids:
            conn.execute(insert(cal_units), [{"event_id": event_id, "unit_id": u} for u in ids])


# --------------------------------------------------------------------------- create


@commands.command("calendar.create", access=AUTHENTICATED, payload=cp.CalendarCreate)
def create(ctx: Context, tx: Tx, p: cp.CalendarCreate) -> dict[str, Any]:
    """A new event (or series); double bookings come back in ``conflicts``."""
    session = _session(ctx)
    conn = tx.conn
    host_id = p.host_id
    if not people.edits_all(session):
        if host_id is None:
            host_id = session.user_id
        if host_id != session.user_id:
            raise Forbidden("Chỉ Văn phòng được xếp lịch cho người khác chủ trì.",
                            en="Only the office may schedule events hosted by someone else.")
    start, end = _times(p.starts_at, p.ends_at)
    rrule, until_utc = _until(start, end, p.rrule)
    people.check_users(conn, [u for u in (host_id, p.delegate_id) if u is not None]
                       + p.participant_ids)
    people.check_units(conn, p.unit_ids + ([p.preparing_unit_id] if p.preparing_unit_id
                                           else []))
    room = _room(conn, p.room_id)
    location = (p.location or "").strip() or (room.name if room is not None else "")
    event_id = int(conn.execute(insert(cal_events).values(
        title=p.title.strip() or p.title, starts_at=local_iso(start), ends_at=local_iso(end),
        start_utc=utc_key(start), end_utc=utc_key(end), rrule=rrule, until_utc=until_utc,
        location=location, room_id=p.room_id, host_id=host_id, delegate_id=p.delegate_id,
        preparing_unit_id=p.preparing_unit_id, notes=p.notes or "", visibility=p.visibility,
        cancelled=False, created_by=session.user_id, created_at=tx.now_iso,
        updated_at=tx.now_iso)).inserted_primary_key[0])  # type: ignore[index]
    _set_members(conn, event_id, p.participant_ids, p.unit_ids)
    if p.attachment_ids:
        claim(conn, session.user_id, p.attachment_ids, "calendar_event", event_id, tx.now_iso)
    service.index_series(conn, event_id)
    touched = Touched()
    touched.collect(conn, event_id)
    touched.emit(tx)
    return {"event_id": event_id, "conflicts": _conflicts(ctx, conn, event_id)}


# --------------------------------------------------------------------------- list / get


@commands.command("calendar.list", access=AUTHENTICATED, payload=cp.CalendarList,
                  read_only=True)
def list_events(ctx: Context, tx: Tx, p: cp.CalendarList) -> dict[str, Any]:
    """Occurrences in ``from``…``to`` the user may see, with their double bookings."""
    ws, we = list_window(p.from_, p.to)
    conn = tx.conn
    who = service.viewer(conn, _session(ctx))
    occs = service.visible_occurrences(conn, who, ws, we)
    flags = service.conflicts_within(conn, occs)
    events = []
    for occ, conflicts in zip(occs, flags, strict=True):
        if p.user_id is not None and not occ.involves(p.user_id):
            continue
        if p.unit_id is not None and p.unit_id not in occ.unit_ids \
                and p.unit_id != occ.preparing_unit_id:
            continue
        if p.room_id is not None and occ.room_id != p.room_id:
            continue
        events.append({**occ.wire(), "conflicts": conflicts})
    first, last = ws.date(), (we - timedelta(days=1)).date()
    return {"events": events, "weeks": publications_between(conn, first, last),
            "holidays": holidays_between(first, last)}


@commands.command("calendar.get", access=AUTHENTICATED, payload=cp.CalendarGet,
                  read_only=True)
def get(ctx: Context, tx: Tx, p: cp.CalendarGet) -> dict[str, Any]:
    """One event as stored: its rule, exceptions and whether this user may edit it."""
    row = _visible_row(ctx, tx.conn, p.event_id)
    session = _session(ctx)
    people_of, units_of = service._members(tx.conn, [row.id])
    exceptions = [{"occurrence": local_iso(from_utc_key(x.recurrence_utc)),
                   "cancelled": x.cancelled, "starts_at": x.starts_at, "ends_at": x.ends_at,
                   "title": x.title}
        for x in tx.conn.execute(select(cal_exceptions).where(
            cal_exceptions.c.event_id == row.id).order_by(cal_exceptions.c.recurrence_utc))]
    return {
        "event_id": row.id, "title": row.title, "starts_at": row.starts_at,
        "ends_at": row.ends_at, "location": row.location, "room_id": row.room_id,
        "host_id": row.host_id, "delegate_id": row.delegate_id,
        "participant_ids": people_of.get(row.id, []), "unit_ids": units_of.get(row.id, []),
        "preparing_unit_id": row.preparing_unit_id, "notes": row.notes,
        "visibility": row.visibility, "rrule": row.rrule, "exceptions": exceptions,
        "editable": people.edits_all(session) or session.user_id in (row.created_by,
                                                                      row.host_id),
        "conflicts": _conflicts(ctx, tx.conn, row.id),
        "attachments": of_owners(tx.conn, "calendar_event", [row.id]).get(row.id, []),
    }


# --------------------------------------------------------------------------- update / cancel


def _occurrence_key(conn: Connection, row: Any, occurrence: str | None) -> str:
    """The UTC key of one existing occurrence of a recurring series."""
    if row.rrule is None:
        raise BadRequest("Sự kiện không lặp lại: hãy sửa cả sự kiện.",
                         en="Not a recurring event: change the whole event.")
    if occurrence is None:
        raise BadRequest("Thiếu lần cần sửa (occurrence).", en="Missing 'occurrence'.")
    at = parse_time(occurrence, "occurrence")
    key = utc_key(at)
    start = datetime.fromisoformat(row.starts_at)
    duration = datetime.fromisoformat(row.ends_at) - start
    found = any(utc_key(s) == key for s in expand(
        start, duration, parse_rrule(row.rrule), at, at + timedelta(seconds=1)))
    if not found:
        raise _not_found()
    return key


SERIES_ONLY = ("host_id", "participant_ids", "unit_ids", "preparing_unit_id", "rrule",
               "visibility", "delegate_id")


@commands.command("calendar.update", access=AUTHENTICATED, payload=cp.CalendarUpdate)
def update_event(ctx: Context, tx: Tx, p: cp.CalendarUpdate) -> dict[str, Any]:
    """Change the series, or (``scope: occurrence``) move or edit one occurrence."""
    conn = tx.conn
    row = _editable_row(ctx, conn, p.event_id)
    session = _session(ctx)
    given = {f: getattr(p, f) for f in p.__struct_fields__
             if f not in ("event_id", "scope", "occurrence", "attachment_ids")
             and getattr(p, f) is not msgspec.UNSET}
    if p.attachment_ids:
        claim(conn, session.user_id, p.attachment_ids, "calendar_event", row.id, tx.now_iso)
    touched = Touched()
    touched.collect(conn, row.id)
    if p.scope == "occurrence":
        if any(f in given for f in SERIES_ONLY):
            raise BadRequest("Một lần họp riêng chỉ đổi được thời gian, tiêu đề, địa điểm "
                             "và ghi chú.", en="One occurrence can change only its time, "
                             "title, place and notes.")
        key = _occurrence_key(conn, row, p.occurrence)
        base_start = datetime.fromisoformat(row.starts_at)
        duration = datetime.fromisoformat(row.ends_at) - base_start
        existing = conn.execute(select(cal_exceptions).where(
            cal_exceptions.c.event_id == row.id,
            cal_exceptions.c.recurrence_utc == key)).first()
        orig = from_utc_key(key)
        cur_start = datetime.fromisoformat(existing.starts_at) if existing and \
            existing.starts_at else orig
        cur_end = datetime.fromisoformat(existing.ends_at) if existing and \
            existing.ends_at else orig + duration
        start, end = _times(given.get("starts_at", local_iso(cur_start)),
                            given.get("ends_at", local_iso(
                                cur_end if "starts_at" not in given else
                                parse_time(given["starts_at"], "starts_at")
                                + (cur_end - cur_start))))
        if "room_id" in given:
            _room(conn, given["room_id"])
        values = {"cancelled": False, "starts_at": local_iso(start), "ends_at": local_iso(end),
                  "start_utc": utc_key(start), "end_utc": utc_key(end)}
        for f in ("title", "location", "room_id", "notes"):
            if f in given:
                values[f] = given[f] if given[f] is not None else ""
            elif existing is not None:
                values[f] = getattr(existing, f)
        conn.execute(delete(cal_exceptions).where(cal_exceptions.c.event_id == row.id,
                                                  cal_exceptions.c.recurrence_utc == key))
        conn.execute(insert(cal_exceptions).values(event_id=row.id, recurrence_utc=key,
                                                   **values))
    else:
        if not people.edits_all(session) and given.get("host_id", row.host_id) not in (
                session.user_id, row.host_id):
            raise Forbidden("Chỉ Văn phòng được giao người khác chủ trì.",
                            en="Only the office may hand an event to another host.")
        start, end = _times(given.get("starts_at", row.starts_at),
                            given.get("ends_at", row.ends_at))
        rrule_text = given.get("rrule", row.rrule)
        rrule, until_utc = _until(start, end, rrule_text)
        people.check_users(conn, [u for u in (given.get("host_id"), given.get("delegate_id"))
                                  if u is not None] + given.get("participant_ids", []))
        people.check_units(conn, given.get("unit_ids", []) + (
            [given["preparing_unit_id"]] if given.get("preparing_unit_id") else []))
        if "room_id" in given:
            _room(conn, given["room_id"])
        values: dict[str, Any] = {
            "starts_at": local_iso(start), "ends_at": local_iso(end),
            "start_utc": utc_key(start), "end_utc": utc_key(end), "rrule": rrule,
            "until_utc": until_utc, "updated_at": tx.now_iso}
        for f in ("title", "location", "room_id", "host_id", "delegate_id",
                  "preparing_unit_id", "notes", "visibility"):
            if f in given:
                values[f] = given[f] if given[f] is not None or f not in (
                    "location", "notes") else ""
        conn.execute(update(cal_events).where(cal_events.c.id == row.id).values(**values))
        if (values["starts_at"], values["ends_at"], rrule) != (row.starts_at, row.ends_at,
                                                               row.rrule):
            # The occurrences were renumbered: per-occurrence edits no longer apply.
            conn.execute(delete(cal_exceptions).where(cal_exceptions.c.event_id == row.id))
        _set_members(conn, row.id, given.get("participant_ids"), given.get("unit_ids"))
        service.index_series(conn, row.id)
    touched.collect(conn, row.id)
    touched.emit(tx)
    return {"event_id": row.id, "conflicts": _conflicts(ctx, conn, row.id)}


@commands.command("calendar.cancel", access=AUTHENTICATED, payload=cp.CalendarCancel)
def cancel(ctx: Context, tx: Tx, p: cp.CalendarCancel) -> dict[str, Any]:
    """Cancel the series, or (``scope: occurrence``) one occurrence (an EXDATE)."""
    conn = tx.conn
    row = _editable_row(ctx, conn, p.event_id)
    touched = Touched()
    touched.collect(conn, row.id)
    if p.scope == "occurrence" and row.rrule is not None:
        key = _occurrence_key(conn, row, p.occurrence)
        conn.execute(delete(cal_exceptions).where(cal_exceptions.c.event_id == row.id,
                                                  cal_exceptions.c.recurrence_utc == key))
        conn.execute(insert(cal_exceptions).values(event_id=row.id, recurrence_utc=key,
                                                   cancelled=True))
    else:
        conn.execute(update(cal_events).where(cal_events.c.id == row.id).values(
            cancelled=True, updated_at=tx.now_iso))
    touched.emit(tx)
    return {"event_id": row.id, "cancelled": True}


# --------------------------------------------------------------------------- rooms


@commands.command("calendar.rooms", access=AUTHENTICATED, payload=cp.CalendarRooms,
                  read_only=True)
def list_rooms(ctx: Context, tx: Tx, _p: cp.CalendarRooms) -> dict[str, Any]:
    return {"rooms": service.rooms(tx.conn)}


@commands.command("calendar.room.create", access=OFFICE, payload=cp.CalendarRoomCreate)
def create_room(ctx: Context, tx: Tx, p: cp.CalendarRoomCreate) -> dict[str, Any]:
    name = " ".join(p.name.split())
    if not name:
        raise BadRequest("Tên phòng không được để trống.", en="The room needs a name.")
    taken = tx.conn.execute(select(cal_rooms.c.id).where(cal_rooms.c.name == name)).first()
    if taken is not None:
        raise Conflict("Đã có phòng họp tên này.", en="A room with this name exists.")
    room_id = tx.conn.execute(insert(cal_rooms).values(
        name=name, capacity=p.capacity, location=p.location)).inserted_primary_key[0]
    return {"room_id": int(room_id)}  # type: ignore[arg-type]


# --------------------------------------------------------------------------- publishing


@commands.command("calendar.publish", access=OFFICE, payload=cp.CalendarPublish)
def publish(ctx: Context, tx: Tx, p: cp.CalendarPublish) -> dict[str, Any]:
    """Publish a week (again: a new version, "lịch điều chỉnh")."""
    from server.modules.calendar.publishing import publish_week

    monday = week_monday(parse_date(p.week, "week"))
    version = publish_week(tx.conn, monday, ctx.user_id, tx.now_iso)
    tx.emit(cp.CALENDAR_TOPIC, cp.CalendarPublished(week=monday.isoformat(), version=version))
    return {"week": monday.isoformat(), "version": version, "published_at": tx.now_iso}


@commands.command("calendar.week_pdf", access=AUTHENTICATED, payload=cp.CalendarWeekPdf,
                  is_async=True, read_only=True)
async def week_pdf(ctx: Context, p: cp.CalendarWeekPdf) -> dict[str, Any]:
    """"Lịch công tác tuần" as PDF (base64), rendered off the loop and the database thread."""
    import base64

    from server.modules.calendar.weekpdf import render_week_pdf, week_schedule

    if ctx.session is None:
        from server.errors import Unauthenticated

        raise Unauthenticated()
    monday = week_monday(parse_date(p.week, "week"))
    schedule = await ctx.services.committer.run(
        lambda tx: week_schedule(tx.conn, ctx.session, monday))
    data = await asyncio.get_running_loop().run_in_executor(None, render_week_pdf, schedule)
    return {"week": monday.isoformat(), "version": schedule.version,
            "superseded": schedule.superseded,
            "filename": f"lich-cong-tac-tuan-{monday.isoformat()}.pdf", "size": len(data),
            "content_base64": base64.b64encode(data).decode("ascii")}


# --------------------------------------------------------------------------- live and settings


@commands.command("calendar.subscribe", access=AUTHENTICATED, payload=cp.CalendarSubscribe,
                  read_only=True)
def subscribe(ctx: Context, tx: Tx, p: cp.CalendarSubscribe) -> Reply:
    """Follow ``calendar`` like ``user.subscribe``: the missed events, then live ones.

    Its events carry dates and week numbers only (never a title), so everyone may follow
    it; a terminal refetches ``calendar.list`` for the dates it shows.
    """
    return follow_topic(ctx, tx, cp.CALENDAR_TOPIC, p.since)


def reminder_minutes(conn: Connection, user_id: int) -> int:
    found = conn.execute(select(cal_reminder_settings.c.minutes).where(
        cal_reminder_settings.c.user_id == user_id)).scalar_one_or_none()
    return cp.DEFAULT_REMINDER_MIN if found is None else int(found)


@commands.command("calendar.reminder", access=AUTHENTICATED, payload=cp.CalendarReminder)
def reminder(ctx: Context, tx: Tx, p: cp.CalendarReminder) -> dict[str, Any]:
    """Read or set how many minutes before an event this user is reminded (0: never)."""
    if p.minutes is not None:
        tx.conn.execute(delete(cal_reminder_settings).where(
            cal_reminder_settings.c.user_id == ctx.user_id))
        tx.conn.execute(insert(cal_reminder_settings).values(user_id=ctx.user_id,
                                                             minutes=p.minutes))
    return {"minutes": reminder_minutes(tx.conn, ctx.user_id)}


@commands.command("calendar.holidays", access=AUTHENTICATED, payload=cp.CalendarHolidays,
                  read_only=True)
def holidays(ctx: Context, tx: Tx, p: cp.CalendarHolidays) -> dict[str, Any]:
    first, last = parse_date(p.from_, "from"), parse_date(p.to, "to")
    if last < first or (last - first).days > 3660:
        raise BadRequest("Khoảng ngày không hợp lệ.", en="Bad date range.")
    return {"holidays": holidays_between(first, last)}
