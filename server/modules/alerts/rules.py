"""The server's own alert rules, scanned every few seconds on the database thread.

Each rule runs as its own unit of work (one failing rule does not hold back
the others) and raises through :func:`raise_alert` with a ``rule_key`` naming
the occasion, so a firing is recorded with its alert and never repeated, across
restarts too. The scan interval is ``MEETING_ALERT_SCAN_S`` (seconds,
default 15); the first scan runs as the server starts.
"""

from __future__ import annotations

import asyncio
import logging
import os
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import msgspec
from sqlalchemy import insert, select, update

from meeting_protocol.events import ATTENDANCE_CHANGED, MEETING_STATUS, meeting_topic
from meeting_protocol.roles import CHAIR, CLERK
from server.modules.alerts.queries import Rule, raise_alert
from server.modules.alerts.tables import alert_cursors
from server.modules.meetings.tables import meetings, participants
from server.storage.eventlog import event_log

if TYPE_CHECKING:
    from server.services import Services
    from server.storage.committer import Tx

log = logging.getLogger(__name__)

SOON = timedelta(minutes=15)
"""A meeting starting within this is announced to its participants."""


def scan_interval() -> float:
    try:
        return max(0.2, float(os.environ.get("MEETING_ALERT_SCAN_S", "15")))
    except ValueError:
        return 15.0


def _when(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def meeting_starting_soon(tx: Tx) -> None:
    """A published meeting starting within 15 minutes → its participants, once per start
    time (a meeting moved to another time is announced again)."""
    rows = tx.conn.execute(select(meetings.c.id, meetings.c.title, meetings.c.starts_at)
                           .where(meetings.c.status == "scheduled")).all()
    for row in rows:
        starts = _when(row.starts_at)
        if starts is None or not tx.now < starts <= tx.now + SOON:
            continue
        people = tx.conn.execute(select(participants.c.user_id).where(
            participants.c.meeting_id == row.id)).scalars().all()
        minutes = max(1, round((starts - tx.now).total_seconds() / 60))
        raise_alert(tx, level="info", title=f"Sắp đến giờ họp: {row.title}",
                    body=f"Cuộc họp bắt đầu sau khoảng {minutes} phút ({row.starts_at}).",
                    link=f"meeting:{row.id}", user_ids=people,
                    rule_key=f"meeting-soon:{row.id}:{row.starts_at}")


def _attendance_events(tx: Tx, topic: str, after: int, before: int | None = None
                       ) -> list[Any]:
    query = select(event_log.c.seq, event_log.c.data).where(
        event_log.c.topic == topic, event_log.c.event == ATTENDANCE_CHANGED,
        event_log.c.seq > after)
    if before is not None:
        query = query.where(event_log.c.seq < before)
    return tx.conn.execute(query.order_by(event_log.c.seq)).all()


def _quorum_met(row: Any) -> bool:
    return bool(msgspec.json.decode(row.data).get("quorum_met"))


def quorum_lost(tx: Tx) -> None:
    """Quorum lost during a session → the chair and the clerk, once per loss.

    Follows each running meeting's ``attendance.changed`` events from where the
    last scan stopped (a cursor kept in the same transaction); the state at the
    opening is the last attendance event before ``meeting.status`` in_progress.
    """
    running = tx.conn.execute(select(meetings.c.id, meetings.c.title)
                              .where(meetings.c.status == "in_progress")).all()
    for meeting in running:
        topic = meeting_topic(meeting.id)
        name = f"quorum:{meeting.id}"
        cursor = tx.conn.execute(select(alert_cursors).where(
            alert_cursors.c.name == name)).first()
        if cursor is None:
            opened = tx.conn.execute(select(event_log.c.seq, event_log.c.data).where(
                event_log.c.topic == topic, event_log.c.event == MEETING_STATUS
            ).order_by(event_log.c.seq.desc())).all()
            start = next((r.seq for r in opened
                          if msgspec.json.decode(r.data).get("status") == "in_progress"), 0)
            before = _attendance_events(tx, topic, 0, start)
            seq, met = start, bool(before) and _quorum_met(before[-1])
            tx.conn.execute(insert(alert_cursors).values(name=name, seq=seq, flag=met))
        else:
            seq, met = cursor.seq, bool(cursor.flag)
        events = _attendance_events(tx, topic, seq)
        if not events:
            continue
        for event in events:
            now_met = _quorum_met(event)
            if met and not now_met:
                _raise_quorum_lost(tx, meeting.id, meeting.title, event)
            met = now_met
        tx.conn.execute(update(alert_cursors).where(alert_cursors.c.name == name)
                        .values(seq=events[-1].seq, flag=met))


def _raise_quorum_lost(tx: Tx, meeting_id: int, title: str, event: Any) -> None:
    data = msgspec.json.decode(event.data)
    heads = tx.conn.execute(select(participants.c.user_id).where(
        participants.c.meeting_id == meeting_id,
        participants.c.role.in_((CHAIR, CLERK)))).scalars().all()
    raise_alert(tx, level="critical", title=f"Không đủ số đại biểu: {title}",
                body=f"Có mặt {data.get('present')}/{data.get('expected')} đại biểu.",
                link=f"meeting:{meeting_id}", user_ids=heads,
                rule_key=f"quorum-lost:{meeting_id}:{event.seq}")


BUILT_IN: tuple[Rule, ...] = (meeting_starting_soon, quorum_lost)


class RuleScheduler:
    """Runs every rule in its own unit, every ``interval`` seconds, on the database thread."""

    def __init__(self, services: Services, interval: float) -> None:
        self.services = services
        self.interval = interval
        self.rules: list[Rule] = list(BUILT_IN)
        self.scans = 0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._loop())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def scan(self) -> None:
        for rule in list(self.rules):
            try:
                await self.services.committer.run(rule)
            except RuntimeError:
                return  # the committer has stopped: the server is shutting down
            except Exception:
                log.exception("alert rule %s failed", getattr(rule, "__name__", rule))
        self.scans += 1

    async def _loop(self) -> None:
        while True:
            await self.scan()
            await asyncio.sleep(self.interval)

