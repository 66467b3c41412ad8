"""The directives domain inside a unit of work: who sees what, rows as the wire shows them.

Visibility (PROTOCOL.md and issue 15): leaders, office and admins see every directive;
anyone else sees what they issued, what is assigned to them, and what is assigned to their
unit — as lead unit or as a coordinating unit (a coordinating unit has its own part to
report on, so it must see it). Anything else is answered as missing (``not_found``) and is
absent from lists and counts.

"Today" and "overdue" are judged in Asia/Ho_Chi_Minh from the unit of work's clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true
from sqlalchemy.engine import Connection

from server.dispatch import Context
from server.errors import NotFound
from server.module import Reader
from server.modules.attachments.claim import of_owners
from server.modules.directives.tables import (
    directive_extensions,
    directive_history,
    directive_units,
    directives,
)
from server.modules.meetings.tables import agenda_items, meetings
from server.storage.committer import utc_now_iso

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
SEE_ALL = ("leader", "office")
"""Global roles that see every directive (admins pass every role check)."""

NOT_FOUND = ("Không tìm thấy chỉ đạo.", "Directive not found.")


def today(now: datetime) -> str:
    """Today's date in Asia/Ho_Chi_Minh, ISO."""
    return now.astimezone(LOCAL).date().isoformat()


def issued_between(issued_from: str | None, issued_to: str | None
                   ) -> tuple[str | None, str | None]:
    """A range of local dates (both ends included) as ``issued_at`` bounds: the UTC
    instants, in the stored format, of the first day's local midnight and of the midnight
    after the last day. (A plain date compared with a UTC timestamp is seven hours off:
    a directive issued at 00:30 on the 5th, Hà Nội time, is stored on the 4th.)"""
    def midnight(day: date) -> str:
        return utc_now_iso(datetime.combine(day, time(0), LOCAL).astimezone(UTC))

    start = midnight(date.fromisoformat(issued_from)) if issued_from else None
    end = (midnight(date.fromisoformat(issued_to) + timedelta(days=1))
           if issued_to else None)
    return start, end


def local_date(iso: str) -> str:
    """The local (Asia/Ho_Chi_Minh) date of an ISO timestamp such as ``...Z``."""
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(LOCAL).date() \
        .isoformat()


def sees_all(ctx: Context) -> bool:
    return ctx.session is not None and ctx.session.has_role(*SEE_ALL)


def visible(ctx: Context) -> ColumnElement[bool]:
    """The SQL condition of the directives ``ctx``'s user may see."""
    session = ctx.session
    if session is None:
        return false()
    return visible_for(session.user_id, session.unit_id, sees_all(ctx))


def visible_for(user_id: int, unit_id: int | None, all_: bool) -> ColumnElement[bool]:
    """:func:`visible` for a user known by id and unit (an attachment's reader)."""
    if all_:
        return true()
    mine = [directives.c.issued_by == user_id, directives.c.assignee_id == user_id]
    if unit_id is not None:
        mine.append(directives.c.assignee_unit_id == unit_id)
        mine.append(exists().where(directive_units.c.directive_id == directives.c.id,
                                   directive_units.c.unit_id == unit_id))
    return or_(*mine)


def may_read_report_files(conn: Connection, reader: Reader, history_id: int) -> bool:
    """A report's attachments: whoever sees the directive (attachments owner rule)."""
    return conn.execute(select(directives.c.id).join(
        directive_history, directive_history.c.directive_id == directives.c.id).where(
        directive_history.c.id == history_id,
        visible_for(reader.user_id, reader.unit_id, reader.has_role(*SEE_ALL)))
    ).first() is not None


def assigned_to_me(ctx: Context) -> ColumnElement[bool]:
    """``scope: mine``: assigned to the user or to their unit (lead or coordinating)."""
    session = ctx.session
    assert session is not None
    mine = [directives.c.assignee_id == session.user_id]
    if session.unit_id is not None:
        mine.append(directives.c.assignee_unit_id == session.unit_id)
        mine.append(exists().where(directive_units.c.directive_id == directives.c.id,
                                   directive_units.c.unit_id == session.unit_id))
    return or_(*mine)


def overdue_condition(today_iso: str) -> ColumnElement[bool]:
    return and_(directives.c.status != "completed", directives.c.deadline.is_not(None),
                directives.c.deadline < today_iso)


