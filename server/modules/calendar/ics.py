"""``GET /calendar.ics``: the calendar as iCalendar for Thunderbird, phones and the like.

The same occurrences as ``calendar.list`` for the same user and dates, but a series whose
every occurrence in the range is visible travels as one VEVENT with its RRULE (UNTIL in
UTC), EXDATEs for cancelled occurrences and a RECURRENCE-ID VEVENT per moved one, so a
subscribing program keeps the series together. Times are Asia/Ho_Chi_Minh with a VTIMEZONE.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiohttp import web
from icalendar import Calendar, Event, Timezone, vRecur
from sqlalchemy import select

from server.modules.accounts import service as accounts
from server.modules.calendar import people, service
from server.modules.calendar.commands import list_window
from server.modules.calendar.recurrence import LOCAL_TZ, from_utc_key
from server.modules.calendar.tables import cal_events, cal_exceptions
from server.storage.committer import Tx

PRODID = "-//Hop thong minh//Lich cong tac//VI"
UID_DOMAIN = "hop-thong-minh"


def uid_of(occ: service.Occurrence) -> str:
    if occ.meeting_id is not None:
        return f"meeting-{occ.meeting_id}@{UID_DOMAIN}"
    return f"event-{occ.event_id}@{UID_DOMAIN}"


def _vevent(occ: service.Occurrence, stamp: datetime) -> Event:
    ev = Event()
    ev.add("uid", uid_of(occ))
    ev.add("dtstamp", stamp)
    ev.add("dtstart", occ.start.astimezone(LOCAL_TZ))
    ev.add("dtend", occ.end.astimezone(LOCAL_TZ))
    ev.add("summary", occ.title)
    if occ.location:
        ev.add("location", occ.location)
    if occ.notes:
        ev.add("description", occ.notes)
    return ev


def build_calendar(conn: Any, session: Any, from_: str, to: str, now: datetime) -> bytes:
    """The iCalendar text of what ``session`` sees in ``from``…``to``."""
    ws, we = list_window(from_, to)
    who = service.viewer(conn, session)
    occs = service.visible_occurrences(conn, who, ws, we)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Lịch công tác")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    cal.add_component(Timezone.from_tzid("Asia/Ho_Chi_Minh"))
    series: dict[int, list[service.Occurrence]] = {}
    for occ in occs:
        if occ.rrule is not None and occ.event_id is not None:
            series.setdefault(occ.event_id, []).append(occ)
        else:
            cal.add_component(_vevent(occ, now))
    for event_id in series:
        # The series as stored: DTSTART and the rule; cancelled occurrences as EXDATE.
        base = conn.execute(select(cal_events).where(cal_events.c.id == event_id)).first()
        start = datetime.fromisoformat(base.starts_at)
        end = datetime.fromisoformat(base.ends_at)
        head = service.Occurrence(event_id=event_id, meeting_id=None, title=base.title,
                                  start=start, end=end, location=base.location,
                                  notes=base.notes)
        ev = _vevent(head, now)
        ev.add("rrule", vRecur.from_ical(base.rrule))
        exceptions = list(conn.execute(select(cal_exceptions).where(
            cal_exceptions.c.event_id == event_id)))
        for x in exceptions:
            if x.cancelled:
                ev.add("exdate", from_utc_key(x.recurrence_utc).astimezone(LOCAL_TZ))
        cal.add_component(ev)
        for x in exceptions:  # every moved occurrence, in the range or moved out of it
            if x.cancelled or x.starts_at is None:
                continue
            moved = _vevent(service.Occurrence(
                event_id=event_id, meeting_id=None, title=x.title or base.title,
                start=datetime.fromisoformat(x.starts_at), end=datetime.fromisoformat(x.ends_at),
                location=x.location if x.location is not None else base.location,
                notes=x.notes if x.notes is not None else base.notes), now)
            moved.add("recurrence-id", from_utc_key(x.recurrence_utc).astimezone(LOCAL_TZ))
            cal.add_component(moved)
    return cal.to_ical()


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
