"""The calendar's reading side: occurrences in a window, who sees them, double bookings.

Everything is derived when asked: a recurring series is expanded for the window only
(:mod:`server.modules.calendar.recurrence`), and published meetings are read from the
meetings module's tables each time, so moving a meeting moves its entry with no copy to keep
in step. Runs inside a unit of work on the database thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection

from server.modules.calendar import people
from server.modules.calendar.recurrence import (
    expand,
    from_utc_key,
    local_iso,
    parse_rrule,
    utc_key,
)
from server.modules.calendar.tables import (
    cal_events,
    cal_exceptions,
    cal_participants,
    cal_rooms,
    cal_units,
)
from server.modules.meetings.tables import meetings, participants

MAX_SPAN = timedelta(days=31)
"""Longest single event; bounds how far back a window's query looks."""
MEETING_LENGTH = timedelta(hours=4)
"""A meeting without an end time (the core has none) is taken to last a morning."""


@dataclass(slots=True)
class Occurrence:
    """One occurrence of an event (or a meeting) as the calendar shows it."""

    event_id: int | None
    meeting_id: int | None
    title: str
    start: datetime
    end: datetime
    location: str = ""
    room_id: int | None = None
    host_id: int | None = None
    delegate_id: int | None = None
    participant_ids: list[int] = field(default_factory=list)
    unit_ids: list[int] = field(default_factory=list)
    preparing_unit_id: int | None = None
    notes: str = ""
    visibility: str = "involved"
    created_by: int | None = None
    rrule: str | None = None
    recurrence_id: datetime | None = None
    """The original start of a recurring occurrence (RECURRENCE-ID); None for singles."""
    moved: bool = False

    @property
    def attendees(self) -> set[int]:
        """Who is actually booked: the host — or whoever attends in their place — and the
        participants. A delegated host (ủy quyền) is free for something else."""
        out = set(self.participant_ids)
        who = self.delegate_id or self.host_id
        if who is not None:
            out.add(who)
        return out

    def involves(self, user_id: int) -> bool:
        return user_id in (self.host_id, self.delegate_id) or user_id in self.participant_ids

    def wire(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "title": self.title,
            "starts_at": local_iso(self.start), "ends_at": local_iso(self.end),
            "location": self.location, "host_id": self.host_id,
            "participant_ids": self.participant_ids, "unit_ids": self.unit_ids,
            "meeting_id": self.meeting_id,
            "room_id": self.room_id, "delegate_id": self.delegate_id,
            "preparing_unit_id": self.preparing_unit_id, "notes": self.notes,
            "visibility": self.visibility, "recurring": self.rrule is not None,
            "occurrence": local_iso(self.recurrence_id) if self.recurrence_id else None,
            "moved": self.moved,
        }


@dataclass(slots=True)
class Viewer:
    """Who is looking, as far as visibility goes."""

    user_id: int
    unit_id: int | None
    all: bool

    def sees(self, occ: Occurrence) -> bool:
        if self.all or (occ.visibility == "public" and occ.meeting_id is None):
            return True
        if occ.involves(self.user_id) or occ.created_by == self.user_id:
            return True
        return self.unit_id is not None and (
            self.unit_id in occ.unit_ids or self.unit_id == occ.preparing_unit_id)


# --------------------------------------------------------------------------- reading


def _series_rows(conn: Connection, ws: datetime, we: datetime,
                 event_ids: Iterable[int] | None = None) -> list[Any]:
    lo, hi = utc_key(ws), utc_key(we)
    c = cal_events.c
    if event_ids is not None:
        where = [c.id.in_(list(event_ids))]
    else:
        single = and_(c.rrule.is_(None), c.start_utc < hi, c.start_utc >= utc_key(ws - MAX_SPAN),
                      c.end_utc > lo)
        series = and_(c.rrule.is_not(None), c.start_utc < hi,
                      or_(c.until_utc.is_(None), c.until_utc > lo))
        where = [or_(single, series)]
    return list(conn.execute(select(cal_events).where(c.cancelled.is_(False), *where)))


def _moved_in(conn: Connection, ws: datetime, we: datetime) -> set[int]:
    """Series with an occurrence moved into the window from elsewhere."""
    x = cal_exceptions.c
    return set(conn.execute(select(x.event_id).where(
        x.cancelled.is_(False), x.start_utc < utc_key(we),
        x.start_utc >= utc_key(ws - MAX_SPAN), x.end_utc > utc_key(ws))).scalars())