def load(conn: Connection, ctx: Context, directive_id: int) -> dict[str, Any]:
    """The directive's row if the user may see it; else ``not_found``."""
    row = conn.execute(select(directives).where(directives.c.id == directive_id,
                                                visible(ctx))).mappings().first()
    if row is None:
        raise NotFound(NOT_FOUND[0], en=NOT_FOUND[1])
    return dict(row)


def source_of(row: Any) -> dict[str, Any] | None:
    if row["source_registry_id"] is not None:
        return {"registry_id": row["source_registry_id"]}
    if row["source_meeting_id"] is None:
        return None
    out: dict[str, Any] = {"meeting_id": row["source_meeting_id"]}
    if row["source_item_id"] is not None:
        out["item_id"] = row["source_item_id"]
    if row["source_notice"]:
        out["notice"] = True
    return out


def is_overdue(row: Any, today_iso: str) -> bool:
    return row["status"] != "completed" and row["deadline"] is not None \
        and row["deadline"] < today_iso


def summary(row: Any, today_iso: str) -> dict[str, Any]:
    """A directive as ``directive.list`` shows it."""
    return {
        "directive_id": row["id"], "content": row["content"], "status": row["status"],
        "deadline": row["deadline"], "overdue": is_overdue(row, today_iso),
        "assignee_id": row["assignee_id"], "assignee_unit_id": row["assignee_unit_id"],
        "source": source_of(row), "issued_by": row["issued_by"],
        "issued_at": row["issued_at"], "priority": row["priority"],
        "percent": row["percent"], "completed_at": row["completed_at"],
        "on_time": row["on_time"],
    }


def detail(conn: Connection, row: Any, today_iso: str) -> dict[str, Any]:
    """A directive with its coordinating units, extensions and whole history."""
    out = summary(row, today_iso)
    did = row["id"]
    out["coordinating"] = [
        {"unit_id": u.unit_id, "part": u.part, "percent": u.percent, "note": u.note}
        for u in conn.execute(select(directive_units).where(
            directive_units.c.directive_id == did).order_by(directive_units.c.unit_id))]
    out["extensions"] = [
        {"extension_id": e.id, "requested_by": e.requested_by,
         "requested_at": e.requested_at, "old_deadline": e.old_deadline,
         "new_deadline": e.new_deadline, "reason": e.reason, "decision": e.decision,
         "decided_by": e.decided_by, "decided_at": e.decided_at,
         "decision_note": e.decision_note}
        for e in conn.execute(select(directive_extensions).where(
            directive_extensions.c.directive_id == did).order_by(directive_extensions.c.id))]
    steps = conn.execute(select(directive_history).where(
        directive_history.c.directive_id == did).order_by(directive_history.c.id)).all()
    files = of_owners(conn, "directive_report", [h.id for h in steps])
    out["history"] = [
        {"at": h.at, "by": h.by, "kind": h.kind, "status": h.status, "percent": h.percent,
         "unit_id": h.unit_id, "note": h.note, "deadline_from": h.deadline_from,
         "deadline_to": h.deadline_to, "extension_id": h.extension_id,
         "history_id": h.id, "attachments": files.get(h.id, [])}
        for h in steps]
    out["on_agenda"] = agenda_links(conn, did)
    return out


def agenda_links(conn: Connection, directive_id: int) -> list[dict[str, Any]]:
    """The meetings whose agenda brought this directive back ("đưa vào chương trình họp")."""
    rows = conn.execute(
        select(meetings.c.id, meetings.c.title, meetings.c.starts_at, agenda_items.c.id,
               agenda_items.c.position)
        .join(meetings, meetings.c.id == agenda_items.c.meeting_id)
        .where(agenda_items.c.directive_id == directive_id).order_by(meetings.c.starts_at)).all()
    return [{"meeting_id": r[0], "title": r[1], "starts_at": r[2], "item_id": r[3],
             "position": r[4]} for r in rows]


def exists_row(conn: Connection, directive_id: int) -> bool:
    """For ``agenda.add``'s ``directive_id`` (the meetings module's hook)."""
    return conn.execute(select(directives.c.id).where(
        directives.c.id == directive_id)).first() is not None


def record(conn: Connection, directive_id: int, at: str, by: int | None, kind: str,
           **fields: Any) -> int:
    """One step of a directive's history; its id."""
    return int(conn.execute(directive_history.insert().values(
        directive_id=directive_id, at=at, by=by, kind=kind, note=fields.pop("note", ""),
        **fields)).inserted_primary_key[0])


def parse_date(value: str) -> date:
    from server.errors import BadRequest

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"Ngày không hợp lệ: {value}.", en=f"Not a date: {value}.") from None
