"""Reminders before events: each host and participant hears of an event on their
``user:<id>`` topic when it is as near as their setting (``calendar.reminder``, default 30
minutes; 0: never).

A timer on the loop runs one database unit every ``interval`` seconds. A reminder is
recorded (``cal_reminders_sent``) in the same unit that emits it, so each person is
reminded once per occurrence, across restarts too. An occurrence that already started is
not announced (a server that was down simply skips it).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from meeting_protocol import calendar as cp
from meeting_protocol.documents import user_topic
from server.modules.alerts.queries import raise_alert
from server.modules.calendar import service
from server.modules.calendar.recurrence import local_iso, utc_key
from server.modules.calendar.tables import cal_reminder_settings, cal_reminders_sent
from server.services import Services
from server.storage.committer import Tx

log = logging.getLogger(__name__)
INTERVAL_S = 5.0


def _minutes(conn: Connection, user_ids: set[int]) -> dict[int, int]:
    found = dict(conn.execute(select(cal_reminder_settings.c.user_id,  # type: ignore[arg-type]
                                     cal_reminder_settings.c.minutes).where(
        cal_reminder_settings.c.user_id.in_(user_ids))).all()) if user_ids else {}
    return {u: found.get(u, cp.DEFAULT_REMINDER_MIN) for u in user_ids}


def send_due(tx: Tx) -> int:
    """Emit every reminder due now; returns how many were sent."""
    conn = tx.conn
    longest = conn.execute(select(func.max(cal_reminder_settings.c.minutes))).scalar()
    horizon = max(int(longest or 0), cp.DEFAULT_REMINDER_MIN)
    now = tx.now
    occs = service.event_occurrences(conn, now, now + timedelta(minutes=horizon)) + \
        service.meeting_occurrences(conn, now, now + timedelta(minutes=horizon))
    sent = 0
    for occ in occs:
        if occ.start <= now:
            continue
        people = occ.attendees | ({occ.host_id} if occ.host_id else set())
        kind, ref = ("meeting", occ.meeting_id) if occ.meeting_id else ("event", occ.event_id)
        key = utc_key(occ.start)
        already = set(conn.execute(select(cal_reminders_sent.c.user_id).where(
            cal_reminders_sent.c.kind == kind, cal_reminders_sent.c.ref_id == ref,
            cal_reminders_sent.c.occurrence_utc == key)).scalars())
        for user_id, minutes in sorted(_minutes(conn, people - already).items()):
            if minutes <= 0 or occ.start - timedelta(minutes=minutes) > now:
                continue
            conn.execute(insert(cal_reminders_sent).values(
                kind=kind, ref_id=ref, occurrence_utc=key, user_id=user_id,
                sent_at=tx.now_iso))
            tx.emit(user_topic(user_id), cp.CalendarReminderDue(
                event_id=occ.event_id, meeting_id=occ.meeting_id,
                starts_at=local_iso(occ.start), minutes=minutes))
            if occ.event_id is not None:  # meetings: the alerts module's own 15-minute rule
                raise_alert(tx, level="info", title=f"Sắp đến lịch: {occ.title}",
                            body=f"Bắt đầu lúc {local_iso(occ.start)[11:16]}"
                                 + (f" tại {occ.location}" if occ.location else ""),
                            source="calendar", recipients=[user_id],
                            rule_key=f"calendar:{ref}:{key}:{user_id}")
            sent += 1
    return sent


class Reminders:
    """The timer; started with the loop, stopped at shutdown."""

    def __init__(self, services: Services, interval: float = INTERVAL_S) -> None:
        self.services = services
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # built outside a server loop (a CLI): no timer
        self._task = loop.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.services.committer.run(send_due)
            except RuntimeError:
                return  # the committer stopped: shutting down
            except Exception:
                log.exception("calendar reminders failed")

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(Exception):
                self._task = None


def setup_reminders(services: Services) -> None:
    reminders = Reminders(services)
    services.extra["calendar.reminders"] = reminders
    reminders.start()
    services.on_shutdown.append(reminders.stop)
