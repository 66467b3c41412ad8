"""``GET /calendar.ics``: the calendar as iCalendar for Thunderbird, phones and the like.

The same occurrences as ``calendar.list`` for the same user and dates, but a series whose
every occurrence in the range is visible travels as one VEVENT with its RRULE (UNTIL in
UTC), EXDATEs for cancelled occurrences and a RECURRENCE-ID VEVENT per moved one, so a
subscribing program keeps the series together. Times are Asia/Ho_Chi_Minh with a VTIMEZONE.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import Any

from aiohttp import web
from icalendar import Timezone
from sqlalchemy import select

from server.modules.accounts import service as accounts
from server.modules.calendar import people, service
from server.modules.calendar.commands import list_window
from server.modules.calendar.recurrence import LOCAL_TZ, from_utc_key
from server.modules.calendar.tables import cal_events
from server.storage.committer import Tx

PRODID = "-//Hop thong minh//Lich cong tac//VI"
UID_DOMAIN = "hop-thong-minh"
TZID = "Asia/Ho_Chi_Minh"


def uid_of(occ: service.Occurrence) -> str:
    if occ.meeting_id is not None:
        return f"meeting-{occ.meeting_id}@{UID_DOMAIN}"
    return f"event-{occ.event_id}@{UID_DOMAIN}"


@cache
def vtimezone() -> str:
    """Asia/Ho_Chi_Minh as a VTIMEZONE, made once by icalendar from the tz database."""
    return Timezone.from_tzid("Asia/Ho_Chi_Minh").to_ical().decode().replace("\r\n", "\n")


def escape_text(text: str) -> str:
    """RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newlines escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next with a leading space (§3.1),
    never splitting a UTF-8 character."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode())
        start, limit = end, 74
    return "\r\n ".join(parts)


def _local(dt: datetime) -> str:
    return dt.astimezone(LOCAL_TZ).strftime("%Y%m%dT%H%M%S")


def _vevent(lines: list[str], uid: str, stamp: str, start: datetime, end: datetime,
            title: str, location: str, notes: str, extra: tuple[str, ...] = ()) -> None:
    lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}",
              f"DTSTART;TZID={TZID}:{_local(start)}", f"DTEND;TZID={TZID}:{_local(end)}",
              fold(f"SUMMARY:{escape_text(title)}")]
    if location:
        lines.append(fold(f"LOCATION:{escape_text(location)}"))
    if notes:
        lines.append(fold(f"DESCRIPTION:{escape_text(notes)}"))
    lines.extend(extra)
    lines.append("END:VEVENT")


def build_calendar(conn: Any, session: Any, from_: str, to: str, now: datetime) -> bytes:
    """The iCalendar text of what ``session`` sees in ``from``…``to``.

    Written line by line (icalendar's objects cost ~0.7 ms per event: seconds for a year);
    the tests read it back with icalendar and recurring-ical-events.
    """
    ws, we = list_window(from_, to)
    who = service.viewer(conn, session)
    occs = service.visible_occurrences(conn, who, ws, we)
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", f"PRODID:{PRODID}", "VERSION:2.0", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:Lịch công tác", f"X-WR-TIMEZONE:{TZID}"]
    lines += vtimezone().strip().split("\n")
    series: set[int] = set()
    for occ in occs:
        if occ.rrule is not None and occ.event_id is not None:
            series.add(occ.event_id)
        else:
            _vevent(lines, uid_of(occ), stamp, occ.start, occ.end, occ.title, occ.location,
                    occ.notes)
    ids = sorted(series)
    rows = {r.id: r for r in conn.execute(select(cal_events).where(cal_events.c.id.in_(ids)))
            } if ids else {}
    exceptions = service._exceptions(conn, ids)
    for event_id in ids:
        # The series as stored: DTSTART and the rule (UNTIL in UTC); cancelled occurrences
        # as EXDATE; each moved one as a VEVENT with its RECURRENCE-ID, in range or not.
        base = rows[event_id]
        uid = f"event-{event_id}@{UID_DOMAIN}"
        mine = exceptions.get(event_id, {})
        extra = [f"RRULE:{base.rrule}"]
        extra += [f"EXDATE;TZID={TZID}:{_local(from_utc_key(key))}"
                  for key, x in sorted(mine.items()) if x.cancelled]
        _vevent(lines, uid, stamp, datetime.fromisoformat(base.starts_at),
                datetime.fromisoformat(base.ends_at), base.title, base.location, base.notes,
                tuple(extra))
        for key, x in sorted(mine.items()):
            if x.cancelled or x.starts_at is None:
                continue
            _vevent(lines, uid, stamp, datetime.fromisoformat(x.starts_at),
                    datetime.fromisoformat(x.ends_at), x.title or base.title,
                    x.location if x.location is not None else base.location,
                    x.notes if x.notes is not None else base.notes,
                    (f"RECURRENCE-ID;TZID={TZID}:{_local(from_utc_key(key))}",))
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def ics_routes(services: Any) -> list[web.RouteDef]:
    async def handler(request: web.Request) -> web.Response:
        auth = request.headers.get("Authorization", "")
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        from_, to = request.query.get("from", ""), request.query.get("to", "")

        def unit(tx: Tx) -> bytes | None:
            found = accounts.session_user(tx.conn, token, tx.now) if token else None
            if found is None:
                return None
            session = people.session_for(tx.conn, found[0])
            return build_calendar(tx.conn, session, from_, to, tx.now)

        from server.errors import ProtocolError

        try:
            body = await services.committer.run(unit)
        except ProtocolError as exc:
            return web.json_response({"error": exc.code.value, "message": exc.message},
                                     status=400)
        if body is None:
            return web.json_response({"error": "unauthenticated",
                                      "message": "Cần đăng nhập."}, status=401,
                                     headers={"WWW-Authenticate": "Bearer"})
        return web.Response(body=body, content_type="text/calendar", charset="utf-8")

    return [web.get("/calendar.ics", handler)]