def _members(conn: Connection, ids: list[int]) -> tuple[dict[int, list[int]],
                                                       dict[int, list[int]]]:
    people_of: dict[int, list[int]] = {}
    units_of: dict[int, list[int]] = {}
    if not ids:
        return people_of, units_of
    for i in range(0, len(ids), 900):  # SQLite's bound-parameter limit
        chunk = ids[i:i + 900]
        for event_id, user_id in conn.execute(select(
                cal_participants.c.event_id, cal_participants.c.user_id).where(
                cal_participants.c.event_id.in_(chunk)).order_by(cal_participants.c.user_id)):
            people_of.setdefault(event_id, []).append(user_id)
        for event_id, unit_id in conn.execute(select(
                cal_units.c.event_id, cal_units.c.unit_id).where(
                cal_units.c.event_id.in_(chunk)).order_by(cal_units.c.unit_id)):
            units_of.setdefault(event_id, []).append(unit_id)
    return people_of, units_of


def _exceptions(conn: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(ids), 900):
        for row in conn.execute(select(cal_exceptions).where(
                cal_exceptions.c.event_id.in_(ids[i:i + 900]))):
            out.setdefault(row.event_id, {})[row.recurrence_utc] = row
    return out


def _base(row: Any, people_of: dict[int, list[int]], units_of: dict[int, list[int]],
          start: datetime, end: datetime) -> Occurrence:
    return Occurrence(
        event_id=row.id, meeting_id=None, title=row.title, start=start, end=end,
        location=row.location, room_id=row.room_id, host_id=row.host_id,
        delegate_id=row.delegate_id, participant_ids=people_of.get(row.id, []),
        unit_ids=units_of.get(row.id, []), preparing_unit_id=row.preparing_unit_id,
        notes=row.notes, visibility=row.visibility, created_by=row.created_by,
        rrule=row.rrule)


def series_occurrences(row: Any, people_of: dict[int, list[int]],
                       units_of: dict[int, list[int]], exceptions: dict[str, Any],
                       ws: datetime, we: datetime) -> list[Occurrence]:
    """One event's occurrences overlapping [ws, we), exceptions applied."""
    start = datetime.fromisoformat(row.starts_at)
    end = datetime.fromisoformat(row.ends_at)
    if row.rrule is None:
        if start < we and end > ws:
            return [_base(row, people_of, units_of, start, end)]
        return []
    duration = end - start
    out = []
    for s in expand(start, duration, parse_rrule(row.rrule), ws, we):
        if utc_key(s) in exceptions:
            continue
        occ = _base(row, people_of, units_of, s, s + duration)
        occ.recurrence_id = s
        out.append(occ)
    for key, x in exceptions.items():
        if x.cancelled:
            continue
        s = datetime.fromisoformat(x.starts_at)
        e = datetime.fromisoformat(x.ends_at)
        if not (s < we and e > ws):
            continue
        occ = _base(row, people_of, units_of, s, e)
        occ.recurrence_id = from_utc_key(key)
        occ.moved = True
        if x.title is not None:
            occ.title = x.title
        if x.location is not None:
            occ.location = x.location
        if x.room_id is not None:
            occ.room_id = x.room_id
        if x.notes is not None:
            occ.notes = x.notes
        out.append(occ)
    return out


def event_occurrences(conn: Connection, ws: datetime, we: datetime,
                      event_ids: Iterable[int] | None = None) -> list[Occurrence]:
    """Every calendar event's occurrences overlapping [ws, we), no visibility applied."""
    rows = _series_rows(conn, ws, we, event_ids)
    if event_ids is None:
        have = {r.id for r in rows}
        extra = _moved_in(conn, ws, we) - have
        if extra:
            rows += _series_rows(conn, ws, we, extra)
    ids = [r.id for r in rows]
    people_of, units_of = _members(conn, ids)
    exceptions = _exceptions(conn, [r.id for r in rows if r.rrule is not None])
    out: list[Occurrence] = []
    for row in rows:
        out.extend(series_occurrences(row, people_of, units_of, exceptions.get(row.id, {}),
                                      ws, we))
    return out


def meeting_occurrences(conn: Connection, ws: datetime, we: datetime) -> list[Occurrence]:
    """Published meetings (anything but a draft) in the window, derived from their rows."""
    lo = (ws - timedelta(days=2)).astimezone(UTC).strftime("%Y-%m-%d")
    hi = (we + timedelta(days=2)).astimezone(UTC).strftime("%Y-%m-%d")
    m = meetings.c
    ends = m.get("ends_at")
    cols = [m.id, m.title, m.starts_at, m.location, m.status] + ([ends] if ends is not None
                                                                   else [])
    rows = list(conn.execute(select(*cols).where(
        m.starts_at >= lo, m.starts_at < hi, m.status != "draft")))
    if not rows:
        return []
    roles: dict[int, list[tuple[int, str]]] = {}
    for meeting_id, user_id, role in conn.execute(select(
            participants.c.meeting_id, participants.c.user_id, participants.c.role).where(
            participants.c.meeting_id.in_([r.id for r in rows])).order_by(
            participants.c.user_id)):
        roles.setdefault(meeting_id, []).append((user_id, role))
    out = []
    for r in rows:
        try:
            start = datetime.fromisoformat(r.starts_at)
            end_text = getattr(r, "ends_at", None)
            end = datetime.fromisoformat(end_text) if end_text else start + MEETING_LENGTH
        except ValueError:
            continue
        if start.tzinfo is None:
            start = start.replace(tzinfo=UTC)
        if end.tzinfo is None:
            end = end.replace(tzinfo=UTC)
        if not (start < we and end > ws):
            continue
        members = roles.get(r.id, [])
        chair = next((u for u, role in members if role == "chair"), None)
        out.append(Occurrence(
            event_id=None, meeting_id=r.id, title=r.title, start=start, end=end,
            location=r.location or "", host_id=chair,
            participant_ids=[u for u, role in members if u != chair],
            visibility="involved"))
    return out


