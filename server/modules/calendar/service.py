"""The calendar's reading side: occurrences in a window, who sees them, double bookings.

A bounded series keeps its occurrences in ``cal_occurrences`` (rewritten on every change to
it), so a window reads the occurrences that touch it; endless series, and the rare bounded
ones too long to keep, are expanded for the window only
(:mod:`server.modules.calendar.recurrence`). Published meetings are read from the
meetings module's tables each time, so moving a meeting moves its entry with no copy to keep
in step. Runs inside a unit of work on the database thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from server.modules.calendar import people
from server.modules.calendar.recurrence import (
    LOCAL_TZ,
    expand,
    from_utc_key,
    local_iso,
    parse_rrule,
    utc_key,
)
from server.modules.calendar.tables import (
    cal_events,
    cal_exceptions,
    cal_occurrences,
    cal_rooms,
    cal_series_months,
)
from server.modules.meetings.tables import meetings, participants

MAX_SPAN = timedelta(days=31)
"""Longest single event; bounds how far back a window's query looks."""
MATERIALIZED = 1500
"""Most occurrences a series keeps in ``cal_occurrences`` (four years of a weekday rule)."""
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


def months_between(first_utc: str, last_utc: str) -> list[str]:
    """``YYYY-MM`` of every month from one UTC key to another, both included."""
    y, m = int(first_utc[:4]), int(first_utc[5:7])
    y2, m2 = int(last_utc[:4]), int(last_utc[5:7])
    out = []
    while (y, m) <= (y2, m2):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def series_index(event_id: int, starts_at: str, ends_at: str, start_utc: str,
                 rrule: str | None, until_utc: str | None
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``cal_occurrences`` and ``cal_series_months`` rows of one event: its occurrences
    for a bounded series of at most :data:`MATERIALIZED`, its months for a longer one,
    nothing for a single event or an endless series (read by its null ``until_utc``)."""
    if rrule is None or until_utc is None:
        return [], []
    start = datetime.fromisoformat(starts_at)
    duration = datetime.fromisoformat(ends_at) - start
    occurrences = []
    for s in expand(start, duration, parse_rrule(rrule), start,
                    from_utc_key(until_utc) + timedelta(seconds=1)):
        occurrences.append({"event_id": event_id, "start_utc": utc_key(s),
                            "end_utc": utc_key(s + duration)})
        if len(occurrences) > MATERIALIZED:
            return [], [{"event_id": event_id, "month": month}
                        for month in months_between(start_utc, until_utc)]
    return occurrences, []


def index_series(conn: Connection, event_id: int) -> None:
    """Keep ``cal_occurrences`` and ``cal_series_months`` in step with an event (after any
    change to it)."""
    conn.execute(delete(cal_series_months).where(cal_series_months.c.event_id == event_id))
    conn.execute(delete(cal_occurrences).where(cal_occurrences.c.event_id == event_id))
    row = conn.execute(select(cal_events.c.starts_at, cal_events.c.ends_at,
                              cal_events.c.start_utc, cal_events.c.rrule,
                              cal_events.c.until_utc)
                       .where(cal_events.c.id == event_id)).first()
    if row is None:
        return
    occurrences, months = series_index(event_id, *row)
    if occurrences:
        conn.execute(insert(cal_occurrences), occurrences)
    if months:
        conn.execute(insert(cal_series_months), months)


_COLUMNS = ("id", "title", "starts_at", "ends_at", "start_utc", "rrule", "until_utc",
            "location", "room_id", "host_id", "delegate_id", "preparing_unit_id", "notes",
            "visibility", "created_by")
_E = ", ".join(f"e.{c}" for c in _COLUMNS)
_SINGLES = (f"SELECT {_E} FROM cal_events e WHERE e.cancelled = ? AND e.rrule IS NULL "
            "AND e.start_utc < ? AND e.start_utc >= ? AND e.end_utc > ?")
_KEPT = (f"SELECT {_E}, o.start_utc FROM cal_occurrences o JOIN cal_events e "
         "ON e.id = o.event_id WHERE e.cancelled = ? AND o.start_utc < ? "
         "AND o.start_utc >= ? AND o.end_utc > ? ORDER BY o.event_id, o.start_utc")
_ENDLESS = (f"SELECT {_E} FROM cal_events e WHERE e.cancelled = ? AND e.rrule IS NOT NULL "
            "AND e.until_utc IS NULL AND e.start_utc < ?")


def _driver(conn: Connection, sql: str, params: tuple[Any, ...]) -> list[Any]:
    """Rows of plain SQL written with ``?`` marks, on whichever driver: a week's listing
    reads hundreds of rows, and SQLAlchemy's statement building and row processing
    were a third of its cost."""
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    return conn.exec_driver_sql(sql, params).fetchall()


def _series_rows(conn: Connection, ws: datetime, we: datetime,
                 event_ids: Iterable[int] | None = None
                 ) -> tuple[list[Any], dict[int, list[datetime]]]:
    """The events that may occur in [ws, we), and for the series kept in
    ``cal_occurrences`` their occurrences' starts there (local times, in order)."""
    lo, hi = utc_key(ws), utc_key(we)
    c = cal_events.c
    if event_ids is not None:
        return conn.execute(select(*(c[name] for name in _COLUMNS)).where(
            c.cancelled.is_(False), c.id.in_(list(event_ids)))).all(), {}
    since = utc_key(ws - MAX_SPAN)
    rows: list[Any] = []
    starts: dict[int, list[datetime]] = {}
    for row in _driver(conn, _KEPT, (False, hi, since, lo)):
        have = starts.get(row[0])
        if have is None:
            have = starts[row[0]] = []
            rows.append(row)
        have.append(from_utc_key(row[-1]).astimezone(LOCAL_TZ))
    rows += _driver(conn, _SINGLES, (False, hi, since, lo))
    months = months_between(lo, hi)
    rows += conn.execute(select(*(c[name] for name in _COLUMNS)).where(
        c.cancelled.is_(False), c.id.in_(select(cal_series_months.c.event_id).where(
            cal_series_months.c.month.in_(months))),
        c.start_utc < hi, c.until_utc > lo)).all()
    rows += _driver(conn, _ENDLESS, (False, hi))
    return rows, starts


def _moved_in(conn: Connection, ws: datetime, we: datetime) -> set[int]:
    """Series with an occurrence moved into the window from elsewhere."""
    x = cal_exceptions.c
    return set(conn.execute(select(x.event_id).where(
        x.cancelled.is_(False), x.start_utc < utc_key(we),
        x.start_utc >= utc_key(ws - MAX_SPAN), x.end_utc > utc_key(ws))).scalars().all())


def _members(conn: Connection, ids: list[int]) -> tuple[dict[int, list[int]],
                                                       dict[int, list[int]]]:
    """People and units of events, in id order. Plain SQL on the driver: on a busy week
    this reads a few thousand rows, and SQLAlchemy's row objects would double the cost."""
    people_of: dict[int, list[int]] = {}
    units_of: dict[int, list[int]] = {}
    for i in range(0, len(ids), 900):  # SQLite's bound-parameter limit
        chunk = ids[i:i + 900]
        marks = ",".join("?" * len(chunk))
        for table, out in (("cal_participants", people_of), ("cal_units", units_of)):
            column = "user_id" if table == "cal_participants" else "unit_id"
            rows = _driver(conn, f"SELECT event_id, {column} FROM {table} WHERE event_id "
                                 f"IN ({marks}) ORDER BY event_id, {column}", tuple(chunk))
            for event_id, other in rows:
                out.setdefault(event_id, []).append(other)
    return people_of, units_of


def _exceptions(conn: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(ids), 900):
        for row in conn.execute(select(cal_exceptions).where(
                cal_exceptions.c.event_id.in_(ids[i:i + 900]))).all():
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
                       ws: datetime, we: datetime,
                       starts: list[datetime] | None = None) -> list[Occurrence]:
    """One event's occurrences overlapping [ws, we), exceptions applied; ``starts``: the
    rule's occurrences there when already known (``cal_occurrences``)."""
    start = datetime.fromisoformat(row.starts_at)
    end = datetime.fromisoformat(row.ends_at)
    if row.rrule is None:
        if start < we and end > ws:
            return [_base(row, people_of, units_of, start, end)]
        return []
    duration = end - start
    out = []
    if starts is None:
        starts = list(expand(start, duration, parse_rrule(row.rrule), ws, we))
    for s in starts:
        if exceptions and utc_key(s) in exceptions:
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
    """Every calendar event's occurrences overlapping [ws, we), no visibility applied.

    People and units are read only for the events that do occur in the window.
    """
    rows, starts = _series_rows(conn, ws, we, event_ids)
    if event_ids is None:
        have = {r.id for r in rows}
        extra = _moved_in(conn, ws, we) - have
        if extra:  # moved here from outside the window: only their exceptions occur here
            rows += _series_rows(conn, ws, we, extra)[0]
    exceptions = _exceptions(conn, [r.id for r in rows if r.rrule is not None])
    out: list[Occurrence] = []
    for row in rows:
        out.extend(series_occurrences(row, {}, {}, exceptions.get(row.id, {}), ws, we,
                                      starts.get(row.id)))
    people_of, units_of = _members(conn, sorted({o.event_id for o in out
                                                 if o.event_id is not None}))
    for occ in out:
        occ.participant_ids = people_of.get(occ.event_id, [])  # type: ignore[arg-type]
        occ.unit_ids = units_of.get(occ.event_id, [])  # type: ignore[arg-type]
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


