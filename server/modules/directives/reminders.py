"""The reminder scan: before a deadline and on the day a directive becomes overdue.

A timer thread submits :func:`scan` as a unit of work on the committer every
``Settings.directive_scan_s`` seconds. Each occasion — ``due:<deadline>`` (the deadline is
within ``Settings.directive_remind_days`` working days) and ``overdue:<deadline>`` — fires
once per directive: the firing is recorded in ``directive_alerts`` in the same transaction
as the alert, so neither a second scan nor a restart fires it again; a granted extension
(a new deadline) makes new occasions. Recipients: the assignee (or the lead unit's members
where no person is named) and the lead unit's head.

:func:`raise_reminder` is the one place that turns an occasion into an alert. Until the
alerts module is merged it emits ``directive.reminder`` on each recipient's ``user:<id>``
topic (a stand-in for ``alert.raised``).
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update

from meeting_protocol import directives as dp
from meeting_protocol.events import user_topic
from server.modules.alerts.queries import raise_alert
from server.modules.directives import service as sv
from server.modules.directives.tables import directive_alerts, directives
from server.modules.org import service as org
from server.paperwork.workdays import add_working_days
from server.storage.committer import Tx

if TYPE_CHECKING:
    from server.services import Services

log = logging.getLogger(__name__)


def recipients(tx: Tx, row: Any) -> set[int]:
    conn = tx.conn
    who: set[int] = set()
    unit = row["assignee_unit_id"]
    if row["assignee_id"] is not None:
        who.add(row["assignee_id"])
    elif unit is not None:
        who.update(org.users_of_unit(conn, unit))
    if unit is not None:
        head = org.head_of_unit(conn, unit)
        if head is not None:
            who.add(head)
    return who


def raise_reminder(tx: Tx, row: Any, kind: str) -> None:
    """Alert the recipients of one occasion (``due`` or ``overdue``) of a directive.

    One ``alert.raised`` per recipient through the alerts module (PROTOCOL.md: an overdue
    directive raises one alert; the rule key makes it once per occasion), and a
    ``directive.reminder`` so their open directive lists refresh.
    """
    who = sorted(recipients(tx, row))
    content = str(row["content"])
    short = content if len(content) <= 120 else content[:117] + "…"
    overdue = kind == "overdue"
    raise_alert(
        tx, level="critical" if overdue else "warning",
        title=("Nhiệm vụ đã quá hạn: " if overdue else "Nhiệm vụ sắp đến hạn: ") + short,
        body=f"Hạn xử lý: {row['deadline']}", link=f"directive:{row['id']}",
        source="directives", rule_key=f"directive:{row['id']}:{kind}:{row['deadline']}",
        recipients=who)
    event = dp.DirectiveReminder(directive_id=row["id"], kind=kind, deadline=row["deadline"])
    for uid in who:
        tx.emit(user_topic(uid), event)


def _pending(kind: str, lo: str | None, hi: str) -> Any:
    """Open directives whose deadline is in [lo, hi] (lo None: before hi) whose ``kind``
    reminder has not fired: read through the partial index of the unfired only, so a
    run costs what is new, not what has already been reminded."""
    d = directives.c
    flag = d.overdue_alerted if kind == "overdue" else d.due_alerted
    cond = [d.status != "completed", flag.is_(None)]
    if lo is None:
        cond.append(d.deadline < hi)
    else:
        cond += [d.deadline >= lo, d.deadline <= hi]
    return select(directives).where(*cond).order_by(d.deadline, d.id)


def scan(tx: Tx, remind_days: int, *, limit: int = 2000) -> int:
    """Fire every occasion due now; returns how many fired (at most ``limit`` per run, the
    rest next run, so a backlog never makes one long transaction)."""
    today = sv.today(tx.now)
    soon = add_working_days(date.fromisoformat(today), remind_days).isoformat()
    fired = 0
    for kind, query in (("overdue", _pending("overdue", None, today)),
                        ("due", _pending("due", today, soon))):
        for row in tx.conn.execute(query.limit(limit - fired)).mappings().all():
            occasion = f"{kind}:{row['deadline']}"
            flag = {f"{kind}_alerted": row["deadline"]}
            tx.conn.execute(update(directives).where(directives.c.id == row["id"])
                            .values(**flag))
            done = tx.conn.execute(select(directive_alerts.c.directive_id).where(
                directive_alerts.c.directive_id == row["id"],
                directive_alerts.c.occasion == occasion)).first()
            if done is not None:  # fired before the row was marked: never twice
                continue
            tx.conn.execute(directive_alerts.insert().values(
                directive_id=row["id"], occasion=occasion, fired_at=tx.now_iso))
            sv.record(tx.conn, row["id"], tx.now_iso, None, f"reminder_{kind}",
                      deadline_to=row["deadline"])
            raise_reminder(tx, row, kind)
            fired += 1
        if fired >= limit:
            break
    return fired


def _scan_days(tx: Tx, *, days: int) -> int:
    return scan(tx, days)


def count_fired(conn: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(directive_alerts)).scalar())


class ReminderTimer:
    """Runs :func:`scan` every ``interval`` seconds on the committer (its own thread only
    waits; the scan itself runs on the database thread like every unit)."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="directive-reminders",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        s = self._services.settings
        interval = max(0.05, s.directive_scan_s)
        first = min(interval, 1.0)
        wait = first
        while not self._stop.wait(wait):
            wait = interval
            days = s.directive_remind_days
            try:
                self._services.committer.submit(partial(_scan_days, days=days), self._done)
            except RuntimeError:  # the committer has stopped: the server is going down
                return

    @staticmethod
    def _done(_result: Any, error: BaseException | None) -> None:
        if error is not None:
            log.error("directive reminder scan failed", exc_info=error)
