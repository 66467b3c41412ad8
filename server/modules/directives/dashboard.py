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

from sqlalchemy import and_, case, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from server.modules.directives.service import issued_between
from server.modules.directives.tables import directive_done_counts, directives
from server.modules.meetings.tables import agenda_items, participants
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


OPEN = ("assigned", "in_progress", "reported", "returned")


def count_done(conn: Connection, unit_id: int | None, on_time: bool) -> None:
    """Add one completion to the per-unit counts (same transaction as the completion)."""
    key = unit_id or 0
    column = "on_time" if on_time else "late"
    done = directive_done_counts.c
    changed = conn.execute(update(directive_done_counts).where(done.unit_id == key)
                           .values({column: done[column] + 1})).rowcount
    if not changed:
        conn.execute(insert(directive_done_counts).values(
            unit_id=key, on_time=int(on_time), late=int(not on_time)))


def _rows_fast(conn: Connection, today: str) -> list[dict[str, Any]]:
    """Figures per unit from the completion counts and the open directives only."""
    d = directives.c
    month_ago = (date.fromisoformat(today) - timedelta(days=30)).isoformat()

    def count(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    open_rows = conn.execute(
        select(d.assignee_unit_id, count(d.deadline >= today).label("not_due"),
               count(d.deadline < today).label("overdue"),
               count(d.deadline.is_(None)).label("no_deadline"),
               count(d.deadline < month_ago).label("overdue_30"),
               func.count().label("open"))
        .where(d.status.in_(OPEN)).group_by(d.assignee_unit_id)).mappings().all()
    out: dict[int | None, dict[str, Any]] = {}
    for r in open_rows:
        out[r["assignee_unit_id"]] = {"assignee_unit_id": r["assignee_unit_id"],
                                      "completed_on_time": 0, "completed_late": 0,
                                      **{k: int(r[k]) for k in (
                                          "not_due", "overdue", "no_deadline",
                                          "overdue_30")}, "total": int(r["open"])}
    zero = dict.fromkeys(("not_due", "overdue", "no_deadline", "overdue_30", "total"), 0)
    for unit_id, on_time, late in conn.execute(select(directive_done_counts)).all():
        key = unit_id or None
        entry = out.setdefault(key, {"assignee_unit_id": key, **zero})
        entry["completed_on_time"] = int(on_time)
        entry["completed_late"] = int(late)
        entry["total"] = entry["total"] + int(on_time) + int(late)
    return list(out.values())


def figures(conn: Connection, today: str, issued_from: str | None = None,
            issued_to: str | None = None) -> dict[str, Any]:
    """``directive.dashboard``: per unit and in total (units with none are left out).

    Without a date range the completed directives come from their counts; with one, every
    directive in the range is counted."""
    if issued_from or issued_to:
        query = select(directives.c.assignee_unit_id, *_sums(today)) \
            .group_by(directives.c.assignee_unit_id)
        start, end = issued_between(issued_from, issued_to)
        if start:
            query = query.where(directives.c.issued_at >= start)
        if end:
            query = query.where(directives.c.issued_at < end)
        rows: list[Any] = list(conn.execute(query).mappings())
    else:
        rows = _rows_fast(conn, today)
    names = dict(conn.execute(select(org_units.c.id, org_units.c.name)).all())
    keys = (*GROUPS, "overdue_30", "total")
    units = []
    totals = dict.fromkeys(keys, 0)
    for row in rows:
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

    placed = dict(conn.execute(select(agenda_items.c.directive_id, agenda_items.c.id).where(
        agenda_items.c.meeting_id == meeting_id,
        agenda_items.c.directive_id.is_not(None))).all())
    return [{**summary(r, today), "agenda_item_id": placed.get(r["id"])} for r in rows]