def _order(o: Occurrence) -> tuple[float, float, int, int]:
    # Timestamps: comparing aware datetimes is several times slower, on hundreds of rows.
    return (o.start.timestamp(), o.end.timestamp(), o.event_id or 0, o.meeting_id or 0)


def visible_occurrences(conn: Connection, who: Viewer, ws: datetime, we: datetime
                        ) -> list[Occurrence]:
    occs = event_occurrences(conn, ws, we) + meeting_occurrences(conn, ws, we)
    occs = [o for o in occs if who.sees(o)]
    occs.sort(key=_order)
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
    or a place.

    One sweep per person and per place over the occurrences that book them, so the cost
    grows with the real overlaps, not with every pair of the week. Times are compared as
    timestamps: aware datetimes compare several times slower.
    """
    heads = _unit_people(conn, occs)
    starts = [o.start.timestamp() for o in occs]
    ends = [o.end.timestamp() for o in occs]
    by_key: dict[Any, list[int]] = {}
    hosts: list[int | None] = []
    for i, o in enumerate(occs):
        hosts.append(o.delegate_id or o.host_id)
        booked = _booked(o, heads) if o.unit_ids else o.attendees
        for person in booked:  # people by their id, places by a tuple
            by_key.setdefault(person, []).append(i)
        place = _place(o)
        if place is not None:
            by_key.setdefault(place, []).append(i)
    shared: dict[tuple[int, int], list[Any]] = {}
    for key, idxs in by_key.items():
        if len(idxs) < 2:
            continue
        active: list[int] = []
        for i in idxs:
            start = starts[i]
            if active:
                active = [j for j in active if ends[j] > start]
                for j in active:
                    pair = shared.get((j, i))
                    if pair is None:
                        shared[(j, i)] = [key]
                    else:
                        pair.append(key)
            active.append(i)
    out: list[list[dict[str, Any]]] = [[] for _ in occs]
    if not shared:
        return out
    base: dict[int, dict[str, Any]] = {}
    for (j, i), keys in sorted(shared.items()):
        if _same(occs[i], occs[j]):
            continue
        people = {k for k in keys if isinstance(k, int)}
        for me, other in ((i, j), (j, i)):
            kind = ("host" if hosts[me] in people else "participant") if people else "location"
            entry = base.get(other)
            if entry is None:
                o = occs[other]
                entry = base[other] = {
                    "event_id": o.event_id, "title": o.title, "starts_at": local_iso(o.start),
                    **({"meeting_id": o.meeting_id} if o.meeting_id is not None else {})}
            out[me].append({**entry, "kind": kind})
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
