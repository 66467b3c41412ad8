"""The figures government reporting uses, in one grouped query per call.

For each lead unit: completed on time, completed late, not completed within the deadline
(still open, not yet due), overdue (open, deadline passed), open without a deadline
(counted apart), overdue by more than 30 days. The on-time rate is the share completed on
time among those whose deadline has come or which are completed:
``on_time / (on_time + late + overdue)`` (None when there are none).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.engine import Connection

from server.modules.directives.tables import directives
from server.modules.meetings.tables import participants
from server.modules.org.tables import org_people, org_units

GROUPS = ("completed_on_time", "completed_late", "not_due", "overdue", "no_deadline")


def _sums(today: str) -> list[Any]:
    d = directives.c
    done = d.status == "completed"
    month_ago = (date.fromisoformat(today) - timedelta(days=30)).isoformat()

    def count(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    return [
        count(and_(done, d.on_time.is_(True))).label("completed_on_time"),
        count(and_(done, d.on_time.is_(False))).label("completed_late"),
        count(and_(~done, d.deadline >= today)).label("not_due"),
        count(and_(~done, d.deadline < today)).label("overdue"),
        count(and_(~done, d.deadline.is_(None))).label("no_deadline"),
        count(and_(~done, d.deadline < month_ago)).label("overdue_30"),
        func.count().label("total"),
    ]


def rate(on_time: int, late: int, overdue: int) -> float | None:
    due = on_time + late + overdue
    return round(on_time / due, 4) if due else None


def figures(conn: Connection, today: str, issued_from: str | None = None,
            issued_to: str | None = None) -> dict[str, Any]:
    """``directive.dashboard``: per unit and in total (units with none are left out)."""
    query = select(directives.c.assignee_unit_id, *_sums(today)) \
        .group_by(directives.c.assignee_unit_id)
    if issued_from:
        query = query.where(directives.c.issued_at >= issued_from)
    if issued_to:
        query = query.where(directives.c.issued_at < _day_after(issued_to))
    names = dict(conn.execute(select(org_units.c.id, org_units.c.name)).all())
    keys = (*GROUPS, "overdue_30", "total")
    units = []
    totals = dict.fromkeys(keys, 0)
    for row in conn.execute(query).mappings():
        entry: dict[str, Any] = {"unit_id": row["assignee_unit_id"],
                                 "name": names.get(row["assignee_unit_id"], "")}
        for key in keys:
            entry[key] = int(row[key])
            totals[key] += int(row[key])
        entry["on_time_rate"] = rate(entry["completed_on_time"], entry["completed_late"],
                                     entry["overdue"])
        units.append(entry)
    units.sort(key=lambda u: (u["name"] == "", u["name"]))
    return {"today": today, "units": units,
            "totals": {**totals, "on_time_rate": rate(totals["completed_on_time"],
                                                      totals["completed_late"],
                                                      totals["overdue"])}}


def _day_after(iso: str) -> str:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def pending_for(conn: Connection, meeting_id: int, today: str) -> list[dict[str, Any]]:
    """Overdue directives assigned to the meeting's participants or to their units."""
    people = select(participants.c.user_id).where(participants.c.meeting_id == meeting_id)
    units = select(org_people.c.unit_id).where(org_people.c.user_id.in_(people),
                                               org_people.c.unit_id.is_not(None))
    d = directives.c
    rows = conn.execute(
        select(directives).where(
            d.status != "completed", d.deadline.is_not(None), d.deadline < today,
            or_(d.assignee_id.in_(people), d.assignee_unit_id.in_(units)))
        .order_by(d.deadline, d.id)).mappings().all()
    from server.modules.directives.service import summary

    return [summary(r, today) for r in rows]
