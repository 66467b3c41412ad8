"""Published weeks ("Lịch công tác tuần") and the holidays the calendar shows.

A week is published with a version; any later change to an occurrence in it marks the
publication superseded (lịch điều chỉnh) until the office publishes it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from server.modules.calendar.tables import cal_publications
from server.paperwork.workdays import holidays_between as _holidays


def publish_week(conn: Connection, monday: date, user_id: int, now_iso: str) -> int:
    key = monday.isoformat()
    row = conn.execute(select(cal_publications).where(cal_publications.c.week == key)).first()
    if row is None:
        conn.execute(insert(cal_publications).values(
            week=key, version=1, published_at=now_iso, published_by=user_id))
        return 1
    version = int(row.version) + 1
    conn.execute(update(cal_publications).where(cal_publications.c.week == key).values(
        version=version, published_at=now_iso, published_by=user_id, superseded_at=None))
    return version


def mark_superseded(conn: Connection, weeks: Iterable[date], now_iso: str
                    ) -> list[tuple[str, int]]:
    """Mark the published, not yet superseded weeks among ``weeks``; returns them."""
    keys = sorted({w.isoformat() for w in weeks})
    if not keys:
        return []
    rows = list(conn.execute(select(cal_publications.c.week, cal_publications.c.version)
                             .where(cal_publications.c.week.in_(keys),
                                    cal_publications.c.superseded_at.is_(None))))
    if rows:
        conn.execute(update(cal_publications).where(
            cal_publications.c.week.in_([r.week for r in rows])).values(superseded_at=now_iso))
    return [(r.week, int(r.version)) for r in rows]


def publication(conn: Connection, monday: date) -> Any:
    return conn.execute(select(cal_publications).where(
        cal_publications.c.week == monday.isoformat())).first()


def publications_between(conn: Connection, first: date, last: date) -> list[dict[str, Any]]:
    lo = (first - timedelta(days=6)).isoformat()
    return [{"week": r.week, "version": r.version, "published_at": r.published_at,
             "superseded": r.superseded_at is not None}
            for r in conn.execute(select(cal_publications).where(
                cal_publications.c.week >= lo, cal_publications.c.week <= last.isoformat())
                .order_by(cal_publications.c.week))]


def holidays_between(first: date, last: date) -> list[dict[str, str]]:
    return [{"date": d.isoformat(), "name": n} for d, n in _holidays(first, last)]