def viewer(conn: Connection, session: Any) -> Viewer:
    return Viewer(user_id=session.user_id, unit_id=people.user_unit(conn, session.user_id),
                  all=people.sees_all(session))


def visible_occurrences(conn: Connection, who: Viewer, ws: datetime, we: datetime
                        ) -> list[Occurrence]:
    occs = event_occurrences(conn, ws, we) + meeting_occurrences(conn, ws, we)
    occs = [o for o in occs if who.sees(o)]
    occs.sort(key=lambda o: (o.start, o.end, o.event_id or 0, o.meeting_id or 0))
    return occs


# --------------------------------------------------------------------------- conflicts


def _unit_people(conn: Connection, occs: list[Occurrence]) -> dict[int, set[int]]:
    return people.unit_heads(conn, {u for o in occs for u in o.unit_ids})


def _booked(o: Occurrence, heads: dict[int, set[int]]) -> set[int]:
    out = o.attendees
    for unit in o.unit_ids:
        out |= heads.get(unit, set())
    return out


def _place(o: Occurrence) -> tuple[str, Any] | None:
    if o.room_id is not None:
        return ("room", o.room_id)
    text = " ".join(o.location.lower().split())
    return ("text", text) if text else None


def _kind(a: Occurrence, b: Occurrence, heads: dict[int, set[int]]) -> str | None:
    """Why ``a`` clashes with ``b``, from ``a``'s side (host before participant)."""
    common = _booked(a, heads) & _booked(b, heads)
    if common:
        host = a.delegate_id or a.host_id
        return "host" if host in common else "participant"
    pa, pb = _place(a), _place(b)
    if pa is not None and pa == pb:
        return "location"
    return None


def _same(a: Occurrence, b: Occurrence) -> bool:
    return (a.event_id is not None and a.event_id == b.event_id) or (
        a.meeting_id is not None and a.meeting_id == b.meeting_id)


def conflict_entry(other: Occurrence, kind: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"event_id": other.event_id, "title": other.title, "kind": kind,
                             "starts_at": local_iso(other.start)}
    if other.meeting_id is not None:
        entry["meeting_id"] = other.meeting_id
    return entry


def conflicts_within(conn: Connection, occs: list[Occurrence]) -> list[list[dict[str, Any]]]:
    """For each occurrence (sorted by start), the others that overlap it and share a person
    or a place. A sweep: each is compared only with those still running when it starts."""
    heads = _unit_people(conn, occs)
    out: list[list[dict[str, Any]]] = [[] for _ in occs]
    active: list[int] = []
    for i, o in enumerate(occs):
        active = [j for j in active if occs[j].end > o.start]
        for j in active:
            other = occs[j]
            if _same(o, other):
                continue
            kind = _kind(o, other, heads)
            if kind is not None:
                out[i].append(conflict_entry(other, kind))
                back = _kind(other, o, heads)
                out[j].append(conflict_entry(o, back or kind))
        active.append(i)
    return out


def conflicts_of(conn: Connection, mine: list[Occurrence], others: list[Occurrence]
                 ) -> list[dict[str, Any]]:
    """What ``mine`` (one event's occurrences) clashes with among ``others``; one entry per
    other event (or meeting) and kind, at its first clash."""
    heads = _unit_people(conn, mine + others)
    seen: set[tuple[Any, ...]] = set()
    out = []
    others = sorted(others, key=lambda o: o.start)
    for o in sorted(mine, key=lambda o: o.start):
        for other in others:
            if other.start >= o.end:
                break
            if other.end <= o.start or _same(o, other):
                continue
            kind = _kind(o, other, heads)
            key = (other.event_id, other.meeting_id, kind)
            if kind is not None and key not in seen:
                seen.add(key)
                out.append(conflict_entry(other, kind))
    return out


def rooms(conn: Connection) -> list[dict[str, Any]]:
    return [{"room_id": r.id, "name": r.name, "capacity": r.capacity, "location": r.location}
            for r in conn.execute(select(cal_rooms).order_by(cal_rooms.c.name))]
